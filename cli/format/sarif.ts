import { pathToFileURL } from "node:url";
import type { ESLint } from "eslint";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { PACKAGE_VERSION } from "../../plugin/package-info.js";

// Written here rather than with @microsoft/eslint-formatter-sarif, which pulls in a second, ESLint 8, copy of ESLint.

type RulesMeta = Record<string, { docs?: { description?: string; url?: string } } | undefined>;

/** SARIF 2.1.0 for GitHub code scanning: one run, every rule with its description and help URI, raw-file locations. */
export function formatSarif(results: ESLint.LintResult[], rulesMeta: RulesMeta, cwd: string): string {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const docs = rulesMeta[id]?.docs;
      i = rules.push({
        id,
        ...(docs?.description ? { shortDescription: { text: docs.description } } : {}),
        ...(docs?.url ? { helpUri: docs.url } : {}),
      }) - 1;
      index.set(id, i);
    }
    return i;
  };
  const sarifResults: Result[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const ruleId = m.ruleId ?? "exp-lint/file-error";
      sarifResults.push({
        ruleId,
        ruleIndex: ruleIndex(ruleId),
        level: m.severity === 2 ? "error" : "warning",
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: pathToFileURL(r.filePath).href },
              region: {
                startLine: Math.max(m.line, 1),
                startColumn: Math.max(m.column, 1),
                ...(m.endLine !== undefined ? { endLine: m.endLine } : {}),
                ...(m.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
              },
            },
          },
        ],
      });
    }
  }
  const log: Log = {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: { driver: { name: "exp-lint", version: PACKAGE_VERSION, informationUri: "https://github.com/exp-lint/exp-lint", rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${cwd}/`).href } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
