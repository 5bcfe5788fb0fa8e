import { existsSync } from "node:fs";
import { readText, realPath } from "../../io/read.js";
import { manifestTooCostly } from "../../parsers/shared/bounds.js";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parse, TomlError } from "smol-toml";

/** A configuration problem: reported as is, and the run exits 2. */
export class ConfigError extends Error {}

/** A configuration file found and parsed, before validation. */
export interface RawConfig {
  /** Absolute path of the file. */
  path: string;
  /** How messages name the file: relative to the working directory. */
  label: string;
  /** How messages name the table holding the settings: `[tool.exp-lint]`, or "" at the top level. */
  section: string;
  table: Record<string, unknown>;
}

// In one folder exp-lint.toml wins over pyproject.toml, as ruff.toml does over Ruff's pyproject section.
const CANDIDATES = ["exp-lint.toml", "pyproject.toml"] as const;

// A pyproject.toml that does not mention the table is not ours, even when it does not parse (pin-requirements reports that).
// Line by line: as one multi-line pattern, `^\s*` at every line start ran over all the blank lines after it.
const TABLE_LINE = /^\[\s*tool\s*\.\s*(?:"exp-lint"|'exp-lint'|exp-lint)\s*[.\]]/u;
const KEY = /exp-lint\s*=/u;
const mentionsTable = (text: string) => KEY.test(text) || text.split(/\r?\n|\r/u).some((line) => TABLE_LINE.test(line.trimStart()));

// A configuration is a few lines; a bigger one is not worth parsing.
const MAX_CONFIG_BYTES = 1024 * 1024;

function realOrSelf(path: string): string {
  return realPath(dirname(path)) ? join(realPath(dirname(path))!, basename(path)) : path;
}

function readToml(path: string, label: string, mustParse: boolean, named: boolean): Record<string, unknown> | null {
  // A found file is read only where it is found (a link to elsewhere is refused); one named with --config wherever it is.
  const read = readText(path, { limit: MAX_CONFIG_BYTES, ...(named ? {} : { roots: [dirname(realOrSelf(path))] }) });
  if (!read.ok) {
    // A found pyproject.toml that cannot be read is not taken for a configuration (pin-requirements reports it).
    if (!mustParse) return null;
    throw new ConfigError(`${label}: ${read.message.replace(/^cannot read file/u, "cannot read configuration file")}`);
  }
  const text = read.text;
  // smol-toml recurses once per nesting level.
  const tooCostly = manifestTooCostly(text, "TOML", MAX_CONFIG_BYTES);
  if (tooCostly) {
    if (!mustParse && !mentionsTable(text)) return null;
    throw new ConfigError(`${label}: ${tooCostly}`);
  }
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    if (!mustParse && !mentionsTable(text)) return null;
    const reason = error.message.split("\n")[0]!.replace(/^Invalid TOML document: /u, "");
    throw new ConfigError(`${label}:${error.line}:${error.column}: invalid TOML: ${reason}`);
  }
}

/** The `[tool.exp-lint]` table of a parsed pyproject.toml, if it has one. */
function toolTable(doc: Record<string, unknown>, label: string): Record<string, unknown> | undefined {
  const tool = doc.tool as Record<string, unknown> | undefined;
  const table = tool?.["exp-lint"];
  if (table === undefined) return undefined;
  if (typeof table !== "object" || table === null || Array.isArray(table)) throw new ConfigError(`${label}: [tool] "exp-lint" must be a table`);
  return table as Record<string, unknown>;
}

function read(path: string, cwd: string, named: boolean): RawConfig | null {
  const label = relative(cwd, path) || basename(path);
  const pyproject = basename(path) === "pyproject.toml";
  const doc = readToml(path, label, named || !pyproject, named);
  if (!doc) return null;
  if (!pyproject) return { path, label, section: "", table: doc };
  const table = toolTable(doc, label);
  return table ? { path, label, section: "[tool.exp-lint] ", table } : null;
}

/** A configuration file named by the user (`--config`, `extend`): it must exist, and a pyproject.toml without the table is empty. */
export function readNamedConfig(path: string, cwd: string, as: string): RawConfig {
  if (!existsSync(path)) throw new ConfigError(`${as}: no such file`);
  // A named pyproject.toml without the table is an empty configuration, not a search for another.
  return read(path, cwd, true) ?? { path, label: relative(cwd, path) || basename(path), section: "[tool.exp-lint] ", table: {} };
}

/** The configuration file in this folder, if there is one (exp-lint.toml first). */
export function configIn(dir: string, cwd: string): RawConfig | null {
  for (const name of CANDIDATES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const found = read(path, cwd, false);
    if (found) return found;
  }
  return null;
}

/** Whether `dir` is a repository's root, where the search for configuration stops. */
export const isRepositoryRoot = (dir: string): boolean => existsSync(join(dir, ".git"));

/**
 * The configuration that applies to a run from `cwd`: the file given with `--config`, or the nearest
 * exp-lint.toml or pyproject.toml with a `[tool.exp-lint]` table from `cwd` up to the filesystem root.
 */
export function findConfig(cwd: string, explicit?: string): RawConfig | null {
  if (explicit) return readNamedConfig(resolve(cwd, explicit), cwd, `--config ${explicit}`);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configIn(dir, cwd);
    if (found) return found;
    if (dirname(dir) === dir) return null;
  }
}
