/**
 * A pure parser for pip requirements files (`pip install -r`), one record per
 * logical line. It follows pip's own reading: `\` at the end of a physical line
 * continues it, `#` at the start of a line or after whitespace starts a
 * comment, a line starting with `-` holds options, and a requirement line may
 * end in per-requirement options (`--hash=...`). It never throws: a line it
 * cannot read becomes an `InvalidLine` with a reason. Ranges are UTF-16
 * offsets into the file text, end exclusive.
 */

import { lastAtOrBefore } from "../shared/lines.js";

export type Range = [number, number];

export interface Specifier {
  /** `==`, `===`, `~=`, `>=`, `<=`, `>`, `<` or `!=`. */
  operator: string;
  version: string;
  range: Range;
}

export interface OptionItem {
  /** As written: `-r`, `--requirement`, `--hash`. */
  flag: string;
  /** Long name without dashes: `requirement`, `hash`. */
  name: string;
  value: string | null;
  range: Range;
  valueRange: Range | null;
}

/** `name`: PEP 508 name and specifiers; `url`/`vcs`: a direct or VCS URL; `path`: a local directory, archive or `file:` URL. */
export type RequirementForm = "name" | "url" | "vcs" | "path";

export interface RequirementRecord {
  type: "Requirement";
  form: RequirementForm;
  /** Installed with `-e` / `--editable`. */
  editable: boolean;
  /** Project name as written; for URLs and files taken from `#egg=` or the archive name; `null` when unknown. */
  name: string | null;
  /** PEP 503 form of `name`: lowercase, runs of `-_.` as one `-`. */
  normalizedName: string | null;
  extras: string[];
  specifiers: Specifier[];
  marker: string | null;
  /** URL or path text, without the `-e`. */
  url: string | null;
  /** `git`, `hg`, `svn` or `bzr`. */
  vcs: string | null;
  /** VCS revision after the last `@` of the URL path. */
  ref: string | null;
  /** Version in a wheel or sdist file name. */
  fileVersion: string | null;
  /** `algo:digest`, from `--hash` options and URL fragments. */
  hashes: string[];
  /** Per-requirement options (`--hash`, `--config-settings`, ...). */
  options: OptionItem[];
  /** The whole logical line without its comment, `-e` and trailing options included. */
  range: Range;
  /** Name or URL through specifiers and markers: what a rule points at. */
  requirementRange: Range;
  nameRange: Range | null;
  specifierRange: Range | null;
  markerRange: Range | null;
  urlRange: Range | null;
}

export interface OptionLineRecord {
  type: "OptionLine";
  options: OptionItem[];
  range: Range;
}

export interface InvalidLineRecord {
  type: "InvalidLine";
  reason: string;
  range: Range;
}

export type LineRecord = RequirementRecord | OptionLineRecord | InvalidLineRecord;

export interface CommentRecord {
  /** Text after the `#`. */
  value: string;
  range: Range;
  /** Start of the logical line the comment ends (a continued requirement's first line). */
  lineStart: number;
}

export interface ParsedRequirements {
  lines: LineRecord[];
  comments: CommentRecord[];
}

interface OptionSpec {
  name: string;
  takesValue: boolean;
}

// pip's requirements-file options; `-e` turns its line into a requirement.
const OPTIONS = new Map<string, OptionSpec>();
for (const [long, short, takesValue] of [
  ["requirement", "-r", true],
  ["constraint", "-c", true],
  ["editable", "-e", true],
  ["index-url", "-i", true],
  ["extra-index-url", "", true],
  ["no-index", "", false],
  ["find-links", "-f", true],
  ["no-binary", "", true],
  ["only-binary", "", true],
  ["prefer-binary", "", false],
  ["require-hashes", "", false],
  ["pre", "", false],
  ["trusted-host", "", true],
  ["use-feature", "", true],
  ["hash", "", true],
  ["config-settings", "-C", true],
  ["global-option", "", true],
  ["install-option", "", true],
] as const) {
  OPTIONS.set(`--${long}`, { name: long, takesValue });
  if (short) OPTIONS.set(short, { name: long, takesValue });
}

const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const OPERATOR = /===|==|!=|<=|>=|~=|<|>/y;
const VERSION =
  /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/iu;
