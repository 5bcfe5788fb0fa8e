import rule from "../rules/no-literal-log-param.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("no-literal-log-param", rule as never, {
  valid: [
    "import mlflow\nn = 100\nmlflow.log_param('n_estimators', n)\n",
    "import mlflow\nmlflow.log_param('lr', args.lr)\n",
    "import mlflow\nparams = {'n_estimators': 100}\nmlflow.log_params(params)\nModel(**params)\n",
    "import mlflow\nmlflow.log_param('target', f'{col}')\n",
    "import mlflow\nmlflow.log_param(key, 3)\n",
    // Not mlflow: a local function of the same name.
    "def log_param(k, v):\n    print(k, v)\nlog_param('n', 100)\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nopt = SGD(lr=wandb.config.lr)\n",
    "import wandb\nrun = wandb.init(config={'lr': 0.1})\nopt = SGD(lr=run.config['lr'])\n",
    "import wandb\nwandb.init(config={'lr': 0.1})\nconfig = wandb.config\nopt = SGD(lr=config.lr)\n",
    "import wandb\nwith wandb.init(config={'lr': 0.1, 'depth': 3}) as run:\n    model = build(**run.config)\n",
    "import wandb\nwandb.init()\nwandb.config.update({'lr': 0.1})\ntrain(wandb.config)\n",
  ],
  invalid: [
    {
      code: "import mlflow\nmlflow.log_param('n_estimators', 100)\n",
      errors: [{ messageId: "literalParam", line: 2, column: 34, endLine: 2, endColumn: 37, data: { key: "n_estimators", value: "100" } }],
    },
    {
      code: "import mlflow as mf\nfrom sklearn.ensemble import RandomForestClassifier\nmf.log_param('n_estimators', 100)\nclf = RandomForestClassifier(n_estimators=args.n_estimators)\n",
      errors: [{ messageId: "literalMismatch", line: 3, data: { key: "n_estimators", value: "100", callee: "RandomForestClassifier", actual: "args.n_estimators" } }],
    },
    {
      code: "from mlflow import log_param\nlog_param(key='layers', value=[64, 32])\n",
      errors: [{ messageId: "literalParam", data: { key: "layers", value: "[64, 32]" } }],
    },
    {
      code: "import mlflow\nmlflow.log_param('optimizer', f'adam')\n",
      errors: [{ messageId: "literalParam", data: { key: "optimizer", value: "f'adam'" } }],
    },
    {
      code: "import mlflow\nmlflow.log_params({'lr': 0.01, 'epochs': args.epochs})\n",
      errors: [{ messageId: "literalParam", line: 2, column: 26, endColumn: 30, data: { key: "lr", value: "0.01" } }],
    },
    {
      code: "from mlflow.tracking import MlflowClient\nclient = MlflowClient()\nclient.log_param(run_id, 'alpha', 0.5)\n",
      errors: [{ messageId: "literalParam", line: 3, column: 35, data: { key: "alpha", value: "0.5" } }],
    },
    {
      code: "from mlflow import MlflowClient\nfrom mlflow.entities import Param\nc = MlflowClient()\nc.log_batch(rid, params=[Param('alpha', '0.5'), Param('seed', str(seed))])\n",
      errors: [{ messageId: "literalParam", line: 4, column: 41, data: { key: "alpha", value: "'0.5'" } }],
    },
    {
      code: "import wandb\nwandb.init(config={'lr': 0.1, 'arch': 'cnn'})\nopt = SGD(lr=wandb.config.lr)\n",
      errors: [{ messageId: "configNotRead", line: 2, column: 39, data: { key: "arch", value: "'cnn'" } }],
    },
    {
      code: "import wandb\nwandb.config.dropout = 0.2\nlayer = Dropout(dropout=0.5)\n",
      errors: [{ messageId: "configMismatch", line: 2, column: 24, data: { key: "dropout", value: "0.2", callee: "Dropout", actual: "0.5" } }],
    },
    {
      code: "import wandb\nrun = wandb.init()\nrun.config['epochs'] = 5\nfor e in range(10):\n    pass\n",
      errors: [{ messageId: "configNotRead", line: 3, data: { key: "epochs", value: "5" } }],
    },
  ],
});
