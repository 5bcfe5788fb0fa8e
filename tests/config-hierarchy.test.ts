// Hierarchical configuration, as Ruff finds it: each file takes the nearest exp-lint.toml or [tool.exp-lint].
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configForFile } from "../cli/config/index.js";
import { tempProject } from "./util/cli.js";
import { findings } from "./util/housing-project.js";
import { runMain } from "./util/in-process.js";

// An unseeded split and an unclosed run: require-seed and require-run-context fire on each copy.
const TRAIN = `"""Fit a churn model on this service's export."""
import mlflow
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/churn.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="churned"), df["churned"], test_size=0.2)
mlflow.start_run()
model = LogisticRegression(random_state=0).fit(X_train, y_train)
mlflow.log_metric("test_accuracy", model.score(X_test, y_test))
mlflow.end_run()
`;

function monorepo(): string {
  const root = tempProject({
    "pyproject.toml": '[project]\nname = "platform"\nversion = "1.0.0"\n\n[tool.exp-lint]\nignore = ["require-run-context"]\n',
    "train.py": TRAIN,
    // Inherits the root's settings and adds its own; globs relative to its own folder.
    "services/trainer/pyproject.toml":
      '[project]\nname = "trainer"\nversion = "0.1.0"\n\n[tool.exp-lint]\nextend = "../../pyproject.toml"\n\n[tool.exp-lint.severity]\nrequire-seed = "warn"\n\n[tool.exp-lint.per-file-ignores]\n"legacy/*.py" = ["require-seed"]\n',
    "services/trainer/train.py": TRAIN,
    "services/trainer/legacy/train.py": TRAIN,
    // Its own configuration, without extend: the root's ignore does not reach it.
    "services/scoring/exp-lint.toml": 'exclude = ["generated"]\n',
    "services/scoring/train.py": TRAIN,
    "services/scoring/generated/train.py": TRAIN,
  });
  execFileSync("git", ["init", "-q"], { cwd: root });
  return root;
}

describe("hierarchical configuration", () => {
  it("gives each file the nearest configuration, run from the repository root", async () => {
    const root = monorepo();
    const run = await runMain(["--format", "json", "."], root);
    expect(findings(run, root)).toEqual([
      "services/scoring/train.py:8 require-seed error",
      "services/scoring/train.py:9 require-run-context error",
      "services/trainer/train.py:8 require-seed warn",
      "train.py:8 require-seed error",
    ]);
  });

  it("finds the same configuration for a file named on the command line, from any folder (as pre-commit runs)", async () => {
    const root = monorepo();
    const fromRoot = await runMain(["--format", "json", "services/trainer/train.py", "services/scoring/generated/train.py"], root);
    expect(findings(fromRoot, root)).toEqual(["services/trainer/train.py:8 require-seed warn"]);
    const fromInside = await runMain(["--format", "json", "train.py"], join(root, "services/trainer"));
    expect(findings(fromInside, join(root, "services/trainer"))).toEqual(["train.py:8 require-seed warn"]);
  });

  it("lets --config name one file for every file", async () => {
    const root = monorepo();
    const run = await runMain(["--format", "json", "--config", "services/scoring/exp-lint.toml", "services/trainer"], root);
    expect(findings(run, root)).toEqual([
      "services/trainer/legacy/train.py:8 require-seed error",
      "services/trainer/legacy/train.py:9 require-run-context error",
      "services/trainer/train.py:8 require-seed error",
      "services/trainer/train.py:9 require-run-context error",
    ]);
  });

  it("exposes the lookup for one file, with each value's source", () => {
    const root = monorepo();
    const resolved = configForFile(join(root, "services/trainer/legacy/train.py"), root);
    expect(resolved.file).toBe(join(root, "services/trainer/pyproject.toml"));
    expect(resolved.chain).toEqual([join(root, "pyproject.toml"), join(root, "services/trainer/pyproject.toml")]);
    expect(resolved.config?.ignore).toEqual(["require-run-context"]);
    expect(resolved.sources).toMatchObject({ ignore: "pyproject.toml", "severity.require-seed": join("services", "trainer", "pyproject.toml") });
    expect(resolved.scope?.keep(join(root, "services/trainer/legacy/train.py"))).toBe(true);
    expect(configForFile(join(root, "services/scoring/generated/train.py"), root).scope?.keep(join(root, "services/scoring/generated/train.py"))).toBe(false);
  });

  it("prints what applies to a file and where each setting came from with --show-settings", async () => {
    const root = monorepo();
    const run = await runMain(["--show-settings", "services/trainer/legacy/train.py", "--extend-select", "require-deterministic-torch"], root);
    expect(run.code).toBe(0);
    const trainer = join("services", "trainer", "pyproject.toml");
    expect(run.stdout).toContain(`Configuration: pyproject.toml extended by ${trainer}`);
    expect(run.stdout).toContain("ignore = require-run-context  (from pyproject.toml)");
    expect(run.stdout).toContain(`severity.require-seed = warn  (from ${trainer})`);
    expect(run.stdout).toContain("extend-select = require-deterministic-torch  (from command line)");
    expect(run.stdout).toMatch(/^ {2}require-seed: off \(per-file-ignores\)$/mu);
    expect(run.stdout).toMatch(/^ {2}require-deterministic-torch: error$/mu);
    expect(run.stdout).not.toMatch(/^ {2}require-run-context/mu);
  });

  it("reports a loop of extends, and a missing extended file, as configuration errors", async () => {
    const root = tempProject({
      "a/exp-lint.toml": 'extend = "../b/exp-lint.toml"\n',
      "b/exp-lint.toml": 'extend = "../a/exp-lint.toml"\n',
      "a/train.py": TRAIN,
      "c/exp-lint.toml": 'extend = "nowhere.toml"\n',
      "c/train.py": TRAIN,
    });
    const loop = await runMain(["a"], root);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/"extend" makes a loop/u);
    const missing = await runMain(["c"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/c\/exp-lint\.toml: "extend" nowhere\.toml: no such file/u);
  });
});

describe("rule selection on the command line", () => {
  it("--select replaces the configured selection, --extend-select adds, --ignore removes", async () => {
    const root = monorepo();
    const only = await runMain(["--format", "json", "--select", "require-run-context", "train.py"], root);
    expect(findings(only, root)).toEqual(["train.py:9 require-run-context error"]);
    const ignored = await runMain(["--format", "json", "--ignore", "require-seed", "train.py"], root);
    expect(findings(ignored, root)).toEqual([]);
    const bad = await runMain(["--select", "require-sed", "train.py"], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown rule id "require-sed" (did you mean "require-seed"?)');
  });
});
