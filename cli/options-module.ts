// Loaded by ESLint's worker threads (ESLint.fromOptionsModule): rebuilds the CLI's options from the environment.
import { loadEslintConfig } from "./config/eslint-config.js";
import { eslintOptions, SETTINGS_ENV, type EngineSettings } from "./eslint-options.js";

const raw = process.env[SETTINGS_ENV];
if (!raw) throw new Error(`${SETTINGS_ENV} is not set`);

const settings = JSON.parse(raw) as EngineSettings;
export default eslintOptions(settings, settings.eslintConfigFile ? await loadEslintConfig(settings.eslintConfigFile) : []);
