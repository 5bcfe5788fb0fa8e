// One lint run: plan the files, lint them, fix, apply the baseline, report, and choose the exit code.
import { lstatSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve, sep } from "node:path";
import { Chalk } from "chalk";
import { ESLint } from "eslint";
import { checkFile, realRoots } from "../../io/read.js";
import { writeAtomic, WriteRefused } from "../../io/write.js";
import { rulesFor, type ConfigLookup, type ProjectRules, type ResolvedConfig } from "../config/index.js";
import { DEFAULT_IGNORES, kindOf, plan, type Plan, type Skipped } from "../discovery/files.js";
import { chooseConcurrency, lint, lintStdin } from "../engine/lint.js";
import { applyFixes } from "../fixing/apply-fixes.js";
import { applySuggestions } from "../fixing/suggestions.js";
import { rules } from "../../rules/index.js";
import { changeLines, fixSummary, unifiedDiff } from "../fixing/fix-report.js";
import { collectPins } from "../fixing/pins.js";
import { EXIT, type Io } from "../host.js";
import { applyBaseline, baselineUsageError } from "../reporting/baseline.js";
import { redact } from "../reporting/format/redact.js";
import { watchRun } from "../reporting/progress.js";
import { colorLevel, report } from "../reporting/report.js";
import { CACHE_FILE, type CliOptions } from "./options.js";

