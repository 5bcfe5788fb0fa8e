import { existsSync, lstatSync, readdirSync } from "node:fs";
import { TABLE_WRITE_METHODS } from "../catalogue/data.js";
import { readTextOrThrow } from "../io/read.js";
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import type { FunctionRecord, ModuleRecord } from "./summaries.js";

/**
 * The project index: the summaries of the project's own Python modules that
 * a file imports (`from utils import set_seeds`, `from .data import
 * load_splits`, `import helpers`, `from libraries import *`). Modules are
 * read, parsed and summarised (never executed) on first use, and kept per
 * path until the file's modification time or size changes. The CLI fills it
 * once per run and hands it to its workers (`exportEntries`/`importEntries`);
 * the ESLint plugin fills it lazily.
 */

/** Parses and summarises one module; injected by the front end (parsers/python/project-module.ts). */
export type Summariser = (path: string, text: string, index: ProjectIndex, depth: number) => ModuleRecord;

export interface IndexEntry {
  path: string;
  mtimeMs: number;
  size: number;
  record: ModuleRecord | null;
}

// Files that mark the top of a project; above it, no import of the project resolves.
const ROOT_MARKERS = [".git", "pyproject.toml", "setup.py", "setup.cfg"];
const MAX_ASCENT = 8;
// A project module larger than this is not read for summaries (generated code, vendored data).
const MAX_MODULE_BYTES = 1024 * 1024;
// How long a module's stat is trusted before its modification time is read again (an editor session edits files).
const RECHECK_MS = 1000;
// A module summarised while summarising another: this many levels, then unknown.
const MAX_MODULE_DEPTH = 3;

/** A file the index may read: a regular file (not a symlink), not too large. Its stat, or null. */
function gate(path: string): { mtimeMs: number; size: number } | null {
  try {
    const s = lstatSync(path);
    return s.isFile() && s.size <= MAX_MODULE_BYTES ? { mtimeMs: s.mtimeMs, size: s.size } : null;
  } catch {
    return null;
  }
}

// Scripts looked at for a table file another script reads: this many, this deep below the project root.
const MAX_SCRIPTS = 2000;
const MAX_SCRIPT_DEPTH = 6;
const SKIPPED_DIRS = new Set(["node_modules", "__pycache__", "venv", "env", "site-packages", "build", "dist"]);

/** Where a path written in a script may point: resolved against the project root and against the script's directory. */
function placesOf(root: string, dir: string, path: string): string[] {
  if (isAbsolute(path)) return [normalize(path)];
  return [...new Set([resolve(root, path), resolve(dir, path)])];
}

export class ProjectIndex {
  #entries = new Map<string, IndexEntry>();
  #roots = new Map<string, string>();
  // Resolved module names per directory. A module created later in a long editor session is seen after a restart.
  #resolved = new Map<string, string | null>();
  #listings = new Map<string, Set<string>>();
  #checked = new Map<string, number>();
  #inProgress = new Set<string>();
  #summarise: Summariser | null = null;
  /** Modules summarised (not read from the cache): for the bench. */
  summarised = 0;

  setSummariser(summarise: Summariser): void {
    this.#summarise = summarise;
  }

