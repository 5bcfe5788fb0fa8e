import { apiNames, runApis, TRACKER_PACKAGES, type RunApi } from "../catalogue/tracking.js";
import type { Binding, CallSite, Expr, Range } from "./ir.js";
import { contains, type SemanticModel } from "./model.js";
import type { SummaryKind } from "./summaries.js";

// What happens to a tracking run a function holds: ended here, handed on to code that ends it, or left open.

const same = (a: Range, b: Range) => a[0] === b[0] && a[1] === b[1];

/** Methods of a run object that end it (`run.finish()`), from the catalogue's `@result.` ends. */
const END_METHODS = new Set(runApis.flatMap((api) => api.ends.filter((e) => e.startsWith("@result.")).map((e) => e.slice("@result.".length))));
/** Every qualified name that ends a run: `mlflow.end_run`, `wandb.init().finish`, a client's `set_terminated`. */
const END_QNAMES = new Set(runApis.flatMap((api) => apiNames(api, api.ends)));
/** Ends of the run that is active in the process (no run object needed): `mlflow.end_run()`, `wandb.finish()`. */
const ACTIVE_ENDS = new Set(runApis.filter((api) => api.becomesActive).flatMap((api) => api.ends.filter((e) => !e.startsWith("@result."))));
const STARTS = new Map(runApis.map((api) => [api.start, api]));

/** Summary kind: which parameters' runs a function ends or hands on, and whether it ends the process's active run. */
export interface RunEnds {
  /** Parameter names whose run the function ends, or hands to code the model cannot follow. */
  params: string[];
  /** It calls `mlflow.end_run()` / `wandb.finish()`: whatever run is active ends. */
  active: boolean;
}

export const runEndsKind: SummaryKind<RunEnds> = {
  id: "runEnds",
  compute(fn) {
    const params = fn.params.filter((p) => runLeaves(fn.model, p)).map((p) => p.name);
    const active = fn.calls.some((site) => ACTIVE_ENDS.has(fn.model.callee(site) ?? "") || (fn.model.summaryAt(runEndsKind, site)?.active ?? false));
    return params.length || active ? { params, active } : null;
  },
};

/** Summary kind: the function starts a run and returns it (`def make_run(): return wandb.init(...)`): the start's qualified name. */
export const runStartKind: SummaryKind<string> = {
  id: "runStart",
  compute(fn) {
    const { model } = fn;
    for (const ret of fn.returns) {
      const value = model.definition(ret.value, ret.scope);
      if (value.kind !== "call") continue;
      // The value converted from the binding is another object than the call site's: match by place.
      const site = fn.calls.find((s) => same(s.call.range, value.range));
      if (!site) continue;
      const q = model.callee(site);
      if (q && STARTS.has(q)) return q;
      const nested = model.summaryAt(runStartKind, site);
      if (nested) return nested;
    }
    return null;
  },
};

/**
 * The run a binding holds is handed on somewhere its name is read (and, for
 * a parameter, ended: a caller's run; the function's own runs are judged
 * where they start, by require-run-context).
 */
export function runLeaves(model: SemanticModel, b: Binding): boolean {
  for (const ref of model.references(b)) {
    if (b.kind === "param" && endsAt(model, ref.range)) return true;
    // `run.log(...)`, `run.info.run_id`: the run is used here, not passed on.
    if (ref.used) continue;
    const isRef = (e: Expr) => e.kind === "name" && same(e.range, ref.range);
    if (handedOn(model, ref.range, isRef)) return true;
  }
  return false;
}

/** `run.finish()` on the value at `r`, or an end call that mentions it (`client.set_terminated(run.info.run_id)`). */
function endsAt(model: SemanticModel, r: Range): boolean {
  for (const site of model.facts.calls) {
    const c = site.call;
    if (!contains(c.range, r)) continue;
    if (c.callee.kind === "member" && same(c.callee.object.range, r) && END_METHODS.has(c.callee.property)) return true;
    if (END_QNAMES.has(model.callee(site) ?? "") && c.args.some((a) => contains(a.value.range, r))) return true;
  }
  return false;
}

/**
 * The value at `r` goes somewhere this function cannot follow: a `with`
 * item, a `return`/`yield`, an object's attribute, or an argument of another
 * call. `is` tells whether an expression is that value; an opaque expression
 * around it (`x if c else y`) counts too. A call to a function whose body
 * the model reads (this file or the project) counts only when its summary
 * says it ends or hands on that parameter.
 */
export function handedOn(model: SemanticModel, r: Range, is: (e: Expr) => boolean): boolean {
  const holds = (e: Expr) => contains(e.range, r) && (is(e) || e.kind === "other");
  if (model.facts.blocks.some((b) => b.kind === "with" && b.items.some(holds))) return true;
  if (model.facts.returns.some((ret) => contains(ret.range, r))) return true;
  for (const o of model.facts.calls) {
    if (!contains(o.call.range, r) || same(o.call.range, r)) continue;
    const arg = o.call.args.find((a) => holds(a.value));
    if (!arg) continue;
    if (passedToKeeper(model, o, arg)) return true;
  }
  return model.facts.targetAssigns.some((t) => contains(t.range, r) && is(t.value));
}

/** The argument lands on a parameter whose run the callee ends or hands on; unknown callees (libraries) count as keeping it. */
function passedToKeeper(model: SemanticModel, site: CallSite, arg: { name: string | null; spread: string }): boolean {
  const fn = model.calledFunction(site);
  if (!fn || arg.spread !== "") return true;
  const params = "local" in fn ? fn.params : fn.external.params;
  const name = arg.name ?? params[site.call.args.filter((a) => a.name === null).indexOf(arg as never)];
  if (name === undefined) return true;
  const ends = model.summaryAt(runEndsKind, site);
  return ends?.params.includes(name) ?? false;
}

/** The calls that start a tracked run, in source order, each with its API; none when the file imports no tracker. */
export function trackedRunStarts(model: SemanticModel): (ReturnType<SemanticModel["callsTo"]>[number] & { api: RunApi })[] {
  if (!model.imports(...TRACKER_PACKAGES)) return [];
  return model.callsTo(runApis.map((r) => r.start)).map((s) => ({ ...s, api: runApis.find((r) => r.start === s.qname)! }));
}
