import rule from "../rules/no-test-data-leakage.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("no-test-data-leakage", rule, {
  valid: [
    // scored on the test split first, then refitted on it after the last score (streaming updates, a final refit)
    `from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
clf = SGDClassifier(random_state=0).fit(X_train, y_train)
print("test accuracy", clf.score(X_test, y_test))
clf = clf.partial_fit(X_test, y_test)
`,
    // the next score reads a freshly drawn X_test, not the rows the model was updated with
    `from sklearn.linear_model import SGDClassifier

X_test, y_test = get_minibatch(stream, size=5000)
print(clf.score(X_test, y_test))
clf = clf.partial_fit(X_test, y_test)
X_test, y_test = get_minibatch(stream, size=5000)
print(clf.score(X_test, y_test))
`,
    // the scaler inside a Pipeline fitted on the training split
    `from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
print(model.score(X_test, y_test))
`,
    // fitted on the training split, applied to the test split
    `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)
model.fit(X_train_s, y_train)
`,
    // cross-validation and search on the training split, the scaler refitted per fold; the final score on the test split
    `from sklearn.model_selection import GridSearchCV, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
pipe = make_pipeline(StandardScaler(), model)
print(cross_val_score(pipe, X_train, y_train, cv=5))
GridSearchCV(pipe, grid, cv=5).fit(X_train, y_train).score(X_test, y_test)
`,
    // early stopping on a part carved from the training split, whatever its name
    `import xgboost as xgb
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_tr, X_te, y_tr, y_te = train_test_split(X_train, y_train, random_state=0)
model = xgb.XGBClassifier(early_stopping_rounds=50, random_state=0)
model.fit(X_tr, y_tr, eval_set=[(X_te, y_te)])
`,
    // the test split watched without early stopping, or with CatBoost's use_best_model off
    `import xgboost as xgb
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
xgb.XGBClassifier(random_state=0).fit(X_train, y_train, eval_set=[(X_test, y_test)])
net.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=10)
CatBoostClassifier(random_seed=0, use_best_model=False).fit(X_train, y_train, eval_set=(X_test, y_test))
`,
    // a projection of all rows for a plot; the split data is not transformed by it
    `from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
embedding = PCA(n_components=2, random_state=0).fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
`,
    // a refit on every labelled row mixes the splits
    `import numpy as np
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model.fit(np.vstack([X_train, X_test]), np.concatenate([y_train, y_test]))
`,
    // out-of-fold early stopping inside cross-validation of the training split
    `import lightgbm as lgb
from sklearn.model_selection import KFold

for fold, (trn_idx, val_idx) in enumerate(KFold(5, shuffle=True, random_state=0).split(X_train)):
    model = lgb.LGBMRegressor(random_state=0)
    model.fit(X_train[trn_idx], y_train[trn_idx], eval_set=[(X_train[val_idx], y_train[val_idx])], callbacks=[lgb.early_stopping(50)])
`,
    // a stateless transformer
    `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import FunctionTransformer

X_log = FunctionTransformer(np.log1p).fit_transform(X)
X_train, X_test = train_test_split(X_log, random_state=0)
`,
    // a parameter named X_test in a file that imports no ML library
    `def fit_all(model, X_test, y_test):
    model.fit(X_test, y_test)
`,
    // a name that data flow contradicts
    `from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_test = X_train[:100]
model.fit(X_test, y_test)
`,
    // test-fold scores summed across folds, not selected
    `from sklearn.metrics import accuracy_score
from sklearn.model_selection import KFold

total = 0.0
for train_idx, test_idx in KFold(5, shuffle=True, random_state=0).split(X):
    model.fit(X[train_idx], y[train_idx])
    acc = accuracy_score(y[test_idx], model.predict(X[test_idx]))
    total += acc
print(total / 5)
`,
    // selection on the validation split; the chosen model scored on test once
    `from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
best_acc, best_model = 0.0, None
for candidate in candidates:
    candidate.fit(X_fit, y_fit)
    acc = accuracy_score(y_val, candidate.predict(X_val))
    if acc > best_acc:
        best_acc = acc
        best_model = candidate
print(accuracy_score(y_test, best_model.predict(X_test)))
best = max(candidates, key=lambda m: m.score(X_val, y_val))
`,
    // slices of the training split are validation; unrelated head and tail
    `import numpy as np
import xgboost as xgb

n = int(0.8 * len(X_train))
X_fit, X_es = X_train[:n], X_train[n:]
y_fit, y_es = y_train[:n], y_train[n:]
xgb.XGBRegressor(early_stopping_rounds=20, random_state=0).fit(X_fit, y_fit, eval_set=[(X_es, y_es)])
head = X[:5]
tail = X[-5:]
`,
    // a look at the full data, then the scaler refitted on the training split before it is applied
    `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

scaler = StandardScaler()
scaler.fit(X)
print(scaler.mean_)
X_train, X_test = train_test_split(X, random_state=0)
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)
`,
    // Lightning: validation loaders of the validation split, early stopping set on the Trainer
    `import lightning as L
from lightning.pytorch.callbacks import EarlyStopping
from torch.utils.data import DataLoader, random_split

train_ds, val_ds, test_ds = random_split(dataset, [0.8, 0.1, 0.1])
trainer = L.Trainer(max_epochs=50, callbacks=[EarlyStopping(monitor="val_loss")])
trainer.fit(model, train_dataloaders=DataLoader(train_ds), val_dataloaders=DataLoader(val_ds))
trainer.test(model, dataloaders=DataLoader(test_ds))
`,
    // a lambda objective given the validation split; a checkpoint that keeps every epoch
    `import optuna
from sklearn.model_selection import train_test_split
from tensorflow.keras.callbacks import ModelCheckpoint

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(lambda trial: objective(trial, X_fit, y_fit, X_val, y_val), n_trials=50)
net.fit(X_train, y_train, validation_data=(X_test, y_test), callbacks=[ModelCheckpoint("last.keras")])
`,
    // a three-way split: early stopping on the validation half of the held-out rows
    `import xgboost as xgb
from sklearn.model_selection import train_test_split

X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, random_state=0)
X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, random_state=0)
model = xgb.XGBClassifier(early_stopping_rounds=50, random_state=0)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)])
print(model.score(X_test, y_test))
`,
    // fitted on other rows than the ones it transforms before the split
    `from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

X_unlabelled = load_unlabelled()
X_labelled, y = load_labelled()
pca = PCA(n_components=20, random_state=0).fit(X_unlabelled)
X_train, X_test, y_train, y_test = train_test_split(pca.transform(X_labelled), y, random_state=0)
`,
  ],
  invalid: [
    // a scaler's output split afterwards
    {
      code: `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X_scaled = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, random_state=0)
`,
      errors: [
        {
          messageId: "fitBeforeSplit",
          data: { transformer: "StandardScaler", data: "X", method: "fit_transform", split: "train_test_split", heldOut: "test" },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 45,
        },
      ],
    },
    // imputed values written back into the table that is split
    {
      code: `import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split

df = pd.read_csv("houses.csv")
df[["area", "rooms"]] = SimpleImputer().fit_transform(df[["area", "rooms"]])
train_df, test_df = train_test_split(df, random_state=0)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 6, column: 25, endLine: 6, endColumn: 77 }],
    },
    // fitted on everything, then applied to each part of a later split
    {
      code: `from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
pca = PCA(n_components=10, random_state=0)
pca.fit(X)
X_train, X_test = train_test_split(X, random_state=0)
X_train, X_test = pca.transform(X_train), pca.transform(X_test)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 7, column: 1, endLine: 7, endColumn: 11 }],
    },
    // SMOTE before the split: overlap
    {
      code: `from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split

X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, random_state=0)
`,
      errors: [{ messageId: "resampleBeforeSplit", line: 4, column: 16, endLine: 4, endColumn: 56 }],
    },
    // feature selection before cross-validation
    {
      code: `from sklearn.feature_selection import SelectKBest
from sklearn.model_selection import cross_val_score

X_best = SelectKBest(k=20).fit_transform(X, y)
scores = cross_val_score(model, X_best, y, cv=5)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 4, column: 10, endLine: 4, endColumn: 47 }],
    },
    // a vectoriser fitted before KFold folds, under enumerate
    {
      code: `from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold

tfidf = TfidfVectorizer(min_df=2)
docs = tfidf.fit_transform(texts)
for fold, (train_idx, valid_idx) in enumerate(StratifiedKFold(5).split(docs, labels)):
    model.fit(docs[train_idx], labels[train_idx])
`,
      errors: [{ messageId: "fitBeforeSplit", line: 5, column: 8, endLine: 5, endColumn: 34 }],
    },
    // a model fitted on the test split
    {
      code: `from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = LogisticRegression().fit(X_test, y_test)
`,
      errors: [
        {
          messageId: "fitOnTest",
          data: { call: "LogisticRegression(...).fit", evidence: "X_test, the test split from train_test_split" },
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 40,
        },
      ],
    },
    // no split to trace: the file name decides
    {
      code: `import pandas as pd
from sklearn.ensemble import RandomForestClassifier

X_test = pd.read_csv("test_features.csv")
y_test = pd.read_csv("test_labels.csv")["label"]
RandomForestClassifier(random_state=0).fit(X_test, y_test)
`,
      errors: [
        {
          messageId: "fitOnTest",
          data: { call: "RandomForestClassifier(...).fit", evidence: "X_test, read from 'test_features.csv' (going by the file name)" },
          line: 6,
          column: 44,
          endLine: 6,
          endColumn: 50,
        },
      ],
    },
    // a search fitted on the test split
    {
      code: `from sklearn.model_selection import RandomizedSearchCV, train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
search = RandomizedSearchCV(model, space, n_iter=20, random_state=0)
search.fit(X_test, y_test)
`,
      errors: [{ messageId: "searchOnTest", line: 5, column: 12, endLine: 5, endColumn: 18 }],
    },
    // LightGBM early stopping callback on the test split
    {
      code: `import lightgbm as lgb
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = lgb.LGBMClassifier(n_estimators=5000, random_state=0)
model.fit(X_train, y_train, eval_set=[(X_test, y_test)], callbacks=[lgb.early_stopping(100)])
`,
      errors: [{ messageId: "earlyStopOnTest", line: 6, column: 39, endLine: 6, endColumn: 55 }],
    },
    // CatBoost keeps the best iteration on eval_set by default
    {
      code: `from catboost import CatBoostRegressor
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
CatBoostRegressor(random_seed=0).fit(X_train, y_train, eval_set=(X_test, y_test))
`,
      errors: [{ messageId: "earlyStopOnTest", line: 5, column: 66, endLine: 5, endColumn: 72 }],
    },
    // xgb.train with early_stopping_rounds in the params dict, through a DMatrix
    {
      code: `import xgboost as xgb
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
params = {"eta": 0.05, "seed": 0, "early_stopping_rounds": 30}
dtest = xgb.DMatrix(X_test, label=y_test)
bst = xgb.train(params, xgb.DMatrix(X_train, label=y_train), evals=[(dtest, "test")])
`,
      errors: [{ messageId: "earlyStopOnTest", line: 7, column: 69, endLine: 7, endColumn: 84 }],
    },
    // Keras validation_data with EarlyStopping
    {
      code: `from keras.callbacks import EarlyStopping
from sklearn.model_selection import train_test_split

x_train, x_test, y_train, y_test = train_test_split(x, y, random_state=0)
net.fit(x_train, y_train, validation_data=(x_test, y_test), callbacks=[EarlyStopping(patience=3)])
`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          data: {
            call: "net.fit",
            evidence: "x_test and y_test, the test split from train_test_split, passed as validation_data",
            stopper: "EarlyStopping callback",
          },
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 59,
        },
      ],
    },
    // a hyperopt objective scored on the test split
    {
      code: `from hyperopt import fmin, tpe, STATUS_OK
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

def objective(params):
    model = build(params).fit(X_train, y_train)
    return {"loss": -f1_score(y_test, model.predict(X_test)), "status": STATUS_OK}

best = fmin(fn=objective, space=space, algo=tpe.suggest, max_evals=50)
`,
      errors: [{ messageId: "tuneOnTest", line: 9, column: 31, endLine: 9, endColumn: 37 }],
    },
    // rows selected by the test indices of a StratifiedShuffleSplit loop
    {
      code: `from sklearn.model_selection import StratifiedShuffleSplit

split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
for train_index, test_index in split.split(housing, housing["income_cat"]):
    strat_train_set = housing.loc[train_index]
    strat_test_set = housing.loc[test_index]
imputer.fit(strat_test_set)
`,
      errors: [
        {
          messageId: "fitOnTest",
          data: { call: "imputer.fit", evidence: "strat_test_set, computed from test_index, the test split from StratifiedShuffleSplit.split" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 27,
        },
      ],
    },
    // a scaler refitted on the test split
    {
      code: `from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
scaler = MinMaxScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.fit_transform(X_test)
`,
      errors: [{ messageId: "fitOnTest", line: 7, column: 31, endLine: 7, endColumn: 37 }],
    },
    // a three-way split: the second split's test part
    {
      code: `from sklearn.model_selection import train_test_split

X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, random_state=0)
X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, random_state=0)
model.fit(X_test, y_test)
`,
      errors: [{ messageId: "fitOnTest", line: 5, column: 11, endLine: 5, endColumn: 17 }],
    },
    // a loop keeping the best test score and its model
    {
      code: `from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
