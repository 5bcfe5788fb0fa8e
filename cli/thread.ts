// The CLI's own thread (started by bin.ts): runs main() and hands the exit code back.
import { parentPort, workerData } from "node:worker_threads";
import { main } from "./main.js";
import { reportTiming } from "./timing.js";

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
}

// The CLI chooses the worker count itself; ESLint's hint about it is aimed at people setting it by hand.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (type !== "ESLintPoorConcurrencyWarning") (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

const { argv, isTTY, stderrIsTTY, processStart, binStart } = workerData as Start;
// Every module of the CLI is loaded and evaluated by now (tree-sitter's set-up included).
performance.mark("exp-lint:loaded");
// Output goes over the same port as the exit code, so the main thread has all of it when the code arrives
// and can exit then, without waiting for this thread to be torn down.
const send = (message: ToMain) => parentPort!.postMessage(message);
const code = await main(argv, {
  stdout: (s) => send({ stdout: s }),
  stderr: (s) => send({ stderr: s }),
  isTTY,
  stderrIsTTY,
  cwd: process.cwd(),
});
reportTiming(process.env.EXP_LINT_DEBUG, { processStart, binStart }, (s) => send({ stderr: s }));
send({ code });
// A server that stopped (or only printed its usage) ends its thread even while the client keeps stdin open.
if (argv[0] === "server") process.exit(code);
