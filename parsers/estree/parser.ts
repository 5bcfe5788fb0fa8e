import { createRequire } from "node:module";
import type { Linter } from "eslint";

/**
 * typescript-eslint's parser, loaded on the first TS/JS file: it pulls in the
 * TypeScript compiler (a few hundred milliseconds), which a Python-only run
 * never needs.
 */
type TsParser = { parseForESLint(code: string, options?: unknown): unknown; meta?: { name?: string; version?: string } };

const require = createRequire(import.meta.url);
let loaded: TsParser | null = null;
const load = (): TsParser => (loaded ??= require("@typescript-eslint/parser") as TsParser);

/** A parse error as ESLint reads it: a message, `lineNumber` and a 1-based `column`. */
function parseError(error: unknown): unknown {
  // The TypeScript parser recurses per nesting level; thousands of nested brackets exhaust the stack.
  if (error instanceof RangeError && /call stack/iu.test(error.message)) {
    return Object.assign(new SyntaxError("code nested too deeply for the TypeScript parser (call stack exhausted); file not analysed"), {
      lineNumber: 1,
      column: 1,
    });
  }
  // typescript-eslint's errors count columns from 0, ESLint's messages from 1.
  const e = error as { message?: string; lineNumber?: unknown; column?: unknown };
  if (error instanceof Error && typeof e.lineNumber === "number" && typeof e.column === "number") {
    return Object.assign(new SyntaxError(error.message), { lineNumber: e.lineNumber, column: e.column + 1 });
  }
  // Anything else (the TypeScript compiler's own assertions) still names the file's one problem, at its start.
  return Object.assign(new SyntaxError(`the TypeScript parser failed (${error instanceof Error ? error.message : String(error)})`), {
    lineNumber: 1,
    column: 1,
  });
}

export const typescriptParser = {
  meta: { name: "exp-lint/typescript-eslint-parser", version: "8" },
  parseForESLint(code: string, options?: unknown) {
    try {
      return load().parseForESLint(code, options);
    } catch (error) {
      throw parseError(error);
    }
  },
} as unknown as Linter.Parser;
