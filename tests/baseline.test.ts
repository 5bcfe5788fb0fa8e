import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";

// A legacy training script with three unseeded sources of randomness.
const TRAIN = `import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

features = np.random.rand(200, 5)
labels = (features[:, 0] > 0.5).astype(int)
X_train, X_test, y_train, y_test = train_test_split(features, labels, test_size=0.2)
model = RandomForestClassifier(n_estimators=100)
model.fit(X_train, y_train)
print(model.score(X_test, y_test))
`;

const cell = (type: "code" | "markdown", source: string) =>
  type === "code"
    ? { cell_type: type, execution_count: null, metadata: {}, outputs: [], source: source.split(/(?<=\n)/u) }
    : { cell_type: type, metadata: {}, source: source.split(/(?<=\n)/u) };
const notebook = (cells: ReturnType<typeof cell>[]) =>
  `${JSON.stringify({ cells, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
const NB_CELLS = [
  cell("markdown", "# Churn baseline\n"),
  cell("code", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\n"),
  cell("code", "df = pd.read_csv('churn.csv')\ntrain, test = train_test_split(df, test_size=0.25)\n"),
];

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; cell?: number; cellLine?: number }[];
}

const findings = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => ({ file: r.filePath, ...m })));

describe("--baseline", () => {
  it("hides recorded findings across unrelated edits and reports only a new mistake", async () => {
    const dir = tempProject({ "src/train.py": TRAIN, "notebooks/churn.ipynb": notebook(NB_CELLS) });
    const before = findings((await runCli(["-f", "json"], dir)).stdout);
    expect(before.length).toBe(4);

    const write = await runCli(["--baseline", "exp-lint-baseline.json", "--update-baseline"], dir);
    expect(write.code).toBe(0);
    expect(write.stderr).toBe("exp-lint: wrote 4 findings to exp-lint-baseline.json\n");
    const text = readFileSync(join(dir, "exp-lint-baseline.json"), "utf8");
    expect(text).not.toContain(dir);
    const recorded = (JSON.parse(text) as { findings: { file: string; ruleId: string }[] }).findings;
    expect(recorded.map((f) => f.file)).toEqual(["notebooks/churn.ipynb", "src/train.py", "src/train.py", "src/train.py"]);
    expect(recorded.every((f) => f.ruleId === "exp-lint/require-seed")).toBe(true);
    // Writing again over the same code gives the same bytes.
    await runCli(["--baseline", "exp-lint-baseline.json", "--update-baseline"], dir);
    expect(readFileSync(join(dir, "exp-lint-baseline.json"), "utf8")).toBe(text);

    const clean = await runCli(["--baseline", "exp-lint-baseline.json"], dir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("✔ No problems (2 files checked, 4 known findings hidden by the baseline).");

    // Unrelated edits shift every finding: lines above the script's findings, a new first cell in the notebook.
    writeFileSync(join(dir, "src/train.py"), `"""Train the churn forest."""\n\n# Data: synthetic for now.\n${TRAIN}`);
    writeFileSync(
      join(dir, "notebooks/churn.ipynb"),
      notebook([cell("markdown", "Setup notes.\n"), cell("code", "import os\nDATA = os.environ.get('DATA', '.')\n"), ...NB_CELLS]),
    );
    const shifted = await runCli(["--baseline", "exp-lint-baseline.json", "-f", "json"], dir);
    expect(findings(shifted.stdout)).toEqual([]);
    expect(shifted.code).toBe(0);
    expect(shifted.stderr).toBe("exp-lint: 4 findings hidden by the baseline\n");

    // A new mistake, even an exact copy of a recorded one, is reported alone.
    writeFileSync(
      join(dir, "src/train.py"),
      `${readFileSync(join(dir, "src/train.py"), "utf8")}X_train, X_test, y_train, y_test = train_test_split(features, labels, test_size=0.2)\n`,
    );
    const dirty = await runCli(["--baseline", "exp-lint-baseline.json", "-f", "json"], dir);
    expect(dirty.code).toBe(1);
    expect(findings(dirty.stdout).map((m) => [m.file, m.ruleId, m.line])).toEqual([[join(dir, "src/train.py"), "exp-lint/require-seed", 14]]);
  });

  it("reports a new mistake in a notebook by its cell", async () => {
    const dir = tempProject({ "churn.ipynb": notebook(NB_CELLS) });
    expect((await runCli(["--baseline", "base.json", "--update-baseline"], dir)).code).toBe(0);
    writeFileSync(join(dir, "churn.ipynb"), notebook([...NB_CELLS, cell("code", "val, holdout = train_test_split(test, test_size=0.5)\n")]));
    const r = await runCli(["--baseline", "base.json", "-f", "json"], dir);
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((m) => [m.ruleId, m.cell, m.cellLine])).toEqual([["exp-lint/require-seed", 4, 1]]);
  });

  it("forgets fixed findings when rewritten, so they cannot come back unnoticed", async () => {
    const dir = tempProject({ "train.py": TRAIN });
    await runCli(["--baseline", "base.json", "--update-baseline"], dir);
    writeFileSync(join(dir, "train.py"), TRAIN.replace("test_size=0.2)", "test_size=0.2, random_state=0)"));
    await runCli(["--baseline", "base.json", "--update-baseline"], dir);
    writeFileSync(join(dir, "train.py"), TRAIN);
    const r = await runCli(["--baseline", "base.json", "-f", "json"], dir);
    expect(findings(r.stdout).map((m) => m.line)).toEqual([7]);
  });

  it("exits 2 on a missing or malformed baseline, and on --update-baseline alone", async () => {
    const dir = tempProject({ "train.py": TRAIN, "bad.json": '{"findings": 3}' });
    const missing = await runCli(["--baseline", "nope.json"], dir);
    expect([missing.code, missing.stderr]).toEqual([2, "exp-lint: baseline nope.json does not exist; create it with --update-baseline\n"]);
    const bad = await runCli(["--baseline", "bad.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^exp-lint: baseline .*bad\.json is not an exp-lint baseline/u);
    const alone = await runCli(["--update-baseline"], dir);
    expect([alone.code, alone.stderr]).toEqual([2, "exp-lint: --update-baseline needs --baseline FILE to know where to write\n"]);
  });
});
