import { setFlagsFromString } from "node:v8";

/**
 * V8's optimising compiler is tuned for long-running servers. In a lint run of
 * a few seconds it compiled about 2 s of CPU per thread in the background, and
 * every worker thread compiles the same code again, all competing with the lint
 * threads for the same cores. Optimising only the hotter functions, with less
 * inlining, cuts that by half or more: `npm run bench` shows both settings.
 */
const FLAGS = ["--interrupt-budget=270336", "--max-inlined-bytecode-size-cumulative=300"];

/** Set to any value to keep V8's own settings. */
export const V8_DEFAULTS_ENV = "EXP_LINT_V8_DEFAULTS";

/**
 * Process-wide, so called before the first lint worker starts. On one thread
 * V8's defaults were as fast or faster, so a single-threaded run keeps them.
 */
export function tuneTiering(): void {
  if (process.env[V8_DEFAULTS_ENV]) return;
  // Both flags exist in V8 11 to 13 (Node 20 to 24); V8 prints an error for a flag it does not know.
  const major = Number.parseInt(process.versions.v8, 10);
  if (major < 11 || major > 13) return;
  for (const flag of FLAGS) setFlagsFromString(flag);
}
