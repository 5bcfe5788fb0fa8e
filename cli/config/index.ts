export { ConfigError } from "./load.js";
export type { ProjectRules } from "./apply.js";
export { ConfigLookup, configForFile, rulesFor, type ConfigFlags, type ResolvedConfig } from "./lookup.js";
export { showSettings } from "./show-settings.js";

import type { ProjectRules, ProjectScope } from "./apply.js";
import { configForFile, rulesFor, type ConfigFlags } from "./lookup.js";

/** What one file's configuration asks of the engine and of discovery: the language server's view of it. */
export interface ProjectSettings {
  strict: boolean;
  /** Absent when no configuration file applies: the shipped configs are used as they are. */
  rules?: ProjectRules;
  scope?: ProjectScope;
  /** The configuration file that applies, if any. */
  file: string | null;
}

/** The settings for one file, found as the CLI finds them for it (nearest configuration, extend, flags). Throws ConfigError. */
export function settingsForFile(file: string, cwd: string, flags: ConfigFlags = {}): ProjectSettings {
  const resolved = configForFile(file, cwd, flags);
  const rules = rulesFor(resolved, resolved.strict);
  return { strict: resolved.strict, file: resolved.file, ...(rules ? { rules } : {}), ...(resolved.scope ? { scope: resolved.scope } : {}) };
}
