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
    // W&B's magic hooks Keras' fit; a value computed from the config; a constant bound again.
    "import wandb\nfrom tensorflow import keras\nwandb.init(config={'layers': 128}, magic=True)\nmodel = keras.Sequential(layers)\nmodel.fit(x, y, epochs=5)\n",
    "import wandb, torch\nrun = wandb.init(config=cfg)\nconfig = run.config\nsched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=config.lr, total_steps=len(loader) * config.epochs, steps_per_epoch=len(loader))\n",
    "import wandb, torch\nLR = 0.003\nopt = torch.optim.SGD(net.parameters(), lr=LR)\nsched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR)\nLR = 0.003\nrun = wandb.init(config={'lr': LR})\n",
    // A tutorial cell's optimizer, built before the run and never used once it started.
    "import wandb, torch\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\nfor x in data:\n    opt.step()\nrun = wandb.init(config={'lr': 0.01})\nopt = torch.optim.SGD(net.parameters(), lr=run.config.lr)\n",
    // A logged entry of the mapping the call receives whole.
    `${RF}params = {'n_estimators': 100, 'max_depth': 5}\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', params['n_estimators'])\n    mlflow.log_param('max_depth', params['max_depth'])\n    m = RandomForestClassifier(**params)\n`,
    "import mlflow, xgboost as xgb\nparams = {'eta': 0.1, 'max_depth': 6}\nwith mlflow.start_run():\n    mlflow.log_param('eta', params['eta'])\n    mlflow.log_param('max_depth', params['max_depth'])\n    bst = xgb.train(params, dtrain)\n",
    // The estimator's own attribute, logged.
    "import mlflow\nfrom sklearn.linear_model import LogisticRegression\nwith mlflow.start_run():\n    model = LogisticRegression(C=0.5)\n    mlflow.log_param('C', model.C)\n",
    // Threads, devices, seeds and verbosity in a params mapping are not settings.
    "import mlflow, lightgbm as lgb\nparams = {'learning_rate': lr, 'seed': 42, 'verbose': -1, 'num_threads': 4, 'device_type': 'cpu', 'bagging_seed': 1, 'metric': 'auc'}\nwith mlflow.start_run():\n    mlflow.log_param('learning_rate', lr)\n    gbm = lgb.train(params, dtrain)\n",
    "import mlflow, xgboost as xgb\nparams = {'eta': eta, 'seed': 42, 'verbosity': 0, 'nthread': 4, 'eval_metric': 'auc'}\nwith mlflow.start_run():\n    mlflow.log_param('eta', eta)\n    bst = xgb.train(params, dtrain)\n",
    // A conditional mapping of runtime options spread into the call.
    "import wandb, torch\nwith wandb.init(config={'lr': 0.1}) as run:\n    extra = dict(fused=True) if cuda else dict()\n    opt = torch.optim.AdamW(net.parameters(), lr=run.config.lr, **extra)\n",
    // The whole config set at once.
    "import wandb, torch\nwandb.init()\nwandb.config = {'lr': 0.01, 'momentum': 0.9}\nopt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)\n",
    // The namespace logged whole, as __dict__ or handed to the W&B config.
    "import mlflow, torch\nwith mlflow.start_run():\n    mlflow.log_params(args.__dict__)\n    opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\n",
    "import wandb, torch\nargs = parser.parse_args()\nwandb.init()\nwandb.config.update(args)\nopt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\n",
    // A loader in a helper the run never reaches, and one made after the run closed.
    "import wandb, torch\ndef train(cfg):\n    with wandb.init(config=cfg) as run:\n        loader = torch.utils.data.DataLoader(ds, batch_size=run.config.batch_size, shuffle=True)\ndef show_samples():\n    loader = torch.utils.data.DataLoader(ds, batch_size=16, shuffle=True)\nif __name__ == '__main__':\n    train({'batch_size': 32})\n    show_samples()\n",
    "import mlflow, torch\nwith mlflow.start_run():\n    mlflow.log_param('batch_size', bs)\n    loader = torch.utils.data.DataLoader(ds, batch_size=bs, shuffle=True)\npreview = torch.utils.data.DataLoader(ds, batch_size=8, shuffle=True)\n",
    // A namespace built from a logged dict (`Namespace(**config)`), and a value derived from a logged one (`args.base_lr * world`).
    `${RF}import argparse, yaml\nconfig = yaml.safe_load(open('c.yaml'))\nwith mlflow.start_run():\n    mlflow.log_params(config)\n    args = argparse.Namespace(**config)\n    m = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth)\n`,
    "import mlflow, torch\nargs = parser.parse_args()\nwith mlflow.start_run():\n    mlflow.log_params(vars(args))\n    opt = torch.optim.SGD(net.parameters(), lr=args.base_lr * world_size)\n",
  ],
  invalid: [
    {
      // Added to the run's dict one entry a line, in its indentation and quotes, keeping the trailing comma; CRLF kept.
      code: "import mlflow, torch\r\ndef train(args):\r\n    with mlflow.start_run():\r\n        mlflow.log_params({\r\n            'lr': args.lr,\r\n        })\r\n        opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\r\n",
      errors: [
        {
          messageId: "unlogged",
          suggestions: [
            {
              messageId: "addToLogged",
              output:
                "import mlflow, torch\r\ndef train(args):\r\n    with mlflow.start_run():\r\n        mlflow.log_params({\r\n            'lr': args.lr,\r\n            'momentum': args.momentum,\r\n        })\r\n        opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\r\n",
            },
          ],
        },
      ],
    },
    {
      // A value bound only after the logged dict cannot be added there: a logging call goes before the call instead.
      code: "import mlflow, torch\nwith mlflow.start_run():\n    mlflow.log_params({'lr': 0.1})\n    m = args.momentum\n    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=m)\n",
      errors: [
        {
          messageId: "unlogged",
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                "import mlflow, torch\nwith mlflow.start_run():\n    mlflow.log_params({'lr': 0.1})\n    m = args.momentum\n    mlflow.log_params({\"momentum\": m})\n    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=m)\n",
            },
          ],
        },
      ],
    },
    {
      // The call is not a statement of its own inside the run: no edit.
      code: "import mlflow, torch\nwith mlflow.start_run():\n    fit(torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum))\n",
      errors: [{ messageId: "unlogged", suggestions: [] }],
    },
    {
      // A namespace built from a dict nobody logged, and a rate derived from a value that is not logged.
      code: `${RF}import argparse, torch, yaml\nconfig = yaml.safe_load(open('c.yaml'))\nwith mlflow.start_run():\n    mlflow.log_params(vars(cli))\n    args = argparse.Namespace(**config)\n    m = RandomForestClassifier(max_depth=args.max_depth)\n    opt = torch.optim.SGD(net.parameters(), lr=args.base_lr * world_size)\n`,
      errors: [
        {
          messageId: "unlogged",
          line: 8,
          data: { callee: "RandomForestClassifier", names: "max_depth", them: "it", how: "mlflow.log_params()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output: `${RF}import argparse, torch, yaml\nconfig = yaml.safe_load(open('c.yaml'))\nwith mlflow.start_run():\n    mlflow.log_params(vars(cli))\n    args = argparse.Namespace(**config)\n    mlflow.log_params({"max_depth": args.max_depth})\n    m = RandomForestClassifier(max_depth=args.max_depth)\n    opt = torch.optim.SGD(net.parameters(), lr=args.base_lr * world_size)\n`,
            },
          ],
        },
        // An expression with operators is not moved: no edit.
        { messageId: "unlogged", line: 9, data: { callee: "torch.optim.SGD", names: "lr", them: "it", how: "mlflow.log_params()" }, suggestions: [] },
      ],
    },
    {
      code: `${RF}with mlflow.start_run():\n    mlflow.log_param('n_estimators', n)\n    m = RandomForestClassifier(n_estimators=n, max_depth=8, min_samples_leaf=leaf)\n`,
      errors: [
        {
          messageId: "unlogged",
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 31,
          data: { callee: "RandomForestClassifier", names: "max_depth, min_samples_leaf", them: "them", how: "mlflow.log_params()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output: `${RF}MAX_DEPTH = 8\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', n)\n    mlflow.log_params({"max_depth": MAX_DEPTH, "min_samples_leaf": leaf})\n    m = RandomForestClassifier(n_estimators=n, max_depth=MAX_DEPTH, min_samples_leaf=leaf)\n`,
            },
          ],
        },
      ],
    },
    {
      // Positional learning rate; a flavor autolog for another library does not help.
      code: "import mlflow, mlflow.sklearn, torch\nmlflow.sklearn.autolog()\nwith mlflow.start_run():\n    opt = torch.optim.SGD(net.parameters(), 0.1)\n",
      errors: [
        {
          messageId: "unlogged",
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 26,
          data: { callee: "torch.optim.SGD", names: "lr", them: "it", how: "mlflow.log_params()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                'import mlflow, mlflow.sklearn, torch\nLR = 0.1\nmlflow.sklearn.autolog()\nwith mlflow.start_run():\n    mlflow.log_params({"lr": LR})\n    opt = torch.optim.SGD(net.parameters(), LR)\n',
            },
          ],
        },
      ],
    },
    {
      // Entries of the params mapping of xgboost.train.
      code: "import mlflow, xgboost as xgb\nparams = {'eta': eta, 'max_depth': 6}\nwith mlflow.start_run():\n    mlflow.log_param('eta', eta)\n    bst = xgb.train(params, dtrain, num_boost_round=rounds)\n",
      errors: [
        {
          messageId: "unlogged",
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 20,
          data: { callee: "xgb.train", names: "max_depth, num_boost_round", them: "them", how: "mlflow.log_params()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                "import mlflow, xgboost as xgb\nMAX_DEPTH = 6\nparams = {'eta': eta, 'max_depth': MAX_DEPTH}\nwith mlflow.start_run():\n    mlflow.log_param('eta', eta)\n    mlflow.log_params({\"max_depth\": MAX_DEPTH, \"num_boost_round\": rounds})\n    bst = xgb.train(params, dtrain, num_boost_round=rounds)\n",
            },
          ],
        },
      ],
    },
    {
      // A mapping the rule cannot read, never logged.
      code: "import mlflow, json, lightgbm\nparams = json.load(open('p.json'))\nwith mlflow.start_run():\n    m = lightgbm.LGBMClassifier(**params)\n",
      errors: [
        {
          messageId: "unlogged",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 32,
          data: { callee: "lightgbm.LGBMClassifier", names: "**params", them: "it", how: "mlflow.log_params()" },
        },
      ],
    },
    {
      code: "import wandb\nfrom transformers import TrainingArguments\nrun = wandb.init(config={'lr': lr})\nargs = TrainingArguments('out', learning_rate=lr, num_train_epochs=3, report_to='none')\n",
      errors: [
        {
          messageId: "unlogged",
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 25,
          data: { callee: "TrainingArguments", names: "num_train_epochs", them: "it", how: "wandb.config.update()" },
          suggestions: [
            {
              messageId: "addToLogged",
              output:
                "import wandb\nfrom transformers import TrainingArguments\nNUM_TRAIN_EPOCHS = 3\nrun = wandb.init(config={'lr': lr, 'num_train_epochs': NUM_TRAIN_EPOCHS})\nargs = TrainingArguments('out', learning_rate=lr, num_train_epochs=NUM_TRAIN_EPOCHS, report_to='none')\n",
            },
          ],
        },
      ],
    },
    {
      // The helper logs another namespace than the one the model reads.
      code: `${RF}def log_config(c):\n    mlflow.log_params(vars(c))\nwith mlflow.start_run():\n    log_config(data_args)\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
      errors: [
        {
          messageId: "unlogged",
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 31,
          suggestions: [
            {
              messageId: "insertLogCall",
              output: `${RF}def log_config(c):\n    mlflow.log_params(vars(c))\nwith mlflow.start_run():\n    log_config(data_args)\n    mlflow.log_params({"max_depth": args.depth})\n    m = RandomForestClassifier(max_depth=args.depth)\n`,
            },
          ],
        },
      ],
    },
    {
      // Logged from args, trained with a literal.
      code: "import mlflow, torch\nlr = 0.01\nwith mlflow.start_run():\n    mlflow.log_param('lr', args.lr)\n    opt = torch.optim.Adam(net.parameters(), lr=lr)\n",
      errors: [
        {
          messageId: "loggedOtherValue",
          line: 5,
          column: 49,
          endLine: 5,
          endColumn: 51,
          data: { key: "lr", logged: "args.lr", callee: "torch.optim.Adam", actual: "lr=lr (0.01)" },
        },
      ],
    },
    {
      // Logged from a constant, trained with a setting.
      code: `${RF}n = 100\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', n)\n    m = RandomForestClassifier(n_estimators=args.n)\n`,
      errors: [
        {
          messageId: "loggedOtherValue",
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 51,
          data: { key: "n_estimators", logged: "n (100)", callee: "RandomForestClassifier", actual: "n_estimators=args.n" },
        },
      ],
    },
    {
      code: "import wandb\nfrom torch.utils.data import DataLoader\nwandb.init(config=cfg)\nloader = DataLoader(ds, batch_size=64, shuffle=True)\n",
      errors: [
        {
          messageId: "unlogged",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          data: { callee: "DataLoader", names: "batch_size", them: "it", how: "wandb.config.update()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                'import wandb\nfrom torch.utils.data import DataLoader\nBATCH_SIZE = 64\nwandb.init(config=cfg)\nwandb.config.update({"batch_size": BATCH_SIZE})\nloader = DataLoader(ds, batch_size=BATCH_SIZE, shuffle=True)\n',
            },
          ],
        },
      ],
    },
    {
      // Built before the run and used in it: directly, or by a function the run calls.
      code: "import wandb, torch\nloader = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True)\nwandb.init()\nfor x in loader:\n    pass\n",
      errors: [{ messageId: "unlogged", line: 2 }],
    },
    {
      code: "import wandb, torch\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\ndef train():\n    opt.step()\nwandb.init()\ntrain()\n",
      errors: [{ messageId: "unlogged", line: 2 }],
    },
    {
      // A helper called for the loader the run then uses.
      code: "import mlflow, torch\ndef get_loader():\n    return torch.utils.data.DataLoader(ds, batch_size=64, shuffle=True)\ndef train(loader):\n    with mlflow.start_run():\n        for x in loader:\n            pass\ndef main():\n    loader = get_loader()\n    train(loader)\nmain()\n",
      errors: [{ messageId: "unlogged", line: 3 }],
    },
    {
      // Trained before the run, and the trained model logged in it.
      code: "import mlflow, torch\nnet = Net()\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\nopt.step()\nwith mlflow.start_run():\n    mlflow.pytorch.log_model(net, 'model')\n",
      errors: [{ messageId: "unlogged", line: 3 }],
    },
    {
      // One part of the namespace logged covers that part only, in MLflow and in W&B.
      code: `${RF}args = parser.parse_args()\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', args.n_estimators)\n    m = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth)\n`,
      errors: [
        {
          messageId: "unlogged",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 31,
          data: { callee: "RandomForestClassifier", names: "max_depth", them: "it", how: "mlflow.log_params()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output: `${RF}args = parser.parse_args()\nwith mlflow.start_run():\n    mlflow.log_param('n_estimators', args.n_estimators)\n    mlflow.log_params({"max_depth": args.max_depth})\n    m = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth)\n`,
            },
          ],
        },
      ],
    },
    {
      code: "import wandb, torch\nargs = parser.parse_args()\nwandb.init()\nwandb.config.lr = args.lr\nopt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\n",
      errors: [
        {
          messageId: "unlogged",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 22,
          data: { callee: "torch.optim.SGD", names: "momentum", them: "it", how: "wandb.config.update()" },
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                'import wandb, torch\nargs = parser.parse_args()\nwandb.init()\nwandb.config.lr = args.lr\nwandb.config.update({"momentum": args.momentum})\nopt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)\n',
            },
          ],
        },
      ],
    },
    {
      // A helper the run calls is part of it; an unreadable spread there is still reported.
      code: "import wandb, torch\ndef configure(net, extra):\n    return torch.optim.AdamW(net.parameters(), lr=0.1, **extra)\nwith wandb.init(config={'batch_size': 8}) as run:\n    opt = configure(net, load_options())\n",
      errors: [
        {
          messageId: "unlogged",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 29,
          data: { callee: "torch.optim.AdamW", names: "lr", them: "it", how: "wandb.config.update()" },
        },
      ],
    },
  ],
});

