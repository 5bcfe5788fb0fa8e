import { readFileSync, statSync } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import picomatch from "picomatch";
import { FILES, NOTEBOOK_FILES } from "../plugin/configs.js";
import { includedFiles } from "../parsers/requirements/includes.js";

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

/** Files larger than this are skipped with a warning, so one generated blob cannot stall a run. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

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
}

const KIND_GLOBS: [Kind, readonly string[]][] = [...(Object.entries(FILES) as [Kind, readonly string[]][]), ["notebook", NOTEBOOK_FILES]];

const matchers = KIND_GLOBS.map(([kind, globs]) => ({
  kind: kind as Kind,
  test: picomatch(globs.map((g) => g.replace(/^\*\*\//u, "")), { basename: false, dot: true }),
  base: picomatch(globs.map((g) => g.replace(/^\*\*\//u, "")), { basename: true, dot: true }),
}));

/** Which language a path belongs to, by the same globs the plugin's configs use. */
export function kindOf(path: string): Kind | null {
  const rel = path.replace(/\\/gu, "/");
  for (const m of matchers) if (m.base(rel) || m.test(rel.split("/").slice(-2).join("/"))) return m.kind;
  return null;
}

async function check(path: string): Promise<Skipped | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return { path, message: "not a regular file, skipped", severity: 1 };
    if (s.size > MAX_FILE_BYTES) {
      return { path, message: `file is ${(s.size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit; skipped`, severity: 1 };
    }
    await access(path, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { path, message: `cannot read file (${code})`, severity: 2 };
  }
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
  const found = new Set<string>();
  for (const dir of dirs) {
    const patterns = KIND_GLOBS.flatMap(([, globs]) => globs);
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
    });
    for (const f of files) found.add(f);
  }
  for (const f of explicit) found.add(f);
  // Named files too, so a pre-commit hook honours the project's include and exclude.
  if (scope) for (const f of found) if (!scope.keep(f)) found.delete(f);

  const targets: Target[] = [];
  const skipped: Skipped[] = [];
  // Requirements pulled in with -r/-c are linted too, whatever their names.
  const queue: { path: string; kind: Kind | null }[] = [...found].sort().map((path) => ({ path, kind: null }));
  const seen = new Set<string>();
  while (queue.length) {
    const { path, kind: hinted } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const problem = await check(path);
    if (problem) {
      skipped.push(problem);
      continue;
    }
    const kind = hinted ?? kindOf(path);
    if (!kind) {
      if (explicit.includes(path)) skipped.push({ path, message: "not a Python or requirements file, skipped", severity: 1 });
      continue;
    }
    targets.push({ path, kind });
    if (kind === "requirements" && !/\.(?:toml|ya?ml|json)$/iu.test(path)) {
      for (const inc of includedFiles(readFileSync(path, "utf8"), dirname(path))) queue.push({ path: inc, kind: "requirements" });
    }
  }
  return { targets, skipped, missing };
}
