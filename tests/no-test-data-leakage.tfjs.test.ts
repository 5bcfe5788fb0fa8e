// no-test-data-leakage in TS/JS (tfjs), and the shared mechanisms it added, seen from Python too.
import rule from "../rules/no-test-data-leakage.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";
import { typescriptRuleTester } from "./util/ts-rule-tester.js";

const TF = 'import * as tf from "@tensorflow/tfjs-node";\n';
const STOP = "callbacks: tf.callbacks.earlyStopping({ patience: 3 })";

typescriptRuleTester().run("no-test-data-leakage", rule as never, {
  valid: [
    // monitoring the test split without early stopping or a checkpoint chooses nothing
    `${TF}const test = data.getTestData();\nawait model.fit(xs, ys, { epochs: 5, validationData: [test.xs, test.labels] });\n`,
    // early stopping on a validation part carved from the training rows
    `${TF}const n = 800;\nconst fitXs = trainXs.slice(0, n);\nconst valXs = trainXs.slice(n);\nconst fitYs = trainYs.slice(0, n);\nconst valYs = trainYs.slice(n);\nawait model.fit(fitXs, fitYs, { validationData: [valXs, valYs], ${STOP} });\n`,
    // a stop button: the callback stops on the user's flag, not on what it monitors
    `${TF}const test = data.getTestData();\nawait model.fit(xs, ys, { validationData: [test.xs, test.labels], callbacks: { onYield: () => { model.stopTraining = ui.stopRequested; } } });\n`,
    // tf.split along the channel axis divides features, not rows
    `${TF}const [left, right] = tf.split(images, 2, 3);\nawait model.fit(left, ys, { validationData: [right, ys], ${STOP} });\n`,
    // a statistic of the training part only, applied to both parts
    `${TF}const xs = tf.tensor2d(rows);\nconst [trainRaw, testRaw] = tf.split(xs, [800, 200]);\nconst { mean, variance } = tf.moments(trainRaw, 0);\nconst trainXs = trainRaw.sub(mean).div(variance.sqrt());\nconst testXs = testRaw.sub(mean).div(variance.sqrt());\n`,
    // a per-row statistic (axis 1) mixes no rows
    `${TF}const xs = tf.tensor2d(rows);\nconst rowMean = xs.mean(1, true);\nconst centred = xs.sub(rowMean);\nconst [trainXs, testXs] = tf.split(centred, [800, 200]);\n`,
    // a grid kept on the validation score
    `${TF}function accuracyOn(model: tf.Sequential, xs: tf.Tensor, ys: tf.Tensor): number {\n  return (model.evaluate(xs, ys) as tf.Scalar[])[1]!.dataSync()[0]!;\n}\nlet best = -Infinity;\nlet bestLr;\nfor (const lr of [0.1, 0.01]) {\n  const acc = accuracyOn(build(lr), valXs, valYs);\n  if (acc > best) {\n    best = acc;\n    bestLr = lr;\n  }\n}\n`,
    // not a tfjs (or other ML) file
    `const test = loadTest();\nawait model.fit(xs, ys, { validationData: [test.xs, test.ys], callbacks: stopEarly() });\n`,
  ],
  invalid: [
    {
      // the loader's test part, monitored with early stopping
      code: `${TF}const test = data.getTestData();\nawait model.fit(train.xs, train.labels, {\n  validationData: [test.xs, test.labels],\n  ${STOP},\n});\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 4,
          column: 19,
          endColumn: 41,
          data: { call: "model.fit", evidence: "test, the test split of getTestData(), passed as validationData", stopper: "earlyStopping callback" },
        },
      ],
    },
    {
      // rows cut with tf.split
      code: `${TF}const [trX, teX] = tf.split(xs, [800, 200]);\nconst [trY, teY] = tf.split(ys, [800, 200]);\nawait model.fit(trX, trY, { validationData: [teX, teY], callbacks: [tf.callbacks.earlyStopping()] });\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 4,
          data: { call: "model.fit", evidence: "teX and teY, the test split from tf.split, passed as validationData", stopper: "earlyStopping callback" },
        },
      ],
    },
    {
      // rows cut with .slice at one bound, and a hand-written checkpoint
      code: `${TF}const a = xs.slice(0, nTrain);\nconst b = xs.slice(nTrain);\nconst c = ys.slice(0, nTrain);\nconst d = ys.slice(nTrain);\nawait model.fit(a, c, { validationData: [b, d], callbacks: { onEpochEnd: async (e: number, logs?: tf.Logs) => { if (logs!.val_loss! < best) await model.save("file://best"); } } });\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 6,
          data: {
            call: "model.fit",
            evidence: "b, the test split from slicing xs; d, the test split from slicing ys, passed as validationData",
            stopper: "an onEpochEnd callback that saves the model",
          },
        },
      ],
    },
    {
      // a head cut by a bound named for the test rows is the test split; a callback that stops training
      code: `${TF}const first = xs.slice(0, numTest);\nconst rest = xs.slice(numTest);\nawait model.fit(rest, ys, { validationData: [first, ys], callbacks: [new tf.CustomCallback({ onEpochEnd: (e: number, logs?: tf.Logs) => { if (logs!.val_loss! > best) model.stopTraining = true; } })] });\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 4,
          data: {
            call: "model.fit",
            evidence: "first, the test split from slicing xs, passed as validationData",
            stopper: "an onEpochEnd callback that stops training",
          },
        },
      ],
    },
    {
      // the early-stopping callback pushed into the list handed to fit
      code: `${TF}const [trX, teX] = tf.split(xs, [800, 200]);\nconst [trY, teY] = tf.split(ys, [800, 200]);\nconst callbacks: tf.Callback[] = [];\ncallbacks.push(tf.callbacks.earlyStopping({ patience: 5 }));\nawait model.fit(trX, trY, { validationData: [teX, teY], callbacks });\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 6,
          data: { call: "model.fit", evidence: "teX and teY, the test split from tf.split, passed as validationData", stopper: "earlyStopping callback" },
        },
      ],
    },
    {
      // a test CSV read by name, streamed through fitDataset
      code: `${TF}const testDs = tf.data.csv(\`file://\${DATA}/test.csv\`).batch(32);\nawait model.fitDataset(trainDs, { validationData: testDs, ${STOP} });\n`,
      errors: [
        {
          messageId: "earlyStopOnTest",
          line: 3,
          data: {
            call: "model.fitDataset",
            evidence: "testDs, read from 'test.csv' (going by the file name), passed as validationData",
            stopper: "earlyStopping callback",
          },
        },
      ],
    },
    {
      // moments of the whole tensor, normalised, then split
      code: `${TF}const xs = tf.tensor2d(rows);\nconst { mean, variance } = tf.moments(xs, 0);\nconst normXs = xs.sub(mean).div(variance.sqrt());\nconst [trainXs, testXs] = tf.split(normXs, [800, 200]);\n`,
      errors: [
        {
          messageId: "statsBeforeSplit",
          line: 3,
          column: 28,
          endColumn: 45,
          data: { stat: "tf.moments(xs, 0)", data: "xs", via: "", split: "tf.split", heldOut: "test" },
        },
      ],
    },
    {
      // method statistics, then rows cut with .slice
      code: `${TF}const xs = tf.tensor2d(rows);\nconst mu = xs.mean(0);\nconst sd = xs.sub(mu).square().mean(0).sqrt();\nconst scaled = xs.sub(mu).div(sd);\nconst trainXs = scaled.slice(0, n);\nconst testXs = scaled.slice(n);\n`,
      errors: [
        { messageId: "statsBeforeSplit", line: 3, data: { stat: "xs.mean(0) (and 1 more)", data: "xs", via: "", split: "slicing scaled", heldOut: "test" } },
      ],
    },
    {
      // a grid loop keeping the learning rate with the best test accuracy, scored through a helper
      code: `${TF}function accuracyOn(model: tf.Sequential, xs: tf.Tensor, ys: tf.Tensor): number {\n  const [, acc] = model.evaluate(xs, ys) as tf.Scalar[];\n  return acc!.dataSync()[0]!;\n}\nconst test = data.getTestData();\nlet best = -Infinity;\nlet bestLr;\nfor (const lr of [0.1, 0.01]) {\n  const acc = accuracyOn(build(lr), test.xs, test.labels);\n  if (acc > best) {\n    best = acc;\n    bestLr = lr;\n  }\n}\n`,
      errors: [{ messageId: "selectOnTest", line: 10, column: 37, endColumn: 44, data: { kept: "best", evidence: "test, the test split of getTestData()" } }],
    },
  ],
});

