/**
 * Manifests that name other manifests: a requirements file pulls files in
 * with `-r`/`-c`, an MLproject names its `conda_env:` or `python_env:`.
 * Those files are manifests whatever their names. The CLI follows the names
 * from the files it lints; the ESLint plugin asks, for a file its globs miss,
 * whether a manifest in its folder or a folder above names it.
 */

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import picomatch from "picomatch";
import { MANIFEST_FILES } from "./kinds.js";
import { syntaxOf } from "./syntax.js";
import { MLPROJECT_FILE, mlprojectEnvironments } from "./mlproject.js";
import { parseRequirements } from "./requirements.js";
import { decodeBytes } from "../shared/encoding.js";

const INCLUDE_OPTIONS = new Set(["requirement", "constraint"]);

/** Absolute paths of the files a requirements file pulls in with `-r`/`-c` (URLs are not followed: no network). */
export function includedFiles(text: string, dir: string): string[] {
  const out: string[] = [];
  for (const line of parseRequirements(text).lines) {
    if (line.type !== "OptionLine") continue;
    for (const opt of line.options) {
      if (!INCLUDE_OPTIONS.has(opt.name) || !opt.value || /^[a-z][a-z0-9+.-]*:\/\//iu.test(opt.value)) continue;
      out.push(resolve(dir, opt.value));
    }
  }
  return out;
}

/** The manifests that the file at `path` (a requirements file or an MLproject) names, as absolute paths. */
export function namedFiles(path: string, text: string): string[] {
  if (basename(path) === MLPROJECT_FILE) return mlprojectEnvironments(text, path);
  return syntaxOf(path) === "pip" && !path.endsWith(".json") ? includedFiles(text, dirname(path)) : [];
}

const isManifestName = picomatch(
  MANIFEST_FILES.map((g) => g.replace(/^\*\*\//u, "")),
  { basename: true, dot: true },
);
// What an included file can be: pip syntax or a conda/python_env YAML.
const INCLUDABLE = /\.(?:txt|in|ya?ml)$/iu;
const MAX_LEVELS = 8;
const MAX_NAMED = 1000;
const TTL_MS = 5000;

const cache = new Map<string, { at: number; named: Set<string> }>();

function readText(path: string): string | null {
  try {
    return statSync(path).isFile() ? decodeBytes(readFileSync(path)).text : null;
  } catch {
    return null;
  }
}

/** Every file named, directly or through other named files, by the manifests that sit in `dir`. */
function namedFrom(dir: string): Set<string> {
  const hit = cache.get(dir);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.named;
  const named = new Set<string>();
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    // An unreadable folder names nothing.
  }
  const queue = entries.filter((e) => e === MLPROJECT_FILE || (isManifestName(e) && syntaxOf(e) === "pip")).map((e) => join(dir, e));
  const seen = new Set(queue);
  while (queue.length && named.size < MAX_NAMED) {
    const file = queue.shift()!;
    const text = readText(file);
    if (text === null) continue;
    for (const next of namedFiles(file, text)) {
      named.add(next);
      if (!seen.has(next) && syntaxOf(next) === "pip") {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  cache.set(dir, { at: Date.now(), named });
  return named;
}

/** Whether a manifest in the folder of `path`, or in a folder above it up to the repository root, names it. */
export function namedByManifest(path: string): boolean {
  if (!INCLUDABLE.test(path)) return false;
  const abs = resolve(path);
  let dir = dirname(abs);
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (namedFrom(dir).has(abs)) return true;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return false;
    dir = dirname(dir);
  }
  return false;
}
