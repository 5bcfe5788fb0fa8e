import { crossValidators, FIT_METHODS, splitters } from "../catalogue/data.js";
import { APPLY_METHODS, SCORING_METHODS, SCORING_MODULES, SEARCHES, TRANSFORMER_FIT_METHODS } from "../catalogue/leakage.js";
import type { Binding, CallExpr, CallSite, Expr, Range } from "./ir.js";
import { argument, contains, inPackage, type SemanticModel } from "./model.js";
import { type Fit, fitsByOwner, receiverBinding } from "./queries.js";
import { describeEvidence, listNames, provenance, slicePart, splitPart, splitRole, splitSources } from "./provenance.js";

/**
 * Where data is divided into training and held-out sides, and what crosses
 * that line: which calls split data, which values are the test split, which
 * calls score on it, and which later split a fitted transformer's rows reach.
 * The leakage and metric rules ask these questions; they do not walk facts.
 */

export interface Split {
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

export const base = (qname: string): string => qname.replace(/\(\)$/u, "");
export const short = (qname: string): string => qname.replace(/\(\)/gu, "").split(".").slice(-1)[0]!;
export const at = (e: { range: Range }) => e.range[0];
const NOWHERE = { range: [-1, -1] as Range };
export const sameRange = (a: { range: Range }, b: { range: Range }) => a.range[0] === b.range[0] && a.range[1] === b.range[1];

/** The name a data expression is rooted in: `df` for `df[cols]`, `X` for `X.values`. */
function rootName(e: Expr): Expr & { kind: "name" } | null {
  let x = e;
  while (x.kind === "member" || x.kind === "index") x = x.object;
  return x.kind === "name" ? x : null;
}

/** Every call in the program that divides data into a training and a held-out side, in source order. */
export function splitsOf(model: SemanticModel): Split[] {
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
export function testEvidence(model: SemanticModel, expr: Expr, scope: number): string | null {
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
export function testScores(model: SemanticModel, range: Range): { site: CallSite; arg: { range: Range }; evidence: string }[] {
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
export function usesOf(model: SemanticModel, fit: CallSite): (c: CallExpr) => boolean {
  // A function that fits and transforms in one call (`scale(X)`): its result is the only use.
  if (fit.call.callee.kind !== "member") return (c) => sameRange(c, fit.call);
  const callee = fit.call.callee;
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
export function leakedSplit(model: SemanticModel, fit: CallSite, data: Expr, splits: Split[]): Split | null {
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

/**
 * A model trained on a table that a split divides, and then scored on a
 * held-out part of that split: `train_test_split(X, y)`, `search.fit(X, y)`,
 * `search.predict(X_valid)`. The held-out rows were trained on.
 */
export function trainedOnAll(model: SemanticModel, fit: Fit, splits: Split[]): { split: Split; part: Binding; scorer: CallSite } | null {
  if (!fit.data || !fit.dataBinding) return null;
  // Fitted on a split part (or held-out data) it is not the whole table; a name like `train_data` for the table before a local split is.
  const prov = provenance(model, fit.data, fit.site.scope);
  if (prov.roles.has("test") || prov.roles.has("val") || prov.evidence.some((e) => e.kind === "split")) return null;
  const later = model.facts.calls.filter((c) => c.call.range[0] >= fit.site.call.range[1]);
  // The last fit wins: a scoring call after a refit on other data scores that refit.
  const refit = fitsByOwner(model)
    .get(fit.owner)
    ?.find((f) => f.site.call.range[0] > fit.site.call.range[0]);
  for (const split of splits) {
    if (!split.parts.length || !split.data.some((d) => model.flow(d, split.scope).bindings.has(fit.dataBinding!))) continue;
    const heldOut = new Set(split.parts.filter((b) => splitRole(model, b)?.role !== "train"));
    if (!heldOut.size) continue;
    for (const site of later) {
      const callee = site.call.callee;
      if (callee.kind !== "member" || !SCORING_METHODS.has(callee.property) || (refit && site.call.range[0] > refit.site.call.range[0])) continue;
      if (receiverBinding(model, site) !== fit.owner) continue;
      const arg = site.call.args.find((a) => a.name === null && a.spread === "");
      const part = arg ? [...model.flow(arg.value, site.scope).bindings].find((b) => heldOut.has(b)) : undefined;
      if (part) return { split, part, scorer: site };
    }
  }
  return null;
}