best_acc, best_model = 0.0, None
for name, candidate in candidates.items():
    candidate.fit(X_train, y_train)
    acc = accuracy_score(y_test, candidate.predict(X_test))
    if acc > best_acc:
        best_acc = acc
        best_model = candidate
`,
      errors: [
        {
          messageId: "selectOnTest",
          data: { kept: "best_acc", evidence: "y_test, the test split from train_test_split" },
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 32,
        },
      ],
    },
    // max keyed on the test score
    {
      code: `from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
fitted = [m.fit(X_train, y_train) for m in models]
best = max(fitted, key=lambda m: m.score(X_test, y_test))
`,
      errors: [{ messageId: "selectOnTest", line: 5, column: 42, endLine: 5, endColumn: 48 }],
    },
    // head/tail slices of a scaled table
    {
      code: `import pandas as pd
from sklearn.preprocessing import MinMaxScaler

prices = pd.read_csv("prices.csv")
prices[["close"]] = MinMaxScaler().fit_transform(prices[["close"]])
cut = int(len(prices) * 0.8)
train = prices.iloc[:cut]
test = prices.iloc[cut:]
`,
      errors: [{ messageId: "fitBeforeSplit", line: 5, column: 21, endLine: 5, endColumn: 68 }],
    },
    // early stopping on the tail slice
    {
      code: `import numpy as np