pythonRuleTester().run("no-test-data-leakage (mechanisms shared with TS/JS)", rule, {
  valid: [
    // numpy statistics per row (axis=1) mix no rows
    `import numpy as np
from sklearn.model_selection import train_test_split

X = np.load("features.npy")
Xn = X - np.mean(X, axis=1, keepdims=True)
X_train, X_test, y_train, y_test = train_test_split(Xn, y, random_state=0)
`,
  ],
  invalid: [
    {
      // the statistics held in names, then combined with the table
      code: `import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("data.csv")
y = df.pop("label")
mean = df.mean()
std = df.std()
df = (df - mean) / std
X_train, X_test, y_train, y_test = train_test_split(df, y, random_state=0)
`,
      errors: [
        { messageId: "statsBeforeSplit", line: 6, data: { stat: "df.mean() (and 1 more)", data: "df", via: "", split: "train_test_split", heldOut: "test" } },
      ],
    },
    {
      // numpy's statistic functions
      code: `import numpy as np
from sklearn.model_selection import train_test_split

X = np.load("features.npy")
Xn = (X - np.mean(X, axis=0)) / np.std(X, axis=0)
X_train, X_test, y_train, y_test = train_test_split(Xn, y, random_state=0)
`,
      errors: [
        {
          messageId: "statsBeforeSplit",
          line: 5,
          data: { stat: "np.mean(X, axis=0) (and 1 more)", data: "X", via: "", split: "train_test_split", heldOut: "test" },
        },
      ],
    },
    {
      // a grid on the test score through a scoring helper of the file
      code: `from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


def evaluate(model, X, y):
    return accuracy_score(y, model.predict(X))


X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
best, best_c = 0, None
for c in [0.1, 1, 10]:
    clf = LogisticRegression(C=c).fit(X_train, y_train)
    acc = evaluate(clf, X_test, y_test)
    if acc > best:
        best = acc
        best_c = c
`,
      errors: [{ messageId: "selectOnTest", line: 14, data: { kept: "best", evidence: "X_test, the test split from train_test_split" } }],
    },
  ],
});
