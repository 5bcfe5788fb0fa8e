import type { Expr, Range } from "../../semantic/ir.js";
import type { SemanticModel } from "../../semantic/model.js";
import { rootName } from "../../semantic/queries.js";
import { eolOf, replace, type Edit } from "./edits.js";

/**
 * Line-level layout for suggestions that move or wrap whole statements. The
 * model gives the ranges; this only reads the lines around them, so every
 * rewritten line keeps its own text and line ending.
 */

/** A statement that owns its lines: `[start, end)` from its first line's start to its last line's end (before the line break). */
export interface Statement {
  start: number;
  end: number;
  /** After the last line's line break (or the end of the file). */
  next: number;
  indent: string;
  /** What precedes the call on its first line, indentation removed (`run = `, `const { run } = await `). */
  head: string;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === "\r" ? nl - 1 : nl;
}
const afterBreak = (text: string, end: number) => (text.startsWith("\r\n", end) ? end + 2 : text[end] === "\n" ? end + 1 : end);

const PY_HEAD = /^(?:[A-Za-z_][\w.]*\s*=\s*)?$/u;
const JS_HEAD = /^(?:(?:(?:const|let|var)\s+)?(?:[A-Za-z_$][\w$.]*|\{[\w$\s,]*\})\s*=\s*)?(?:await\s+)?$/u;
const PY_TAIL = /^\s*(?:#.*)?$/u;
const JS_TAIL = /^\s*;?\s*(?:\/\/.*)?$/u;

/**
 * The statement a call makes up alone on its lines: an expression statement,
 * or an assignment of its result (with `await` in JavaScript). `null` when the
 * lines hold anything else (`if x: f()`, `f(); g()`, `return f()`).
 */
export function statementOf(model: SemanticModel, call: Range): Statement | null {
  const text = model.text;
  const start = lineStart(text, call[0]);
  const lead = text.slice(start, call[0]);
  const indent = /^[ \t]*/u.exec(lead)![0];
  const head = lead.slice(indent.length);
  const js = model.language === "javascript";
  if (!(js ? JS_HEAD : PY_HEAD).test(head)) return null;
  const end = lineEnd(text, call[1]);
  if (!(js ? JS_TAIL : PY_TAIL).test(text.slice(call[1], end))) return null;
  return { start, end, next: afterBreak(text, end), indent, head };
}

/** The indentation of the line `offset` is on. */
export const indentAt = (text: string, offset: number) => /^[ \t]*/u.exec(text.slice(lineStart(text, offset)))![0];

/** The statement with the comment lines directly above it at its indentation, which belong to it and move with it. */
export function withLeadingComments(model: SemanticModel, stmt: Statement): Statement {
  const text = model.text;
  let start = stmt.start;
  while (start > 0) {
    const prev = lineStart(text, start - 1);
    const line = text.slice(prev, lineEnd(text, prev));
    const t = line.slice(stmt.indent.length);
    if (!line.startsWith(stmt.indent) || !/^(?:#|\/\/)/u.test(t)) break;
    start = prev;
  }
  return { ...stmt, start };
}

/** The file's indentation step: a tab, or the smallest indentation of an indented line (4 spaces in Python, 2 in JavaScript when none is). */
export function indentUnit(model: SemanticModel): string {
  const text = model.text;
  let best = 0;
  for (const m of text.matchAll(/^([ \t]+)\S/gmu)) {
    if (m[1]!.includes("\t")) return "\t";
    if (!best || m[1]!.length < best) best = m[1]!.length;
  }
  return " ".repeat(best || (model.language === "javascript" ? 2 : 4));
}

/** Each line of `[from, to)` (whole lines) with `unit` before it, blank lines left as they are. */
export function indented(text: string, from: number, to: number, unit: string): string {
  return text
    .slice(from, to)
    .split("\n")
    .map((line) => (line.trim() ? unit + line : line))
    .join("\n");
}

/** The whole lines strictly between two statements form one run of sibling statements (none dedents below `indent`) that can be re-indented safely. */
export function siblingsBetween(model: SemanticModel, from: number, to: number, indent: string): boolean {
  const between = model.text.slice(from, to);
  // Re-indenting a line inside a multi-line string or template would change the string.
  if (/"""|'''|`/u.test(between)) return false;
  return between.split("\n").every((line) => {
    const t = line.trim();
    if (!t || t.startsWith("#") || t.startsWith("//")) return true;
    return line.startsWith(indent);
  });
}

/** Only blank lines between two offsets: the statement at `to` directly follows the one ending at `from`. */
export const onlyBlankBetween = (text: string, from: number, to: number) => !text.slice(from, to).trim();

/** The line break the file uses. */
export const eol = (model: SemanticModel) => eolOf(model.text);

/** Move `stmt` (whole lines) to just before `target`'s first line, re-indented to `indent`: one replacement covering both. */
export function moveBefore(model: SemanticModel, stmt: Statement, target: Statement): Edit {
  const text = model.text;
  const body = text.slice(stmt.start, stmt.end);
  const gap = text.slice(target.end, stmt.start);
  return replace([target.start, stmt.end], body + gap + text.slice(target.start, target.end));
}

/**
 * An expression that can be written elsewhere in the same file and mean the
 * same: a name or attribute/item chain on a name (no call, nothing it could
 * change), whose root name is bound to the same thing at `pos` in `scope`.
 */
export function portable(model: SemanticModel, e: Expr, from: number, to: { scope: number; pos: number }): boolean {
  for (let x: Expr = e; x.kind !== "name"; x = (x as { object: Expr }).object) {
    if (x.kind !== "member" && !(x.kind === "index" && x.index.kind === "literal")) return false;
  }
  const root = rootName(e)!;
  const here = model.binding(root.name, from, root.range[0]);
  const there = model.binding(root.name, to.scope, to.pos);
  // An outer scope's binding is read when the function runs, after the module has run.
  return here === there && (here === null || here.scope !== to.scope || here.pos <= to.pos);
}