const ENV_VAR = /\$\{\w+\}/u;
const URL_START = /^(?:(?:git|hg|svn|bzr)\+|[A-Za-z][A-Za-z0-9+.-]*:\/\/|file:)/iu;
const VCS = /^(git|hg|svn|bzr)\+/iu;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/iu;
const WHEEL = /^([A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-([^-\s]+)(?:-\d[^-\s]*)?-[^-\s]+-[^-\s]+-[^-\s]+\.whl$/iu;
const SDIST = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-(\d[^-\s]*)\.(?:tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/iu;
const HASH_ALGOS = new Set(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]);

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/gu, "-");
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff;
}

/** A logical line: physical lines joined, with a map back to file offsets. */
class Logical {
  constructor(
    readonly text: string,
    private readonly starts: number[],
    private readonly fileStarts: number[],
  ) {}

  /** File offset of joined index `j` (0 <= j <= text.length). */
  at(j: number): number {
    const lo = lastAtOrBefore(this.starts, j);
    return this.fileStarts[lo]! + j - this.starts[lo]!;
  }

  range(s: number, e: number): Range {
    return e <= s ? [this.at(s), this.at(s)] : [this.at(s), this.at(e - 1) + 1];
  }
}

class LineError extends Error {}

interface Token {
  /** Quotes removed, as shlex would. */
  text: string;
  start: number;
  end: number;
}

function tokenize(s: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let text = "";
    let quote = 0;
    let seg = i;
    for (; i < to; i++) {
      const c = s.charCodeAt(i);
      if (quote) {
        if (c === quote) {
          text += s.slice(seg, i);
          quote = 0;
          seg = i + 1;
        }
      } else if (isSpace(c)) {
        break;
      } else if (c === 34 || c === 39) {
        text += s.slice(seg, i);
        quote = c;
        seg = i + 1;
      }
    }
    text += s.slice(seg, i);
    out.push({ text, start, end: i });
  }
  return out;
}

