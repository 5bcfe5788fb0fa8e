/**
 * PEP 440 versions, as far as pinning needs them: parse, compare, and check
 * a version against specifiers, so a fix never pins outside the range the
 * user wrote. A version or specifier this module cannot read is "unknown",
 * and callers treat unknown as "do not fix".
 */

import type { Specifier } from "./requirements.js";

interface Version {
  epoch: number;
  release: number[];
  /** [phase rank, number]: a=0, b=1, rc=2; `null` for a final release. */
  pre: [number, number] | null;
  post: number | null;
  dev: number | null;
  local: string | null;
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
    local: m[10] ?? null,
  };
}

function compareRelease(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Sort keys of PEP 440's ordering: a dev release before its pre-releases, those before the final, posts after. */
function keys(v: Version): number[] {
  const pre = v.pre ? v.pre : v.dev !== null && v.post === null ? [-1, 0] : [3, 0];
  return [pre[0]!, pre[1]!, v.post ?? -1, v.dev ?? Number.POSITIVE_INFINITY];
}

export function compareVersions(a: Version, b: Version, withLocal = true): number {
  if (a.epoch !== b.epoch) return Math.sign(a.epoch - b.epoch);
  const r = compareRelease(a.release, b.release);
  if (r) return r;
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  if (!withLocal) return 0;
  if (a.local === b.local) return 0;
  return a.local === null ? -1 : b.local === null ? 1 : a.local < b.local ? -1 : 1;
}

function prefixMatch(v: Version, prefix: Version): boolean {
  if (v.epoch !== prefix.epoch) return false;
  return prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
}

/** Whether `version` satisfies one specifier; `null` when either cannot be read. */
function satisfiesOne(version: string, v: Version, spec: Specifier): boolean | null {
  const { operator: op } = spec;
  if (op === "===") return version.trim() === spec.version.trim();
  if (spec.version.endsWith(".*")) {
    const p = parseVersion(spec.version.slice(0, -2));
    if (!p) return null;
    return op === "==" ? prefixMatch(v, p) : op === "!=" ? !prefixMatch(v, p) : null;
  }
  const s = parseVersion(spec.version);
  if (!s) return null;
  const c = compareVersions(v, s, s.local !== null);
  switch (op) {
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    case "~=": {
      if (s.release.length < 2) return null;
      const prefix = { ...s, release: s.release.slice(0, -1), pre: null, post: null, dev: null, local: null };
      return c >= 0 && prefixMatch(v, prefix);
    }
    default:
      return null;
  }
}

/** Whether `version` satisfies every specifier; `null` when that cannot be told. */
export function satisfies(version: string, specifiers: readonly Specifier[]): boolean | null {
  const v = parseVersion(version);
  if (!v) return null;
  let unknown = false;
  for (const spec of specifiers) {
    const ok = satisfiesOne(version, v, spec);
    if (ok === false) return false;
    if (ok === null) unknown = true;
  }
  return unknown ? null : true;
}
