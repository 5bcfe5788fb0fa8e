import type { ChalkInstance } from "chalk";
import type { ESLint } from "eslint";
import { formatGithub } from "./format/github.js";
import { formatGitlab } from "./format/gitlab.js";
import { formatJunit } from "./format/junit.js";
import { formatSarif } from "./format/sarif.js";
import { formatStylish } from "./format/stylish.js";
import { redact } from "./format/redact.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "junit", "gitlab"] as const;
export type Format = (typeof FORMATS)[number];

/** Findings per rule, most first. */
export function statistics(results: ESLint.LintResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) for (const m of r.messages) counts.set(m.ruleId ?? "(file errors)", (counts.get(m.ruleId ?? "(file errors)") ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return rows.length ? `\n${rows.map(([id, n]) => `${String(n).padStart(6)}  ${id}`).join("\n")}\n` : "";
}

export interface ReportContext {
  eslint: ESLint;
  cwd: string;
  chalk: ChalkInstance;
  filesChecked: number;
  baselined: number;
  statistics: boolean;
  /** Each finding's suggested changes under it (stylish). */
  showSuggestions?: boolean;
  /** The scanned roots: formats that read a file again (code frames, fingerprints) read only inside them. */
  roots?: readonly string[];
}

/** The findings in the chosen format; machine formats carry nothing decorative. */
export async function report(format: Format, results: ESLint.LintResult[], ctx: ReportContext): Promise<string> {
  switch (format) {
    case "json":
      // ESLint's JSON carries each file's text: masked as the messages are (main.ts redacts those for every format).
      for (const r of results) if (r.source !== undefined) r.source = redact(r.source);
      return `${await (await ctx.eslint.loadFormatter("json")).format(results)}\n`;
    case "sarif": {
      const withRules = results.filter((r) => r.messages.some((m) => m.ruleId));
      // Files linted on worker threads: this instance learns their configs before it can name their rules.
      await Promise.all(withRules.map((r) => ctx.eslint.calculateConfigForFile(r.filePath)));
      return formatSarif(results, ctx.eslint.getRulesMetaForResults(withRules), ctx.cwd, ctx.roots);
    }
    case "github":
      return formatGithub(results, ctx.cwd);
    case "junit":
      return formatJunit(results, ctx.cwd);
    case "gitlab":
      return formatGitlab(results, ctx.cwd, ctx.roots);
    case "stylish":
      return (
        formatStylish(results, {
          cwd: ctx.cwd,
          chalk: ctx.chalk,
          filesChecked: ctx.filesChecked,
          baselined: ctx.baselined,
          ...(ctx.roots ? { roots: ctx.roots } : {}),
          showSuggestions: ctx.showSuggestions ?? false,
        }) + (ctx.statistics ? statistics(results) : "")
      );
  }
}

/** Colour as the conventions say: --color/--no-color, then NO_COLOR (any value), then FORCE_COLOR, then whether the output is a terminal. */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 {
  if (flag !== undefined) return flag ? 1 : 0;
  if (env.NO_COLOR) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false" ? 0 : 1;
  return isTTY ? 1 : 0;
}
