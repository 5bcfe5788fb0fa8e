#!/usr/bin/env node
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * The TypeScript parser recurses once per nesting level: on the main
 * thread's ~1 MB stack a few hundred nested brackets overflow it. The CLI
 * runs on one worker thread (a thread, not a process) whose stack holds
 * 10,000 levels; deeper code still gets one per-file parsing error.
 */
const STACK_MB = 64;

interface Start {
  argv: string[];
  isTTY: boolean;
  stderrIsTTY: boolean;
}

if (isMainThread) {
  // A reader that stops early (`exp-lint | head`) closes the pipe: stop quietly, as other CLIs do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // Temp files of fixes and baselines being written when a signal ends the run are removed.
  const { cleanUpOnSignals } = await import("../io/write.js");
  cleanUpOnSignals();
  const start: Start = { argv: process.argv.slice(2), isTTY: Boolean(process.stdout.isTTY), stderrIsTTY: Boolean(process.stderr.isTTY) };
  // The language server reads its client on stdin, which a worker gets only when asked for.
  const server = start.argv[0] === "server";
  const worker = new Worker(new URL(import.meta.url), { workerData: start, resourceLimits: { stackSizeMb: STACK_MB }, stdin: server });
  if (server) {
    process.stdin.pipe(worker.stdin!);
    // The client may keep stdin open after `exit`: the process ends with the server, once its output is written.
    worker.on("exit", (code) => {
      process.exitCode ??= code;
      process.stdin.unpipe(worker.stdin!);
      process.stdin.destroy();
    });
  }
  worker.on("message", (code: number) => {
    process.exitCode = code;
  });
  worker.on("error", (error: Error) => {
    process.stderr.write(`exp-lint: internal error: ${error.stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
} else {
  // The CLI chooses the worker count itself; ESLint's hint about it is aimed at people setting it by hand.
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type !== "ESLintPoorConcurrencyWarning") (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;

  const { argv, isTTY, stderrIsTTY } = workerData as Start;
  // Loaded here only: the main thread just starts this one, so the CLI's modules load once.
  const { main } = await import("./main.js");
  const code = await main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY,
    stderrIsTTY,
    cwd: process.cwd(),
  });
  // The main thread sets the exit code once this thread's output has drained.
  parentPort!.postMessage(code);
  // A server that stopped (or only printed its usage) ends its thread even while the client keeps stdin open.
  if (argv[0] === "server") process.exit(code);
}
