import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { SourceLocation } from "@eslint/core";
import { SemanticModel } from "../../semantic/model.js";
import type { Comment, SyntaxProblem } from "../../semantic/ir.js";
import { readDirectives } from "../shared/directives.js";
import type { PythonFacts } from "./facts.js";

/** The tree ESLint sees: one root node. Rules read the semantic model instead of walking nodes. */
export interface ModuleNode {
  type: "Module";
  range: [number, number];
  loc: SourceLocation;
  facts: PythonFacts;
}

export interface LocatedComment extends Comment {
  loc: SourceLocation;
}

export class PythonSourceCode extends TextSourceCodeBase {
  declare ast: ModuleNode;
  readonly comments: LocatedComment[];
  #model: SemanticModel | null = null;
  #steps: VisitNodeStep[] | null = null;

  constructor({ text, ast }: { text: string; ast: ModuleNode }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.comments = ast.facts.comments.map((c) => ({ ...c, loc: this.locOf(c.range) }));
  }

  locOf(range: readonly [number, number]): SourceLocation {
    return { start: this.getLocFromIndex(range[0]), end: this.getLocFromIndex(range[1]) };
  }

  /** The one semantic model of this file, shared by every rule. */
  get model(): SemanticModel {
    return (this.#model ??= new SemanticModel(this.ast.facts, this.text));
  }

  get syntaxProblem(): SyntaxProblem | null {
    return this.ast.facts.syntaxProblem;
  }

  override getLoc(node: { loc: SourceLocation }): SourceLocation {
    return node.loc;
  }

  override getRange(node: { range: [number, number] }): [number, number] {
    return node.range;
  }

  override getParent(): undefined {
    return undefined;
  }

  override traverse(): Iterable<VisitNodeStep> {
    this.#steps ??= [
      new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, null] }),
      new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, null] }),
    ];
    return this.#steps;
  }

  getInlineConfigNodes(): LocatedComment[] {
    return readDirectives(this.comments).nodes as LocatedComment[];
  }

  getDisableDirectives() {
    const { problems, directives } = readDirectives(this.comments);
    return { problems, directives };
  }

  applyInlineConfig() {
    const { configs, configProblems } = readDirectives(this.comments);
    return { configs, problems: configProblems };
  }
}
