import { basename, resolve } from "node:path";
import { watch } from "chokidar";
import { kindOf } from "../discovery/files.js";

interface WatchIo {
  stderr: (s: string) => void;
  cwd: string;
  signal?: AbortSignal;
}

// Folders whose changes never matter to a lint; the rest of the skip list is applied when the changed files are planned.
const SKIP = /(?:^|[\\/])(?:\.git|node_modules|\.venv|venv|__pycache__|\.mypy_cache|\.pytest_cache|\.ruff_cache|\.ipynb_checkpoints)(?:[\\/]|$)/u;
const CONFIG_FILES = new Set(["exp-lint.toml", "pyproject.toml"]);
// Editors save in bursts (write, rename, touch): one run for a burst.
const SETTLE_MS = 150;

/**
 * `--watch`: after the first run, lint again the files that change (chokidar's events, settled), and every
 * path when a configuration file changes. Runs until the signal aborts or the process is interrupted.
 */
export async function watchAndLint(paths: string[], io: WatchIo, relint: (paths: string[]) => Promise<number>): Promise<number> {
  const watcher = watch(
    paths.map((p) => resolve(io.cwd, p)),
    { ignoreInitial: true, ignored: (path) => SKIP.test(path) },
  );
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    const batch = [...changed];
    changed.clear();
    const all = batch.some((p) => CONFIG_FILES.has(basename(p)));
    const targets = all ? paths : batch.filter((p) => kindOf(p) !== null);
    if (!targets.length) return;
    running = running.then(async () => {
      io.stderr(
        `\nexp-lint: ${all ? "configuration changed, linting everything again" : `${targets.length} file${targets.length === 1 ? "" : "s"} changed, linting again`}\n`,
      );
      await relint(targets);
      io.stderr("exp-lint: watching for changes (Ctrl-C to stop)\n");
    });
  };
  const note = (path: string) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  watcher.on("add", note).on("change", note);
  await new Promise<void>((ready) => watcher.on("ready", () => ready()));
  io.stderr("exp-lint: watching for changes (Ctrl-C to stop)\n");
  await new Promise<void>((stop) => {
    if (io.signal?.aborted) stop();
    io.signal?.addEventListener("abort", () => stop(), { once: true });
  });
  clearTimeout(timer);
  await running;
  await watcher.close();
  return 0;
}
