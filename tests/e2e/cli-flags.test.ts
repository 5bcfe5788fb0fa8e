// The new flags through the real binary: standard input is read by bin.ts's main thread, not by main().
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, spawnCli, tempProject } from "../util/cli.js";

const UNSEEDED = `"""Bootstrap a confidence interval for the holdout accuracy."""
import numpy as np

scores = np.loadtxt("holdout_scores.csv")
means = [np.random.choice(scores, size=len(scores)).mean() for _ in range(1000)]
print(np.percentile(means, [2.5, 97.5]))
`;

describe("command-line flags in a real process", () => {
  it("reads standard input for --stdin-filename", () => {
    const root = tempProject({});
    const out = execFileSync(process.execPath, [BIN, "--stdin-filename", "bootstrap.py", "--exit-zero"], { cwd: root, input: UNSEEDED, encoding: "utf8" });
    expect(out).toContain("bootstrap.py:5:");
  });

  it("exits 0 with --exit-zero although there are findings", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    const run = await spawnCli(["--exit-zero"], root);
    expect(run.stdout).toContain("exp-lint/require-seed");
    expect(run.code).toBe(0);
  });
});
