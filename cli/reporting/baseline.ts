import { dirname, resolve } from "node:path";
import type { ESLint, Linter } from "eslint";
import { fingerprints, relativePath } from "./fingerprint.js";
import { redact } from "./format/redact.js";
import { readText } from "../../io/read.js";
import { writeAtomic, WriteRefused } from "../../io/write.js";

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

function entries(prints: ReturnType<typeof fingerprints>): BaselineEntry[] {
  return sortEntries(prints.flat().map((f) => ({ file: f.file, ruleId: f.ruleId, fingerprint: f.fingerprint, code: redact(f.code.slice(0, MAX_CODE)) })));
}

function readBaseline(path: string, shown: string): BaselineEntry[] | string {
  // Baselines hold one short entry per finding: the limit of any file read is far above any real one.
  const read = readText(path);
  if (!read.ok) return read.code === "ENOENT" ? `baseline ${shown} does not exist; create it with --update-baseline` : `baseline ${shown}: ${read.message}`;
  const raw = read.text;
  try {
    const data = JSON.parse(raw) as Partial<BaselineFile>;
    if (data.version !== 1 || !Array.isArray(data.findings)) throw new Error("expected { version: 1, findings: [...] }");
    return data.findings;
  } catch (error) {
    return `baseline ${shown} is not an exp-lint baseline: ${(error as Error).message}`;
  }
}

function counts(
  messages: Linter.LintMessage[],
): Pick<ESLint.LintResult, "errorCount" | "fatalErrorCount" | "warningCount" | "fixableErrorCount" | "fixableWarningCount"> {
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
export function applyBaseline(results: ESLint.LintResult[], opts: BaselineOptions, cwd: string, roots?: readonly string[]): BaselineOutcome {
  if (!opts.baseline) return { results, hidden: 0 };
  const path = resolve(cwd, opts.baseline);
  const root = dirname(path);
  // Computed once: each reads the files with findings again.
  const prints = fingerprints(results, root, roots);
  let wrote: string | undefined;
  let dropped = 0;
  if (opts.updateBaseline) {
    let now = entries(prints);
    // Files this run did not lint (a pre-commit run names a few) keep their entries; in the files it did, an entry
    // whose finding is gone (fixed, or the code removed) is dropped, and the count is reported.
    // The old baseline is read through the file gate; one missing or unreadable is replaced whole, as before.
    const before = readBaseline(path, opts.baseline);
    if (typeof before !== "string") {
      const linted = new Set(results.map((r) => relativePath(root, r.filePath)));
      const current = new Set(now.map(key));
      dropped = before.filter((e) => linted.has(e.file) && !current.has(key(e))).length;
      now = sortEntries([...before.filter((e) => !linted.has(e.file)), ...now]);
    }
    const text = `${JSON.stringify({ version: 1, findings: now } satisfies BaselineFile, null, 2)}\n`;
    try {
      writeAtomic(path, text, { create: true });
    } catch (error) {
      const why = error instanceof WriteRefused ? `${error.code}: ${error.message}` : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      return { error: `cannot write baseline ${opts.baseline} (${why})` };
    }
    wrote = opts.baseline;
  }
  const read = readBaseline(path, opts.baseline);
  if (typeof read === "string") return { error: read };
  const known = new Set(read.map(key));
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
