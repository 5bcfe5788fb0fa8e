/**
 * PEP 440 versions, as far as pinning needs them: parse, compare, and check
 * a version against specifiers, so a fix never pins outside the range the
 * user wrote. Checked against a table generated from Python's `packaging`
 * (tests/pep440/table.json). A version or specifier this module cannot read
 * is "unknown", and callers treat unknown as "do not fix".
 *
 * (@renovatebot/pep440 was measured against the same table: 45 of its 1,800
 * range answers differ from packaging's, `>1.0.dev0` refusing `1.0` and
 * `>1.0` refusing `1!1.0` among them.)
 */

import type { Specifier } from "./requirements.js";

export interface Version {
  epoch: number;
  release: number[];
  /** [phase rank, number]: a=0, b=1, rc=2; `null` for none. */
  pre: [number, number] | null;
  post: number | null;
  dev: number | null;
  /** Local segments, numbers as numbers. */
  local: (string | number)[] | null;
}

const PATTERN =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d*))?(?:[-_.]?(dev)[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/u;

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parseVersion(text: string): Version | null {
  const m = PATTERN.exec(text.trim().toLowerCase());
  if (!m) return null;
  return {
    epoch: m[1] ? Number(m[1]) : 0,
    release: m[2]!.split(".").map(Number),
    pre: m[3] ? [PRE_RANK[m[3]]!, Number(m[4] || 0)] : null,
    post: m[5] ? Number(m[5]) : m[6] ? Number(m[7] || 0) : null,
    dev: m[8] ? Number(m[9] || 0) : null,
    local: m[10] ? m[10].split(/[-_.]/u).map((s) => (/^\d+$/u.test(s) ? Number(s) : s)) : null,
  };
}

export const isPrerelease = (v: Version): boolean => v.pre !== null || v.dev !== null;

function compareRelease(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

const INF = Number.POSITIVE_INFINITY;

/** packaging's sort key after the release: a dev release before its pre-releases, those before the final, posts after. */
function suffixKey(v: Version): number[] {
  const pre = v.pre ?? (v.dev !== null && v.post === null ? [-INF, 0] : [INF, 0]);
  return [pre[0]!, pre[1]!, v.post ?? -INF, v.dev ?? INF];
}

/** Local segments: a number sorts after any word; a longer list after its own prefix. */
function compareLocal(a: Version["local"], b: Version["local"]): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === "number" ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

export function compareVersions(a: Version, b: Version, withLocal = true): number {
  if (a.epoch !== b.epoch) return Math.sign(a.epoch - b.epoch);
  const r = compareRelease(a.release, b.release);
  if (r) return r;
  const ka = suffixKey(a);
  const kb = suffixKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return withLocal ? compareLocal(a.local, b.local) : 0;
}

const base = (v: Version): Version => ({ epoch: v.epoch, release: v.release, pre: null, post: null, dev: null, local: null });

/** packaging's `_version_split` of a normalized public version: epoch, release numbers, then the suffixes as written. */
function segments(v: Version, padTo = 0): string[] {
  const release = [...v.release];
  while (release.length < padTo) release.push(0);
  const out = [String(v.epoch), ...release.map(String)];
  if (v.pre) out.push(`${["a", "b", "rc"][v.pre[0]]}${v.pre[1]}`);
  if (v.post !== null) out.push(`post${v.post}`);
  if (v.dev !== null) out.push(`dev${v.dev}`);
  return out;
}

/** `==V.*`: the candidate's public version starts with V's segments (its release padded with zeros to V's length). */
function prefixMatch(v: Version, prefix: Version): boolean {
  const want = segments(prefix);
  const have = segments({ ...v, local: null }, prefix.release.length);
  return want.every((s, i) => have[i] === s);
}

function matchesOne(text: string, v: Version, spec: Specifier): boolean | null {
  const { operator: op } = spec;
  if (op === "===") return text.trim().toLowerCase() === spec.version.trim().toLowerCase();
  if (spec.version.endsWith(".*")) {
    const p = parseVersion(spec.version.slice(0, -2));
    if (!p || p.local !== null || (op !== "==" && op !== "!=")) return null;
    return op === "==" ? prefixMatch(v, p) : !prefixMatch(v, p);
  }
  const s = parseVersion(spec.version);
  if (!s) return null;
  switch (op) {
    case "==":
    case "!=": {
      // A spec without a local version matches any local build of it.
      const same = compareVersions(v, s, s.local !== null) === 0;
      return op === "==" ? same : !same;
    }
    case ">=":
      return compareVersions(v, s, false) >= 0;
    case "<=":
      return compareVersions(v, s, false) <= 0;
    case "<":
      // `<2.0` excludes 2.0's own pre-releases (from 2.0.dev0 on), unless it names one.
      if (compareVersions(v, s) >= 0) return false;
      return !(!isPrerelease(s) && isPrerelease(v) && compareVersions(v, { ...s, dev: 0, local: null }) >= 0);
    case ">":
      // `>1.0` excludes 1.0's post-releases (unless it names one) and its local builds.
      if (compareVersions(v, s) <= 0) return false;
      if (s.post === null && v.post !== null && compareVersions({ ...v, post: null, dev: null, local: null }, s) === 0) return false;
      return !(v.local !== null && compareVersions({ ...v, local: null }, s) === 0);
    case "~=": {
      if (s.release.length < 2 || s.local !== null) return null;
      const prefix = { ...base(s), release: s.release.slice(0, -1) };
      return compareVersions(v, s, false) >= 0 && prefixMatch(v, prefix);
    }
    default:
      return null;
  }
}

/** Whether a specifier names a pre-release, which lets pre-releases in (packaging's `Specifier.prereleases`). */
function namesPrerelease(spec: Specifier): boolean {
  if (spec.operator === "!=") return false;
  const v = parseVersion(spec.version.endsWith(".*") ? spec.version.slice(0, -2) : spec.version);
  return v !== null && isPrerelease(v);
}

/**
 * Whether `version` is in the range the specifiers write; `null` when that
 * cannot be told. With `forPin`, as pip chooses a version to install: a
 * pre-release only when a specifier names one.
 */
export function satisfies(version: string, specifiers: readonly Specifier[], forPin = false): boolean | null {
  const v = parseVersion(version);
  if (!v) return null;
  let unknown = false;
  for (const spec of specifiers) {
    const ok = matchesOne(version, v, spec);
    if (ok === false) return false;
    if (ok === null) unknown = true;
  }
  if (unknown) return null;
  return !(forPin && isPrerelease(v) && !specifiers.some(namesPrerelease));
}
