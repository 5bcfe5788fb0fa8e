import type { ESLint } from "eslint";
import { fingerprints } from "../fingerprint.js";

/** One issue of a GitLab Code Quality report (docs.gitlab.com, "Code Quality report format"). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end?: number } };
}

/**
 * GitLab Code Quality JSON (`artifacts: reports: codequality`): paths relative to the repository (`cwd`), and
 * the same fingerprints as the baseline, so an issue keeps its identity when lines move and GitLab can tell new from fixed.
 */
export function formatGitlab(results: ESLint.LintResult[], cwd: string, roots?: readonly string[]): string {
  const prints = fingerprints(results, cwd, roots);
  const issues: CodeQualityIssue[] = results.flatMap((r, i) =>
    r.messages.map((m, k) => ({
      description: m.message,
      check_name: m.ruleId ?? "exp-lint/file-error",
      fingerprint: prints[i]![k]!.fingerprint.replace(":", "-"),
      severity: m.severity === 2 ? "major" : "minor",
      location: { path: prints[i]![k]!.file, lines: { begin: m.line, ...(m.endLine !== undefined ? { end: m.endLine } : {}) } },
    })),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
