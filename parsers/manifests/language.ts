import type { File, OkParseResult, ParseResult, SourceLocation } from "@eslint/core";
import { frontEnd } from "./kinds.js";
import { syntaxOf } from "./syntax.js";
import type { Range } from "./requirements.js";
import { RequirementsSourceCode, visitorKeys, type CommentNode, type RequirementLine, type RequirementsFile } from "./source-code.js";
import { isUtf16, recoverUtf16 } from "../shared/encoding.js";

const UTF16_GARBLED =
  "UTF-16 text with characters outside ASCII, read here as UTF-8 (as ESLint reads every file): the exp-lint CLI reads it as pip does; or save it as UTF-8";
import { lastAtOrBefore, lineStarts } from "../shared/lines.js";
import { manifestTooCostly } from "../shared/bounds.js";

type Position = SourceLocation["start"];

/** Offset → ESLint position (line 1-based, column 0-based), with the same line breaks as the source code object. */
function locator(text: string): (index: number) => Position {
  const starts = lineStarts(text);
  return (index) => {
    const lo = lastAtOrBefore(starts, index);
    return { line: lo + 1, column: index - starts[lo]! };
  };
}

/** Builds the tree once: every node gets its `loc` here and keeps it. Throws on invalid TOML or YAML. */
export function buildTree(text: string, path?: string): RequirementsFile {
  const { lines, comments } = frontEnd(path)(text);
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

/**
 * Dependency manifests as one ESLint language: pip requirements files
 * (`requirements.txt`, constraints), `pyproject.toml`, conda
 * `environment.yml` and npm's `package.json`, each read by its own front end into the same
 * requirement entries.
 */
export class RequirementsLanguage {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions = {};

  validateLanguageOptions(): void {}

  parse(file: File): ParseResult<RequirementsFile> {
    let text = String(file.body);
    let decoded = false;
    if (isUtf16(text)) {
      // pip reads UTF-16 requirements; ESLint read this one as UTF-8. The exp-lint CLI decodes it before linting.
      const recovered = recoverUtf16(text);
      if (recovered === null) return { ok: false, errors: [{ message: UTF16_GARBLED, line: 1, column: 1 }] };
      text = recovered;
      decoded = true;
    }
    const nul = text.indexOf("\u0000");
    if (nul >= 0) {
      const { line, column } = locator(text)(nul);
      // ESLint passes parse errors through as-is, so the column is 1-based here.
      return { ok: false, errors: [{ message: "binary file, not a requirements file", line, column: column + 1 }] };
    }
    // Over the work budget (size, nesting): one message, and the parser never runs.
    const tooCostly = manifestTooCostly(text, syntaxOf(file.path));
    if (tooCostly) return { ok: false, errors: [{ message: tooCostly, line: 1, column: 1 }] };
    try {
      const ast = buildTree(text, file.path);
      return { ok: true, ast: decoded ? { ...ast, decodedText: text } : ast };
    } catch (error) {
      // toml-eslint-parser and yaml-eslint-parser throw errors with a line and a 0-based column.
      const e = error as { index?: number; lineNumber?: number; column?: number; message?: string };
      if (typeof e.lineNumber === "number") {
        const kind = syntaxOf(file.path);
        // Their lines end at \n only; from the offset, the position counts lines as ESLint does (a lone \r too).
        const at = typeof e.index === "number" ? locator(text)(Math.min(e.index, text.length)) : { line: e.lineNumber, column: e.column ?? 0 };
        return { ok: false, errors: [{ message: `invalid ${kind}: ${e.message ?? ""}`, line: at.line, column: at.column + 1 }] };
      }
      // The parser records bad lines instead of throwing; this is a last guard for its own bugs.
      return { ok: false, errors: [{ message: `could not read requirements (${String(error)})`, line: 1, column: 1 }] };
    }
  }

  createSourceCode(file: File, result: OkParseResult<RequirementsFile>): RequirementsSourceCode {
    return new RequirementsSourceCode({ text: result.ast.decodedText ?? String(file.body), ast: result.ast });
  }
}

export const requirementsLanguage = new RequirementsLanguage();
