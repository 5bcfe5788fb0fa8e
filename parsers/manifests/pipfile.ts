/**
 * Pipfile front end (Pipenv): every package table (`[packages]`,
 * `[dev-packages]` and named categories), each value a PEP 440 specifier set
 * (`"*"`, `">=1.2,<2"`, `"==1.2.3"`) or an inline table with `version`,
 * `extras`, `git`/`ref`, `path` or `file`. A pin is written as `"==x.y.z"` in
 * place of the version string. `[source]`, `[requires]`, `[scripts]` and
 * `[pipenv]` hold no packages. Throws toml-eslint-parser's error on invalid TOML.
 */

import { tomlParser } from "./libraries.js";
import type { EntryLine } from "./entries.js";
import type { ManifestParse } from "./pyproject.js";
import { keyName, tomlDependency, type TomlDialect } from "./toml-dependency.js";
import type { Range, Specifier } from "./requirements.js";

const NOT_PACKAGES = new Set(["source", "requires", "scripts", "pipenv"]);

/** A Pipfile version string as PEP 440 specifiers: `"*"` and `""` name none; a bare version means `==`. `null` when it cannot be read. */
export function pipfileSpecifiers(spec: string, range: Range): Specifier[] | null {
  const body = spec.trim();
  if (body === "*" || body === "") return [];
  const out: Specifier[] = [];
  for (const part of body.split(",")) {
    const m = /^\s*(===|==|!=|<=|>=|~=|<|>)?\s*([^\s,]+)\s*$/u.exec(part);
    if (!m || m[2] === "*") return null;
    out.push({ operator: m[1] ?? "==", version: m[2]!, range });
  }
  return out;
}

const PIPFILE: TomlDialect = {
  manifest: "pipfile",
  specifiers: pipfileSpecifiers,
  pinPrefix: "==",
  sources: [
    { key: "git", form: "vcs" },
    { key: "path", form: "path" },
    { key: "file", form: "url" },
  ],
  gitRefs: ["ref"],
  versionFirst: false,
};

/** Requirement entries of a Pipfile, in file order. */
export function readPipfile(text: string): ManifestParse {
  const ast = tomlParser().parseTOML(text);
  const lines: EntryLine[] = [];
  for (const node of ast.body[0].body) {
    if (node.type !== "TOMLTable" || node.kind !== "standard" || node.resolvedKey.length !== 1) continue;
    if (NOT_PACKAGES.has(String(node.resolvedKey[0]))) continue;
    for (const kv of node.body) if (kv.key.keys.length === 1) tomlDependency(keyName(kv.key.keys[0]!), kv.key.keys[0]!, kv, kv.value, text, PIPFILE, lines);
  }
  const comments = ast.comments.map((c) => ({ value: c.value, range: c.range, lineStart: c.range[0] }));
  return { lines, comments };
}
