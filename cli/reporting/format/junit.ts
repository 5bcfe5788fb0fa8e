import { relative } from "node:path";
import type { ESLint } from "eslint";

// XML 1.0 cannot hold most control characters, even escaped: they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;
const xml = (s: string) =>
  s.replace(INVALID_XML, "").replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;").replace(/'/gu, "&apos;");

/**
 * JUnit XML, as CI servers (Jenkins, GitLab, Azure Pipelines) read test reports: one test suite per file,
 * one failed test case per finding (named by its rule), and one passing case for a clean file.
 */
export function formatJunit(results: ESLint.LintResult[], cwd: string): string {
  const suites = results.map((r) => {
    const file = relative(cwd, r.filePath) || r.filePath;
    const cases = r.messages.length
      ? r.messages.map((m) => {
          const kind = m.severity === 2 ? "error" : "warning";
          const body = `${file}:${m.line}:${m.column}: ${kind}: ${m.message}${m.ruleId ? ` (${m.ruleId})` : ""}`;
          return `    <testcase name="${xml(`${m.ruleId ?? "exp-lint/file-error"} at line ${m.line}, column ${m.column}`)}" classname="${xml(file)}" time="0">\n      <failure type="${kind}" message="${xml(m.message)}">${xml(body)}</failure>\n    </testcase>`;
        })
      : [`    <testcase name="exp-lint" classname="${xml(file)}" time="0"/>`];
    return `  <testsuite name="${xml(file)}" tests="${Math.max(1, r.messages.length)}" failures="${r.messages.length}" errors="0" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = results.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const failures = results.reduce((n, r) => n + r.messages.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="exp-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`;
}
