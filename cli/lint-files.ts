import type { ESLint } from "eslint";

/**
 * `eslint.lintFiles`, but one file whose parser or rule throws costs only that
 * file: ESLint rejects the whole batch, so the batch is re-linted one by one and
 * the culprit gets one message naming what failed.
 */
export async function lintFilesResilient(eslint: ESLint, files: string[]): Promise<ESLint.LintResult[]> {
  if (!files.length) return [];
  try {
    return await eslint.lintFiles(files);
  } catch {
    const results: ESLint.LintResult[] = [];
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (error) {
        results.push(crashResult(file, error));
      }
    }
    return results;
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
