import type { SourceLocation } from "@eslint/core";
import type { RuleListener } from "@typescript-eslint/utils/ts-eslint";
import { estreeModel, type EstreeSourceCode } from "../../parsers/estree/model.js";
import { lineLabel } from "../../parsers/notebook/processor.js";
import "../../parsers/python/project-module.js";
import { PythonSourceCode } from "../../parsers/python/source-code.js";
import { projectIndex } from "../../semantic/project.js";
import type { Range } from "../../semantic/ir.js";
import type { SemanticModel } from "../../semantic/model.js";

/** What a rule gets for one file, whatever its language. */
export interface Program {
  model: SemanticModel;
  loc(range: Range): SourceLocation;
  text(range: Range): string;
  /** How a message names the line a range starts on, as the user sees it (`line 14`, in a notebook `line 2 of cell 5`). */
  lineOf(range: Range): string;
}

/**
 * Run `check` once per file with its shared semantic model. Rules written
 * against `Program` work for every front end that builds the model.
 */
export function onProgram(context: { sourceCode: unknown; physicalFilename?: string; filename?: string }, check: (program: Program) => void): RuleListener {
  // Every message that names a line goes through here, so a notebook's says which cell.
  const lineOf = (loc: (r: Range) => SourceLocation) => (r: Range) => lineLabel(context.physicalFilename ?? "", loc(r).start.line);
  return {
    Module() {
      const source = context.sourceCode;
      if (!(source instanceof PythonSourceCode)) return;
      // Imports of the project's own modules resolve from the file's place on disk.
      const file = context.physicalFilename ?? context.filename;
      if (file && !file.startsWith("<")) source.model.locate(file, projectIndex);
      const loc = (r: Range) => source.locOf(r);
      check({ model: source.model, loc, text: (r) => source.text.slice(r[0], r[1]), lineOf: lineOf(loc) });
    },
    Program() {
      const source = context.sourceCode as EstreeSourceCode;
      if (source.ast?.type !== "Program") return;
      const loc = (r: Range): SourceLocation => ({ start: source.getLocFromIndex(r[0]), end: source.getLocFromIndex(r[1]) });
      check({ model: estreeModel(source), loc, text: (r) => source.text.slice(r[0], r[1]), lineOf: lineOf(loc) });
    },
  } as RuleListener;
}

/** Shorten source text for a message: one line, at most `max` characters. */
export function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
