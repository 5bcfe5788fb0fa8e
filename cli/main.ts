import { lstatSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve, sep } from "node:path";
import { Chalk } from "chalk";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ESLint } from "eslint";
import { ConfigError, projectSettings } from "./config/index.js";
import { applyBaseline, baselineUsageError } from "./baseline.js";
import { chooseConcurrency, lint } from "./engine.js";
import { plan, type Skipped } from "./files.js";
import { watchRun } from "./progress.js";
import { formatGithub } from "./format/github.js";
import { listRules, ruleDoc } from "./rules-command.js";
import { formatSarif } from "./format/sarif.js";
import { formatStylish } from "./format/stylish.js";
import { collectPins } from "./pins.js";
import { applyFixes } from "./apply-fixes.js";
import { changeLines, fixSummary, unifiedDiff } from "./fix-report.js";
import { redact } from "./format/redact.js";
import { checkFile } from "../io/read.js";
import { PACKAGE_VERSION as version } from "../plugin/package-info.js";


export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTTY?: boolean;
  cwd: string;
}

interface CliOptions {
  format: "stylish" | "json" | "sarif" | "github";
  quiet: boolean;
  maxWarnings: number;
  color?: boolean;
  concurrency?: string;
  strict?: boolean;
  config?: string | false;
  isolated: boolean;
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

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number >= 0");
  return n;
}

