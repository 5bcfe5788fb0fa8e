/**
 * Pipfile front end (Pipenv): every package table (`[packages]`,
 * `[dev-packages]` and named categories), each value a PEP 440 specifier set
 * (`"*"`, `">=1.2,<2"`, `"==1.2.3"`) or an inline table with `version`,
 * `extras`, `git`/`ref`, `path` or `file`. A pin is written as `"==x.y.z"` in
 * place of the version string. `[source]`, `[requires]`, `[scripts]` and
 * `[pipenv]` hold no packages. Throws toml-eslint-parser's error on invalid TOML.
 */

import { parseTOML } from "toml-eslint-parser";
import type { AST } from "toml-eslint-parser";
import { namedEntry, sourceEntry, type EntryLine } from "./entries.js";
import { keyName, stringContent, type ManifestParse } from "./pyproject.js";
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

function packageEntry(kv: AST.TOMLKeyValue, text: string, out: EntryLine[]): void {
  const keyNode = kv.key.keys.at(-1)!;
  const name = keyName(keyNode);
  const value = kv.value;
  const range = kv.range;
  let versionNode: AST.TOMLStringValue | null = null;
  let extras: string[] = [];
  if (value.type === "TOMLValue" && value.kind === "string") {
    versionNode = value;
  } else if (value.type === "TOMLInlineTable") {
    const fields = new Map<string, AST.TOMLContentNode>();
    for (const f of value.body) fields.set(f.key.keys.map(keyName).join("."), f.value);
    const str = (k: string): string | null => {
      const v = fields.get(k);
      return v?.type === "TOMLValue" && v.kind === "string" ? v.value : null;
    };
    const ex = fields.get("extras");
    if (ex?.type === "TOMLArray") extras = ex.elements.flatMap((e) => (e.type === "TOMLValue" && e.kind === "string" ? [e.value] : []));
    if (str("git") !== null) {
      out.push(sourceEntry({ name, form: "vcs", url: str("git")!, vcs: "git", ref: str("ref"), range, nameRange: keyNode.range, manifest: "pipfile" }));
      return;
    }
    if (str("path") !== null) {
      out.push(sourceEntry({ name, form: "path", url: str("path")!, range, nameRange: keyNode.range, manifest: "pipfile" }));
      return;
    }
    if (str("file") !== null) {
      out.push(sourceEntry({ name, form: "url", url: str("file")!, range, nameRange: keyNode.range, manifest: "pipfile" }));
      return;
    }
    const v = fields.get("version");
    if (v?.type === "TOMLValue" && v.kind === "string") versionNode = v;
  } else {
    return;
  }
  const spec = versionNode?.value ?? "*";
  const specRange: Range = versionNode ? versionNode.range : range;
  const specifiers = pipfileSpecifiers(spec, specRange);
  const content = versionNode ? stringContent(versionNode, text) : null;
  out.push(
    namedEntry({
      name,
      nameRange: keyNode.range,
      range,
      specifiers: specifiers ?? [],
      specifierRange: specifiers?.length ? specRange : null,
      manifest: "pipfile",
      pin: specifiers && content ? { range: content, prefix: "==" } : null,
      display: `${name} = "${spec}"`,
      extras,
      opaque: specifiers === null,
    }),
  );
}

/** Requirement entries of a Pipfile, in file order. */
export function readPipfile(text: string): ManifestParse {
  const ast = parseTOML(text);
  const lines: EntryLine[] = [];
  for (const node of ast.body[0].body) {
    if (node.type !== "TOMLTable" || node.kind !== "standard" || node.resolvedKey.length !== 1) continue;
    if (NOT_PACKAGES.has(String(node.resolvedKey[0]))) continue;
    for (const kv of node.body) if (kv.key.keys.length === 1) packageEntry(kv, text, lines);
  }
  const comments = ast.comments.map((c) => ({ value: c.value, range: c.range, lineStart: c.range[0] }));
  return { lines, comments };
}
