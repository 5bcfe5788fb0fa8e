import type { Linter } from "eslint";
import { lastAtOrBefore, lineStarts } from "../shared/lines.js";
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
  /** Line starts of the virtual Python file, to map fixes back. */
  virtualLineStarts: number[];
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

function rawLoc(p: Prepared, offset: number): { line: number; column: number } {
  const lo = lastAtOrBefore(p.rawLineStarts, offset);
  return { line: lo + 1, column: offset - p.rawLineStarts[lo]! + 1 };
}

/** Build the virtual Python file and remember how its lines map back. */
export function preprocess(text: string, filename: string): { text: string; filename: string }[] {
  const nb = readNotebook(text);
  const p: Prepared = { raw: text, lines: [], rawLineStarts: lineStarts(text), error: nb.ok ? null : nb.message, virtualLineStarts: [0] };
  prepared.set(filename, p);
  if (!nb.ok) return [];
  const out: string[] = [];
  for (const cell of nb.cells) {
    if (cell.type !== "code") continue;
    // Lines end at \r\n, \r or \n, as Python and ESLint count them; the virtual file ends each with \n.
    const parts = cell.source.split(/(\r\n|\r|\n)/u);
    const original = parts.filter((_, k) => k % 2 === 0);
    const masked = maskMagics(original.join("\n")).split("\n");
    let offset = 0;
    masked.forEach((line, i) => {
      out.push(line);
      p.lines.push({ cell, cellLine: i, cellOffset: offset, length: original[i]?.length ?? 0 });
      offset += (original[i]?.length ?? 0) + (parts[2 * i + 1]?.length ?? 0);
    });
  }
  const virtual = `${out.join("\n")}\n`;
  p.virtualLineStarts = lineStarts(virtual);
  return [{ text: virtual, filename: VIRTUAL_NAME }];
}

/** Move one virtual position to the raw file; the cell position rides along. */
function mapPosition(p: Prepared, line: number, column: number): { line: number; column: number; cell: number; cellLine: number; cellColumn: number } | null {
  const info = p.lines[line - 1];
  if (!info) return null;
  const index = Math.min(info.cellOffset + Math.min(column - 1, info.length), info.cell.offsets.length - 1);
  const raw = rawLoc(p, info.cell.offsets[Math.max(index, 0)]!);
  return { ...raw, cell: info.cell.number, cellLine: info.cellLine + 1, cellColumn: column };
}

/** Cell and index in its source of a virtual-file offset. */
function cellIndex(p: Prepared, offset: number): { info: LineInfo; index: number } | null {
  const line = lastAtOrBefore(p.virtualLineStarts, offset);
  const info = p.lines[line];
  const column = offset - p.virtualLineStarts[line]!;
  // Only where masking kept the line's length (`%pip` → `#pip`) do virtual columns equal cell columns.
  const virtualLength = (p.virtualLineStarts[line + 1] ?? Number.NaN) - p.virtualLineStarts[line]! - 1;
  if (!info || column > info.length || virtualLength !== info.length) return null;
  return { info, index: info.cellOffset + column };
}

/** A fix inside one line of one cell, moved to the raw `.ipynb` text with its new text JSON-escaped. */
function mapFix(p: Prepared, fix: NonNullable<Linter.LintMessage["fix"]>): Linter.LintMessage["fix"] | null {
  const a = cellIndex(p, fix.range[0]);
  const b = cellIndex(p, fix.range[1]);
  if (!a || !b || a.info !== b.info) return null;
  const start = a.info.cell.offsets[a.index];
  const end = b.info.cell.offsets[b.index];
  if (start === undefined || end === undefined) return null;
  return { range: [start, end], text: JSON.stringify(fix.text).slice(1, -1) };
}

/**
 * How a message names a line of the program linted as `filename`: for a
 * notebook, the line inside its cell, as the reader sees it (`line 2 of cell 5`),
 * and the plain line elsewhere. Valid between preprocess and postprocess,
 * which is when rules run.
 */
export function lineLabel(filename: string, line: number): string {
  const info = prepared.get(filename)?.lines[line - 1];
  return info ? `line ${info.cellLine + 1} of cell ${info.cell.number}` : `line ${line}`;
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
    // Fixes are in virtual-file offsets: one that stays inside one line of one cell is moved into the JSON string; others are dropped.
    // Suggestions are moved the same way: those that change more than one line of a cell are dropped. An end the cells
    // cannot hold (past the last cell's last line) is left out rather than kept in virtual-file lines.
    const { fix, suggestions, endLine, endColumn, ...rest } = m;
    void [endLine, endColumn];
    const rawFix = fix ? mapFix(p, fix) : null;
    const rawSuggestions = (suggestions ?? []).flatMap((s) => {
      const moved = mapFix(p, s.fix);
      return moved ? [{ ...s, fix: moved }] : [];
    });
    return {
      ...rest,
      ...(rawFix ? { fix: rawFix } : {}),
      ...(rawSuggestions.length ? { suggestions: rawSuggestions } : {}),
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
  supportsAutofix: true,
};