function skipSpace(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function readName(s: string, i: number, end: number): number {
  NAME.lastIndex = i;
  return NAME.test(s) ? Math.min(NAME.lastIndex, end) : -1;
}

function validVersion(op: string, v: string): boolean {
  if (op === "===" || ENV_VAR.test(v)) return v.length > 0;
  if (v.endsWith(".*")) return (op === "==" || op === "!=") && !v.includes("+") && VERSION.test(v.slice(0, -2));
  // `~=` needs a release of two parts or more, and takes no local version.
  if (op === "~=") return VERSION.test(v) && !v.includes("+") && /^v?(?:\d+!)?\d+\.\d+/iu.test(v);
  return VERSION.test(v);
}

/** Name and version from a wheel or sdist file name, if it is one. */
function archiveName(path: string): { name: string; version: string } | null {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  if (base.length > 255) return null;
  const m = WHEEL.exec(base) ?? SDIST.exec(base);
  return m ? { name: m[1]!, version: m[2]! } : null;
}

type Target = Omit<RequirementRecord, "type" | "editable" | "options" | "range">;

function emptyTarget(form: RequirementForm, L: Logical, s: number, e: number): Target {
  return {
    form,
    name: null,
    normalizedName: null,
    extras: [],
    specifiers: [],
    marker: null,
    url: null,
    vcs: null,
    ref: null,
    fileVersion: null,
    hashes: [],
    requirementRange: L.range(s, e),
    nameRange: null,
    specifierRange: null,
    markerRange: null,
    urlRange: null,
  };
}

function setName(t: Target, name: string): void {
  t.name = name;
  t.normalizedName = normalizeName(name);
}

function readExtras(s: string, i: number, end: number): { extras: string[]; next: number } {
  const close = s.indexOf("]", i);
  if (close < 0 || close >= end) throw new LineError('unclosed "[" in extras');
  const extras: string[] = [];
  for (const raw of s.slice(i + 1, close).split(",")) {
    const extra = raw.trim();
    if (extra === "") continue;
    if (readName(extra, 0, extra.length) !== extra.length) throw new LineError(`invalid extra ${quoted(extra)}`);
    extras.push(extra);
  }
  return { extras, next: close + 1 };
}

function setMarker(t: Target, L: Logical, from: number, end: number): void {
  const ms = skipSpace(L.text, from, end);
  const me = trimEnd(L.text, ms, end);
  if (ms >= me) throw new LineError('empty environment marker after ";"');
  t.marker = L.text.slice(ms, me);
  t.markerRange = L.range(ms, me);
}

/** Fills URL facts: VCS kind and ref, `#egg=` name, `#sha256=` hashes, archive name. */
function describeUrl(t: Target, url: string, L: Logical, us: number): void {
  t.url = url;
  t.urlRange = L.range(us, us + url.length);
  const vcs = VCS.exec(url);
  if (vcs) {
    t.form = "vcs";
    t.vcs = vcs[1]!.toLowerCase();
  } else if (/^file:/iu.test(url)) {
    t.form = "path";
  }
  const hash = url.indexOf("#");
  const body = hash < 0 ? url : url.slice(0, hash);
  if (hash >= 0) {
    for (const param of url.slice(hash + 1).split("&")) {
      const eq = param.indexOf("=");
      const key = param.slice(0, eq < 0 ? param.length : eq).toLowerCase();
      const value = eq < 0 ? "" : param.slice(eq + 1);
      if (HASH_ALGOS.has(key) && value) t.hashes.push(`${key}:${value}`);
      if (key === "egg" && t.name === null) {
        const end = readName(value, 0, value.length);
        if (end > 0) {
          setName(t, value.slice(0, end));
          if (value[end] === "[") t.extras = readExtras(value, end, value.length).extras;
        }
      }
    }
  }
  const scheme = body.indexOf("://");
  const netlocEnd = scheme < 0 ? body.indexOf(":") + 1 : body.slice(scheme + 3).search(/[/?]/u);
  const pathStart = scheme < 0 ? netlocEnd : netlocEnd < 0 ? body.length : scheme + 3 + netlocEnd;
  const query = body.indexOf("?", pathStart);
  const path = body.slice(pathStart, query < 0 ? body.length : query);
  const at = path.lastIndexOf("@");
  if (t.form === "vcs" && at >= 0 && at < path.length - 1) t.ref = path.slice(at + 1);
  if (t.form !== "vcs") {
    const archive = archiveName(path);
    if (archive) {
      if (t.name === null) setName(t, archive.name);
      t.fileVersion = archive.version;
    }
  }
}

/** A bare URL line: `git+https://host/org/repo@ref#egg=name ; marker`. */
function bareUrl(L: Logical, s: number, e: number): Target {
  const t = emptyTarget("url", L, s, e);
  let sep = e;
  for (let i = L.text.indexOf(";", s); i >= 0 && i < e; i = L.text.indexOf(";", i + 1)) {
    // pip splits URLs from markers at "; ": a URL may contain a bare ";".
    if (isSpace(L.text.charCodeAt(i - 1)) || isSpace(L.text.charCodeAt(i + 1))) {
      sep = i;
      break;
    }
  }
  const ue = trimEnd(L.text, s, sep);
  const url = L.text.slice(s, ue);
  const space = url.search(/\s/u);
  if (space >= 0) throw new LineError(`unexpected ${quoted(url.slice(space).trim())} after a URL`);
  describeUrl(t, url, L, s);
  if (sep < e) setMarker(t, L, sep + 1, e);
  return t;
}

/** A local directory or archive: `./pkg`, `.[dev]`, `wheels/x-1.0-py3-none-any.whl ; marker`. */
function localPath(L: Logical, s: number, e: number): Target {
  const t = emptyTarget("path", L, s, e);
  const semi = L.text.indexOf(";", s);
  const sep = semi >= 0 && semi < e ? semi : e;
  let pe = trimEnd(L.text, s, sep);
  if (L.text.charCodeAt(pe - 1) === 93) {
    const open = L.text.lastIndexOf("[", pe);
    if (open > s) {
      t.extras = readExtras(L.text, open, pe).extras;
      pe = trimEnd(L.text, s, open);
    }
  }
  const path = L.text.slice(s, pe);
  if (/\s/u.test(path)) throw new LineError(`unexpected space in path ${quoted(path)}`);
  t.url = path;
  t.urlRange = L.range(s, pe);
  const archive = archiveName(path);
  if (archive) {
    setName(t, archive.name);
    t.fileVersion = archive.version;
  }
  if (sep < e) setMarker(t, L, sep + 1, e);
  return t;
}

function readSpecifiers(t: Target, L: Logical, i: number, e: number): number {
  const s = L.text;
  const paren = s.charCodeAt(i) === 40;
  if (paren) i = skipSpace(s, i + 1, e);
  let first = -1;
  let last = -1;
  for (;;) {
    OPERATOR.lastIndex = i;
    const op = OPERATOR.exec(s);
    if (!op || i >= e) {
      if (i < e && s.charCodeAt(i) === 61) throw new LineError(`"=" is not a version operator; use "==" to pin`);
      if (first < 0 && !paren) return i;
      throw new LineError(`expected a version operator such as "==" at ${quoted(s.slice(i, e))}`);
    }
    const vs = skipSpace(s, i + op[0].length, e);
    let ve = vs;
    while (ve < e && !isSpace(s.charCodeAt(ve)) && !",;()".includes(s[ve]!)) ve++;
    const version = s.slice(vs, ve);
    if (!validVersion(op[0], version)) throw new LineError(`invalid version ${quoted(version)} after "${op[0]}"`);
    if (first < 0) first = i;
    last = ve;
    t.specifiers.push({ operator: op[0], version, range: L.range(i, ve) });
    i = skipSpace(s, ve, e);
    if (s.charCodeAt(i) !== 44) break;
    i = skipSpace(s, i + 1, e);
  }
  t.specifierRange = L.range(first, last);
  if (paren) {
    if (s.charCodeAt(i) !== 41) throw new LineError('unclosed "(" around version specifiers');
    i = skipSpace(s, i + 1, e);
  }
  return i;
}

/** A PEP 508 requirement, a URL, or a local path, in `L.text[s, e)` (trimmed). */
function parseTarget(L: Logical, s: number, e: number): Target {
  const src = L.text;
  if (URL_START.test(src.slice(s, Math.min(e, s + 16)))) return bareUrl(L, s, e);
  if (/^(?:[./~\\]|[A-Za-z]:[\\/])/u.test(src.slice(s, s + 3))) return localPath(L, s, e);
  const nameEnd = readName(src, s, e);
  let i = nameEnd < 0 ? s : skipSpace(src, nameEnd, e);
  let extras: string[] = [];
  if (nameEnd > 0 && src.charCodeAt(i) === 91) {
    ({ extras, next: i } = readExtras(src, i, e));
    i = skipSpace(src, i, e);
  }
  const named = nameEnd > 0 && src.charCodeAt(i) === 64;
  if (!named) {
    const semi = src.indexOf(";", s);
    const head = src.slice(s, semi >= 0 && semi < e ? semi : e);
    if (/[/\\]/u.test(head) || ARCHIVE.test(head.trimEnd())) return localPath(L, s, e);
  }
  if (nameEnd < 0) throw new LineError(`expected a package name, path or URL at ${quoted(src.slice(s, e))}`);
  let t: Target;
  if (named) {
    // name [extras] @ url [; marker]: the URL ends at whitespace.
    t = emptyTarget("url", L, s, e);
    const us = skipSpace(src, i + 1, e);
    let ue = us;
    while (ue < e && !isSpace(src.charCodeAt(ue))) ue++;
    if (us === ue) throw new LineError('expected a URL after "@"');
    describeUrl(t, src.slice(us, ue), L, us);
    i = skipSpace(src, ue, e);
  } else {
    t = emptyTarget("name", L, s, e);
    i = readSpecifiers(t, L, i, e);
  }
  setName(t, src.slice(s, nameEnd));
  t.nameRange = L.range(s, nameEnd);
  t.extras = extras.length ? extras : t.extras;
  if (i < e && src.charCodeAt(i) === 59) setMarker(t, L, i + 1, e);
  else if (i < e) throw new LineError(`unexpected ${quoted(src.slice(i, e))} after ${quoted(src.slice(s, i).trim())}`);
  return t;
}

/** An option and where its value sits in the logical line. */
interface ReadOption {
  item: OptionItem;
  value: [number, number] | null;
}

/** Options from `toks[from..]`; throws LineError on unknown or malformed ones. */
function readOptions(L: Logical, toks: Token[], from: number): ReadOption[] {
  const out: ReadOption[] = [];
  for (let k = from; k < toks.length; k++) {
    const tok = toks[k]!;
    if (L.text.charCodeAt(tok.start) !== 45) throw new LineError(`unexpected ${quoted(tok.text)} among options`);
    const long = tok.text.startsWith("--");
    const eq = long ? tok.text.indexOf("=") : -1;
    const flag = long ? tok.text.slice(0, eq < 0 ? undefined : eq) : tok.text.slice(0, 2);
    const spec = OPTIONS.get(flag);
    if (!spec) throw new LineError(`unknown option ${quoted(flag)}`);
    let value: string | null = null;
    let span: [number, number] | null = null;
    let end = tok.end;
    const inline = long ? (eq < 0 ? "" : tok.text.slice(eq + 1)) : tok.text.slice(2);
    if (!spec.takesValue) {
      if (inline) throw new LineError(`${flag} takes no value`);
    } else if (inline || (long && eq >= 0)) {
      value = inline;
      span = [tok.end - inline.length, tok.end];
    } else {
      const next = toks[k + 1];
      if (!next) throw new LineError(`${flag} needs a value`);
      k++;
      value = next.text;
      end = next.end;
      const raw = L.text.slice(next.start, next.end);
      const q = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0] ? 1 : 0;
      span = [next.start + q, next.end - q];
    }
    const valueRange = span && L.range(span[0], span[1]);
    out.push({ item: { flag, name: spec.name, value, range: L.range(tok.start, end), valueRange }, value: span });
  }
  return out;
}

