// The CLI's own thread (started by bin.ts): runs main() and hands the exit code back. bin.ts may instead
// import this module on the main thread and call `run` itself (cli/small-run.ts says when).
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { main } from "./main.js";
import { reportTiming } from "./timing.js";

// bin.ts calls the copy of this in the bundle when it runs the CLI on its own thread: temp files are tracked there.
export { cleanUpOnSignals } from "../io/write.js";

/** What this thread sends the main thread, in order on one port: output, then the exit code. */
export type ToMain = { stdout: string } | { stderr: string } | { code: number };

export interface Start {
  argv: string[];
  isTTY: boolean;
  stderrIsTTY: boolean;
  /** When the process started (the main thread's performance.timeOrigin), for EXP_LINT_DEBUG=timing. */
  processStart: number;
  /** When bin.ts began to run, after Node's own start-up. */
  binStart: number;
  /** The process's CPU time (user + system, µs) then. */
  binCpu?: number;
  /** The terminal's width, for `exp-lint rule` on a terminal. */
  columns?: number;
  /** Standard input, read by the main thread, for --stdin-filename. */
  stdin?: string;
}

// The CLI chooses the worker count itself; ESLint's hint about it is aimed at people setting it by hand.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (type !== "ESLintPoorConcurrencyWarning") (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

/**
 * Run the CLI; output, then the exit code, go to `send`. Output goes the same way as the exit code, so the main
 * thread has all of it when the code arrives and can exit then, without waiting for this thread to be torn down.
 */
export async function run(start: Start, send: (message: ToMain) => void): Promise<number> {
  // Every module of the CLI is loaded and evaluated by now (tree-sitter's set-up included).
  performance.mark("exp-lint:loaded", { detail: process.cpuUsage() });
  const { argv, isTTY, stderrIsTTY, processStart, binStart, binCpu, columns, stdin } = start;
  const code = await main(argv, {
    stdout: (s) => send({ stdout: s }),
    stderr: (s) => send({ stderr: s }),
    isTTY,
    stderrIsTTY,
    cwd: process.cwd(),
    ...(columns ? { columns } : {}),
    ...(stdin !== undefined ? { stdin } : {}),
  });
  reportTiming(process.env.EXP_LINT_DEBUG, { processStart, binStart, binCpu, ownThread: !isMainThread }, (s) => send({ stderr: s }));
  send({ code });
  return code;
}

if (!isMainThread && parentPort) {
  const start = workerData as Start;
  const code = await run(start, (message) => parentPort!.postMessage(message));
  // A server that stopped (or only printed its usage) ends its thread even while the client keeps stdin open.
  if (start.argv[0] === "server") process.exit(code);
}
