import { statSync } from "node:fs";
import { resolve } from "node:path";

/**
 * How bin.ts starts a run, decided from its arguments before any of the CLI
 * loads. A pre-commit hook or an editor lints a few named files: there the
 * extra thread (a Node environment of its own) and V8's optimising wasm
 * compiler cost more than they save.
 */
export interface StartPlan {
  /**
   * Keep tree-sitter's wasm on V8's baseline compiler (--liftoff-only). The
   * optimising tier compiles the grammar's lexer in the background for a few
   * hundred ms of CPU, which pays back only over many files, and which the
   * process must wait for when it exits.
   */
  baselineWasm: boolean;
  /**
   * Run on the main thread. Only Python, notebooks and manifests: the
   * TypeScript parser needs the thread's deep stack (bin.ts), and a user's
   * ESLint config may bring any parser.
   */
  mainThread: boolean;
}

/** At most this many named files, of at most this many bytes in all. */
const SMALL_FILES = 64;
const SMALL_BYTES = 1024 * 1024;
const SCRIPT_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/iu;
const NOT_A_RUN = new Set(["server", "rules", "rule"]);

/**
 * Arguments that are existing files count; any folder (or no path at all:
 * the CLI lints ".") makes the run large. Option values are stat'ed too and
 * are simply not found, or count as one more small file (--config x.toml).
 */
export function startPlan(argv: readonly string[], cwd: string): StartPlan {
  const large: StartPlan = { baselineWasm: false, mainThread: false };
  if (NOT_A_RUN.has(argv[0] ?? "") || argv.some((a) => a === "-w" || a === "--watch")) return large;
  const stdinName = argv.find((a, i) => argv[i - 1] === "--stdin-filename") ?? argv.find((a) => a.startsWith("--stdin-filename="))?.slice(17);
  let files = 0;
  let bytes = 0;
  let scripts = stdinName !== undefined && SCRIPT_EXTENSIONS.test(stdinName);
  let optionsEnd = false;
  for (const arg of argv) {
    // After "--" every argument is a path, even one that starts with "-".
    if (arg === "--" && !optionsEnd) {
      optionsEnd = true;
      continue;
    }
    if ((arg.startsWith("-") && !optionsEnd) || arg === stdinName) continue;
    const st = statSync(resolve(cwd, arg), { throwIfNoEntry: false });
    if (!st) continue;
    if (!st.isFile()) return large;
    files++;
    bytes += st.size;
    if (SCRIPT_EXTENSIONS.test(arg)) scripts = true;
  }
  if (stdinName === undefined && files === 0) return large;
  if (files > SMALL_FILES || bytes > SMALL_BYTES) return large;
  return { baselineWasm: true, mainThread: !scripts && !argv.some((a) => a === "--eslint-config" || a.startsWith("--eslint-config=")) };
}
