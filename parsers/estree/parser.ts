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

export const typescriptParser = {
  meta: { name: "exp-lint/typescript-eslint-parser", version: "8" },
  parseForESLint(code: string, options?: unknown) {
    return load().parseForESLint(code, options);
  },
} as unknown as Linter.Parser;
