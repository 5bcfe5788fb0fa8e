/**
 * package.json front end: `dependencies`, `devDependencies` and
 * `optionalDependencies` (peer dependencies are ranges by design). Each spec
 * is classified by npm's own parser (npm-package-arg): an exact version, a
 * semver range or dist-tag, a git or tarball URL, or a local reference
 * (`file:`, `link:`, `workspace:`, `portal:`), which is not a version to pin.
 * Throws a JSON syntax error with `lineNumber`/`column` on invalid JSON.
 */

import { parse, type AnyNode, type MemberNode } from "@humanwhocodes/momoa";
import type npaTypes from "npm-package-arg";
import type semverTypes from "semver";
import { npa, semver } from "./libraries.js";
import type { Range, Specifier } from "./requirements.js";
import { namedEntry, sourceEntry, type Entry, type EntryLine } from "./entries.js";
import type { ManifestParse } from "./pyproject.js";

export const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"];

// Other package managers' references to code beside the project, or to versions declared elsewhere (pnpm catalogs, patches): nothing to pin here.
const LOCAL_OR_ELSEWHERE = /^(?:workspace|link|portal|file|catalog|patch|jsr):/u;

/** `[start, end)` of a string's text between its quotes, or `null` when escapes make it differ from the value. */
function stringContent(node: AnyNode, text: string): Range | null {
  if (node.type !== "String" || !node.range) return null;
  const start = node.range[0] + 1;
  const end = node.range[1] - 1;
  return text.slice(start, end) === node.value ? [start, end] : null;
}

/**
 * A semver range as comparators in the shared specifier shape: `^1.2.3` is
 * `>=1.2.3`, `<2.0.0-0`; `*` and `""` have none. `null` for a union (`||`),
 * which no single pin stands for.
 */
export function npmSpecifiers(range: string, at: Range): Specifier[] | null {
  let parsed: semverTypes.Range;
  try {
    // npm reads ranges loosely (`>= 1.2`, `v1.2.x`).
    parsed = new (semver().Range)(range || "*", { loose: true });
  } catch {
    return null;
  }
  if (parsed.set.length !== 1) return null;
  return parsed.set[0]!.filter((c) => c.value !== "").map((c) => ({
    operator: c.operator === "" || c.operator === "=" ? "==" : c.operator,
    version: c.semver.version,
    range: at,
  }));
}

function entryFor(member: MemberNode, text: string): Entry | null {
  if (member.name.type !== "String" || member.value.type !== "String" || !member.range || !member.name.range || !member.value.range) return null;
  const name = member.name.value;
  const spec = member.value.value.trim();
  const range = member.range as Range;
  const nameRange = member.name.range as Range;
  const valueRange = member.value.range as Range;
  if (LOCAL_OR_ELSEWHERE.test(spec)) return null;
  let arg: npaTypes.Result;
  try {
    arg = npa().resolve(name, spec);
  } catch {
    // Not a spec npm reads (an unknown protocol): nothing to tell.
    return null;
  }
  if (arg.type === "git") {
    const ref = arg.gitCommittish ?? (arg.gitRange ? `semver:${arg.gitRange}` : null);
    return sourceEntry({ name, form: "vcs", url: spec, vcs: "git", ref, range, nameRange, manifest: "package-json" });
  }
  if (arg.type === "remote") return sourceEntry({ name, form: "url", url: spec, range, nameRange, manifest: "package-json" });
  if (arg.type === "file" || arg.type === "directory") return null;
  // `npm:other@^1` installs `other` under this name: its own spec is what to pin.
  const sub = arg.type === "alias" ? (arg as npaTypes.AliasResult).subSpec : null;
  const inner = sub ?? arg;
  const innerSpec = inner.rawSpec;
  const prefix = sub ? `npm:${sub.name}@` : "";
  const content = stringContent(member.value, text);
  const pin = content && member.value.value === spec ? { range: content, prefix } : null;
  const display = text.slice(range[0], range[1]).replace(/\s+/gu, " ");
  const common = { name, nameRange, range, manifest: "package-json" as const, pin, display };
  if (inner.type === "version") {
    const version = semver().valid(innerSpec, { loose: true }) ?? innerSpec;
    return namedEntry({ ...common, specifiers: [{ operator: "==", version, range: valueRange }], specifierRange: valueRange });
  }
  if (inner.type === "range") {
    const specifiers = npmSpecifiers(innerSpec, valueRange);
    // `^1.2.3` names 1.2.3; `1.x` names no version the user wrote.
    const lowest = specifiers ? semver().minVersion(innerSpec || "*", { loose: true })?.version : undefined;
    return {
      ...namedEntry({ ...common, specifiers: specifiers ?? [], specifierRange: specifiers?.length ? valueRange : null, opaque: specifiers === null }),
      npmRange: innerSpec || "*",
      named: lowest && innerSpec.includes(lowest) ? `${prefix}${lowest}` : null,
    };
  }
  if (inner.type === "tag") {
    // A dist-tag (`latest`, `next`) moves with every publish: no version at all; any installed version is what it gave.
    return { ...namedEntry({ ...common, specifiers: [], specifierRange: null }), npmRange: "*" };
  }
  return null;
}

/** Requirement entries of a package.json, in file order. */
export function readPackageJson(text: string): ManifestParse {
  let ast;
  try {
    ast = parse(text, { mode: "json", ranges: true });
  } catch (error) {
    const e = error as { line?: number; column?: number; message?: string };
    // The language reports errors carrying `lineNumber` and a 0-based column, like the TOML and YAML parsers'.
    // momoa ends its message with "(line:column)", which ESLint shows anyway.
    const message = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/u, "");
    throw Object.assign(new Error(message), { lineNumber: e.line ?? 1, column: Math.max(0, (e.column ?? 1) - 1) });
  }
  const lines: EntryLine[] = [];
  const root = ast.body;
  if (root.type === "Object") {
    for (const field of root.members) {
      if (field.name.type !== "String" || !DEPENDENCY_FIELDS.includes(field.name.value) || field.value.type !== "Object") continue;
      for (const member of field.value.members) {
        const entry = entryFor(member, text);
        if (entry) lines.push(entry);
      }
    }
  }
  lines.sort((a, b) => a.range[0] - b.range[0]);
  return { lines, comments: [] };
}
