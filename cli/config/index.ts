import { resolveRules, projectScope, type ProjectRules, type ProjectScope } from "./apply.js";
import { findConfig } from "./load.js";
import { validateConfig } from "./validate.js";

export { ConfigError } from "./load.js";
export type { ProjectRules } from "./apply.js";

export interface ConfigFlags {
  /** `--config FILE`, or false for `--no-config`. */
  config?: string | false;
  isolated?: boolean;
  /** `--strict` / `--no-strict`; unset leaves it to the file. */
  strict?: boolean;
}

export interface ProjectSettings {
  strict: boolean;
  /** Absent when no configuration file applies: the shipped configs are used as they are. */
  rules?: ProjectRules;
  scope?: ProjectScope;
}

/** Find, read and validate the project's configuration; command-line flags win over it. Throws ConfigError. */
export function projectSettings(cwd: string, flags: ConfigFlags): ProjectSettings {
  const raw = flags.config === false || flags.isolated ? null : findConfig(cwd, flags.config);
  if (!raw) return { strict: flags.strict ?? false };
  const config = validateConfig(raw);
  const strict = flags.strict ?? config.strict ?? false;
  return { strict, rules: resolveRules(config, strict), scope: projectScope(config) };
}