  /** Forget every module (the summariser stays): a test run that shares one thread between test files starts each clean. */
  clear(): void {
    for (const map of [this.#entries, this.#roots, this.#resolved, this.#listings, this.#checked]) map.clear();
    this.#inProgress.clear();
    this.summarised = 0;
  }

  /** The top of the project a directory belongs to: the nearest ancestor with a marker file, else the directory itself. */
  rootOf(dir: string): string {
    let root = this.#roots.get(dir);
    if (root !== undefined) return root;
    root = dir;
    for (let d = dir, i = 0; i < MAX_ASCENT; i++) {
      if (ROOT_MARKERS.some((m) => existsSync(join(d, m)))) {
        root = d;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    this.#roots.set(dir, root);
    return root;
  }

  /**
   * The file a module name resolves to from `fromFile`: relative (`.data`,
   * `..utils`) from the file's package; absolute from the file's directory (a
   * script's own directory is on `sys.path`), its ancestors up to the project
   * root, and the root's `src/`.
   */
  resolveModule(fromFile: string, module: string): string | null {
    const dir = dirname(resolve(fromFile));
    // Asked for every library call a summary looks at (`pd.read_csv`): one look at the disk per directory and name.
    const key = `${dir}\0${module}`;
    let found = this.#resolved.get(key);
    if (found === undefined) this.#resolved.set(key, (found = this.#lookUp(dir, module)));
    return found;
  }

  /** The names in a directory, listed once: each script asks its directory and its ancestors about every import. */
  #namesIn(dir: string): Set<string> {
    let names = this.#listings.get(dir);
    if (!names) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = new Set();
      }
      this.#listings.set(dir, names);
    }
    return names;
  }

  #lookUp(dir: string, module: string): string | null {
    const dots = /^\.*/u.exec(module)![0].length;
    const parts = module.slice(dots).split(".").filter(Boolean);
    const bases: string[] = [];
    if (dots) {
      let base = dir;
      for (let i = 1; i < dots; i++) base = dirname(base);
      bases.push(base);
    } else {
      const root = this.rootOf(dir);
      for (let d = dir, i = 0; i < MAX_ASCENT; i++) {
        bases.push(d);
        if (d === root || !d.startsWith(root)) break;
        d = dirname(d);
      }
      bases.push(join(root, "src"));
    }
    // Most names are installed packages: nothing of the project carries their first part.
    if (parts.length && !bases.some((base) => this.#namesIn(base).has(`${parts[0]}.py`) || this.#namesIn(base).has(parts[0]!))) return null;
    for (const base of bases) {
      const stem = join(base, ...parts);
      for (const candidate of parts.length ? [`${stem}.py`, join(stem, "__init__.py")] : [join(stem, "__init__.py")]) {
        if (gate(candidate)) return candidate;
      }
    }
    return null;
  }

  /** The summaries of one module file, from the cache while the file is unchanged. */
  moduleAt(path: string, depth = 0): ModuleRecord | null {
    const cached = this.#entries.get(path);
    // Asked at every call site that reaches the module: the disk is looked at again at most once a second.
    const now = Date.now();
    if (cached && now - (this.#checked.get(path) ?? 0) < RECHECK_MS) return cached.record;
    const stat = gate(path);
    if (!stat) return null;
    this.#checked.set(path, now);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.record;
    if (!this.#summarise || depth > MAX_MODULE_DEPTH || this.#inProgress.has(path)) return null;
    this.#inProgress.add(path);
    let record: ModuleRecord | null = null;
    try {
      record = this.#summarise(path, readTextOrThrow(path, { limit: MAX_MODULE_BYTES }), this, depth + 1);
      this.summarised++;
    } catch {
      // A module that cannot be read or parsed tells nothing: its importers' rules stay with what they know.
      record = null;
    } finally {
      this.#inProgress.delete(path);
    }
    this.#entries.set(path, { path, ...stat, record });
    return record;
  }

  /**
   * The project function a qualified name from `fromFile` names
   * (`utils.set_seeds`, `.data.load_splits`, `helpers.Trainer.fit`), or null
   * when no module of the project holds it. The longest module prefix wins.
   */
  function(fromFile: string, qname: string, depth = 0): FunctionRecord | null {
    if (qname.includes("(") || /^(?:npm:|node:|\/)/u.test(qname)) return null;
    const dots = /^\.*/u.exec(qname)![0].length;
    const parts = qname.slice(dots).split(".");
    for (let cut = parts.length - 1; cut >= (dots ? 0 : 1); cut--) {
      const module = ".".repeat(dots) + parts.slice(0, cut).join(".");
      const name = parts.slice(cut).join(".");
      if (name.includes(".") && name.split(".").length > 2) continue;
      const path = this.resolveModule(fromFile, module);
      if (!path) continue;
      const found = this.#inModule(path, name, depth, new Set());
      if (found) return found;
      return null;
    }
    return null;
  }

  /** A function of a module, or of the modules it star-imports (bounded: each module once). */
  #inModule(path: string, name: string, depth: number, seen: Set<string>): FunctionRecord | null {
    if (seen.has(path) || seen.size > 16) return null;
    seen.add(path);
    const record = this.moduleAt(path, depth);
    if (!record) return null;
    // A class of the module (`Net(128)`): calling it runs its `__init__`.
    const key = Object.hasOwn(record.functions, name) ? name : `${name}.__init__`;
    const fn = Object.hasOwn(record.functions, key) ? record.functions[key]! : null;
    if (fn) return fn;
    for (const star of record.stars) {
      const next = this.resolveModule(path, star);
      const found = next && this.#inModule(next, name, depth, seen);
      if (found) return found;
    }
    return null;
  }

  /** A name that `from <module> import *` in `fromFile` brings in, if the project's module defines it. */
  starFunction(fromFile: string, module: string, name: string, depth = 0): FunctionRecord | null {
    const path = this.resolveModule(fromFile, module);
    return path ? this.#inModule(path, name, depth, new Set()) : null;
  }

  /**
   * Scripts of the project (other than `fromFile`) that write the table file
   * `path` after fitting on all its rows, as their summaries record it. Paths
   * are compared after resolving against the project root and against each
   * script's own directory (the two usual working directories). Only scripts
   * whose text mentions the file's name are summarised. Files are given relative to the root.
   */
  tableWriters(fromFile: string, path: string): { file: string; line: number; what: string }[] {
    const from = resolve(fromFile);
    const root = this.rootOf(dirname(from));
    const want = new Set(placesOf(root, dirname(from), path));
    // Every script of a folder that reads `data.csv` asks the same question: the writers of a place are looked up
    // once per re-check period, as the script list is, instead of stat-ing every script of the project per file.
    const key = `${root}\0${[...want].join("\0")}`;
    const now = Date.now();
    const cached = this.#writers.get(key);
    const all = cached && now - cached.at < RECHECK_MS * 10 ? cached.found : this.#writersOf(root, want, basename(path));
    if (all !== cached?.found) this.#writers.set(key, { at: now, found: all });
    return all.filter((w) => w.path !== from).map(({ file, line, what }) => ({ file, line, what }));
  }

  #writers = new Map<string, { at: number; found: { path: string; file: string; line: number; what: string }[] }>();

  #writersOf(root: string, want: Set<string>, name: string): { path: string; file: string; line: number; what: string }[] {
    const out: { path: string; file: string; line: number; what: string }[] = [];
    for (const script of this.#scripts(root)) {
      if (!this.#mentions(script, name)) continue;
      for (const w of this.moduleAt(script)?.writes ?? []) {
        if (placesOf(root, dirname(script), w.path).some((p) => want.has(p)))
          out.push({ path: script, file: relative(root, script).split(sep).join("/"), line: w.line, what: w.what });
      }
    }
    return out;
  }

  #scriptLists = new Map<string, { at: number; files: string[] }>();
  #mentioned = new Map<string, boolean>();

  /** The project's Python files, walked once per root (bounded), skipping hidden, vendored and environment folders. */
  #scripts(root: string): string[] {
    const now = Date.now();
    const cached = this.#scriptLists.get(root);
    if (cached && now - cached.at < RECHECK_MS * 10) return cached.files;
    const files: string[] = [];
    const work: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
    while (work.length && files.length < MAX_SCRIPTS) {
      const { dir, depth } = work.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory() && depth < MAX_SCRIPT_DEPTH && !e.name.startsWith(".") && !SKIPPED_DIRS.has(e.name))
          work.push({ dir: join(dir, e.name), depth: depth + 1 });
        else if (e.isFile() && e.name.endsWith(".py")) files.push(join(dir, e.name));
      }
    }
    this.#scriptLists.set(root, { at: now, files });
    return files;
  }

  /**
   * The script's text names the file (its base name) and a method that writes
   * a table (`to_csv`), read once per file version: only such a script is
   * summarised to look for writers, where every script of a folder that reads
   * `train.csv` names it (on repository-shaped code this summarised most
   * scripts twice over, 70% of no-test-data-leakage's time).
   */
  #mentions(script: string, name: string): boolean {
    const stat = gate(script);
    if (!stat) return false;
    const key = `${script}\0${name}\0${stat.mtimeMs}\0${stat.size}`;
    let found = this.#mentioned.get(key);
    if (found === undefined) {
      try {
        const text = readTextOrThrow(script, { limit: MAX_MODULE_BYTES });
        found = text.includes(name) && TABLE_WRITE_METHODS.some((w) => text.includes(w.method));
      } catch {
        found = false;
      }
      this.#mentioned.set(key, found);
    }
    return found;
  }

  /** Everything summarised so far, for the CLI's workers. */
  exportEntries(): IndexEntry[] {
    return [...this.#entries.values()];
  }

  importEntries(entries: readonly IndexEntry[]): void {
    for (const e of entries) this.#entries.set(e.path, e);
  }

  /** True when a path lies inside the directory `root` (for tests and the CLI's scope checks). */
  static within(path: string, root: string): boolean {
    const r = resolve(root);
    const p = resolve(path);
    return p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  }
}

/** The one index of this thread: modules are keyed by absolute path, so one index serves every project root. */
export const projectIndex = new ProjectIndex();
