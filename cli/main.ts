import { resolve } from "node:path";
import { Chalk } from "chalk";
import { ConfigError, ConfigLookup, showSettings } from "./config/index.js";
import { runLint } from "./commands/lint.js";
import { parseCommandLine } from "./commands/options.js";
import { listRules, printRuleDoc } from "./commands/rule.js";
import { EXIT, type Io } from "./host.js";
import { colorLevel } from "./reporting/report.js";

export { EXIT, type Io } from "./host.js";

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
  }
  if (argv[0] === "rule") return printRuleDoc(argv.slice(1), io);
  const parsed = parseCommandLine(argv, io);
  if (typeof parsed === "number") return parsed;
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
    const first = await runLint(paths, opts, io, lookup);
    if (!opts.watch || first.code === EXIT.error) return first.code;
    const { watchAndLint } = await import("./commands/watch.js");
    return await watchAndLint(paths, io, (changed) => runLint(changed, opts, io, new ConfigLookup(io.cwd, opts)).then((r) => r.code));
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message.replace(/^/gmu, "exp-lint: ") + "\n");
      return EXIT.error;
    }
    io.stderr(`exp-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.error;
  }
}
