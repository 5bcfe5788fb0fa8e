import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
// The built CLI (npm test builds first), so its worker threads find their compiled entry files next to it.
import { main } from "../../dist/cli/main.js";

export const BIN = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables the CLI reads; a test's `env` is applied to this process for the length of one run. */
function withEnv<T>(env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> {
  const saved = Object.entries(env).map(([key]) => [key, process.env[key]] as const);
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return run().finally(() => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

/**
 * Run the CLI in this process through `main(argv, io)`, as a user would run it
 * without a TTY: the same argument parsing, files, engine, formats and exit code,
 * without a process start (~1 s of CPU) per call. Tests within a file run one at
 * a time, so the environment can be set per run. What only a real process shows
 * (bin.ts's thread and stack, EPIPE, signals, a hook spawning it) is tested by
 * spawnCli in tests/e2e/.
 */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await withEnv(env, () =>
    main(args, {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      isTTY: false,
      stderrIsTTY: false,
      cwd,
    }),
  );
  return { code, stdout, stderr };
}

/**
 * Run the built CLI as a real process, without blocking the test worker. For
 * tests/e2e/ only: each spawn costs a Node start and a module load. The budget
 * is generous: a loaded machine is slow, not wrong.
 */
export function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** A throw-away folder holding `files` (path → contents), inside the run's scratch folder (tests/util/global-setup.ts). */
export function tempProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(process.env.EXP_LINT_TEST_TMP ?? tmpdir(), "project-"));
  for (const [rel, body] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }
  return root;
}
