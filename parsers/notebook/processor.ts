import type { Linter } from "eslint";
import { lastAtOrBefore } from "../shared/search.js";
import { maskMagics } from "./magics.js";
import { readNotebook, type Cell } from "./notebook.js";

/**
 * Notebooks through ESLint: the code cells, in order, become one Python
 * program (an import in cell 2 resolves a call in cell 9), linted as
 * `<notebook>.ipynb/notebook.py`; findings come back at the raw `.ipynb`
 * location, with the cell and the line and column inside it.
 */

export const VIRTUAL_NAME = "notebook.py";

interface LineInfo {
  cell: Cell;
  /** 0-based line inside the cell. */
  cellLine: number;
  /** Offset of that line's first character in the cell source. */
  cellOffset: number;
  /** Length of the line as written (masking may change it). */
  length: number;
}

interface Prepared {
  raw: string;
  lines: LineInfo[];
  rawLineStarts: number[];
  error: string | null;
}

export interface NotebookMessage extends Linter.LintMessage {
  cell?: number;
  cellLine?: number;
  cellColumn?: number;
  cellEndLine?: number;
  cellEndColumn?: number;
}

// ESLint calls preprocess and postprocess for the same file back to back.
const prepared = new Map<string, Prepared>();

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function rawLoc(p: Prepared, offset: number): { line: number; column: number } {
  const lo = lastAtOrBefore(p.rawLineStarts, offset);
  return { line: lo + 1, column: offset - p.rawLineStarts[lo]! + 1 };
}

/** Build the virtual Python file and remember how its lines map back. */
export function preprocess(text: string, filename: string): { text: string; filename: string }[] {
  const nb = readNotebook(text);
  const p: Prepared = { raw: text, lines: [], rawLineStarts: lineStarts(text), error: nb.ok ? null : nb.message };
  prepared.set(filename, p);
  if (!nb.ok) return [];
  const out: string[] = [];
  for (const cell of nb.cells) {
    if (cell.type !== "code") continue;
    const masked = maskMagics(cell.source).split("\n");
    let offset = 0;
    const original = cell.source.split("\n");
    masked.forEach((line, i) => {
      out.push(line);
      p.lines.push({ cell, cellLine: i, cellOffset: offset, length: original[i]?.length ?? 0 });
      offset += (original[i]?.length ?? 0) + 1;
    });
  }
  return [{ text: `${out.join("\n")}\n`, filename: VIRTUAL_NAME }];
}

/** Move one virtual position to the raw file; the cell position rides along. */
function mapPosition(p: Prepared, line: number, column: number): { line: number; column: number; cell: number; cellLine: number; cellColumn: number } | null {
  const info = p.lines[line - 1];
  if (!info) return null;
  const index = Math.min(info.cellOffset + Math.min(column - 1, info.length), info.cell.offsets.length - 1);
  const raw = rawLoc(p, info.cell.offsets[Math.max(index, 0)]!);
  return { ...raw, cell: info.cell.number, cellLine: info.cellLine + 1, cellColumn: column };
}

export function postprocess(messages: Linter.LintMessage[][], filename: string): NotebookMessage[] {
  const p = prepared.get(filename);
  prepared.delete(filename);
  if (!p) return messages.flat();
  if (p.error) return [{ ruleId: null, fatal: true, severity: 2, message: `Invalid notebook: ${p.error}`, line: 1, column: 1 }];
  return messages.flat().map((m): NotebookMessage => {
    const start = mapPosition(p, m.line, m.column);
    if (!start) return m;
    const end = m.endLine !== undefined && m.endColumn !== undefined ? mapPosition(p, m.endLine, m.endColumn) : null;
    // Fixes are in virtual-file offsets; they are not carried over to the JSON file.
    const { fix: _fix, suggestions: _suggestions, ...rest } = m;
    return {
      ...rest,
      line: start.line,
      column: start.column,
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      cell: start.cell,
      cellLine: start.cellLine,
      cellColumn: start.cellColumn,
      ...(end && end.cell === start.cell ? { cellEndLine: end.cellLine, cellEndColumn: end.cellColumn } : {}),
    };
  });
}

export const notebookProcessor = {
  meta: { name: "exp-lint/notebook" },
  preprocess,
  postprocess,
  supportsAutofix: false,
};
