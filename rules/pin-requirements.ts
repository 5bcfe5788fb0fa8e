import type { SourceLocation } from "@eslint/core";
import type { RuleFix } from "@typescript-eslint/utils/ts-eslint";
import { basename } from "node:path";
import { pep508Pin, type Entry, type Manifest } from "../parsers/manifests/entries.js";
import { installedNpmVersion, lockedBeside, locksFor } from "../parsers/manifests/locks.js";
import { readInstallLines, readScriptBlocks } from "../parsers/manifests/python-side.js";
import { readSetupPy } from "../parsers/manifests/setup-py.js";
import { satisfies } from "../parsers/manifests/versions.js";
import { semver } from "../parsers/manifests/libraries.js";
import { normalizeName, type Range, type Specifier } from "../parsers/manifests/requirements.js";
import type { RequirementNode } from "../parsers/manifests/source-code.js";
import type { SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";

type MessageIds = "noVersion" | "notPinned" | "notPinnedNoHint" | "vcsNoCommit" | "urlNoHash" | "pinOutsideRange" | "extraScriptBlock";
type Options = [{ allowUrls?: boolean; lockfiles?: "satisfy" | "ignore" }];

/** What `settings["exp-lint"]` may carry for this rule: exact versions by project name, and where they came from. */
export interface PinSettings {
  pins?: Record<string, string>;
  /** Where each pin came from (`uv.lock`, `.venv`), by the same names, for messages. */
  pinSources?: Record<string, string>;
}

/** Where the notebook processor's virtual Python file lives: `<notebook>.ipynb/<n>_notebook.py`. */
const NOTEBOOK_BLOCK = /\.ipynb[\\/][^\\/]*$/u;

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

/** How each ecosystem writes the remedies a message names: Python's pip, or npm's package.json. */
interface Wording {
  exact(name: string, version: string): string;
  /** Appended to the "pin" sentences: other ways to get there. */
  remedy: string;
  /** The same, after the file's first finding has said it in full. */
  shortRemedy: string;
  installed(name: string): string;
  /** How a VCS URL names a revision: `@rev` for pip, `#rev` for npm. */
  refMark: string;
  urlFix: string;
}

const PIP: Wording = {
  exact: (name, version) => `${name}==${version}`,
  remedy: ' ("exp-lint --fix" writes it from a lock file, from "pip freeze" output given with --pin-from, or from the project\'s virtual environment)',
  shortRemedy: ' ("exp-lint --fix" can write it)',
  installed: () => '"pip freeze"',
  refMark: "@",
  urlFix: 'add --hash=sha256:<digest> ("pip hash <file>" prints it) or a "#sha256=<digest>" fragment',
};

const NPM: Wording = {
  exact: (name, version) => `"${name}": "${version}"`,
  remedy:
    ', or commit the lock file your package manager writes (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock); "exp-lint --fix" writes the version installed in node_modules',
  shortRemedy: ", or commit your lock file",
  installed: (name) => `"npm ls ${name}"`,
  refMark: "#",
  urlFix: "commit the lock file your package manager writes (it records the file's integrity hash), or depend on a published version",
};

const PIPFILE: Wording = { ...PIP, exact: (name, version) => `${name} = "==${version}"` };

const wordingOf = (manifest: Manifest | undefined): Wording => (manifest === "package-json" ? NPM : manifest === "pipfile" ? PIPFILE : PIP);

const listed = (items: string[], word: string): string => (items.length > 1 ? `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}` : (items[0] ?? ""));
const orList = (items: string[]): string => listed(items, "or");

/** A Python file read as a package's setup script. */
const SETUP_SCRIPT = /(?:^|[\\/])setup\.py$/u;

/** How the VCS revision reads in a message. */
function describeRef(ref: string | null, mark: string): string {
  if (ref === null) return "the default branch";
  return SHORT_COMMIT.test(ref) ? `the abbreviated commit "${ref}"` : `"${mark}${ref}"`;
}

/** Source text as one line: continuations and runs of space collapsed. */
function flat(text: string, range: Range): string {
  return text
    .slice(range[0], range[1])
    .replace(/\\(?:\r\n|\r|\n)/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

interface Finding {
  messageId: MessageIds;
  data: Record<string, string>;
}

/** What is wrong with one requirement, or `null` when it is pinned. */
function findingFor(node: Entry, text: string, allowUrls: boolean): Finding | null {
  if (node.form === "path") return null;
  const words = wordingOf(node.manifest);
  const target = node.name ?? node.url ?? "this requirement";
  if (node.form === "vcs") {
    if ((node.ref !== null && FULL_COMMIT.test(node.ref)) || node.hashes.length > 0) return null;
    return { messageId: "vcsNoCommit", data: { target, ref: describeRef(node.ref, words.refMark), commit: `"${words.refMark}<full commit hash>"` } };
  }
  if (node.form === "url") {
    if (allowUrls || node.hashes.length > 0) return null;
    return { messageId: "urlNoHash", data: { target, url: node.url ?? "", urlFix: words.urlFix } };
  }
  if (!node.opaque && node.specifiers.some(isExact)) return null;
  const name = `${node.name}${node.extras.length ? `[${node.extras.join(",")}]` : ""}`;
  const requirement = node.display ?? (node.specifierRange ? flat(text, [node.nameRange![0], node.specifierRange[1]]) : name);
  const hint = { remedy: words.remedy, exact: words.exact(name, "<version>") };
  if (node.opaque) return { messageId: "notPinnedNoHint", data: { requirement, name, installed: words.installed(name), ...hint } };
  if (node.specifiers.length === 0) return { messageId: "noVersion", data: { name, ...hint } };
  const version = node.named !== undefined ? node.named : namedVersion(node.specifiers);
  return version === null
    ? { messageId: "notPinnedNoHint", data: { requirement, name, installed: words.installed(name), ...hint } }
    : { messageId: "notPinned", data: { requirement, suggestion: words.exact(name, version), remedy: words.remedy } };
}

/** Versions from shared settings, keyed by PEP 503 name. */
function readPins(settings: Record<string, unknown>): { pins: Map<string, string>; sources: Map<string, string> } {
  const own = (settings["exp-lint"] ?? {}) as PinSettings;
  const pins = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const [name, version] of Object.entries(own.pins ?? {})) if (typeof version === "string") pins.set(normalizeName(name), version);
  for (const [name, source] of Object.entries(own.pinSources ?? {})) if (typeof source === "string") sources.set(normalizeName(name), source);
  return { pins, sources };
}

export default createRule<Options, MessageIds>({
  name: "pin-requirements",
  meta: {
    type: "problem",
    languages: ["exp-lint/requirements", "exp-lint/python"],
    docs: {
      description: "Require every requirement to be pinned to an exact version",
      recommended: true,
    },
    fixable: "code",
    messages: {
      noVersion: "{{name}} has no version: each fresh install takes whatever is newest that day; pin the exact version you trained with, {{exact}}{{remedy}}.",
      notPinned:
        "{{requirement}} is not pinned: a fresh install can resolve a different version than the one your results came from; pin an exact version such as {{suggestion}}{{remedy}}.",
      notPinnedNoHint:
        "{{requirement}} is not pinned: a fresh install can resolve a different version than the one your results came from; pin the exact version, {{exact}}, that {{installed}} shows in the environment you trained in{{remedy}}.",
      pinOutsideRange:
        "{{requirement}} is not pinned, and the version in {{source}}, {{version}}, is outside the range written here; pin by hand to the version you trained with, or bring {{source}} up to date.",
      vcsNoCommit:
        '{{target}} is not pinned: {{ref}} can move to different code; end the URL with {{commit}} (40 hex characters, from "git rev-parse HEAD" in the checkout you trained with).',
      extraScriptBlock:
        "{{file}} has {{count}} PEP 723 `# /// script` blocks, at lines {{lines}}: PEP 723 makes that an error (pipx refuses to run the script) and uv installs only the first block's dependencies, ignoring the rest; exp-lint checks the first block only. Merge them into one block.",
      urlNoHash: "{{target}} is not pinned: the file at {{url}} can change without its URL changing; {{urlFix}}.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          lockfiles: {
            type: "string",
            enum: ["satisfy", "ignore"],
            description: `With "satisfy", ranges are accepted where a lock file pins them: a pyproject.toml's when ${orList(locksFor("pyproject"))} sits beside it, a Pipfile's when ${orList(locksFor("pipfile"))} does, a PEP 723 script's when <script>.py.lock does, and a package.json's when ${orList(locksFor("package-json"))} sits beside it or in a folder above it, up to the repository root; "ignore" reports them anyway.`,
          },
          allowUrls: {
            type: "boolean",
            description:
              "Accept direct archive URLs (https://…/pkg-1.2.tar.gz) without a hash, for indexes whose files never change. VCS URLs still need a full commit hash.",
          },
        },
      },
    ],
    defaultOptions: [{ allowUrls: false, lockfiles: "satisfy" }],
  },
  defaultOptions: [{ allowUrls: false, lockfiles: "satisfy" }],
  create(context, [{ allowUrls = false, lockfiles = "satisfy" }]) {
    // pip-tools inputs (`requirements.in`) are loose on purpose; their compiled `.txt` is the lock.
    if (context.filename.endsWith(".in")) return {};
    const source = context.sourceCode;
    const text = source.text;
    const { pins, sources } = readPins(context.settings);
    const locOf = (range: Range): SourceLocation => ({ start: source.getLocFromIndex(range[0]), end: source.getLocFromIndex(range[1]) });

    // One look at the file system per manifest kind, not per entry.
    const lockCache = new Map<Manifest, boolean>();
    const locked = (manifest: Manifest): boolean => {
      let known = lockCache.get(manifest);
      if (known === undefined) lockCache.set(manifest, (known = lockedBeside(manifest, context.physicalFilename)));
      return known;
    };

    // The remedy is said in full once per file; the file's later findings say it in a few words.
    let remedyGiven = false;
    const check = (entry: Entry): void => {
      const finding = findingFor(entry, text, allowUrls);
      if (!finding) return;
      if (lockfiles === "satisfy" && locked(entry.manifest ?? "requirements")) return;
      if (finding.data.remedy !== undefined) {
        if (remedyGiven) finding.data.remedy = wordingOf(entry.manifest).shortRemedy;
        remedyGiven = true;
      }
      const loc = locOf(entry.requirementRange);
      const pin = entry.form !== "name" || entry.opaque ? null : entry.pin !== undefined ? entry.pin : pep508Pin(entry, text);
      // npm: the version in node_modules is the one the code ran with; Python: versions the CLI or settings provide.
      const npm = entry.npmRange !== undefined;
      const installed = npm && pin ? installedNpmVersion(entry.name!, context.physicalFilename) : null;
      const version = npm ? installed?.version : entry.normalizedName !== null ? pins.get(entry.normalizedName) : undefined;
      // A UTF-16 file decoded by the language: ESLint would apply a fix to the bytes as it read them.
      const decoded = (source.ast as { decodedText?: string }).decodedText !== undefined;
      if (version === undefined || !pin || decoded) {
        context.report({ loc, ...finding });
        return;
      }
      const inRange = npm ? semver().satisfies(version, entry.npmRange!, { includePrerelease: true, loose: true }) : satisfies(version, entry.specifiers, true);
      if (inRange === false) {
        const requirement = entry.display ?? (finding.data.requirement || finding.data.name)!;
        const source = installed?.source ?? sources.get(entry.normalizedName!) ?? 'settings["exp-lint"].pins';
        context.report({ loc, messageId: "pinOutsideRange", data: { requirement, version, source } });
        return;
      }
      if (inRange === null) {
        context.report({ loc, ...finding });
        return;
      }
      context.report({ loc, ...finding, fix: (fixer): RuleFix => fixer.replaceTextRange(pin.range, `${pin.prefix}${version}`) });
    };

    const ast = source.ast as { type: string };
    if (ast.type === "Module") {
      // Python: a PEP 723 block, a setup.py's setup() arguments, and in a notebook the masked `%pip install` lines.
      return {
        Module() {
          const { entries, opens } = readScriptBlocks(text);
          if (opens.length > 1) {
            const lines = opens.map((o) => String(o.line));
            const data = { file: basename(context.physicalFilename), count: String(opens.length), lines: listed(lines, "and") };
            context.report({ loc: locOf(opens[1]!.range), messageId: "extraScriptBlock", data });
          }
          if (SETUP_SCRIPT.test(context.filename)) entries.push(...readSetupPy((source as unknown as { model: SemanticModel }).model, text));
          if (NOTEBOOK_BLOCK.test(context.filename)) {
            const comments = (source as unknown as { comments: { value: string; range: Range }[] }).comments;
            entries.push(...readInstallLines(text, comments));
          }
          for (const entry of entries) check(entry);
        },
      };
    }
    return {
      Requirement(node: RequirementNode) {
        check(node);
      },
    };
  },
});
