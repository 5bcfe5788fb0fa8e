import { projectIndex, type ProjectIndex } from "../../semantic/project.js";
import { SemanticModel } from "../../semantic/model.js";
import type { ModuleRecord } from "../../semantic/summaries.js";
import { SUMMARY_KINDS } from "../../semantic/summary-kinds.js";
import { fittedWrites } from "../../semantic/table-files.js";
import { extractFacts } from "./facts.js";
import { withDetachedTree } from "./tree-sitter.js";

/**
 * Summarise one module of the project for the index: parsed with the
 * detached parser (the file being linted keeps its tree), every summary
 * kind computed while the tree lives, then only plain data kept.
 */
export function summarisePythonModule(path: string, text: string, index: ProjectIndex, depth: number): ModuleRecord {
  return withDetachedTree(text, (tree) => {
    const facts = extractFacts(tree, text);
    const model = new SemanticModel(facts, text, { file: path, project: index, depth });
    const stars = facts.bindings.filter((b) => b.kind === "import" && b.name === "*" && b.qname).map((b) => b.qname!.slice(0, -2));
    const writes = fittedWrites(model);
    return { functions: model.summaries.record(SUMMARY_KINDS), stars, ...(writes.length ? { writes } : {}) };
  });
}

// The index reads Python modules with this front end.
projectIndex.setSummariser(summarisePythonModule);
