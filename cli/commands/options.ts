// The command line: flags, their values and their help.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { PACKAGE_VERSION as version } from "../../plugin/package-info.js";
import { EXIT, type Io } from "../host.js";
import { FORMATS, type Format } from "../reporting/report.js";

export interface CliOptions {
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
  fixSuggestions?: string;
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
const ruleList = (value: string, previous: string[] | undefined) => [
  ...(previous ?? []),
  ...value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];

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
    .option("--fix-dry-run", "show what --fix (or --fix-suggestions) would change, as a unified diff, and write nothing", false)
    .option("--fix-suggestions <rule>", "also apply the suggestions of this one rule (each changes what the experiment records: review the diff)")
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

/** The paths and options of a lint run, or the exit code when the command line was help, a version or a usage error. */
export function parseCommandLine(argv: string[], io: Io): { paths: string[]; opts: CliOptions } | number {
  const cmd = program(io);
  try {
    cmd.parse(argv, { from: "user" });
    return { paths: cmd.processedArgs[0] as string[], opts: cmd.opts<CliOptions>() };
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
}
