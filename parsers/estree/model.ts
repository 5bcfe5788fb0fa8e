import { SemanticModel } from "../../semantic/model.js";
import { extractEstreeFacts, type EsNode } from "./facts.js";
import { instanceTypes, type TypedServices } from "./types.js";

/** The parts of ESLint's JavaScript SourceCode (espree or typescript-eslint's tree) read here. */
export interface EstreeSourceCode {
  ast: EsNode;
  text: string;
  visitorKeys?: Record<string, readonly string[] | undefined>;
  /** typescript-eslint's services; `program` is set only with typed linting. */
  parserServices?: TypedServices;
  getLocFromIndex(index: number): { line: number; column: number };
}

// One model per file, built on first use and shared by every rule.
const ESTREE_MODELS = new WeakMap<object, SemanticModel>();

/** The one semantic model of a JavaScript/TypeScript file, as PythonSourceCode.model is for Python. */
export function estreeModel(source: EstreeSourceCode): SemanticModel {
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
