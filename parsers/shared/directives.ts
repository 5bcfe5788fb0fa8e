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
/** JavaScript's `\s`, by code: the scan below runs once per character of a comment that may be megabytes long. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const isSpace = (c: string) => isSpaceCode(c.charCodeAt(0));
/** `[\w/,\s-]` */
function isListChar(c: string): boolean {
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95 || k === 47 || k === 44 || k === 45 || isSpaceCode(k);
}
const LINE_END = /[\n\r\u2028\u2029]/u;

/**
 * `# noqa`, `# noqa: ids`, `# noqa: ids -- why` or `# noqa # other comment`:
 * `{ list }` (undefined for a bare noqa), or null when the comment is not a
 * noqa directive. A scan rather than a pattern: the list and the justification
 * share characters, and a backtracking pattern over them costs the cube of the
 * comment's length.
 */
function readNoqa(value: string): { list: string | undefined } | null {
  let i = 0;
  while (i < value.length && isSpace(value[i]!)) i++;
  if (value.slice(i, i + 4).toLowerCase() !== "noqa") return null;
  i += 4;
  let list: string | undefined;
  if (value[i] === ":") {
    const start = ++i;
    while (i < value.length && isListChar(value[i]!)) i++;
    // The list ends at the first `--` followed by a space or the end: the justification starts there.
    let end = i;
    for (let k = start; k + 1 < i; k++) {
      if (value[k] === "-" && value[k + 1] === "-" && (k + 2 === value.length || isSpace(value[k + 2]!))) {
        end = k;
        break;
      }
    }
    list = value.slice(start, end);
    i = end;
  }
  while (i < value.length && isSpace(value[i]!)) i++;
  if (i === value.length) return { list };
  const rest = value.slice(i);
  // What follows is `--` and a justification, or another comment, on this line.
  const ok =
    (rest === "--" || (rest.startsWith("--") && isSpace(rest[2]!)) || rest.startsWith("#")) && !LINE_END.test(rest.slice(rest.startsWith("#") ? 1 : 3));
  return ok ? { list } : null;
}
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
    const noqa = readNoqa(comment.value);
    if (noqa) {
      const ids = noqaRules(noqa.list);
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
