import { relative, sep } from "node:path";
import type { ESLint, Linter } from "eslint";
import plugin from "../plugin/index.js";
import { lintedConfig } from "./linted.js";
import type { PinSettings } from "../rules/pin-requirements.js";

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
}

export const SETTINGS_ENV = "EXP_LINT_ENGINE_SETTINGS";

/** The ESLint options both the main thread and every worker use. */
export function eslintOptions(settings: EngineSettings): ESLint.Options {
  const configs: Linter.Config[] = [...plugin.configs[settings.config]];
  if (settings.extraRequirements.length) {
    const base = configs.find((c) => c.language === "exp-lint/requirements");
    // Config globs are relative to ESLint's base path, with forward slashes.
    const files = settings.extraRequirements.map((f) => relative(settings.cwd, f).split(sep).join("/"));
    configs.push({ ...base, name: "exp-lint/cli/included-requirements", files });
  }
  if (settings.reportUnusedDisableDirectives) configs.push({ name: "exp-lint/cli/unused-directives", linterOptions: { reportUnusedDisableDirectives: "warn" } });
  // Always on, so the cache key does not depend on whether progress is shown.
  configs.push(lintedConfig);
  if (settings.pins) configs.push({ name: "exp-lint/cli/pins", settings: { "exp-lint": { ...settings.pins } } });
  return {
    ...(settings.fix ? { fix: true } : {}),
    cwd: settings.cwd,
    overrideConfigFile: true,
    overrideConfig: configs,
    concurrency: settings.concurrency,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: settings.cache,
    ...(settings.cacheLocation ? { cacheLocation: settings.cacheLocation } : {}),
  };
}
