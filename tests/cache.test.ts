import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";

const UNSEEDED = `import numpy as np
from sklearn.model_selection import train_test_split

data = np.loadtxt("data.csv", delimiter=",")
train, test = train_test_split(data, test_size=0.2)
`;
const SEEDED = UNSEEDED.replace("test_size=0.2)", "test_size=0.2, random_state=7)");

// EXP_LINT_DEBUG=files lists the files ESLint really linted: a file answered from the cache is not parsed and not listed.
const debugRun = (args: string[], dir: string) => runCli(args, dir, { EXP_LINT_DEBUG: "files" });
const linted = (stderr: string) => /^exp-lint: debug: linted (\d+) of (\d+) files(?:: (.*))?$/mu.exec(stderr);

describe("--cache", () => {
  it("answers an unchanged folder from the cache and re-lints only an edited file", async () => {
    const dir = tempProject({ "a/train.py": UNSEEDED, "b/train.py": UNSEEDED, "c/train.py": SEEDED });
    const first = await debugRun(["--cache"], dir);
    expect(linted(first.stderr)?.slice(1)).toEqual(["3", "3", "a/train.py, b/train.py, c/train.py"]);
    expect(existsSync(join(dir, ".eslintcache"))).toBe(true);
    // ESLint's cache file records every linted file.
    const cache = readFileSync(join(dir, ".eslintcache"), "utf8");
    for (const f of ["a", "b", "c"]) expect(cache).toContain(join(dir, f, "train.py"));

    const second = await debugRun(["--cache"], dir);
    expect(linted(second.stderr)?.slice(1, 3)).toEqual(["0", "3"]);
    // Same findings and exit code, straight from the cache.
    expect([second.code, second.stdout]).toEqual([first.code, first.stdout]);
    expect(second.stdout).toContain("2 problems (2 errors, 0 warnings) in 2 files");

    writeFileSync(join(dir, "b/train.py"), SEEDED);
    const third = await debugRun(["--cache"], dir);
    expect(linted(third.stderr)?.slice(1)).toEqual(["1", "3", "b/train.py"]);
    expect(third.stdout).toContain("1 problem (1 error, 0 warnings) in 1 file");
    expect(third.stdout).not.toContain("b/train.py");
  });

  it("keeps the cache where --cache-location says, and lints everything without --cache", async () => {
    const dir = tempProject({ "train.py": UNSEEDED });
    await debugRun(["--cache", "--cache-location", "tmp/lint-cache.json"], dir);
    expect(existsSync(join(dir, "tmp/lint-cache.json"))).toBe(true);
    expect(linted((await debugRun(["--cache", "--cache-location", "tmp/lint-cache.json"], dir)).stderr)?.[1]).toBe("0");
    expect(linted((await debugRun([], dir)).stderr)?.[1]).toBe("1");
  });
});
