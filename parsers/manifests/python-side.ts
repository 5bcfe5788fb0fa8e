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

interface Line {
  start: number;
  text: string;
}

/** A well-formed `# /// script` block: its opening line, its closing line (indexes into the file's lines). */
interface Block {
  open: number;
  close: number;
}

const isContent = (text: string): boolean => text === "#" || text.startsWith("# ");

/**
 * The file's `script` blocks, in order. As PEP 723 says (and uv reads it), a
 * block runs from `# /// script` to the last `# ///` before the comment lines
 * end; an opening line without one is no block. One pass: each run of
 * comment lines is looked at once.
 */
function scriptBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!BLOCK_START.test(lines[i]!.text)) {
      i++;
      continue;
    }
    let close = -1;
    let j = i + 1;
    for (; j < lines.length && isContent(lines[j]!.text); j++) if (BLOCK_END.test(lines[j]!.text)) close = j;
    if (close > 0) blocks.push({ open: i, close });
    i = j;
  }
  return blocks;
}

/** Where a file's PEP 723 blocks open, and the requirement entries of the first. */
export interface ScriptBlocks {
  entries: Entry[];
  /** 1-based line and range of each block's opening line; more than one is an error under PEP 723. */
  opens: { line: number; range: Range }[];
}

/**
 * Requirement entries of the first PEP 723 `script` block, at their places in
 * the file (none when its TOML is invalid). A second block is an error under
 * PEP 723; uv reads the first and ignores the rest, so the first is the one
 * whose requirements get installed.
 */
export function readScriptBlocks(text: string): ScriptBlocks {
  if (!text.includes("# /// script")) return { entries: [], opens: [] };
  const lines: Line[] = [];
  for (const m of text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/gu)) {
    if (m[0] === "") break;
    lines.push({ start: m.index, text: m[0].replace(/[\r\n]+$/u, "") });
  }
  const blocks = scriptBlocks(lines);
  const opens = blocks.map((b) => ({ line: b.open + 1, range: [lines[b.open]!.start, lines[b.open]!.start + lines[b.open]!.text.length] as Range }));
  const first = blocks[0];
  if (!first) return { entries: [], opens };
  const contentStarts: number[] = [];
  const fileStarts: number[] = [];
  let content = "";
  for (const line of lines.slice(first.open + 1, first.close)) {
    const skip = line.text === "#" ? 1 : 2;
    contentStarts.push(content.length);
    fileStarts.push(line.start + skip);
    content += `${line.text.slice(skip)}\n`;
  }
  if (manifestTooCostly(content, "TOML")) return { entries: [], opens };
  let parsed;
  try {
    parsed = readPyproject(content, "script");
  } catch {
    return { entries: [], opens };
  }
  const toFile = (i: number): number => {
    const k = lastAtOrBefore(contentStarts, i);
    return fileStarts[k]! + i - contentStarts[k]!;
  };
  const entries = parsed.lines.flatMap((l) => (l.type === "Requirement" ? [{ ...mapRecord(l, toFile), manifest: "script" as const }] : []));
  return { entries, opens };
}

/** Requirement entries of the first PEP 723 `script` block; `[]` when there is none or its TOML is invalid. */
export const readScriptBlock = (text: string): Entry[] => readScriptBlocks(text).entries;

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