function parseLine(L: Logical): LineRecord | null {
  const src = L.text;
  const a = skipSpace(src, 0, src.length);
  const b = trimEnd(src, a, src.length);
  if (a >= b) return null;
  const range = L.range(a, b);
  try {
    const toks = tokenize(src, a, b);
    let split = 0;
    let target: [number, number] | null = null;
    if (src.charCodeAt(a) !== 45) {
      // pip: the requirement runs up to the first token that starts with "-".
      split = toks.findIndex((t, k) => k > 0 && src.charCodeAt(t.start) === 45);
      if (split < 0) split = toks.length;
      target = [a, trimEnd(src, a, split < toks.length ? toks[split]!.start : b)];
    }
    const read = readOptions(L, toks, split);
    const editable = read.findIndex((o) => o.item.name === "editable");
    if (!target && editable >= 0) target = read.splice(editable, 1)[0]!.value;
    const options = read.map((o) => o.item);
    if (!target) return { type: "OptionLine", options, range };
    const t = parseTarget(L, target[0], target[1]);
    for (const o of options) if (o.name === "hash" && o.value) t.hashes.push(o.value);
    return { type: "Requirement", editable: editable >= 0 && split === 0, ...t, options, range };
  } catch (error) {
    const reason = error instanceof LineError ? error.message : `could not read this line (${String(error)})`;
    return { type: "InvalidLine", reason, range };
  }
}