/** Findings per rule, most first. */
function statistics(results: ESLint.LintResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) for (const m of r.messages) counts.set(m.ruleId ?? "(file errors)", (counts.get(m.ruleId ?? "(file errors)") ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return rows.length ? `\n${rows.map(([id, n]) => `${String(n).padStart(6)}  ${id}`).join("\n")}\n` : "";
}

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
    .addOption(new Option("-f, --format <name>", "output format").choices(["stylish", "json", "sarif", "github"]).default("stylish"))
    .option("--quiet", "report errors only, not warnings", false)
    .option("--max-warnings <n>", "exit with 1 when there are more warnings than this", nonNegativeInt, -1)
    .option("--color", "force colour output")
    .option("--no-color", "disable colour output")
    .option("--strict", "use the strict configuration instead of recommended")
    .option("--no-strict", "use the recommended configuration even if the config file says strict")
    .option("--config <file>", "read settings from this exp-lint.toml or pyproject.toml instead of the nearest one")
    .option("--no-config", "ignore exp-lint.toml and [tool.exp-lint] in pyproject.toml")
    .option("--isolated", "same as --no-config", false)
    .option("--eslint-config <file>", "also lint with this ESLint flat config file (it is run: only name a file you trust)")
    .option("--concurrency <n|auto|off>", "worker threads for linting (default: auto)")
    .option("--cache", "only re-lint files that changed since the last run", false)
    .option("--cache-location <path>", "where to keep the cache (default: .eslintcache)")
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
      "\nCommands:\n  exp-lint rules        list every rule\n  exp-lint rule <id>    print a rule's documentation\n  exp-lint server       start the language server (LSP over stdio, for editors)\n\nExit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or internal error.",
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

async function run(paths: string[], opts: CliOptions, io: Io): Promise<number> {
  const chalk = new Chalk({ level: opts.color === true ? 1 : opts.color === false || !io.isTTY ? 0 : 1 });
  const usage = baselineUsageError(opts);
  if (usage) {
    io.stderr(`exp-lint: ${usage}\n`);
    return EXIT.error;
  }
  const project = projectSettings(io.cwd, opts);
  const files = await plan(paths, io.cwd, opts.ignorePattern, project.scope);
  if (files.missing.length) {
    io.stderr(`exp-lint: no such file or directory: ${files.missing.join(", ")}\n`);
    return EXIT.error;
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
      virtualEnv: process.env.VIRTUAL_ENV,
      roots: files.roots,
    });
    for (const p of collected.problems) io.stderr(`exp-lint: ${p}\n`);
    pins = collected.settings;
  } catch (error) {
    io.stderr(`exp-lint: --pin-from ${opts.pinFrom}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return EXIT.error;
  }
  // ESLint reads and writes the cache file itself: it is checked here, and a link or a device is not used.
  const cacheProblem = opts.cache ? unsafeCache(resolve(io.cwd, opts.cacheLocation ?? ".eslintcache")) : null;
  if (cacheProblem) {
    io.stderr(`exp-lint: not using the cache: ${cacheProblem}\n`);
    opts.cache = false;
  }
  performance.mark("exp-lint:lint:start");
  const stopWatching = watchRun({ total: files.targets.length, format: opts.format, stderr: { write: io.stderr, isTTY: io.stderrIsTTY ?? false }, cwd: io.cwd, debug: process.env.EXP_LINT_DEBUG });
  const { eslint, results } = await lint(files, {
    // ESLint ignores files outside its base path, so it is rooted where every target lives.
    cwd: commonAncestor([io.cwd, ...files.targets.map((t) => dirname(t.path))]),
    extraRequirements,
    concurrency,
    config: project.strict ? "strict" : "recommended",
    ...(project.rules ? { project: project.rules } : {}),
    ...(opts.eslintConfig ? { eslintConfigFile: resolve(io.cwd, opts.eslintConfig) } : {}),
    cache: opts.cache,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    ...(opts.fix || opts.fixDryRun ? { fix: true } : {}),
    ...(pins ? { pins } : {}),
    ...(opts.cacheLocation ? { cacheLocation: opts.cacheLocation } : {}),
  }).finally(stopWatching);
  performance.mark("exp-lint:lint:end");
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
  // Requirement lines may carry credentials (`--index-url https://user:token@host`): no format prints them.
  for (const r of results) for (const m of r.messages) m.message = redact(m.message);
  const gated = applyBaseline([...results, ...files.skipped.map(skippedResult)], opts, io.cwd, files.roots);
  if ("error" in gated) {
    io.stderr(`exp-lint: ${gated.error}\n`);
    return EXIT.error;
  }
  let all = gated.results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const warnings = all.reduce((n, r) => n + r.warningCount, 0);
  const errors = all.reduce((n, r) => n + r.errorCount, 0);
  if (opts.quiet) all = ESLint.getErrorResults(all);

  if (opts.format === "json") {
    const formatter = await eslint.loadFormatter("json");
    // ESLint's JSON carries each file's text: masked as the messages are.
    for (const r of all) if (r.source !== undefined) r.source = redact(r.source);
    io.stdout(`${await formatter.format(all)}\n`);
  } else if (opts.format === "sarif") {
    const withRules = all.filter((r) => r.messages.some((m) => m.ruleId));
    // Files linted on worker threads: this instance learns their configs before it can name their rules.
    await Promise.all(withRules.map((r) => eslint.calculateConfigForFile(r.filePath)));
    io.stdout(formatSarif(all, eslint.getRulesMetaForResults(withRules), io.cwd, files.roots));
  } else if (opts.format === "github") {
    io.stdout(formatGithub(all, io.cwd));
  } else {
    io.stdout(formatStylish(all, { cwd: io.cwd, chalk, filesChecked: files.targets.length, baselined: gated.hidden, roots: files.roots, showSuggestions: opts.showSuggestions }));
    if (opts.statistics) io.stdout(statistics(all));
  }
  performance.mark("exp-lint:output:end");
  if (gated.wrote) io.stderr(`exp-lint: wrote ${gated.hidden} finding${gated.hidden === 1 ? "" : "s"} to ${gated.wrote}\n`);
  else if (gated.hidden && opts.format !== "stylish") io.stderr(`exp-lint: ${gated.hidden} finding${gated.hidden === 1 ? "" : "s"} hidden by the baseline\n`);
  if (errors > 0) return EXIT.findings;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    if (opts.format === "stylish") io.stderr(`exp-lint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** Run the CLI; resolves to the exit code and never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  // Three sub-commands; a folder called "rules" is linted as ./rules.
  if (argv[0] === "rules" && argv.length === 1) {
    io.stdout(listRules(new Chalk({ level: io.isTTY ? 1 : 0 })));
    return EXIT.ok;
  }
  if (argv[0] === "server") {
    const { runServer } = await import("../server/main.js");
    return runServer(argv.slice(1));
  }
  if (argv[0] === "rule") {
    const doc = argv.length === 2 ? ruleDoc(argv[1]!) : null;
    if (doc === null) {
      io.stderr(`exp-lint: ${argv.length === 2 ? `no rule named "${argv[1]}"` : "usage: exp-lint rule <id>"}; "exp-lint rules" lists them\n`);
      return EXIT.error;
    }
    io.stdout(doc);
    return EXIT.ok;
  }
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
  try {
    return await run(parsed.paths, parsed.opts, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message.replace(/^/gmu, "exp-lint: ") + "\n");
      return EXIT.error;
    }
    io.stderr(`exp-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.error;
  }
}
