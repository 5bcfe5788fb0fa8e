import { relative } from "node:path";
import { watchLinted } from "../engine/linted.js";

/** Scans smaller than this finish before a progress line would help. */
export const PROGRESS_MIN_FILES = 300;
const INTERVAL_MS = 100;
const CLEAR = "\r\u001b[K";

export interface ProgressStream {
  write: (s: string) => void;
  isTTY: boolean;
}

/**
 * "linted 1200/3000 files" on a terminal's stderr, redrawn at most every 100 ms
 * and erased at the end. Nothing when stderr is a pipe or a file, for a small
 * scan, or with machine-readable formats.
 */
export class Progress {
  private count = 0;
  private last = Number.NEGATIVE_INFINITY;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {}

  static wanted(total: number, stream: ProgressStream, format: string): boolean {
    return stream.isTTY && format === "stylish" && total > PROGRESS_MIN_FILES;
  }

  tick(): void {
    this.count++;
    const t = this.now();
    if (t - this.last < INTERVAL_MS && this.count < this.total) return;
    this.last = t;
    this.shown = true;
    this.stream.write(`${CLEAR}linted ${Math.min(this.count, this.total)}/${this.total} files`);
  }

  done(): void {
    if (this.shown) this.stream.write(CLEAR);
    this.shown = false;
  }
}

/**
 * Watch the files being linted, for the progress line and for `EXP_LINT_DEBUG=files`
 * (which lists what was really linted, so a cache hit is visible: nothing is).
 * Returns the function to call once linting is over.
 */
export function watchRun(opts: { total: number; format: string; stderr: ProgressStream; cwd: string; debug?: string }): () => Promise<void> {
  const progress = Progress.wanted(opts.total, opts.stderr, opts.format) ? new Progress(opts.total, opts.stderr) : null;
  const debug = (opts.debug ?? "").split(",").includes("files");
  if (!progress && !debug) return async () => {};
  const files: string[] = [];
  const stop = watchLinted((file) => {
    progress?.tick();
    if (debug) files.push(file);
  });
  return async () => {
    await stop();
    progress?.done();
    if (debug) {
      const list = files.map((f) => relative(opts.cwd, f)).sort();
      opts.stderr.write(`exp-lint: debug: linted ${list.length} of ${opts.total} files${list.length ? `: ${list.join(", ")}` : ""}\n`);
    }
  };
}
