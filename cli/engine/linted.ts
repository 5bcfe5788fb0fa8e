import { BroadcastChannel, isMainThread } from "node:worker_threads";
import type { ESLint, Rule } from "eslint";

/**
 * Which files ESLint really lints, as it lints them: files answered from the
 * cache never get here. It feeds the progress line and the `EXP_LINT_DEBUG=files`
 * report. ESLint has no per-file hook, so this is a rule that reports nothing and
 * whose `create` runs once per linted file (per code block for notebooks),
 * on the main thread or on a worker.
 */

const CHANNEL = "exp-lint/linted";
/** Set while someone listens, so workers only post then; workers share the main thread's environment. */
const LISTENING_ENV = "EXP_LINT_LINTED_CHANNEL";

let inThread: ((file: string) => void) | null = null;
let toMain: BroadcastChannel | null = null;

const linted: Rule.RuleModule = {
  meta: { type: "suggestion", schema: [], docs: { description: "Count the files the CLI lints (reports nothing)" } },
  create(context) {
    const file = context.physicalFilename;
    // The thread that watches counts its own files directly; the others post them to it.
    if (inThread) inThread(file);
    else if (!isMainThread && process.env[LISTENING_ENV]) {
      if (!toMain) {
        toMain = new BroadcastChannel(CHANNEL);
        // A worker must still end once ESLint is done with it.
        toMain.unref();
      }
      toMain.postMessage(file);
    }
    return {};
  },
};

/** The CLI's own config block: the counting rule on every file ESLint lints. */
export const lintedConfig = {
  name: "exp-lint/cli/linted",
  plugins: { "exp-lint-cli": { rules: { linted } } as ESLint.Plugin },
  rules: { "exp-lint-cli/linted": "warn" as const },
};

/** Call `onFile` once per distinct file linted, on this thread or any worker, until the returned stop. */
export function watchLinted(onFile: (file: string) => void): () => Promise<void> {
  const seen = new Set<string>();
  const once = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    onFile(file);
  };
  inThread = once;
  process.env[LISTENING_ENV] = "1";
  const fromWorkers = new BroadcastChannel(CHANNEL);
  fromWorkers.onmessage = (event) => once((event as { data: string }).data);
  return async () => {
    // Let messages that workers posted before ending arrive.
    await new Promise((resolve) => setImmediate(resolve));
    fromWorkers.close();
    delete process.env[LISTENING_ENV];
    inThread = null;
  };
}
