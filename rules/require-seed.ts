import { nameTokens } from "../catalogue/data.js";
import { globalRngs, seededCalls, seedingHelpers, SEED_HELPER_NAME, type DrawCondition, type GlobalRng, type SeededCall } from "../catalogue/randomness.js";
import type { CallExpr, Expr } from "../semantic/ir.js";
import { argument, hasSpread, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds = "globalUnseeded" | "callUnseeded" | "callReliesOnGlobal";
type Options = [{ requireExplicitRandomState?: boolean }];

/** Libraries whose calls this rule knows; a seed-named call from anywhere else is the project's own helper. */
const KNOWN_ROOTS = new Set([
  "random", "numpy", "torch", "torchvision", "tensorflow", "keras", "sklearn", "xgboost", "lightgbm", "catboost",
  "pymc", "optuna", "transformers", "lightning", "accelerate",
  "npm:@tensorflow/tfjs", "npm:seedrandom",
]);

const root = (qname: string) => qname.split(/[.(]/u, 1)[0]!;

/** Literal `True`: the only value that surely turns randomness on. */
const isTrue = (e: Expr | undefined) => e?.kind === "literal" && e.value === true;
const isFalse = (e: Expr | undefined) => e?.kind === "literal" && e.value === false;
const isNone = (e: Expr | undefined) => e?.kind === "literal" && e.value === null;

function matcher(patterns: string[]): (q: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith("*")));
  const prefixes = patterns.filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1));
  return (q) => exact.has(q) || prefixes.some((p) => q.startsWith(p) && !q.slice(p.length).includes("."));
}

const consumerMatchers = new Map(globalRngs.map((rng) => [rng.id, matcher(rng.consumers)]));
const seededCallByName = new Map(seededCalls.map((c) => [c.qname, c]));
const helperByName = new Map(seedingHelpers.map((h) => [h.qname, h.seeds]));

/** Global generators this file seeds, directly, through a library helper, or through a helper of its own. */
function seededRngs(model: SemanticModel): Set<GlobalRng["id"]> {
  const seeded = new Set<GlobalRng["id"]>();
  for (const site of model.facts.calls) {
    const q = model.callee(site);
    if (q !== null) {
      for (const rng of globalRngs) if (rng.seeders.includes(q) && draws(site.call, rng.seedersWhen?.[q])) seeded.add(rng.id);
      for (const id of helperByName.get(q) ?? []) seeded.add(id);
      if (KNOWN_ROOTS.has(root(q))) continue;
    }
    // `set_seed(42)` from the project's own utils: its body is not ours to read, so trust the name.
    const callee = site.call.callee;
    const name = callee.kind === "name" ? callee.name : callee.kind === "member" ? callee.property : "";
    if (SEED_HELPER_NAME.test(name)) for (const rng of globalRngs) seeded.add(rng.id);
  }
  return seeded;
}

/** A program rather than a library module: a `__main__` guard, or a module-level call to one of its own functions. */
function runsAsProgram(model: SemanticModel): boolean {
  if (model.facts.mainGuard) return true;
  return model.facts.calls.some(
    (site) => site.scope === 0 && site.call.callee.kind === "name" && model.binding(site.call.callee.name, 0, site.call.range[0])?.kind === "def",
  );
}

/** Whether a call meets its condition: draws from its library's global generator (DataLoader only with shuffle=True, and no generator), or seeds one. */
function draws(call: CallExpr, when: DrawCondition | undefined): boolean {
  if (!when) return true;
  if (when.unless && call.args.some((a) => a.name === when.unless)) return false;
  if (!when.keyword && when.index === undefined) return true;
  const arg = argument(call, when);
  if (!arg) return when.default ?? false;
  return when.default ? !isFalse(arg.value) : isTrue(arg.value);
}

