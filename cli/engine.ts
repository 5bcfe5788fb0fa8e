import { ESLint } from "eslint";
import { eslintOptions, SETTINGS_ENV, type EngineSettings } from "./eslint-options.js";
import type { Plan } from "./files.js";

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
    eslint = new ESLint(eslintOptions(settings));
  } else {
    process.env[SETTINGS_ENV] = JSON.stringify(settings);
    eslint = await ESLint.fromOptionsModule(new URL("./options-module.js", import.meta.url));
  }
  const files = plan.targets.map((t) => t.path);
  if (!files.length) return { eslint, results: [] };
  try {
    return { eslint, results: await eslint.lintFiles(files) };
  } catch {
    // ESLint rejects the whole batch when one file makes a parser or rule throw. Lint them one by one
    // so that file gets one message naming what failed and every other file is still linted.
    const results: ESLint.LintResult[] = [];
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (error) {
        results.push(crashResult(file, error));
      }
    }
    return { eslint, results };
  }
}

/** One fatal message for a file whose lint threw: ESLint's first line names the error, the rule and the line. */
export function crashResult(filePath: string, error: unknown): ESLint.LintResult {
  const text = error instanceof Error ? error.message : String(error);
  const message = `exp-lint failed on this file (${text.split("\n").filter(Boolean).join("; ")}); please report it`;
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
