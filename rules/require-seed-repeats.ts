import { DEFAULT_MIN_SEEDS, SEED_LOOP_NAME, sweepCalls, TRAIN_METHODS, trainingCalls } from "../catalogue/provenance.js";
import { runApis } from "../catalogue/tracking.js";
import { nameTokens } from "../catalogue/data.js";
import type { CallSite, Expr } from "../semantic/ir.js";
import { argument, contains, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { mappingEntries } from "./util/mappings.js";
import { onProgram, snippet } from "./util/program.js";
import { bindings, callSites, loops } from "../semantic/queries.js";

type MessageIds = "fewSeeds" | "fixedSweepSeed";
type Options = [{ minSeeds?: number }];

const STARTS = new Set(runApis.map((a) => a.start));

/** A name for a seed, in Python's or JavaScript's casing (`seeds`, `random_state`, `runSeed`). */
const namesSeed = (name: string) => SEED_LOOP_NAME.test(name) || nameTokens(name).some((t) => t === "seed" || t === "seeds");

/** How many values a seed list holds when it can be told: a display, or `range(n)` / `range(a, b)` with literal bounds. */
function seedCount(model: SemanticModel, e: Expr, scope: number): number | null {
  const d = model.definition(e, scope);
  if (d.kind === "collection") return d.items.length;
  if (d.kind !== "call" || d.callee.kind !== "name" || d.callee.name !== "range" || model.binding("range", scope, d.range[0])) return null;
  const nums = d.args.map((a) => (a.value.kind === "literal" && typeof a.value.value === "number" ? a.value.value : null));
  if (nums.some((n) => n === null) || !nums.length || nums.length > 2) return null;
  return nums.length === 1 ? nums[0]! : nums[1]! - nums[0]!;
}

/** The call trains a model or starts a tracked run: what a comparison repeats. */
function trainsOrRuns(model: SemanticModel, site: CallSite): boolean {
  const q = model.callee(site);
  if (q !== null && (STARTS.has(q) || trainingCalls.includes(q))) return true;
  const c = site.call.callee;
  return c.kind === "member" && TRAIN_METHODS.has(c.property) && site.call.args.length > 0;
}

export default createRule<Options, MessageIds>({
  name: "require-seed-repeats",
  meta: {
    type: "suggestion",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Require model comparisons to be repeated over enough seeds",
      recommended: false,
    },
    messages: {
      fewSeeds:
        "This comparison is repeated over {{count}} seed(s) ({{seeds}}), fewer than {{min}}, so one lucky seed can decide which model or setting wins; repeat it over at least {{min}} seeds and report the mean and spread.",
      fixedSweepSeed:
        "The sweep fixes {{key}} to {{seeds}}, so every configuration is compared on the same single draw and one lucky seed can decide the winner; sweep over at least {{min}} seeds or repeat the best configurations over them.",
    },
    schema: [
      {
        type: "object",
        properties: { minSeeds: { type: "integer", minimum: 2, description: "The least number of seeds a comparison is repeated over." } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minSeeds: DEFAULT_MIN_SEEDS }],
  },
  defaultOptions: [{ minSeeds: DEFAULT_MIN_SEEDS }],
  create(context) {
    const min = context.options[0]?.minSeeds ?? DEFAULT_MIN_SEEDS;
    return onProgram(context, ({ model, loc, text }) => {
      const loopBlocks = loops(model);
      // Loops whose body trains or starts a run: several models or settings are compared.
      const comparing = loopBlocks.filter((l) => callSites(model).some((s) => contains(l.body, s.call.range) && trainsOrRuns(model, s)));
      if (comparing.length) {
        for (const b of bindings(model)) {
          if (b.kind !== "loop" || !b.value || !namesSeed(b.name)) continue;
          const own = loopBlocks.find((l) => contains(l.range, b.range) && !contains(l.body, b.range));
          // The seed loop repeats a comparison: it trains in its body, or holds or sits in a loop that does.
          if (!own) continue;
          if (!comparing.includes(own) && !comparing.some((l) => contains(l.body, own.range) || contains(own.body, l.range))) continue;
          const count = seedCount(model, b.value, b.scope);
          if (count === null || count >= min || count < 1) continue;
          context.report({
            loc: loc(b.value.range),
            messageId: "fewSeeds",
            data: { count: String(count), seeds: snippet(text(b.value.range), 30), min: String(min) },
          });
        }
      }
      for (const sweep of sweepCalls) {
        for (const { site } of model.callsTo([sweep.qname])) {
          const cfg = argument(site.call, sweep.config)?.value;
          if (!cfg) continue;
          const params = mappingEntries(model, model.definition(cfg, site.scope), site.scope).find((e) => e.key === "parameters");
          if (!params) continue;
          for (const p of mappingEntries(model, model.definition(params.value, site.scope), site.scope)) {
            if (!namesSeed(p.key)) continue;
            const spec = mappingEntries(model, model.definition(p.value, site.scope), site.scope);
            const fixed = spec.find((s) => s.key === "value");
            const values = spec.find((s) => s.key === "values");
            const n = values ? seedCount(model, values.value, site.scope) : fixed ? 1 : null;
            if (n === null || n >= min) continue;
            const at = (values ?? fixed)!.value;
            context.report({ loc: loc(at.range), messageId: "fixedSweepSeed", data: { key: p.key, seeds: snippet(text(at.range), 30), min: String(min) } });
          }
        }
      }
    });
  },
});
