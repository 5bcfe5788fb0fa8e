import { lstatSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve, sep } from "node:path";
import { Chalk } from "chalk";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ESLint } from "eslint";
import { ConfigError, ConfigLookup, rulesFor, showSettings, type ProjectRules, type ResolvedConfig } from "./config/index.js";
import { applyBaseline, baselineUsageError } from "./baseline.js";
import { chooseConcurrency, lint, lintStdin } from "./engine.js";
import { DEFAULT_IGNORES, kindOf, plan, type Plan, type Skipped } from "./files.js";
import { watchRun } from "./progress.js";
import { listRules, printRuleDoc } from "./rules-command.js";
import { collectPins } from "./pins.js";
import { applyFixes } from "./apply-fixes.js";
import { changeLines, fixSummary, unifiedDiff } from "./fix-report.js";
import { redact } from "./format/redact.js";
import { checkFile, realRoots } from "../io/read.js";
import { writeAtomic, WriteRefused } from "../io/write.js";
import { colorLevel, FORMATS, report, type Format } from "./report.js";
import { PACKAGE_VERSION as version } from "../plugin/package-info.js";


export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTTY?: boolean;
  cwd: string;
  /** The environment (NO_COLOR, FORCE_COLOR, EXP_LINT_DEBUG); process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** Standard input, read before the CLI starts, for --stdin-filename. */
  stdin?: string;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  /** Ends --watch. */
  signal?: AbortSignal;
}

interface CliOptions {
  format: Format;
  quiet: boolean;
  maxWarnings: number;
  exitZero: boolean;
  outputFile?: string;
  color?: boolean;
  concurrency?: string;
  strict?: boolean;
  config?: string | false;
  isolated: boolean;
  select?: string[];
  extendSelect: string[];
  ignore: string[];
  showSettings?: string;
  stdinFilename?: string;
  watch: boolean;
  eslintConfig?: string;
  cache: boolean;
  cacheLocation?: string;
  ignorePattern: string[];
  statistics: boolean;
  showSuggestions: boolean;
  reportUnusedDisableDirectives: boolean;
  fix: boolean;
  fixDryRun: boolean;
  pinFrom?: string;
  baseline?: string;
  updateBaseline: boolean;
}

/** Where --cache keeps its file by default: its own name, so it never collides with ESLint's .eslintcache. */
export const CACHE_FILE = ".exp-lint-cache";

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number >= 0");
  return n;
}

function concurrencyValue(value: string): string {
  if (value === "auto" || value === "off" || (/^\d+$/u.test(value) && Number(value) >= 1)) return value;
  throw new InvalidArgumentError('expected a whole number >= 1, "auto" or "off"');
}

