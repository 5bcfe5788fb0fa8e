import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import type { ChalkInstance } from "chalk";
import type { ESLint } from "eslint";
import type { NotebookMessage } from "../../../parsers/notebook/processor.js";
import { sourceLines, sourceOf, type SourceLines } from "../fingerprint.js";
import { visible } from "./escape.js";
import { redact } from "./redact.js";

/** Where a finding is, as a reader looks for it: in a notebook, the cell and the line inside it. */
function position(m: NotebookMessage): { line: number; column: number; endLine?: number; endColumn?: number; label: string } {
  if (m.cell !== undefined && m.cellLine !== undefined && m.cellColumn !== undefined) {
    const end = m.cellEndLine !== undefined && m.cellEndColumn !== undefined ? { endLine: m.cellEndLine, endColumn: m.cellEndColumn } : {};
    return { line: m.cellLine, column: m.cellColumn, ...end, label: `cell ${m.cell}:${m.cellLine}:${m.cellColumn}` };
  }
  const end = m.endLine !== undefined && m.endColumn !== undefined ? { endLine: m.endLine, endColumn: m.endColumn } : {};
  return { line: m.line, column: m.column, ...end, label: `${m.line}:${m.column}` };
}

// Frames are for reading: a minified megabyte line or a finding spanning a whole file is not worth printing.
const MAX_FRAME_LINE = 400;
const MAX_FRAME_LINES = 20;

/** A code frame cut from the finding's own lines only, so a file's findings cost the lines they show, not the file each. */
function frame(lines: readonly string[], at: ReturnType<typeof position>, color: boolean): string {
  const line = lines[at.line - 1];
  if (line === undefined || line.length > MAX_FRAME_LINE) return "";
  const first = Math.max(at.line - 1, 1);
  const end = at.endLine !== undefined && at.endLine - at.line < MAX_FRAME_LINES ? at.endLine : at.line;
  const window = lines.slice(first - 1, end).map((l) => visible(redact(l.length > MAX_FRAME_LINE ? l.slice(0, MAX_FRAME_LINE) : l)));
  const loc = {
    start: { line: at.line, column: at.column },
    ...(end === at.endLine && at.endColumn !== undefined ? { end: { line: at.endLine, column: at.endColumn } } : {}),
  };
  // `startLine` numbers the window as the file's lines (in @babel/code-frame since 7.24; its types lag).
  const options = { highlightCode: color, linesAbove: 1, linesBelow: 0, startLine: first } as Parameters<typeof codeFrameColumns>[2];
  return codeFrameColumns(window.join("\n"), loc, options);
}

/** The lines a frame is cut from: the file's, or for a notebook finding its cell's. */
function frameLines(source: SourceLines, m: NotebookMessage): readonly string[] | null {
  if (m.cell === undefined) return source.lines;
  return source.cells?.get(m.cell) ?? null;
}

/**
 * A suggestion as a reader checks it: its description, then the lines it
 * changes before (`-`) and after (`+`). Only for plain files: a notebook
 * finding's offsets are into the cells joined, not the file shown.
 */
function suggestionLines(text: string | null, m: NotebookMessage, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  for (const s of m.suggestions ?? []) {
    out.push(`  ${chalk.cyan("suggestion:")} ${visible(redact(s.desc))}`);
    if (text === null || m.cell !== undefined) continue;
    const [from, to] = s.fix.range;
    const start = text.lastIndexOf("\n", from - 1) + 1;
    const endAt = text.indexOf("\n", to);
    const end = endAt < 0 ? text.length : endAt;
    const show = (t: string, mark: string) =>
      t
        .replace(/\r$/gmu, "")
        .split("\n")
        .map((l) => `    ${mark} ${visible(redact(l))}`);
    out.push(...show(text.slice(start, end), chalk.red("-")), ...show(text.slice(start, from) + s.fix.text + text.slice(to, end), chalk.green("+")));
  }
  return out;
}

/** Human output: `file:line:col  severity  message  rule`, a code frame under each, one summary line. */
export function formatStylish(
  results: ESLint.LintResult[],
  opts: { cwd: string; chalk: ChalkInstance; filesChecked: number; baselined?: number; roots?: readonly string[]; showSuggestions?: boolean },
): string {
  const { chalk, cwd } = opts;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    if (!result.messages.length) continue;
    filesWithProblems++;
    // Files that could not be read stay unread: a FIFO or /dev/zero would never end.
    const text = result.messages.some((m) => m.ruleId) ? sourceOf(result, opts.roots) : null;
    const source = text === null ? null : sourceLines(text, result.filePath);
    const path = visible(relative(cwd, result.filePath) || result.filePath);
    for (const m of result.messages) {
      const isError = m.fatal || m.severity === 2;
      if (isError) errors++;
      else warnings++;
      // Only rule fixes count: the removal ESLint offers for an unused `# noqa` would not match its text.
      if (m.fix && m.ruleId) fixable++;
      const at = position(m);
      const where = chalk.bold(`${path}:${at.label}`);
      const sev = isError ? chalk.red("error") : chalk.yellow("warning");
      const rule = m.ruleId ? chalk.dim(m.ruleId) : "";
      out.push(`${where}  ${sev}  ${visible(m.message)}  ${rule}`.trimEnd());
      const lines = source && m.ruleId ? frameLines(source, m) : null;
      const f = lines ? frame(lines, at, chalk.level > 0) : "";
      if (f) out.push(f.replace(/^/gmu, "  "), "");
      if (opts.showSuggestions && m.suggestions?.length) out.push(...suggestionLines(text, m, chalk), "");
    }
  }
  const total = errors + warnings;
  const hidden = opts.baselined ? `, ${opts.baselined} known finding${opts.baselined === 1 ? "" : "s"} hidden by the baseline` : "";
  const files = `${opts.filesChecked} file${opts.filesChecked === 1 ? "" : "s"} checked${hidden}`;
  if (total === 0) {
    out.push(chalk.green(`✔ No problems (${files}).`));
  } else {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
    const colour = errors ? chalk.red.bold : chalk.yellow.bold;
    let line = `✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${plural(filesWithProblems, "file")}; ${files}.`;
    if (fixable) line += ` ${fixable} fixable with --fix.`;
    out.push(colour(line));
  }
  return `${out.join("\n")}\n`;
}
