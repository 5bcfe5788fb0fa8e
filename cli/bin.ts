#!/usr/bin/env node
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { startPlan } from "./small-run.js";
import { boundHeapGrowth } from "./engine/v8-flags.js";
import type { Start, ToMain } from "./thread.js";

/**
 * The TypeScript parser recurses once per nesting level: on the main
 * thread's ~1 MB stack a few hundred nested brackets overflow it. The CLI
 * runs on one worker thread (a thread, not a process) whose stack holds
 * 10,000 levels; deeper code still gets one per-file parsing error. A run of
 * a few named Python files or manifests (a pre-commit hook, an editor) needs
 * no such stack and runs on the main thread (cli/small-run.ts).
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
const bundled = new URL("../bundle/cli.js", import.meta.url);
const entry = existsSync(bundled) ? bundled : new URL("./thread.js", import.meta.url);
const argv = process.argv.slice(2);
const start: Start = {
  argv,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  processStart: performance.timeOrigin,
  binStart: performance.timeOrigin + performance.now(),
  binCpu: ((used) => used.user + used.system)(process.cpuUsage()),
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
};
const plan = startPlan(argv, process.cwd());
// Process-wide, so set before the CLI's thread starts and before tree-sitter compiles its wasm. The flag exists
// in V8 11 to 13 (Node 20 to 24); V8 prints an error for a flag it does not know.
const v8Major = Number.parseInt(process.versions.v8, 10);
if (plan.baselineWasm && v8Major >= 11 && v8Major <= 13) setFlagsFromString("--liftoff-only");
boundHeapGrowth();
// All of standard input, for --stdin-filename: read here, since a worker thread has no stdin of its own.
if (argv.some((a) => a === "--stdin-filename" || a.startsWith("--stdin-filename="))) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  start.stdin = Buffer.concat(chunks).toString("utf8");
}

/** All output has arrived: exit once it is written, rather than wait for the thread or the heap to be torn down. */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit()));
}

if (plan.mainThread) {
  try {
    const cli = (await import(entry.href)) as typeof import("./thread.js");
    // Temp files of fixes and baselines being written when a signal ends the run are removed.
    cli.cleanUpOnSignals();
    const code = await cli.run(start, (message) => {
      if ("stdout" in message) process.stdout.write(message.stdout);
      else if ("stderr" in message) process.stderr.write(message.stderr);
    });
    exitWhenWritten(code);
  } catch (error) {
    // As a thread's uncaught error is reported (below).
    process.stderr.write(`exp-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    exitWhenWritten(2);
  }
} else {
  const { cleanUpOnSignals } = await import("../io/write.js");
  cleanUpOnSignals();
  onThread();
}

function onThread(): void {
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
    // The server writes to the thread's own stdout: the process ends with the thread (above).
    else if (server) process.exitCode = message.code;
    else exitWhenWritten(message.code);
  });
  worker.on("error", (error: Error) => {
    process.stderr.write(`exp-lint: internal error: ${error.stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
