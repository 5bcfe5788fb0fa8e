import rule from "../rules/no-test-data-leakage.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

// Patterns of issue 12 seen in real code: stateless transformers, outputs that keep their inputs' splits,
// function-form scalers, whole pipelines, old module names, nested splits.
pythonRuleTester().run("no-test-data-leakage (issue 12 patterns)", rule as never, {
  valid: [
    // pattern 3: runs ranked by their validation metric before registering
    `import mlflow

runs = mlflow.search_runs(experiment_names=["churn"], order_by=["metrics.val_f1 DESC"])
mlflow.register_model(f"runs:/{runs.iloc[0]['run_id']}/model", "churn-model")
`,
    // runs ranked by their test metric only to be shown; the model loaded is another one
    `import mlflow

print(mlflow.search_runs(order_by=["metrics.test_rmse ASC"])[["run_id", "metrics.test_rmse"]])
model = mlflow.pyfunc.load_model("models:/taxi-duration/Production")
`,
    // the best checkpoint chosen on the validation loader
    `import torch

def evaluate(model, loader):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in loader:
            correct += (model(x).argmax(1) == y).sum().item()
            total += y.numel()
    return correct / total

best_acc = 0.0
for epoch in range(20):
    train_one_epoch(model, train_loader)
    val_acc = evaluate(model, val_loader)
    if val_acc > best_acc:
        best_acc = val_acc
        torch.save(model.state_dict(), "best.pt")
`,
    // only the best test accuracy is tracked, for the log: nothing is chosen by it
    `def evaluate(model, loader):
    correct = 0
    for x, y in loader:
        correct += (model(x).argmax(1) == y).sum().item()
    return correct / len(loader.dataset)

best_acc = 0.0
for epoch in range(20):
    train_one_epoch(model, train_loader)
    test_acc = evaluate(model, test_loader)
    if test_acc > best_acc:
        best_acc = test_acc
    print(f"epoch {epoch}: {test_acc:.3f} (best {best_acc:.3f})")
`,
    // a test function with a global best, but scoring the validation loader
    `import torch
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

full = datasets.CIFAR10("data", train=True, download=True, transform=transforms.ToTensor())
train_set, val_set = random_split(full, [45000, 5000], generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(val_set, batch_size=256)
best_acc = 0

def validate(epoch):
    global best_acc
    correct = total = 0
    with torch.no_grad():
        for batch_idx, (inputs, targets) in enumerate(val_loader):
            correct += net(inputs).argmax(1).eq(targets).sum().item()
            total += targets.size(0)
    acc = 100.0 * correct / total
    if acc > best_acc:
        torch.save({"net": net.state_dict(), "acc": acc}, "ckpt.pth")
        best_acc = acc

for epoch in range(200):
    train(epoch)
    validate(epoch)
`,
    // Hugging Face's Trainer keeps its best checkpoint on the validation split
    `from datasets import load_dataset
from transformers import Trainer, TrainingArguments

data = load_dataset("glue", "sst2")
args = TrainingArguments(output_dir="out", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True)
trainer = Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["validation"])
trainer.train()
print(trainer.evaluate(data["test"]))
`,
    // Normalizer scales each row by itself: fitting it on any split learns nothing
    `from sklearn.preprocessing import Normalizer

def normalize(features, df_train, df_test):
    norm = Normalizer()
    df_train[features] = norm.fit_transform(df_train[features])
    df_test[features] = norm.fit_transform(df_test[features])
    return df_train, df_test
`,
    `from sklearn.preprocessing import FunctionTransformer
import numpy as np

X_test_log = FunctionTransformer(np.log1p).fit_transform(X_test)
`,
    // align returns each frame aligned: X stays the training table
    `import pandas as pd
from sklearn.linear_model import LogisticRegression

X = pd.get_dummies(pd.read_csv("train.csv"))
X_test = pd.get_dummies(pd.read_csv("test.csv"))
X, X_test = X.align(X_test, join="left", axis=1, fill_value=0)
model = LogisticRegression().fit(X, y)
`,
    // refitted on all rows only after the held-out score (the deployed model)
    `from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print(model.score(X_test, y_test))
model.fit(X, y)
`,
    // the model fitted on all rows is only cross-validated, never scored on the held-out part
    `from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
clf = LogisticRegression()
clf.fit(X, y)
print(cross_val_score(clf, X, y, cv=5))
`,
    // a statistic printed for exploration, never fed into the data that is split
    `import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("titanic.csv")
print(df.groupby("Sex")["Survived"].mean())
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="Survived"), df["Survived"], random_state=0)
`,
    // per-entity aggregation of another column is a feature of each row, not a target encoding
    `import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("orders.csv")
df["user_orders"] = df.groupby("user_id")["order_id"].transform("count")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="churn"), df["churn"], random_state=0)
`,
    // statistics of the training rows only (the first 3000 rows are the training part)
    `from sklearn.model_selection import train_test_split

X_all = (X_all - X_all[:3000].mean()) / X_all[:3000].std()
X_train, X_val, y_train, y_val = train_test_split(X_all[:3000], y[:3000], random_state=0)
`,
    // pattern 2: early stopping on a validation part carved from the official training split
    `from tensorflow import keras

(x_train_full, y_train_full), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train, x_valid = x_train_full[5000:], x_train_full[:5000]
y_train, y_valid = y_train_full[5000:], y_train_full[:5000]
model.fit(x_train, y_train, validation_data=(x_valid, y_valid), callbacks=[keras.callbacks.EarlyStopping(patience=3)])
model.evaluate(x_test, y_test)
`,
    // pattern 3: a dict of validation scores ranked; the test split scores the winner once
    `from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
scores = {name: accuracy_score(y_val, m.fit(X_fit, y_fit).predict(X_val)) for name, m in candidates.items()}
best = max(scores, key=scores.get)
print(accuracy_score(y_test, candidates[best].predict(X_test)))
`,
    // a scaling function applied to each split separately
    `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import scale

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_train = scale(X_train)
`,
  ],
  invalid: [
    // A helper of the same file fits the encoder on its argument and writes the result back into it (no return); the caller splits after.
    {
      code: `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder

def encode(frame, columns):
    encoder = OrdinalEncoder()
    encoder.fit(frame[columns])
    frame[columns] = encoder.transform(frame[columns])

df = pd.read_csv("loans.csv")
encode(df, ["grade", "purpose"])
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="default"), df["default"], random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "OrdinalEncoder", data: "df", method: "inside encode(...)", split: "train_test_split", heldOut: "test" },
          line: 11,
        },
      ],
    },
    // A helper split: the model is trained on every row, then scored on the helper's test part.
    {
      code: `import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

def make_splits(features, target):
    return train_test_split(features, target, test_size=0.25, random_state=0)

X = pd.read_csv("loans.csv")
y = X.pop("default")
X_tr, X_hold, y_tr, y_hold = make_splits(X, y)
clf = LogisticRegression().fit(X, y)
print(clf.score(X_hold, y_hold))
`,
      errors: [{ messageId: "fitOnAll", line: 11 }],
    },
    // pattern 3: runs ranked by their test metric, and the top one registered
    {
      code: `import mlflow

runs = mlflow.search_runs(experiment_names=["churn"], order_by=["metrics.test_f1 DESC"])
best_run_id = runs.iloc[0]["run_id"]
mlflow.register_model(f"runs:/{best_run_id}/model", "churn-model")
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "search_runs(order_by=...)", evidence: "runs ranked by the metric 'test_f1'" },
          line: 3,
          column: 65,
          endLine: 3,
          endColumn: 87,
        },
      ],
    },
    // pattern 3: runs ranked by their test metric, and the top one's model loaded for use
    {
      code: `import mlflow
from mlflow.tracking import MlflowClient

client = MlflowClient()
runs = client.search_runs(experiment_ids=["1"], max_results=5, order_by=["metrics.test_rmse ASC"])
best = runs[0]
model = mlflow.sklearn.load_model(model_uri=f"runs:/{best.info.run_id}/model")
`,
      errors: [{ messageId: "selectOnTest", data: { kept: "search_runs(order_by=...)", evidence: "runs ranked by the metric 'test_rmse'" }, line: 5 }],
    },
    // the best epoch's checkpoint saved by its accuracy on the test loader (an evaluation loop in a helper; the loader wraps CIFAR10(train=False) in place)
    {
      code: `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

test_loader = DataLoader(datasets.CIFAR10("data", train=False, transform=transforms.ToTensor()), batch_size=256)

def evaluate(model, loader, criterion):
    model.eval()
    loss_sum, correct, total = 0.0, 0, 0
    with torch.no_grad():
        for images, labels in loader:
            out = model(images)
            loss_sum += criterion(out, labels).item()
            correct += (out.argmax(1) == labels).sum().item()
            total += labels.size(0)
    return loss_sum / len(loader), 100.0 * correct / total

best_acc = 0.0
for epoch in range(30):
    train_epoch(model, train_loader, optimizer, criterion)
    test_loss, test_acc = evaluate(model, test_loader, criterion)
    if test_acc > best_acc:
        best_acc = test_acc
        torch.save(model.state_dict(), "best.pth")
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best_acc", evidence: "test_loader, the test split of CIFAR10(train=False)" },
          line: 21,
          column: 43,
        },
      ],
    },
    // a loader named for the test split over a dataset that says so: the message names the dataset's split
    {
      code: `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

test_ds = datasets.MNIST("data", train=False, download=True, transform=transforms.ToTensor())
test_loader = DataLoader(test_ds, batch_size=256)

def evaluate(loader):
    correct = 0
    for x, y in loader:
        correct += (model(x).argmax(1) == y).sum().item()
    return correct / len(loader.dataset)

best_acc = 0.0
for epoch in range(10):
    train_epoch(model)
    acc = evaluate(test_loader)
    if acc > best_acc:
        best_acc = acc
        torch.save(model.state_dict(), "best.pt")
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best_acc", evidence: "test_ds, wrapped as test_loader, the test split of MNIST(train=False)" },
          line: 17,
        },
      ],
    },
    // the best weights copied by test accuracy, with no name for them before the loop
    {
      code: `import copy

import torch

def accuracy(net, loader):
    hits = 0
    for xb, yb in loader:
        hits += (net(xb).argmax(dim=1) == yb).float().sum().item()
    return hits / len(loader.dataset)

best = 0.0
for epoch in range(epochs):
    fit_one_epoch(net, train_dl)
    acc = accuracy(net, test_dl)
    if acc > best:
        best = acc
        best_weights = copy.deepcopy(net.state_dict())
net.load_state_dict(best_weights)
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best", evidence: "going by the variable name test_dl: no split call was traced to it" },
          line: 14,
          column: 25,
        },
      ],
    },
    // the test function keeps a global best and saves the checkpoint; it runs once per epoch
    {
      code: `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

testset = datasets.CIFAR10(root="./data", train=False, download=True, transform=transforms.ToTensor())
testloader = DataLoader(testset, batch_size=100, shuffle=False)
best_acc = 0

def test(epoch):
    global best_acc
    net.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for batch_idx, (inputs, targets) in enumerate(testloader):
            _, predicted = net(inputs).max(1)
            total += targets.size(0)
            correct += predicted.eq(targets).sum().item()
    acc = 100.0 * correct / total
    if acc > best_acc:
        torch.save({"net": net.state_dict(), "acc": acc, "epoch": epoch}, "./checkpoint/ckpt.pth")
        best_acc = acc

for epoch in range(200):
    train(epoch)
    test(epoch)
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best_acc", evidence: "testset, the test split of CIFAR10(train=False)" },
          line: 15,
          column: 55,
        },
      ],
    },
    // an evaluation helper that reads the module's test loader itself; the epoch loop keeps its best result
    {
      code: `import torch

def eval_training(epoch=0):
    net.eval()
    correct = 0.0
    for images, labels in test_loader:
        _, preds = net(images).max(1)
        correct += preds.eq(labels).sum()
    return correct.float() / len(test_loader.dataset)

best_acc = 0.0
for epoch in range(1, 201):
    train(epoch)
    acc = eval_training(epoch)
    if best_acc < acc:
        weights_path = checkpoint_path.format(net=args.net, epoch=epoch, type="best")
        torch.save(net.state_dict(), weights_path)
        best_acc = acc
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best_acc", evidence: "going by the variable name test_loader: no split call was traced to it" },
          line: 14,
          column: 11,
        },
      ],
    },
    // the same, evaluated in place in the epoch loop
    {
      code: `import torch

best = 0.0
for epoch in range(epochs):
    train_one_epoch(model, train_loader)
    hits = 0
    for x, y in test_loader:
        hits += (model(x).argmax(1) == y).sum().item()
    acc = hits / len(test_loader.dataset)
    if acc > best:
        best = acc
        torch.save(model.state_dict(), "best.pt")
`,
      errors: [
        { messageId: "selectOnTest", data: { kept: "best", evidence: "going by the variable name test_loader: no split call was traced to it" }, line: 7 },
      ],
    },
    // Hugging Face's Trainer evaluating on the test split, keeping its best checkpoint or stopping early on it
    {
      code: `from datasets import load_dataset
from transformers import EarlyStoppingCallback, Trainer, TrainingArguments

data = load_dataset("imdb")
args = TrainingArguments(output_dir="out", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True)
trainer = Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["test"])
trainer.train()
stopper = Trainer(model, TrainingArguments(output_dir="o2"), train_dataset=data["train"], eval_dataset=data["test"], callbacks=[EarlyStoppingCallback(3)])
`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          data: {
            call: "Trainer",
            evidence: "going by the key 'test': no split call was traced to it, passed as eval_dataset",
            stopper: "load_best_model_at_end=True",
          },
          line: 6,
          column: 72,
        },
        {
          messageId: "earlyStopOnTest",
          data: {
            call: "Trainer",
            evidence: "going by the key 'test': no split call was traced to it, passed as eval_dataset",
            stopper: "EarlyStoppingCallback callback",
          },
          line: 8,
          column: 91,
        },
      ],
    },
    // Hugging Face's hyper-parameter search scores every trial on the trainer's evaluation set: here the test split
    {
      code: `from datasets import load_dataset
