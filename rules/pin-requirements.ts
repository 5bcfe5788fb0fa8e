import type { SourceLocation } from "@eslint/core";
import type { Range, Specifier } from "../parsers/requirements/parse.js";
import type { RequirementNode, RequirementsSourceCode } from "../parsers/requirements/source-code.js";
import { createRule } from "./util/create-rule.js";

type MessageIds = "noVersion" | "notPinned" | "notPinnedNoHint" | "vcsNoCommit" | "urlNoHash";
type Options = [{ allowUrls?: boolean }];

const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/iu;
const SHORT_COMMIT = /^[0-9a-f]{7,39}$/iu;

function isExact(spec: Specifier): boolean {
  return spec.operator === "===" || (spec.operator === "==" && !spec.version.endsWith(".*"));
}

/** The one version a range names (`>=1.26.4`, `~=1.26.4`, `<=1.26.4`), worth suggesting as the pin. */
function namedVersion(specs: Specifier[]): string | null {
  const named = specs.filter((s) => ["~=", ">=", "<="].includes(s.operator) && !/[*$]/u.test(s.version));
  return named.length === 1 ? named[0]!.version : null;
}

/** How the VCS revision reads in a message. */
function describeRef(ref: string | null): string {
  if (ref === null) return "the default branch";
  return SHORT_COMMIT.test(ref) ? `the abbreviated commit "${ref}"` : `"@${ref}"`;
}

/** Source text as one line: continuations and runs of space collapsed. */
function flat(text: string, range: Range): string {
  return text.slice(range[0], range[1]).replace(/\\(?:\r\n|\r|\n)/gu, " ").replace(/\s+/gu, " ").trim();
}

interface Finding {
  messageId: MessageIds;
  data: Record<string, string>;
}

/** What is wrong with one requirement, or `null` when it is pinned. */
function findingFor(node: RequirementNode, text: string, allowUrls: boolean): Finding | null {
  if (node.form === "path") return null;
  const target = node.name ?? node.url ?? "this requirement";
  if (node.form === "vcs") {
    if ((node.ref !== null && FULL_COMMIT.test(node.ref)) || node.hashes.length > 0) return null;
    return { messageId: "vcsNoCommit", data: { target, ref: describeRef(node.ref) } };
  }
  if (node.form === "url") {
    if (allowUrls || node.hashes.length > 0) return null;
    return { messageId: "urlNoHash", data: { target, url: node.url ?? "" } };
  }
  if (node.specifiers.some(isExact)) return null;
  const name = `${node.name}${node.extras.length ? `[${node.extras.join(",")}]` : ""}`;
  if (node.specifiers.length === 0) return { messageId: "noVersion", data: { name } };
  const requirement = flat(text, [node.nameRange![0], node.specifierRange![1]]);
  const version = namedVersion(node.specifiers);
  return version === null
    ? { messageId: "notPinnedNoHint", data: { requirement, name } }
    : { messageId: "notPinned", data: { requirement, suggestion: `${name}==${version}` } };
}

export default createRule<Options, MessageIds>({
  name: "pin-requirements",
  meta: {
    type: "problem",
    languages: ["exp-lint/requirements"],
    docs: {
      description: "Require every requirement to be pinned to an exact version",
      recommended: true,
    },
    messages: {
      noVersion:
        '{{name}} has no version: each fresh install takes whatever is newest that day; pin the exact version you trained with, {{name}}==<version> (run "pip freeze" in that environment to get it).',
      notPinned:
        '{{requirement}} is not pinned: a fresh install can resolve a different version than the one your results came from; pin an exact version such as {{suggestion}} (run "pip freeze" in the environment you trained in to get it).',
      notPinnedNoHint:
        '{{requirement}} is not pinned: a fresh install can resolve a different version than the one your results came from; pin the exact version, {{name}}==<version>, that "pip freeze" shows in the environment you trained in.',
      vcsNoCommit:
        '{{target}} is not pinned: {{ref}} can move to different code; end the URL with "@<full commit hash>" (40 hex characters, from "git rev-parse HEAD" in the checkout you trained with).',
      urlNoHash:
        '{{target}} is not pinned: the file at {{url}} can change without its URL changing; add --hash=sha256:<digest> ("pip hash <file>" prints it) or a "#sha256=<digest>" fragment.',
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allowUrls: {
            type: "boolean",
            description:
              "Accept direct archive URLs (https://…/pkg-1.2.tar.gz) without a hash, for indexes whose files never change. VCS URLs still need a full commit hash.",
          },
        },
      },
    ],
    defaultOptions: [{ allowUrls: false }],
  },
  defaultOptions: [{ allowUrls: false }],
  create(context, [{ allowUrls = false }]) {
    // pip-tools inputs (`requirements.in`) are loose on purpose; their compiled `.txt` is the lock.
    if (context.filename.endsWith(".in")) return {};
    const source = context.sourceCode as unknown as RequirementsSourceCode;
    const locOf = (range: Range): SourceLocation => ({ start: source.getLocFromIndex(range[0]), end: source.getLocFromIndex(range[1]) });

    return {
      Requirement(node: RequirementNode) {
        const finding = findingFor(node, source.text, allowUrls);
        if (finding) context.report({ loc: locOf(node.requirementRange), ...finding });
      },
    };
  },
});
