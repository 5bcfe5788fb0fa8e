// Loaded by ESLint's worker threads (ESLint.fromOptionsModule): rebuilds the CLI's options from the environment.
import { engineOptions } from "./eslint-config.js";
import { SETTINGS_ENV, type EngineSettings } from "./eslint-options.js";

const raw = process.env[SETTINGS_ENV];
if (!raw) throw new Error(`${SETTINGS_ENV} is not set`);

const settings = JSON.parse(raw) as EngineSettings;
export default await engineOptions(settings);
