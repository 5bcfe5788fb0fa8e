export { ConfigError } from "./load.js";
export type { ProjectRules } from "./apply.js";
export { ConfigLookup, configForFile, rulesFor, type ConfigFlags, type ResolvedConfig } from "./lookup.js";
export { showSettings } from "./show-settings.js";
