/**
 * Requirements written inside Python files: a PEP 723 `# /// script` block
 * (inline script metadata, read by `uv run` and `pipx run`) and, in a
 * notebook's virtual Python file, `%pip install` / `!pip install` /
 * `%conda install` lines, which the notebook processor masks as comments
 * (`#pip install numpy`).
 */

import type { Range } from "./requirements.js";
import { lastAtOrBefore } from "../shared/lines.js";
import { manifestTooCostly } from "../shared/bounds.js";
import { mapRecord, type Entry } from "./entries.js";
import { readPyproject } from "./pyproject.js";
import { installEntries, shellWords } from "./shell-installs.js";

// A masked magic starts right after the `#`; a prose comment (`# pip install numpy`) has a space there.
const MASKED_COMMAND = /^\S/u;

const BLOCK_START = /^# \/\/\/ script\s*$/u;
const BLOCK_END = /^# \/\/\/\s*$/u;

/** Requirement entries of the first PEP 723 `script` block, at their places in the file; `[]` when there is none or its TOML is invalid. */
export function readScriptBlock(text: string): Entry[] {
  if (!text.includes("# /// script")) return [];
  const lines: { start: number; text: string }[] = [];
  for (const m of text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/gu)) {
    if (m[0] === "") break;
    lines.push({ start: m.index, text: m[0].replace(/[\r\n]+$/u, "") });
  }
  const open = lines.findIndex((l) => BLOCK_START.test(l.text));
  if (open < 0) return [];
  const contentStarts: number[] = [];
  const fileStarts: number[] = [];
  let content = "";
  let closed = false;
  for (const line of lines.slice(open + 1)) {
    if (BLOCK_END.test(line.text)) {
      closed = true;
      break;
    }
    if (line.text !== "#" && !line.text.startsWith("# ")) break;
    const skip = line.text === "#" ? 1 : 2;
    contentStarts.push(content.length);
    fileStarts.push(line.start + skip);
    content += `${line.text.slice(skip)}\n`;
  }
  if (!closed) return [];
  if (manifestTooCostly(content, "TOML")) return [];
  let parsed;
  try {
    parsed = readPyproject(content, "script");
  } catch {
    return [];
  }
  const toFile = (i: number): number => {
    const k = lastAtOrBefore(contentStarts, i);
    return fileStarts[k]! + i - contentStarts[k]!;
  };
  return parsed.lines.flatMap((l) => (l.type === "Requirement" ? [{ ...mapRecord(l, toFile), manifest: "script" as const }] : []));
}

/**
 * Requirement entries of the install commands among a notebook's masked
 * magic lines. `comments` are the Python file's comments; only a comment
 * that is alone on its line and starts right after `#` (as masking writes it)
 * counts, so a prose comment `# pip install numpy` is left alone.
 */
export function readInstallLines(text: string, comments: readonly { value: string; range: Range }[]): Entry[] {
  const out: Entry[] = [];
  for (const c of comments) {
    if (!MASKED_COMMAND.test(c.value)) continue;
    const lineStart = Math.max(text.lastIndexOf("\n", c.range[0] - 1), text.lastIndexOf("\r", c.range[0] - 1)) + 1;
    if (text.slice(lineStart, c.range[0]).trim() !== "") continue;
    // IPython expands $var and {expr} before running the line: such words are skipped there.
    out.push(...installEntries(shellWords(c.value, c.range[0] + 1), "notebook"));
  }
  return out;
}
