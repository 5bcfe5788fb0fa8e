import type { Diagnostic, Hover, Position } from "vscode-languageserver/node";
import type { FindingData } from "./diagnostics.js";
import { ruleDoc } from "./engine.js";

const contains = (d: Diagnostic, p: Position) =>
  (d.range.start.line < p.line || (d.range.start.line === p.line && d.range.start.character <= p.character)) &&
  (p.line < d.range.end.line || (p.line === d.range.end.line && p.character <= d.range.end.character));

/** The documentation of each rule with a finding under the cursor, as `exp-lint rule <id>` prints it. */
export function hoverAt(diagnostics: readonly Diagnostic[], at: Position): Hover | null {
  const ids = [
    ...new Set(
      diagnostics
        .filter((d) => contains(d, at))
        .map((d) => (d.data as FindingData | undefined)?.rule)
        .filter((r): r is string => Boolean(r)),
    ),
  ];
  const docs = ids.map((id) => ruleDoc(id)).filter((d): d is string => d !== null);
  return docs.length ? { contents: { kind: "markdown", value: docs.join("\n\n---\n\n") } } : null;
}
