import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import type { ESLint } from "eslint";
import { readNotebook } from "../parsers/notebook/notebook.js";
import type { NotebookMessage } from "../parsers/notebook/processor.js";

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

function readSource(result: ESLint.LintResult): string | null {
  if (result.source !== undefined) return result.source;
  try {
    return readFileSync(result.filePath, "utf8");
  } catch {
    return null;
  }
}

const normalise = (line: string | undefined) => (line ?? "").trim().replace(/\s+/gu, " ");

/** The line a reader sees: in a notebook, the line of the cell, not of the JSON file. */
function reportedLine(source: string | null, m: NotebookMessage, cells: Map<number, string[]> | null): string {
  if (source === null) return "";
  if (m.cell !== undefined && m.cellLine !== undefined && cells) return normalise(cells.get(m.cell)?.[m.cellLine - 1]);
  return normalise(source.split(/\r\n|[\r\n]/u)[m.line - 1]);
}

function cellLines(source: string | null, filePath: string): Map<number, string[]> | null {
  if (source === null || !filePath.endsWith(".ipynb")) return null;
  const nb = readNotebook(source);
  return nb.ok ? new Map(nb.cells.map((c) => [c.number, c.source.split(/\r\n|[\r\n]/u)])) : null;
}

export const relativePath = (root: string, path: string) => relative(root, path).split(sep).join("/");

/** One fingerprint per message of each result, in message order. */
export function fingerprints(results: ESLint.LintResult[], root: string): Fingerprinted[][] {
  return results.map((result) => {
    if (!result.messages.length) return [];
    const file = relativePath(root, result.filePath);
    const source = readSource(result);
    const cells = cellLines(source, result.filePath);
    // Occurrences count in reading order, whatever order the messages came in.
    const order = result.messages.map((m, i) => i).sort((a, b) => {
      const x = result.messages[a]!;
      const y = result.messages[b]!;
      return x.line - y.line || x.column - y.column || a - b;
    });
    const seen = new Map<string, number>();
    const out: Fingerprinted[] = new Array(result.messages.length);
    for (const i of order) {
      const m = result.messages[i]!;
      const ruleId = m.ruleId ?? FILE_ERROR;
      const code = reportedLine(source, m, cells);
      const key = createHash("sha256").update(`${ruleId}\0${file}\0${code}`).digest("hex").slice(0, 24);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      out[i] = { file, ruleId, code, fingerprint: `${key}:${n}` };
    }
    return out;
  });
}
