import rule from "../rules/no-literal-log-param.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("no-literal-log-param", rule, {
  valid: [
    // MLflow: the value is bound first, or computed.
    "import mlflow\nn = 100\nmlflow.log_param('n_estimators', n)\n",
    "import mlflow\nmlflow.log_param('lr', args.lr)\n",
    "import mlflow\nparams = {'n_estimators': 100}\nmlflow.log_params(params)\nModel(**params)\n",
    "import mlflow\nmlflow.log_param('target', f'{col}')\n",
    "import mlflow\nmlflow.log_params({'lr': lr, 'epochs': len(schedule)})\n",
    // A later spread may override the literal.
    "import mlflow\nmlflow.log_params({'lr': 0.1, **overrides})\n",
    // Not mlflow: a local function, or another library's function of the same name.
    "def log_param(k, v):\n    print(k, v)\nlog_param('n', 100)\n",
    "import mlflow\nfrom tracking_utils import log_param\nlog_param('n', 100)\n",
    // W&B: the config literal is read back.
    "import wandb\nwandb.init(config={'lr': 0.1})\nopt = SGD(lr=wandb.config.lr)\n",
    "import wandb\nrun = wandb.init(config={'lr': 0.1})\nopt = SGD(lr=run.config['lr'])\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nconfig = wandb.config\nopt = SGD(lr=config.lr)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nkey = 'lr'\nopt = SGD(lr=wandb.config[key])\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nopt = SGD(lr=wandb.config.get('lr', 0.01))\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\n\ndef make_optimizer(params):\n    return SGD(params, lr=wandb.config.lr)\n",
    "import wandb\nwandb.init()\nwandb.config.update({'lr': 0.1}, allow_val_change=True)\nopt = SGD(lr=wandb.config.lr)\n",
    "import wandb\nrun = wandb.init()\nrun.config.setdefaults({'lr': 0.1})\nopt = SGD(lr=run.config.lr)\n",
    // The whole config handed on counts as reading every key.
    "import wandb\nwith wandb.init(config={'lr': 0.1, 'depth': 3}) as run:\n    model = build(**run.config)\n",
    "import wandb\nwandb.init()\nwandb.config.update({'lr': 0.1})\ntrain(wandb.config)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nsettings = dict(wandb.config)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nfor k, v in wandb.config.items():\n    print(k, v)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nfor k in wandb.config:\n    print(k)\n",
    "import wandb\nrun = wandb.init(config={'lr': 0.1})\ncfg = run.config\nfor k in cfg:\n    print(k)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\n\ndef get_config():\n    return wandb.config\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nmodel = build({**wandb.config, 'extra': 1})\n",
    "import wandb\n\nclass Trainer:\n    def __init__(self):\n        cfg = wandb.init(config={'lr': 0.1}).config\n        self.cfg = cfg\n\n    def optimizer(self):\n        return SGD(lr=self.cfg.lr)\n",
    // The dict handed to wandb.init through a name holds the same values.
    "import wandb\nconfig = {'lr': 0.1}\nwandb.init(config=config)\nopt = SGD(lr=config['lr'])\n",
    "import wandb\nconfig = {'lr': 0.1, 'epochs': 3}\nwandb.init(config=config)\ntrain(config)\n",
    "import wandb\nconfig = dict(epochs=5, lr=0.1)\nwith wandb.init(project='p', config=config):\n    config = wandb.config\n    make(config)\n",
    // Read back, and one of the calls taking the key gets it from the config.
    "import wandb\nwandb.init(config={'lr': 2e-4})\nopt_g = Adam(lr=wandb.config.lr)\nopt_d = Adam(lr=4e-4)\n",
    // Read back, and handed through a function parameter.
    "import wandb\nwandb.init(config={'lr': 0.1})\n\ndef make_opt(lr):\n    return SGD(lr=lr)\n\nopt = make_opt(wandb.config.lr)\n",
    // Not literals.
    "import wandb\nwandb.init(config=vars(args))\n",
    "import wandb\nwandb.init(config={'lr': args.lr})\n",
  ],
  invalid: [
    {
      // The same literal in both places: a module constant after the imports, used by both; CRLF and quotes kept.
      code: "import mlflow\r\nfrom torch.optim import SGD\r\n\r\nwith mlflow.start_run():\r\n    mlflow.log_params({'learning-rate': 0.05})\r\n    opt = SGD(params, **{'learning-rate': 0.05})\r\n",
      errors: [
        {
          messageId: "literalParam",
          suggestions: [
            {
              messageId: "bindLiteral",
              data: { name: "LEARNING_RATE", value: "0.05" },
              output:
                "import mlflow\r\nfrom torch.optim import SGD\r\nLEARNING_RATE = 0.05\r\n\r\nwith mlflow.start_run():\r\n    mlflow.log_params({'learning-rate': LEARNING_RATE})\r\n    opt = SGD(params, **{'learning-rate': LEARNING_RATE})\r\n",
            },
          ],
        },
      ],
    },
    {
      // The received expression is bound only after the log call, or the constant's name is taken: no edit.
      code: "import mlflow\nmlflow.log_param('lr', 0.1)\nlr = args.lr\nopt = SGD(lr=lr)\n",
      errors: [{ messageId: "literalMismatch", suggestions: [] }],
    },
    {
      code: "import mlflow\nLR = 3\nmlflow.log_param('lr', 0.1)\nopt = SGD(lr=0.1)\n",
      errors: [{ messageId: "literalParam", suggestions: [] }],
    },
    {
      // Another run's config built with dict(), and a data object under the key of a name: neither contradicts.
      code: "import wandb, torch\nrun = wandb.init(config={'learning_rate': 0.005, 'dataset': 'CIFAR-10'})\nopt = torch.optim.Adam(params, lr=run.config.learning_rate)\nloader = torch.utils.data.DataLoader(dataset=train_set, batch_size=8)\nconfigs = dict(learning_rate=1e-3)\n",
      errors: [{ messageId: "configNotRead", line: 2, data: { key: "dataset", value: "'CIFAR-10'" } }],
    },
    {
      // An argparse option's own keywords (`type=int`) are not a use of the setting.
      code: "import wandb, argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--epochs', type=int)\nrun = wandb.init(config={'type': 'baseline'})\n",
      errors: [{ messageId: "configNotRead", line: 4 }],
    },
    {
      code: "import mlflow\nmlflow.log_param('n_estimators', 100)\n",
      errors: [{ messageId: "literalParam", line: 2, column: 34, endLine: 2, endColumn: 37, data: { key: "n_estimators", value: "100" } }],
    },
    {
      code: "import mlflow as mf\nfrom sklearn.ensemble import RandomForestClassifier\n\nwith mf.start_run():\n    mf.log_param('n_estimators', 100)\n    clf = RandomForestClassifier(n_estimators=args.n_estimators)\n",
      errors: [
        {
          messageId: "literalMismatch",
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 37,
          data: { key: "n_estimators", value: "100", callee: "RandomForestClassifier", argument: "n_estimators=args.n_estimators" },
          suggestions: [
            {
              messageId: "logReceived",
              data: { expr: "args.n_estimators", callee: "RandomForestClassifier" },
              output:
                "import mlflow as mf\nfrom sklearn.ensemble import RandomForestClassifier\n\nwith mf.start_run():\n    mf.log_param('n_estimators', args.n_estimators)\n    clf = RandomForestClassifier(n_estimators=args.n_estimators)\n",
            },
          ],
        },
      ],
    },
    {
      code: "from mlflow import log_param\nlog_param(key='layers', value=[64, 32])\n",
      errors: [{ messageId: "literalParam", line: 2, column: 31, endLine: 2, endColumn: 39, data: { key: "layers", value: "[64, 32]" } }],
    },
    {
      code: "import mlflow\nmlflow.log_param('optimizer', f'adam')\n",
      errors: [{ messageId: "literalParam", line: 2, column: 31, endLine: 2, endColumn: 38, data: { key: "optimizer", value: "f'adam'" } }],
    },
    {
      code: "import mlflow\nmlflow.log_params({'lr': 0.01, 'epochs': args.epochs, 'dropout': None})\n",
      errors: [
        { messageId: "literalParam", line: 2, column: 26, endLine: 2, endColumn: 30, data: { key: "lr", value: "0.01" } },
        { messageId: "literalParam", line: 2, column: 66, endLine: 2, endColumn: 70, data: { key: "dropout", value: "None" } },
      ],
    },
    {
      code: "import mlflow\nmlflow.log_params(dict(lr=0.01, epochs=args.epochs))\n",
      errors: [{ messageId: "literalParam", line: 2, column: 27, endLine: 2, endColumn: 31, data: { key: "lr", value: "0.01" } }],
    },
    {
      code: "from mlflow.tracking import MlflowClient\nclient = MlflowClient()\nclient.log_param(run_id, 'alpha', -0.5)\n",
      errors: [{ messageId: "literalParam", line: 3, column: 35, endLine: 3, endColumn: 39, data: { key: "alpha", value: "-0.5" } }],
    },
    {
      code: "import mlflow\nmlflow.tracking.MlflowClient().log_param(rid, 'shuffle', True)\n",
      errors: [{ messageId: "literalParam", line: 2, column: 58, endLine: 2, endColumn: 62, data: { key: "shuffle", value: "True" } }],
    },
    {
      code: "from mlflow import MlflowClient\nfrom mlflow.entities import Param\nc = MlflowClient()\nc.log_batch(rid, params=[Param('alpha', '0.5'), Param('seed', str(seed))])\n",
      errors: [{ messageId: "literalParam", line: 4, column: 41, endLine: 4, endColumn: 46, data: { key: "alpha", value: "'0.5'" } }],
    },
    {
      code: "import mlflow\nKEY = 'hidden'\nmlflow.log_param(KEY, (128, 64))\n",
      errors: [{ messageId: "literalParam", line: 3, column: 23, endLine: 3, endColumn: 32, data: { key: "hidden", value: "(128, 64)" } }],
    },
    {
      // A key built at run time is named as written.
      code: "import mlflow\nmlflow.log_param(f'{prefix}_lr', 1e-3)\n",
      errors: [{ messageId: "literalParam", line: 2, column: 34, endLine: 2, endColumn: 38, data: { key: "f'{prefix}_lr'", value: "1e-3" } }],
    },
    {
      code: "import mlflow\n\ndef main(args):\n    def log_all():\n        mlflow.log_param('epochs', 20)\n    log_all()\n    fit(model, epochs=args.epochs)\n",
      errors: [
        {
          messageId: "literalMismatch",
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 38,
          data: { key: "epochs", value: "20", callee: "fit", argument: "epochs=args.epochs" },
          // Read through the enclosing function's parameter, as a closure does.
          suggestions: [
            {
              messageId: "logReceived",
              output:
                "import mlflow\n\ndef main(args):\n    def log_all():\n        mlflow.log_param('epochs', args.epochs)\n    log_all()\n    fit(model, epochs=args.epochs)\n",
            },
          ],
        },
      ],
    },
    {
      // The key reaches the model through a `**dict`.
      code: "import mlflow\nparams = {'n_estimators': args.n_estimators}\nmlflow.log_param('n_estimators', 100)\nmodel = Forest(**params)\n",
      errors: [
        {
          messageId: "literalMismatch",
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 37,
          data: { key: "n_estimators", value: "100", callee: "Forest", argument: "n_estimators=args.n_estimators" },
          suggestions: [
            {
              messageId: "logReceived",
              output:
                "import mlflow\nparams = {'n_estimators': args.n_estimators}\nmlflow.log_param('n_estimators', args.n_estimators)\nmodel = Forest(**params)\n",
            },
          ],
        },
      ],
    },
    {
      // The call gets the same value through a variable: a second copy, not a wrong record.
      code: "import mlflow\nn = 100\nmlflow.log_param('n', 100)\nmodel = Forest(n=n)\n",
      errors: [
        {
          messageId: "literalParam",
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 26,
          suggestions: [{ messageId: "logReceived", output: "import mlflow\nn = 100\nmlflow.log_param('n', n)\nmodel = Forest(n=n)\n" }],
        },
      ],
    },
    {
      // One call gets the logged value: the others are other settings of the same name.
      code: "import mlflow\nmlflow.log_param('batch_size', 64)\ntrain = DataLoader(a, batch_size=64)\ntest = DataLoader(b, batch_size=1000)\n",
      // Two calls take the key: no edit.
      errors: [{ messageId: "literalParam", line: 2, column: 32, endLine: 2, endColumn: 34, suggestions: [] }],
    },
    {
      code: "import wandb\nwandb.init(config={'lr': 0.1, 'arch': 'cnn'})\nopt = SGD(lr=wandb.config.lr)\n",
      errors: [{ messageId: "configNotRead", line: 2, column: 39, endLine: 2, endColumn: 44, data: { key: "arch", value: "'cnn'" } }],
    },
    {
      code: "import wandb\nwandb.config.dropout = 0.2\nlayer = Dropout(dropout=0.5)\n",
      errors: [
        {
          messageId: "configMismatch",
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 27,
          data: { key: "dropout", value: "0.2", callee: "Dropout", argument: "dropout=0.5" },
        },
      ],
    },
    {
      code: "import wandb\nrun = wandb.init()\nrun.config['epochs'] = 5\nfor e in range(10):\n    pass\n",
      errors: [{ messageId: "configNotRead", line: 3, column: 24, endLine: 3, endColumn: 25, data: { key: "epochs", value: "5" } }],
    },
    {
      // Through the local dict, `lr` is read; `epochs` never is.
      code: "import wandb\nconfig = {'lr': 0.1, 'epochs': 10}\nwandb.init(project='p', config=config)\nopt = SGD(lr=config['lr'])\n",
      errors: [{ messageId: "configNotRead", line: 2, column: 32, endLine: 2, endColumn: 34, data: { key: "epochs", value: "10" } }],
    },
    {
      // Read back for printing, while the loader gets another literal.
      code: "import wandb\nwandb.init()\nwandb.config.update({'batch_size': 128})\nprint(wandb.config.batch_size)\nloader = DataLoader(ds, batch_size=64)\n",
      errors: [
        {
          messageId: "configMismatch",
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 39,
          data: { key: "batch_size", value: "128", callee: "DataLoader", argument: "batch_size=64" },
        },
      ],
    },
    {
      // The parameter handed through to the loader says nothing; the caller's literal does.
      code: "import wandb\nwandb.init(config={'batch_size': 128})\nprint(wandb.config.batch_size)\n\ndef make_loader(batch_size):\n    return DataLoader(ds, batch_size=batch_size)\n\nloader = make_loader(batch_size=64)\n",
      errors: [
        {
          messageId: "configMismatch",
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 37,
          data: { key: "batch_size", value: "128", callee: "make_loader", argument: "batch_size=64" },
        },
      ],
    },
    {
      code: "import wandb\nwith wandb.init(config=dict(epochs=5, seed=0)) as run:\n    train(epochs=run.config.epochs)\n",
      errors: [{ messageId: "configNotRead", line: 2, column: 44, endLine: 2, endColumn: 45, data: { key: "seed", value: "0" } }],
    },
  ],
});
