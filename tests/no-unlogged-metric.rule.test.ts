import rule from "../rules/no-unlogged-metric.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const head = "import mlflow\nfrom sklearn.metrics import f1_score, accuracy_score\n";

pythonRuleTester().run("no-unlogged-metric", rule as never, {
  valid: [
    // Logged through an operator, or read inside the logging call (wandb/examples' Keras quick start).
    "import wandb\nfrom tensorflow import keras\nwandb.init()\nmodel = keras.Sequential()\nmodel.fit(X, y)\nloss, accuracy = model.evaluate(x_test, y_test)\nprint('Test Error Rate: ', round((1 - accuracy) * 100, 2))\nwandb.log({'Test Error Rate': round((1 - accuracy) * 100, 2)})\n",
    "import wandb\nfrom tensorflow import keras\nwandb.init()\nmodel = keras.Sequential()\nmodel.fit(X, y)\nloss, acc = model.evaluate(x_test, y_test)\nwandb.log({'loss': float(loss), 'acc': float(acc)})\nprint(acc)\n",
    // Logged directly, through a dict, or through a container written later.
    `${head}with mlflow.start_run():\n    f1 = f1_score(y, p)\n    mlflow.log_metric('f1', f1)\n    print(f1)\n`,
    `${head}with mlflow.start_run():\n    f1 = f1_score(y, p)\n    m = {'f1': f1}\n    mlflow.log_metrics(m)\n    print(f1)\n`,
    `${head}with mlflow.start_run():\n    out = {}\n    out['f1'] = f1_score(y, p)\n    mlflow.log_metrics(out)\n    print(out)\n`,
    `${head}with mlflow.start_run():\n    mlflow.log_metric('f1', f1_score(y, p))\n`,
    // Post-training metrics autologged.
    `${head}mlflow.sklearn.autolog()\nwith mlflow.start_run():\n    print(f1_score(y, p))\n`,
    // Returned or handed to a helper that may log it.
    `${head}def evaluate(y, p):\n    with mlflow.start_run():\n        f1 = f1_score(y, p)\n        print(f1)\n        return f1\n`,
    // Not shown anywhere; outside any run.
    `${head}with mlflow.start_run():\n    f1 = f1_score(y, p)\n`,
    `${head}def report(y, p):\n    print(f1_score(y, p))\nwith mlflow.start_run():\n    pass\n`,
    // W&B summary.
    "import wandb\nfrom sklearn.metrics import f1_score\nrun = wandb.init()\nf1 = f1_score(y, p)\nrun.summary['f1'] = f1\nprint(f1)\nrun.finish()\n",
  ],
  invalid: [
    // Unpacked scores are followed one by one: the loss is logged, the accuracy only printed; one finding naming both when neither is logged.
    {
      code: "import mlflow\nfrom tensorflow import keras\nwith mlflow.start_run():\n    model = keras.Sequential()\n    model.fit(X, y)\n    loss, acc = model.evaluate(X_test, y_test)\n    mlflow.log_metric('loss', loss)\n    print(f'accuracy {acc}')\n",
      errors: [{ messageId: "unlogged", line: 6, data: { metric: "acc from model.evaluate()", shown: "shown by print()", how: "mlflow.log_metric()" } }],
    },
    {
      code: "import wandb\nfrom tensorflow import keras\nwandb.init()\nmodel = keras.Sequential()\nmodel.fit(X, y)\nloss, acc = model.evaluate(x_test, y_test)\nprint('loss:', loss, 'acc:', acc)\n",
      errors: [{ messageId: "unlogged", line: 6, data: { metric: "loss, acc from model.evaluate()", shown: "shown by print()", how: "run.log()" } }],
    },
    {
      code: `${head}with mlflow.start_run():\n    acc = accuracy_score(y, p)\n    print(f'acc={acc}')\n`,
      errors: [
        {
          messageId: "unlogged",
          line: 4,
          column: 11,
          endColumn: 31,
          data: { metric: "accuracy_score", shown: "shown by print()", how: "mlflow.log_metric()" },
        },
      ],
    },
    // One finding per computation in a loop over segments.
    {
      code: `${head}with mlflow.start_run():\n    for s in segs:\n        r = f1_score(y[s], p[s])\n        print(s, r)\n`,
      errors: [{ messageId: "unlogged", line: 5 }],
    },
    // model.score of a model fitted here.
    {
      code: "import wandb\nfrom sklearn.svm import SVC\nwith wandb.init() as run:\n    clf = SVC()\n    clf.fit(X, y)\n    print(clf.score(Xt, yt))\n",
      errors: [{ messageId: "unlogged", line: 6, data: { metric: "clf.score()", shown: "shown by print()", how: "run.log()" } }],
    },
  ],
});
