import rule from "../rules/require-run-provenance.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("require-run-provenance", rule as never, {
  valid: [
    // Model and data recorded.
    "import mlflow\nwith mlflow.start_run():\n    mlflow.log_input(ds)\n    m.fit(X, y)\n    mlflow.sklearn.log_model(m, 'model')\n",
    // Autologging records the model and, for sklearn, the dataset digest.
    "import mlflow\nmlflow.autolog()\nwith mlflow.start_run():\n    m.fit(X, y)\n",
    "import mlflow\nmlflow.sklearn.autolog()\nwith mlflow.start_run():\n    m.fit(X, y)\n",
    // W&B: data from an artifact, model uploaded by a helper that receives the run.
    "import wandb\ndef export(run, m):\n    run.log_artifact(m)\nrun = wandb.init()\nrun.use_artifact('d:v1')\nm.fit(X, y)\nexport(run, m)\n",
    // A param whose key names the data; a packaged dataset.
    "import mlflow\nwith mlflow.start_run():\n    mlflow.log_param('data_version', v)\n    m.fit(X, y)\n    mlflow.log_artifact('m.pkl')\n",
    "import mlflow\nfrom sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\nwith mlflow.start_run():\n    m.fit(X, y)\n    mlflow.log_artifact('m.pkl')\n",
    // Hugging Face's callback uploads the model when the environment says so.
    "import os, wandb\nos.environ['WANDB_LOG_MODEL'] = 'end'\nwandb.init(config={'dataset': 'imdb'})\ntrainer.fit(model, dm)\n",
    // A scaler is fitted, no model: nothing to record.
    "import mlflow\nfrom sklearn.preprocessing import StandardScaler\nwith mlflow.start_run():\n    s = StandardScaler().fit(X)\n",
    // No run.
    "import mlflow\nm.fit(X, y)\n",
  ],
  invalid: [
    {
      code: "import mlflow\nwith mlflow.start_run():\n    m.fit(X, y)\n",
      errors: [
        { messageId: "noModel", line: 2, column: 6, endColumn: 24 },
        { messageId: "noData", line: 2, column: 6, endColumn: 24 },
      ],
    },
    // A torch training loop under W&B whose weights stay on disk.
    {
      code: "import torch, wandb\nrun = wandb.init()\nrun.use_artifact('d:v1')\nopt = torch.optim.Adam(net.parameters())\nopt.step()\ntorch.save(net.state_dict(), 'n.pt')\n",
      errors: [{ messageId: "noModel", line: 2 }],
    },
    // Autologging with models turned off.
    {
      code: "import mlflow\nmlflow.sklearn.autolog(log_models=False)\nwith mlflow.start_run():\n    m.fit(X, y)\n",
      errors: [{ messageId: "noModel", line: 3 }],
    },
  ],
});