function commonAncestor(dirs: string[]): string {
  let common = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

function skippedResult(s: Skipped): ESLint.LintResult {
  const fatal = s.severity === 2;
  return {
    filePath: s.path,
    messages: [
      fatal
        ? { ruleId: null, fatal: true, severity: 2, message: s.message, line: 1, column: 1 }
        : { ruleId: null, severity: 1, message: s.message, line: 1, column: 1 },
    ],
    suppressedMessages: [],
    errorCount: fatal ? 1 : 0,
    fatalErrorCount: fatal ? 1 : 0,
    warningCount: fatal ? 0 : 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

// ESLint's cache holds a few hundred bytes per file.
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Why the cache file must not be used, or null. */
function unsafeCache(location: string): string | null {
  const st = lstatSync(location, { throwIfNoEntry: false });
  if (!st || st.isDirectory()) return null;
  if (st.isSymbolicLink()) return `${location} is a symbolic link; exp-lint neither reads nor writes through links`;
  const r = checkFile(location, { limit: MAX_CACHE_BYTES });
  return r.ok ? null : `${location}: ${r.message}`;
}

/** The project configuration of each planned file, as ESLint blocks: one set when one file governs them all. */
function projectRules(targets: string[], lookup: ConfigLookup, baseStrict: boolean): ProjectRules[] {
  const groups = new Map<ResolvedConfig, string[]>();
  for (const t of targets) {
    const r = lookup.forFile(t);
    groups.set(r, [...(groups.get(r) ?? []), t]);
  }
  const sets = [...groups].map(([r, files]) => ({ rules: rulesFor(r, baseStrict), files }));
  if (sets.length === 1) return sets[0]!.rules ? [sets[0]!.rules] : [];
  return sets.flatMap(({ rules, files }) => (rules ? [{ ...rules, only: files }] : []));
}

/** `--fix-suggestions <rule>`: the id ESLint reports (`exp-lint/require-run-context`), or an error naming the rules that have suggestions. */
function suggestionRule(name: string): { id: string } | { error: string } {
  const bare = name.replace(/^exp-lint\//u, "");
  const offering = Object.entries(rules as unknown as Record<string, { meta: { hasSuggestions?: boolean } }>)
    .filter(([, r]) => r.meta.hasSuggestions)
    .map(([id]) => id);
  if (offering.includes(bare)) return { id: `exp-lint/${bare}` };
  return { error: `--fix-suggestions: ${name} is not a rule with suggestions; these have them: ${offering.sort().join(", ")}` };
}

export interface RunResult {
  code: number;
  /** The files linted, for --watch. */
  planned?: Plan;
}

export async function runLint(paths: string[], opts: CliOptions, io: Io, lookup: ConfigLookup): Promise<RunResult> {
  const env = io.env ?? process.env;
  const chalk = new Chalk({ level: opts.outputFile ? 0 : colorLevel(opts.color, env, io.isTTY) });
  const usage = baselineUsageError(opts);
  if (usage) {
    io.stderr(`exp-lint: ${usage}\n`);
    return { code: EXIT.error };
  }
  const suggesting = opts.fixSuggestions === undefined ? null : suggestionRule(opts.fixSuggestions);
  if (suggesting && "error" in suggesting) {
    io.stderr(`exp-lint: ${suggesting.error}\n`);
    return { code: EXIT.error };
  }
  const suggestionsOf = suggesting?.id ?? null;
  const root = lookup.root;
  const baseStrict = root.strict;
  let files: Plan;
  let results: ESLint.LintResult[];
  let eslint: ESLint;
  const base = {
    concurrency: "off" as const,
    config: baseStrict ? ("strict" as const) : ("recommended" as const),
    ...(opts.eslintConfig ? { eslintConfigFile: resolve(io.cwd, opts.eslintConfig) } : {}),
    cache: false,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
  };
  if (opts.stdinFilename !== undefined) {
    const path = resolve(io.cwd, opts.stdinFilename);
    // The text comes from stdin; files the output formats read again stay inside the working and named folders.
    files = { targets: kindOf(path) ? [{ path, kind: kindOf(path)! }] : [], skipped: [], missing: [], roots: realRoots([io.cwd, dirname(path)]) };
    ({ eslint, results } = await lintStdin(io.stdin ?? "", path, {
      ...base,
      cwd: commonAncestor([io.cwd, dirname(path)]),
      extraRequirements: [],
      projects: projectRules([path], lookup, baseStrict),
    }));
  } else {
    files = await plan(paths, io.cwd, opts.ignorePattern, {
      ignores: root.scope?.ignores ?? DEFAULT_IGNORES,
      keep: (f) => lookup.forFile(f).scope?.keep(f) ?? true,
    });
    if (files.missing.length) {
      io.stderr(`exp-lint: no such file or directory: ${files.missing.join(", ")}\n`);
      return { code: EXIT.error };
    }
    const concurrency = chooseConcurrency(opts.concurrency, files.targets.length, availableParallelism());
    const extraRequirements = files.targets.filter((t) => t.kind === "requirements").map((t) => t.path);
    // Versions for pin-requirements fixes (offered in every run, as ESLint offers fixes); the rule gets them through ESLint's shared settings.
    let pins;
    try {
      const collected = collectPins({
        cwd: io.cwd,
        dirs: files.targets.map((t) => dirname(t.path)),
        pinFrom: opts.pinFrom,
        virtualEnv: env.VIRTUAL_ENV,
        roots: files.roots,
      });
      for (const p of collected.problems) io.stderr(`exp-lint: ${p}\n`);
      pins = collected.settings;
    } catch (error) {
      io.stderr(`exp-lint: --pin-from ${opts.pinFrom}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return { code: EXIT.error };
    }
    const cacheLocation = resolve(io.cwd, opts.cacheLocation ?? CACHE_FILE);
    // ESLint reads and writes the cache file itself: it is checked here, and a link or a device is not used.
    const cacheProblem = opts.cache ? unsafeCache(cacheLocation) : null;
    if (cacheProblem) io.stderr(`exp-lint: not using the cache: ${cacheProblem}\n`);
    performance.mark("exp-lint:lint:start", { detail: process.cpuUsage() });
    const stopWatching = watchRun({
      total: files.targets.length,
      format: opts.format,
      stderr: { write: io.stderr, isTTY: io.stderrIsTTY ?? false },
      cwd: io.cwd,
      debug: env.EXP_LINT_DEBUG,
    });
    ({ eslint, results } = await lint(files, {
      ...base,
      // ESLint ignores files outside its base path, so it is rooted where every target lives.
      cwd: commonAncestor([io.cwd, ...files.targets.map((t) => dirname(t.path))]),
      extraRequirements,
      concurrency,
      projects: projectRules(
        files.targets.map((t) => t.path),
        lookup,
        baseStrict,
      ),
      cache: opts.cache && !cacheProblem,
      ...(opts.fix || opts.fixDryRun ? { fix: true } : {}),
      ...(pins ? { pins } : {}),
      cacheLocation,
    }).finally(stopWatching));
    performance.mark("exp-lint:lint:end", { detail: process.cpuUsage() });
    // One rule's suggestions, opted into by name: they become the file's output, written with the same checks as fixes.
    if (suggestionsOf) await applySuggestions(eslint, results, suggestionsOf);
    // Fixed files are written here, atomically and only inside the linted paths, rather than with ESLint.outputFixes.
    if (opts.fix || opts.fixDryRun || suggestionsOf) {
      const changes = applyFixes(
        results,
        paths.map((p) => resolve(io.cwd, p)),
        { write: !opts.fixDryRun },
      );
      // Machine formats say nothing more: each fixed file's result carries its `output`, as ESLint's do.
      if (opts.format === "stylish") {
        const lines = changeLines(changes, io.cwd);
        if (opts.fixDryRun) io.stdout(unifiedDiff(changes, io.cwd));
        else if (lines.length) io.stdout(`${lines.join("\n")}\n`);
        io.stdout(`${fixSummary(lines.length, changes.length, opts.fixDryRun)}\n\n`);
      }
    }
  }
  // Requirement lines may carry credentials (`--index-url https://user:token@host`): no format prints them.
  for (const r of results) for (const m of r.messages) m.message = redact(m.message);
  const gated = applyBaseline([...results, ...files.skipped.map(skippedResult)], opts, io.cwd, files.roots);
  if ("error" in gated) {
    io.stderr(`exp-lint: ${gated.error}\n`);
    return { code: EXIT.error };
  }
  let all = gated.results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const warnings = all.reduce((n, r) => n + r.warningCount, 0);
  const errors = all.reduce((n, r) => n + r.errorCount, 0);
  if (opts.quiet) all = ESLint.getErrorResults(all);

  const text = await report(opts.format, all, {
    eslint,
    cwd: io.cwd,
    chalk,
    filesChecked: files.targets.length,
    baselined: gated.hidden,
    statistics: opts.statistics,
    showSuggestions: opts.showSuggestions,
    roots: files.roots,
  });
  if (opts.outputFile) {
    try {
      // Written as fixes and baselines are: atomically, never through a link or into a device.
      writeAtomic(resolve(io.cwd, opts.outputFile), text, { create: true });
    } catch (error) {
      const why = error instanceof WriteRefused ? `${error.code}: ${error.message}` : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      io.stderr(`exp-lint: cannot write ${opts.outputFile} (${why})\n`);
      return { code: EXIT.error };
    }
  } else io.stdout(text);
  performance.mark("exp-lint:output:end", { detail: process.cpuUsage() });
  if (gated.wrote) {
    const dropped = gated.dropped ? `, dropped ${gated.dropped} that no longer occur${gated.dropped === 1 ? "s" : ""}` : "";
    io.stderr(`exp-lint: wrote ${gated.hidden} finding${gated.hidden === 1 ? "" : "s"} to ${gated.wrote}${dropped}\n`);
  } else if (gated.hidden && opts.format !== "stylish") io.stderr(`exp-lint: ${gated.hidden} finding${gated.hidden === 1 ? "" : "s"} hidden by the baseline\n`);
  if (opts.exitZero) return { code: EXIT.ok, planned: files };
  if (errors > 0) return { code: EXIT.findings, planned: files };
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    if (opts.format === "stylish") io.stderr(`exp-lint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return { code: EXIT.findings, planned: files };
  }
  return { code: EXIT.ok, planned: files };
}
