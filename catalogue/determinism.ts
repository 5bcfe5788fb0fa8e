import type { ArgRef } from "../semantic/model.js";

/**
 * What makes a seeded PyTorch run repeat itself, after PyTorch's
 * "Reproducibility" notes: cuDNN benchmarking off, deterministic algorithms
 * on when CUDA is used, and DataLoader workers seeded from a seeded generator.
 * Qualified names are canonical (see aliases.ts).
 */

/** Settings assigned as attributes, and the literal that turns each on. */
export const cudnnBenchmark = "torch.backends.cudnn.benchmark";
export const deterministicFlags = ["torch.backends.cudnn.deterministic"];

/** Calls that turn deterministic algorithms on, when `arg` (if given) is one of `values`. */
export interface DeterminismSwitch {
  qname: string;
  arg?: ArgRef;
  values?: (string | boolean)[];
}

export const determinismSwitches: DeterminismSwitch[] = [
  { qname: "torch.use_deterministic_algorithms", arg: { index: 0, keyword: "mode" }, values: [true] },
  // Lightning calls torch.use_deterministic_algorithms itself; "warn" only warns on non-deterministic ops.
  { qname: "lightning.Trainer", arg: { keyword: "deterministic" }, values: [true, "warn"] },
  { qname: "lightning.fabric.Fabric", arg: { keyword: "deterministic" }, values: [true] },
  { qname: "transformers.enable_full_determinism" },
  { qname: "transformers.TrainingArguments", arg: { keyword: "full_determinism" }, values: [true] },
];

/** Calls that turn cuDNN benchmarking on through an argument: Lightning's `Trainer(benchmark=True)`. */
export const benchmarkSwitches: { qname: string; arg: ArgRef }[] = [{ qname: "lightning.Trainer", arg: { keyword: "benchmark" } }];

/** Extra seeders of torch's generators (torch.manual_seed and the seeding helpers are in randomness.ts). */
export const torchSeeders = ["torch.cuda.manual_seed", "torch.cuda.manual_seed_all"];

/**
 * Calls that put work on a GPU or choose one: `torch.device("cuda" if torch.cuda.is_available() else "cpu")`,
 * and PyTorch 2.6's device-neutral `torch.accelerator` (CUDA, ROCm, XPU, MPS: deterministic algorithms matter on each).
 */
export const cudaCalls = [
  "torch.cuda.is_available",
  "torch.cuda.set_device",
  "torch.cuda.device_count",
  "torch.accelerator.is_available",
  "torch.accelerator.current_accelerator",
  "torch.accelerator.set_device_index",
];
/** Methods that move a model or tensor to the GPU, on objects the model cannot resolve (`net.cuda()`). */
export const cudaMethods = ["cuda"];
/** Calls whose device argument, given as a CUDA literal, mean CUDA: `x.to("cuda")`, `torch.device("cuda:0")`, `Trainer(accelerator="gpu")`. */
export const deviceArgs: { method?: string; qname?: string; arg: ArgRef }[] = [
  { method: "to", arg: { index: 0, keyword: "device" } },
  { qname: "torch.device", arg: { index: 0, keyword: "type" } },
  { qname: "lightning.Trainer", arg: { keyword: "accelerator" } },
  { qname: "lightning.fabric.Fabric", arg: { keyword: "accelerator" } },
];
/** Device literals that mean CUDA: `cuda`, `cuda:1`, and Lightning's `gpu`. */
export const CUDA_DEVICE = /^(?:cuda(?::\d+)?|gpu)$/u;

/** `DataLoader(dataset, batch_size, shuffle, sampler, batch_sampler, num_workers, ...)`. */
export const dataLoader = {
  qname: "torch.utils.data.DataLoader",
  shuffle: { keyword: "shuffle", index: 2 },
  numWorkers: { keyword: "num_workers", index: 5 },
  workerInitFn: { keyword: "worker_init_fn", index: 10 },
  generator: { keyword: "generator", index: 12 },
};

/** A generator counts as seeded when built by `torch.Generator().manual_seed(...)` or seeded through its name. */
export const generatorClass = "torch.Generator";
export const generatorSeeder = "manual_seed";
