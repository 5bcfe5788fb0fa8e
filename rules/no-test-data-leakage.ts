import { crossValidators, FIT_METHODS, splitters } from "../catalogue/data.js";
import {
  APPLY_METHODS,
  BEST_ITERATION_BY_DEFAULT,
  BOOSTER_TRAINERS,
  EARLY_STOPPING_CALLBACKS,
  EARLY_STOPPING_KEYWORDS,
  LEAKAGE_PACKAGES,
  LEARNED_TRANSFORMERS,
  MONITOR_ARGUMENTS,
  OBJECTIVE_RUNNERS,
  OVERSAMPLERS,
  SCORING_METHODS,
  SCORING_MODULES,
  SEARCHES,
  TRANSFORMER_FIT_METHODS,
  TUNERS,
} from "../catalogue/leakage.js";
import type { Binding, CallExpr, CallSite, Expr, MemberExpr, Range } from "../semantic/ir.js";
import { argument, contains, inPackage, type SemanticModel } from "../semantic/model.js";
import { describeEvidence, listNames, provenance, slicePart, splitPart, splitRole, splitSources } from "../semantic/provenance.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds = "fitBeforeSplit" | "resampleBeforeSplit" | "fitOnTest" | "searchOnTest" | "tuneOnTest" | "selectOnTest" | "earlyStopOnTest";
type Options = [];

// Builtins that pick or order candidates by a key.
const RANKING_BUILTINS = new Set(["max", "min", "sorted"]);

interface Split {
  /** Where it divides: the call, or the later of two slices. */
  range: Range;
  scope: number;
  /** Short name for messages: `train_test_split`, `KFold.split`, `cross_val_score`. */
  name: string;
  /** The data it divides. */
  data: Expr[];
  /** Bindings holding its parts (none for cross-validation helpers). */
  parts: Binding[];
  /** What the held-out side is, in words. */
  heldOut: string;
}

const base = (qname: string): string => qname.replace(/\(\)$/u, "");
const short = (qname: string): string => qname.replace(/\(\)/gu, "").split(".").slice(-1)[0]!;
const at = (e: { range: Range }) => e.range[0];
const NOWHERE = { range: [-1, -1] as Range };
const sameRange = (a: { range: Range }, b: { range: Range }) => a.range[0] === b.range[0] && a.range[1] === b.range[1];

/** The name a data expression is rooted in: `df` for `df[cols]`, `X` for `X.values`. */
function rootName(e: Expr): Expr & { kind: "name" } | null {
  let x = e;
  while (x.kind === "member" || x.kind === "index") x = x.object;
  return x.kind === "name" ? x : null;
}

