import fs, { statSync, type PathLike } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import picomatch from "picomatch";
import { FILES, NOTEBOOK_FILES } from "../../plugin/configs.js";
import { namedFiles } from "../../parsers/manifests/includes.js";
import { MLPROJECT_FILE } from "../../parsers/manifests/mlproject.js";
import { decodeBytes } from "../../parsers/shared/encoding.js";
import { checkFile, MAX_FILE_BYTES, readBytes, readText, realRoots } from "../../io/read.js";
import { syntaxOf } from "../../parsers/manifests/syntax.js";
import { manifestTooCostly } from "../../parsers/shared/bounds.js";

/** Folders nobody wants linted, on top of .gitignore. */
export const DEFAULT_IGNORES = [
  "**/.git/**",
  "**/node_modules/**",
  "**/.venv/**",
  "**/venv/**",
  "**/.tox/**",
  "**/.nox/**",
  "**/__pycache__/**",
  "**/.mypy_cache/**",
  "**/.pytest_cache/**",
  "**/.ruff_cache/**",
  "**/build/**",
  "**/dist/**",
  "**/site-packages/**",
  "**/.ipynb_checkpoints/**",
];

export { MAX_FILE_BYTES };

/**
 * A TS/JS file over this size with a line longer than MINIFIED_LINE is a
 * minified bundle: typescript-eslint needs about 0.7 GB of memory per
 * megabyte of it, and it holds no experiment code to check.
 */
export const MINIFIED_BYTES = 1024 * 1024;
export const MINIFIED_LINE = 10_000;

function minifiedLine(path: string): number {
  const read = readText(path);
  if (!read.ok) return 0;
  let longest = 0;
  for (const line of read.text.split(/\r\n|[\r\n\u2028\u2029]/u)) longest = Math.max(longest, line.length);
  return longest > MINIFIED_LINE ? longest : 0;
}

export type Kind = keyof typeof FILES | "notebook";

export interface Target {
  path: string;
  kind: Kind;
}

export interface Skipped {
  path: string;
  message: string;
  severity: 1 | 2;
}

export interface Plan {
  targets: Target[];
  skipped: Skipped[];
  /** Paths named on the command line that do not exist. */
  missing: string[];
  /**
   * The scanned roots, real paths: the working directory, the folders named and the folders of the
   * files named. Files found by walking or pulled in with -r/-c are read only inside them.
   */
  roots: string[];
}

const KIND_GLOBS: [Kind, readonly string[]][] = [...(Object.entries(FILES) as [Kind, readonly string[]][]), ["notebook", NOTEBOOK_FILES]];

