import { dirname, join, resolve } from "node:path";
import { projectScope, resolveRules, type ProjectRules, type ProjectScope } from "./apply.js";
import { configIn, ConfigError, findConfig, isRepositoryRoot, readNamedConfig, type RawConfig } from "./load.js";
import { emptyConfig, validateConfig, type ProjectConfig } from "./validate.js";

/** What the command line says about configuration. */
export interface ConfigFlags {
  /** `--config FILE`, or false for `--no-config`. */
  config?: string | false;
  isolated?: boolean;
  /** `--strict` / `--no-strict`; unset leaves it to the file. */
  strict?: boolean;
  /** `--select`, `--extend-select`, `--ignore`: applied after every file, as Ruff does. */
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
}

/** The settings that apply to one file, and where each came from. */
export interface ResolvedConfig {
  /** The configuration file that applies (the nearest, or `--config`), or null when none does. */
  file: string | null;
  /** The files read, the extended base first and `file` last. */
  chain: string[];
  /** The settings, merged along the chain and with the command line's rule selection on top. */
  config: ProjectConfig | null;
  /** For each key set, the file that set it (or "command line"). */
  sources: Record<string, string>;
  strict: boolean;
  scope?: ProjectScope;
}

const COMMAND_LINE = "command line";
const MAX_EXTENDS = 32;

/** `base` with `over` on top, as Ruff combines an `extend`ed file: rule selections run in order, tables merge, lists replace. */
function combine(base: ProjectConfig, over: ProjectConfig, sources: Record<string, string>, label: string, keys: Iterable<string>): ProjectConfig {
  const out: ProjectConfig = { ...base, path: over.path, dir: over.dir, severity: { ...base.severity }, ruleOptions: { ...base.ruleOptions } };
  const extend = new Set(base.extendSelect);
  const ignore = new Set(base.ignore);
  if (over.select) {
    out.select = over.select;
    extend.clear();
    ignore.clear();
  }
  for (const id of over.extendSelect) {
    extend.add(id);
    ignore.delete(id);
  }
  for (const id of over.ignore) {
    ignore.add(id);
    extend.delete(id);
  }
  out.extendSelect = [...extend];
  out.ignore = [...ignore];
  Object.assign(out.severity, over.severity);
  for (const [id, options] of Object.entries(over.ruleOptions)) out.ruleOptions[id] = { ...out.ruleOptions[id], ...options };
  if (over.perFileIgnores.length) out.perFileIgnores = over.perFileIgnores;
  if (over.include) out.include = over.include;
  if (over.exclude) out.exclude = over.exclude;
  out.extendExclude = [...base.extendExclude, ...over.extendExclude];
  if (over.strict !== undefined) out.strict = over.strict;
  for (const key of keys) sources[key] = label;
  return out;
}

/** The keys a raw table sets, as show-settings names them (`severity.require-seed`, `rules.require-seed`). */
function keysOf(table: Record<string, unknown>): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    key === "extend"
      ? []
      : (key === "severity" || key === "rules") && value && typeof value === "object"
        ? Object.keys(value).map((k) => `${key}.${k.replace(/^exp-lint\//u, "")}`)
        : [key],
  );
}

/**
 * Finds the configuration for each file as Ruff does: the nearest exp-lint.toml, or pyproject.toml with a
 * `[tool.exp-lint]` table, in the file's folder or above, up to the repository root; a file with none takes
 * the one found from the working directory. `--config` names one file for every file. Lookups are cached
 * by folder, so a run reads each configuration file once. The language server calls this too.
 */
export class ConfigLookup {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  private readonly cli: ProjectConfig | null;
  private readonly cliKeys: string[];
  private rootConfig: ResolvedConfig | undefined;