/** Every call in the program that divides data into a training and a held-out side, in source order. */
function splitsOf(model: SemanticModel): Split[] {
  const out: Split[] = [];
  const splitterNames = new Set(splitters.map((s) => s.qname));
  for (const site of model.facts.calls) {
    const q = model.callee(site);
    if (q === null) continue;
    const { call, scope } = site;
    if (splitterNames.has(q)) {
      const parts = model.facts.bindings.filter((b) => (b.kind === "unpack" || b.kind === "loop") && sameRange(splitPart(model, b)?.call ?? NOWHERE, call));
      const roles = new Set(parts.map((b) => splitRole(model, b)!.role));
      const heldOut = roles.has("test") ? "test" : roles.has("val") ? "validation" : "held-out";
      const name = q.endsWith(".split") ? `${short(q.slice(0, -".split".length))}.split` : short(q);
      out.push({ range: call.range, scope, name, data: call.args.filter((a) => a.name === null && a.spread === "").map((a) => a.value), parts, heldOut });
    } else if (crossValidators.includes(q)) {
      const x = argument(call, { index: 1, keyword: "X" });
      if (x) out.push({ range: call.range, scope, name: short(q), data: [x.value], parts: [], heldOut: "validation-fold" });
    } else if (call.callee.kind === "member" && FIT_METHODS.has(call.callee.property)) {
      const receiver = model.resolve(call.callee.object, scope);
      const x = argument(call, { index: 0, keyword: "X" });
      if (receiver && SEARCHES.includes(base(receiver)) && x) out.push({ range: call.range, scope, name: `${short(receiver)}.fit`, data: [x.value], parts: [], heldOut: "validation-fold" });
    }
  }
  // Head and tail slices of one table: `train = df.iloc[:cut]`, `test = df.iloc[cut:]`.
  for (const b of model.facts.bindings) {
    const cut = slicePart(model, b);
    if (!cut || cut.role !== "train") continue;
    const held = splitRole(model, cut.other);
    const end = Math.max(b.pos, cut.other.pos);
    out.push({ range: [end, end], scope: b.scope, name: cut.via, data: [cut.base], parts: [b, cut.other], heldOut: held?.role === "val" ? "validation" : "test" });
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/** The test split a value comes from, with the words saying how that is known; null unless it is the test split alone. */
function testEvidence(model: SemanticModel, expr: Expr, scope: number): string | null {
  const prov = provenance(model, expr, scope);
  if (prov.role !== "test") return null;
  if (prov.evidence.some((e) => e.kind === "split")) return describeEvidence(prov.evidence, "test");
  // A name says test: let data flow confirm it, or contradict it, before going by the name.
  const traced = splitSources(model, expr, scope);
  const tests = traced.filter((t) => t.role === "test");
  if (tests.length) {
    const via = [...new Set(tests.map((t) => t.via))].join(" and ");
    const names = listNames([...new Set(tests.map((t) => t.binding.name))]);
    const shown = listNames([...new Set(prov.evidence.map((e) => e.text))]);
    // `F_test = scaler.transform(F_test)`: the name now holds what the split's F_test became.
    return `${shown === names ? names : `${shown}, computed from ${names}`}, the test split from ${via}`;
  }
  if (traced.length) return null;
  return `going by ${describeEvidence(prov.evidence, "test")}: no split call was traced to it`;
}

/** Calls in `range` that score on the test split: scikit-learn metrics, or a model's `score`/`predict`/`evaluate`. */
function testScores(model: SemanticModel, range: Range): { site: CallSite; arg: { range: Range }; evidence: string }[] {
  const out: { site: CallSite; arg: { range: Range }; evidence: string }[] = [];
  for (const site of model.facts.calls) {
    if (!contains(range, site.call.range)) continue;
    const q = model.callee(site);
    const callee = site.call.callee;
    const scoring = (q !== null && SCORING_MODULES.some((m) => inPackage(q, m))) || (callee.kind === "member" && SCORING_METHODS.has(callee.property));
    if (!scoring) continue;
    for (const a of site.call.args) {
      const evidence = testEvidence(model, a.value, site.scope);
      if (evidence) {
        out.push({ site, arg: a, evidence });
        break;
      }
    }
  }
  return out;
}

/**
 * Calls that apply what `fit` learned: the fit itself (`fit_transform`), and
 * later `transform` calls on the same object before it is fitted again.
 */
function usesOf(model: SemanticModel, fit: CallSite): (c: CallExpr) => boolean {
  const callee = fit.call.callee as MemberExpr;
  const obj = callee.object;
  // `scaler.fit(X)`, or `pca = PCA().fit(X)`: the name that holds the fitted object.
  const owner =
    obj.kind === "name"
      ? model.binding(obj.name, fit.scope, at(obj))
      : (model.facts.bindings.find((b) => b.kind === "assign" && b.scope === fit.scope && b.range[0] < at(fit.call) && b.pos >= fit.call.range[1] && sameRange(b.value ?? NOWHERE, fit.call)) ?? null);
  // `fit` returns the estimator, not data; `fit_transform` and `fit_resample` return the fitted rows.
  const returnsData = callee.property !== "fit";
  const onOwner = (c: CallExpr) =>
    owner !== null && c.callee.kind === "member" && c.callee.object.kind === "name" && model.binding(c.callee.object.name, model.facts.scopeAt(at(c)), at(c)) === owner;
  const refits = model.facts.calls
    .map((site) => site.call)
    .filter((c) => at(c) > at(fit.call) && c.callee.kind === "member" && TRANSFORMER_FIT_METHODS.has(c.callee.property) && onOwner(c))
    .map(at);
  // Binding values and call sites are separate objects for the same call: compare where they are.
  return (c) =>
    (returnsData && sameRange(c, fit.call)) ||
    (c.callee.kind === "member" && APPLY_METHODS.has(c.callee.property) && at(c) > at(fit.call) && onOwner(c) && !refits.some((r) => r < at(c)));
}

/**
 * The first later split whose data was fitted on: it divides the fit's output
 * (or data the fit's output was written back into), or it divides the fitted
 * data and the fitted object then transforms its parts.
 */
function leakedSplit(model: SemanticModel, fit: CallSite, data: Expr, splits: Split[]): Split | null {
  const root = rootName(data);
  const fitted = root ? model.binding(root.name, fit.scope, at(root)) : null;
  // `df[cols] = scaler.fit_transform(df[cols])`: the output is written back into df.
  const writtenInto = model.facts.targetAssigns.filter((ta) => contains(ta.range, fit.call.range) && contains(ta.value.range, fit.call.range)).map((ta) => {
    const r = rootName(ta.target);
    return r ? model.binding(r.name, ta.scope, ta.range[0]) : null;
  });
  const uses = usesOf(model, fit);
  // A `transform` passes the fitted rows on only when it is given them: `pca.fit(X_unlabelled)` then `pca.transform(X)` leaks nothing.
  const ofFitted = (c: CallExpr) => {
    const x = c.args[0];
    if (sameRange(c, fit.call) || !x) return !!x;
    if (fitted) return model.flow(x.value, model.facts.scopeAt(at(c))).bindings.has(fitted);
    const r = rootName(x.value);
    return r !== null && root !== null && r.name === root.name && !model.binding(r.name, model.facts.scopeAt(at(c)), at(r));
  };
  for (const split of splits) {
    // Later, or around it: `cross_val_score(model, scaler.fit_transform(X), y)`.
    if (split.range[1] <= fit.call.range[1]) continue;
    const flows = split.data.map((d) => model.flow(d, split.scope));
    if (flows.some((f) => f.calls.some((c) => uses(c) && ofFitted(c)))) return split;
    if (flows.some((f) => writtenInto.some((b) => b && f.bindings.has(b)))) return split;
    if (!fitted || !split.parts.length || !flows.some((f) => f.bindings.has(fitted))) continue;
    const parts = new Set(split.parts);
    const later = model.facts.calls.filter((c) => at(c.call) >= split.range[1]).map((c) => c.call);
    const applied = later.filter((c) => uses(c) && c.args.some((a) => [...model.flow(a.value, model.facts.scopeAt(at(c))).bindings].some((b) => parts.has(b))));
    if (applied.length) return split;
  }
  return null;
}

/** Early stopping on a fit or train call, in words; null when it does not stop early or keep a best iteration. */
function earlyStopping(model: SemanticModel, site: CallSite): string | null {
  const { call, scope } = site;
  const on = (c: CallExpr, where: string): string | null => {
    for (const a of model.namedArguments(c)) {
      if (EARLY_STOPPING_KEYWORDS.includes(a.name) && !(a.value.kind === "literal" && (a.value.value === null || a.value.value === false))) return `${a.name}${where}`;
    }
    return null;
  };
  const callback = (c: CallExpr): string | null => {
    const list = argument(c, { keyword: "callbacks" });
    for (const made of list ? model.flow(list.value, scope).calls : []) {
      const q = model.resolve(made.callee, model.facts.scopeAt(at(made)));
      const cb = q === null ? undefined : EARLY_STOPPING_CALLBACKS.find((e) => e.qname === q);
      const flag = cb?.when ? argument(made, { keyword: cb.when })?.value : undefined;
      if (cb && (!cb.when || (flag?.kind === "literal" && flag.value === true))) return `${short(q!)}${cb.when ? ` with ${cb.when}=True` : ""} callback`;
    }
    return null;
  };
  const direct = on(call, "") ?? callback(call);
  if (direct) return direct;
  // Booster params (`xgb.train(params, ...)`) or the estimator's constructor (`XGBClassifier(early_stopping_rounds=50)`).
  const holders: Expr[] = [];
  const q = model.callee(site);
  const trainer = q === null ? undefined : BOOSTER_TRAINERS.find((t) => t.qname === q);
  const params = trainer ? argument(call, trainer.params) : null;
  if (params) holders.push(model.definition(params.value, scope));
  else if (call.callee.kind === "member") holders.push(model.definition(call.callee.object, scope));
  for (const h of holders) {
    if (h.kind === "dict") {
      const key = h.entries.find((en) => en.key?.kind === "literal" && EARLY_STOPPING_KEYWORDS.includes(String(en.key.value)));
      if (key) return `${String((key.key as { value: unknown }).value)} in the parameters`;
    }
    if (h.kind === "call") {
      const ctor = model.resolve(h.callee, scope);
      // `Trainer(callbacks=[EarlyStopping(...)])` then `trainer.fit(..., val_dataloaders=...)`.
      const found = on(h, ctor ? ` on ${short(ctor)}` : "") ?? callback(h);
      if (found) return found;
      const best = ctor ? BEST_ITERATION_BY_DEFAULT.find((b) => b.qname === ctor) : undefined;
      const off = (c: CallExpr) => argument(c, { keyword: best!.off })?.value;
      const disabled = (c: CallExpr) => off(c)?.kind === "literal" && (off(c) as { value: unknown }).value === false;
      if (best && !disabled(h) && !disabled(call)) return `${short(ctor!)}'s ${best.off}, on by default`;
    }
  }
  return null;
}

interface Finding {
  /** The call the finding is about; one finding per call. */
  call: CallExpr;
  range: Range;
  messageId: MessageIds;
  data: Record<string, string>;
}

/** `RandomForestClassifier(...).fit` rather than the whole constructor call. */
function calleeText(model: SemanticModel, call: CallExpr): string {
  const c = call.callee as MemberExpr;
  return c.object.kind === "call" ? `${snippet(model.sourceText(c.object.callee.range), 40)}(...).${c.property}` : snippet(model.sourceText(c.range), 40);
}

/** A model, transformer or search fitted on the test split. */
function fitOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  if (call.callee.kind !== "member" || !(FIT_METHODS.has(call.callee.property) || TRANSFORMER_FIT_METHODS.has(call.callee.property))) return null;
  const x = argument(call, { index: 0, keyword: "X" }) ?? argument(call, { keyword: "x" });
  const evidence = x ? testEvidence(model, x.value, scope) : null;
  if (!x || !evidence) return null;
  const receiver = model.resolve(call.callee.object, scope);
  const search = receiver !== null && SEARCHES.includes(base(receiver));
  // A model scored on these test rows first and fitted on them after their last score (a final refit,
  // streaming updates): the score stands.
  const scores = testScores(model, [0, model.text.length]);
  // A later score counts unless it reads a different binding of the name (`X_test` re-drawn from a stream).
  const bindingOf = (e: Expr, sc: number) => (e.kind === "name" ? model.binding(e.name, sc, e.range[0]) : null);
  const fitted = bindingOf(x.value, scope);
  const sameData = (h: (typeof scores)[number]) => {
    const scored = h.site.call.args.find((a) => a.range[0] === h.arg.range[0])?.value;
    const b = scored ? bindingOf(scored, h.site.scope) : null;
    return !fitted || !b || b === fitted;
  };
  const same = scores.filter(sameData);
  const before = (h: (typeof scores)[number]) => h.site.call.range[1] <= call.range[0];
  if (!search && FIT_METHODS.has(call.callee.property) && same.some(before) && same.every(before)) return null;
  return { call, range: x.range, messageId: search ? "searchOnTest" : "fitOnTest", data: { call: calleeText(model, call), evidence } };
}

/** A learned transformer or an oversampler fitted on data that is split afterwards. */
function fitBeforeSplit(model: SemanticModel, site: CallSite, splits: () => Split[]): Finding | null {
  const { call, scope } = site;
  if (call.callee.kind !== "member" || !TRANSFORMER_FIT_METHODS.has(call.callee.property)) return null;
  const receiver = model.resolve(call.callee.object, scope);
  const kind = receiver === null ? null : LEARNED_TRANSFORMERS.includes(base(receiver)) ? "transformer" : OVERSAMPLERS.includes(base(receiver)) ? "sampler" : null;
  const x = argument(call, { index: 0, keyword: "X" });
  // Data that already is a split part (or mixes parts) was divided before the fit.
  if (!kind || !x || provenance(model, x.value, scope).roles.size > 0) return null;
  const split = leakedSplit(model, site, x.value, splits());
  if (!split) return null;
  return {
    call,
    range: call.range,
    messageId: kind === "sampler" ? "resampleBeforeSplit" : "fitBeforeSplit",
    data: { transformer: short(receiver!), data: snippet(model.sourceText(x.value.range), 40), method: call.callee.property, split: split.name, heldOut: split.heldOut },
  };
}

/** Early stopping, or keeping the best iteration, on the test split. */
function earlyStopOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  // Only fits and booster trainers take monitored sets; reading every call's arguments would convert them all.
  const q = call.callee.kind === "member" && FIT_METHODS.has(call.callee.property) ? "fit" : model.callee(site);
  if (q !== "fit" && !BOOSTER_TRAINERS.some((t) => t.qname === q)) return null;
  const monitor = call.args.find((a) => a.name !== null && MONITOR_ARGUMENTS.includes(a.name));
  if (!monitor) return null;
  const value = model.definition(monitor.value, scope);
  // `validation_data=(x, y)` is one set; `eval_set=[(x, y), ...]` and `valid_sets=[d, ...]` are lists of sets.
  const sets = value.kind === "collection" && monitor.name !== "validation_data" ? value.items : [monitor.value];
  for (const set of sets) {
    const evidence = testEvidence(model, set, scope);
    const stopper = evidence ? earlyStopping(model, site) : null;
    if (evidence && stopper) return { call, range: set.range, messageId: "earlyStopOnTest", data: { call: calleeText(model, call), evidence: `${evidence}, passed as ${monitor.name}`, stopper } };
  }
  return null;
}

