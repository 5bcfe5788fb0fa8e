import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { docsUrl, type NotebookMessage } from "./engine.js";

export const SOURCE = "exp-lint";

/** What a diagnostic carries for code actions and hover: the rule and, when the rule has one, its fix as an edit of the same document. */
export interface FindingData {
  rule?: string;
  fix?: TextEdit;
  /** The rule's suggestions, each a change a person picks (they alter what the experiment records). */
  suggestions?: { desc: string; edit: TextEdit }[];
}

/** Where a 1-based ESLint line and column is; columns are UTF-16 units in both. */
export const position = (line: number, column: number): Position => ({ line: Math.max(line - 1, 0), character: Math.max(column - 1, 0) });

/** A finding without an end covers the rest of its line. */
export function rangeOf(text: string, start: Position, end: Position | null): Range {
  if (end && (end.line > start.line || (end.line === start.line && end.character > start.character))) return { start, end };
  let offset = 0;
  for (let line = 0; line < start.line && offset !== -1; line++) offset = nextLine(text, offset);
  const lineStart = offset === -1 ? text.length : offset;
  const next = nextLine(text, lineStart);
  let lineEnd = next === -1 ? text.length : next;
  while (lineEnd > lineStart && (text[lineEnd - 1] === "\n" || text[lineEnd - 1] === "\r")) lineEnd--;
  return { start, end: { line: start.line, character: Math.max(lineEnd - lineStart, start.character) } };
}

function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\n") return i + 1;
    if (text[i] === "\r") return text[i + 1] === "\n" ? i + 2 : i + 1;
  }
  return -1;
}

/** One LSP diagnostic for one ESLint message, at `range` of the document it is published on. */
export function toDiagnostic(m: NotebookMessage, range: Range, fix?: TextEdit, suggestions?: FindingData["suggestions"]): Diagnostic {
  const rule = m.ruleId ?? undefined;
  const href = rule ? docsUrl(rule) : undefined;
  const data: FindingData = { ...(rule ? { rule } : {}), ...(fix ? { fix } : {}), ...(suggestions?.length ? { suggestions } : {}) };
  return {
    range,
    severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: m.message,
    ...(rule ? { code: rule.replace(/^exp-lint\//u, "") } : {}),
    ...(href ? { codeDescription: { href } } : {}),
    data,
  };
}

/** Diagnostics of a plain text document (script, manifest). */
export function textDiagnostics(doc: TextDocument, messages: NotebookMessage[]): Diagnostic[] {
  const text = doc.getText();
  return messages.map((m) => {
    const start = position(m.line, m.column);
    const end = m.endLine !== undefined && m.endColumn !== undefined ? position(m.endLine, m.endColumn) : null;
    const edit = (f: { range: [number, number]; text: string }): TextEdit => ({
      range: { start: doc.positionAt(f.range[0]), end: doc.positionAt(f.range[1]) },
      newText: f.text,
    });
    const fix = m.fix ? edit(m.fix) : undefined;
    const suggestions = m.suggestions?.map((s) => ({ desc: s.desc, edit: edit(s.fix) }));
    return toDiagnostic(m, rangeOf(text, start, end), fix, suggestions);
  });
}
