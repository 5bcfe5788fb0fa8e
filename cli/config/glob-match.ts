/**
 * Glob patterns from a configuration file matched without regular
 * expressions: a pattern like `*a*a*a*a*b` compiled to a backtracking pattern
 * (picomatch's) costs exponential time on a crafted file name, and the
 * configuration is as much the stranger's as the files are. This matcher
 * costs at most (pattern length x path length): `*`, `?`, `[a-z]`, `[!a]`,
 * `{a,b}` and `**` as a whole segment; a backslash escapes the next character;
 * `*` matches dot files too.
 */

/** Brace alternatives above this count are taken literally: a configuration needs a handful. */
const MAX_ALTERNATIVES = 256;

type Token = { kind: "char"; c: string } | { kind: "any" } | { kind: "star" } | { kind: "class"; negated: boolean; items: (string | [string, string])[] };
type Segment = Token[] | "globstar";

/** `a{b,c}d` → [abd, acd], innermost first; null past MAX_ALTERNATIVES. */
function expandBraces(pattern: string): string[] | null {
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") open = i;
    else if (c === "}" && open >= 0) {
      const body = pattern.slice(open + 1, i);
      if (!body.includes(",")) {
        open = -1;
        continue;
      }
      const out: string[] = [];
      for (const alt of splitTop(body)) {
        const more = expandBraces(pattern.slice(0, open) + alt + pattern.slice(i + 1));
        if (more === null || out.length + more.length > MAX_ALTERNATIVES) return null;
        out.push(...more);
      }
      return out;
    }
  }
  return [pattern];
}

function splitTop(body: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (body[i] === ",") {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "\\" && i + 1 < segment.length) out.push({ kind: "char", c: segment[++i]! });
    else if (c === "*") {
      // Consecutive stars are one.
      if (out.at(-1)?.kind !== "star") out.push({ kind: "star" });
    } else if (c === "?") out.push({ kind: "any" });
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) {
        out.push({ kind: "char", c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body[0] === "!" || body[0] === "^";
      if (negated) body = body.slice(1);
      const items: (string | [string, string])[] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === "-" && k + 2 < body.length) {
          items.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else items.push(body[k]!);
      }
      out.push({ kind: "class", negated, items });
      i = close;
    } else out.push({ kind: "char", c });
  }
  return out;
}

function matchesToken(t: Token, c: string): boolean {
  switch (t.kind) {
    case "char":
      return t.c === c;
    case "any":
      return true;
    case "class": {
      const hit = t.items.some((item) => (typeof item === "string" ? item === c : c >= item[0] && c <= item[1]));
      return hit !== t.negated;
    }
    default:
      return false;
  }
}

/** One path segment against one pattern segment: the classic wildcard scan, back to the last star only. */
function matchSegment(pattern: Token[], text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const tok = pattern[p];
    if (tok && tok.kind !== "star" && matchesToken(tok, text[t]!)) {
      p++;
      t++;
    } else if (tok?.kind === "star") {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (pattern[p]?.kind === "star") p++;
  return p === pattern.length;
}

function compileOne(pattern: string): (path: string) => boolean {
  const segments: Segment[] = pattern.split("/").map((s) => (s === "**" ? "globstar" : tokens(s)));
  return (path) => {
    const parts = path.split("/");
    // reach[j]: the pattern's first i segments can match the path's first j segments.
    let reach = new Array<boolean>(parts.length + 1).fill(false);
    reach[0] = true;
    for (const seg of segments) {
      const next = new Array<boolean>(parts.length + 1).fill(false);
      if (seg === "globstar") {
        let any = false;
        for (let j = 0; j <= parts.length; j++) {
          any ||= reach[j]!;
          next[j] = any;
        }
      } else {
        for (let j = 0; j < parts.length; j++) if (reach[j] && matchSegment(seg, parts[j]!)) next[j + 1] = true;
      }
      reach = next;
    }
    return reach[parts.length]!;
  };
}

/** A matcher for forward-slash paths that is true when any of `patterns` matches the whole path. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.flatMap((p) => (expandBraces(p) ?? [p]).map(compileOne));
  return (path) => compiled.some((m) => m(path));
}
