import { relative } from "node:path";
import type { ESLint } from "eslint";
import { visible } from "./escape.js";

// GitHub Actions workflow commands: data escapes %, CR, LF; properties also escape ":" and ",".
// Other control characters are shown as pictures (escape.ts), so no ESC sequence reaches the log.
const data = (s: string) => visible(s.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A"));
const prop = (s: string) => data(s).replace(/:/gu, "%3A").replace(/,/gu, "%2C");

/** One `::error`/`::warning` annotation per finding, so a pull request shows them inline. */
export function formatGithub(results: ESLint.LintResult[], cwd: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = relative(cwd, r.filePath) || r.filePath;
    for (const m of r.messages) {
      const props = [`file=${prop(file)}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
      if (m.endColumn !== undefined) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${prop(m.ruleId ?? "exp-lint")}`);
      lines.push(`::${m.severity === 2 ? "error" : "warning"} ${props.join(",")}::${data(m.message)}`);
    }
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
