import type { RulesConfig, SourceLocation } from "@eslint/core";
import { ConfigCommentParser, Directive } from "@eslint/plugin-kit";

/**
 * Inline configuration written in `#` comments (Python, requirements files):
 * ESLint's own directives (`# eslint-disable-next-line exp-lint/require-seed -- why`,
 * `# eslint-disable`, `# eslint-enable`, `# eslint-disable-line`, `# eslint ...`)
 * and Ruff/flake8-style `# noqa` / `# noqa: require-seed, exp-lint/pin-requirements`.
 * A bare `# noqa` silences every rule on its line; codes that are not
 * exp-lint rule ids (`E501`) are left to the tools they belong to.
 */

export interface DirectiveComment {
  /** Text after the `#`. */
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

export interface ReadDirectives {
  /** Comments that carry any directive. */
  nodes: DirectiveComment[];
  directives: Directive[];
  problems: { ruleId: null; message: string; loc: SourceLocation }[];
  configs: { config: { rules: RulesConfig }; loc: SourceLocation }[];
  configProblems: { ruleId: null; message: string; loc: SourceLocation }[];
}

const parser = new ConfigCommentParser();
const ESLINT = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
// `# noqa: ids -- why` may carry a justification, as ESLint directives do.
const NOQA = /^\s*noqa(?::\s*([\w/,\s-]*?))?\s*(?:--(?:\s.*)?|#.*)?$/iu;
const RULE_ID = /^(?:exp-lint\/)?([a-z][a-z0-9-]*)$/u;

/** The rule ids a `# noqa: ...` list names, as `exp-lint/<id>`; `null` for a bare noqa. */
function noqaRules(list: string | undefined): string[] | null {
  if (list === undefined || list.trim() === "") return null;
  const ids: string[] = [];
  for (const raw of list.split(/[,\s]+/u)) {
    const id = raw.trim();
    const m = RULE_ID.exec(id);
    // Codes such as E501 or F401 are other linters'; exp-lint ids are hyphenated or carry the prefix.
    if (m && (m[1]!.includes("-") || id.startsWith("exp-lint/"))) ids.push(`exp-lint/${m[1]}`);
  }
  return ids;
}

const cache = new WeakMap<readonly DirectiveComment[], ReadDirectives>();

export function readDirectives(comments: readonly DirectiveComment[]): ReadDirectives {
  const cached = cache.get(comments);
  if (cached) return cached;
  const out: ReadDirectives = { nodes: [], directives: [], problems: [], configs: [], configProblems: [] };
  for (const comment of comments) {
    const noqa = NOQA.exec(comment.value);
    if (noqa) {
      const ids = noqaRules(noqa[1]);
      if (ids === null || ids.length > 0) {
        out.nodes.push(comment);
        out.directives.push(new Directive({ type: "disable-line", node: comment, value: ids?.join(", ") ?? "", justification: "" }));
      }
      continue;
    }
    if (!ESLINT.test(comment.value)) continue;
    const parsed = parser.parseDirective(comment.value);
    if (!parsed) continue;
    out.nodes.push(comment);
    const { label, value, justification } = parsed;
    if (label === "eslint") {
      const result = parser.parseJSONLikeConfig(value);
      if (result.ok) out.configs.push({ config: { rules: result.config as RulesConfig }, loc: comment.loc });
      else out.configProblems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
      continue;
    }
    const type = label.slice("eslint-".length) as "disable" | "enable" | "disable-line" | "disable-next-line";
    out.directives.push(new Directive({ type, node: comment, value, justification }));
  }
  cache.set(comments, out);
  return out;
}
