/**
 * Version sources for `--fix`: exact versions by PEP 503 name, from a freeze
 * file (`--pin-from`, `pip freeze` output), lock files (uv.lock, poetry.lock,
 * pdm.lock, Pipfile.lock, conda-lock.yml) or a virtual environment's
 * `*.dist-info/METADATA`, read without running Python. The result reaches
 * the rule as JSON in ESLint's shared settings, so worker threads get it too.
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { addVersion, LOCK_FILES, readLockVersions, settle, type Versions } from "../../parsers/manifests/locks.js";
import { parseRequirements } from "../../parsers/manifests/requirements.js";
import { decodeBytes } from "../../parsers/shared/encoding.js";
import type { PinSettings } from "../../rules/pin-requirements.js";
import { MAX_FILE_BYTES, readBytes, readText, readTextOrThrow } from "../../io/read.js";
import { syntaxOf } from "../../parsers/manifests/syntax.js";
import { manifestTooCostly } from "../../parsers/shared/bounds.js";

const VENV_DIRS = [".venv", "venv"];

/** `pip freeze` output (or any requirements file): every `name==version` line. */
export function readFreeze(text: string): Versions {
  const out = new Map<string, string | null>();
  for (const line of parseRequirements(text).lines) {
    if (line.type !== "Requirement" || line.form !== "name") continue;
    const exact = line.specifiers.filter((s) => s.operator === "==" && !s.version.endsWith(".*"));
    if (exact.length === 1) addVersion(out, line.name, exact[0]!.version);
  }
  return settle(out);
}

const MAX_YAML_LOCK_BYTES = 4 * 1024 * 1024;

/** Versions in one lock file, by its name; throws when it cannot be read (or leads outside `roots`). */
export function readLockFile(path: string, roots?: readonly string[]): Versions {
  const text = readTextOrThrow(path, roots ? { roots } : {});
  const name = basename(path);
  // Lock files run to megabytes: no line budget, the file-size limit for JSON and TOML, a lower one for YAML.
  const syntax = name === "Pipfile.lock" ? "JSON" : syntaxOf(name);
  const tooCostly = manifestTooCostly(text, syntax, syntax === "YAML" ? MAX_YAML_LOCK_BYTES : MAX_FILE_BYTES, Infinity);
  if (tooCostly) throw new Error(tooCostly);
  return readLockVersions(path, text);
}

/** A folder's entries; none when it is not a folder or cannot be listed (`.venv/lib` may be anything in a stranger's tree). */
function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function sitePackages(venv: string): string[] {
  const out: string[] = [];
  for (const lib of ["lib", "lib64", "Lib"]) {
    const dir = join(venv, lib);
    if (!isDir(dir)) continue;
    if (isDir(join(dir, "site-packages"))) out.push(join(dir, "site-packages"));
    for (const py of list(dir)) if (/^python\d/u.test(py) && isDir(join(dir, py, "site-packages"))) out.push(join(dir, py, "site-packages"));
  }
  return [...new Set(out)];
}

// Headers come first; a METADATA file is a few kilobytes of headers and a long description.
const METADATA_BYTES = 1024 * 1024;

/** Installed distributions of a virtual environment, from `*.dist-info/METADATA` headers. */
export function readVenv(venv: string): Versions {
  const out = new Map<string, string | null>();
  for (const site of sitePackages(venv)) {
    for (const entry of list(site)) {
      if (!entry.endsWith(".dist-info")) continue;
      const read = readText(join(site, entry, "METADATA"), { limit: METADATA_BYTES });
      if (!read.ok) continue;
      const meta = read.text;
      const head = meta.split(/\r?\n\r?\n/u, 1)[0]!;
      addVersion(out, /^Name:\s*(.+?)\s*$/mu.exec(head)?.[1], /^Version:\s*(.+?)\s*$/mu.exec(head)?.[1]);
    }
  }
  return settle(out);
}

export interface CollectedPins {
  settings: PinSettings;
  /** Files and folders the versions came from, relative to cwd. */
  sources: string[];
  /** Version sources that could not be read, as messages. */
  problems: string[];
}

/**
 * Every version source for the folders being linted, best first: the
 * `--pin-from` file, then lock files, then virtual environments. A name takes
 * its version from the best source that has it.
 */
export function collectPins(opts: { cwd: string; dirs: string[]; pinFrom?: string; virtualEnv?: string; roots?: readonly string[] }): CollectedPins {
  const tiers: { label: string; versions: Versions }[] = [];
  const problems: string[] = [];
  const rel = (p: string) => relative(opts.cwd, p) || p;
  if (opts.pinFrom) {
    const path = resolve(opts.cwd, opts.pinFrom);
    // `pip freeze > frozen.txt` in Windows PowerShell writes UTF-16.
    const frozen = readBytes(path);
    if (!frozen.ok) throw Object.assign(new Error(frozen.message), { code: frozen.code });
    tiers.push({ label: rel(path), versions: readFreeze(decodeBytes(frozen.bytes).text) });
  }
  const dirs = [...new Set([opts.cwd, ...opts.dirs])];
  for (const { name: lock } of LOCK_FILES.filter((l) => l.versions !== null)) {
    for (const dir of dirs) {
      const path = join(dir, lock);
      if (!existsSync(path)) continue;
      try {
        tiers.push({ label: rel(path), versions: readLockFile(path, opts.roots) });
      } catch (error) {
        problems.push(`${rel(path)}: cannot read versions (${(error as Error).message.split("\n")[0]})`);
      }
    }
  }
  const venvs = [...dirs.flatMap((d) => VENV_DIRS.map((v) => join(d, v))), ...(opts.virtualEnv ? [opts.virtualEnv] : [])];
  for (const venv of [...new Set(venvs)]) {
    if (isDir(venv)) tiers.push({ label: rel(venv), versions: readVenv(venv) });
  }
  const pins: Record<string, string> = {};
  const pinSources: Record<string, string> = {};
  const used: string[] = [];
  for (const tier of tiers) {
    let any = false;
    for (const [name, version] of tier.versions) {
      if (name in pins) continue;
      pins[name] = version;
      pinSources[name] = tier.label;
      any = true;
    }
    if (any) used.push(tier.label);
  }
  return { settings: { pins, pinSources }, sources: used, problems };
}
