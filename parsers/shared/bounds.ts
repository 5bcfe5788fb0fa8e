/**
 * The work budget of a manifest front end, checked before the parser runs
 * (every manifest parser calls `manifestTooCostly` first). Parsers for TOML,
 * YAML and JSON build a tree of objects per token and recurse once per
 * nesting level: a 10 MiB flat YAML took two minutes and 4 GB, 100k nested
 * TOML inline tables 3 GB, and a 399-byte YAML alias bomb a minute. Real
 * manifests are far below every limit here.
 */

import type { Syntax } from "../manifests/syntax.js";

/** Manifests (requirements files, pyproject.toml, environment.yml, package.json) larger than this are not parsed. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/**
 * Nor those with more lines than this: every entry costs the parsers and the rules about half a
 * millisecond (a flat 2 MiB environment.yml of 120k entries took a minute), and real manifests,
 * hashes included, hold a few thousand lines.
 */
export const MAX_MANIFEST_LINES = 20_000;
/** Brackets, braces and YAML block levels deeper than this are not parsed. */
export const MAX_NESTING = 100;
/** Nodes a YAML document may expand to through its aliases. */
export const MAX_YAML_EXPANSION = 100_000;

/** Why a manifest is over the budget, or null: one message for the whole file. */
export function manifestTooCostly(text: string, syntax: Syntax, limit = MAX_MANIFEST_BYTES, maxLines = MAX_MANIFEST_LINES): string | null {
  if (text.length > limit) {
    return `manifest is ${(text.length / 1048576).toFixed(1)} MiB, over the ${limit / 1048576} MiB budget for manifests; not read`;
  }
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && lines <= maxLines; i = text.indexOf("\n", i + 1)) lines++;
  if (lines > maxLines) return `manifest has over ${maxLines.toLocaleString("en")} lines, the budget for manifests; not read`;
  if (syntax !== "TOML" && syntax !== "YAML" && syntax !== "JSON") return null;
  const depth = syntax === "YAML" ? yamlDepth(text) : bracketDepth(text, syntax);
  return depth > MAX_NESTING ? `nested deeper than ${MAX_NESTING} levels; not read` : null;
}

/** Deepest bracket nesting outside strings and comments (TOML, JSON), stopping once past the cap. */
function bracketDepth(text: string, syntax: "TOML" | "JSON"): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || (c === "'" && syntax === "TOML")) {
      const triple = syntax === "TOML" && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < text.length && !text.startsWith(close, i)) {
        if (text[i] === "\\" && c === '"') i++;
        else if (!triple && text[i] === "\n") break;
        i++;
      }
      i += close.length - 1;
    } else if (c === "#" && syntax === "TOML") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "[" || c === "{") {
      if (++depth > max) max = depth;
      if (max > MAX_NESTING) return max;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return max;
}

/** Deepest YAML nesting: block levels by indentation and `- ` / `? ` markers, plus flow brackets. */
function yamlDepth(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  for (const line of text.split("\n")) {
    let i = 0;
    while (line[i] === " ") i++;
    if (i === line.length || line[i] === "#") continue;
    if (flow === 0) {
      while (indents.length && indents.at(-1)! >= i) indents.pop();
      indents.push(i);
    }
    let markers = 0;
    while ((line[i] === "-" || line[i] === "?") && (line[i + 1] === " " || i + 1 === line.length)) {
      markers++;
      i += 2;
      while (line[i] === " ") i++;
    }
    let quote: string | null = null;
    for (let k = i; k < line.length; k++) {
      const c = line[k]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (k === 0 || line[k - 1] === " ")) break;
      else if (c === "[" || c === "{") flow++;
      else if ((c === "]" || c === "}") && flow > 0) flow--;
      max = Math.max(max, indents.length + markers + flow);
    }
    max = Math.max(max, indents.length + markers + flow);
    if (max > MAX_NESTING) return max;
  }
  return max;
}

interface YamlNode {
  type: string;
  anchor?: { name: string } | null;
  name?: string;
}

/**
 * How many nodes a parsed YAML tree stands for once its aliases are
 * expanded, counted without expanding them (each anchored node's size is
 * counted once), stopping past MAX_YAML_EXPANSION.
 */
export function yamlExpansion(root: unknown): number {
  const anchored = new Map<string, number>();
  // Post-order, iteratively: a deep tree must not exhaust the stack.
  const stack: { node: YamlNode; children: YamlNode[]; index: number; size: number }[] = [];
  const childrenOf = (node: YamlNode): YamlNode[] => {
    const out: YamlNode[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent" || key === "anchor" || key === "tag" || key === "loc" || key === "range" || key === "tokens" || key === "comments") continue;
      for (const v of Array.isArray(value) ? value : [value])
        if (v && typeof v === "object" && typeof (v as YamlNode).type === "string") out.push(v as YamlNode);
    }
    return out;
  };
  let total = 0;
  stack.push({ node: root as YamlNode, children: childrenOf(root as YamlNode), index: 0, size: 1 });
  while (stack.length) {
    const top = stack.at(-1)!;
    if (top.index < top.children.length) {
      const child = top.children[top.index++]!;
      if (child.type === "YAMLAlias") {
        top.size += anchored.get(child.name ?? "") ?? 1;
        if (top.size > MAX_YAML_EXPANSION) return top.size;
        continue;
      }
      stack.push({ node: child, children: childrenOf(child), index: 0, size: 1 });
      continue;
    }
    stack.pop();
    if (top.node.anchor?.name) anchored.set(top.node.anchor.name, top.size);
    const parent = stack.at(-1);
    if (parent) {
      parent.size += top.size;
      if (parent.size > MAX_YAML_EXPANSION) return parent.size;
    } else total = top.size;
  }
  return total;
}
