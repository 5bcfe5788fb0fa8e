import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { cliBatch } from "../dist/fuzz/cli-batch.js";
import { caseOf, KINDS } from "../dist/fuzz/generators.js";
import { LintPool } from "../dist/fuzz/pool.js";

/**
 * Property-based robustness: generated and mutated inputs of every kind,
 * linted through ESLint's API with the plugin (fixes on), then a sample
 * through the real CLI. `npm run fuzz` runs the same properties for longer.
 */

// Per kind; the whole file stays well under 20 s on two idle cores.
const RUNS = 80;
// A case that takes this long is a hang (a file normally lints in milliseconds).
const HANG_MS = 20_000;

const pool = new LintPool(2, HANG_MS);
afterAll(() => pool.close());

describe.each(KINDS)("fuzzing %s files", (kind) => {
  it("never throws or hangs, and gives findings or one clear per-file message at positions inside the file", async () => {
    await fc.assert(
      fc.asyncProperty(caseOf(kind), async (c) => {
        expect((await pool.run(c)).violations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe("fuzzed files through the CLI", () => {
  it("exits 0 or 1 with a result for every file, and still lints the good one", () => {
    const cases = fc.sample(fc.oneof(...KINDS.map(caseOf)), 28);
    expect(cliBatch(cases, process.env.EXP_LINT_TEST_TMP)).toEqual([]);
  }, 120_000);
});
