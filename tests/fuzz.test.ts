import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { cliBatch } from "../dist/fuzz/cli-batch.js";
import { caseOf, KINDS } from "../dist/fuzz/generators.js";
import { LintPool } from "../dist/fuzz/pool.js";
import { tempProject } from "./util/cli.js";

/**
 * Property-based robustness: generated and mutated inputs of every kind,
 * linted through ESLint's API with the plugin (fixes on), then a sample
 * through the real CLI. `npm run fuzz` runs the same properties for longer.
 */

// Per kind, kept small here (10 kinds, on lint workers); `npm run fuzz` runs the same properties at length.
const RUNS = 30;
// A case that takes this long is a hang (a file normally lints in milliseconds). The first case of a worker also
// waits for its start (ESLint and tree-sitter loading), which on a loaded machine took over 20 s: slow, not a hang.
const HANG_MS = 120_000;

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
  });
});

describe("fuzzed files through the CLI", () => {
  it("exits 0 or 1 with a result for every file, and still lints the good one", () => {
    const cases = fc.sample(fc.oneof(...KINDS.map(caseOf)), 28);
    expect(cliBatch(cases, process.env.EXP_LINT_TEST_TMP)).toEqual([]);
  });
});

describe("exit codes under generated command lines", () => {
  const options = fc.record(
    {
      format: fc.constantFrom("stylish", "json", "sarif", "github"),
      quiet: fc.boolean(),
      maxWarnings: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
      strict: fc.boolean(),
      statistics: fc.boolean(),
      unused: fc.boolean(),
      color: fc.constantFrom(undefined, "--color", "--no-color"),
    },
    { requiredKeys: ["format"] },
  );
  const argv = (o: typeof options extends fc.Arbitrary<infer T> ? T : never) => [
    "-f",
    o.format,
    ...(o.quiet ? ["--quiet"] : []),
    ...(o.maxWarnings !== undefined ? ["--max-warnings", String(o.maxWarnings)] : []),
    ...(o.strict ? ["--strict"] : []),
    ...(o.statistics ? ["--statistics"] : []),
    ...(o.unused ? ["--report-unused-disable-directives"] : []),
    ...(o.color ? [o.color] : []),
  ];
  const project = () =>
    tempProject({
      "train.py": "import numpy as np\nx = np.random.rand(3)  # noqa: require-seed\ny = np.random.rand(3)\n",
      "broken.py": "def f(:\n",
      "requirements.txt": "numpy\n",
      "notebook.ipynb": "{ not json",
    });
  const io = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, isTTY: false, cwd });

  it("exits 1 for any valid options over broken files (they have errors), and 2 only for a broken invocation", async () => {
    const { main } = await import("../cli/main.js");
    const dir = project();
    await fc.assert(
      fc.asyncProperty(options, fc.constantFrom(undefined, "--no-such-option", "missing/"), async (o, bad) => {
        const code = await main([...argv(o), ...(bad === "--no-such-option" ? [bad] : []), bad === "missing/" ? bad : "."], io(dir));
        // The project always has errors (an unpinned requirement, an invalid notebook), so a valid run exits 1.
        expect(code).toBe(bad ? 2 : 1);
      }),
      { numRuns: 12 },
    );
  });
});
