import { parse, type AnyNode, type ObjectNode } from "@humanwhocodes/momoa";
import { isUtf16, UTF16_MESSAGE } from "../shared/encoding.js";

/**
 * A Jupyter notebook read with positions: every character of every code
 * cell knows its offset in the raw `.ipynb` file, through JSON string
 * escapes, so findings can point at the raw file or at the cell.
 */

export interface Cell {
  /** 1-based position among all cells, markdown included, as a reader counts them. */
  number: number;
  type: string;
  /** The cell's source, decoded. */
  source: string;
  /** Raw-file offset of each character of `source`, plus one past the end. */
  offsets: number[];
}

export type NotebookResult = { ok: true; cells: Cell[]; language: string | null } | { ok: false; message: string };

const ESCAPES: Record<string, number> = { n: 1, t: 1, r: 1, b: 1, f: 1, '"': 1, "\\": 1, "/": 1 };

/** Raw offsets of the decoded characters of a JSON string token spanning `[start, end)` (quotes included). */
function decodeOffsets(raw: string, start: number, end: number): number[] {
  const out: number[] = [];
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    out.push(i);
    if (raw[i] === "\\") i += raw[i + 1] === "u" ? 6 : ESCAPES[raw[i + 1] ?? ""] ? 2 : 1;
    else i += 1;
  }
  out.push(stop);
  return out;
}

// The last of duplicate keys wins, as in Jupyter's json.loads: reading the first would lint code Jupyter never shows.
const member = (obj: ObjectNode, name: string): AnyNode | undefined => obj.members.findLast((m) => m.name.type === "String" && m.name.value === name)?.value;

/** A cell's source: a list of strings (nbformat 4) or one string (also accepted by Jupyter). */
function readSource(raw: string, node: AnyNode | undefined): { source: string; offsets: number[] } | null {
  if (!node) return { source: "", offsets: [0] };
  const parts = node.type === "Array" ? node.elements.map((e) => e.value) : [node];
  let source = "";
  const offsets: number[] = [];
  for (const part of parts) {
    if (part.type !== "String") return null;
    const o = decodeOffsets(raw, part.range![0], part.range![1]);
    // The decoded value and the offsets agree one UTF-16 unit each, so they can be joined.
    if (o.length - 1 !== part.value.length) return null;
    source += part.value;
    // A loop, not push(...): a cell of millions of characters would overflow the call's arguments.
    for (let k = 0; k < o.length - 1; k++) offsets.push(o[k]!);
  }
  const last = parts.at(-1);
  offsets.push(last ? last.range![1] - 1 : 0);
  return { source, offsets };
}

export function readNotebook(raw: string): NotebookResult {
  let doc: AnyNode;
  try {
    doc = parse(raw, { ranges: true }).body;
  } catch (error) {
    if (isUtf16(raw)) return { ok: false, message: UTF16_MESSAGE };
    return { ok: false, message: `not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
  if (doc.type !== "Object") return { ok: false, message: "not a Jupyter notebook (the top level is not an object)" };
  // nbformat 3 keeps cells in worksheets and code in "input".
  const worksheets = member(doc, "worksheets");
  const cellsNode =
    member(doc, "cells") ??
    (worksheets?.type === "Array" && worksheets.elements[0]?.value.type === "Object" ? member(worksheets.elements[0].value, "cells") : undefined);
  if (cellsNode?.type !== "Array") return { ok: false, message: "not a Jupyter notebook (no cells list)" };

  const cells: Cell[] = [];
  cellsNode.elements.forEach((el, i) => {
    const cell = el.value;
    if (cell.type !== "Object") return;
    const typeNode = member(cell, "cell_type");
    const type = typeNode?.type === "String" ? typeNode.value : "unknown";
    if (type !== "code") {
      cells.push({ number: i + 1, type, source: "", offsets: [0] });
      return;
    }
    const src = readSource(raw, member(cell, "source") ?? member(cell, "input"));
    cells.push({ number: i + 1, type, source: src?.source ?? "", offsets: src?.offsets ?? [0] });
  });

  const meta = member(doc, "metadata");
  const langInfo = meta?.type === "Object" ? member(meta, "language_info") : undefined;
  const langName = langInfo?.type === "Object" ? member(langInfo, "name") : undefined;
  return { ok: true, cells, language: langName?.type === "String" ? langName.value : null };
}
