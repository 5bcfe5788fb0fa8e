import type { RuleWithMetaAndName } from "@typescript-eslint/utils/eslint-utils";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";

/** Extra docs fields every exp-lint rule carries. */
export interface ExpLintDocs {
  /** In `configs.recommended` (and so in the CLI's default run). */
  recommended: boolean;
  /** Options the `strict` config turns on for this rule, if any. */
  strictOptions?: Record<string, unknown>;
}

export const DOCS_BASE = "https://github.com/exp-lint/exp-lint/blob/main/docs/rules/";

/**
 * A rule typed with typescript-eslint's definitions, its docs URL from its name.
 * Defaults go in `meta.defaultOptions`, which ESLint merges into `context.options`
 * itself; typescript-eslint's RuleCreator merges them again for every file and rule.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  meta,
  name,
  create,
  defaultOptions,
}: Readonly<RuleWithMetaAndName<Options, MessageIds, ExpLintDocs>>): RuleModule<MessageIds, Options, ExpLintDocs> & { name: string } {
  return {
    name,
    meta: { ...meta, defaultOptions: meta.defaultOptions ?? defaultOptions, docs: { ...meta.docs, url: `${DOCS_BASE}${name}.md` } },
    defaultOptions,
    create: (context) => create(context, context.options),
  };
}
