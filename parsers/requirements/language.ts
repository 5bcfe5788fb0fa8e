import type { File, OkParseResult, ParseResult, SourceLocation } from "@eslint/core";
import { parseRequirements, type Range } from "./parse.js";
import { RequirementsSourceCode, visitorKeys, type CommentNode, type RequirementLine, type RequirementsFile } from "./source-code.js";

type Position = SourceLocation["start"];

/** Offset → ESLint position (line 1-based, column 0-based), with the same line breaks as the source code object. */
function locator(text: string): (index: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! };
  };
}

/** Builds the tree once: every node gets its `loc` here and keeps it. */
export function buildTree(text: string): RequirementsFile {
  const { lines, comments } = parseRequirements(text);
  const at = locator(text);
  const loc = (range: Range): SourceLocation => ({ start: at(range[0]), end: at(range[1]) });
  return {
    type: "RequirementsFile",
    range: [0, text.length],
    loc: { start: { line: 1, column: 0 }, end: at(text.length) },
    body: lines.map((line) => ({ ...line, loc: loc(line.range) }) as RequirementLine),
    comments: comments.map((c): CommentNode => ({ type: "Comment", ...c, loc: loc(c.range) })),
  };
}

/** pip requirements files (`requirements.txt`, constraints) as an ESLint language. */
export class RequirementsLanguage {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions = {};

  validateLanguageOptions(): void {}

  parse(file: File): ParseResult<RequirementsFile> {
    const text = String(file.body);
    const nul = text.indexOf("\u0000");
    if (nul >= 0) {
      const { line, column } = locator(text)(nul);
      // ESLint passes parse errors through as-is, so the column is 1-based here.
      return { ok: false, errors: [{ message: "binary file, not a requirements file", line, column: column + 1 }] };
    }
    try {
      return { ok: true, ast: buildTree(text) };
    } catch (error) {
      // The parser records bad lines instead of throwing; this is a last guard for its own bugs.
      return { ok: false, errors: [{ message: `could not read requirements (${String(error)})`, line: 1, column: 1 }] };
    }
  }

  createSourceCode(file: File, result: OkParseResult<RequirementsFile>): RequirementsSourceCode {
    return new RequirementsSourceCode({ text: String(file.body), ast: result.ast });
  }
}

export const requirementsLanguage = new RequirementsLanguage();