/** A Keras tuner whose `search` scores every trial on the test split. */
function tunerOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  if (call.callee.kind !== "member" || call.callee.property !== "search") return null;
  const receiver = model.resolve(call.callee.object, scope);
  const data = receiver !== null && TUNERS.includes(base(receiver)) ? argument(call, { keyword: "validation_data" }) : null;
  const evidence = data ? testEvidence(model, data.value, scope) : null;
  if (!data || !evidence) return null;
  return { call, range: data.range, messageId: "searchOnTest", data: { call: calleeText(model, call), evidence: `${evidence}, passed as validation_data` } };
}

/** Objectives that an optimiser maximises, scored on the test split. */
function* tuneOnTest(model: SemanticModel): Generator<Finding> {
  for (const { site, qname } of model.callsTo(OBJECTIVE_RUNNERS.map((r) => r.qname))) {
    const runner = OBJECTIVE_RUNNERS.find((r) => r.qname === qname)!;
    const fn = argument(site.call, runner.objective);
    const runnerName = short(qname).replace(/^optimize$/u, "study.optimize");
    if (fn && fn.value.kind !== "name") {
      // `study.optimize(lambda trial: objective(trial, X_test, y_test))`: test data handed to the objective.
      const inner = model.facts.calls.find((c) => contains(fn.value.range, c.call.range) && c.call.args.some((a) => testEvidence(model, a.value, c.scope)));
      const arg = inner?.call.args.find((a) => testEvidence(model, a.value, inner.scope));
      if (inner && arg) yield { call: inner.call, range: arg.range, messageId: "tuneOnTest", data: { objective: snippet(model.sourceText(inner.call.callee.range), 40), runner: runnerName, evidence: testEvidence(model, arg.value, inner.scope)! } };
      continue;
    }
    if (fn?.value.kind !== "name") continue;
    const def = model.binding(fn.value.name, site.scope, at(fn.value));
    const body = def?.kind === "def" ? model.facts.scopes.find((s) => s.kind === "function" && s.parent === def.scope && contains(s.range, def.range)) : undefined;
    // One finding per objective, at its first test score.
    const hit = body ? testScores(model, body.range)[0] : undefined;
    if (hit) yield { call: hit.site.call, range: hit.arg.range, messageId: "tuneOnTest", data: { objective: fn.value.name, runner: runnerName, evidence: hit.evidence } };
  }
}

