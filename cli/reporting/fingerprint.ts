import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import type { ESLint } from "eslint";
import { readNotebook } from "../../parsers/notebook/notebook.js";
import type { NotebookMessage } from "../../parsers/notebook/processor.js";
import { readText } from "../../io/read.js";

/**
 * A finding's identity that survives edits elsewhere in the file: the rule, the
 * file's path relative to a root, the whitespace-normalised text of the reported
 * line, and which occurrence of that same triple it is. Line numbers are left out
 * on purpose, so inserting lines above a finding keeps its fingerprint, while a
 * copy of the same mistake on another line gets the next occurrence index.
 */
export interface Fingerprinted {
  /** Path relative to the root, with forward slashes. */
  file: string;
  ruleId: string;
  /** The reported line, whitespace collapsed. */
  code: string;
  fingerprint: string;
}

const FILE_ERROR = "(file)";

/** A result's text: what ESLint kept, or the file read again through the gate (never outside `roots`, never a device). */
export function sourceOf(result: ESLint.LintResult, roots?: readonly string[]): string | null {
  if (result.source !== undefined) return result.source;
  const read = readText(result.filePath, roots ? { roots } : {});
  return read.ok ? read.text : null;
}

const normalise = (line: string | undefined) => (line ?? "").trim().replace(/\s+/gu, " ");

/** A file's lines, split once however many findings it has; for a notebook, each code cell's lines too. */
export interface SourceLines {
  lines: string[];
  cells: Map<number, string[]> | null;
}

export function sourceLines(source: string, filePath: string): SourceLines {
  return { lines: source.split(/\r\n|[\r\n]/u), cells: cellLines(source, filePath) };
}

/** The line a reader sees: in a notebook, the line of the cell, not of the JSON file. */
function reportedLine(source: SourceLines | null, m: NotebookMessage): string {
  if (source === null) return "";
  if (m.cell !== undefined && m.cellLine !== undefined && source.cells) return normalise(source.cells.get(m.cell)?.[m.cellLine - 1]);
  return normalise(source.lines[m.line - 1]);
}

function cellLines(source: string, filePath: string): Map<number, string[]> | null {
  if (!filePath.endsWith(".ipynb")) return null;
  const nb = readNotebook(source);
  return nb.ok ? new Map(nb.cells.map((c) => [c.number, c.source.split(/\r\n|[\r\n]/u)])) : null;
}

export const relativePath = (root: string, path: string) => relative(root, path).split(sep).join("/");

/** One fingerprint per message of each result, in message order. */
export function fingerprints(results: ESLint.LintResult[], root: string, roots?: readonly string[]): Fingerprinted[][] {
  return results.map((result) => {
    if (!result.messages.length) return [];
    const file = relativePath(root, result.filePath);
    const text = sourceOf(result, roots);
    const source = text === null ? null : sourceLines(text, result.filePath);
    // Occurrences count in reading order, whatever order the messages came in.
    const order = result.messages
      .map((m, i) => i)
      .sort((a, b) => {
        const x = result.messages[a]!;
        const y = result.messages[b]!;
        return x.line - y.line || x.column - y.column || a - b;
      });
    const seen = new Map<string, number>();
    const out: Fingerprinted[] = new Array(result.messages.length);
    for (const i of order) {
      const m = result.messages[i]!;
      const ruleId = m.ruleId ?? FILE_ERROR;
      const code = reportedLine(source, m);
      const key = createHash("sha256").update(`${ruleId}\0${file}\0${code}`).digest("hex").slice(0, 24);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      out[i] = { file, ruleId, code, fingerprint: `${key}:${n}` };
    }
    return out;
  });
}
