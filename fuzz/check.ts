import type { ESLint } from "eslint";
import { brokenByFix } from "../cli/fixing/fix-check.js";
import { lineStarts } from "../parsers/shared/lines.js";

/** Words that mean a message was built from a missing or unprinted value. */
const GARBLED = /\bundefined\b|\bNaN\b|\[object Object\]/u;

/**
 * What must hold for any file, however broken: either findings or one
 * clear per-file message, at positions inside the file, from exp-lint's
 * rules, and fixes that keep the file readable. Returns the violations.
 */
export function violations(text: string, r: ESLint.LintResult, filePath: string): string[] {
  const out: string[] = [];
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  // ESLint's JavaScript source code also ends lines at U+2028 and U+2029.
  const starts = /\.[cm]?[jt]sx?$/u.test(filePath)
    ? [0, ...[...body.matchAll(/\r\n|[\r\n\u2028\u2029]/gu)].map((m) => m.index + m[0].length)]
    : lineStarts(body);
  const lineLength = (line: number) => (starts[line] ?? body.length + 1) - starts[line - 1]!;
  const fatal = r.messages.filter((m) => m.fatal);
  if (fatal.length && r.messages.length !== 1) out.push(`a fatal message with ${r.messages.length - 1} others`);
  const syntax = r.messages.filter((m) => m.ruleId === "exp-lint/syntax-error");
  if (syntax.length > 1) out.push(`${syntax.length} syntax-error findings`);
  for (const m of r.messages) {
    const where = `${m.ruleId ?? "(file)"} at ${m.line}:${m.column}`;
    if (typeof m.message !== "string" || !m.message.trim()) out.push(`${where}: empty message`);
    else if (GARBLED.test(m.message) && !m.fatal && !m.message.startsWith("Definition for rule")) out.push(`${where}: garbled message "${m.message}"`);
    if (m.ruleId === null && !m.fatal && !/^Unused (?:eslint-disable|eslint-enable|inline)/u.test(m.message))
      out.push(`${where}: message without a rule: ${m.message}`);
    // A directive naming a rule that does not exist gets ESLint's own message.
    if (m.ruleId !== null && !m.ruleId.startsWith("exp-lint/") && !m.message.startsWith(`Definition for rule '${m.ruleId}' was not found`))
      out.push(`${where}: foreign rule`);
    if (!Number.isInteger(m.line) || m.line < 1 || m.line > starts.length) out.push(`${where}: line outside the file (${starts.length} lines)`);
    else if (!Number.isInteger(m.column) || m.column < 1 || m.column > lineLength(m.line) + 1)
      out.push(`${where}: column outside line ${m.line} (${lineLength(m.line)} long)`);
    if (m.endLine !== undefined && (m.endLine < m.line || m.endLine > starts.length)) out.push(`${where}: end line ${m.endLine} out of order or outside`);
    if (m.endLine === m.line && m.endColumn !== undefined && m.endColumn < m.column) out.push(`${where}: end column before start`);
    if (m.fix && !(m.fix.range[0] >= 0 && m.fix.range[0] <= m.fix.range[1] && m.fix.range[1] <= text.length))
      out.push(`${where}: fix range ${m.fix.range} outside the text`);
  }
  if (r.output !== undefined) {
    const broken = brokenByFix(filePath, text, r.output);
    if (broken) out.push(`fix: ${broken}`);
  }
  return out;
}
