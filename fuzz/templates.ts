/**
 * Realistic inputs the fuzzer starts from before mutating them: one training
 * script per tracker and framework, a notebook's cells, and every manifest
 * kind. Written for exp-lint's fuzzing; each holds the constructs the rules
 * look at (imports, tracker calls, seeds, splits, runs, pins).
 */

export const PYTHON_SCRIPTS = [
  `"""Train a churn classifier and log it to MLflow."""
import argparse
import numpy as np
import pandas as pd
import mlflow
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n-estimators", type=int, default=300)
    parser.add_argument("--max-depth", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    return parser.parse_args()


def main():
    args = parse_args()
    np.random.seed(args.seed)
    df = pd.read_csv("data/churn.csv")
    X, y = df.drop(columns=["churned"]), df["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)
    with mlflow.start_run(run_name="forest") as run:
        mlflow.log_param("n_estimators", args.n_estimators)
        mlflow.log_params({"max_depth": args.max_depth, "seed": args.seed})
        model = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth, random_state=args.seed)
        model.fit(X_train, y_train)
        train_acc = accuracy_score(y_train, model.predict(X_train))
        test_f1 = f1_score(y_test, model.predict(X_test))
        mlflow.log_metric("train_accuracy", train_acc)
        mlflow.log_metric("test_f1", test_f1)
        print(f"run {run.info.run_id}: f1={test_f1:.3f}")


if __name__ == "__main__":
    main()
`,
  `import random
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, random_split
import wandb

config = {"lr": 3e-4, "epochs": 12, "batch_size": 64, "hidden": 256}


class Classifier(nn.Module):
    def __init__(self, features: int, hidden: int, classes: int = 10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(features, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, classes))

    def forward(self, x):
        return self.body(x)


def train(run, loader, model, optimizer):
    model.train()
    for epoch in range(config["epochs"]):
        total = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
        run.log({"train/loss": total / len(loader), "epoch": epoch})


if __name__ == "__main__":
    torch.manual_seed(7)
    random.seed(7)
    data = TensorDataset(torch.randn(1024, 32), torch.randint(0, 10, (1024,)))
    train_set, val_set = random_split(data, [900, 124])
    run = wandb.init(project="digits", config=config)
    try:
        model = Classifier(32, config["hidden"])
        opt = torch.optim.Adam(model.parameters(), lr=config["lr"])
        train(run, DataLoader(train_set, batch_size=config["batch_size"], shuffle=True), model, opt)
        wandb.log({"val_accuracy": 0.91})
    finally:
        run.finish()
`,
  `# /// script
# requires-python = ">=3.11"
# dependencies = [
#   "numpy>=1.26",
#   "xgboost",  # boosting
#   "optuna==3.6.1",
# ]
# ///
import numpy as np
import optuna
import xgboost as xgb
from mlflow.tracking import MlflowClient
from sklearn.model_selection import KFold, cross_val_score

client = MlflowClient()
run = client.create_run(experiment_id="0")
rng = np.random.default_rng()
X = rng.normal(size=(500, 12))
y = (X[:, 0] + rng.normal(size=500) > 0).astype(int)


def objective(trial):
    params = {"max_depth": trial.suggest_int("max_depth", 2, 9), "eta": trial.suggest_float("eta", 1e-3, 0.3, log=True)}
    model = xgb.XGBClassifier(**params)
    scores = cross_val_score(model, X, y, cv=KFold(5, shuffle=True))
    client.log_metric(run.info.run_id, "cv_accuracy", scores.mean())
    client.log_param(run.info.run_id, "max_depth", 4)
    return scores.mean()


study = optuna.create_study(direction="maximize")
study.optimize(objective, n_trials=20)
client.set_terminated(run.info.run_id)
`,
];

export const NOTEBOOK_CELLS = [
  "%pip install -q numpy pandas>=2 scikit-learn",
  "%matplotlib inline\nimport numpy as np\nimport pandas as pd\nimport mlflow",
  "df = pd.read_csv('data/houses.csv')\ndf.head?",
  "files = !ls data\nprint(files)",
  "%%time\nfrom sklearn.model_selection import train_test_split\nX_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns='price'), df.price)",
  "%%bash\necho not python at all (",
  "mlflow.start_run()\nmlflow.log_param('alpha', 0.5)\nmlflow.log_metric('test_rmse', 1.2)",
  "noise = np.random.normal(size=10)  # noqa: require-seed",
];

export const REQUIREMENTS = `# training environment
--index-url https://pypi.org/simple
-r base.txt
-c constraints.txt
numpy>=1.26  # fast path
pandas==2.2.0
scikit-learn[alldeps] ; python_version >= "3.10"
torch==2.1.2 \\
    --hash=sha256:0f4b0d9ef4ac1f4e1e8c9e5b1a0f7e6d5c4b3a29181716151413121110090807
-e git+https://github.com/acme/features.git@v1.2#egg=features
mlflow~=2.12
./vendor/tokenizer-0.3.1-py3-none-any.whl
wandb
`;

export const PYPROJECT = `[build-system]
requires = ["setuptools>=68", "wheel"]

[project]
name = "churn"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = [
    "numpy>=1.26",
    "pandas ; python_version >= '3.10'",
    "scikit-learn==1.4.2",
]

[project.optional-dependencies]
track = ["mlflow>=2", "wandb"]

[dependency-groups]
dev = ["pytest>=8", { include-group = "lint" }]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.10"
torch = { version = "^2.1", extras = ["cuda"] }
xgboost = [{ version = "<2", python = "<3.9" }, { version = "^2", python = ">=3.9" }]
numpy = "*"
`;

export const CONDA = `name: churn
channels:
  - conda-forge
  - defaults
dependencies:
  - python=3.11
  - numpy>=1.26
  - pandas=2.2.0
  - conda-forge::scikit-learn
  - pip
  - pip:
      - mlflow==2.12.1
      - wandb  # tracking
      - -r requirements.txt
`;

export const TYPESCRIPT = `import * as tf from "@tensorflow/tfjs-node";
import { MlflowClient } from "mlflow-js";
import seedrandom from "seedrandom";

interface Config { lr: number; epochs: number; hidden: number }

const config: Config = { lr: 0.001, epochs: 20, hidden: 64 };
const client = new MlflowClient("http://localhost:5000");

async function train(xs: tf.Tensor, ys: tf.Tensor): Promise<number> {
  const run = await client.createRun("0");
  try {
    await client.logParam(run.info.run_id, "lr", 0.01);
    await client.logParam(run.info.run_id, "epochs", config.epochs);
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: config.hidden, activation: "relu", inputShape: [8] }));
    model.compile({ optimizer: tf.train.adam(config.lr), loss: "meanSquaredError" });
    const history = await model.fit(xs, ys, { epochs: config.epochs, validationSplit: 0.2, shuffle: true });
    const trainLoss = history.history.loss.at(-1) as number;
    await client.logMetric(run.info.run_id, "test_loss", trainLoss);
    return trainLoss;
  } finally {
    await client.setTerminated(run.info.run_id);
  }
}

const rng = seedrandom();
const xs = tf.randomNormal([256, 8]);
const ys = tf.tensor(Array.from({ length: 256 }, () => Math.random() + rng()));
train(xs, ys.reshape([256, 1])).then((loss) => console.log(\`loss \${loss}\`));
`;
