import rule from "../rules/require-deterministic-torch.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const SEEDED = "import torch\nfrom torch.utils.data import DataLoader\ntorch.manual_seed(0)\n";

pythonRuleTester().run("require-deterministic-torch", rule, {
  valid: [
    // Not seeded: require-seed's business, not this rule's.
    "import torch\ntorch.backends.cudnn.benchmark = True\nnet = Net().cuda()\n",
    `${SEEDED}torch.use_deterministic_algorithms(True)\nnet = Net().cuda()\n`,
    `${SEEDED}torch.backends.cudnn.deterministic = True\ntorch.backends.cudnn.benchmark = False\nnet = Net().to('cuda')\n`,
    `${SEEDED}torch.use_deterministic_algorithms(mode=args.deterministic)\nnet = Net().cuda()\n`,
    `${SEEDED}net = Net().to('cpu')\nx = torch.zeros(3, device='cpu')\n`,
    `${SEEDED}from torch.backends import cudnn\ncudnn.benchmark = args.benchmark\n`,
    "import lightning as L\nL.seed_everything(7)\ntrainer = L.Trainer(deterministic=True)\nnet = Net().cuda()\n",
    "import lightning as L\nL.seed_everything(7)\ntrainer = L.Trainer(accelerator='auto', benchmark=False, deterministic=True)\n",
    "import torch\nfrom transformers import enable_full_determinism\nenable_full_determinism(7)\nnet = Net().cuda()\n",
    // Workers seeded from a seeded generator and a worker_init_fn; no workers; no shuffling; kwargs.
    `${SEEDED}g = torch.Generator()\ng.manual_seed(0)\nloader = DataLoader(ds, shuffle=True, num_workers=4, worker_init_fn=seed_worker, generator=g)\n`,
    `${SEEDED}loader = DataLoader(ds, shuffle=True, num_workers=4, worker_init_fn=seed_worker, generator=torch.Generator().manual_seed(0))\n`,
    `${SEEDED}loader = DataLoader(ds, shuffle=True, num_workers=0)\n`,
    `${SEEDED}loader = DataLoader(ds, batch_size=8, shuffle=False, num_workers=4)\n`,
    `${SEEDED}loader = DataLoader(ds, shuffle=True, num_workers=args.workers)\n`,
    `${SEEDED}loader = DataLoader(ds, **loader_kwargs)\n`,
    // A generator handed in by the caller: cannot tell.
    `${SEEDED}def make_loader(ds, gen):\n    return DataLoader(ds, shuffle=True, num_workers=2, worker_init_fn=seed_worker, generator=gen)\n`,
  ],
  invalid: [
    {
      code: `${SEEDED}torch.backends.cudnn.benchmark = True\n`,
      errors: [{ messageId: "benchmarkOn", line: 4, column: 1, endLine: 4, endColumn: 38, data: { setting: "torch.backends.cudnn.benchmark = True" } }],
    },
    {
      // Seeded through a project helper, benchmark set through an alias, on the CPU.
      code: "import torch\nfrom torch.backends import cudnn\nfrom utils import set_seed\nset_seed(1)\ncudnn.benchmark = True\n",
      errors: [{ messageId: "benchmarkOn", line: 5, column: 1, endLine: 5, endColumn: 23, data: { setting: "cudnn.benchmark = True" } }],
    },
    {
      // Lightning sets cudnn.benchmark from its Trainer, and runs on the GPU it is given.
      code: "import lightning as L\nL.seed_everything(7)\ntrainer = L.Trainer(accelerator='gpu', benchmark=True)\n",
      errors: [
        { messageId: "cudaNotDeterministic", line: 3, column: 11, endLine: 3, endColumn: 55, data: { use: "L.Trainer(accelerator='gpu', benchmark=True)" } },
        { messageId: "benchmarkOn", line: 3, column: 40, endLine: 3, endColumn: 54, data: { setting: "benchmark=True" } },
      ],
    },
    {
      code: `${SEEDED}net = Net().cuda()\nout = net(x.cuda())\n`,
      errors: [{ messageId: "cudaNotDeterministic", line: 4, column: 7, endLine: 4, endColumn: 19, data: { use: "Net().cuda()" } }],
    },
    {
      code: `${SEEDED}DEVICE = 'cuda:0'\nnet = Net().to(DEVICE)\n`,
      errors: [{ messageId: "cudaNotDeterministic", line: 5, column: 7, endLine: 5, endColumn: 23, data: { use: "Net().to(DEVICE)" } }],
    },
    {
      code: `${SEEDED}torch.use_deterministic_algorithms(False)\ndevice = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n`,
      errors: [{ messageId: "cudaNotDeterministic", line: 5, column: 33, endLine: 5, endColumn: 58, data: { use: "torch.cuda.is_available()" } }],
    },
    {
      code: "import torch\nimport lightning as L\nL.seed_everything(7)\ntrainer = L.Trainer(max_epochs=3)\nx = torch.randn(4, 4, device='cuda')\n",
      errors: [{ messageId: "cudaNotDeterministic", line: 5, column: 5, endLine: 5, endColumn: 37 }],
    },
    {
      code: `${SEEDED}if torch.accelerator.is_available():\n    device = torch.accelerator.current_accelerator()\n`,
      errors: [{ messageId: "cudaNotDeterministic", line: 4, column: 4, endLine: 4, endColumn: 36, data: { use: "torch.accelerator.is_available()" } }],
    },
    {
      code: `${SEEDED}loader = DataLoader(ds, batch_size=32, shuffle=True, num_workers=4)\n`,
      errors: [
        {
          messageId: "workersUnseeded",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 68,
          data: { call: "DataLoader(...)", workers: "4", missing: "seeded generator= and no worker_init_fn=" },
        },
      ],
    },
    {
      code: `${SEEDED}g = torch.Generator()\nloader = DataLoader(ds, shuffle=True, num_workers=2, worker_init_fn=seed_worker, generator=g)\n`,
      errors: [{ messageId: "workersUnseeded", line: 5, data: { call: "DataLoader(...)", workers: "2", missing: "seeded generator=" } }],
    },
    {
      code: `${SEEDED}WORKERS = 6\nloader = DataLoader(ds, 64, True, num_workers=WORKERS, generator=torch.Generator().manual_seed(0))\n`,
      errors: [{ messageId: "workersUnseeded", line: 5, data: { call: "DataLoader(...)", workers: "6", missing: "worker_init_fn=" } }],
    },
  ],
});
