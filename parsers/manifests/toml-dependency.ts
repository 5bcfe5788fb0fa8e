/**
 * One dependency written as a TOML key, the form Pipfile and Poetry share: `name = "spec"` or
 * `name = { version = "spec", extras = [...], git = "...", path = "..." }`. The two dialects differ
 * only in data: how a version string reads, how a pin is written, which keys name a source, and
 * whether `version` or a source key wins when a table has both.
 */

import type { AST } from "toml-eslint-parser";
import { namedEntry, sourceEntry, type EntryLine } from "./entries.js";
import type { Range, Specifier } from "./requirements.js";

export const keyName = (k: AST.TOMLBare | AST.TOMLQuoted): string => (k.type === "TOMLBare" ? k.name : k.value);

/** `[start, end)` of a one-line string's text between its quotes, or `null` when escapes make it differ from the value. */
export function stringContent(node: AST.TOMLStringValue, text: string): Range | null {
  if (node.multiline) return null;
  const start = node.range[0] + 1;
  const end = node.range[1] - 1;
  return text.slice(start, end) === node.value ? [start, end] : null;
}

export interface TomlDialect {
  manifest: "pipfile" | "pyproject";
  specifiers: (spec: string, range: Range) => Specifier[] | null;
  /** Written before the exact version of a pin: Pipfile's `"==1.2.3"`, Poetry's `"1.2.3"`. */
  pinPrefix: string;
  /** Keys that name where a package comes from instead of an index, in the order they are tried. */
  sources: { key: string; form: "vcs" | "path" | "url" }[];
  /** Keys naming the git revision, in the order they are tried. */
  gitRefs: string[];
  /** Poetry reads `version` before any source key; Pipfile the other way round. */
  versionFirst: boolean;
}

/** The entry of one dependency key (`key` names it, `kv` gives its range), pushed to `out`. */
export function tomlDependency(
  name: string,
  keyNode: AST.TOMLBare | AST.TOMLQuoted,
  kv: AST.TOMLKeyValue,
  value: AST.TOMLContentNode,
  text: string,
  dialect: TomlDialect,
  out: EntryLine[],
): void {
  const range = kv.range;
  const { manifest } = dialect;
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
    const version = fields.get("version");
    const versioned = version?.type === "TOMLValue" && version.kind === "string" ? version : null;
    if (!(dialect.versionFirst && versioned)) {
      const source = dialect.sources.find((s) => str(s.key) !== null);
      if (source) {
        const ref = source.form === "vcs" ? (dialect.gitRefs.map(str).find((r) => r !== null) ?? null) : undefined;
        out.push(
          sourceEntry({
            name,
            form: source.form,
            url: str(source.key)!,
            ...(source.form === "vcs" ? { vcs: "git", ref } : {}),
            range,
            nameRange: keyNode.range,
            manifest,
          }),
        );
        return;
      }
    }
    versionNode = versioned;
  } else {
    return;
  }
  const spec = versionNode?.value ?? "*";
  const specRange: Range = versionNode ? versionNode.range : range;
  const specifiers = dialect.specifiers(spec, specRange);
  const content = versionNode ? stringContent(versionNode, text) : null;
  out.push(
    namedEntry({
      name,
      nameRange: keyNode.range,
      range,
      specifiers: specifiers ?? [],
      specifierRange: specifiers?.length ? specRange : null,
      manifest,
      pin: specifiers && content ? { range: content, prefix: dialect.pinPrefix } : null,
      display: `${name} = "${spec}"`,
      extras,
      opaque: specifiers === null,
    }),
  );
}
