import type { ESLint, Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { lintedConfig } from "./linted.js";
import type { PinSettings } from "../../rules/pin-requirements.js";
import type { IndexEntry } from "../../semantic/project.js";
import { projectConfigs, type ProjectRules } from "../config/apply.js";

/** What the CLI decided, in plain JSON so worker threads can rebuild the same options. */
export interface EngineSettings {
  cwd: string;
  /** Requirements files whose names the configs' globs do not match (pulled in with -r/-c). */
  extraRequirements: string[];
  concurrency: number | "off";
  config: "recommended" | "strict";
  cache: boolean;
  cacheLocation?: string;
  /** Report `eslint-disable` / `noqa` comments that silence nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Apply fixes (`--fix`); the CLI writes the fixed files itself. */
  fix?: boolean;
  /** Exact versions for `pin-requirements` fixes, from `--pin-from`, lock files or a virtual environment. */
  pins?: PinSettings;
  /** Rules from exp-lint.toml or `[tool.exp-lint]`, applied on top of the shipped config: one per configuration file in play. */
  projects?: ProjectRules[];
  /** The project index built once by the CLI (cli/discovery/project-index.ts), for the lint workers. */
  projectIndex?: IndexEntry[];
  /** `--eslint-config FILE`: the only flat config file that is loaded (cli/engine/eslint-config.ts); the scanned repository's own never is. */
  eslintConfigFile?: string;
}

export const SETTINGS_ENV = "EXP_LINT_ENGINE_SETTINGS";

/** The ESLint options both the main thread and every worker use; `userConfigs` come from `--eslint-config`. */
export function eslintOptions(settings: EngineSettings, userConfigs: Linter.Config[] = []): ESLint.Options {
  const configs: Linter.Config[] = [...plugin.configs[settings.config]];
  // Matched by exact path, not as globs: an include may be named `**` or `[abc].txt`.
  const includedSet = new Set(settings.extraRequirements);
  const included = includedSet.size ? [((path: string) => includedSet.has(path)) as unknown as string] : [];
  if (included.length) {
    const base = configs.find((c) => c.language === "exp-lint/requirements");
    configs.push({ ...base, name: "exp-lint/cli/included-requirements", files: included });
  }
  configs.push(...userConfigs);
  if (settings.reportUnusedDisableDirectives)
    configs.push({ name: "exp-lint/cli/unused-directives", linterOptions: { reportUnusedDisableDirectives: "warn" } });
  for (const project of settings.projects ?? []) {
    const requirements = project.configs.find((c) => c.name?.endsWith("/requirements"));
    const extra = included.length ? [{ ...requirements, name: "exp-lint/project-config/included-requirements", files: included }] : [];
    configs.push(...projectConfigs({ ...project, configs: [...project.configs, ...extra] }));
  }
  // Always on, so the cache key does not depend on whether progress is shown.
  configs.push(lintedConfig);
  if (settings.pins) configs.push({ name: "exp-lint/cli/pins", settings: { "exp-lint": { ...settings.pins } } });
  return {
    ...(settings.fix ? { fix: true } : {}),
    cwd: settings.cwd,
    // ESLint would search for an eslint.config.js and run it: a scanned repository's code never is.
    overrideConfigFile: true,
    overrideConfig: configs,
    concurrency: settings.concurrency,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: settings.cache,
    ...(settings.cacheLocation ? { cacheLocation: settings.cacheLocation } : {}),
  };
}
