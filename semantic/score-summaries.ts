import { SCORING_METHODS, SCORING_MODULES } from "../catalogue/leakage.js";
import type { CallSite } from "./ir.js";
import { inPackage, type Flow, type SemanticModel } from "./model.js";
import { loopTestScore } from "./splits.js";
import type { FunctionView, SummaryKind } from "./summaries.js";

/** A call that scores a model on the data it is given: a metric function (`accuracy_score`, `tf.metrics.*`) or a model's `score`/`predict`/`evaluate`. */
export function isScoringCall(model: SemanticModel, site: CallSite): boolean {
  const callee = site.call.callee;
  if (callee.kind === "member" && SCORING_METHODS.has(callee.property)) return true;
  const q = model.callee(site);
  return q !== null && SCORING_MODULES.some((m) => inPackage(q, m));
}

/**
 * Summary kind: the function returns a score measured on its parameters
 * `params` (by position): `def evaluate(model, X, y): return accuracy_score(y, model.predict(X))`,
 * `function evaluate(model, xs, ys) { const [, acc] = model.evaluate(xs, ys); return acc.dataSync()[0]; }`.
 * A call of it with the test split scores on the test split. Plain JSON.
 */
export interface ScoreSummary {
  params: number[];
  /** The function scores on test data it reads itself (an evaluation loop over a module's `test_loader`): the evidence. */
  test?: string;
}

export const scoreKind: SummaryKind<ScoreSummary> = {
  id: "score",
  compute(fn) {
    const { model } = fn;
    const returned = fn.returns.map((r) => model.flow(r.value, r.scope));
    const reaches = (site: CallSite) => returned.some((f) => f.calls.some((c) => c.range[0] === site.call.range[0] && c.range[1] === site.call.range[1]));
    const params = new Set<number>();
    for (const site of fn.calls) {
      if (!reaches(site)) continue;
      // The data it scores on: a scoring call's arguments, or what another scoring helper scores on.
      const inner = isScoringCall(model, site) ? null : fn.callee(scoreKind, site);
      if (!inner && !isScoringCall(model, site)) continue;
      const args = inner ? inner.params.map((i) => site.call.args.filter((a) => a.name === null)[i]).filter((a) => a !== undefined) : site.call.args;
      for (const a of args) {
        const flow = model.flow(a.value, site.scope).bindings;
        fn.params.forEach((p, i) => flow.has(p) && params.add(i));
      }
    }
    // An evaluation loop (`for x, y in loader: correct += (model(x).argmax(1) == y).sum()`, then `return correct / n`):
    // what it returns is accumulated from the batches of the parameter it iterates.
    if (!params.size) for (const i of evaluatedParams(fn, returned)) params.add(i);
    if (params.size) return { params: [...params].sort((a, b) => a - b) };
    // No parameter is scored on: an evaluation loop over test data the function reads from the module.
    for (const r of fn.returns) {
      const inline = loopTestScore(model, r.value, r.scope);
      if (inline) return { params: [], test: inline.evidence };
    }
    return null;
  },
};

/** Parameters whose items a function's returned value is computed from: loops of its own body over them (`for x, y in tqdm(loader)`). */
function evaluatedParams(fn: FunctionView, returned: Flow[]): number[] {
  const out: number[] = [];
  for (const f of returned) {
    for (const b of f.bindings) {
      if (b.kind !== "loop" || b.scope !== fn.scope.id || !b.value) continue;
      const over = fn.model.flow(b.value, b.scope).bindings;
      fn.params.forEach((p, i) => over.has(p) && !out.includes(i) && out.push(i));
    }
  }
  return out;
}
