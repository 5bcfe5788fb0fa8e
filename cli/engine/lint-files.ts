import { resolve } from "node:path";
import type { ESLint } from "eslint";
import { readBytes, type ReadResult } from "../../io/read.js";
import { decodeBytes } from "../../parsers/shared/encoding.js";
import { kindOf } from "../discovery/files.js";

/**
 * A file's text for linting. Manifests are decoded as pip decodes them (a
 * UTF-16 requirements file, written by Windows PowerShell's `pip freeze >`,
 * included); code is read as UTF-8, as Python and Node read it.
 */
export function readSource(path: string): ReadResult {
  const r = readBytes(path);
  if (!r.ok) return r;
  const kind = kindOf(path);
  return { ok: true, text: kind === "requirements" || kind === null ? decodeBytes(r.bytes).text : r.bytes.toString("utf8"), realPath: r.realPath };
}

/**
 * Lint files one by one: read here, synchronously, and handed to `lintText`.
 * (`lintFiles` reads every file through a promise and a retry queue: about 6%
 * of a run on 3,000 files.) A file that cannot be read or whose parser or rule
 * throws costs only that file, with one message naming why. Without `--cache`
 * only: the cache lives in `lintFiles`.
 */
export async function lintEach(eslint: ESLint, files: string[]): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  for (const file of files) {
    const path = resolve(file);
    const read = readSource(path);
    if (!read.ok) {
      // Readable when the files were planned, so gone or changed since.
      results.push(fatalResult(path, read.message));
      continue;
    }
    try {
      results.push(...(await eslint.lintText(read.text, { filePath: path })));
    } catch (error) {
      results.push(crashResult(path, error));
    }
  }
  return results;
}

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
  return fatalResult(filePath, `exp-lint failed on this file (${text.split("\n").filter(Boolean).join("; ")}); please report it`);
}

function fatalResult(filePath: string, message: string): ESLint.LintResult {
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