/** Rule ids as Ruff takes them: repeated flags and comma-separated lists both work. */
const ruleList = (value: string, previous: string[] | undefined) => [...(previous ?? []), ...value.split(",").map((s) => s.trim()).filter(Boolean)];

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
    messages: [fatal ? { ruleId: null, fatal: true, severity: 2, message: s.message, line: 1, column: 1 } : { ruleId: null, severity: 1, message: s.message, line: 1, column: 1 }],
    suppressedMessages: [],
    errorCount: fatal ? 1 : 0,
    fatalErrorCount: fatal ? 1 : 0,
    warningCount: fatal ? 0 : 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function program(io: Io): Command {
  return new Command("exp-lint")
    .description("Lint ML experiment code (Python, notebooks, TypeScript/JavaScript and dependency manifests) for results you can trust and reproduce.")
    .version(version, "-v, --version")
    .argument("[paths...]", "files or folders to lint", ["."])
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("stylish"))
    .option("-o, --output-file <file>", "write the report to this file instead of stdout")
    .option("--quiet", "report errors only, not warnings", false)
    .option("--max-warnings <n>", "exit with 1 when there are more warnings than this", nonNegativeInt, -1)
    .option("--exit-zero", "exit with 0 even when there are findings (2 still means a usage or configuration error)", false)
    .option("--color", "force colour output")
    .option("--no-color", "disable colour output")
    .option("--strict", "use the strict configuration instead of recommended")
    .option("--no-strict", "use the recommended configuration even if the config file says strict")
    .option("--config <file>", "read settings from this exp-lint.toml or pyproject.toml instead of the nearest one")
    .option("--no-config", "ignore exp-lint.toml and [tool.exp-lint] in pyproject.toml")
    .option("--isolated", "same as --no-config", false)
    .option("--select <rules>", "rules to run, instead of the configured selection (comma-separated)", ruleList)
    .option("--extend-select <rules>", "rules to run on top of the configured selection (comma-separated)", ruleList, [])
    .option("--ignore <rules>", "rules not to run (comma-separated)", ruleList, [])
    .option("--show-settings <file>", "print the configuration that applies to this file, and where each setting comes from")
    .option("--stdin-filename <name>", "lint standard input, as if it were this file")
    .option("-w, --watch", "lint, then lint again the files that change", false)
    .option("--eslint-config <file>", "also lint with this ESLint flat config file (it is run: only name a file you trust)")
    .option("--concurrency <n|auto|off>", "worker threads for linting (default: auto)", concurrencyValue)
    .option("--cache", "only re-lint files that changed since the last run", false)
    .option("--cache-location <path>", `where to keep the cache (default: ${CACHE_FILE})`)
    .option("--ignore-pattern <glob...>", "extra glob patterns of files to skip", [])
    .option("--statistics", "print how many findings each rule has (stylish format)", false)
    .option("--show-suggestions", "print the changes suggested for each finding, to apply by hand or in an editor (stylish format)", false)
    .option("--report-unused-disable-directives", "warn about eslint-disable and noqa comments that silence nothing", false)
    .option("--fix", "fix what can be fixed in place (pin requirements to exact versions) and say what changed", false)
    .option("--fix-dry-run", "show what --fix would change, as a unified diff, and write nothing", false)
    .option("--pin-from <file>", "exact versions for --fix from this file (pip freeze output), before lock files and virtual environments")
    .option("--baseline <file>", "hide the findings recorded in this file, so only new ones fail the run")
    .option("--update-baseline", "record the current findings in the --baseline file", false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run exp-lint --help for usage)")
    .addHelpText(
      "after",
      "\nCommands:\n  exp-lint rules        list every rule\n  exp-lint rule <id>    print a rule's documentation (--format json for JSON)\n  exp-lint server       start the language server (LSP over stdio, for editors)\n\nExit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or internal error.",
    );
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

interface RunResult {
  code: number;
  /** The files linted, for --watch. */
  planned?: Plan;
}

