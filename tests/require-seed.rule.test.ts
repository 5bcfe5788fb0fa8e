import rule from "../rules/require-seed.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const strict = [{ requireExplicitRandomState: true }] as const;

pythonRuleTester().run("require-seed", rule as never, {
  valid: [
    "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(3)\n",
    "import numpy as np\nrng = np.random.default_rng(42)\nx = rng.normal(size=3)\n",
    "from numpy.random import default_rng\nrng = default_rng(seed=7)\n",
    "import random\nrandom.seed(1)\nrandom.shuffle(xs)\n",
    "import torch\ntorch.manual_seed(0)\nw = torch.randn(3, 3)\n",
    "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=8, shuffle=False)\n",
    "import torch\nfrom torch.utils.data import DataLoader\ng = torch.Generator()\ng.manual_seed(0)\nloader = DataLoader(ds, shuffle=True, generator=g)\n",
    "import tensorflow as tf\ntf.random.set_seed(3)\nx = tf.random.normal((2, 2))\n",
    "import keras\nkeras.utils.set_random_seed(3)\nlayer = keras.layers.Dense(4)\n",
    "from transformers import set_seed\nimport torch\nset_seed(42)\nx = torch.rand(2)\n",
    "import lightning as L\nimport torch\nL.seed_everything(42)\nx = torch.rand(2)\n",
    "import pytorch_lightning as pl\nimport numpy as np\npl.seed_everything(1)\nnp.random.shuffle(a)\n",
    // A local helper whose body seeds counts as seeding.
    "import numpy as np\nimport random\ndef seed_all(s):\n    random.seed(s)\n    np.random.seed(s)\nseed_all(0)\nrandom.choice(xs)\nnp.random.rand()\n",
    // A seed helper from the project's own modules is trusted by its name.
    "from .utils import fix_seeds\nimport torch\nfix_seeds(3)\nx = torch.randn(2)\n",
    "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, random_state=0)\n",
    "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, shuffle=False)\n",
    "from sklearn.model_selection import KFold\ncv = KFold(5)\n",
    "from sklearn.model_selection import KFold\ncv = KFold(5, shuffle=cfg.shuffle)\n",
    // numpy's global seed covers random_state=None by default.
    "import numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nnp.random.seed(0)\nm = RandomForestClassifier()\n",
    // **kwargs may carry the seed.
    "from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier(**params)\n",
    "import pymc as pm\nwith model:\n    idata = pm.sample(1000, random_seed=42)\n",
    "import optuna\nstudy = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=0))\n",
    // A library module: whoever instantiates the model seeds torch.
    "import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\n",
    "import random\ndef augment(rows):\n    random.shuffle(rows)\n    return rows\n",
    // Shadowed name: not numpy.
    "import numpy as np\ndef f(np):\n    return np.random.rand()\n",
  ],
  invalid: [
    {
      code: "import numpy as np\nx = np.random.rand(3)\ny = np.random.randn(2)\n",
      errors: [{ messageId: "globalUnseeded", line: 2, column: 5, endLine: 2, endColumn: 22, data: { call: "np.random.rand()", library: "numpy", seedHint: "np.random.seed(SEED) or draw from np.random.default_rng(SEED)" } }],
    },
    {
      code: "import numpy as np\nrng = np.random.default_rng()\n",
      errors: [{ messageId: "callUnseeded", line: 2, column: 7, endColumn: 30 }],
    },
    {
      code: "from random import shuffle\nshuffle(rows)\n",
      errors: [{ messageId: "globalUnseeded", line: 2, column: 1, data: { call: "shuffle()", library: "Python's random module", seedHint: "random.seed(SEED)" } }],
    },
    {
      code: "import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\nif __name__ == '__main__':\n    Net()\n",
      errors: [{ messageId: "globalUnseeded", line: 5, column: 19, data: { call: "nn.Linear()", library: "torch", seedHint: "torch.manual_seed(SEED)" } }],
    },
    {
      code: "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, 32, True)\n",
      errors: [{ messageId: "globalUnseeded", line: 3 }],
    },
    {
      code: "import tensorflow as tf\nfrom tensorflow.keras import layers\nhead = layers.Dense(10)\n",
      errors: [{ messageId: "globalUnseeded", line: 3, data: { call: "layers.Dense()", library: "TensorFlow", seedHint: "tf.random.set_seed(SEED) (or keras.utils.set_random_seed(SEED))" } }],
    },
    {
      code: "import sklearn.model_selection as ms\nparts = ms.train_test_split(X, y, test_size=0.2)\n",
      errors: [{ messageId: "callUnseeded", line: 2, column: 9, endColumn: 49, data: { call: "ms.train_test_split()", how: "has no random_state", param: "random_state" } }],
    },
    {
      code: "from sklearn.model_selection import StratifiedKFold\ncv = StratifiedKFold(n_splits=5, shuffle=True, random_state=None)\n",
      errors: [{ messageId: "callUnseeded", data: { call: "StratifiedKFold()", how: "sets random_state=None", param: "random_state" } }],
    },
    {
      code: "from sklearn.model_selection import KFold\ncv = KFold(5, True)\n",
      errors: [{ messageId: "callUnseeded" }],
    },
    {
      code: "import lightgbm as lgb\nmodel = lgb.LGBMClassifier(n_estimators=200)\n",
      errors: [{ messageId: "callUnseeded", data: { call: "lgb.LGBMClassifier()", how: "has no random_state", param: "random_state" } }],
    },
    {
      code: "import pymc as pm\nwith model:\n    idata = pm.sample(2000, chains=4)\n",
      errors: [{ messageId: "callUnseeded", line: 3, data: { call: "pm.sample()", how: "has no random_seed", param: "random_seed" } }],
    },
    {
      code: "import optuna\nstudy = optuna.create_study(direction='minimize')\n",
      errors: [{ messageId: "callUnseeded", data: { call: "optuna.create_study()", how: "has no sampler", param: "sampler" } }],
    },
    {
      code: "import numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nnp.random.seed(0)\nm = RandomForestClassifier(n_estimators=10)\n",
      options: strict,
      errors: [{ messageId: "callReliesOnGlobal", line: 4, data: { call: "RandomForestClassifier()", param: "random_state" } }],
    },
    {
      // A module-level call to its own function makes the file a program.
      code: "import random\ndef augment(rows):\n    random.shuffle(rows)\n    return rows\naugment([1, 2, 3])\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 5 }],
    },
    {
      // Seeding torch does not seed numpy.
      code: "import torch\nimport numpy as np\ntorch.manual_seed(0)\nidx = np.random.permutation(10)\n",
      errors: [{ messageId: "globalUnseeded", line: 4 }],
    },
  ],
});
