import type { Linter } from "eslint";
import { defaultSeverity, FILES, LANGUAGE_IDS, type Language } from "../../plugin/configs.js";
import type { ExpLintDocs } from "../../rules/util/create-rule.js";
import { rules } from "../../rules/index.js";
import { DEFAULT_IGNORES } from "../discovery/files.js";
import { globsMatcher, pathMatcher } from "./globs.js";
import type { ProjectConfig } from "./validate.js";

/** What a project configuration asks of ESLint, as plain JSON so worker threads get the same. */
export interface ProjectRules {
  /** One rules block per language: every exp-lint rule of that language, on or off. */
  configs: Linter.Config[];
  /** Rules turned off for the files a glob (relative to `dir`) matches. */
  perFileIgnores: { dir: string; pattern: string; rules: string[] }[];
  /**
   * The files this configuration governs, when a run has several (hierarchical configuration): its blocks
   * then apply to these files only. Absent when one configuration governs the whole run.
   */
  only?: string[];
}

/** What a project configuration asks of file discovery. */
export interface ProjectScope {
  ignores: readonly string[];
  keep: (path: string) => boolean;
}

const docsOf = (id: string) => (rules[id as keyof typeof rules].meta.docs ?? {}) as Partial<ExpLintDocs>;
const languagesOf = (id: string) => (rules[id as keyof typeof rules].meta as { languages?: string[] }).languages ?? [];

/** The rules a configuration turns on, with their severity and options, on top of the run's shipped config (strict when `baseStrict`). */
export function resolveRules(config: ProjectConfig, strict: boolean, baseStrict = strict): ProjectRules {
  const all = Object.keys(rules);
  const selected = new Set(config.select ?? all.filter((id) => strict || docsOf(id).recommended));
  for (const id of config.extendSelect) selected.add(id);
  for (const id of config.ignore) selected.delete(id);
  for (const [id, level] of Object.entries(config.severity)) if (level === "off") selected.delete(id);
  const entry = (id: string, on: boolean, severity: string, options: object): string => {
    if (!on) return JSON.stringify("off");
    return JSON.stringify(Object.keys(options).length ? [severity, options] : severity);
  };
  // Only the rules the file names (all of them with `select`) or changes, so an --eslint-config file's own choices stand for the rest.
  const named = new Set(config.select ? all : [...config.extendSelect, ...config.ignore, ...Object.keys(config.severity), ...Object.keys(config.ruleOptions)]);
  const changed = all.flatMap((id) => {
    const strictOptions = strict ? docsOf(id).strictOptions : {};
    const shipped = entry(id, baseStrict || docsOf(id).recommended === true, defaultSeverity(id), { ...(baseStrict ? docsOf(id).strictOptions : {}) });
    const wanted = entry(id, selected.has(id), config.severity[id] ?? defaultSeverity(id), { ...strictOptions, ...config.ruleOptions[id] });
    return wanted === shipped && !named.has(id) ? [] : [[id, JSON.parse(wanted) as Linter.RuleEntry] as const];
  });
  const configs = (Object.keys(FILES) as Language[]).map((language) => ({
    name: `exp-lint/project-config/${language}`,
    files: [...FILES[language]],
    rules: Object.fromEntries(changed.filter(([id]) => languagesOf(id).includes(LANGUAGE_IDS[language])).map(([id, e]) => [`exp-lint/${id}`, e])),
  }));
  const perFileIgnores = config.perFileIgnores.map(({ dir, pattern, rules: ids }) => ({ dir, pattern, rules: ids.map((id) => `exp-lint/${id}`) }));
  return { configs, perFileIgnores };
}

/** A notebook's code cells reach ESLint as `<notebook>.ipynb/<n>.py`: they belong to the notebook. */
const physical = (path: string) => path.replace(/(\.ipynb)[\\/][^\\/]*$/u, "$1");

/**
 * ESLint config blocks for a project configuration: its rules and per-file ignores, limited to the files it
 * governs when the run has several. Built where ESLint runs, since matchers are functions.
 */
export function projectConfigs(project: ProjectRules): Linter.Config[] {
  const only = project.only ? new Set(project.only) : null;
  // ESLint's config arrays take matcher functions in `files` (a nested array means "all of these"); its types only list strings.
  const governed = only ? (((path: string) => only.has(physical(path))) as unknown as string) : null;
  const scoped = (files: string[]) => (governed ? files.map((f) => [f, governed] as unknown as string) : files);
  const rules = project.configs.map((c) => ({ ...c, files: scoped((c.files ?? []) as string[]) }));
  const ignores = project.perFileIgnores.map(({ dir, pattern, rules: ids }) => ({
    name: `exp-lint/project-config/per-file-ignores/${pattern}`,
    files: governed ? [[pathMatcher(dir, [pattern]), governed] as unknown as string] : [pathMatcher(dir, [pattern]) as unknown as string],
    rules: Object.fromEntries(ids.map((id) => [id, "off" as const])),
  }));
  return [...rules, ...ignores];
}

/** Which files a configuration lints: `exclude` replaces the default skip list, as in Ruff; `include` narrows. */
export function projectScope(config: ProjectConfig): ProjectScope {
  const excluded = globsMatcher([...(config.exclude ?? []), ...config.extendExclude]);
  const included = config.include ? globsMatcher(config.include) : () => true;
  return { ignores: config.exclude ? [] : DEFAULT_IGNORES, keep: (path) => included(path) && !excluded(path) };
}
