// The README's pyproject.toml snippet, run as shown on a small repository: each setting has its effect.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";
import { findings } from "./util/housing-project.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("## Configuration"));
const snippet = /```toml\n([\s\S]*?)```/u.exec(section)?.[1];

const TRAIN = `"""Train a churn classifier on the monthly export and track it in MLflow."""
import argparse

import mlflow
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/churn.csv")
    parser.add_argument("--learning-rate", type=float, default=0.05)
    args = parser.parse_args()

    np.random.seed(7)
    df = pd.read_csv(args.data)
    features, labels = df.drop(columns="churned"), df["churned"]
    X_train, X_test, y_train, y_test = train_test_split(features, labels, test_size=0.2)

    mlflow.start_run(run_name="churn-gbm")
    model = GradientBoostingClassifier(learning_rate=args.learning_rate, random_state=7)
    model.fit(X_train, y_train)
    mlflow.log_param("learning_rate", args.learning_rate)
    mlflow.log_metric("test_auc", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))


if __name__ == "__main__":
    main()
`;

const TEST = `import numpy as np
from sklearn.linear_model import LogisticRegression

# A separable toy problem: the label is whether the first feature passes 0.5.
FEATURES = np.random.rand(200, 3)
LABELS = (FEATURES[:, 0] > 0.5).astype(int)


def test_model_learns_a_separable_problem():
    model = LogisticRegression(C=100.0).fit(FEATURES, LABELS)
    assert model.score(FEATURES, LABELS) > 0.9
`;

const SCRATCH = `import numpy as np
import pandas as pd

df = pd.read_csv("data/churn.csv")
sample = df.iloc[np.random.choice(len(df), size=500)]
print(sample.describe())
`;

describe("README configuration snippet", () => {
  it("is there", () => {
    expect(snippet).toMatch(/^\[tool\.exp-lint\]/u);
  });

  it("works as shown in a pyproject.toml", async () => {
    const root = tempProject({
      "pyproject.toml": `[project]\nname = "churn-model"\nversion = "0.3.0"\nrequires-python = ">=3.10"\n\n${snippet}`,
      "train.py": TRAIN,
      "tests/test_model.py": TEST,
      "notebooks/scratch/explore.py": SCRATCH,
      "requirements.txt": "mlflow>=2.9\nnumpy==1.26.4\npandas==2.2.2\nscikit-learn==1.4.2\n",
    });
    const without = await runCli(["--format", "json", "--no-config"], root);
    expect(findings(without, root)).toEqual([
      "notebooks/scratch/explore.py:5 require-seed error",
      "requirements.txt:1 pin-requirements error",
      "tests/test_model.py:5 require-seed error",
      "train.py:23 require-run-context error",
    ]);
    const configured = await runCli(["--format", "json"], root);
    expect(findings(configured, root)).toEqual([
      // severity: a warning now.
      "requirements.txt:1 pin-requirements warn",
      // rules.require-seed.requireExplicitRandomState: the split relies on np.random.seed.
      "train.py:21 require-seed error",
      // Gone: require-run-context (ignore), tests/** (per-file-ignores), notebooks/scratch (extend-exclude).
    ]);
    expect(configured.code).toBe(1);
  });
});
