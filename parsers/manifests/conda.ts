/**
 * conda `environment.yml` / MLflow `conda.yaml` front end: the `dependencies:`
 * list in conda's match-spec syntax (`numpy=1.26.4`, `numpy>=1.26`,
 * `conda-forge::numpy`, `numpy 1.26.*`) and its `pip:` subsection in pip
 * syntax. `channels` and the `python` and `pip` entries are not packages to
 * pin. An MLflow `python_env.yaml` (a top-level `python` version and
 * `build_dependencies`) is told apart by its keys: its `dependencies` and
 * `build_dependencies` are pip requirements. Throws yaml-eslint-parser's
 * error on invalid YAML.
 */

import { yamlParser } from "./libraries.js";
import type { AST } from "yaml-eslint-parser";
import type { Range, Specifier } from "./requirements.js";
import { INSTALLER_PACKAGES, namedEntry, pep508Entry, type Entry, type EntryLine, type Manifest } from "./entries.js";
import type { ManifestParse } from "./pyproject.js";

const SPEC = /^(?:[^\s:]+::)?([A-Za-z0-9_][A-Za-z0-9_.-]*)/u;
const NOT_PACKAGES = new Set(["python", ...INSTALLER_PACKAGES]);

/** Text range of a scalar's value, or `null` when quoting hides the offsets. */
function scalarContent(node: AST.YAMLScalar, text: string): Range | null {
  if (typeof node.value !== "string") return null;
  if (node.style === "plain") return node.range;
  const start = node.range[0] + 1;
  const end = node.range[1] - 1;
  return (node.style === "double-quoted" || node.style === "single-quoted") && text.slice(start, end) === node.value ? [start, end] : null;
}

/** One version constraint of conda's syntax as PEP 440; `null` when it cannot be said that way. */
function condaConstraint(c: string, range: Range): Specifier | null {
  const m = /^(==|!=|>=|<=|~=|>|<|=)?\s*([^\s=]+)(?:=\S+)?$/u.exec(c);
  if (!m) return null;
  const op = m[1] ?? "";
  let version = m[2]!;
  if (version.endsWith("*")) {
    if (op && op !== "=" && op !== "==") return null;
    version = version.replace(/\.?\*$/u, "");
    return { operator: "==", version: `${version}.*`, range };
  }
  // `numpy=1.26.4` (what `conda env export` writes) and `numpy 1.26.4` both name one version.
  return { operator: op === "" || op === "=" ? "==" : op, version, range };
}

export function condaSpecifiers(rest: string, range: Range): Specifier[] | null {
  const body = rest.trim();
  if (!body) return [];
  if (body.includes("|") || body.includes("[")) return null;
  // `numpy 1.26.4 py311_0`: version then build, separated by space.
  const parts = /^[<>=!~]/u.test(body) ? body.split(",") : [body.split(/\s+/u)[0]!];
  const out: Specifier[] = [];
  for (const part of parts.flatMap((p) => p.split(","))) {
    const spec = condaConstraint(part.trim(), range);
    if (!spec) return null;
    out.push(spec);
  }
  return out;
}

/**
 * One conda match spec. `at` is where its text starts in the file when the
 * text is written there as-is; otherwise every range is `whole` and no pin is offered.
 */
export function condaSpecEntry(spec: string, at: number | null, whole: Range, manifest: Manifest = "conda"): Entry | null {
  const m = SPEC.exec(spec);
  if (!m) return null;
  const name = m[1]!;
  if (NOT_PACKAGES.has(name.toLowerCase())) return null;
  const nameStart = (at ?? 0) + m[0].length - name.length;
  const nameRange: Range = at !== null ? [nameStart, nameStart + name.length] : whole;
  const restEnd = (at ?? 0) + spec.trimEnd().length;
  const range: Range = at !== null ? [at, restEnd] : whole;
  const specifiers = condaSpecifiers(spec.slice(m[0].length), range);
  return namedEntry({
    name,
    nameRange,
    range,
    specifiers: specifiers ?? [],
    specifierRange: specifiers?.length ? [nameRange[1], restEnd] : null,
    manifest,
    pin: at !== null && specifiers ? { range: [nameRange[1], restEnd], prefix: "=" } : null,
    display: spec.trim(),
    opaque: specifiers === null,
  });
}

function condaEntry(node: AST.YAMLScalar, text: string, lines: EntryLine[]): void {
  const content = scalarContent(node, text);
  const entry = condaSpecEntry(String(node.value), content ? content[0] : null, node.range);
  if (entry) lines.push(entry);
}

function pipEntries(list: AST.YAMLSequence, text: string, lines: EntryLine[]): void {
  for (const req of list.entries) {
    if (req?.type !== "YAMLScalar" || typeof req.value !== "string") continue;
    const content = scalarContent(req, text);
    const entry = content ? pep508Entry(req.value, content[0], "conda") : null;
    if (entry && !(entry.type === "Requirement" && entry.normalizedName !== null && NOT_PACKAGES.has(entry.normalizedName))) lines.push(entry);
  }
}

const field = (map: AST.YAMLMapping, key: string): AST.YAMLContent | AST.YAMLWithMeta | null | undefined =>
  map.pairs.find((p) => p.key?.type === "YAMLScalar" && p.key.value === key)?.value;

/** Requirement entries of a conda environment file or an MLflow python_env.yaml, in file order. */
export function readConda(text: string): ManifestParse {
  const ast = yamlParser().parseYAML(text);
  const lines: EntryLine[] = [];
  for (const doc of ast.body) {
    const root = doc.content;
    if (root?.type !== "YAMLMapping") continue;
    const deps = field(root, "dependencies");
    if (field(root, "python") !== undefined || field(root, "build_dependencies") !== undefined) {
      const build = field(root, "build_dependencies");
      if (build?.type === "YAMLSequence") pipEntries(build, text, lines);
      if (deps?.type === "YAMLSequence") pipEntries(deps, text, lines);
      continue;
    }
    if (deps?.type !== "YAMLSequence") continue;
    for (const item of deps.entries) {
      if (item?.type === "YAMLScalar") condaEntry(item, text, lines);
      else if (item?.type === "YAMLMapping") {
        const pip = field(item, "pip");
        if (pip?.type === "YAMLSequence") pipEntries(pip, text, lines);
      }
    }
  }
  lines.sort((a, b) => a.range[0] - b.range[0]);
  const comments = ast.comments.map((c) => ({ value: c.value, range: c.range, lineStart: c.range[0] }));
  return { lines, comments };
}