import xgboost as xgb

n = int(0.8 * len(X))
X_a, X_b = X[:n], X[n:]
y_a, y_b = y[:n], y[n:]
xgb.XGBRegressor(early_stopping_rounds=20, random_state=0).fit(X_a, y_a, eval_set=[(X_b, y_b)])
`,
      errors: [{ messageId: "earlyStopOnTest", line: 7, column: 84, endLine: 7, endColumn: 94 }],
    },
    // Lightning: early stopping on the Trainer, the test split as validation loader
    {
      code: `import lightning as L
from lightning.pytorch.callbacks import EarlyStopping
from torch.utils.data import DataLoader, random_split

train_ds, test_ds = random_split(dataset, [0.8, 0.2])
trainer = L.Trainer(max_epochs=50, callbacks=[EarlyStopping(monitor="val_loss")])
trainer.fit(model, train_dataloaders=DataLoader(train_ds), val_dataloaders=DataLoader(test_ds))
`,
      errors: [{ messageId: "earlyStopOnTest", line: 7, column: 76, endLine: 7, endColumn: 95 }],
    },
    // a Keras tuner validating every trial on the test split
    {
      code: `import keras_tuner as kt
from sklearn.model_selection import train_test_split

x_train, x_test, y_train, y_test = train_test_split(x, y, random_state=0)
tuner = kt.RandomSearch(build_model, objective="val_accuracy", max_trials=20, seed=0)
tuner.search(x_train, y_train, epochs=10, validation_data=(x_test, y_test))
`,
      errors: [{ messageId: "searchOnTest", line: 6, column: 43, endLine: 6, endColumn: 75 }],
    },
    // the test split handed to the objective through a lambda
    {
      code: `import optuna
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(lambda trial: objective(trial, X_train, y_train, X_test, y_test), n_trials=50)
`,
      errors: [{ messageId: "tuneOnTest", line: 6, column: 65, endLine: 6, endColumn: 71 }],
    },
    // the best epoch on the test split kept by a checkpoint
    {
      code: `from sklearn.model_selection import train_test_split