const matchers = KIND_GLOBS.map(([kind, globs]) => ({
  kind: kind as Kind,
  test: picomatch(
    globs.map((g) => g.replace(/^\*\*\//u, "")),
    { basename: false, dot: true },
  ),
  base: picomatch(
    globs.map((g) => g.replace(/^\*\*\//u, "")),
    { basename: true, dot: true },
  ),
}));

/** Which language a path belongs to, by the same globs the plugin's configs use. */
export function kindOf(path: string): Kind | null {
  const rel = path.replace(/\\/gu, "/");
  for (const m of matchers) if (m.base(rel) || m.test(rel.split("/").slice(-2).join("/"))) return m.kind;
  return null;
}

// Files that exist but will not be read are warnings; files that cannot be read are errors.
const WARNINGS = new Set(["ENOTREG", "ETOOBIG", "EOUTSIDE"]);

/** Why a file cannot be linted, or null; "folder" when a folder matched a file pattern in a walk (not an error). */
function check(path: string, explicit: boolean, roots: readonly string[]): Skipped | null | "folder" {
  // A file named on the command line is read wherever it is; found ones only inside the scanned roots.
  const r = checkFile(path, explicit ? {} : { roots });
  if (r.ok) return null;
  if (r.code === "EISDIR" && !explicit) return "folder";
  return { path, message: r.code === "EISDIR" ? "not a regular file, skipped" : r.message, severity: WARNINGS.has(r.code) ? 1 : 2 };
}

/** The git folder of the repository holding `dir` (following a worktree's `.git` file to the shared folder), with the repository's root. */
function gitFolder(dir: string): { root: string; git: string } | null {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, ".git");
    try {
      if (statSync(dotGit).isDirectory()) return { root: d, git: dotGit };
      // The .git file of a worktree, its commondir and info/exclude are read through the file gate like the rest.
      const pointer = readText(dotGit);
      const gitdir = pointer.ok ? /^gitdir:\s*(.+)$/mu.exec(pointer.text)?.[1]?.trim() : undefined;
      if (!gitdir) return null;
      const own = resolve(d, gitdir);
      // A worktree's info/exclude is the main repository's: its "commondir" file points there.
      const common = readText(join(own, "commondir"));
      return { root: d, git: common.ok ? resolve(own, common.text.trim()) : own };
    } catch {
      // no .git here
    }
    if (dirname(d) === d) return null;
  }
}

/**
 * `.git/info/exclude`, which git honours as a personal .gitignore: a filter for the files a walk of `dir` found.
 * (globby reads .gitignore files, not this one.)
 */
function gitInfoExclude(dir: string): ((path: string) => boolean) | null {
  const repo = gitFolder(dir);
  if (!repo) return null;
  const exclude = readText(join(repo.git, "info", "exclude"));
  if (!exclude.ok) return null;
  const rules = ignore().add(exclude.text);
  return (path) => {
    const rel = relative(repo.root, path);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) && rules.ignores(rel.split(sep).join("/"));
  };
}

/** A project configuration's say in discovery: its skip list (instead of DEFAULT_IGNORES) and a filter. */
export interface Scope {
  ignores: readonly string[];
  keep: (path: string) => boolean;
}

/** Resolve command-line paths to the files to lint, honouring .gitignore and default ignores. */
export async function plan(paths: string[], cwd: string, extraIgnores: string[] = [], scope?: Scope): Promise<Plan> {
  const explicit: string[] = [];
  const dirs: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    try {
      (statSync(abs).isDirectory() ? dirs : explicit).push(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") missing.push(p);
      else explicit.push(abs);
    }
  }
  const roots = realRoots([cwd, ...dirs, ...explicit.map((f) => dirname(f))]);
  const found = new Set<string>();
  // fast-glob skips folders it cannot list without a word; this file system notes them, so each gets a message.
  const unreadable: Skipped[] = [];
  const readdir = ((path: PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: NodeJS.ErrnoException | null, entries: unknown) => void;
    const done = (error: NodeJS.ErrnoException | null, entries: unknown) => {
      // Gone (ENOENT) is a race, not a problem; anything else (EACCES, ENAMETOOLONG past 4,096 characters) is named.
      if (error && error.code !== "ENOENT" && error.code !== "ENOTDIR" && !unreadable.some((u) => u.path === String(path))) {
        unreadable.push({ path: String(path), message: `cannot read folder (${error.code}); nothing in it was linted`, severity: 2 });
      }
      callback(error, entries);
    };
    (fs.readdir as (...a: unknown[]) => void)(path, ...rest, done);
  }) as typeof fs.readdir;
  const walkFs = { ...fs, readdir };
  for (const dir of dirs) {
    // MLproject files are not linted: they name the environment files that are.
    const patterns = [...KIND_GLOBS.flatMap(([, globs]) => globs), `**/${MLPROJECT_FILE}`];
    // Loaded only for folders: pre-commit passes file names, and globby is a tenth of start-up.
    const { globby } = await import("globby");
    const files = await globby(patterns, {
      cwd: dir,
      absolute: true,
      gitignore: true,
      dot: true,
      ignore: [...(scope?.ignores ?? DEFAULT_IGNORES), ...extraIgnores],
      followSymbolicLinks: false,
      suppressErrors: true,
      fs: walkFs,
      // Links that lead nowhere, or in a loop, or to a device, are not "files" to fast-glob and would vanish
      // without a word; listed, they get a message below. Folders named like files are dropped there too.
      onlyFiles: false,
    });
    const excluded = gitInfoExclude(dir);
    for (const f of files) if (!excluded?.(f)) found.add(f);
  }
  for (const f of explicit) found.add(f);
  // Named files too, so a pre-commit hook honours the project's include and exclude.
  if (scope) for (const f of found) if (!scope.keep(f)) found.delete(f);

  const targets: Target[] = [];
  const skipped: Skipped[] = [...unreadable];
  // Requirements pulled in with -r/-c are linted too, whatever their names.
  const queue: { path: string; kind: Kind | null }[] = [...found].sort().map((path) => ({ path, kind: null }));
  const seen = new Set<string>();
  while (queue.length) {
    const { path, kind: hinted } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const problem = check(path, explicit.includes(path), roots);
    if (problem === "folder") continue;
    if (problem) {
      skipped.push(problem);
      continue;
    }
    if (!hinted && basename(path) === MLPROJECT_FILE) {
      const mlproject = readBytes(path, explicit.includes(path) ? {} : { roots });
      if (mlproject.ok) for (const env of namedFiles(path, decodeBytes(mlproject.bytes).text)) queue.push({ path: env, kind: "requirements" });
      continue;
    }
    const kind = hinted ?? kindOf(path);
    if (!kind) {
      if (explicit.includes(path)) skipped.push({ path, message: "not a Python or requirements file, skipped", severity: 1 });
      continue;
    }
    if (kind === "typescript" && statSync(path).size > MINIFIED_BYTES) {
      const longest = minifiedLine(path);
      if (longest) {
        skipped.push({ path, message: `looks minified (a line of ${longest.toLocaleString("en")} characters); skipped`, severity: 1 });
        continue;
      }
    }
    if (kind === "requirements") {
      // Manifests over their work budget (size, lines, nesting) get one warning here, and no parser runs on them.
      const bytes = readBytes(path, explicit.includes(path) ? {} : { roots });
      const read = bytes.ok ? { ok: true as const, text: decodeBytes(bytes.bytes).text } : bytes;
      const tooCostly = read.ok ? manifestTooCostly(read.text, syntaxOf(path)) : null;
      if (tooCostly) {
        skipped.push({ path, message: tooCostly.replace(/; not read$/u, "; skipped"), severity: 1 });
        continue;
      }
      if (read.ok) for (const inc of namedFiles(path, read.text)) queue.push({ path: inc, kind: "requirements" });
    }
    targets.push({ path, kind });
  }
  return { targets, skipped, missing, roots };
}
