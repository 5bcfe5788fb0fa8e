/**
 * Dockerfile front end: the packages that `RUN` instructions install with
 * pip, uv or conda (hadolint's DL3013 and DL3006 ask the same of images: an
 * image built twice should hold the same packages). A `RUN` continues over
 * lines ending in `\`; comment lines inside it are left out, as Docker does.
 * Exec-form `RUN ["pip", ...]` and heredocs are not read.
 */

import type { ManifestParse } from "./pyproject.js";
import type { CommentRecord } from "./requirements.js";
import { installEntries, shellWords, type Word } from "./shell-installs.js";

/** Requirement entries of a Dockerfile, in file order. */
export function readDockerfile(text: string): ManifestParse {
  const comments: CommentRecord[] = [];
  const lines: ManifestParse["lines"] = [];
  let words: Word[] | null = null;
  const flush = (): void => {
    if (words) lines.push(...installEntries(words, "dockerfile"));
    words = null;
  };
  for (const m of text.matchAll(/([^\r\n]*)(?:\r\n|\r|\n|$)/gu)) {
    if (m[0] === "" && m.index >= text.length) break;
    const start = m.index;
    const line = m[1]!;
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed.startsWith("#")) {
      comments.push({ value: trimmed.slice(1), range: [start + indent, start + line.length], lineStart: start });
      continue;
    }
    let body = line;
    let bodyStart = start;
    if (!words) {
      const run = /^\s*RUN\s+/iu.exec(line);
      if (!run || line[run[0].length] === "[") continue;
      body = line.slice(run[0].length);
      bodyStart = start + run[0].length;
      words = [];
    }
    const continued = /\\\s*$/u.test(body);
    if (continued) body = body.replace(/\\\s*$/u, "");
    words.push(...shellWords(body, bodyStart));
    if (!continued) flush();
  }
  flush();
  return { lines, comments };
}
