// A small, realistic experiment repository for the configuration tests, with known findings.
import { relative } from "node:path";
import type { CliRun } from "./cli.js";

export const TRAIN = `"""Fit a ridge baseline on the housing export and record it in MLflow."""
import mlflow
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

SEED = 13
ALPHA = 0.5


def main():
    np.random.seed(SEED)
    frame = pd.read_csv("data/housing.csv")
    X_train, X_val, y_train, y_val = train_test_split(frame.drop(columns="price"), frame["price"], test_size=0.25)
    with mlflow.start_run(run_name="ridge-baseline"):
        model = Ridge(alpha=ALPHA).fit(X_train, y_train)
        mlflow.log_param("alpha", 1.0)
        mlflow.log_metric("val_mae", mean_absolute_error(y_val, model.predict(X_val)))


if __name__ == "__main__":
    main()
`;

export const PREPARE = `"""Draw a working sample of the raw housing dump for quick experiments."""
import numpy as np
import pandas as pd

frame = pd.read_csv("data/housing_raw.csv")
rows = np.random.choice(len(frame), size=2000, replace=False)
frame.iloc[rows].to_csv("data/housing.csv", index=False)
`;

export const REQUIREMENTS = "numpy==1.26.4\npandas>=2.0\nscikit-learn==1.4.2\nmlflow==2.12.1\n";

/** The repository's files, each under `prefix`. */
export function housingFiles(prefix = ""): Record<string, string> {
  return { [`${prefix}train.py`]: TRAIN, [`${prefix}prepare.py`]: PREPARE, [`${prefix}requirements.txt`]: REQUIREMENTS };
}

// What the recommended config finds in it, as `file:line rule severity`.
export const LITERAL = "train.py:19 no-literal-log-param error";
export const UNSEEDED = "prepare.py:6 require-seed error";
export const UNPINNED = "requirements.txt:2 pin-requirements error";
/** Only with require-seed's requireExplicitRandomState (strict). */
export const SPLIT_RELIES_ON_GLOBAL = "train.py:16 require-seed error";
/** Strict only (require-run-provenance): the run trains a model but logs neither the model nor a data version. */
export const RUN_WITHOUT_PROVENANCE = ["train.py:17 require-run-provenance error", "train.py:17 require-run-provenance error"];

/** A `--format json` run's findings as `file:line rule severity`, paths relative to `root`, sorted. */
export function findings(run: CliRun, root: string): string[] {
  if (run.code !== 0 && run.code !== 1) throw new Error(`exp-lint exited ${run.code}: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; severity: number }[] }[];
  return results
    .flatMap((r) =>
      r.messages.map((m) => `${relative(root, r.filePath)}:${m.line} ${m.ruleId?.replace("exp-lint/", "")} ${m.severity === 2 ? "error" : "warn"}`),
    )
    .sort();
}