/** Candidates chosen by their test score: `max(models, key=...)` on it, or a loop keeping the best test score with what scored it. */
function* selectOnTest(model: SemanticModel): Generator<Finding> {
  const builtin = (e: Expr, scope: number) => e.kind === "name" && RANKING_BUILTINS.has(e.name) && !model.binding(e.name, scope, at(e));
  for (const site of model.facts.calls) {
    const key = builtin(site.call.callee, site.scope) ? argument(site.call, { keyword: "key" }) : null;
    const hit = key ? testScores(model, key.range)[0] : undefined;
    if (hit) yield { call: hit.site.call, range: hit.arg.range, messageId: "selectOnTest", data: { kept: `${(site.call.callee as { name: string }).name}(..., key=...)`, evidence: hit.evidence } };
  }
  // Assignments in source order, so each loop reads only its own.
  const assigns = model.facts.bindings.filter((b) => b.kind === "assign" || b.kind === "unpack").sort((a, b) => a.range[0] - b.range[0]);
  for (const loop of model.facts.blocks) {
    if (loop.kind !== "loop") continue;
    // Names bound before the loop and again inside it, with what each takes in the loop (`best_name, best_auc = name, auc` item by item).
    const carried: { name: string; scope: number; v: Expr }[] = [];
    let lo = 0;
    for (let hi = assigns.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (assigns[mid]!.range[0] < loop.body[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < assigns.length && assigns[i]!.range[0] < loop.body[1]; i++) {
      const b = assigns[i]!;
      // Values are converted on first read: look only inside the loop.
      if (!contains(loop.body, b.range) || !b.value) continue;
      const whole = b.value;
      const v = b.kind === "assign" ? whole : whole.kind === "collection" && whole.items.length === b.count && b.index! >= 0 ? whole.items[b.index!]! : null;
      // Augmented assignments (`total += acc`) accumulate, they do not select.
      if (!v || whole.range[0] === b.range[0]) continue;
      const before = model.binding(b.name, b.scope, loop.range[0]);
      if (before && !contains(loop.range, before.range)) carried.push({ name: b.name, scope: b.scope, v });
    }
    // `best = max(best, acc)`, or a plain copy kept together with something else (`best_acc = acc; best_model = model`).
    const kept = carried.filter((b) => builtinCall(b.v) || (b.v.kind === "name" && carried.some((o) => o.name !== b.name)));
    const scores = kept.length ? testScores(model, loop.body) : [];
    for (const b of scores.length ? kept : []) {
      const calls = model.flow(b.v, b.scope).calls;
      const hit = scores.find((x) => calls.some((c) => sameRange(c, x.site.call)));
      if (hit) {
        yield { call: hit.site.call, range: hit.arg.range, messageId: "selectOnTest", data: { kept: b.name, evidence: hit.evidence } };
        break;
      }
    }
  }

  function builtinCall(v: Expr): boolean {
    return v.kind === "call" && builtin(v.callee, model.facts.scopeAt(at(v)));
  }
}

export default createRule<Options, MessageIds>({
  name: "no-test-data-leakage",
  meta: {
    type: "problem",
    languages: ["exp-lint/python"],
    docs: {
      description: "Disallow test data reaching training: preprocessing fitted before the split, and fitting, tuning, model selection or early stopping on the test split",
      recommended: true,
    },
    messages: {
      fitBeforeSplit:
        "{{transformer}} is fitted on {{data}} ({{method}}) before {{split}} divides it, so what it learns includes the {{heldOut}} rows. Fit it on the training split only, or put it in a Pipeline fitted on the training split.",
      resampleBeforeSplit:
        "{{transformer}} resamples {{data}} before {{split}} divides the result, so synthetic or copied rows made from the same originals land on both sides of the split. Split first and resample the training split only (imblearn's Pipeline does this per fold).",
      fitOnTest:
        "'{{call}}' fits on the test split ({{evidence}}), so the test data shapes what is learned and the final score is no longer measured on unseen data. Fit on the training split and only transform or score the test split.",
      searchOnTest:
        "'{{call}}' tunes hyper-parameters on the test split ({{evidence}}), so the chosen configuration is fitted to the test data. Run the search on the training split (validating on data carved from it) and score the best model on the test split once.",
      tuneOnTest:
        "The function '{{objective}}' that {{runner}} optimises scores on the test split ({{evidence}}), so the search picks the hyper-parameters that suit the test data. Score candidates on a validation split carved from the training data, or by cross-validation on it.",
      selectOnTest:
        "'{{kept}}' keeps the best of several candidates by their score on the test split ({{evidence}}), so the chosen model and its score are fitted to the test data. Choose on a validation split or by cross-validation on the training split, and score only the chosen model on the test split.",
      earlyStopOnTest:
        "'{{call}}' monitors the test split ({{evidence}}) with early stopping ({{stopper}}), so the number of iterations is chosen on the test data. Monitor a validation split carved from the training data instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc }) => {
      if (!model.imports(...LEAKAGE_PACKAGES)) return;
      let splits: Split[] | null = null;
      const allSplits = () => (splits ??= splitsOf(model));
      const findings: (Finding | null)[] = [];
      for (const site of model.facts.calls) {
        // One finding per call, the most direct first: fitting on test data, then fitting before a split, then stopping on test data.
        findings.push(fitOnTest(model, site) ?? fitBeforeSplit(model, site, allSplits) ?? earlyStopOnTest(model, site) ?? tunerOnTest(model, site));
      }
      findings.push(...tuneOnTest(model), ...selectOnTest(model));
      const reported = new Set<CallExpr>();
      for (const f of findings) {
        if (!f || reported.has(f.call)) continue;
        reported.add(f.call);
        context.report({ loc: loc(f.range), messageId: f.messageId, data: f.data });
      }
    });
  },
});
