import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, spawnCli, tempProject } from "../util/cli.js";

/**
 * Issue 13, item 8: a fix's temp file must not outlive the run. The CLI is
 * started with a module hook (below) that hands its `node:fs` a `writeSync`
 * which blocks for good once it writes to an exp-lint temp file: the run
 * stops in the middle of writing the fix, with the temp file on disk, for as
 * long as the test needs. Linux only: the hook names an fd's file through /proc.
 */

const BLOCKING_FS = `import * as fs from "node:fs";
export * from "node:fs";
const TEMP = /\\.exp-lint-\\d+-\\d+\\.tmp$/u;
function isTemp(fd) {
  try { return TEMP.test(fs.readlinkSync("/proc/self/fd/" + fd)); } catch { return false; }
}
export function writeSync(fd, ...rest) {
  if (typeof fd === "number" && isTemp(fd)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  return fs.writeSync(fd, ...rest);
}
export default { ...fs.default, writeSync };
`;

const HOOKS = `const WRAPPER = new URL("./blocking-fs.mjs", import.meta.url).href;
export async function resolve(specifier, context, next) {
  if ((specifier === "node:fs" || specifier === "fs") && context.parentURL !== WRAPPER) return { url: WRAPPER, shortCircuit: true };
  return next(specifier, context);
}
`;

const REGISTER = `import { register } from "node:module";
register("./hooks.mjs", import.meta.url);
`;

const TEMP = /\.exp-lint-\d+-\d+\.tmp$/u;
const temps = (dir: string): string[] => readdirSync(dir).filter((n) => TEMP.test(n));

/** A project with one unpinned requirement and the version to pin it to, and the hook files beside it. */
function project(): { dir: string; register: string } {
  const dir = tempProject({
    "requirements.txt": "numpy\n",
    "frozen.txt": "numpy==1.26.4\n",
    "hook/blocking-fs.mjs": BLOCKING_FS,
    "hook/hooks.mjs": HOOKS,
    "hook/register.mjs": REGISTER,
  });
  return { dir, register: join(dir, "hook/register.mjs") };
}

/** Starts `exp-lint --fix` with the blocking hook; resolves once its temp file is on disk. */
async function blockedFix(
  dir: string,
  register: string,
): Promise<{ child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  // A folder, not a named file: a small named run lints on the main thread (cli/small-run.ts), where a write blocked
  // forever would also block the signal handlers; on the CLI's thread the main thread stays free to take the signal.
  const child = spawn(process.execPath, ["--import", register, BIN, "--fix", "--pin-from", "frozen.txt", "."], { cwd: dir, stdio: "ignore" });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let exited = false;
  void exit.then(() => (exited = true));
  // Waits for a state, not a time: the budget is the test's.
  while (temps(dir).length === 0 && !exited) await new Promise((r) => setTimeout(r, 50));
  expect(exited, "the run stopped while writing the fix").toBe(false);
  return { child, exit };
}

describe.skipIf(process.platform !== "linux")("temp files of a fix cut short by a signal", () => {
  it.each([
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const)("%s: the temp file is removed and the file keeps its text", async (signal, number) => {
    const { dir, register } = project();
    const { child, exit } = await blockedFix(dir, register);
    expect(temps(dir)).toHaveLength(1);
    child.kill(signal);
    expect(await exit).toEqual({ code: 128 + number, signal: null });
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy\n");
  });

  it("SIGKILL: the temp file stays, and the next write in that folder removes it", async () => {
    const { dir, register } = project();
    const { child, exit } = await blockedFix(dir, register);
    const [left] = temps(dir);
    child.kill("SIGKILL");
    expect(await exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(temps(dir)).toEqual([left]);
    // Another run's temp file, of a live process (this one), is left alone.
    const live = `.frozen.txt.exp-lint-${process.pid}-0.tmp`;
    writeFileSync(join(dir, live), "");
    const next = await spawnCli(["--fix", "--pin-from", "frozen.txt", "requirements.txt"], dir);
    expect(next.stderr).toBe("");
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy==1.26.4\n");
    expect(temps(dir)).toEqual([live]);
  });
});
