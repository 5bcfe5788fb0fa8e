import rule from "../rules/require-run-context.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("require-run-context", rule as never, {
  valid: [
    "import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric('m', 1)\n",
    "import mlflow as mf\nwith mf.start_run(run_name='a') as run:\n    with mf.start_run(nested=True):\n        pass\n",
    "import mlflow\nrun = mlflow.start_run()\ntry:\n    mlflow.log_metric('m', 1)\nfinally:\n    mlflow.end_run()\n",
    "import mlflow\ntry:\n    mlflow.start_run()\n    mlflow.log_metric('m', 1)\nfinally:\n    mlflow.end_run()\n",
    "import mlflow\nmlflow.start_run()\ntry:\n    mlflow.log_metric('m', 1)\n    mlflow.end_run()\nexcept BaseException:\n    mlflow.end_run('FAILED')\n    raise\n",
    "from mlflow import start_run, end_run\nstart_run()\ntry:\n    pass\nfinally:\n    end_run()\n",
    "import wandb\nwith wandb.init(project='p') as run:\n    run.log({'a': 1})\n",
    "import wandb\nrun = wandb.init(project='p')\ntry:\n    run.log({'a': 1})\nfinally:\n    run.finish()\n",
    "import wandb\nwandb.init()\ntry:\n    wandb.log({'a': 1})\nfinally:\n    wandb.finish()\n",
    "from mlflow.tracking import MlflowClient\nc = MlflowClient()\nr = c.create_run('0')\ntry:\n    c.log_param(r.info.run_id, 'k', v)\nfinally:\n    c.set_terminated(r.info.run_id)\n",
    // Handed to the caller, or to an ExitStack: whoever receives it ends it.
    "import mlflow\ndef open_run(name):\n    return mlflow.start_run(run_name=name)\n",
    "import mlflow, contextlib\nwith contextlib.ExitStack() as stack:\n    stack.enter_context(mlflow.start_run())\n",
    // nested=flag: cannot tell.
    "import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(nested=args.nested):\n        pass\n",
    // Not mlflow.
    "import mlflow\nfrom myproject import start_run\nstart_run()\n",
  ],
  invalid: [
    {
      code: "import mlflow\nmlflow.start_run()\nmlflow.log_param('lr', lr)\n",
      errors: [{ messageId: "neverEnded", line: 2, column: 1, endLine: 2, endColumn: 19, data: { start: "mlflow.start_run()", fix: "open it with `with mlflow.start_run() as run:`", end: "mlflow.end_run()" } }],
    },
    {
      code: "import mlflow\nrun = mlflow.start_run()\nmlflow.log_param('lr', lr)\nmlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed", line: 2, column: 7 }],
    },
    {
      code: "import mlflow\nmlflow.start_run()\ntry:\n    train()\nexcept ValueError:\n    mlflow.end_run()\nmlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed" }],
    },
    {
      code: "import mlflow\nfor lr in lrs:\n    mlflow.start_run()\n    mlflow.log_param('lr', lr)\nmlflow.end_run()\n",
      errors: [{ messageId: "runInLoop", line: 3, column: 5 }],
    },
    {
      code: "import mlflow\nwith mlflow.start_run():\n    for fold in range(5):\n        with mlflow.start_run(run_name=str(fold)):\n            pass\n",
      errors: [{ messageId: "nestedWithoutFlag", line: 4, column: 14, data: { start: "mlflow.start_run()", line: "2", flag: "nested" } }],
    },
    {
      code: "import wandb\nrun = wandb.init(project='p')\nrun.log({'loss': 1})\nrun.finish()\n",
      errors: [{ messageId: "endNotGuaranteed", data: { start: "wandb.init()", fix: "open it with `with wandb.init() as run:`", end: "run.finish()" } }],
    },
    {
      code: "import wandb\nfor seed in range(3):\n    wandb.init(project='p', reinit=True)\n",
      errors: [{ messageId: "runInLoop" }],
    },
    {
      code: "from mlflow import MlflowClient\nclient = MlflowClient()\nrun = client.create_run('0')\nclient.log_metric(run.info.run_id, 'acc', acc)\n",
      errors: [{ messageId: "neverEnded", line: 3, data: { start: "client.create_run()", fix: "call client.set_terminated(run_id) in a finally block", end: "client.set_terminated(run_id)" } }],
    },
  ],
});
