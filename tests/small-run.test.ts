import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startPlan } from "../dist/cli/small-run.js";
import { tempProject } from "./util/cli.js";

const SCRIPT = "import numpy as np\n\nnoise = np.random.rand(3)\n";

describe("how bin.ts starts a run (cli/small-run.ts)", () => {
  const dir = tempProject({
    "train.py": SCRIPT,
    "requirements.txt": "numpy\n",
    "notebooks/explore.ipynb": "{}",
    "web/plot.ts": "export const x = 1;\n",
    "big/data.py": "x = 1\n".repeat(200_000),
    "exp-lint.toml": "[rules]\n",
    "-web/chart.ts": "export const y = 2;\n",
  });
  const plan = (...argv: string[]) => startPlan(argv, dir);

  it("runs a few named Python files, notebooks and manifests on the main thread, with baseline wasm", () => {
    expect(plan("train.py")).toEqual({ baselineWasm: true, mainThread: true });
    expect(plan("-f", "json", "train.py", "requirements.txt", "notebooks/explore.ipynb")).toEqual({ baselineWasm: true, mainThread: true });
    // An option's value that is a file counts as one more small file; one that is not a path is not looked at.
    expect(plan("--config", "exp-lint.toml", "--format", "json", "train.py")).toEqual({ baselineWasm: true, mainThread: true });
    expect(plan("--stdin-filename", "train.py")).toEqual({ baselineWasm: true, mainThread: true });
  });

  it("keeps the thread's deep stack for TypeScript and JavaScript, and for a user's ESLint config", () => {
    expect(plan("train.py", "web/plot.ts")).toEqual({ baselineWasm: true, mainThread: false });
    expect(plan("--stdin-filename", "web/plot.ts")).toEqual({ baselineWasm: true, mainThread: false });
    expect(plan("--stdin-filename=plot.mjs")).toEqual({ baselineWasm: true, mainThread: false });
    expect(plan("--eslint-config", "eslint.config.js", "train.py")).toEqual({ baselineWasm: true, mainThread: false });
    // After "--", a folder whose name starts with "-" is a folder: a large run.
    expect(plan("train.py", "--", "-web")).toEqual({ baselineWasm: false, mainThread: false });
    expect(plan("train.py", "--", "-web/chart.ts")).toEqual({ baselineWasm: true, mainThread: false });
  });

  it("treats folders, no paths, many bytes, --watch and the sub-commands as large runs", () => {
    const large = { baselineWasm: false, mainThread: false };
    expect(plan()).toEqual(large);
    expect(plan(".")).toEqual(large);
    expect(plan("train.py", "notebooks")).toEqual(large);
    expect(plan("big/data.py")).toEqual(large);
    expect(plan("--watch", "train.py")).toEqual(large);
    expect(plan("server")).toEqual(large);
    expect(plan("rule", "train.py")).toEqual(large);
    expect(plan("missing.py")).toEqual(large);
  });

  it("sets a flag this Node's V8 knows: setting it prints nothing", () => {
    const r = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", 'import { setFlagsFromString } from "node:v8"; setFlagsFromString("--liftoff-only"); console.log("set");'],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("set");
  });
});
