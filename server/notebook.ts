import { NotebookCellKind, type Diagnostic, type NotebookDocument, type TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { position, rangeOf, toDiagnostic } from "./diagnostics.js";
import { lastAtOrBefore, readNotebook, type NotebookMessage } from "./engine.js";

/**
 * A notebook open in the editor is linted as the CLI lints an `.ipynb` file:
 * its cells are written out as nbformat JSON and go through the same notebook
 * processor, so the code cells are one program; each finding comes back with
 * its cell and is published on that cell's document.
 */

export interface OpenNotebook {
  notebook: NotebookDocument;
  /** The text document of each cell, in notebook order; undefined for a cell the client has not sent. */
  cells: (TextDocument | undefined)[];
}

/** The notebook as nbformat 4 JSON, one source string per cell. */
export function notebookJson({ notebook, cells }: OpenNotebook): string {
  return JSON.stringify({
    cells: notebook.cells.map((cell, i) =>
      cell.kind === NotebookCellKind.Code
        ? { cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: cells[i]?.getText() ?? "" }
        : { cell_type: "markdown", metadata: {}, source: cells[i]?.getText() ?? "" },
    ),
    metadata: notebook.metadata ?? {},
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** A fix in the JSON text, as an edit of one cell's document; null when it does not fall inside one cell. */
function cellFix(json: string, m: NotebookMessage, doc: TextDocument, fix = m.fix): TextEdit | null {
  if (!fix || m.cell === undefined) return null;
  const nb = readNotebook(json);
  const cell = nb.ok ? nb.cells.find((c) => c.number === m.cell) : undefined;
  if (!cell || cell.source.length === 0) return null;
  const indexOf = (raw: number): number | null => {
    const i = lastAtOrBefore(cell.offsets, raw);
    return cell.offsets[i] === raw ? i : null;
  };
  const [start, end] = [indexOf(fix.range[0]), indexOf(fix.range[1])];
  if (start === null || end === null) return null;
  // The processor wrote the new text as the inside of a JSON string.
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: JSON.parse(`"${fix.text}"`) as string };
}

/** Each cell's diagnostics, by cell document URI; every cell the notebook has gets an entry, empty or not. */
export function cellDiagnostics(open: OpenNotebook, json: string, messages: NotebookMessage[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>(open.notebook.cells.map((c) => [c.document, []]));
  const firstCode = open.notebook.cells.findIndex((c) => c.kind === NotebookCellKind.Code);
  for (const m of messages) {
    // A message about the whole notebook (configuration, a crash) goes on the first code cell.
    const index = m.cell !== undefined ? m.cell - 1 : firstCode;
    const cell = open.notebook.cells[index];
    const doc = open.cells[index];
    if (!cell || !doc) continue;
    const inCell = m.cell !== undefined && m.cellLine !== undefined && m.cellColumn !== undefined;
    const start = inCell ? position(m.cellLine!, m.cellColumn!) : position(1, 1);
    const end = inCell && m.cellEndLine !== undefined && m.cellEndColumn !== undefined ? position(m.cellEndLine, m.cellEndColumn) : null;
    const fix = cellFix(json, m, doc);
    // The rules' suggestions that stay inside one line of the cell, as code actions on it.
    const suggestions = (m.suggestions ?? []).flatMap((s) => {
      const edit = cellFix(json, m, doc, s.fix);
      return edit ? [{ desc: s.desc, edit }] : [];
    });
    out.get(cell.document)!.push(toDiagnostic(m, rangeOf(doc.getText(), start, end), fix ?? undefined, suggestions));
  }
  return out;
}
