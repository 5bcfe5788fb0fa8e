/**
 * Lock files: the one list of which lock file pins which manifests, read by
 * the rule (a manifest with its lock beside it is pinned) and by the CLI
 * (versions for `--fix`), plus the other looks at what lies beside a
 * manifest (a package's version in node_modules).
 */

import { existsSync } from "node:fs";
import { readText, realPath } from "../../io/read.js";
import { basename, dirname, isAbsolute, join } from "node:path";
import { semver, tomlParser, yamlParser } from "./libraries.js";
import type { Manifest } from "./entries.js";
import { normalizeName } from "./requirements.js";
import { MAX_YAML_EXPANSION, yamlExpansion } from "../shared/bounds.js";

export interface LockFile {
  name: string;
  /** The manifests it pins when it sits beside them (npm's: beside them or in a folder above, up to the repository root). */
  pins: readonly Manifest[];
  /** Python lock files give versions for `--fix`, in this list's order of preference. */
  versions: "toml" | "pipfile" | "conda-lock" | null;
}

export const LOCK_FILES: readonly LockFile[] = [
  { name: "uv.lock", pins: ["pyproject"], versions: "toml" },
  { name: "poetry.lock", pins: ["pyproject"], versions: "toml" },
  { name: "pdm.lock", pins: ["pyproject"], versions: "toml" },
  { name: "Pipfile.lock", pins: ["pyproject", "pipfile"], versions: "pipfile" },
  // A version source only: an environment.yml beside it is still what `conda env create` reads.
  { name: "conda-lock.yml", pins: [], versions: "conda-lock" },
  { name: "package-lock.json", pins: ["package-json"], versions: null },
  { name: "npm-shrinkwrap.json", pins: ["package-json"], versions: null },
  { name: "pnpm-lock.yaml", pins: ["package-json"], versions: null },
  { name: "yarn.lock", pins: ["package-json"], versions: null },
  { name: "bun.lock", pins: ["package-json"], versions: null },
  { name: "bun.lockb", pins: ["package-json"], versions: null },
];

export const locksFor = (manifest: Manifest): string[] => LOCK_FILES.filter((l) => l.pins.includes(manifest)).map((l) => l.name);

/** Folders from `dir` up to the repository root (the folder holding `.git`), or to the file system's root outside a repository. */
function* upToRepositoryRoot(dir: string): Generator<string> {
  for (let d = dir; ; d = dirname(d)) {
    yield d;
    if (existsSync(join(d, ".git")) || dirname(d) === d) return;
  }
}

/** Whether a lock file pins the manifest at `file` (a PEP 723 script's is `<script>.lock`). */
export function lockedBeside(manifest: Manifest, file: string): boolean {
  if (!isAbsolute(file)) return false;
  if (manifest === "script") return existsSync(`${file}.lock`);
  const locks = locksFor(manifest);
  if (!locks.length) return false;
  // npm, pnpm, yarn and bun workspaces keep one lock file at the workspace root.
  const dirs = manifest === "package-json" ? upToRepositoryRoot(dirname(file)) : [dirname(file)];
  for (const dir of dirs) if (locks.some((lock) => existsSync(join(dir, lock)))) return true;
  return false;
}

/** The version of `name` installed in node_modules, found as Node resolves it (up to the repository root), with where it was read. */
export function installedNpmVersion(name: string, file: string): { version: string; source: string } | null {
  if (!isAbsolute(file)) return null;
  for (const dir of upToRepositoryRoot(dirname(file))) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    // Inside the project only (node_modules/x may be a link to anywhere), and bounded (or to /dev/zero).
    const read = readText(manifest, { roots: [realPath(dir) ?? dir], limit: NPM_MANIFEST_BYTES });
    if (!read.ok) return null;
    try {
      const version = (JSON.parse(read.text) as { version?: unknown }).version;
      return typeof version === "string" && semver().valid(version) ? { version, source: `node_modules/${name}/package.json` } : null;
    } catch {
      return null;
    }
  }
  return null;
}

// A package.json in node_modules is small; a bigger one is not what it claims to be.
const NPM_MANIFEST_BYTES = 1024 * 1024;

export type Versions = Map<string, string>;

/** Adds a version; a name two entries disagree on is dropped (marked `null`), so the fixer never guesses. */
export function addVersion(out: Map<string, string | null>, name: unknown, version: unknown): void {
  if (typeof name !== "string" || typeof version !== "string" || !name || !version) return;
  const key = normalizeName(name);
  const prev = out.get(key);
  out.set(key, prev === undefined || prev === version ? version : null);
}

export function settle(out: Map<string, string | null>): Versions {
  return new Map([...out].filter((e): e is [string, string] => e[1] !== null));
}

/** Versions in one lock file, by its name; throws when it cannot be read. */
export function readLockVersions(path: string, text: string): Versions {
  const kind = LOCK_FILES.find((l) => l.name === basename(path))?.versions;
  const out = new Map<string, string | null>();
  if (kind === "pipfile") {
    const data = JSON.parse(text) as Record<string, Record<string, { version?: string }> | undefined>;
    for (const section of ["default", "develop"]) {
      for (const [pkg, info] of Object.entries(data[section] ?? {})) addVersion(out, pkg, info.version?.replace(/^==/u, ""));
    }
  } else if (kind === "conda-lock") {
    // conda-lock: one entry per package and platform, conda and pip packages alike.
    const ast = yamlParser().parseYAML(text);
    // Aliases are expanded into the value: a few hundred bytes of them can stand for billions of nodes.
    if (yamlExpansion(ast) > MAX_YAML_EXPANSION) throw new Error(`YAML aliases expand past ${MAX_YAML_EXPANSION.toLocaleString("en")} nodes; not read`);
    const data = yamlParser().getStaticYAMLValue(ast) as { package?: { name?: string; version?: string }[] } | null;
    for (const p of data?.package ?? []) addVersion(out, p.name, p.version);
  } else if (kind === "toml") {
    // uv.lock, poetry.lock, pdm.lock: [[package]] tables with name and version.
    const data = tomlParser().getStaticTOMLValue(tomlParser().parseTOML(text)) as { package?: { name?: string; version?: string }[] };
    for (const p of data.package ?? []) addVersion(out, p.name, p.version);
  }
  return settle(out);
}
