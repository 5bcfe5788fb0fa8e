/**
 * setup.cfg front end (setuptools' declarative config): `[options]`
 * `install_requires`, `setup_requires` and `tests_require`, and every key of
 * `[options.extras_require]`. Values are read as Python's configparser reads
 * them: a value continues on the lines indented below its key, `#` and `;`
 * start whole-line comments. Each line of a value is one PEP 508 requirement.
 */

import { pep508Entry, type EntryLine } from "./entries.js";
import type { ManifestParse } from "./pyproject.js";
import type { CommentRecord } from "./requirements.js";

const REQUIREMENT_KEYS = new Set(["install_requires", "setup_requires", "tests_require"]);

interface Line {
  start: number;
  text: string;
}

function physicalLines(text: string): Line[] {
  const out: Line[] = [];
  for (const m of text.matchAll(/([^\r\n]*)(?:\r\n|\r|\n|$)/gu)) {
    if (m[0] === "" && m.index >= text.length) break;
    out.push({ start: m.index, text: m[1]! });
  }
  return out;
}

/** Requirement entries of a setup.cfg, in file order. */
export function readSetupCfg(text: string): ManifestParse {
  const lines: EntryLine[] = [];
  const comments: CommentRecord[] = [];
  let section = "";
  // Whether the key being continued holds requirements.
  let inValue = false;
  const take = (value: string, at: number): void => {
    const lead = value.length - value.trimStart().length;
    const req = value.trim();
    // `file: requirements.txt` points at another file, which is linted on its own.
    if (!req || req.startsWith("file:")) return;
    const entry = pep508Entry(req, at + lead, "setup");
    if (entry) lines.push(entry);
  };
  for (const line of physicalLines(text)) {
    const trimmed = line.text.trimStart();
    const indent = line.text.length - trimmed.length;
    if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
      const at = line.start + indent;
      comments.push({ value: trimmed.slice(1), range: [at, at + trimmed.length], lineStart: line.start });
      continue;
    }
    if (trimmed === "") continue;
    if (indent > 0 && inValue) {
      take(line.text, line.start);
      continue;
    }
    if (indent > 0) continue;
    const header = /^\[([^\]]+)\]/u.exec(trimmed);
    if (header) {
      section = header[1]!.trim();
      inValue = false;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]/u.exec(line.text);
    if (!kv) {
      inValue = false;
      continue;
    }
    const key = kv[1]!.trim();
    inValue = (section === "options" && REQUIREMENT_KEYS.has(key)) || section === "options.extras_require";
    if (inValue) take(line.text.slice(kv[0].length), line.start + kv[0].length);
  }
  return { lines, comments };
}
