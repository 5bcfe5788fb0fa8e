import type { SourceLocation } from "@eslint/core";
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { readDirectives, type DirectiveComment, type ReadDirectives } from "../shared/directives.js";
import type { ManifestFields } from "./entries.js";
import type { CommentRecord, InvalidLineRecord, OptionLineRecord, Range, RequirementRecord } from "./requirements.js";

interface Located {
  loc: SourceLocation;
}

export type RequirementNode = RequirementRecord & ManifestFields & Located;
export type OptionLineNode = OptionLineRecord & Located;
export type InvalidLineNode = InvalidLineRecord & Located;
export type RequirementLine = RequirementNode | OptionLineNode | InvalidLineNode;

export interface CommentNode extends CommentRecord, Located {
  type: "Comment";
}

/** The tree ESLint walks: one child per logical line that is not blank or only a comment. */
export interface RequirementsFile {
  type: "RequirementsFile";
  range: Range;
  loc: SourceLocation;
  body: RequirementLine[];
  comments: CommentNode[];
  /** A UTF-16 file that ESLint read as UTF-8: its text, decoded. Offsets are into this text, not ESLint's, so no fix is offered. */
  decodedText?: string;
}

export type RequirementsNode = RequirementsFile | RequirementLine;

/** Node types and the keys ESLint follows to reach children. */
export const visitorKeys: Record<RequirementsNode["type"], string[]> = {
  RequirementsFile: ["body"],
  Requirement: [],
  OptionLine: [],
  InvalidLine: [],
};

export class RequirementsSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, never>;
  RootNode: RequirementsFile;
  SyntaxElementWithLoc: RequirementsNode | CommentNode | DirectiveComment;
  ConfigNode: DirectiveComment;
}> {
  declare ast: RequirementsFile;
  readonly comments: CommentNode[];
  #steps: VisitNodeStep[] | null = null;
  #directiveComments: DirectiveComment[] | null = null;

  constructor({ text, ast }: { text: string; ast: RequirementsFile }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.comments = ast.comments;
  }

  override getLoc(node: { loc: SourceLocation }): SourceLocation {
    return node.loc;
  }

  override getRange(node: { range: Range }): Range {
    return node.range;
  }

  override getParent(node: RequirementsNode): RequirementsNode | undefined {
    return node.type === "RequirementsFile" ? undefined : this.ast;
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (!this.#steps) {
      const root = this.ast;
      const steps = [new VisitNodeStep({ target: root, phase: 1, args: [root, null] })];
      for (const node of root.body) {
        steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, root] }));
        steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, root] }));
      }
      steps.push(new VisitNodeStep({ target: root, phase: 2, args: [root, null] }));
      this.#steps = steps;
    }
    return this.#steps;
  }

  /**
   * Comments as directive readers see them. A comment that ends a `\`-continued
   * requirement starts, for them, where the requirement starts: a trailing
   * `# noqa` after `--hash` lines silences the requirement it belongs to.
   */
  #directiveView(): DirectiveComment[] {
    this.#directiveComments ??= this.comments.map((c) => {
      const start = this.getLocFromIndex(c.lineStart);
      return start.line === c.loc.start.line ? c : { value: c.value, range: c.range, loc: { start, end: c.loc.end } };
    });
    return this.#directiveComments;
  }

  getInlineConfigNodes(): DirectiveComment[] {
    return readDirectives(this.#directiveView()).nodes;
  }

  getDisableDirectives(): Pick<ReadDirectives, "problems" | "directives"> {
    const { problems, directives } = readDirectives(this.#directiveView());
    return { problems, directives };
  }

  applyInlineConfig(): { configs: ReadDirectives["configs"]; problems: ReadDirectives["configProblems"] } {
    const { configs, configProblems } = readDirectives(this.#directiveView());
    return { configs, problems: configProblems };
  }
}
