import type { SourceLocation } from "@eslint/core";
import type { RuleListener } from "@typescript-eslint/utils/ts-eslint";
import { extractEstreeFacts, type EsNode } from "../../parsers/estree/facts.js";
import { instanceTypes, type TypedServices } from "../../parsers/estree/types.js";
import { lineLabel } from "../../parsers/notebook/processor.js";
import { PythonSourceCode } from "../../parsers/python/source-code.js";
import type { Range } from "../../semantic/ir.js";
import { SemanticModel } from "../../semantic/model.js";

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
export function onProgram(context: { sourceCode: unknown; physicalFilename?: string }, check: (program: Program) => void): RuleListener {
  // Every message that names a line goes through here, so a notebook's says which cell.
  const lineOf = (loc: (r: Range) => SourceLocation) => (r: Range) => lineLabel(context.physicalFilename ?? "", loc(r).start.line);
  return {
    Module() {
      const source = context.sourceCode;
      if (!(source instanceof PythonSourceCode)) return;
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

/** The parts of ESLint's JavaScript SourceCode (espree or typescript-eslint's tree) read here. */
interface EstreeSourceCode {
  ast: EsNode;
  text: string;
  visitorKeys?: Record<string, readonly string[] | undefined>;
  /** typescript-eslint's services; `program` is set only with typed linting. */
  parserServices?: TypedServices;
  getLocFromIndex(index: number): { line: number; column: number };
}

// One model per file, built on first use and shared by every rule.
const ESTREE_MODELS = new WeakMap<object, SemanticModel>();

function estreeModel(source: EstreeSourceCode): SemanticModel {
  let model = ESTREE_MODELS.get(source);
  if (!model) {
    const facts = extractEstreeFacts(source.ast, source.text, source.visitorKeys);
    const types = instanceTypes(source.parserServices, source.ast);
    if (types) facts.instanceType = types;
    model = new SemanticModel(facts, source.text);
    ESTREE_MODELS.set(source, model);
  }
  return model;
}

/** Shorten source text for a message: one line, at most `max` characters. */
export function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
