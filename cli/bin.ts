#!/usr/bin/env node
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Start, ToMain } from "./thread.js";

/**
 * The TypeScript parser recurses once per nesting level: on the main
 * thread's ~1 MB stack a few hundred nested brackets overflow it. The CLI
 * runs on one worker thread (a thread, not a process) whose stack holds
 * 10,000 levels; deeper code still gets one per-file parsing error.
 *
 * This file stays small and loads nothing else: the main thread only waits.
 * The thread runs the bundled CLI (dist/bundle/cli.js, one file built by
 * scripts/bundle.mjs: one read instead of hundreds of module resolutions),
 * or the unbundled modules when a checkout has not bundled them.
 */
const STACK_MB = 64;

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
const bundled = new URL("../bundle/cli.js", import.meta.url);
const entry = existsSync(bundled) ? bundled : new URL("./thread.js", import.meta.url);
const start: Start = {
  argv: process.argv.slice(2),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  processStart: performance.timeOrigin,
  binStart: performance.timeOrigin + performance.now(),
};
// The language server reads its client on stdin, which a worker gets only when asked for.
const server = start.argv[0] === "server";
const worker = new Worker(entry, { workerData: start, resourceLimits: { stackSizeMb: STACK_MB }, stdin: server });
if (server) {
  process.stdin.pipe(worker.stdin!);
  // The client may keep stdin open after `exit`: the process ends with the server, once its output is written.
  worker.on("exit", (code) => {
    process.exitCode ??= code;
    process.stdin.unpipe(worker.stdin!);
    process.stdin.destroy();
  });
}
worker.on("message", (message: ToMain) => {
  if ("stdout" in message) process.stdout.write(message.stdout);
  else if ("stderr" in message) process.stderr.write(message.stderr);
  else if (server) {
    // The server writes to the thread's own stdout: the process ends with the thread (above).
    process.exitCode = message.code;
  } else {
    // All output has arrived: exit once it is written, rather than wait for the thread to be torn down.
    process.exitCode = message.code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit()));
  }
});
worker.on("error", (error: Error) => {
  process.stderr.write(`exp-lint: internal error: ${error.stack ?? String(error)}\n`);
  process.exitCode = 2;
});
