/**
 * pyproject.toml front end: PEP 621 `[project].dependencies` and
 * `optional-dependencies`, PEP 735 `[dependency-groups]`, uv's
 * `[tool.uv].dev-dependencies`, and Poetry's `[tool.poetry.dependencies]`,
 * `dev-dependencies` and group dependencies. PEP 508 strings go through the
 * pip parser; Poetry constraints (`^1.2`, `~1.2`, `*`, `>=1,<2`) become PEP 440
 * specifiers. Throws toml-eslint-parser's error on invalid TOML.
 */

import { tomlParser } from "./libraries.js";
import type { AST } from "toml-eslint-parser";
import type { CommentRecord, Range, Specifier } from "./requirements.js";
import { mapRecord, pep508Entry, type EntryLine, type Manifest } from "./entries.js";
import { keyName, stringContent, tomlDependency, type TomlDialect } from "./toml-dependency.js";

export interface ManifestParse {
  lines: EntryLine[];
  comments: CommentRecord[];
}

type Path = (string | number)[];

function is(path: Path, pattern: (string | null)[]): boolean {
  return path.length === pattern.length && pattern.every((p, i) => p === null || p === path[i]);
}

/** A PEP 508 string at its place in the file; when escapes hide the offsets, every range is the whole string. */
function pep508At(node: AST.TOMLStringValue, text: string, manifest: Manifest): EntryLine | null {
  const content = stringContent(node, text);
  if (content) return pep508Entry(node.value, content[0], manifest);
  const entry = pep508Entry(node.value, 0, manifest);
  if (!entry) return null;
  const whole = mapRecord(entry, (i) => (i === 0 ? node.range[0] : node.range[1]));
  return whole.type === "Requirement" ? { ...whole, pin: null } : whole;
}

const BUMP_CARET = (release: number[]): number => {
  const i = release.findIndex((n) => n !== 0);
  return i < 0 ? release.length - 1 : i;
};

function upper(release: number[], index: number): string {
  return [...release.slice(0, index), release[index]! + 1].join(".");
}

// In the pattern's order, then no operator.
const OPERATORS_AND_NONE = ["^", "~=", "~", "===", "==", "!=", ">=", "<=", ">", "<", "=", ""];
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const startsVersion = (c: string | undefined) => c !== undefined && !/[\s,<>=!~^]/u.test(c);
const inVersion = (c: string | undefined) => c !== undefined && !/[\s,]/u.test(c);

/**
 * `[operator, version]` pairs of a constraint (`>=1.2, <2`, `^1.4`, `~ 1.2`), as the pattern
 * `(op)?\s*([^\s,<>=!~^][^\s,]*)` finds them from left to right; a scan with the next non-space
 * precomputed, since that pattern costs the square of the length on a run of spaces.
 */
function poetryConstraints(spec: string): [string, string][] {
  const nextNonSpace = new Int32Array(spec.length + 1);
  nextNonSpace[spec.length] = spec.length;
  for (let i = spec.length - 1; i >= 0; i--) nextNonSpace[i] = isSpace(spec[i]) ? nextNonSpace[i + 1]! : i;
  const out: [string, string][] = [];
  for (let p = 0; p < spec.length; ) {
    let found: [string, number] | null = null;
    for (const op of OPERATORS_AND_NONE) {
      if (op && !spec.startsWith(op, p)) continue;
      const at = nextNonSpace[p + op.length]!;
      if (startsVersion(spec[at])) {
        found = [op, at];
        break;
      }
    }
    if (!found) {
      p++;
      continue;
    }
    let end = found[1];
    while (inVersion(spec[end])) end++;
    out.push([found[0], spec.slice(found[1], end)]);
    p = end;
  }
  return out;
}

