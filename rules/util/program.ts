import type { SourceLocation } from "@eslint/core";
import type { RuleListener } from "@typescript-eslint/utils/ts-eslint";
import { PythonSourceCode } from "../../parsers/python/source-code.js";
import type { Range } from "../../semantic/ir.js";
import type { SemanticModel } from "../../semantic/model.js";

/** What a rule gets for one file, whatever its language. */
export interface Program {
  model: SemanticModel;
  loc(range: Range): SourceLocation;
  text(range: Range): string;
}

/**
 * Run `check` once per file with its shared semantic model. Rules written
 * against `Program` work for every front end that builds the model.
 */
export function onProgram(context: { sourceCode: unknown }, check: (program: Program) => void): RuleListener {
  return {
    Module() {
      const source = context.sourceCode;
      if (!(source instanceof PythonSourceCode)) return;
      check({ model: source.model, loc: (r) => source.locOf(r), text: (r) => source.text.slice(r[0], r[1]) });
    },
  } as RuleListener;
}

/** Shorten source text for a message: one line, at most `max` characters. */
export function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
