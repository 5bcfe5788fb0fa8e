import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ESLint, Linter } from "eslint";
import { fingerprints, relativePath } from "./fingerprint.js";
import { writeFileAtomic } from "./write.js";

/**
 * `--baseline FILE`: findings recorded in FILE are hidden, so a legacy repository
 * can turn the gate on and fail only on new mistakes. `--update-baseline` records
 * the current findings. Paths are relative to the baseline's folder, so the file
 * is the same whichever folder the CI runs from, and holds no absolute path.
 */

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** The reported line, for a reviewer reading the file; matching uses the fingerprint alone. */
  code: string;
}

interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineOptions {
  baseline?: string;
  updateBaseline: boolean;
}

export type BaselineOutcome = { results: ESLint.LintResult[]; hidden: number; wrote?: string; dropped?: number } | { error: string };

/** A usage problem with the baseline options, before anything is linted. */
export function baselineUsageError(opts: BaselineOptions): string | null {
  return opts.updateBaseline && !opts.baseline ? "--update-baseline needs --baseline FILE to know where to write" : null;
}

const MAX_CODE = 160;

const key = (f: { file: string; fingerprint: string }) => `${f.file}\0${f.fingerprint}`;

function sortEntries(out: BaselineEntry[]): BaselineEntry[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Sorted by code points, not locale, so the file is byte-identical on every machine.
  return out.sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
}

function entries(results: ESLint.LintResult[], root: string): BaselineEntry[] {
  return sortEntries(fingerprints(results, root).flat().map((f) => ({ file: f.file, ruleId: f.ruleId, fingerprint: f.fingerprint, code: f.code.slice(0, MAX_CODE) })));
}

function readBaseline(path: string, shown: string): BaselineEntry[] | string {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `baseline ${shown} does not exist; create it with --update-baseline` : `cannot read baseline ${shown} (${code ?? (error as Error).message})`;
  }
  try {
    const data = JSON.parse(raw) as Partial<BaselineFile>;
    if (data.version !== 1 || !Array.isArray(data.findings)) throw new Error("expected { version: 1, findings: [...] }");
    return data.findings;
  } catch (error) {
    return `baseline ${shown} is not an exp-lint baseline: ${(error as Error).message}`;
  }
}

function counts(messages: Linter.LintMessage[]): Pick<ESLint.LintResult, "errorCount" | "fatalErrorCount" | "warningCount" | "fixableErrorCount" | "fixableWarningCount"> {
  const errors = messages.filter((m) => m.severity === 2);
  const warnings = messages.filter((m) => m.severity === 1);
  return {
    errorCount: errors.length,
    fatalErrorCount: errors.filter((m) => m.fatal).length,
    warningCount: warnings.length,
    fixableErrorCount: errors.filter((m) => m.fix).length,
    fixableWarningCount: warnings.filter((m) => m.fix).length,
  };
}

/** Write the baseline when asked, then drop every finding it records. */
export function applyBaseline(results: ESLint.LintResult[], opts: BaselineOptions, cwd: string): BaselineOutcome {
  if (!opts.baseline) return { results, hidden: 0 };
  const path = resolve(cwd, opts.baseline);
  const root = dirname(path);
  let wrote: string | undefined;
  let dropped = 0;
  if (opts.updateBaseline) {
    let now = entries(results, root);
    // Files this run did not lint (a pre-commit run names a few) keep their entries; in the files it did, an entry
    // whose finding is gone (fixed, or the code removed) is dropped, and the count is reported.
    const before = existsSync(path) ? readBaseline(path, opts.baseline) : [];
    if (typeof before !== "string") {
      const linted = new Set(results.map((r) => relativePath(root, r.filePath)));
      const current = new Set(now.map(key));
      dropped = before.filter((e) => linted.has(e.file) && !current.has(key(e))).length;
      now = sortEntries([...before.filter((e) => !linted.has(e.file)), ...now]);
    }
    const text = `${JSON.stringify({ version: 1, findings: now } satisfies BaselineFile, null, 2)}\n`;
    try {
      if (existsSync(path)) writeFileAtomic(path, text);
      else writeFileSync(path, text);
    } catch (error) {
      return { error: `cannot write baseline ${opts.baseline} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    wrote = opts.baseline;
  }
  const read = readBaseline(path, opts.baseline);
  if (typeof read === "string") return { error: read };
  const known = new Set(read.map(key));
  const prints = fingerprints(results, root);
  let hidden = 0;
  const kept = results.map((r, i) => {
    if (!r.messages.length) return r;
    const messages = r.messages.filter((m, k) => {
      const f = prints[i]![k]!;
      const isKnown = known.has(`${f.file}\0${f.fingerprint}`);
      if (isKnown) hidden++;
      return !isKnown;
    });
    return messages.length === r.messages.length ? r : { ...r, messages, ...counts(messages) };
  });
  return { results: kept, hidden, ...(wrote ? { wrote, dropped } : {}) };
}
