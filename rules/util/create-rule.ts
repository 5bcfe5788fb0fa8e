// The eslint-utils entry alone: the package root also loads typescript-estree, 150 ms a start-up.
import { RuleCreator } from "@typescript-eslint/utils/eslint-utils";

/** Extra docs fields every exp-lint rule carries. */
export interface ExpLintDocs {
  /** In `configs.recommended` (and so in the CLI's default run). */
  recommended: boolean;
  /** Options the `strict` config turns on for this rule, if any. */
  strictOptions?: Record<string, unknown>;
}

export const DOCS_BASE = "https://github.com/exp-lint/exp-lint/blob/main/docs/rules/";

/** typescript-eslint's RuleCreator: the docs URL comes from the rule name. */
export const createRule = RuleCreator<ExpLintDocs>((name) => `${DOCS_BASE}${name}.md`);
