import rule from "../rules/no-log-outside-run.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";
import { typescriptRuleTester } from "./util/ts-rule-tester.js";

const MLFLOW = "MLflow writes it to a run it opens on its own, not to the experiment's run";
const WANDB = "W&B raises an error (no run is active) and the data is lost";

pythonRuleTester().run("no-log-outside-run", rule, {
  valid: [
    "import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric('m', 1)\n",
    "import mlflow\nmlflow.start_run()\nmlflow.log_metric('m', 1)\nmlflow.end_run()\n",
    // An integration starts a run of its own after the first one finished (a LangChain tracer), or around the call.
    "import wandb\nfrom wandb.integration.langchain import WandbTracer\nrun = wandb.init()\nrun.finish()\ntracer = WandbTracer(run_args={'job_type': 'summarize'})\nwandb.log({'tokens': 10})\n",
    "import wandb\nfrom langchain.callbacks import wandb_tracing_enabled\nwith wandb_tracing_enabled():\n    wandb.log({'c': 1})\nwandb.init()\n",
    // A program that never starts a run: nothing to be outside of.
    "import mlflow\nmlflow.log_metric('m', 1)\n",
    // In a function: the caller's run may be active.
    "import mlflow\ndef report(v):\n    mlflow.log_metric('m', v)\nwith mlflow.start_run():\n    report(1)\n",
    "import mlflow\ndef finish(v):\n    mlflow.end_run()\n    mlflow.log_metric('m', v)\n",
    // A nested run closes and its parent is active again.
    "import mlflow\ndef child():\n    with mlflow.start_run(nested=True):\n        pass\n    mlflow.log_metric('m', 1)\n",
    "import mlflow\nmlflow.start_run()\nmlflow.start_run(nested=True)\nmlflow.end_run()\nmlflow.log_metric('m', 1)\nmlflow.end_run()\n",
    // An exception before the end is handled and the code goes on with the run open.
    "import mlflow\nmlflow.start_run()\ntry:\n    fit()\n    mlflow.end_run()\nexcept ValueError:\n    pass\nmlflow.log_metric('m', 1)\n",
    // Ended only on one branch.
    "import mlflow\nmlflow.start_run()\nif done:\n    mlflow.end_run()\nmlflow.log_metric('m', 1)\n",
    // A new run starts before the call.
    "import mlflow\nwith mlflow.start_run():\n    pass\nmlflow.start_run()\nmlflow.log_metric('m', 1)\nmlflow.end_run()\n",
    "import wandb\nrun = wandb.init()\nrun.finish()\nrun = wandb.init()\nwandb.log({'a': 1})\n",
    // A helper starts a run and leaves it open: it may be active here.
    "import mlflow\ndef begin():\n    mlflow.start_run()\nbegin()\nmlflow.log_metric('m', 1)\nwith mlflow.start_run():\n    pass\n",
    // The loop starts a run after the call: active from the second iteration.
    "import mlflow\nfor lr in rates:\n    mlflow.log_param('lr', lr)\n    mlflow.start_run()\n",
    // A call naming its run.
    "import mlflow\nwith mlflow.start_run() as r:\n    pass\nmlflow.log_metric('m', 1, run_id=r.info.run_id)\n",
    // A client call names its run.
    "import mlflow\nc = mlflow.MlflowClient()\nwith mlflow.start_run() as r:\n    pass\nc.log_metric(r.info.run_id, 'm', 1)\n",
  ],
  invalid: [
    {
      // The comment above the call and a multi-line call move with it, into the block's indentation; blank lines and CRLF kept.
      code: "import mlflow\r\nfor lr in rates:\r\n  with mlflow.start_run():\r\n      fit(lr)\r\n\r\n  # the last score\r\n  mlflow.log_metric(\r\n      'm', 1)\r\nprint('done')\r\n",
      errors: [
        {
          messageId: "afterRunClosed",
          suggestions: [
            {
              messageId: "moveIntoBlock",
              output:
                "import mlflow\r\nfor lr in rates:\r\n  with mlflow.start_run():\r\n      fit(lr)\r\n      # the last score\r\n      mlflow.log_metric(\r\n          'm', 1)\r\n\r\nprint('done')\r\n",
            },
          ],
        },
      ],
    },
    {
      // Not directly after the block, or sharing its line with another statement: no edit.
      code: "import mlflow\nwith mlflow.start_run():\n    pass\nx = 1\nmlflow.log_metric('m', x)\n",
      errors: [{ messageId: "afterRunClosed", suggestions: [] }],
    },
    {
      code: "import mlflow\nwith mlflow.start_run():\n    pass\nif x: mlflow.log_metric('m', x)\n",
      errors: [{ messageId: "afterRunClosed", suggestions: [] }],
    },
    {
      code: "import mlflow\nwith mlflow.start_run():\n    pass\nmlflow.log_metric('m', 1)\n",
      errors: [
        {
          messageId: "afterRunClosed",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 26,
          data: { call: "mlflow.log_metric()", line: "line 2", cost: MLFLOW },
          suggestions: [
            {
              messageId: "moveIntoBlock",
              data: { call: "mlflow.log_metric()" },
              output: "import mlflow\nwith mlflow.start_run():\n    pass\n    mlflow.log_metric('m', 1)\n",
            },
          ],
        },
      ],
    },
    {
      // Every run of the loop is closed after it.
      code: "import mlflow\nfor lr in rates:\n    with mlflow.start_run():\n        mlflow.log_param('lr', lr)\nmlflow.set_tag('done', True)\n",
      errors: [{ messageId: "afterRunClosed", line: 5, column: 1, endLine: 5, endColumn: 29 }],
    },
    {
      code: "from mlflow import start_run, end_run, log_params\nstart_run()\nend_run()\nlog_params(p)\n",
      errors: [
        {
          messageId: "afterRunEnded",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 14,
          data: { call: "log_params()", end: "end_run()", line: "line 3", cost: MLFLOW },
          suggestions: [
            {
              messageId: "moveBeforeEnd",
              data: { call: "log_params()", end: "end_run()" },
              output: "from mlflow import start_run, end_run, log_params\nstart_run()\nlog_params(p)\nend_run()\n",
            },
          ],
        },
      ],
    },
    {
      // In a function whose own non-nested start proves no caller's run was active.
      code: "import mlflow\ndef train():\n    mlflow.start_run()\n    try:\n        fit()\n    finally:\n        mlflow.end_run()\n    mlflow.log_artifact('model.pkl')\n",
      errors: [{ messageId: "afterRunEnded", line: 8, column: 5, endLine: 8, endColumn: 37 }],
    },
    {
      code: "import mlflow\nmlflow.log_param('data', path)\nwith mlflow.start_run():\n    fit()\n",
      errors: [
        {
          messageId: "beforeRun",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 31,
          data: { call: "mlflow.log_param()", start: "mlflow.start_run()", line: "line 3", cost: MLFLOW },
        },
      ],
    },
    {
      code: "import wandb\nwandb.log({'n': n})\nrun = wandb.init()\n",
      errors: [
        {
          messageId: "beforeRun",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 20,
          data: { call: "wandb.log()", start: "wandb.init()", line: "line 3", cost: WANDB },
        },
      ],
    },
    {
      code: "import wandb\nwith wandb.init() as run:\n    run.log({'a': 1})\nrun.log({'b': 2})\n",
      errors: [
        {
          messageId: "afterRunClosed",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 18,
          data: { call: "run.log()", line: "line 2", cost: WANDB },
          suggestions: [{ messageId: "moveIntoBlock", output: "import wandb\nwith wandb.init() as run:\n    run.log({'a': 1})\n    run.log({'b': 2})\n" }],
        },
      ],
    },
    {
      code: "import wandb\nrun = wandb.init()\ntry:\n    run.log({'a': 1})\nfinally:\n    run.finish()\nwandb.log({'b': 2})\n",
      errors: [
        {
          messageId: "afterRunEnded",
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 20,
          data: { call: "wandb.log()", end: "run.finish()", line: "line 6", cost: WANDB },
        },
      ],
    },
  ],
});

typescriptRuleTester().run("no-log-outside-run", rule, {
  valid: [
    'import wandb from "@wandb/sdk";\nawait wandb.init();\ntry {\n  wandb.log({ a: 1 });\n} finally {\n  await wandb.finish();\n}\n',
    'import wandb from "@wandb/sdk";\nawait wandb.init();\nif (done) await wandb.finish();\nwandb.log({ a: 1 });\n',
  ],
  invalid: [
    {
      code: 'import wandb from "@wandb/sdk";\nawait wandb.init();\nawait wandb.finish();\nwandb.log({ a: 1 });\n',
      errors: [
        {
          messageId: "afterRunEnded",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            { messageId: "moveBeforeEnd", output: 'import wandb from "@wandb/sdk";\nawait wandb.init();\nwandb.log({ a: 1 });\nawait wandb.finish();\n' },
          ],
        },
      ],
    },
  ],
});
