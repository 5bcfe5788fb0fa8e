import {
  benchmarkSwitches,
  CUDA_DEVICE,
  cudaCalls,
  cudaMethods,
  cudnnBenchmark,
  dataLoader,
  determinismSwitches,
  deterministicFlags,
  deviceArgs,
  generatorClass,
  generatorSeeder,
  torchSeeders,
} from "../catalogue/determinism.js";
import type { CallExpr, CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, hasSpread, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";
import { seededRngs } from "../semantic/seeding.js";
import { attributeWrites, callSites } from "../semantic/queries.js";

type MessageIds = "benchmarkOn" | "cudaNotDeterministic" | "workersUnseeded";

const literal = (e: Expr | undefined) => (e?.kind === "literal" ? e.value : undefined);
const DETERMINISTIC_FLAGS = new Set(deterministicFlags);
const SWITCHES = new Map(determinismSwitches.map((s) => [s.qname, s]));
const BENCHMARK_SWITCHES = new Map(benchmarkSwitches.map((s) => [s.qname, s.arg]));

/** The literal an argument holds, directly or through the constant it names (`num_workers=NUM_WORKERS`). */
function literalArg(model: SemanticModel, site: CallSite, ref: Parameters<typeof argument>[1]): string | number | boolean | null | undefined {
  const arg = argument(site.call, ref);
  return arg ? literal(model.definition(arg.value, site.scope)) : undefined;
}

/** The file turns deterministic algorithms on, or sets them from something the model cannot read (then: silent). */
function deterministic(model: SemanticModel): boolean {
  for (const { site, qname } of model.callsTo(SWITCHES.keys())) {
    const sw = SWITCHES.get(qname)!;
    if (!sw.arg) return true;
    const arg = argument(site.call, sw.arg);
    if (!arg) continue;
    const v = literal(model.definition(arg.value, site.scope));
    if (v === undefined || sw.values?.includes(v as string | boolean)) return true;
  }
  return attributeWrites(model).some((t) => {
    if (!DETERMINISTIC_FLAGS.has(model.resolve(t.target, t.scope) ?? "")) return false;
    const v = literal(t.value);
    return v === undefined || v === true;
  });
}

/** The first place the script puts work on CUDA or picks a CUDA device. */
function firstCudaUse(model: SemanticModel): Range | null {
  const cuda = (v: unknown) => typeof v === "string" && CUDA_DEVICE.test(v);
  let first: Range | null = null;
  for (const site of callSites(model)) {
    const { call } = site;
    if (first && first[0] <= call.range[0]) continue;
    const q = model.callee(site);
    const method = call.callee.kind === "member" ? call.callee.property : null;
    const onCuda =
      (q !== null && cudaCalls.includes(q)) ||
      (method !== null && cudaMethods.includes(method)) ||
      deviceArgs.some((d) => (d.method ? d.method === method : d.qname === q) && cuda(literalArg(model, site, d.arg))) ||
      cuda(literalArg(model, site, { keyword: "device" }));
    if (onCuda) first = call.range;
  }
  return first;
}

/** A `generator=` that is seeded: `torch.Generator().manual_seed(s)`, a generator seeded through its name, or one the model cannot follow. */
function seededGenerator(model: SemanticModel, site: CallSite, value: Expr): boolean {
  const q = model.resolve(value, site.scope);
  if (q === null || q === `${generatorClass}().${generatorSeeder}()`) return true;
  if (q !== `${generatorClass}()`) return true;
  if (value.kind !== "name") return false;
  const gen = model.binding(value.name, site.scope, value.range[0]);
  return callSites(model).some(({ call, scope }) => {
    const c = call.callee;
    return c.kind === "member" && c.property === generatorSeeder && c.object.kind === "name" && model.binding(c.object.name, scope, c.object.range[0]) === gen;
  });
}

/** What a shuffling multi-worker DataLoader lacks for repeatable workers, or null. */
function missingWorkerSeeding(model: SemanticModel, site: CallSite): string | null {
  const call: CallExpr = site.call;
  if (hasSpread(call)) return null;
  const workers = literalArg(model, site, dataLoader.numWorkers);
  if (literalArg(model, site, dataLoader.shuffle) !== true || typeof workers !== "number" || workers <= 0) return null;
  const missing: string[] = [];
  const gen = argument(call, dataLoader.generator);
  if (!gen || literal(gen.value) === null || !seededGenerator(model, site, gen.value)) missing.push("seeded generator=");
  const init = argument(call, dataLoader.workerInitFn);
  if (!init || literal(init.value) === null) missing.push("worker_init_fn=");
  return missing.length ? missing.join(" and no ") : null;
}

export default createRule<[], MessageIds>({
  name: "require-deterministic-torch",
  meta: {
    type: "problem",
    languages: ["exp-lint/python"],
    docs: {
      description: "Require a seeded PyTorch script to turn off the non-determinism that seeds do not control",
      recommended: false,
    },
    messages: {
      benchmarkOn:
        "{{setting}} makes cuDNN time several convolution algorithms and keep the fastest, which can differ from run to run, so this seeded script can still give different numbers; set it to False.",
      cudaNotDeterministic:
        "This seeded script runs on a GPU ({{use}}), but deterministic algorithms are never turned on, so cuDNN and CUDA kernels may still give different results on every run; call torch.use_deterministic_algorithms(True) or set torch.backends.cudnn.deterministic = True.",
      workersUnseeded:
        "{{call}} shuffles with {{workers}} worker processes but has no {{missing}}: the shuffle order and the workers' seeds come from the global generator and shift whenever another random call runs before it; pass generator=g (g = torch.Generator(); g.manual_seed(SEED)) and worker_init_fn=seed_worker.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports("torch", "lightning")) return;
      if (!seededRngs(model).has("torch") && !model.callsTo(torchSeeders).length) return;
      for (const t of attributeWrites(model)) {
        if (literal(t.value) === true && model.resolve(t.target, t.scope) === cudnnBenchmark) {
          context.report({ loc: loc(t.range), messageId: "benchmarkOn", data: { setting: text(t.range) } });
        }
      }
      for (const { site, qname } of model.callsTo(BENCHMARK_SWITCHES.keys())) {
        const arg = argument(site.call, BENCHMARK_SWITCHES.get(qname)!);
        if (arg && literal(model.definition(arg.value, site.scope)) === true)
          context.report({ loc: loc(arg.range), messageId: "benchmarkOn", data: { setting: text(arg.range) } });
      }
      if (!deterministic(model)) {
        const use = firstCudaUse(model);
        if (use) context.report({ loc: loc(use), messageId: "cudaNotDeterministic", data: { use: snippet(text(use), 50) } });
      }
      for (const { site } of model.callsTo([dataLoader.qname])) {
        const missing = missingWorkerSeeding(model, site);
        if (!missing) continue;
        const workers = String(literalArg(model, site, dataLoader.numWorkers));
        context.report({
          loc: loc(site.call.range),
          messageId: "workersUnseeded",
          data: { call: `${snippet(text(site.call.callee.range))}(...)`, workers, missing },
        });
      }
    });
  },
});