export function parseRequirements(text: string): ParsedRequirements {
  const lines: LineRecord[] = [];
  const comments: CommentRecord[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < n) {
    const lineStart = pos;
    const segs: number[] = [];
    for (;;) {
      let i = pos;
      let hash = -1;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) break;
        if (c === 35 && hash < 0 && (i === pos || isSpace(text.charCodeAt(i - 1)))) hash = i;
      }
      const next = i >= n ? n : text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (hash >= 0) {
        // A comment ends the logical line; a `\` inside it continues nothing.
        segs.push(pos, hash);
        comments.push({ value: text.slice(hash + 1, i), range: [hash, i], lineStart });
        pos = next;
        break;
      }
      const continued = i > pos && text.charCodeAt(i - 1) === 92;
      segs.push(pos, continued ? i - 1 : i);
      pos = next;
      if (!continued || pos >= n) break;
    }
    const starts: number[] = [];
    const fileStarts: number[] = [];
    const parts: string[] = [];
    let len = 0;
    for (let k = 0; k < segs.length; k += 2) {
      starts.push(len);
      fileStarts.push(segs[k]!);
      parts.push(text.slice(segs[k], segs[k + 1]));
      len += segs[k + 1]! - segs[k]!;
    }
    const record = parseLine(new Logical(parts.join(""), starts, fileStarts));
    if (record) lines.push(record);
  }
  return { lines, comments };
}