async function run(paths: string[], opts: CliOptions, io: Io, lookup: ConfigLookup): Promise<RunResult> {
  const env = io.env ?? process.env;
  const chalk = new Chalk({ level: opts.outputFile ? 0 : colorLevel(opts.color, env, io.isTTY) });
  const usage = baselineUsageError(opts);
  if (usage) {
    io.stderr(`exp-lint: ${usage}\n`);
    return { code: EXIT.error };
  }
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
    ({ eslint, results } = await lintStdin(io.stdin ?? "", path, { ...base, cwd: commonAncestor([io.cwd, dirname(path)]), extraRequirements: [], projects: projectRules([path], lookup, baseStrict) }));
  } else {
    files = await plan(paths, io.cwd, opts.ignorePattern, { ignores: root.scope?.ignores ?? DEFAULT_IGNORES, keep: (f) => lookup.forFile(f).scope?.keep(f) ?? true });
    if (files.missing.length) {
      io.stderr(`exp-lint: no such file or directory: ${files.missing.join(", ")}\n`);
      return { code: EXIT.error };
    }
    const concurrency = chooseConcurrency(opts.concurrency, files.targets.length, availableParallelism());
    const extraRequirements = files.targets.filter((t) => t.kind === "requirements").map((t) => t.path);
    // Versions for pin-requirements fixes (offered in every run, as ESLint offers fixes); the rule gets them through ESLint's shared settings.
    let pins;
    try {
      const collected = collectPins({ cwd: io.cwd, dirs: files.targets.map((t) => dirname(t.path)), pinFrom: opts.pinFrom, virtualEnv: env.VIRTUAL_ENV, roots: files.roots });
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
    const stopWatching = watchRun({ total: files.targets.length, format: opts.format, stderr: { write: io.stderr, isTTY: io.stderrIsTTY ?? false }, cwd: io.cwd, debug: env.EXP_LINT_DEBUG });
    ({ eslint, results } = await lint(files, {
      ...base,
      // ESLint ignores files outside its base path, so it is rooted where every target lives.
      cwd: commonAncestor([io.cwd, ...files.targets.map((t) => dirname(t.path))]),
      extraRequirements,
      concurrency,
      projects: projectRules(files.targets.map((t) => t.path), lookup, baseStrict),
      cache: opts.cache && !cacheProblem,
      ...(opts.fix || opts.fixDryRun ? { fix: true } : {}),
      ...(pins ? { pins } : {}),
      cacheLocation,
    }).finally(stopWatching));
    performance.mark("exp-lint:lint:end", { detail: process.cpuUsage() });
    // Fixed files are written here, atomically and only inside the linted paths, rather than with ESLint.outputFixes.
    if (opts.fix || opts.fixDryRun) {
      const changes = applyFixes(results, paths.map((p) => resolve(io.cwd, p)), { write: !opts.fixDryRun });
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

  const text = await report(opts.format, all, { eslint, cwd: io.cwd, chalk, filesChecked: files.targets.length, baselined: gated.hidden, statistics: opts.statistics, showSuggestions: opts.showSuggestions, roots: files.roots });
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

/** Run the CLI; resolves to the exit code and never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  // Three sub-commands; a folder called "rules" is linted as ./rules.
  if (argv[0] === "rules" && argv.length === 1) {
    io.stdout(listRules(new Chalk({ level: colorLevel(undefined, io.env ?? process.env, io.isTTY) })));
    return EXIT.ok;
  }
  if (argv[0] === "server") {
    const { runServer } = await import("../server/main.js");
    return runServer(argv.slice(1));
    return EXIT.ok;
  }
  if (argv[0] === "rule") return printRuleDoc(argv.slice(1), io);
  const cmd = program(io);
  let parsed: { paths: string[]; opts: CliOptions };
  try {
    cmd.parse(argv, { from: "user" });
    parsed = { paths: cmd.processedArgs[0] as string[], opts: cmd.opts<CliOptions>() };
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
  const { paths, opts } = parsed;
  if (opts.stdinFilename !== undefined && !(paths.length === 1 && (paths[0] === "." || paths[0] === "-"))) {
    io.stderr("exp-lint: --stdin-filename lints standard input: name no paths (or only -)\n");
    return EXIT.error;
  }
  try {
    const lookup = new ConfigLookup(io.cwd, opts);
    if (opts.showSettings) {
      const file = resolve(io.cwd, opts.showSettings);
      io.stdout(showSettings(file, lookup.forFile(file), io.cwd));
      return EXIT.ok;
    }
    const first = await run(paths, opts, io, lookup);
    if (!opts.watch || first.code === EXIT.error) return first.code;
    const { watchAndLint } = await import("./watch.js");
    return await watchAndLint(paths, io, (changed) => run(changed, opts, io, new ConfigLookup(io.cwd, opts)).then((r) => r.code));
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message.replace(/^/gmu, "exp-lint: ") + "\n");
      return EXIT.error;
    }
    io.stderr(`exp-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.error;
  }
}
