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
    // Found on wandb/examples: files saved under the run's folder are uploaded at its end; `artifact.save()` logs the
    // artifact; fastai v1's callback (also bound with `partial`) and wandb_addons' checkpoint upload the model;
    // torch_geometric's datasets ship with the library like torchvision's.
    "import os, wandb\nfrom keras.datasets import mnist\nwandb.init()\n(x, y), _ = mnist.load_data()\nm.fit(x, y)\nm.save(os.path.join(wandb.run.dir, 'm.h5'))\n",
    "import torch, wandb\nfrom torch_geometric.datasets import Planetoid\nds = Planetoid(root='data', name='Cora')\nrun = wandb.init()\nopt = torch.optim.Adam(net.parameters())\nopt.step()\nart = wandb.Artifact('m', type='model')\nart.add_file('m.pt')\nart.save()\n",
    "import wandb\nfrom functools import partial\nfrom wandb.fastai import WandbCallback\nwandb.init(config={'dataset': 'simpsons-v2'})\nlearn = cnn_learner(data, models.resnet34, callback_fns=partial(WandbCallback, input_type='images'))\nlearn.fit(3)\n",
    "import wandb\nfrom tensorflow import keras\n(x, y), _ = keras.datasets.fashion_mnist.load_data()\nwandb.init(config=defaults, magic=True)\nmodel.fit(x, y)\n",
    "import wandb\nfrom wandb_addons.keras import WandbModelCheckpoint\nwandb.init(config={'dataset': 'mednist'})\nmodel.fit(ds, callbacks=[WandbModelCheckpoint('m.keras')])\n",
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
    // fastai v1's callback told not to save; a save outside the run's folder; magic turned off.
    {
      code: "import wandb\nfrom tensorflow import keras\n(x, y), _ = keras.datasets.mnist.load_data()\nwandb.init(magic=False)\nmodel.fit(x, y)\n",
      errors: [{ messageId: "noModel", line: 4 }],
    },
    {
      code: "import wandb\nfrom functools import partial\nfrom wandb.fastai import WandbCallback\nwandb.init(config={'dataset': 'v2'})\nlearn = cnn_learner(data, arch, callback_fns=partial(WandbCallback, save_model=False))\nlearn.fit(3)\n",
      errors: [{ messageId: "noModel", line: 4 }],
    },
    {
      code: "import os, wandb\nwandb.init(config={'dataset': 'v2'})\nm.fit(x, y)\nm.save(os.path.join('out', 'm.h5'))\n",
      errors: [{ messageId: "noModel", line: 2 }],
    },
    // Autologging with models turned off.
    {
      code: "import mlflow\nmlflow.sklearn.autolog(log_models=False)\nwith mlflow.start_run():\n    m.fit(X, y)\n",
      errors: [{ messageId: "noModel", line: 3 }],
    },
  ],
});
