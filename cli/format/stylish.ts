import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import type { ChalkInstance } from "chalk";
import type { ESLint } from "eslint";
import { readNotebook } from "../../parsers/notebook/notebook.js";
import type { NotebookMessage } from "../../parsers/notebook/processor.js";

function sourceOf(result: ESLint.LintResult): string | null {
  if (result.source !== undefined) return result.source;
  try {
    return readFileSync(result.filePath, "utf8");
  } catch {
    return null;
  }
}

/** Where a finding is, as a reader looks for it: in a notebook, the cell and the line inside it. */
function position(m: NotebookMessage): { line: number; column: number; endLine?: number; endColumn?: number; label: string } {
  if (m.cell !== undefined && m.cellLine !== undefined && m.cellColumn !== undefined) {
    const end = m.cellEndLine !== undefined && m.cellEndColumn !== undefined ? { endLine: m.cellEndLine, endColumn: m.cellEndColumn } : {};
    return { line: m.cellLine, column: m.cellColumn, ...end, label: `cell ${m.cell}:${m.cellLine}:${m.cellColumn}` };
  }
  const end = m.endLine !== undefined && m.endColumn !== undefined ? { endLine: m.endLine, endColumn: m.endColumn } : {};
  return { line: m.line, column: m.column, ...end, label: `${m.line}:${m.column}` };
}

function frame(source: string, at: ReturnType<typeof position>, color: boolean): string {
  // Frames are for reading, so a minified megabyte line is not worth printing.
  const line = source.split(/\r\n|[\r\n]/u)[at.line - 1];
  if (line === undefined || line.length > 400) return "";
  const loc = {
    start: { line: at.line, column: at.column },
    ...(at.endLine !== undefined && at.endColumn !== undefined ? { end: { line: at.endLine, column: at.endColumn } } : {}),
  };
  return codeFrameColumns(source, loc, { highlightCode: color, linesAbove: 1, linesBelow: 0 });
}

/** The text a frame is cut from: the file, or for a notebook finding its cell. */
function frameSource(source: string, m: NotebookMessage): string | null {
  if (m.cell === undefined) return source;
  const nb = readNotebook(source);
  return nb.ok ? (nb.cells.find((c) => c.number === m.cell)?.source ?? null) : null;
}

/** Human output: `file:line:col  severity  message  rule`, a code frame under each, one summary line. */
export function formatStylish(results: ESLint.LintResult[], opts: { cwd: string; chalk: ChalkInstance; filesChecked: number; baselined?: number }): string {
  const { chalk, cwd } = opts;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    if (!result.messages.length) continue;
    filesWithProblems++;
    const source = sourceOf(result);
    const path = relative(cwd, result.filePath) || result.filePath;
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
      out.push(`${where}  ${sev}  ${m.message}  ${rule}`.trimEnd());
      const text = source && m.ruleId ? frameSource(source, m) : null;
      const f = text ? frame(text, at, chalk.level > 0) : "";
      if (f) out.push(f.replace(/^/gmu, "  "), "");
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
