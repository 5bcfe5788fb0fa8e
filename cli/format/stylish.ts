import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import type { ChalkInstance } from "chalk";
import type { ESLint, Linter } from "eslint";

function sourceOf(result: ESLint.LintResult): string | null {
  if (result.source !== undefined) return result.source;
  try {
    return readFileSync(result.filePath, "utf8");
  } catch {
    return null;
  }
}

function frame(source: string, m: Linter.LintMessage, color: boolean): string {
  // Frames are for reading, so a minified megabyte line is not worth printing.
  const line = source.split(/\r\n|[\r\n]/u)[m.line - 1];
  if (line === undefined || line.length > 400) return "";
  const loc = {
    start: { line: m.line, column: m.column },
    ...(m.endLine !== undefined && m.endColumn !== undefined ? { end: { line: m.endLine, column: m.endColumn } } : {}),
  };
  return codeFrameColumns(source, loc, { highlightCode: color, linesAbove: 1, linesBelow: 0 });
}

/** Human output: `file:line:col  severity  message  rule`, a code frame under each, one summary line. */
export function formatStylish(results: ESLint.LintResult[], opts: { cwd: string; chalk: ChalkInstance; filesChecked: number }): string {
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
      if (m.fix) fixable++;
      const where = chalk.bold(`${path}:${m.line}:${m.column}`);
      const sev = isError ? chalk.red("error") : chalk.yellow("warning");
      const rule = m.ruleId ? chalk.dim(m.ruleId) : "";
      out.push(`${where}  ${sev}  ${m.message}  ${rule}`.trimEnd());
      const f = source && m.ruleId ? frame(source, m, chalk.level > 0) : "";
      if (f) out.push(f.replace(/^/gmu, "  "), "");
    }
  }
  const total = errors + warnings;
  const files = `${opts.filesChecked} file${opts.filesChecked === 1 ? "" : "s"} checked`;
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
