import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONDA, NOTEBOOK_CELLS, PYPROJECT, PYTHON_SCRIPTS, REQUIREMENTS } from "../fuzz/templates.js";

/**
 * A deterministic corpus of realistic training scripts, built from templates
 * with a seeded generator, so the bench downloads nothing and every run
 * measures the same bytes.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const HEADERS = [
  `import argparse\nimport os\nimport numpy as np\nimport pandas as pd\nimport mlflow\nimport mlflow.sklearn\nfrom sklearn.model_selection import train_test_split, StratifiedKFold\nfrom sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier\nfrom sklearn.metrics import accuracy_score, f1_score, roc_auc_score\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.pipeline import Pipeline\n`,
  `import random\nimport numpy as np\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch.utils.data import DataLoader, TensorDataset, random_split\nimport wandb\n`,
  `import json\nimport logging\nimport numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\nimport mlflow\n`,
  `import numpy as np\nimport pandas as pd\nimport xgboost as xgb\nimport optuna\nfrom mlflow.tracking import MlflowClient\nfrom sklearn.model_selection import KFold, cross_val_score\n`,
];

const BLOCKS: ((r: () => number, i: number) => string)[] = [
  (r, i) => `

def load_data_${i}(path="data/train_${i}.csv", target="label"):
    """Load the dataset and split features from the target column."""
    df = pd.read_csv(path)
    df = df.dropna(subset=[target])${r() < 0.3 ? "\n    df = df.iloc[np.random.permutation(len(df))]" : ""}
    X = df.drop(columns=[target]).values
    y = df[target].values
    logging.info("loaded %d rows from %s", len(df), path)
    return X, y
`,
  (r, i) => `

def build_model_${i}(n_estimators=${pick(r, [50, 100, 200, 400])}, max_depth=${pick(r, [3, 5, 8, "None"])}, seed=${Math.floor(r() * 100)}):
    model = RandomForestClassifier(
        n_estimators=n_estimators,
        max_depth=max_depth,
        min_samples_leaf=${pick(r, [1, 2, 4])},
        random_state=seed,
        n_jobs=-1,
    )
    return Pipeline([("scale", StandardScaler()), ("clf", model)])
`,
  (r, i) => `

class Net${i}(nn.Module):
    def __init__(self, in_features, hidden=${pick(r, [64, 128, 256])}, classes=${pick(r, [2, 10, 100])}, dropout=${pick(r, [0.1, 0.2, 0.5])}):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden // 2)
        self.out = nn.Linear(hidden // 2, classes)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = self.drop(x)
        x = F.relu(self.fc2(x))
        return self.out(x)
`,
  (r, i) => `

def train_epoch_${i}(model, loader, optimizer, device="cpu"):
    model.train()
    total, correct, running = 0, 0, 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        logits = model(xb)
        loss = F.cross_entropy(logits, yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * xb.size(0)
        correct += (logits.argmax(dim=1) == yb).sum().item()
        total += xb.size(0)
    return running / total, correct / total
`,
  (r, i) => `

def evaluate_${i}(model, X, y):
    preds = model.predict(X)
    return {
        "accuracy": accuracy_score(y, preds),
        "f1": f1_score(y, preds, average="macro"),
    }
`,
  (r, i) => `

def objective_${i}(trial):
    params = {
        "max_depth": trial.suggest_int("max_depth", 2, ${pick(r, [8, 10, 12])}),
        "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.3, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "n_estimators": ${pick(r, [100, 300, 500])},
    }
    model = xgb.XGBClassifier(**params, random_state=${Math.floor(r() * 1000)})
    scores = cross_val_score(model, X_train, y_train, cv=KFold(5, shuffle=True, random_state=0))
    return scores.mean()
`,
  (r, i) => `

def build_keras_${i}(input_dim, units=${pick(r, [32, 64, 128])}):
    model = keras.Sequential([
        layers.Input(shape=(input_dim,)),
        layers.Dense(units, activation="relu"),
        layers.Dropout(${pick(r, [0.1, 0.3])}),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(${pick(r, ["1e-3", "3e-4"])}), loss="binary_crossentropy", metrics=["accuracy"])
    return model
`,
];

const MAINS: ((r: () => number) => string)[] = [
  (r) => `

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n-estimators", type=int, default=${pick(r, [100, 200])})
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    np.random.seed(args.seed)
    X, y = load_data_0()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)
    with mlflow.start_run():
        mlflow.log_param("n_estimators", args.n_estimators)${r() < 0.5 ? '\n        mlflow.log_param("max_depth", 8)' : ""}
        model = build_model_1(n_estimators=args.n_estimators, seed=args.seed)
        model.fit(X_train, y_train)
        test_acc = accuracy_score(y_test, model.predict(X_test))
        mlflow.log_metric("test_accuracy", test_acc)
        mlflow.sklearn.log_model(model, "model")


if __name__ == "__main__":
    main()
`,
  (r) => `

if __name__ == "__main__":
    config = {"lr": ${pick(r, ["1e-3", "3e-4"])}, "epochs": ${pick(r, [5, 10, 20])}, "batch_size": ${pick(r, [32, 64])}}
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    X = torch.randn(1000, 20)
    y = (X.sum(dim=1) > 0).long()
    train_ds, val_ds = random_split(TensorDataset(X, y), [800, 200])
    with wandb.init(project="demo", config=config) as run:
        model = Net2(20)
        optimizer = torch.optim.Adam(model.parameters(), lr=run.config["lr"])
        loader = DataLoader(train_ds, batch_size=run.config["batch_size"], shuffle=True)
        for epoch in range(run.config["epochs"]):
            train_loss, train_acc = train_epoch_3(model, loader, optimizer)
            run.log({"train_loss": train_loss, "train_acc": train_acc, "epoch": epoch})
`,
  (r) => `

study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=${Math.floor(r() * 100)}))
study.optimize(objective_5, n_trials=${pick(r, [20, 50, 100])})
client = MlflowClient()
run = client.create_run(experiment_id="0")
try:
    for key, value in study.best_params.items():
        client.log_param(run.info.run_id, key, value)
    client.log_metric(run.info.run_id, "cv_accuracy", study.best_value)
finally:
    client.set_terminated(run.info.run_id)
`,
];

// A module each project folder shares (with `projects: true`): the scripts import it, so the project index has work to do.
const PROJECT_MODULE = `import random

import numpy as np


def prepare_experiment(seed=0):
    random.seed(seed)
    np.random.seed(seed)


def describe(run):
    return str(run)
`;

/** Write `count` files under `dir` (cleared first); returns the total bytes. `projects`: every script imports a module of its folder. */
export function writeCorpus(dir: string, count: number, seed = 20261122, projects = false): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    let text = pick(r, HEADERS);
    const blocks = 4 + Math.floor(r() * 6);
    for (let b = 0; b < blocks; b++) text += pick(r, BLOCKS)(r, b);
    text += pick(r, MAINS)(r);
    const sub = join(dir, `project_${i % 40}`);
    mkdirSync(sub, { recursive: true });
    if (projects) {
      text = `from common import prepare_experiment\n${text}\nprepare_experiment(0)\n`;
      if (i < 40) {
        writeFileSync(join(sub, "common.py"), PROJECT_MODULE);
        bytes += Buffer.byteLength(PROJECT_MODULE);
      }
    }
    writeFileSync(join(sub, `train_${i}.py`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

export function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const sub of readdirSync(dir).sort()) for (const f of readdirSync(join(dir, sub)).sort()) out.push(join(dir, sub, f));
  return out;
}

