import rule from "../rules/no-unlogged-hyperparameter.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";
import { typescriptRuleTester } from "./util/ts-rule-tester.js";

const RF = "import mlflow\nfrom sklearn.ensemble import RandomForestClassifier\n";

pythonRuleTester().run("no-unlogged-hyperparameter", rule, {
  valid: [
    // Logged by key; runtime settings and seeds are not hyper-parameters.
    `${RF}with mlflow.start_run():\n    mlflow.log_param('max_depth', d)\n    m = RandomForestClassifier(max_depth=d, n_jobs=-1, random_state=0)\n`,
    // Logged under another name, the same value.
    `${RF}with mlflow.start_run():\n    mlflow.log_param('depth_limit', args.depth)\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
    // The whole namespace, a whole dict, the estimator's own parameters.
    `${RF}with mlflow.start_run():\n    mlflow.log_params(vars(args))\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
    `${RF}params = {'max_depth': 4}\nwith mlflow.start_run():\n    mlflow.log_params(params)\n    m = RandomForestClassifier(**params)\n`,
    `${RF}with mlflow.start_run():\n    m = RandomForestClassifier(max_depth=4)\n    mlflow.log_params(m.get_params())\n`,
    // Logged by a helper of this file, which receives the namespace.
    `${RF}def log_config(run_args):\n    mlflow.log_params(vars(run_args))\nwith mlflow.start_run():\n    log_config(args)\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
    `${RF}class Tracker:\n    def record(self, key, value):\n        mlflow.log_param(key, value)\nwith mlflow.start_run():\n    Tracker().record('depth_limit', depth)\n    m = RandomForestClassifier(max_depth=depth)\n`,
    // The same constant bound twice (a notebook re-running its settings cell), one copy unpacked from a tuple.
    "import wandb, torch\nBS, LR = 128, 0.003\nloader = torch.utils.data.DataLoader(ds, batch_size=BS, shuffle=True)\nBS = 128\nrun = wandb.init(config={'batch_size': BS})\n",
    // An unreadable **spread into a call where only some keywords are settings: runtime options, not reported.
    "import wandb, torch\nwandb.init(config={'batch_size': 64})\nkwargs = {'num_workers': 1} if cuda else {}\nloader = torch.utils.data.DataLoader(ds, batch_size=wandb.config.batch_size, shuffle=True, **kwargs)\n",
    // Synonyms: learning_rate logged, lr passed.
    "import mlflow, torch\nwith mlflow.start_run():\n    mlflow.log_param('learning_rate', lr)\n    opt = torch.optim.Adam(net.parameters(), lr=lr)\n",
    // Autologging, all flavors or this one.
    `${RF}mlflow.autolog()\nwith mlflow.start_run():\n    m = RandomForestClassifier(max_depth=4)\n`,
    `${RF}import mlflow.sklearn\nmlflow.sklearn.autolog()\nwith mlflow.start_run():\n    m = RandomForestClassifier(max_depth=4)\n`,
    // Read from the W&B config.
    "import wandb, torch\nrun = wandb.init(config=cfg)\nopt = torch.optim.SGD(net.parameters(), lr=run.config.lr, momentum=wandb.config['momentum'])\n",
    // A W&B integration records the settings.
    "import wandb\nfrom wandb.integration.keras import WandbMetricsLogger\nfrom tensorflow import keras\nwandb.init()\nmodel = keras.Sequential(layers)\nmodel.fit(x, y, epochs=5, callbacks=[WandbMetricsLogger()])\n",
    // transformers reports to installed trackers unless report_to says otherwise.
    "import wandb\nfrom transformers import TrainingArguments\nwandb.init()\nargs = TrainingArguments('out', learning_rate=3e-5)\n",
    // A parameter handed through: its callers decide.
    "import mlflow, torch\ndef make(net, lr):\n    return torch.optim.Adam(net.parameters(), lr=lr)\nwith mlflow.start_run():\n    pass\n",
    // The same constant on both sides; two expressions that may hold the same value.
    `${RF}depth = 5\nwith mlflow.start_run():\n    mlflow.log_param('max_depth', depth)\n    m = RandomForestClassifier(max_depth=5)\n`,
    `${RF}with mlflow.start_run():\n    mlflow.log_param('max_depth', args.depth)\n    m = RandomForestClassifier(max_depth=cfg.depth)\n`,
    // No run: not a tracked program.
    `${RF}m = RandomForestClassifier(max_depth=4)\n`,
    // An evaluation loader does not shuffle: its batch size is not a training setting.
    "import wandb\nfrom torch.utils.data import DataLoader\nwandb.init()\nloader = DataLoader(ds, batch_size=512)\n",
  ],
  invalid: [
    {
      code: `${RF}with mlflow.start_run():\n    mlflow.log_param('n_estimators', n)\n    m = RandomForestClassifier(n_estimators=n, max_depth=8, min_samples_leaf=leaf)\n`,
      errors: [{ messageId: "unlogged", line: 5, column: 9, endLine: 5, endColumn: 31, data: { callee: "RandomForestClassifier", names: "max_depth, min_samples_leaf", them: "them", how: "mlflow.log_params()" } }],
    },
    {
      // Positional learning rate; a flavor autolog for another library does not help.
      code: "import mlflow, mlflow.sklearn, torch\nmlflow.sklearn.autolog()\nwith mlflow.start_run():\n    opt = torch.optim.SGD(net.parameters(), 0.1)\n",
      errors: [{ messageId: "unlogged", line: 4, column: 11, endLine: 4, endColumn: 26, data: { callee: "torch.optim.SGD", names: "lr", them: "it", how: "mlflow.log_params()" } }],
    },
    {
      // Entries of the params mapping of xgboost.train.
      code: "import mlflow, xgboost as xgb\nparams = {'eta': eta, 'max_depth': 6}\nwith mlflow.start_run():\n    mlflow.log_param('eta', eta)\n    bst = xgb.train(params, dtrain, num_boost_round=rounds)\n",
      errors: [{ messageId: "unlogged", line: 5, column: 11, endLine: 5, endColumn: 20, data: { callee: "xgb.train", names: "max_depth, num_boost_round", them: "them", how: "mlflow.log_params()" } }],
    },
    {
      // A mapping the rule cannot read, never logged.
      code: "import mlflow, json, lightgbm\nparams = json.load(open('p.json'))\nwith mlflow.start_run():\n    m = lightgbm.LGBMClassifier(**params)\n",
      errors: [{ messageId: "unlogged", line: 4, column: 9, endLine: 4, endColumn: 32, data: { callee: "lightgbm.LGBMClassifier", names: "**params", them: "it", how: "mlflow.log_params()" } }],
    },
    {
      code: "import wandb\nfrom transformers import TrainingArguments\nrun = wandb.init(config={'lr': lr})\nargs = TrainingArguments('out', learning_rate=lr, num_train_epochs=3, report_to='none')\n",
      errors: [{ messageId: "unlogged", line: 4, column: 8, endLine: 4, endColumn: 25, data: { callee: "TrainingArguments", names: "num_train_epochs", them: "it", how: "wandb.config.update()" } }],
    },
    {
      // The helper logs another namespace than the one the model reads.
      code: `${RF}def log_config(c):\n    mlflow.log_params(vars(c))\nwith mlflow.start_run():\n    log_config(data_args)\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
      errors: [{ messageId: "unlogged", line: 7, column: 9, endLine: 7, endColumn: 31 }],
    },
    {
      // Logged from args, trained with a literal.
      code: "import mlflow, torch\nlr = 0.01\nwith mlflow.start_run():\n    mlflow.log_param('lr', args.lr)\n    opt = torch.optim.Adam(net.parameters(), lr=lr)\n",
      errors: [{ messageId: "loggedOtherValue", line: 5, column: 49, endLine: 5, endColumn: 51, data: { key: "lr", logged: "args.lr", callee: "torch.optim.Adam", actual: "lr=lr (0.01)" } }],
    },
    {
      // Logged from a constant, trained with a setting.
      code: `${RF}n = 100\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', n)\n    m = RandomForestClassifier(n_estimators=args.n)\n`,
      errors: [{ messageId: "loggedOtherValue", line: 6, column: 45, endLine: 6, endColumn: 51, data: { key: "n_estimators", logged: "n (100)", callee: "RandomForestClassifier", actual: "n_estimators=args.n" } }],
    },
    {
      code: "import wandb\nfrom torch.utils.data import DataLoader\nwandb.init(config=cfg)\nloader = DataLoader(ds, batch_size=64, shuffle=True)\n",
      errors: [{ messageId: "unlogged", line: 4, column: 10, endLine: 4, endColumn: 20, data: { callee: "DataLoader", names: "batch_size", them: "it", how: "wandb.config.update()" } }],
    },
  ],
});

typescriptRuleTester().run("no-unlogged-hyperparameter", rule, {
  valid: [
    'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ config: { epochs: 5 } });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: wandb.config.epochs });\n',
  ],
  invalid: [
    {
      code: 'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ config: { epochs: 5 } });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: wandb.config.epochs, batchSize: 32 });\n',
      errors: [{ messageId: "unlogged", line: 5, column: 7, endLine: 5, endColumn: 16, data: { callee: "model.fit", names: "batchSize", them: "it", how: "wandb.config.update()" } }],
    },
  ],
});
