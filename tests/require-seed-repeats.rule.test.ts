import rule from "../rules/require-seed-repeats.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("require-seed-repeats", rule as never, {
  valid: [
    "for seed in range(5):\n    for m in models:\n        m.fit(X, y)\n",
    "SEEDS = [0, 1, 2, 3, 4, 5]\nfor seed in SEEDS:\n    m.fit(X, y)\n",
    // Seeds from the command line: cannot tell.
    "for seed in args.seeds:\n    m.fit(X, y)\n",
    // A short seed loop that trains nothing.
    "for seed in [1, 2]:\n    print(seed)\n",
    // Not a seed loop.
    "for lr in [0.1]:\n    m.fit(X, y)\n",
    { code: "for seed in range(3):\n    m.fit(X, y)\n", options: [{ minSeeds: 3 }] },
    "import wandb\nwandb.sweep({'parameters': {'seed': {'values': [0, 1, 2, 3, 4]}}})\n",
  ],
  invalid: [
    {
      code: "for seed in [42]:\n    for m in models:\n        m.fit(X, y)\n",
      errors: [{ messageId: "fewSeeds", line: 1, column: 13, endColumn: 17, data: { count: "1", seeds: "[42]", min: "5" } }],
    },
    // The seed loop inside the comparison loop.
    {
      code: "for cfg in configs:\n    for seed in (0, 1):\n        train_model = cfg.build()\n        train_model.fit(X, y)\n",
      errors: [{ messageId: "fewSeeds", line: 2 }],
    },
    {
      code: "import mlflow\nfor seed in range(1, 3):\n    with mlflow.start_run():\n        pass\n",
      errors: [{ messageId: "fewSeeds", data: { count: "2", seeds: "range(1, 3)", min: "5" } }],
    },
    { code: "for seed in range(5):\n    m.fit(X, y)\n", options: [{ minSeeds: 10 }], errors: [{ messageId: "fewSeeds" }] },
    {
      code: "import wandb\ncfg = {'method': 'grid', 'parameters': {'lr': {'values': [1, 2]}, 'seed': {'value': 7}}}\nwandb.sweep(cfg)\n",
      errors: [{ messageId: "fixedSweepSeed", line: 2, data: { key: "seed", seeds: "7", min: "5" } }],
    },
  ],
});