/** Poetry's constraint syntax as PEP 440 specifiers; `null` for what PEP 440 cannot say (`||`). */
export function poetrySpecifiers(spec: string, range: Range): Specifier[] | null {
  if (spec.includes("||") || spec.includes("|")) return null;
  const out: Specifier[] = [];
  for (const [op, version] of poetryConstraints(spec)) {
    if (version === "*" && !op) continue;
    const release = /^\d+(?:\.\d+)*/u.exec(version)?.[0].split(".").map(Number);
    if (op === "^" || (op === "~" && release)) {
      if (!release) return null;
      const at = op === "^" ? BUMP_CARET(release) : release.length >= 2 ? 1 : 0;
      out.push({ operator: ">=", version, range }, { operator: "<", version: upper(release, at), range });
    } else if (op === "~") {
      return null;
    } else {
      out.push({ operator: op === "" || op === "=" ? "==" : op, version, range });
    }
  }
  return out;
}

const POETRY: TomlDialect = {
  manifest: "pyproject",
  specifiers: poetrySpecifiers,
  pinPrefix: "",
  sources: [
    { key: "git", form: "vcs" },
    { key: "path", form: "path" },
    { key: "file", form: "path" },
    { key: "url", form: "url" },
  ],
  gitRefs: ["rev", "tag", "branch"],
  versionFirst: true,
};

/** One Poetry dependency; a list of constraints (one per Python or platform marker) gives one entry each. */
function poetryDependency(
  name: string,
  keyNode: AST.TOMLBare | AST.TOMLQuoted,
  kv: AST.TOMLKeyValue,
  value: AST.TOMLContentNode,
  text: string,
  out: EntryLine[],
): void {
  if (value.type === "TOMLArray") {
    for (const item of value.elements) poetryDependency(name, keyNode, { ...kv, range: item.range } as AST.TOMLKeyValue, item, text, out);
    return;
  }
  tomlDependency(name, keyNode, kv, value, text, POETRY, out);
}

const PEP508_ARRAYS: (string | null)[][] = [
  ["project", "dependencies"],
  ["project", "optional-dependencies", null],
  ["dependency-groups", null],
  ["tool", "uv", "dev-dependencies"],
];

/** PEP 723: a script block's TOML has `dependencies` at the top. */
const SCRIPT_ARRAYS = [["dependencies"]];

const POETRY_TABLES: (string | null)[][] = [
  ["tool", "poetry", "dependencies", null],
  ["tool", "poetry", "dev-dependencies", null],
  ["tool", "poetry", "group", null, "dependencies", null],
];

/** Requirement entries of a pyproject.toml, in file order. */
export function readPyproject(text: string, manifest: Manifest = "pyproject"): ManifestParse {
  const ast = tomlParser().parseTOML(text);
  const lines: EntryLine[] = [];
  const visit = (path: Path, kv: AST.TOMLKeyValue, value: AST.TOMLContentNode): void => {
    if ((manifest === "script" ? SCRIPT_ARRAYS : PEP508_ARRAYS).some((p) => is(path, p))) {
      if (value.type !== "TOMLArray") return;
      for (const item of value.elements) {
        if (item.type !== "TOMLValue" || item.kind !== "string") continue;
        const entry = pep508At(item, text, manifest);
        if (entry) lines.push(entry);
      }
      return;
    }
    if (manifest !== "script" && POETRY_TABLES.some((p) => is(path, p))) {
      const name = String(path.at(-1));
      if (name.toLowerCase() !== "python") poetryDependency(name, kv.key.keys.at(-1)!, kv, value, text, lines);
      return;
    }
    if (value.type === "TOMLInlineTable") for (const inner of value.body) visit([...path, ...inner.key.keys.map(keyName)], inner, inner.value);
  };
  for (const node of ast.body[0].body) {
    if (node.type === "TOMLKeyValue") visit(node.key.keys.map(keyName), node, node.value);
    else for (const kv of node.body) visit([...node.resolvedKey, ...kv.key.keys.map(keyName)], kv, kv.value);
  }
  lines.sort((a, b) => a.range[0] - b.range[0]);
  const comments = ast.comments.map((c) => ({ value: c.value, range: c.range, lineStart: c.range[0] }));
  return { lines, comments };
}