/**
 * The second corpus, shaped like real repositories rather than like one
 * template: projects of scripts from several templates (fuzz/templates.ts, one
 * per tracker and framework) grown with the blocks above to 50-2,000 lines
 * (log-uniform, as real files are mostly short with a long tail), a notebook
 * every eighth file, and each project's manifests (requirements, pyproject,
 * conda environment).
 */
export function writeProjectCorpus(dir: string, count: number, seed = 20261202): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const path = join(dir, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  const grown = (start: string, lines: number) => {
    let text = start;
    for (let b = 0; text.split("\n").length < lines; b++) text += pick(r, BLOCKS)(r, b);
    return text;
  };
  for (let i = 0; i < count; i++) {
    const project = `project_${Math.floor(i / 40)}`;
    if (i % 40 === 0) {
      write(`${project}/requirements.txt`, REQUIREMENTS);
      write(`${project}/pyproject.toml`, PYPROJECT);
      write(`${project}/environment.yml`, CONDA);
      i += 2;
      continue;
    }
    const lines = Math.round(Math.exp(Math.log(50) + r() * (Math.log(2000) - Math.log(50))));
    if (i % 8 === 0) {
      const cells = [
        pick(r, NOTEBOOK_CELLS),
        pick(r, HEADERS),
        ...Array.from({ length: Math.max(2, Math.round(lines / 25)) }, (_, b) => pick(r, BLOCKS)(r, b).trim()),
      ];
      const nb = {
        cells: cells.map((c) => ({ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: c.split(/(?<=\n)/u) })),
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      };
      write(`${project}/explore_${i}.ipynb`, JSON.stringify(nb, null, 1));
    } else {
      write(`${project}/train_${i}.py`, grown(`${pick(r, PYTHON_SCRIPTS)}\n${pick(r, HEADERS)}`, lines));
    }
  }
  return bytes;
}
