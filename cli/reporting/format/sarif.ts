import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint } from "eslint";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { PACKAGE_VERSION } from "../../../plugin/package-info.js";
import { fingerprints } from "../fingerprint.js";

// Written here rather than with @microsoft/eslint-formatter-sarif, which pulls in a second, ESLint 8, copy of ESLint.

type RulesMeta = Record<string, { docs?: { description?: string; url?: string } } | undefined>;

/** Messages without a rule: files that could not be read, or were skipped. */
const FILE_ERROR = { id: "exp-lint/file-error", description: "A file exp-lint could not read or chose to skip (unreadable, binary, too large)" };

/** Key under `partialFingerprints`; the version changes if the fingerprint recipe does. */
export const FINGERPRINT_KEY = "expLint/v1";

/** Where a file is: relative to the scanned root (SRCROOT) when inside it, so GitHub maps it to the repository. */
function artifactLocation(cwd: string, path: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/u.test(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "SRCROOT" };
  }
  return { uri: pathToFileURL(path).href };
}

/** SARIF 2.1.0 for GitHub code scanning: one run, every rule with its description and help URI, stable fingerprints. */
export function formatSarif(results: ESLint.LintResult[], rulesMeta: RulesMeta, cwd: string, roots?: readonly string[]): string {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const docs = rulesMeta[id]?.docs;
      const description = docs?.description ?? (id === FILE_ERROR.id ? FILE_ERROR.description : id);
      i =
        rules.push({
          id,
          name: id.replace(/^exp-lint\//u, ""),
          shortDescription: { text: description },
          ...(docs?.url
            ? { helpUri: docs.url, help: { text: `${description}. See ${docs.url}`, markdown: `${description}. [Rule documentation](${docs.url})` } }
            : {}),
        }) - 1;
      index.set(id, i);
    }
    return i;
  };
  const prints = fingerprints(results, cwd, roots);
  const sarifResults: Result[] = [];
  for (const [n, r] of results.entries()) {
    const artifact = artifactLocation(cwd, r.filePath);
    for (const [k, m] of r.messages.entries()) {
      const ruleId = m.ruleId ?? FILE_ERROR.id;
      const region: NonNullable<NonNullable<Result["locations"]>[number]["physicalLocation"]>["region"] = {
        startLine: Math.max(m.line, 1),
        startColumn: Math.max(m.column, 1),
      };
      // SARIF regions must not end before they start; ESLint sometimes omits or zeroes the end.
      if (m.endLine !== undefined && m.endLine >= region.startLine!) {
        region.endLine = m.endLine;
        if (m.endColumn !== undefined && m.endColumn >= 1 && (m.endLine > region.startLine! || m.endColumn >= region.startColumn!))
          region.endColumn = m.endColumn;
      }
      sarifResults.push({
        ruleId,
        ruleIndex: ruleIndex(ruleId),
        level: m.severity === 2 ? "error" : "warning",
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: { ...artifact }, region } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[n]![k]!.fingerprint },
      });
    }
  }
  const log: Log = {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: { driver: { name: "exp-lint", version: PACKAGE_VERSION, informationUri: "https://github.com/exp-lint/exp-lint", rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${cwd}${sep}`).href } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
