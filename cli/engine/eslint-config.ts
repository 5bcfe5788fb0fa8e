import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { eslintOptions, type EngineSettings } from "./eslint-options.js";
import { projectIndex } from "../../semantic/project.js";
import { ConfigError } from "../config/load.js";

/**
 * The flat config named with `--eslint-config`, imported by exp-lint itself rather than by ESLint, so
 * it sits between the shipped configs and exp-lint.toml: it can turn exp-lint rules off, and the TOML file still wins.
 * This runs the file: it is only ever a file the user named.
 */
export async function loadEslintConfig(file: string): Promise<Linter.Config[]> {
  if (!existsSync(file)) throw new ConfigError(`--eslint-config ${file}: no such file`);
  let exported: unknown;
  try {
    exported = await ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError(`--eslint-config ${file}: ${(error as Error).message.split("\n")[0]}`);
  }
  if (exported === undefined) throw new ConfigError(`--eslint-config ${file}: no default export (export default [ ...config objects ])`);
  return [exported].flat(Infinity) as Linter.Config[];
}

/** ESLint's options for these settings, with the `--eslint-config` file's configs when one is named. */
export async function engineOptions(settings: EngineSettings): Promise<ESLint.Options> {
  // A lint worker starts with the project index the CLI built: each module of the project is parsed once per run.
  if (settings.projectIndex) projectIndex.importEntries(settings.projectIndex);
  return eslintOptions(settings, settings.eslintConfigFile ? await loadEslintConfig(settings.eslintConfigFile) : []);
}

/** Configure one file with a named ESLint config up front, so a broken one is a configuration error and not a crash. */
export async function checkEslintConfig(settings: EngineSettings, probe: string): Promise<void> {
  try {
    await new ESLint(await engineOptions({ ...settings, concurrency: "off" })).calculateConfigForFile(probe);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // ESLint puts what is wrong with a rule's options on the lines after "Key "rules": Key "<rule>":".
    const message = (error as Error).message
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join(" ");
    throw new ConfigError(`--eslint-config ${settings.eslintConfigFile}: ${message}`);
  }
}