from transformers import Trainer, TrainingArguments

data = load_dataset("conll2003")
trainer = Trainer(model_init=model_init, args=TrainingArguments(output_dir="ner"), train_dataset=data["train"], eval_dataset=data["test"])
best = trainer.hyperparameter_search(direction="maximize", n_trials=20)
`,
      errors: [
        {
          messageId: "searchOnTest",
          data: {
            call: "Trainer(...).hyperparameter_search",
            evidence: "going by the key 'test': no split call was traced to it, passed as eval_dataset",
          },
          line: 5,
        },
      ],
    },
    // pattern 3: the best model picked from a dict of test scores
    {
      code: `from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
scores = {}
for name, candidate in candidates.items():
    candidate.fit(X_train, y_train)
    scores[name] = accuracy_score(y_test, candidate.predict(X_test))
best = max(scores, key=scores.get)
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "max(..., key=...)", evidence: "y_test, the test split from train_test_split" },
          line: 9,
          column: 8,
          endLine: 9,
          endColumn: 35,
        },
      ],
    },
    // pattern 2: the official test split of a Keras dataset, whatever it is called, used for early stopping
    {
      code: `from tensorflow import keras

(images, labels), (held_images, held_labels) = keras.datasets.fashion_mnist.load_data()
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3)
model.fit(images, labels, epochs=50, validation_data=(held_images, held_labels), callbacks=[stop])
`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          data: {
            call: "model.fit",
            evidence: "held_images and held_labels, the test split of fashion_mnist.load_data(), passed as validation_data",
            stopper: "EarlyStopping callback",
          },
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 80,
        },
      ],
    },
    // pattern 2: torchvision's train=False set used as the checkpointing validation loader in Lightning
    {
      code: `import lightning as L
from lightning.pytorch.callbacks import EarlyStopping
from torch.utils.data import DataLoader
from torchvision import datasets

train_set = datasets.CIFAR10("data", train=True, download=True)
eval_set = datasets.CIFAR10("data", train=False, download=True)
trainer = L.Trainer(max_epochs=30, callbacks=[EarlyStopping(monitor="val_loss")])
trainer.fit(model, DataLoader(train_set), val_dataloaders=DataLoader(eval_set))
`,
      errors: [{ messageId: "earlyStopOnTest", line: 9, column: 59, endLine: 9, endColumn: 79 }],
    },
    // pattern 2: a file named like the test split, read from disk, as the eval_set of early stopping (name-based)
    {
      code: `import lightgbm as lgb
import pandas as pd

train = pd.read_csv("data/train.csv")
holdout = pd.read_csv("data/test.csv")
model = lgb.LGBMClassifier(n_estimators=5000, random_state=0)
model.fit(train[features], train["y"], eval_set=[(holdout[features], holdout["y"])], callbacks=[lgb.early_stopping(100)])
`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          data: {
            call: "model.fit",
            evidence: "holdout, read from 'data/test.csv' (going by the file name), passed as eval_set",
            stopper: "early_stopping callback",
          },
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 83,
        },
      ],
    },
    // pattern 2: tfds' test split returned by an optuna objective
    {
      code: `import optuna
import tensorflow_datasets as tfds

ds_train = tfds.load("mnist", split="train")
ds_eval = tfds.load("mnist", split="test")

def objective(trial):
    model = build(trial)
    model.fit(ds_train, epochs=3)
    return model.evaluate(ds_eval)[1]

optuna.create_study(direction="maximize").optimize(objective, n_trials=20)
`,
      errors: [{ messageId: "tuneOnTest", line: 10, column: 27, endLine: 10, endColumn: 34 }],
    },
    // pattern 2: the official test split renamed "valid" and cut to a size: a rebinding from itself keeps where its
    // rows came from whatever its name says, and a slice bound named N_VALID_EXAMPLES is a position, not data
    {
      code: `import optuna
from keras.datasets import mnist

N_VALID_EXAMPLES = 1000

def objective(trial):
    (x_train, y_train), (x_valid, y_valid) = mnist.load_data()
    x_valid = x_valid[:N_VALID_EXAMPLES].astype("float32") / 255
    y_valid = y_valid[:N_VALID_EXAMPLES]
    model = build(trial)
    model.fit(x_train, y_train, epochs=3)
    score = model.evaluate(x_valid, y_valid, verbose=0)
    return score[1]

optuna.create_study(direction="maximize").optimize(objective, n_trials=20)
`,
      errors: [{ messageId: "tuneOnTest", line: 12, column: 28, endLine: 12, endColumn: 35 }],
    },
    // pattern 6: normalisation with the whole table's statistics before the split
    {
      code: `import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("houses.csv")
X = df.drop(columns=["price"])
X = (X - X.mean()) / X.std()
X_train, X_test, y_train, y_test = train_test_split(X, df["price"], random_state=0)
`,
      errors: [
        {
          messageId: "statsBeforeSplit",
          data: { stat: "X.mean() (and 1 more)", data: "X", via: "", split: "train_test_split", heldOut: "test" },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 18,
        },
      ],
    },
    // pattern 6: target encoding on the whole table, written in by a loop, before the split
    {
      code: `import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("churn.csv")
y = df["Churn"]
X = pd.DataFrame()
gender_lst = []
gender_groups = df.groupby("Gender").mean()["Churn"]
for val in df["Gender"]:
    gender_lst.append(gender_groups.loc[val])
df["Gender_Churn"] = gender_lst
X[["Age", "Gender_Churn"]] = df[["Age", "Gender_Churn"]]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
`,
      errors: [
        {
          messageId: "statsBeforeSplit",
          data: { stat: 'df.groupby("Gender").mean()', data: "df", via: "", split: "train_test_split", heldOut: "test" },
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 44,
        },
      ],
    },
    // patterns 5 and 6: a helper of the same file target-encodes its argument, the caller splits the result
    {
      code: `import numpy as np
from sklearn.model_selection import train_test_split

def encoder_helper(frame, columns, response="churn"):
    for column in columns:
        groups = frame.groupby(column).mean()[response]
        frame[f"{column}_churn"] = [groups.loc[v] for v in frame[column]]
    return frame

def perform_feature_engineering(frame, response="churn"):
    frame = encoder_helper(frame, frame.select_dtypes(object).columns, response=response)
    target = frame.pop(response)
    features = frame.select_dtypes(include=np.number)
    return train_test_split(features, target, test_size=0.3, random_state=42)
`,
      errors: [
        {
          messageId: "statsBeforeSplit",
          data: {
            stat: "frame.groupby(column).mean()",
            data: "frame",
            via: ", called as encoder_helper(...) on line 11,",
            split: "train_test_split",
            heldOut: "held-out",
          },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 46,
        },
      ],
    },
    // pattern 1: trained on every row, then scored on the held-out part of an earlier split
    {
      code: `import pandas as pd
from sklearn.model_selection import GridSearchCV, train_test_split

train_data = pd.read_csv("heart.csv")
X = train_data.copy()
y = X.pop("DEATH_EVENT")
X_train, X_valid, y_train, y_valid = train_test_split(X, y, train_size=0.8, random_state=0)
search = GridSearchCV(pipeline, grid, cv=5)
search.fit(X, y)
preds = search.predict(X_valid)
`,
      errors: [
        {
          messageId: "fitOnAll",
          data: {
            call: "search.fit",
            data: "X",
            heldOut: "validation",
            split: "train_test_split",
            part: "X_valid",
            scorer: "search.predict(X_valid)",
            train: "X_train and y_train",
          },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 13,
        },
      ],
    },
    // pattern 1: the same with the best estimator scored on the test part
    {
      code: `from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
rf = RandomForestClassifier(random_state=0)
rf.fit(X, y)
print(accuracy_score(y_test, rf.predict(X_test)))
`,
      errors: [{ messageId: "fitOnAll", line: 9, column: 8, endLine: 9, endColumn: 9 }],
    },
    // a scaling function on all rows before the split
    {
      code: `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import minmax_scale

X = minmax_scale(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "minmax_scale", data: "X", method: "called", split: "train_test_split", heldOut: "test" },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 20,
        },
      ],
    },
    // the old sklearn.cross_validation module
    {
      code: `from sklearn.cross_validation import train_test_split
from sklearn.preprocessing import StandardScaler

X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 4, column: 5, endLine: 4, endColumn: 38 }],
    },
    // a DataFrameMapper fitted on the whole table
    {
      code: `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn_pandas import DataFrameMapper

mapper = DataFrameMapper([(["age", "fare"], StandardScaler())])
features = mapper.fit_transform(df)
X_train, X_test, y_train, y_test = train_test_split(features, df["survived"], random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "DataFrameMapper", data: "df", method: "fit_transform", split: "train_test_split", heldOut: "test" },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
    // a whole preprocessing Pipeline fitted before the split
    {
      code: `from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

prep = Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())])
X_prep = prep.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_prep, y, random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "Pipeline", data: "X", method: "fit_transform", split: "train_test_split", heldOut: "test" },
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 31,
        },
      ],
    },
    // nested split: the Kaggle train.csv scaled whole, then a validation split carved from it
    {
      code: `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

train = pd.read_csv("train.csv")
X_train = train.drop(columns=["target"])
y_train = train["target"]
X_train = StandardScaler().fit_transform(X_train)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "StandardScaler", data: "X_train", method: "fit_transform", split: "train_test_split", heldOut: "validation" },
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 50,
        },
      ],
    },
    // nested split: SMOTE on the training split, then cross-validation folds taken from it
    {
      code: `from imblearn.over_sampling import SMOTE
from sklearn.model_selection import cross_val_score, train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_res, y_res = SMOTE(random_state=0).fit_resample(X_train, y_train)
print(cross_val_score(model, X_res, y_res, cv=5))
`,
      errors: [
        {
          messageId: "resampleBeforeSplit",
          data: { transformer: "SMOTE", data: "X_train", method: "fit_resample", split: "cross_val_score", heldOut: "validation" },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 68,
        },
      ],
    },
  ],
});
