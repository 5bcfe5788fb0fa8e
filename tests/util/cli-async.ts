import { execFile } from "node:child_process";
import { BIN, type CliRun } from "./cli.js";

/**
 * Run the built CLI without blocking the test worker: a file of many synchronous runs starves
 * vitest's own messages to the worker until they time out.
 */
export function runCliAsync(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, encoding: "utf8", timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}
