import { setFlagsFromString } from "node:v8";

/**
 * V8's optimising compiler is tuned for long-running servers. In a lint run of
 * a few seconds it compiled about 2 s of CPU per thread in the background, and
 * every worker thread compiles the same code again, all competing with the lint
 * threads for the same cores. Optimising only the hotter functions, with less
 * inlining, cuts that by half or more: `npm run bench` shows both settings.
 */
const FLAGS = ["--interrupt-budget=270336", "--max-inlined-bytecode-size-cumulative=300"];

/**
 * V8 grows its heap by up to 4x per collection when it allocates fast, as a
 * lint run does: one thread over 12,000 files peaked at 629 MiB, nearly all
 * garbage (the same run capped at 150 MiB of heap finished as fast). Growing
 * it by 10% at a time kept the peak at 201 MiB for the same time. Not a cap: a
 * huge file still gets all the heap it needs.
 */
const HEAP_FLAGS = ["--heap-growing-percent=10"];

/** Set to any value to keep V8's own settings. */
export const V8_DEFAULTS_ENV = "EXP_LINT_V8_DEFAULTS";

/**
 * Process-wide, so called before the first lint worker starts. On one thread
 * V8's defaults were as fast or faster, so a single-threaded run keeps them.
 */
export function tuneTiering(): void {
  set(FLAGS);
}

/** Process-wide, for every run: bin.ts sets it before any thread starts (set later, the threads' heaps kept growing fast). */
export function boundHeapGrowth(): void {
  set(HEAP_FLAGS);
}

function set(flags: readonly string[]): void {
  if (process.env[V8_DEFAULTS_ENV]) return;
  // These flags exist in V8 11 to 13 (Node 20 to 24); V8 prints an error for a flag it does not know.
  const major = Number.parseInt(process.versions.v8, 10);
  if (major < 11 || major > 13) return;
  for (const flag of flags) setFlagsFromString(flag);
}
