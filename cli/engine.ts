import { ESLint } from "eslint";
import { eslintOptions, SETTINGS_ENV, type EngineSettings } from "./eslint-options.js";
import type { Plan } from "./files.js";
import { ConfigError } from "./config/index.js";
import { loadEslintConfig } from "./config/eslint-config.js";

// Worker threads cost a start-up each (ESLint and tree-sitter load); below this many files one thread wins.
const MIN_FILES_PER_WORKER = 150;

export function chooseConcurrency(requested: string | undefined, files: number, cores: number): number | "off" {
  if (requested === "off") return "off";
  if (requested && requested !== "auto") {
    const n = Number.parseInt(requested, 10);
    return Number.isFinite(n) && n > 1 ? n : "off";
  }
  const n = Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
  return n > 1 ? n : "off";
}

/** Lint the planned files with ESLint, on worker threads when it pays. */
export async function lint(plan: Plan, settings: EngineSettings): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  let eslint: ESLint;
  if (settings.concurrency === "off") {
    eslint = new ESLint(eslintOptions(settings, settings.eslintConfigFile ? await loadEslintConfig(settings.eslintConfigFile) : []));
  } else {
    process.env[SETTINGS_ENV] = JSON.stringify(settings);
    eslint = await ESLint.fromOptionsModule(new URL("./options-module.js", import.meta.url));
  }
  const files = plan.targets.map((t) => t.path);
  // Check a named ESLint config up front, so a broken one is a configuration error and not a crash.
  if (settings.eslintConfigFile && files.length) {
    try {
      await eslint.calculateConfigForFile(files[0]!);
    } catch (error) {
      throw new ConfigError(`--eslint-config ${settings.eslintConfigFile}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const results = files.length ? await eslint.lintFiles(files) : [];
  return { eslint, results };
}