/** The call sits in a function whose name (or an enclosing one's) says it handles data: `shuffle`, `trainTestSplit`. */
function inDataHandling(model: SemanticModel, scope: number, words: string[] | undefined): boolean {
  if (!words) return false;
  for (let s: number | null = scope; s !== null && s !== 0; s = model.facts.scopes[s]?.parent ?? null) {
    if (nameTokens(model.facts.scopes[s]?.name ?? "").some((t) => words.includes(t))) return true;
  }
  return false;
}

const AMBIENT_DRAWS = globalRngs.filter((r) => r.ambient).flatMap((r) => r.consumers);

/** "random" / "not random" / "unknown" for a call whose randomness depends on an argument (KFold's shuffle). */
function randomness(call: CallExpr, entry: SeededCall): "random" | "fixed" | "unknown" {
  if (!entry.when) return "random";
  const arg = argument(call, { keyword: entry.when.keyword, index: entry.when.index });
  if (!arg) return entry.when.default ? "random" : "fixed";
  if (isTrue(arg.value)) return "random";
  if (isFalse(arg.value) || isNone(arg.value)) return "fixed";
  return "unknown";
}

export default createRule<Options, MessageIds>({
  name: "require-seed",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Require every source of randomness to be seeded",
      recommended: true,
      strictOptions: { requireExplicitRandomState: true },
    },
    messages: {
      globalUnseeded:
        "{{call}} draws from {{library}}'s global random generator, which this file never seeds, so results change on every run; call {{seedHint}} once before it.",
      callUnseeded: "{{call}} {{how}}, so its result changes on every run; pass {{param}}=SEED (a fixed number or your --seed argument).",
      callReliesOnGlobal:
        "{{call}} has no {{param}} and relies on numpy's global seed, so its result depends on every random call made before it; pass {{param}}=SEED.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          requireExplicitRandomState: {
            type: "boolean",
            description: "Report scikit-learn calls left at random_state=None even when np.random.seed() seeds numpy's global generator.",
          },
        },
      },
    ],
    defaultOptions: [{ requireExplicitRandomState: false }],
  },
  defaultOptions: [{ requireExplicitRandomState: false }],
  create(context, [options]) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...KNOWN_ROOTS) && !model.callsTo(AMBIENT_DRAWS).length) return;
      const seeded = seededRngs(model);
      // Without an ML library, a built-in generator (Math.random) matters only where data is handled.
      const mlFile = model.imports(...KNOWN_ROOTS);
      const script = runsAsProgram(model);
      const reported = new Set<GlobalRng["id"]>();
      for (const site of model.facts.calls) {
        const q = model.callee(site);
        if (q === null) continue;
        const call = site.call;
        const name = snippet(text(call.callee.range));

        // A library module's functions run when a program calls them, and that program is where the seed belongs.
        const drawsHere = script || site.scope === 0;
        for (const rng of globalRngs) {
          const relevant = (mlFile || !rng.ambient) && drawsHere;
          if (!(relevant || inDataHandling(model, site.scope, rng.dataHandling)) || seeded.has(rng.id) || reported.has(rng.id) || !consumerMatchers.get(rng.id)!(q)) continue;
          if (!draws(call, rng.consumersWhen?.[q])) continue;
          reported.add(rng.id);
          context.report({ loc: loc(call.range), messageId: "globalUnseeded", data: { call: `${name}()`, library: rng.library, seedHint: rng.seedHint } });
        }

        const entry = seededCallByName.get(q);
        if (!entry || hasSpread(call) || randomness(call, entry) !== "random") continue;
        const given = entry.seed.map((ref) => argument(call, ref)).find((a) => a !== null);
        if (given && !isNone(given.value)) continue;
        const covered = entry.coveredBy !== undefined && seeded.has(entry.coveredBy);
        if (covered && !options.requireExplicitRandomState) continue;
        if (covered && !given) {
          context.report({ loc: loc(call.range), messageId: "callReliesOnGlobal", data: { call: `${name}()`, param: entry.param } });
          continue;
        }
        const how = given ? `sets ${entry.param}=None` : `has no ${entry.param}`;
        context.report({ loc: loc(call.range), messageId: "callUnseeded", data: { call: `${name}()`, how, param: entry.param } });
      }
    });
  },
});
