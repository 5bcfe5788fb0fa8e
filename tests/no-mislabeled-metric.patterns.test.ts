import rule from "../rules/no-mislabeled-metric.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

// Patterns of issue 12: metrics computed on the rows the model was fitted on, through variables and helpers.
pythonRuleTester().run("no-mislabeled-metric (issue 12 patterns)", rule as never, {
  valid: [
    // A validation loader over the shared training dataset, its rows picked by a sampler: held out.
    `import torch
import wandb
from torch.utils.data import DataLoader, SubsetRandomSampler

def accuracy(net, loader):
    return sum((net(x).argmax(1) == y).sum().item() for x, y in loader) / len(loader.sampler)

train_loader = DataLoader(train_ds, batch_size=64, sampler=SubsetRandomSampler(train_idx))
valid_loader = DataLoader(train_ds, batch_size=64, sampler=SubsetRandomSampler(valid_idx))
wandb.log({"val_accuracy": accuracy(model, valid_loader)})
`,
    // pattern 4: the same helper called with the test split
    `import mlflow
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

def evaluate(model, X, y):
    return {"accuracy": accuracy_score(y, model.predict(X))}

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model.fit(X_train, y_train)
with mlflow.start_run():
    mlflow.log_metrics(evaluate(model, X_test, y_test))
`,
    // the validation curve logged as such
    `import mlflow

history = model.fit(x_train, y_train, validation_split=0.1, epochs=10)
mlflow.log_metric("val_accuracy", history.history["val_accuracy"][-1])
`,
    // fitted on the training part, scored on the held-out part
    `import mlflow
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = LogisticRegression().fit(X_train, y_train)
mlflow.log_metric("accuracy", accuracy_score(y_test, model.predict(X_test)))
`,
    // the training score under a training name
    `import mlflow
from sklearn.linear_model import LogisticRegression

model = LogisticRegression()
model.fit(X, y)
mlflow.log_metric("train_accuracy", model.score(X, y))
`,
  ],
  invalid: [
    // W&B run summaries hold the run's final metrics: a keyed write and an update are logging too
    {
      code: `import wandb
from sklearn.model_selection import train_test_split

X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
with wandb.init(project="iris") as run:
    clf.fit(X_tr, y_tr)
    run.summary["test_accuracy"] = clf.score(X_tr, y_tr)
    wandb.run.summary.update({"val_accuracy": clf.score(X_tr, y_tr)})
    run.summary["holdout_accuracy"] = clf.score(X_te, y_te)
`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 7,
          column: 36,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\nfrom sklearn.model_selection import train_test_split\n\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)\nwith wandb.init(project="iris") as run:\n    clf.fit(X_tr, y_tr)\n    run.summary["train_accuracy"] = clf.score(X_tr, y_tr)\n    wandb.run.summary.update({"val_accuracy": clf.score(X_tr, y_tr)})\n    run.summary["holdout_accuracy"] = clf.score(X_te, y_te)\n',
            },
          ],
        },
        {
          messageId: "trainAsHeldOut",
          line: 8,
          column: 31,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import wandb\nfrom sklearn.model_selection import train_test_split\n\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)\nwith wandb.init(project="iris") as run:\n    clf.fit(X_tr, y_tr)\n    run.summary["test_accuracy"] = clf.score(X_tr, y_tr)\n    wandb.run.summary.update({"train_accuracy": clf.score(X_tr, y_tr)})\n    run.summary["holdout_accuracy"] = clf.score(X_te, y_te)\n',
            },
          ],
        },
      ],
    },
    // pattern 4: a helper returns a dict of metrics computed on its arguments, called with the training split
    {
      code: `import mlflow
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

def evaluate(model, X, y):
    preds = model.predict(X)
    return {"accuracy": accuracy_score(y, preds), "f1": f1_score(y, preds)}

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model.fit(X_train, y_train)
metrics = evaluate(model, X_train, y_train)
with mlflow.start_run():
    mlflow.log_metrics(metrics)
`,
      errors: [
        { messageId: "trainUnqualified", line: 13, column: 24, endLine: 13, endColumn: 31, suggestions: [] },
        { messageId: "trainUnqualified", line: 13, column: 24, endLine: 13, endColumn: 31, suggestions: [] },
      ],
    },
    // pattern 4: Keras history without the val_ prefix is the training curve
    {
      code: `import mlflow

history = model.fit(x_train, y_train, validation_split=0.1, epochs=10)
mlflow.log_metric("accuracy", history.history["accuracy"][-1])
`,
      errors: [
        {
          messageId: "trainUnqualified",
          data: {
            key: "accuracy",
            value: 'history.history["accuracy"][-1]',
            evidence: "the key 'accuracy' of history.history, the training curve",
            rename: "train_accuracy",
            remedy: "compute it on held-out data",
          },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 62,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\n\nhistory = model.fit(x_train, y_train, validation_split=0.1, epochs=10)\nmlflow.log_metric("train_accuracy", history.history["accuracy"][-1])\n',
            },
          ],
        },
      ],
    },
    // pattern 4: cross-validation scores averaged through a method and logged as a test score
    {
      code: `import mlflow
from sklearn.model_selection import cross_val_score

scores = cross_val_score(model, X_train, y_train, cv=5)
mlflow.log_metric("test_accuracy", scores.mean())
`,
      errors: [
        {
          messageId: "valAsTest",
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\nfrom sklearn.model_selection import cross_val_score\n\nscores = cross_val_score(model, X_train, y_train, cv=5)\nmlflow.log_metric("val_accuracy", scores.mean())\n',
            },
          ],
        },
      ],
    },
    // pattern 1 without a split: trained on X, scored on X, logged as a plain accuracy
    {
      code: `import mlflow
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

X, y = load_breast_cancer(return_X_y=True)
model = LogisticRegression()
model.fit(X, y)
with mlflow.start_run():
    mlflow.log_metric("accuracy", accuracy_score(y, model.predict(X)))
`,
      errors: [
        {
          messageId: "trainUnqualified",
          data: {
            key: "accuracy",
            value: "accuracy_score(y, model.predict(X))",
            evidence: "X, the data model.fit was given",
            rename: "train_accuracy",
            remedy: "compute it on held-out data",
          },
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 70,
          suggestions: [
            {
              messageId: "renameKey",
              output:
                'import mlflow\nfrom sklearn.datasets import load_breast_cancer\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score\n\nX, y = load_breast_cancer(return_X_y=True)\nmodel = LogisticRegression()\nmodel.fit(X, y)\nwith mlflow.start_run():\n    mlflow.log_metric("train_accuracy", accuracy_score(y, model.predict(X)))\n',
            },
          ],
        },
      ],
    },
  ],
});
