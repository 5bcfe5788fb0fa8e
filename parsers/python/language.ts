import type { File, OkParseResult, ParseResult } from "@eslint/core";
import { maskMagics } from "../notebook/magics.js";
import { isUtf16, UTF16_MESSAGE } from "../shared/encoding.js";
import { lineStarts } from "../shared/lines.js";
import { extractFacts } from "./facts.js";
import { PythonSourceCode, type ModuleNode } from "./source-code.js";
import { parsePython } from "./tree-sitter.js";

/** Line and column just past the end of `text`, ESLint style (line 1-based, column 0-based). */
export function endLoc(text: string): { line: number; column: number } {
  const starts = lineStarts(text);
  return { line: starts.length, column: text.length - starts[starts.length - 1]! };
}

/** Python as an ESLint language, parsed with tree-sitter-python. */
export class PythonLanguage {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = { Module: [] as string[] };

  validateLanguageOptions(): void {}

  parse(file: File): ParseResult<ModuleNode> {
    const text = String(file.body);
    if (text.includes("\u0000")) {
      return { ok: false, errors: [{ message: isUtf16(text) ? UTF16_MESSAGE : "binary file (contains NUL bytes), not Python source", line: 1, column: 1 }] };
    }
    try {
      // Databricks exports notebooks as .py files that keep IPython lines (`!pip install ...`); masking is line for line.
      const python = text.startsWith("# Databricks notebook source") ? maskMagics(text) : text;
      const tree = parsePython(python);
      const facts = extractFacts(tree, python);
      const ast: ModuleNode = { type: "Module", range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: endLoc(text) }, facts };
      return { ok: true, ast };
    } catch (error) {
      // tree-sitter recovers from syntax errors; reaching here means the parser itself failed.
      return { ok: false, errors: [{ message: `could not parse: ${(error as Error).message}`, line: 1, column: 1 }] };
    }
  }

  createSourceCode(file: File, result: OkParseResult<ModuleNode>): PythonSourceCode {
    return new PythonSourceCode({ text: String(file.body), ast: result.ast });
  }
}

export const pythonLanguage = new PythonLanguage();