typescriptRuleTester().run("no-unlogged-hyperparameter", rule, {
  valid: [
    'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ config: { epochs: 5 } });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: wandb.config.epochs });\n',
  ],
  invalid: [
    {
      // JavaScript: a `wandb.config.update` statement with an object literal.
      code: 'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ project: "p" });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: args.epochs });\n',
      errors: [
        {
          messageId: "unlogged",
          suggestions: [
            {
              messageId: "insertLogCall",
              output:
                'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ project: "p" });\nconst model = tf.sequential();\nwandb.config.update({ epochs: args.epochs });\nawait model.fit(xs, ys, { epochs: args.epochs });\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nawait wandb.init({ config: { epochs: 5 } });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: wandb.config.epochs, batchSize: 32 });\n',
      errors: [
        {
          messageId: "unlogged",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 16,
          data: { callee: "model.fit", names: "batchSize", them: "it", how: "wandb.config.update()" },
          suggestions: [
            {
              messageId: "addToLogged",
              output:
                'import * as tf from "@tensorflow/tfjs";\nimport wandb from "@wandb/sdk";\nconst BATCH_SIZE = 32;\nawait wandb.init({ config: { epochs: 5, batchSize: BATCH_SIZE } });\nconst model = tf.sequential();\nawait model.fit(xs, ys, { epochs: wandb.config.epochs, batchSize: BATCH_SIZE });\n',
            },
          ],
        },
      ],
    },
  ],
});