from tensorflow.keras.callbacks import ModelCheckpoint

x_train, x_test, y_train, y_test = train_test_split(x, y, random_state=0)
best = ModelCheckpoint("best.keras", monitor="val_accuracy", save_best_only=True)
net.fit(x_train, y_train, epochs=30, validation_data=(x_test, y_test), callbacks=[best])
`,
      errors: [{ messageId: "earlyStopOnTest", line: 6, column: 54, endLine: 6, endColumn: 70 }],
    },
    // a three-way split whose first held-out part is the test split
    {
      code: `import xgboost as xgb
from sklearn.model_selection import train_test_split

X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, random_state=0)
X_test, X_val, y_test, y_val = train_test_split(X_rest, y_rest, test_size=0.5, random_state=0)
model = xgb.XGBClassifier(early_stopping_rounds=50, random_state=0)
model.fit(X_train, y_train, eval_set=[(X_test, y_test)])
`,
      errors: [{ messageId: "earlyStopOnTest", line: 7, column: 39, endLine: 7, endColumn: 55 }],
    },
    // fitted, then transforming the same rows inside the split call
    {
      code: `from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

X, y = load_labelled()
pca = PCA(n_components=20, random_state=0)
pca.fit(X)
X_train, X_test, y_train, y_test = train_test_split(pca.transform(X), y, random_state=0)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 6, column: 1, endLine: 6, endColumn: 11 }],
    },
    // fitted in a chain, the fitted object held by its name
    {
      code: `from sklearn.feature_selection import VarianceThreshold
from sklearn.model_selection import train_test_split

X, y = load_labelled()
selector = VarianceThreshold(0.01).fit(X)
X_kept = selector.transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_kept, y, random_state=0)
`,
      errors: [{ messageId: "fitBeforeSplit", line: 5, column: 12, endLine: 5, endColumn: 42 }],
    },
  ],
});
