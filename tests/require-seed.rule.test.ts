import rule from "../rules/require-seed.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const strict = [{ requireExplicitRandomState: true }];
const NUMPY_FIX = { library: "numpy", seedHint: "np.random.seed(SEED)", alternative: ", or draw from np.random.default_rng(SEED)" };

pythonRuleTester().run("require-seed", rule, {
  valid: [
    "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(3)\n",
    "import numpy as np\nnp.random.seed(args.seed)\nx = np.random.rand(3)\n",
    "import numpy as np\nrng = np.random.default_rng(42)\nx = rng.normal(size=3)\n",
    "from numpy.random import default_rng\nrng = default_rng(seed=7)\n",
    "import numpy as np\ndef make_rng(seed=None):\n    return np.random.default_rng(seed)\n",
    "import numpy as np\ngen = np.random.Generator(np.random.PCG64(1234))\n",
    "import random\nrandom.seed(1)\nrandom.shuffle(xs)\n",
    "import random\nrng = random.Random(42)\nrng.shuffle(xs)\n",
    "import torch\ntorch.manual_seed(0)\nw = torch.randn(3, 3)\n",
    "import torch\ng = torch.Generator().manual_seed(0)\nw = torch.randn(3, 3, generator=g)\n",
    "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=8, shuffle=False)\n",
    "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=8)\n",
    "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=8, shuffle=cfg.shuffle)\n",
    "import torch\nfrom torch.utils.data import DataLoader\ng = torch.Generator()\ng.manual_seed(0)\nloader = DataLoader(ds, shuffle=True, generator=g)\n",
    "import tensorflow as tf\ntf.random.set_seed(3)\nx = tf.random.normal((2, 2))\n",
    // An op-level seed alone makes a TensorFlow op repeatable.
    "import tensorflow as tf\nx = tf.random.normal((2, 2), seed=1)\n",
    "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices(xs)\nds = ds.shuffle(1000, seed=7)\n",
    "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices(xs).shuffle(1000, 7)\n",
    "import keras\nkeras.utils.set_random_seed(3)\nlayer = keras.layers.Dense(4)\n",
    "from tensorflow import keras\ndrop = keras.layers.Dropout(0.5, seed=1)\n",
    "import tensorflow as tf\ntf.keras.utils.set_random_seed(3)\nlayer = tf.keras.layers.Dense(4)\n",
    // Seeding helpers of the libraries.
    "from transformers import set_seed\nimport torch\nset_seed(42)\nx = torch.rand(2)\n",
    "import lightning as L\nimport torch\nL.seed_everything(42)\nx = torch.rand(2)\n",
    "import pytorch_lightning as pl\nimport numpy as np\npl.seed_everything(1)\nnp.random.shuffle(a)\n",
    "from pytorch_lightning.utilities.seed import seed_everything\nimport torch\nseed_everything(1)\nx = torch.rand(2)\n",
    "import lightning as L\nimport torch\nfabric = L.Fabric()\nfabric.seed_everything(7)\nx = torch.rand(2)\n",
    "import torch\nfrom transformers import Trainer, TrainingArguments\nhead = torch.nn.Linear(768, 2)\ntrainer = Trainer(model=model, args=TrainingArguments('out'))\n",
    // A function of the file whose body seeds counts as seeding when the file calls it or passes it on (here, as a worker init function).
    "import numpy as np\nimport random\ndef seed_all(s):\n    random.seed(s)\n    np.random.seed(s)\nseed_all(0)\nrandom.choice(xs)\nnp.random.rand()\n",
    "import numpy as np\nimport torch\ndef seed_worker(worker_id):\n    np.random.seed(torch.initial_seed() % 2**32)\nif __name__ == '__main__':\n    loader = torch.utils.data.DataLoader(ds, worker_init_fn=seed_worker)\n    np.random.shuffle(idx)\n",
    // A seed helper from the project's own modules (or an unknown package) is trusted by its name.
    "from .utils import fix_seeds\nimport torch\nfix_seeds(3)\nx = torch.randn(2)\n",
    "from utils import set_seed\nimport numpy as np\nset_seed(3)\nx = np.random.rand(2)\n",
    "import common\nimport random\ncommon.seed_everything(3)\nrandom.shuffle(xs)\n",
    // Per-call seeds.
    "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, random_state=0)\n",
    "from sklearn.model_selection import train_test_split\nSEED = 13\na, b = train_test_split(X, random_state=SEED)\n",
    "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, shuffle=False)\n",
    "from sklearn.model_selection import KFold\ncv = KFold(5)\n",
    "from sklearn.model_selection import KFold, StratifiedKFold\ncv = KFold(n_splits=5, shuffle=False)\nskf = StratifiedKFold(5)\n",
    "from sklearn.model_selection import KFold\ncv = KFold(5, shuffle=cfg.shuffle)\n",
    "from sklearn.svm import SVC\nclf = SVC(kernel='rbf')\n",
    "from sklearn.dummy import DummyClassifier\nbaseline = DummyClassifier()\n",
    // numpy's global seed covers random_state=None by default.
    "import numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nnp.random.seed(0)\nm = RandomForestClassifier()\n",
    "import numpy as np\nimport pandas as pd\nnp.random.seed(0)\ndf = pd.read_csv('x.csv')\ntrain = df.sample(frac=0.8)\n",
    // **kwargs may carry the seed.
    "from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier(**params)\n",
    "from sklearn.model_selection import train_test_split\nparts = train_test_split(X, y, **split_args)\n",
    // XGBoost, LightGBM and CatBoost fall back to a fixed seed: repeatable by default.
    "import xgboost as xgb\nimport lightgbm as lgb\nfrom catboost import CatBoostClassifier\nm1 = xgb.XGBClassifier()\nm2 = lgb.LGBMClassifier(n_estimators=200)\nm3 = CatBoostClassifier()\n",
    // Only looking at a few rows.
    "import pandas as pd\ndf = pd.read_csv('x.csv')\ndf.sample(5)\nprint(df.sample(3))\n",
    "import pymc as pm\nwith model:\n    idata = pm.sample(1000, random_seed=42)\n",
    "import optuna\nstudy = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=0))\n",
    "import optuna\nstudy = optuna.create_study(direction='maximize', sampler=sampler)\n",
    // A library module: whoever instantiates the model seeds torch.
    "import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\n",
    "import random\ndef augment(rows):\n    random.shuffle(rows)\n    return rows\n",
    // Saved weights replace the random initial ones.
    "import torch\nimport torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\nif __name__ == '__main__':\n    net = Net()\n    net.load_state_dict(torch.load('net.pt'))\n    net.eval()\n",
    // Shadowed name: not numpy.
    "import numpy as np\ndef f(np):\n    return np.random.rand()\n",
  ],
  invalid: [
    {
      // The file's seed constant is reused.
      code: "from sklearn.model_selection import train_test_split\nRANDOM_SEED = 7\ndef split(X, y):\n    return train_test_split(X, y, test_size=0.2)\n",
      errors: [
        {
          messageId: "callUnseeded",
          suggestions: [
            {
              messageId: "passSeed",
              data: { seed: "RANDOM_SEED", param: "random_state" },
              output:
                "from sklearn.model_selection import train_test_split\nRANDOM_SEED = 7\ndef split(X, y):\n    return train_test_split(X, y, test_size=0.2, random_state=RANDOM_SEED)\n",
            },
          ],
        },
      ],
    },
    {
      // The command line's --seed is reused.
      code: "import argparse\nfrom sklearn.ensemble import RandomForestClassifier\nparser = argparse.ArgumentParser()\nparser.add_argument('--seed', type=int, default=0)\nargs = parser.parse_args()\nclf = RandomForestClassifier(n_estimators=100)\n",
      errors: [
        {
          messageId: "callUnseeded",
          suggestions: [
            {
              messageId: "passSeed",
              data: { seed: "args.seed", param: "random_state" },
              output:
                "import argparse\nfrom sklearn.ensemble import RandomForestClassifier\nparser = argparse.ArgumentParser()\nparser.add_argument('--seed', type=int, default=0)\nargs = parser.parse_args()\nclf = RandomForestClassifier(n_estimators=100, random_state=args.seed)\n",
            },
          ],
        },
      ],
    },
    {
      // SEED goes after the last import's line, its comment kept on it; Windows line endings kept; a guarded import is not a place for it.
      code: "import numpy as np  # arrays\r\ntry:\r\n    import torch\r\nexcept ImportError:\r\n    torch = None\r\nfrom sklearn.cluster import KMeans\r\n\r\nkm = KMeans(n_clusters=8)\r\n",
      errors: [
        {
          messageId: "callUnseeded",
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import numpy as np  # arrays\r\ntry:\r\n    import torch\r\nexcept ImportError:\r\n    torch = None\r\nfrom sklearn.cluster import KMeans\r\nSEED = 42\r\n\r\nkm = KMeans(n_clusters=8, random_state=SEED)\r\n",
            },
          ],
        },
      ],
    },
    // A seeding helper defined but never called seeds nothing.
    {
      code: "import numpy as np\ndef set_seed(s):\n    np.random.seed(s)\nx = np.random.rand(3)\n",
      errors: [{ messageId: "globalUnseeded", line: 4 }],
    },
    // A draw made before the seed call.
    {
      code: "import numpy as np\nx = np.random.rand(3)\nnp.random.seed(0)\ny = np.random.rand(3)\n",
      errors: [
        { messageId: "drawnBeforeSeed", line: 2, column: 5, data: { call: "np.random.rand(...)", library: "numpy", seed: "np.random.seed()", line: "3" } },
      ],
    },
    // The same through a seeding helper of the file, inside a function.
    {
      code: "import torch\ndef seed_all(s):\n    torch.manual_seed(s)\ndef main():\n    w = torch.randn(3)\n    seed_all(0)\n    return w\nif __name__ == '__main__':\n    main()\n",
      errors: [{ messageId: "drawnBeforeSeed", line: 5, data: { call: "torch.randn(...)", library: "torch", seed: "seed_all()", line: "6" } }],
    },
    {
      code: "import numpy as np\nx = np.random.rand(3)\ny = np.random.randn(2)\n",
      errors: [{ messageId: "globalUnseeded", line: 2, column: 5, endLine: 2, endColumn: 22, data: { call: "np.random.rand(...)", ...NUMPY_FIX } }],
    },
    {
      code: "import numpy as np\nrng = np.random.default_rng()\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 7,
          endColumn: 30,
          data: { call: "np.random.default_rng()", how: "has no seed", fix: "a seed, as in np.random.default_rng(SEED)" },
          suggestions: [{ messageId: "passNewSeed", output: "import numpy as np\nSEED = 42\nrng = np.random.default_rng(SEED)\n" }],
        },
      ],
    },
    {
      code: "from numpy.random import default_rng\nrng = default_rng(None)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 7,
          data: { call: "default_rng(...)", how: "sets seed=None", fix: "a seed, as in np.random.default_rng(SEED)" },
          suggestions: [{ messageId: "passNewSeed", output: "from numpy.random import default_rng\nSEED = 42\nrng = default_rng(SEED)\n" }],
        },
      ],
    },
    {
      code: "from random import shuffle\nshuffle(rows)\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 2,
          column: 1,
          endColumn: 14,
          data: { call: "shuffle(...)", library: "Python's random module", seedHint: "random.seed(SEED)", alternative: ", or draw from random.Random(SEED)" },
        },
      ],
    },
    {
      // random.seed() without a value seeds from the clock.
      code: "import random\nrandom.seed()\nrandom.shuffle(rows)\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 1 }],
    },
    {
      code: "import numpy as np\nnp.random.seed(None)\nidx = np.random.permutation(10)\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 7 }],
    },
    {
      code: "import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\nif __name__ == '__main__':\n    Net()\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 5,
          column: 19,
          endColumn: 34,
          data: { call: "nn.Linear(...)", library: "torch", seedHint: "torch.manual_seed(SEED)", alternative: "" },
        },
      ],
    },
    {
      // Loading weights makes initialisation irrelevant, not the other draws.
      code: "import torch\nmodel = Net()\nmodel.load_state_dict(torch.load('m.pt'))\nhead = torch.nn.Linear(4, 2)\nnoise = torch.randn(4)\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 5,
          column: 9,
          data: { call: "torch.randn(...)", library: "torch", seedHint: "torch.manual_seed(SEED)", alternative: "" },
        },
      ],
    },
    {
      code: "import torch\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds, 32, True)\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 10, endColumn: 34 }],
    },
    {
      code: "import torch\nfrom torch.utils.data import WeightedRandomSampler\nsampler = WeightedRandomSampler(weights, num_samples=100)\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 11 }],
    },
    {
      code: "import torchvision.transforms as T\naugment = T.Compose([T.ToTensor(), T.RandomHorizontalFlip(), T.ColorJitter(0.2)])\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 2,
          column: 36,
          data: { call: "T.RandomHorizontalFlip()", library: "torch", seedHint: "torch.manual_seed(SEED)", alternative: "" },
        },
      ],
    },
    {
      code: "import tensorflow as tf\nfrom tensorflow.keras import layers\nhead = layers.Dense(10)\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 3,
          data: {
            call: "layers.Dense(...)",
            library: "TensorFlow",
            seedHint: "tf.random.set_seed(SEED) (or keras.utils.set_random_seed(SEED))",
            alternative: "",
          },
        },
      ],
    },
    {
      code: "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices((x, y))\nds = ds.shuffle(1000).batch(32)\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 3,
          column: 6,
          endColumn: 22,
          data: {
            call: "ds.shuffle(...)",
            library: "TensorFlow",
            seedHint: "tf.random.set_seed(SEED) (or keras.utils.set_random_seed(SEED))",
            alternative: "",
          },
        },
      ],
    },
    {
      // A function of this file is read, not trusted by its name: it seeds numpy only.
      code: "import numpy as np\nimport torch\ndef set_seed(s):\n    np.random.seed(s)\nset_seed(0)\nx = torch.rand(3)\n",
      errors: [{ messageId: "globalUnseeded", line: 6, column: 5 }],
    },
    {
      // A helper that returns a seed does not seed.
      code: "from utils import get_seed\nimport random\nseed = get_seed()\nrandom.shuffle(xs)\n",
      errors: [{ messageId: "globalUnseeded", line: 4, column: 1 }],
    },
    {
      code: "import sklearn.model_selection as ms\nparts = ms.train_test_split(X, y, test_size=0.2)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 9,
          endColumn: 49,
          data: { call: "ms.train_test_split(...)", how: "has no random_state", fix: "random_state=SEED" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output: "import sklearn.model_selection as ms\nSEED = 42\nparts = ms.train_test_split(X, y, test_size=0.2, random_state=SEED)\n",
            },
          ],
        },
      ],
    },
    {
      code: "from sklearn.model_selection import StratifiedKFold\ncv = StratifiedKFold(n_splits=5, shuffle=True, random_state=None)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 6,
          data: { call: "StratifiedKFold(...)", how: "sets random_state=None", fix: "random_state=SEED" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output: "from sklearn.model_selection import StratifiedKFold\nSEED = 42\ncv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)\n",
            },
          ],
        },
      ],
    },
    {
      code: "from sklearn.model_selection import KFold\ncv = KFold(5, True)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 6,
          endColumn: 20,
          suggestions: [{ messageId: "passNewSeed", output: "from sklearn.model_selection import KFold\nSEED = 42\ncv = KFold(5, True, random_state=SEED)\n" }],
        },
      ],
    },
    {
      code: "from sklearn.svm import SVC\nclf = SVC(probability=True)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 7,
          suggestions: [{ messageId: "passNewSeed", output: "from sklearn.svm import SVC\nSEED = 42\nclf = SVC(probability=True, random_state=SEED)\n" }],
        },
      ],
    },
    {
      code: "from imblearn.over_sampling import SMOTE\nX_res, y_res = SMOTE().fit_resample(X, y)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 16,
          endColumn: 23,
          data: { call: "SMOTE()", how: "has no random_state", fix: "random_state=SEED" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output: "from imblearn.over_sampling import SMOTE\nSEED = 42\nX_res, y_res = SMOTE(random_state=SEED).fit_resample(X, y)\n",
            },
          ],
        },
      ],
    },
    {
      code: "import pandas as pd\ndf = pd.read_csv('data.csv')\ntrain = df.sample(frac=0.8)\ntest = df.drop(train.index)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 3,
          column: 9,
          endColumn: 28,
          data: { call: "df.sample(...)", how: "has no random_state", fix: "random_state=SEED" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import pandas as pd\nSEED = 42\ndf = pd.read_csv('data.csv')\ntrain = df.sample(frac=0.8, random_state=SEED)\ntest = df.drop(train.index)\n",
            },
          ],
        },
      ],
    },
    {
      code: "from scipy import stats\nnoise = stats.norm.rvs(size=100)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 9,
          suggestions: [{ messageId: "passNewSeed", output: "from scipy import stats\nSEED = 42\nnoise = stats.norm.rvs(size=100, random_state=SEED)\n" }],
        },
      ],
    },
    {
      code: "import pymc as pm\nwith model:\n    idata = pm.sample(2000, chains=4)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 3,
          column: 13,
          data: { call: "pm.sample(...)", how: "has no random_seed", fix: "random_seed=SEED" },
          suggestions: [
            { messageId: "passNewSeed", output: "import pymc as pm\nSEED = 42\nwith model:\n    idata = pm.sample(2000, chains=4, random_seed=SEED)\n" },
          ],
        },
      ],
    },
    {
      code: "import optuna\nstudy = optuna.create_study(direction='minimize')\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 9,
          data: { call: "optuna.create_study(...)", how: "has no sampler", fix: "sampler=optuna.samplers.TPESampler(seed=SEED)" },
          suggestions: [],
        },
      ],
    },
    {
      code: "from optuna.samplers import RandomSampler\nsampler = RandomSampler()\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 11,
          data: { call: "RandomSampler()", how: "has no seed", fix: "seed=SEED" },
          suggestions: [{ messageId: "passNewSeed", output: "from optuna.samplers import RandomSampler\nSEED = 42\nsampler = RandomSampler(seed=SEED)\n" }],
        },
      ],
    },
    {
      code: "from hyperopt import fmin, tpe\nbest = fmin(objective, space, algo=tpe.suggest, max_evals=50)\n",
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 8,
          data: { call: "fmin(...)", how: "has no rstate", fix: "rstate=np.random.default_rng(SEED)" },
          suggestions: [],
        },
      ],
    },
    {
      code: "import numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nnp.random.seed(0)\nm = RandomForestClassifier(n_estimators=10)\n",
      options: strict,
      errors: [
        {
          messageId: "callReliesOnGlobal",
          line: 4,
          column: 5,
          data: { call: "RandomForestClassifier(...)", how: "has no random_state", fix: "random_state=SEED", library: "numpy" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nSEED = 42\nnp.random.seed(0)\nm = RandomForestClassifier(n_estimators=10, random_state=SEED)\n",
            },
          ],
        },
      ],
    },
    {
      code: "import numpy as np\nfrom sklearn.model_selection import train_test_split\nnp.random.seed(0)\nparts = train_test_split(X, y, random_state=None)\n",
      options: strict,
      errors: [
        {
          messageId: "callReliesOnGlobal",
          line: 4,
          column: 9,
          data: { call: "train_test_split(...)", how: "sets random_state=None", fix: "random_state=SEED", library: "numpy" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import numpy as np\nfrom sklearn.model_selection import train_test_split\nSEED = 42\nnp.random.seed(0)\nparts = train_test_split(X, y, random_state=SEED)\n",
            },
          ],
        },
      ],
    },
    {
      code: "import xgboost as xgb\nfrom catboost import CatBoostRegressor\nm = xgb.XGBClassifier(max_depth=4)\nr = CatBoostRegressor()\n",
      options: strict,
      errors: [
        {
          messageId: "callUsesDefaultSeed",
          line: 3,
          column: 5,
          data: { call: "xgb.XGBClassifier(...)", how: "has no random_state", fix: "random_state=SEED", library: "XGBoost" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import xgboost as xgb\nfrom catboost import CatBoostRegressor\nSEED = 42\nm = xgb.XGBClassifier(max_depth=4, random_state=SEED)\nr = CatBoostRegressor()\n",
            },
          ],
        },
        {
          messageId: "callUsesDefaultSeed",
          line: 4,
          column: 5,
          data: { call: "CatBoostRegressor()", how: "has no random_seed", fix: "random_seed=SEED", library: "CatBoost" },
          suggestions: [
            {
              messageId: "passNewSeed",
              output:
                "import xgboost as xgb\nfrom catboost import CatBoostRegressor\nSEED = 42\nm = xgb.XGBClassifier(max_depth=4)\nr = CatBoostRegressor(random_seed=SEED)\n",
            },
          ],
        },
      ],
    },
    {
      // Without numpy's global seed, strict and default options agree.
      code: "from sklearn.cluster import KMeans\nkm = KMeans(n_clusters=8)\n",
      options: strict,
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 6,
          suggestions: [{ messageId: "passNewSeed", output: "from sklearn.cluster import KMeans\nSEED = 42\nkm = KMeans(n_clusters=8, random_state=SEED)\n" }],
        },
      ],
    },
    {
      // A module-level call to its own function makes the file a program.
      code: "import random\ndef augment(rows):\n    random.shuffle(rows)\n    return rows\naugment([1, 2, 3])\n",
      errors: [{ messageId: "globalUnseeded", line: 3, column: 5 }],
    },
    {
      // Seeding torch does not seed numpy.
      code: "import torch\nimport numpy as np\ntorch.manual_seed(0)\nidx = np.random.permutation(10)\n",
      errors: [{ messageId: "globalUnseeded", line: 4, column: 7, data: { call: "np.random.permutation(...)", ...NUMPY_FIX } }],
    },
    {
      // Non-ASCII text before the call: columns count UTF-16 units.
      code: "import numpy as np\nétiquette = 'é'; x = np.random.rand(2)\n",
      errors: [{ messageId: "globalUnseeded", line: 2, column: 22, endColumn: 39 }],
    },
  ],
});
