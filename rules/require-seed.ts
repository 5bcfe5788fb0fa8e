import { nameTokens } from "../catalogue/data.js";
import { globalRngs, seededCalls, STATE_RESTORING_METHODS, type GlobalRng, type SeededCall } from "../catalogue/randomness.js";
import type { RuleFixer } from "@typescript-eslint/utils/ts-eslint";
import type { Arg, CallExpr, CallSite } from "../semantic/ir.js";
import { argument, hasSpread, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { drawsAt, drawsKind, isFalse, isNone, isTrue, KNOWN_ROOTS, matcher, seedAt, seededOnlyAfter, seededRngs, type Draw } from "../semantic/seeding.js";
import { addArgument, addModuleConstant, replace, type Edit } from "./util/edits.js";
import { onProgram, snippet } from "./util/program.js";
import { callSites, enclosingScopes, methodCallsOn } from "../semantic/queries.js";

type MessageIds =
  | "globalUnseeded"
  | "globalUnseededInside"
  | "drawnBeforeSeed"
  | "callUnseeded"
  | "callReliesOnGlobal"
  | "callUsesDefaultSeed"
  | "passSeed"
  | "passNewSeed";
type Options = [{ requireExplicitRandomState?: boolean }];

const seededCallMatcher = matcher(seededCalls.map((c) => c.qname));
const seededCallByName = new Map(seededCalls.map((c) => [c.qname, c]));
const RNG_LIBRARY = new Map(globalRngs.map((rng) => [rng.id, rng.library]));
const RNGS = new Map(globalRngs.map((rng) => [rng.id, rng]));

/** The call sits in a function whose name (or an enclosing one's) says it handles data: `shuffle`, `trainTestSplit`. */
function inDataHandling(model: SemanticModel, scope: number, words: string[] | undefined): boolean {
  if (!words) return false;
  // The module's own name (scope 0) says nothing.
  return enclosingScopes(model, scope).some((s) => s.id !== 0 && nameTokens(s.name).some((t) => words.includes(t)));
}

const AMBIENT_DRAWS = globalRngs.filter((r) => r.ambient).flatMap((r) => r.consumers);

/** Generators whose weight-initialising draws are overwritten: the file loads saved weights (`model.load_state_dict(...)`). */
function weightsLoaded(model: SemanticModel): Set<GlobalRng["id"]> {
  const out = new Set<GlobalRng["id"]>();
  for (const { call } of callSites(model)) {
    if (call.callee.kind !== "member") continue;
    for (const rng of globalRngs) if (rng.weightInit?.loadedBy.includes(call.callee.property)) out.add(rng.id);
  }
  return out;
}

const restoring = (method: string) => {
  const words = nameTokens(method);
  const { words: any, prefixes } = STATE_RESTORING_METHODS;
  return words.some((w) => any.includes(w)) || prefixes.some((p) => p.every((w, i) => words[i] === w));
};

/**
 * The object a call builds (`model = NeuralNetwork(args)`) has its state replaced before anything else is asked of it
 * (`model.set_weights(w)` first): its initial weights are never used. One trained first (`model.train(...)`) uses them.
 */
function restoresState(model: SemanticModel, site: CallSite): boolean {
  const holder = model.holder(site.call);
  const first = holder ? methodCallsOn(model, holder).find((m) => m.site.call.range[0] >= site.call.range[1]) : undefined;
  return first !== undefined && restoring(first.method);
}

/** Some call of the file reaches a function or class of another module of the project that draws (`from utils import *` only). */
function drawsThroughProject(model: SemanticModel): boolean {
  return callSites(model).some((site) => {
    const fn = model.calledFunction(site);
    return !!fn && "external" in fn && fn.external.kinds[drawsKind.id] !== undefined;
  });
}

/** How a message names a call: `np.random.rand(...)`, or `default_rng()` when it has no arguments. */
const shown = (name: string, call: CallExpr) => `${name}(${call.args.length ? "..." : ""})`;

/** The parameter takes the seed itself (`random_state`, `seed`), not an object built from one (optuna's `sampler`, hyperopt's `rstate`). */
const takesSeed = (entry: SeededCall) => entry.param === "entropy" || nameTokens(entry.param).some((t) => t === "seed" || t === "state");

/**
 * The suggestions for a call without its own seed: pass the seed the file
 * already has, else pass `SEED` and declare it after the imports.
 */
function seedSuggestions(model: SemanticModel, site: CallSite, entry: SeededCall, given: Arg | null, fileText: string) {
  if (!takesSeed(entry)) return [];
  const ref = entry.seed[0]!;
  const place = (value: string): Edit | null => (given ? replace(given.value.range, value) : addArgument(site.call, ref, value, model.optionObjects));
  const existing = seedAt(model, site);
  if (existing !== null) {
    const edit = place(existing);
    return edit ? [{ messageId: "passSeed" as const, data: { seed: existing, param: entry.param }, edits: [edit] }] : [];
  }
  const edit = place("SEED");
  const declare = model.binding("SEED", 0, fileText.length) ? null : addModuleConstant(model, fileText, site.call.range[0], "SEED", "42");
  return edit && declare ? [{ messageId: "passNewSeed" as const, data: { param: entry.param }, edits: [declare, edit] }] : [];
}

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
        "{{call}} draws from {{library}}'s global random generator, which this file never seeds, so it gives different numbers on every run; call {{seedHint}} once at the start{{alternative}}.",
      globalUnseededInside:
        "{{call}} runs {{inside}}, which draws from {{library}}'s global random generator, and this file never seeds it, so {{call}} gives different numbers on every run; call {{seedHint}} once at the start, before it.",
      drawnBeforeSeed:
        "{{call}} draws from {{library}}'s global random generator before {{seed}} on line {{line}} seeds it, so this draw gives different numbers on every run; seed before the first draw.",
      callUnseeded: "{{call}} {{how}}, so its result changes on every run; pass {{fix}}.",
      callReliesOnGlobal:
        "{{call}} {{how}} and draws from {{library}}'s global generator, so its result depends on every random call made before it; pass {{fix}}.",
      callUsesDefaultSeed:
        "{{call}} {{how}}, so it always uses {{library}}'s fixed default seed and ignores the seed this experiment is run with; pass {{fix}}.",
      passSeed: "Pass {{seed}} as its {{param}}.",
      passNewSeed: "Pass SEED as its {{param}}, and add SEED = 42 after the imports.",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          requireExplicitRandomState: {
            type: "boolean",
            description:
              "Also report calls without their own seed that are repeatable only by accident: scikit-learn calls left at random_state=None in a file that calls np.random.seed(), and XGBoost, LightGBM and CatBoost models on their fixed default seed.",
          },
        },
      },
    ],
    defaultOptions: [{ requireExplicitRandomState: false }],
  },
  defaultOptions: [{ requireExplicitRandomState: false }],
  create(context, [options]) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...KNOWN_ROOTS) && !model.callsTo(AMBIENT_DRAWS).length && !drawsThroughProject(model)) return;
      const seeded = seededRngs(model);
      // Without an ML library, a built-in generator (Math.random) matters only where data is handled.
      const mlFile = model.imports(...KNOWN_ROOTS);
      // A JavaScript module has no `__main__` idiom: its exported training function is where the draws run.
      const script = model.runsAsProgram() || model.language === "javascript";
      const loaded = weightsLoaded(model);
      const reported = new Set<GlobalRng["id"]>();
      for (const site of callSites(model)) {
        // null for a name from a star import (`from utils import *`), which may still be a function of the project.
        const q = model.callee(site);
        const call = site.call;
        const name = snippet(text(call.callee.range));

        // A library module's functions run when a program calls them, and that program is where the seed belongs.
        const drawsHere = script || site.scope === 0;
        const drawn = (rng: GlobalRng, init: boolean, inside?: Draw) => {
          const relevant = (mlFile || !rng.ambient) && drawsHere;
          if (!(relevant || (!inside && inDataHandling(model, site.scope, rng.dataHandling))) || reported.has(rng.id)) return;
          if (loaded.has(rng.id) && init) return;
          const { library } = rng;
          const callText = shown(name, call);
          if (seeded.has(rng.id)) {
            // Seeded, but only further down the same function: this draw still differs on every run.
            const later = seededOnlyAfter(model, site, rng.id);
            if (!later) return;
            reported.add(rng.id);
            const seed = `${snippet(text(later.site.call.callee.range))}()`;
            context.report({
              loc: loc(call.range),
              messageId: "drawnBeforeSeed",
              data: { call: callText, library, seed, line: String(loc(later.site.call.range).start.line) },
            });
            return;
          }
          reported.add(rng.id);
          if (inside) {
            context.report({
              loc: loc(call.range),
              messageId: "globalUnseededInside",
              data: { call: callText, library, inside: inside.call, seedHint: rng.seedHint },
            });
            return;
          }
          const alternative = rng.alternative ? `, or draw from ${rng.alternative}` : "";
          context.report({ loc: loc(call.range), messageId: "globalUnseeded", data: { call: callText, library, seedHint: rng.seedHint, alternative } });
        };
        for (const { rng, init } of drawsAt(site, q)) drawn(rng, init);
        // A function or class of another module of the project (`Net(128)`): what it draws, it draws in the program that runs it.
        const fn = drawsHere ? model.calledFunction(site) : null;
        // A method that restores saved state (`model.set_weights(w)`) may rebuild the object on the way: what it draws is replaced.
        if (fn && "external" in fn && !(call.callee.kind === "member" && restoring(call.callee.property))) {
          const restored = restoresState(model, site);
          for (const [id, d] of Object.entries((fn.external.kinds[drawsKind.id] ?? {}) as Record<string, Draw>)) {
            if (!(d.init && restored)) drawn(RNGS.get(id as GlobalRng["id"])!, d.init, d);
          }
        }

        if (q === null) continue;
        const pattern = seededCallMatcher(q);
        const entry = pattern === null ? undefined : seededCallByName.get(pattern);
        if (!entry || hasSpread(call) || randomness(call, entry) !== "random" || (entry.keptOnly && !model.isKept(site))) continue;
        const given = entry.seed.map((ref) => argument(call, ref)).find((a) => a !== null);
        if (given && !isNone(given.value)) continue;
        const callText = shown(name, call);
        // JavaScript has no keyword arguments: say what was passed (`seed: undefined`) rather than `seed=None`.
        const unset = model.optionObjects && given ? `passes ${text(given.value.range)} as its ${entry.param}` : `sets ${entry.param}=None`;
        const how = given ? unset : `has no ${entry.param}`;
        const fix = entry.fix ?? `${entry.param}=SEED`;
        // Repeatable without a seed of its own: reported only when asked for explicit seeds.
        const covered = entry.coveredBy !== undefined && seeded.has(entry.coveredBy);
        // Weight initialisers: one report per file, for the global generator they fall back on, as one seed fixes them all.
        if (entry.perFile && !given && entry.coveredBy && !covered && !options.requireExplicitRandomState) {
          const rng = globalRngs.find((r) => r.id === entry.coveredBy)!;
          if (reported.has(rng.id) || !drawsHere) continue;
          reported.add(rng.id);
          const alternative = rng.alternative ? `, or draw from ${rng.alternative}` : "";
          context.report({
            loc: loc(call.range),
            messageId: "globalUnseeded",
            data: { call: callText, library: rng.library, seedHint: rng.seedHint, alternative },
          });
          continue;
        }
        if ((covered || entry.fixedDefault) && !options.requireExplicitRandomState) continue;
        const suggest = seedSuggestions(model, site, entry, given ?? null, context.sourceCode.text).map(({ edits, ...s }) => ({
          ...s,
          fix: (fixer: RuleFixer) => edits.map((e) => fixer.replaceTextRange(e.range, e.text)),
        }));
        if (covered)
          context.report({
            loc: loc(call.range),
            messageId: "callReliesOnGlobal",
            data: { call: callText, how, fix, library: RNG_LIBRARY.get(entry.coveredBy!)! },
            suggest,
          });
        else if (entry.fixedDefault)
          context.report({ loc: loc(call.range), messageId: "callUsesDefaultSeed", data: { call: callText, how, fix, library: entry.fixedDefault }, suggest });
        else context.report({ loc: loc(call.range), messageId: "callUnseeded", data: { call: callText, how, fix }, suggest });
      }
    });
  },
});
