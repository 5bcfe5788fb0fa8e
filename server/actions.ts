import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { FindingData } from "./diagnostics.js";

/** The command a "show documentation" action runs; the server asks the client to open the page. */
export const OPEN_DOCS = "exp-lint.openDocs";

/**
 * How a line-level suppression is written in the document's language: a `#` comment
 * (in manifests only after a space: `pkg @ https://host/x.whl#sha256=...` is no comment),
 * an ESLint directive in TS/JS, or nothing (package.json has no comments).
 */
export type CommentStyle = "python" | "manifest" | "slashes" | "none";

export interface ActionContext {
  uri: string;
  doc: TextDocument;
  diagnostic: Diagnostic;
  data: FindingData;
  style: CommentStyle;
}

/** One kind of code action; each returns the actions it has for one finding (none is fine). */
export type ActionProvider = (ctx: ActionContext) => CodeAction[];

const fullId = (rule: string) => (rule.startsWith("exp-lint/") ? rule : `exp-lint/${rule}`);
const bareId = (rule: string) => rule.replace(/^exp-lint\//u, "");

/** The rule's own fix (pin-requirements writes the exact version). */
const applyFix: ActionProvider = ({ uri, doc, diagnostic, data }) =>
  data.fix && data.rule
    ? [
        {
          title: fixTitle(doc, diagnostic.range, data.fix),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [data.fix] } },
        },
      ]
    : [];

/** "Fix: write mlflow==2.9.2": the finding's text as the fix leaves it, when both sit on one line. */
function fixTitle(doc: TextDocument, range: Range, fix: TextEdit): string {
  const [a, b] = [doc.offsetAt(range.start), doc.offsetAt(range.end)];
  const [f, g] = [doc.offsetAt(fix.range.start), doc.offsetAt(fix.range.end)];
  const text = doc.getText();
  const start = Math.min(a, f);
  const after = text.slice(start, f) + fix.newText + text.slice(g, Math.max(b, g));
  return range.start.line === fix.range.end.line && after.trim() && !after.includes("\n") ? `Fix: write ${after.trim().slice(0, 80)}` : "Fix this finding";
}

/** Offset in `line` where a `#` comment starts, outside quoted strings; -1 when there is none. */
export function hashCommentStart(line: string, afterSpace: boolean): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
    } else if (c === "#" && (!afterSpace || i === 0 || /\s/u.test(line[i - 1]!))) return i;
    else if (c === '"' || c === "'") quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
  }
  return -1;
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/u, "");
}

/** `# noqa: <rule>` on the finding's line, joined to a noqa list already there; or, in TS/JS, an ESLint directive on the line above. */
export function suppressionEdit(doc: TextDocument, line: number, rule: string, style: CommentStyle): TextEdit {
  const text = lineText(doc, line);
  if (style === "slashes") {
    const above = line > 0 ? lineText(doc, line - 1) : "";
    const existing = /^(\s*\/\/\s*eslint-disable-next-line\s+[^-]*?)\s*(--.*)?$/u.exec(above);
    if (existing)
      return {
        range: { start: { line: line - 1, character: existing[1]!.length }, end: { line: line - 1, character: existing[1]!.length } },
        newText: `, ${fullId(rule)}`,
      };
    const indent = /^\s*/u.exec(text)![0];
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// eslint-disable-next-line ${fullId(rule)}\n` };
  }
  const hash = hashCommentStart(text, style === "manifest");
  const at = (character: number, newText: string): TextEdit => ({ range: { start: { line, character }, end: { line, character } }, newText });
  if (hash === -1) return at(text.trimEnd().length, `  # noqa: ${bareId(rule)}`);
  const noqa = /^#\s*noqa:\s*[\w/-]+(?:\s*,\s*[\w/-]+)*/iu.exec(text.slice(hash));
  if (noqa) return at(hash + noqa[0].length, `, ${bareId(rule)}`);
  // Before the comment already there: the noqa reader takes a trailing `# ...` as a remark.
  return at(hash, `# noqa: ${bareId(rule)}  `);
}

const suppress: ActionProvider = ({ uri, doc, diagnostic, data, style }) => {
  if (!data.rule || style === "none") return [];
  const edit = suppressionEdit(doc, diagnostic.range.start.line, data.rule, style);
  const how = style === "slashes" ? "eslint-disable-next-line" : "# noqa";
  return [
    {
      title: `Disable ${fullId(data.rule)} for this line (${how})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [edit] } },
    },
  ];
};

const openDocs: ActionProvider = ({ diagnostic, data }) => {
  const href = diagnostic.codeDescription?.href;
  if (!href || !data.rule) return [];
  const title = `Show documentation for ${fullId(data.rule)}`;
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_DOCS, arguments: [href] } }];
};

/** The rule's suggestions: one action each, never preferred, as each changes what the experiment records. */
const applySuggestions: ActionProvider = ({ uri, diagnostic, data }) =>
  (data.suggestions ?? []).map((s) => ({ title: s.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [s.edit] } } }));

/** Every provider, in the order their actions are offered. */
export const PROVIDERS: readonly ActionProvider[] = [applyFix, applySuggestions, suppress, openDocs];

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

/** The code actions for the findings that touch `range`. */
export function codeActions(
  uri: string,
  doc: TextDocument,
  diagnostics: readonly Diagnostic[],
  range: Range,
  style: CommentStyle,
  providers = PROVIDERS,
): CodeAction[] {
  return diagnostics
    .filter((d) => overlaps(d.range, range))
    .flatMap((diagnostic) => providers.flatMap((p) => p({ uri, doc, diagnostic, data: (diagnostic.data ?? {}) as FindingData, style })));
}
