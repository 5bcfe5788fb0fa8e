import rule from "../rules/no-mislabeled-metric.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("no-mislabeled-metric", rule, {
  valid: [
    // Held-out data under held-out and unqualified keys; training data under a train key; an unqualified loss.
    `import mlflow
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score
from sklearn.linear_model import LogisticRegression

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model = LogisticRegression().fit(X_train, y_train)
mlflow.log_metric("test_accuracy", accuracy_score(y_test, model.predict(X_test)))
mlflow.log_metric("accuracy", model.score(X_test, y_test))
mlflow.log_metric("train_accuracy", model.score(X_train, y_train))
mlflow.log_metric("loss", model.score(X_train, y_train))
mlflow.log_metric("n_train", len(X_train))
`,
    // Cross-validated scores are held-out even though they take training data.
    `import mlflow
from sklearn.model_selection import cross_val_score, cross_val_predict
from sklearn.metrics import f1_score

mlflow.log_metric("cv_accuracy", cross_val_score(model, X_train, y_train, cv=5).mean())
mlflow.log_metric("accuracy", cross_val_score(model, X_train, y_train, cv=5).mean())
y_oof = cross_val_predict(model, X_train, y_train)
mlflow.log_metric("f1", f1_score(y_train, y_oof))
`,
    // Mixed provenance, or a key naming two splits.
    `import mlflow
mlflow.log_metric("accuracy", train_acc - test_acc)
mlflow.log_metric("train_val_gap_acc", train_acc - val_acc)
`,
    // Keys that are not literal.
    `import mlflow
mlflow.log_metric(f"{split}_accuracy", train_acc)
mlflow.log_metric(key, train_acc)
`,
    // Validation under an unqualified key, test under a validation key: not this rule's concern.
    `import mlflow
mlflow.log_metric("accuracy", val_acc)
mlflow.log_metric("val_accuracy", test_acc)
`,
    // Fitted-model attributes are not followed back to the training data.
    `import mlflow
model = RandomForestClassifier(oob_score=True).fit(X_train, y_train)
mlflow.log_metric("oob_accuracy", model.oob_score_)
search = GridSearchCV(model, grid).fit(X_train, y_train)
mlflow.log_metric("cv_best_score", search.best_score_)
`,
    // A parameter of unknown provenance.
    `import mlflow
def report(acc):
    mlflow.log_metric("accuracy", acc)
`,
    // `val` and `dev` alone are a value and a device, not splits.
    `import mlflow
for name, val in scores.items():
    mlflow.log_metric("test_accuracy", val)
dev = torch.device("cuda")
mlflow.log_metric("test_loss", criterion(net(x.to(dev)), y.to(dev)).item())
`,
    // Not a tracker: a local function named log_metric.
    `from sklearn.metrics import accuracy_score

def log_metric(name, value):
    print(name, value)

log_metric("accuracy", accuracy_score(y_train, model.predict(X_train)))
`,
    // A PyTorch loop that labels each split; the loader inside evaluate() is a parameter.
    `import wandb

def evaluate(model, loader):
    correct = 0
    for xb, yb in loader:
        correct += (model(xb).argmax(1) == yb).sum().item()
    acc = correct / len(loader.dataset)
    wandb.log({"accuracy": acc})
    return acc

with wandb.init() as run:
    for epoch in range(3):
        for xb, yb in train_loader:
            loss = criterion(model(xb), yb)
            run.log({"loss": loss.item()})
        run.log({"val_accuracy": evaluate(model, val_loader)})
        run.log({"test_accuracy": evaluate(model, test_loader)})
`,
  ],
  invalid: [
    // train_test_split data flow, under a test key
    {
      code: `import mlflow
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model.fit(X_train, y_train)
mlflow.log_metric("test_accuracy", accuracy_score(y_train, model.predict(X_train)))
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          data: {
            key: "test_accuracy",
            keySplit: "test",
            value: "accuracy_score(y_train, model.predict(X_train))",
            evidence: "y_train and X_train, the training split from train_test_split",
            rename: "train_accuracy",
            remedy: "compute it on y_test and X_test",
          },
          line: 7,
          column: 36,
          endLine: 7,
          endColumn: 83,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.metrics import accuracy_score\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)\nmodel.fit(X_train, y_train)\nmlflow.log_metric("train_accuracy", accuracy_score(y_train, model.predict(X_train)))\n',
            },
          ],
        },
      ],
    },
    // from-import, short split names, unqualified quality key
    {
      code: `from mlflow import log_metric

log_metric("accuracy", clf.score(X_tr, y_tr))
`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 45,
          suggestions: [{ messageId: "renameKey", output: 'from mlflow import log_metric\n\nlog_metric("train_accuracy", clf.score(X_tr, y_tr))\n' }],
        },
      ],
    },
    // log_metrics dict: the entry is reported; an unqualified loss is not
    {
      code: `import mlflow

train_acc = evaluate(model, loader)
mlflow.log_metrics({"loss": train_loss, "val_acc": train_acc})
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 61,
          suggestions: [
            {
              messageId: "renameKey",
              output: 'import mlflow\n\ntrain_acc = evaluate(model, loader)\nmlflow.log_metrics({"loss": train_loss, "train_acc": train_acc})\n',
            },
          ],
        },
      ],
    },
    // MlflowClient via its tracking alias; the name says train
    {
      code: `from mlflow.tracking import MlflowClient

client = MlflowClient()
acc_train = (model.predict(features) == labels).mean()
client.log_metric(run_id, "f1", acc_train)
`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'from mlflow.tracking import MlflowClient\n\nclient = MlflowClient()\nacc_train = (model.predict(features) == labels).mean()\nclient.log_metric(run_id, "train_f1", acc_train)\n',
            },
          ],
        },
      ],
    },
    // run from `with wandb.init() as run` in a function; literal subscript of a result
    {
      code: `import wandb

def main():
    with wandb.init(project="demo") as run:
        for epoch in range(3):
            metrics = evaluate(model, train_loader)
            run.log({"epoch": epoch, "accuracy": metrics["acc"]})
`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 7,
          column: 38,
          endLine: 7,
          endColumn: 64,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\n\ndef main():\n    with wandb.init(project="demo") as run:\n        for epoch in range(3):\n            metrics = evaluate(model, train_loader)\n            run.log({"epoch": epoch, "train_accuracy": metrics["acc"]})\n',
            },
          ],
        },
      ],
    },
    // a best validation score reported as the test score
    {
      code: `import wandb

best_val_acc = 0.0
for epoch in range(10):
    val_acc = evaluate(model, val_loader)
    best_val_acc = max(best_val_acc, val_acc)
wandb.log({"test/accuracy": best_val_acc})
`,
      errors: [
        {
          messageId: "valAsTest",
          data: {
            key: "test/accuracy",
            value: "best_val_acc",
            evidence: "the variable name val_acc",
            rename: "val/accuracy",
            remedy: "compute it on the test split",
          },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 41,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\n\nbest_val_acc = 0.0\nfor epoch in range(10):\n    val_acc = evaluate(model, val_loader)\n    best_val_acc = max(best_val_acc, val_acc)\nwandb.log({"val/accuracy": best_val_acc})\n',
            },
          ],
        },
      ],
    },
    // attribute provenance (self.train_loader) under an eval key
    {
      code: `import wandb

class Trainer:
    def report(self):
        acc = self.evaluate(self.train_loader)
        wandb.log({"eval/accuracy": acc})
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\n\nclass Trainer:\n    def report(self):\n        acc = self.evaluate(self.train_loader)\n        wandb.log({"train/accuracy": acc})\n',
            },
          ],
        },
      ],
    },
    // Keras history key val_accuracy under a test key
    {
      code: `import mlflow

history = model.fit(x, y, validation_split=0.1)
mlflow.log_metric("test_accuracy", history.history["val_accuracy"][-1])
`,
      errors: [
        {
          messageId: "valAsTest",
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 71,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\n\nhistory = model.fit(x, y, validation_split=0.1)\nmlflow.log_metric("val_accuracy", history.history["val_accuracy"][-1])\n',
            },
          ],
        },
      ],
    },
    // dict filled by subscript assignment before log_metrics
    {
      code: `import mlflow

metrics = {}
metrics["loss"] = loss_train
metrics["rmse"] = rmse_train
mlflow.log_metrics(metrics)
`,
      errors: [{ messageId: "trainUnqualified", line: 5, column: 1, endLine: 5, endColumn: 29, suggestions: [] }],
    },
    // MlflowClient.log_batch with Metric entities
    {
      code: `import time
from mlflow import MlflowClient
from mlflow.entities import Metric

client = MlflowClient()
client.log_batch(run_id, metrics=[Metric("val_auc", train_auc, int(time.time() * 1000), 0)])
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 6,
          column: 53,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import time\nfrom mlflow import MlflowClient\nfrom mlflow.entities import Metric\n\nclient = MlflowClient()\nclient.log_batch(run_id, metrics=[Metric("train_auc", train_auc, int(time.time() * 1000), 0)])\n',
            },
          ],
        },
      ],
    },
    // random_split position, through a DataLoader
    {
      code: `import wandb
from torch.utils.data import DataLoader, random_split

a, b = random_split(dataset, [0.9, 0.1])
loader = DataLoader(a, batch_size=32)
acc = evaluate(model, loader)
wandb.log({"val_accuracy": acc})
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          data: {
            key: "val_accuracy",
            keySplit: "validation",
            value: "acc",
            evidence: "a, the training split from random_split",
            rename: "train_accuracy",
            remedy: "compute it on b",
          },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 31,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\nfrom torch.utils.data import DataLoader, random_split\n\na, b = random_split(dataset, [0.9, 0.1])\nloader = DataLoader(a, batch_size=32)\nacc = evaluate(model, loader)\nwandb.log({"train_accuracy": acc})\n',
            },
          ],
        },
      ],
    },
    // tuple assignment: only the matching item flows into each name
    {
      code: `import mlflow

acc_a, acc_b = model.score(X_train, y_train), model.score(X_test, y_test)
mlflow.log_metric("accuracy", acc_b)
mlflow.log_metric("accuracy", acc_a)
`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\n\nacc_a, acc_b = model.score(X_train, y_train), model.score(X_test, y_test)\nmlflow.log_metric("accuracy", acc_b)\nmlflow.log_metric("train_accuracy", acc_a)\n',
            },
          ],
        },
      ],
    },
    // keras evaluate on training data, unpacked
    {
      code: `import mlflow

loss, acc = model.evaluate(x_train, y_train, verbose=0)
mlflow.log_metric("test_acc", acc)
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 34,
          suggestions: [
            {
              messageId: "renameKey",
              output: 'import mlflow\n\nloss, acc = model.evaluate(x_train, y_train, verbose=0)\nmlflow.log_metric("train_acc", acc)\n',
            },
          ],
        },
      ],
    },
    // PyTorch loop accumulators over a training loader
    {
      code: `import wandb

run = wandb.init()
rows, total = 0, 0
for xb, yb in train_dl:
    total += (net(xb).argmax(1) == yb).sum().item()
    rows += len(yb)
run.log({"precision": total / rows})
`,
      errors: [
        {
          messageId: "trainUnqualified",
          data: {
            key: "precision",
            value: "total / rows",
            evidence: "the variable name train_dl",
            rename: "train_precision",
            remedy: "compute it on held-out data",
          },
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 35,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\n\nrun = wandb.init()\nrows, total = 0, 0\nfor xb, yb in train_dl:\n    total += (net(xb).argmax(1) == yb).sum().item()\n    rows += len(yb)\nrun.log({"train_precision": total / rows})\n',
            },
          ],
        },
      ],
    },
    // camelCase keys keep their style; a train metric object's result
    {
      code: `import wandb
wandb.log({"valAcc": trainAcc, "testF1": train_f1_metric.compute()})
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          data: {
            key: "valAcc",
            keySplit: "validation",
            value: "trainAcc",
            evidence: "the variable name trainAcc",
            rename: "trainAcc",
            remedy: "compute it on the validation split",
          },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 30,
          suggestions: [{ messageId: "renameKey", output: 'import wandb\nwandb.log({"trainAcc": trainAcc, "testF1": train_f1_metric.compute()})\n' }],
        },
        {
          messageId: "trainAsHeldOut",
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 67,
          suggestions: [{ messageId: "renameKey", output: 'import wandb\nwandb.log({"valAcc": trainAcc, "trainF1": train_f1_metric.compute()})\n' }],
        },
      ],
    },
    // A cross-validated score is a validation estimate, not a test result.
    {
      code: `import mlflow
from sklearn.model_selection import cross_val_score

mlflow.log_metric("test_accuracy", cross_val_score(model, X_train, y_train, cv=5).mean())
`,
      errors: [
        {
          messageId: "valAsTest",
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 89,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\nfrom sklearn.model_selection import cross_val_score\n\nmlflow.log_metric("val_accuracy", cross_val_score(model, X_train, y_train, cv=5).mean())\n',
            },
          ],
        },
      ],
    },
    // `std_dev` in a key is a spread, not a dev split: the key is unqualified.
    {
      code: `import mlflow
import numpy as np
mlflow.log_metric("accuracy_std_dev", np.std(train_accs))
`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            { messageId: "renameKey", output: 'import mlflow\nimport numpy as np\nmlflow.log_metric("train_accuracy_std_dev", np.std(train_accs))\n' },
          ],
        },
      ],
    },
    // held-out folds of a KFold index loop (under enumerate) are validation folds
    {
      code: `import mlflow
from sklearn.model_selection import KFold

for fold, (fit_rows, held_rows) in enumerate(KFold(5, shuffle=True, random_state=0).split(X)):
    model.fit(X[fit_rows], y[fit_rows])
    mlflow.log_metric("test_accuracy", model.score(X[held_rows], y[held_rows]), step=fold)
`,
      errors: [
        {
          messageId: "valAsTest",
          data: {
            key: "test_accuracy",
            value: "model.score(X[held_rows], y[held_rows])",
            evidence: "held_rows, the validation split from KFold.split",
            rename: "val_accuracy",
            remedy: "compute it on the test split",
          },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 79,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\nfrom sklearn.model_selection import KFold\n\nfor fold, (fit_rows, held_rows) in enumerate(KFold(5, shuffle=True, random_state=0).split(X)):\n    model.fit(X[fit_rows], y[fit_rows])\n    mlflow.log_metric("val_accuracy", model.score(X[held_rows], y[held_rows]), step=fold)\n',
            },
          ],
        },
      ],
    },
    // the head of a table cut at one bound is the training split, the tail its held-out twin
    {
      code: `import mlflow

cut = int(len(df) * 0.8)
head, tail = df.iloc[:cut], df.iloc[cut:]
model.fit(head[features], head["target"])
mlflow.log_metric("accuracy", model.score(head[features], head["target"]))
`,
      errors: [
        {
          messageId: "trainUnqualified",
          data: {
            key: "accuracy",
            value: 'model.score(head[features], head["target"])',
            evidence: "head, the training split from slicing df",
            rename: "train_accuracy",
            remedy: "compute it on tail",
          },
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 74,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\n\ncut = int(len(df) * 0.8)\nhead, tail = df.iloc[:cut], df.iloc[cut:]\nmodel.fit(head[features], head["target"])\nmlflow.log_metric("train_accuracy", model.score(head[features], head["target"]))\n',
            },
          ],
        },
      ],
    },
  ],
});
