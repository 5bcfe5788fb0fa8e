/**
 * Requirements written inside Python files: a PEP 723 `# /// script` block
 * (inline script metadata, read by `uv run` and `pipx run`) and, in a
 * notebook's virtual Python file, `%pip install` / `!pip install` /
 * `%conda install` lines, which the notebook processor masks as comments
 * (`#pip install numpy`).
 */

import type { Range } from "../requirements/parse.js";
import { lastAtOrBefore } from "../shared/lines.js";
import { manifestTooCostly } from "../shared/bounds.js";
import { condaSpecEntry } from "./conda.js";
import { INSTALLER_PACKAGES, mapRecord, pep508Entry, type Entry } from "./entries.js";
import { readPyproject } from "./pyproject.js";

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
  if (manifestTooCostly(content, "toml")) return [];
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

const INSTALLER = new Set(INSTALLER_PACKAGES);
const INSTALL = /^(?:(pip3?|uv pip|python3? -m pip)|(conda|mamba|micromamba))\s+install(?=\s|$)/u;
// Options whose value is the next word: it is not a requirement.
const PIP_VALUE_OPTIONS = new Set(["-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--upgrade-strategy", "--python-version", "--platform", "--only-binary", "--no-binary", "--trusted-host", "--cache-dir", "--src", "-C", "--config-settings"]);
const CONDA_VALUE_OPTIONS = new Set(["-c", "--channel", "-n", "--name", "-p", "--prefix", "--file"]);
// The end of the command: an operator, a redirection, or a shell comment (`# install the RL gym`).
const SHELL_STOP = /^(?:&&|\|\|?|;|&|\d?>.*|>.*|<.*|#.*)$/u;

interface Word {
  text: string;
  /** File offset of `text[0]` when the word is written as-is (or inside one pair of quotes), else `null`. */
  at: number | null;
  range: Range;
}

function words(s: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(/"[^"]*"|'[^']*'|\S+/gu)) {
    const raw = m[0];
    const start = offset + m.index;
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
    out.push(quoted ? { text: raw.slice(1, -1), at: start + 1, range: [start, start + raw.length] } : { text: raw, at: start, range: [start, start + raw.length] });
  }
  return out;
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
    const m = INSTALL.exec(c.value);
    if (!m) continue;
    const lineStart = Math.max(text.lastIndexOf("\n", c.range[0] - 1), text.lastIndexOf("\r", c.range[0] - 1)) + 1;
    if (text.slice(lineStart, c.range[0]).trim() !== "") continue;
    const conda = m[2] !== undefined;
    const valueOptions = conda ? CONDA_VALUE_OPTIONS : PIP_VALUE_OPTIONS;
    const args = words(c.value.slice(m[0].length), c.range[0] + 1 + m[0].length);
    for (let k = 0; k < args.length; k++) {
      const w = args[k]!;
      if (SHELL_STOP.test(w.text)) break;
      if (w.text.startsWith("-")) {
        if (valueOptions.has(w.text)) k++;
        continue;
      }
      // IPython expands $var and {expr} before running the line: the text is not the requirement.
      if (/[${}]/u.test(w.text) || w.at === null) continue;
      if (conda) {
        const entry = condaSpecEntry(w.text, w.at, w.range, "notebook");
        if (entry) out.push(entry);
      } else {
        const entry = pep508Entry(w.text, w.at, "notebook");
        if (entry?.type === "Requirement" && !INSTALLER.has(entry.normalizedName ?? "")) out.push(entry);
      }
    }
  }
  return out;
}
