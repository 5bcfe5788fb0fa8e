import { ESLint } from "eslint";
import { checkEslintConfig, engineOptions } from "./eslint-config.js";
import { SETTINGS_ENV, type EngineSettings } from "./eslint-options.js";
import type { Plan } from "../discovery/files.js";
import { lintEach, lintFilesResilient } from "./lint-files.js";
import { lintInPool } from "./pool.js";
import { buildProjectIndex } from "../discovery/project-index.js";
import { tuneTiering } from "./v8-flags.js";

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

/** Lint text from standard input as the file `path` (`--stdin-filename`); the file itself is never read. */
export async function lintStdin(text: string, path: string, settings: EngineSettings): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  if (settings.eslintConfigFile) await checkEslintConfig(settings, path);
  const eslint = new ESLint(await engineOptions({ ...settings, concurrency: "off" }));
  return { eslint, results: await eslint.lintText(text, { filePath: path, warnIgnored: true }) };
}

/** Lint the planned files with ESLint, on worker threads when it pays. */
export async function lint(plan: Plan, settings: EngineSettings): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  const files = plan.targets.map((t) => t.path);
  if (settings.eslintConfigFile && files.length) await checkEslintConfig(settings, files[0]!);
  if (settings.concurrency === "off" || files.length === 0) {
    const eslint = new ESLint(await engineOptions({ ...settings, concurrency: "off" }));
    // ESLint builds and validates the config on the first file; done here, the timing (cli/timing.ts) tells it
    // apart from linting. ESLint keeps the result, so the lint below does not repeat it.
    if (files.length) await eslint.calculateConfigForFile(files[0]!).catch(() => undefined);
    performance.mark("exp-lint:config:end", { detail: process.cpuUsage() });
    return { eslint, results: await (settings.cache ? lintFilesResilient(eslint, files) : lintEach(eslint, files)) };
  }
  // Before any lint worker starts: each one compiles the same code again.
  tuneTiering();
  // The modules of the project that the scanned files import, summarised once here and handed to every worker.
  const threads = settings.concurrency;
  settings = { ...settings, projectIndex: buildProjectIndex(plan.targets) };
  if (settings.cache) {
    // ESLint's own workers share one cache file between threads.
    process.env[SETTINGS_ENV] = JSON.stringify(settings);
    const eslint = await ESLint.fromOptionsModule(new URL("./options-module.js", import.meta.url));
    return { eslint, results: await lintFilesResilient(eslint, files) };
  }
  const eslint = new ESLint(await engineOptions({ ...settings, concurrency: "off" }));
  return { eslint, results: await lintInPool(files, threads, settings, eslint) };
}
