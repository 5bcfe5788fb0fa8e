import rule from "../rules/require-run-context.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const MLFLOW_FIX = "open it with `with mlflow.start_run() as run:`";
const ACTIVE = "later logging in this process goes to it";
const CLIENT = "the tracking server shows it as RUNNING forever";

pythonRuleTester().run("require-run-context", rule, {
  valid: [
    // A helper that ends the run it receives, directly or through another helper.
    "import wandb\ndef close(run):\n    run.finish()\ndef go():\n    run = wandb.init()\n    run.log({'a': 1})\n    close(run)\n",
    "import wandb\ndef close(run):\n    run.finish()\ndef wrap_up(r, code):\n    close(r)\nrun = wandb.init()\nwrap_up(run, 0)\n",
    // A helper that hands the run on (stores it) keeps it open on purpose; an unknown (library) callee may end it.
    "import wandb\nclass Tracker:\n    def attach(self, run):\n        self.run = run\nt = Tracker()\nrun = wandb.init()\nt.attach(run)\n",
    "import wandb\nfrom contextlib import ExitStack\nstack = ExitStack()\nrun = wandb.init()\nstack.enter_context(run)\n",
    "import mlflow\nwith mlflow.start_run():\n    mlflow.log_metric('m', 1)\n",
    "import mlflow as mf\nwith mf.start_run(run_name='a') as run:\n    with mf.start_run(nested=True):\n        pass\n",
    // Handed to the caller: yielded by a pytest fixture or a generator, directly or through its name.
    "import mlflow, pytest\n@pytest.fixture\ndef run():\n    yield mlflow.start_run()\n    mlflow.end_run()\n",
    "import wandb\ndef tracked(cfg):\n    run = wandb.init(config=cfg)\n    yield run\n",
    // Ended in a finally, started before the try or inside its body.
    "import mlflow\nrun = mlflow.start_run()\ntry:\n    mlflow.log_metric('m', 1)\nfinally:\n    mlflow.end_run()\n",
    "import mlflow\ntry:\n    mlflow.start_run()\n    mlflow.log_metric('m', 1)\nfinally:\n    mlflow.end_run()\n",
    // Ended on the normal path and in a handler that catches everything.
    "import mlflow\nmlflow.start_run()\ntry:\n    mlflow.log_metric('m', 1)\n    mlflow.end_run()\nexcept Exception:\n    mlflow.end_run('FAILED')\n    raise\n",
    "import mlflow\ntry:\n    mlflow.start_run()\n    train()\nexcept BaseException:\n    mlflow.end_run(status='FAILED')\n    raise\nelse:\n    mlflow.end_run()\n",
    "from mlflow import start_run, end_run\nstart_run()\ntry:\n    pass\nfinally:\n    end_run()\n",
    // One run per iteration, each ended.
    "import mlflow\nfor lr in (0.1, 0.01):\n    with mlflow.start_run(run_name=f'lr={lr}'):\n        mlflow.log_param('lr', lr)\n",
    "import mlflow\nwhile queue:\n    mlflow.start_run()\n    try:\n        work(queue.pop())\n    finally:\n        mlflow.end_run()\n",
    "import wandb\nwith wandb.init(project='p') as run:\n    run.log({'a': 1})\n",
    "import wandb\nrun = wandb.init(project='p')\ntry:\n    run.log({'a': 1})\nfinally:\n    run.finish()\n",
    "import wandb\nwandb.init()\ntry:\n    wandb.log({'a': 1})\nfinally:\n    wandb.finish()\n",
    "from mlflow.tracking import MlflowClient\nc = MlflowClient()\nr = c.create_run('0')\ntry:\n    c.log_param(r.info.run_id, 'k', v)\nfinally:\n    c.set_terminated(r.info.run_id)\n",
    // Handed to the caller, an ExitStack, a `with` later, an object: whoever receives it ends it.
    "import mlflow\ndef open_run(name):\n    return mlflow.start_run(run_name=name)\n",
    "import mlflow\ndef open_run(name):\n    run = mlflow.start_run(run_name=name)\n    mlflow.set_tag('owner', 'me')\n    return run\n",
    "import mlflow, contextlib\nwith contextlib.ExitStack() as stack:\n    stack.enter_context(mlflow.start_run())\n",
    "import mlflow\nrun = mlflow.start_run()\nwith run:\n    mlflow.log_metric('m', 1)\n",
    "import wandb\nrun = wandb.init(project='x')\nwandb.log({'a': 1})\nwith run:\n    wandb.log({'b': 2})\n",
    "import mlflow\ndef main():\n    run = mlflow.start_run(run_name='x')\n    print(run.info.run_id)\n    with run:\n        mlflow.log_metric('m', 1)\n",
    // A sweep agent ends the run of the function it runs.
    "import wandb\ndef train():\n    wandb.init()\n    wandb.log({'loss': 1})\nwandb.agent(sweep_id, function=train, count=5)\n",
    "import wandb\nfrom functools import partial\ndef train(data):\n    wandb.init()\n    wandb.log({'loss': 1})\nwandb.agent(sweep_id, partial(train, data='x'))\n",
    "import mlflow, contextlib\nwith mlflow.start_run() if track else contextlib.nullcontext():\n    train()\n",
    "import wandb\nclass Tracker:\n    def __init__(self, cfg):\n        self.run = wandb.init(config=cfg)\n    def close(self):\n        self.run.finish()\n",
    // Ended by a helper that starts no run itself, or by an exit callback: cannot tell.
    "import mlflow\ndef begin():\n    mlflow.start_run()\ndef finish():\n    mlflow.end_run()\n",
    "import atexit, mlflow\natexit.register(mlflow.end_run)\nmlflow.start_run()\n",
    // nested=flag or **kwargs: cannot tell.
    "import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(nested=args.nested):\n        pass\n",
    "import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(**run_kwargs):\n        pass\n",
    // Not mlflow.
    "import mlflow\nfrom myproject import start_run\nstart_run()\n",
  ],
  invalid: [
    {
      // A multi-line start keeps its lines and trailing comment; blank lines stay blank; CRLF kept; tabs are the file's indentation.
      code: "import mlflow\r\ndef go():\r\n\trun = mlflow.start_run(\r\n\t\trun_name='a',\r\n\t)  # the sweep\r\n\r\n\tfit()\r\n\tmlflow.end_run()\r\n\tprint(run.info)\r\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          suggestions: [
            {
              messageId: "useWith",
              output:
                "import mlflow\r\ndef go():\r\n\twith mlflow.start_run(\r\n\t\trun_name='a',\r\n\t) as run:  # the sweep\r\n\r\n\t\tfit()\r\n\tprint(run.info)\r\n",
            },
          ],
        },
      ],
    },
    {
      // An end with a status a `with` cannot pass: try/finally, CRLF kept.
      code: "import mlflow\r\nmlflow.start_run()\r\nfit()\r\nmlflow.end_run(status='KILLED')\r\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          suggestions: [
            {
              messageId: "wrapTryFinally",
              output: "import mlflow\r\nmlflow.start_run()\r\ntry:\r\n    fit()\r\nfinally:\r\n    mlflow.end_run(status='KILLED')\r\n",
            },
          ],
        },
      ],
    },
    {
      // The end is in another block than the start, a string spans lines, or the start shares its line: no edit.
      code: "import mlflow\nmlflow.start_run()\nif ok:\n    fit()\n    mlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed", suggestions: [] }],
    },
    {
      code: "import mlflow\nmlflow.start_run()\nnotes = '''a\nb'''\nmlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed", suggestions: [] }],
    },
    {
      code: "import mlflow\nif go: mlflow.start_run()\nfit()\nmlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed", suggestions: [] }],
    },
    {
      // No arguments, and Windows line endings kept.
      code: "import mlflow\r\nwith mlflow.start_run():\r\n    with mlflow.start_run():\r\n        pass\r\n",
      errors: [
        {
          messageId: "nestedWithoutFlag",
          suggestions: [
            { messageId: "addNestedFlag", output: "import mlflow\r\nwith mlflow.start_run():\r\n    with mlflow.start_run(nested=True):\r\n        pass\r\n" },
          ],
        },
      ],
    },
    {
      // A call spread over lines with a trailing comma.
      code: 'import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(\n        run_name="child",\n    ):\n        pass\n',
      errors: [
        {
          messageId: "nestedWithoutFlag",
          suggestions: [
            {
              messageId: "addNestedFlag",
              output: 'import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(\n        run_name="child", nested=True,\n    ):\n        pass\n',
            },
          ],
        },
      ],
    },
    // A run handed to a helper of this file whose body does not end it stays open (the helper's summary says so).
    {
      code: "import wandb\ndef export_model(run, model):\n    run.log_artifact(model)\ndef go():\n    run = wandb.init(job_type='train')\n    export_model(run, 'm')\n",
      errors: [{ messageId: "neverEnded", line: 5, column: 11 }],
    },
    // Through a second helper that only logs, by keyword.
    {
      code: "import wandb\ndef log_all(r):\n    r.log({'a': 1})\ndef report(model, run=None):\n    log_all(run)\nrun = wandb.init()\nreport('m', run=run)\n",
      errors: [{ messageId: "neverEnded", line: 6, column: 7 }],
    },
    {
      // Handed to something that is not a sweep agent: nothing ends it.
      code: "import wandb\ndef train():\n    wandb.init()\n    wandb.log({'loss': 1})\nrun_later(train)\n",
      errors: [{ messageId: "neverEnded", line: 3 }],
    },
    {
      code: "import mlflow\nmlflow.start_run()\nmlflow.log_param('lr', lr)\n",
      errors: [
        { messageId: "neverEnded", line: 2, column: 1, endLine: 2, endColumn: 19, data: { start: "mlflow.start_run()", cost: ACTIVE, fix: MLFLOW_FIX } },
      ],
    },
    {
      code: "from mlflow import start_run as begin\nbegin(run_name='x')\n",
      errors: [{ messageId: "neverEnded", line: 2, column: 1, endLine: 2, endColumn: 20, data: { start: "begin()", cost: ACTIVE, fix: MLFLOW_FIX } }],
    },
    {
      code: "import mlflow\nrun = mlflow.start_run()\nmlflow.log_param('lr', lr)\nmlflow.end_run()\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 25,
          data: { start: "mlflow.start_run()", end: "mlflow.end_run()", cost: ACTIVE, fix: MLFLOW_FIX },
          suggestions: [
            {
              messageId: "useWith",
              data: { start: "mlflow.start_run()", end: "mlflow.end_run()" },
              output: "import mlflow\nwith mlflow.start_run() as run:\n    mlflow.log_param('lr', lr)\n",
            },
          ],
        },
      ],
    },
    {
      // Only a ValueError ends the run on the error path.
      code: "import mlflow\nmlflow.start_run()\ntry:\n    train()\nexcept ValueError:\n    mlflow.end_run()\nmlflow.end_run()\n",
      errors: [{ messageId: "endNotGuaranteed", line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      // Returning the run id is not handing on the run.
      code: "import mlflow\ndef evaluate():\n    run = mlflow.start_run()\n    mlflow.log_metric('acc', 0.9)\n    return run.info.run_id\n",
      errors: [{ messageId: "neverEnded", line: 3, column: 11, endLine: 3, endColumn: 29 }],
    },
    {
      code: "import mlflow\nfor lr in lrs:\n    mlflow.start_run(run_name=f'lr={lr}')\n    mlflow.log_param('lr', lr)\nmlflow.end_run()\n",
      errors: [
        {
          messageId: "runInLoop",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 42,
          data: { start: "mlflow.start_run()", cost: "the second iteration fails because the first run is still active", fix: MLFLOW_FIX },
        },
      ],
    },
    {
      // Nested runs chain into each other.
      code: "import mlflow\nwith mlflow.start_run():\n    for lr in lrs:\n        mlflow.start_run(nested=True)\n",
      errors: [{ messageId: "runInLoop", line: 4, data: { start: "mlflow.start_run()", cost: "the runs bleed into each other", fix: MLFLOW_FIX } }],
    },
    {
      code: "import mlflow\ndef sweep(configs):\n    while configs:\n        mlflow.start_run()\n        mlflow.log_params(configs.pop())\n",
      errors: [{ messageId: "runInLoop", line: 4, column: 9, endLine: 4, endColumn: 27 }],
    },
    {
      code: "import mlflow\nwith mlflow.start_run():\n    for fold in range(5):\n        with mlflow.start_run(run_name=str(fold)):\n            pass\n",
      errors: [
        {
          messageId: "nestedWithoutFlag",
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 50,
          data: { start: "mlflow.start_run()", line: "line 2", flag: "nested" },
          suggestions: [
            {
              messageId: "addNestedFlag",
              data: { flag: "nested", start: "mlflow.start_run()" },
              output:
                "import mlflow\nwith mlflow.start_run():\n    for fold in range(5):\n        with mlflow.start_run(run_name=str(fold), nested=True):\n            pass\n",
            },
          ],
        },
      ],
    },
    {
      code: "import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(nested=False):\n        pass\n",
      errors: [
        {
          messageId: "nestedWithoutFlag",
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 40,
          suggestions: [
            { messageId: "addNestedFlag", output: "import mlflow\nwith mlflow.start_run():\n    with mlflow.start_run(nested=True):\n        pass\n" },
          ],
        },
      ],
    },
    {
      // After a start_run that is still open in the same function.
      code: "import mlflow\ndef main():\n    mlflow.start_run(run_name='parent')\n    mlflow.log_param('n', 3)\n    with mlflow.start_run(run_name='child'):\n        pass\n",
      errors: [
        { messageId: "neverEnded", line: 3, column: 5, endLine: 3, endColumn: 40 },
        {
          messageId: "nestedWithoutFlag",
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 44,
          data: { start: "mlflow.start_run()", line: "line 3", flag: "nested" },
          suggestions: [
            {
              messageId: "addNestedFlag",
              output:
                "import mlflow\ndef main():\n    mlflow.start_run(run_name='parent')\n    mlflow.log_param('n', 3)\n    with mlflow.start_run(run_name='child', nested=True):\n        pass\n",
            },
          ],
        },
      ],
    },
    {
      // The first run is ended before the second starts: not nested.
      code: "import mlflow\nmlflow.start_run()\nmlflow.end_run()\nwith mlflow.start_run():\n    pass\n",
      errors: [{ messageId: "endNotGuaranteed", line: 2 }],
    },
    {
      // Started on one branch only: the `with` on the other is not nested.
      code: "import mlflow\nif resume:\n    mlflow.start_run(run_id=resume)\nelse:\n    with mlflow.start_run():\n        pass\n",
      errors: [{ messageId: "neverEnded", line: 3 }],
    },
    {
      code: "import mlflow\nif resume: mlflow.start_run(run_id=resume)\nwith mlflow.start_run():\n    pass\n",
      errors: [{ messageId: "neverEnded", line: 2 }],
    },
    {
      code: "import wandb\nrun = wandb.init(project='p')\nrun.log({'loss': 1})\nrun.finish()\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 30,
          data: { start: "wandb.init()", end: "run.finish()", cost: ACTIVE, fix: "open it with `with wandb.init() as run:`" },
          suggestions: [{ messageId: "useWith", output: "import wandb\nwith wandb.init(project='p') as run:\n    run.log({'loss': 1})\n" }],
        },
      ],
    },
    {
      // Without reinit, a script gets the same run back on every iteration.
      code: "import wandb\nfor seed in range(3):\n    wandb.init(project='p')\n    wandb.log({'seed': seed})\n",
      errors: [
        {
          messageId: "runInLoop",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 28,
          data: { start: "wandb.init()", cost: "the runs bleed into each other", fix: "open it with `with wandb.init() as run:`" },
        },
      ],
    },
    {
      // reinit=True ends the previous run: only the last one is left open.
      code: "import wandb\nfor seed in range(3):\n    wandb.init(project='p', reinit=True)\n    wandb.log({'seed': seed})\n",
      errors: [{ messageId: "neverEnded", line: 3, column: 5, endLine: 3, endColumn: 41 }],
    },
    {
      code: "import wandb\nfor seed in range(3):\n    wandb.init(project='p', reinit=True)\n    wandb.log({'seed': seed})\nwandb.finish()\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          line: 3,
          data: { start: "wandb.init()", end: "wandb.finish()", cost: ACTIVE, fix: "open it with `with wandb.init() as run:`" },
        },
      ],
    },
    {
      code: "from mlflow import MlflowClient\nclient = MlflowClient()\nrun = client.create_run('0')\nclient.log_metric(run.info.run_id, 'acc', acc)\n",
      errors: [
        {
          messageId: "neverEnded",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 29,
          data: { start: "client.create_run()", cost: CLIENT, fix: "call client.set_terminated(run_id) in a finally block" },
        },
      ],
    },
    {
      code: "from mlflow.tracking import MlflowClient\ndef baseline(client: MlflowClient):\n    run = MlflowClient().create_run('0')\n    MlflowClient().log_metric(run.info.run_id, 'acc', 0.5)\n    MlflowClient().set_terminated(run.info.run_id)\n",
      errors: [
        {
          messageId: "endNotGuaranteed",
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 41,
          data: {
            start: "MlflowClient().create_run()",
            end: "MlflowClient().set_terminated()",
            cost: CLIENT,
            fix: "call client.set_terminated(run_id) in a finally block",
          },
          suggestions: [
            {
              messageId: "wrapTryFinally",
              output:
                "from mlflow.tracking import MlflowClient\ndef baseline(client: MlflowClient):\n    run = MlflowClient().create_run('0')\n    try:\n        MlflowClient().log_metric(run.info.run_id, 'acc', 0.5)\n    finally:\n        MlflowClient().set_terminated(run.info.run_id)\n",
            },
          ],
        },
      ],
    },
    {
      code: "from mlflow import MlflowClient\nclient = MlflowClient()\nfor e in experiments:\n    client.create_run(e)\n",
      errors: [
        {
          messageId: "runInLoop",
          line: 4,
          data: {
            start: "client.create_run()",
            cost: "the tracking server shows every one of them as RUNNING forever",
            fix: "call client.set_terminated(run_id) in a finally block",
          },
        },
      ],
    },
  ],
});