  constructor(
    readonly cwd: string,
    readonly flags: ConfigFlags = {},
  ) {
    const table: Record<string, unknown> = {};
    if (flags.select) table.select = flags.select;
    if (flags.extendSelect?.length) table["extend-select"] = flags.extendSelect;
    if (flags.ignore?.length) table.ignore = flags.ignore;
    this.cliKeys = Object.keys(table);
    this.cli = this.cliKeys.length ? validateConfig({ path: join(cwd, COMMAND_LINE), label: COMMAND_LINE, section: "", table }) : null;
  }

  private get searching(): boolean {
    return this.flags.config !== false && !this.flags.isolated && !this.flags.config;
  }

  /** The configuration found from the working directory (or `--config`): what a file with none of its own takes. */
  get root(): ResolvedConfig {
    this.rootConfig ??= this.resolveFrom(this.flags.config === false || this.flags.isolated ? null : findConfig(this.cwd, this.flags.config || undefined));
    return this.rootConfig;
  }

  /** The settings that apply to `file` (an absolute path, or one relative to the working directory). */
  forFile(file: string): ResolvedConfig {
    if (!this.searching) return this.root;
    return this.forDir(dirname(resolve(this.cwd, file)));
  }

  private forDir(dir: string): ResolvedConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const found = configIn(dir, this.cwd);
    const parent = dirname(dir);
    const resolved = found ? this.resolveFrom(found) : isRepositoryRoot(dir) || parent === dir ? this.root : this.forDir(parent);
    this.byDir.set(dir, resolved);
    return resolved;
  }

  /** Validate a file and the files it extends, and merge them; one result per file, so files group by identity. */
  private resolveFrom(raw: RawConfig | null): ResolvedConfig {
    const cached = raw && this.byFile.get(raw.path);
    if (cached) return cached;
    const chain: { raw: RawConfig; config: ProjectConfig }[] = [];
    for (let at = raw; at; ) {
      if (chain.some((c) => c.raw.path === at!.path))
        throw new ConfigError(`${at.label}: "extend" makes a loop (${[...chain.map((c) => c.raw.label), at.label].join(" -> ")})`);
      if (chain.length >= MAX_EXTENDS) throw new ConfigError(`${at.label}: more than ${MAX_EXTENDS} files extend each other`);
      const config = validateConfig(at);
      chain.unshift({ raw: at, config });
      at = config.extend ? readNamedConfig(resolve(config.dir, config.extend), this.cwd, `${at.label}: "extend" ${config.extend}`) : null;
    }
    const sources: Record<string, string> = {};
    let merged: ProjectConfig | null = null;
    for (const { raw: r, config } of chain) merged = combine(merged ?? emptyConfig(config.path), config, sources, r.label, keysOf(r.table));
    if (this.cli) merged = combine(merged ?? emptyConfig(this.cli.path), this.cli, sources, COMMAND_LINE, this.cliKeys);
    if (merged && chain.length) {
      merged.path = chain.at(-1)!.config.path;
      merged.dir = chain.at(-1)!.config.dir;
    }
    const strict = this.flags.strict ?? merged?.strict ?? false;
    if (this.flags.strict !== undefined) sources.strict = COMMAND_LINE;
    const resolved: ResolvedConfig = {
      file: raw?.path ?? null,
      chain: chain.map((c) => c.raw.path),
      config: merged,
      sources,
      strict,
      ...(merged ? { scope: projectScope(merged) } : {}),
    };
    if (raw) this.byFile.set(raw.path, resolved);
    return resolved;
  }
}

/** The ESLint rule blocks for a resolved configuration, when the run's shipped base is `baseStrict`; undefined when nothing is configured. */
export function rulesFor(resolved: ResolvedConfig, baseStrict: boolean): ProjectRules | undefined {
  if (!resolved.config) return resolved.strict === baseStrict ? undefined : resolveRules(emptyConfig("/"), resolved.strict, baseStrict);
  return resolveRules(resolved.config, resolved.strict, baseStrict);
}

/** One-shot lookup for one file: what applies to it, run from `cwd` with these flags. */
export function configForFile(file: string, cwd: string, flags: ConfigFlags = {}): ResolvedConfig {
  return new ConfigLookup(cwd, flags).forFile(file);
}
