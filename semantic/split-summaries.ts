import { splitters, type SplitRole } from "../catalogue/data.js";
import { FIT_TRANSFORM_FUNCTIONS, LEARNED_TRANSFORMERS, OVERSAMPLERS, TRANSFORMER_FIT_METHODS } from "../catalogue/leakage.js";
import type { Arg, CallExpr, CallSite, Expr } from "./ir.js";
import { argument, contains, type SemanticModel } from "./model.js";
import { provenance, splitPart, splitRole } from "./provenance.js";
import { rootName } from "./queries.js";
import type { FunctionView, SummaryKind } from "./summaries.js";

/**
 * Two summary kinds for helpers that handle the data: a function that returns
 * the parts of a split (`def split_data(df): return train_test_split(...)`),
 * and a function that fits a learned transformer on its argument
 * (`def preprocess(df): df[num] = scaler.fit_transform(df[num]); return df`).
 * The split and leakage questions of semantic/splits.ts read them at call sites.
 */

const same = (a: { range: readonly [number, number] }, b: { range: readonly [number, number] }) => a.range[0] === b.range[0] && a.range[1] === b.range[1];
const shortName = (q: string) => q.replace(/\(\)/gu, "").split(".").pop() ?? q;

/** What a helper's result is: the role of each returned position (null: not a part of the split). */
export interface SplitReturn {
  roles: (SplitRole | null)[];
  /** The roles repeat over any number of parts (a splitter's own result returned whole). */
  cyclic: boolean;
  /** The split inside, in words: `train_test_split`. */
  via: string;
  /** Parameters (by position) whose rows the split divides. */
  data: number[];
}

/** Parameters of `fn` that any of these values is computed from, by position. */
function paramsIn(fn: FunctionView, values: Expr[], scope: number): number[] {
  const out = new Set<number>();
  for (const v of values) {
    const flow = fn.model.flow(v, scope).bindings;
    fn.params.forEach((p, i) => flow.has(p) && out.add(i));
  }
  return [...out].sort((a, b) => a - b);
}

const positional = (call: CallExpr): Expr[] => call.args.filter((a) => a.name === null && a.spread === "").map((a) => a.value);

/** The call site of a call expression inside the function (its own body). */
const siteOf = (fn: FunctionView, call: Expr): CallSite | undefined => fn.calls.find((s) => same(s.call, call));

export const splitReturnKind: SummaryKind<SplitReturn> = {
  id: "splitReturn",
  compute(fn) {
    const { model } = fn;
    for (const ret of fn.returns) {
      const v = model.definition(ret.value, ret.scope);
      if (v.kind === "call") {
        // `return train_test_split(X, y, ...)`, or another helper's split handed on.
        const q = model.resolve(v.callee, ret.scope);
        const splitter = q === null ? undefined : splitters.find((s) => s.qname === q);
        if (splitter) return { roles: splitter.pattern, cyclic: true, via: shortName(splitter.qname), data: paramsIn(fn, positional(v), ret.scope) };
        const site = siteOf(fn, v);
        const inner = site ? fn.callee(splitReturnKind, site) : null;
        if (inner)
          return {
            ...inner,
            data: paramsIn(
              fn,
              inner.data.map((i) => argument(v, { index: i })?.value).filter((e): e is Expr => !!e),
              ret.scope,
            ),
          };
        continue;
      }
      if (v.kind !== "collection") continue;
      // `return X_train, X_test, y_train, y_test` after a split in the body.
      const roles: (SplitRole | null)[] = [];
      const divided: Expr[] = [];
      let via = "";
      for (const item of v.items) {
        const b = item.kind === "name" ? model.binding(item.name, ret.scope, item.range[0]) : null;
        const r = b ? splitRole(model, b) : null;
        roles.push(r?.role ?? null);
        const part = b && r ? splitPart(model, b) : null;
        if (part) divided.push(...part.data);
        if (r && !via) via = r.via;
      }
      if (roles.some((r) => r !== null && r !== "train")) return { roles, cyclic: false, via, data: paramsIn(fn, divided, ret.scope) };
    }
    return null;
  },
};

/** A learned transformer (or oversampler) fitted by one call: what, how, and on which argument. */
export interface LearnedFit {
  kind: "transformer" | "sampler";
  name: string;
  method: string;
  x: Arg;
}

/** `scaler.fit_transform(X)`, `SMOTE().fit_resample(X, y)`, `scale(X)`: the fit, or null for stateless transformers and models. */
export function learnedFit(model: SemanticModel, site: CallSite): LearnedFit | null {
  const { call, scope } = site;
  if (call.callee.kind === "member") {
    if (!TRANSFORMER_FIT_METHODS.has(call.callee.property)) return null;
    const receiver = model.resolve(call.callee.object, scope);
    if (receiver === null) return null;
    const q = receiver.replace(/\(\)$/u, "");
    const kind = LEARNED_TRANSFORMERS.includes(q) ? "transformer" : OVERSAMPLERS.includes(q) ? "sampler" : null;
    const x = argument(call, { index: 0, keyword: "X" });
    return kind && x ? { kind, name: shortName(receiver), method: call.callee.property, x } : null;
  }
  const q = call.callee.kind === "name" ? model.callee(site) : null;
  const fn = q === null ? undefined : FIT_TRANSFORM_FUNCTIONS.find((f) => f.qname === q);
  const x = fn ? argument(call, fn.data) : null;
  return fn && x ? { kind: "transformer", name: shortName(q!), method: "called", x } : null;
}

/** What a helper fits on its argument N, and whether the fitted rows come back (returned) or are written into the argument. */
export interface DataFit {
  param: number;
  kind: "transformer" | "sampler";
  /** `StandardScaler.fit_transform`, for messages. */
  what: string;
  returns: boolean;
  writes: boolean;
}

/** Calls of `fn`'s body that apply what the fit at `site` learned: the call itself, and `transform` on the fitted object. */
function appliedBy(fn: FunctionView, site: CallSite, fit: LearnedFit): CallExpr[] {
  if (fit.method !== "fit") return [site.call];
  const callee = site.call.callee;
  if (callee.kind !== "member" || callee.object.kind !== "name") return [];
  const owner = fn.model.binding(callee.object.name, site.scope, callee.object.range[0]);
  return fn.calls
    .filter((s) => s.call.range[0] > site.call.range[1] && s.call.callee.kind === "member" && s.call.callee.property === "transform")
    .filter((s) => {
      const o = (s.call.callee as { object: Expr }).object;
      return o.kind === "name" && fn.model.binding(o.name, s.scope, o.range[0]) === owner;
    })
    .map((s) => s.call);
}

export const dataFitKind: SummaryKind<DataFit> = {
  id: "dataFit",
  compute(fn) {
    const { model } = fn;
    const returned = fn.returns.map((r) => model.flow(r.value, r.scope));
    const reaches = (c: CallExpr) => returned.some((f) => f.calls.some((x) => same(x, c)));
    const writes = model.facts.targetAssigns.filter((t) => contains(fn.scope.range, t.range));
    for (const site of fn.calls) {
      const fit = learnedFit(model, site);
      const direct = fit ? paramsIn(fn, [fit.x.value], site.scope) : [];
      if (fit && direct.length) {
        // Fitted on a part of a split made in the body: not the whole table.
        if (provenance(model, fit.x.value, site.scope).roles.size) continue;
        const applied = appliedBy(fn, site, fit);
        const param = fn.params[direct[0]!]!;
        const written = writes.some((t) => {
          const root = rootName(t.target);
          return root !== null && model.binding(root.name, t.scope, root.range[0]) === param && applied.some((c) => contains(t.value.range, c.range));
        });
        const returns = applied.some(reaches) || (written && returned.some((f) => f.bindings.has(param)));
        if (returns || written)
          return { param: direct[0]!, kind: fit.kind, what: `${fit.name}.${fit.method}`.replace(/\.called$/u, ""), returns, writes: written };
        continue;
      }
      // A helper that hands its argument to another helper that fits on it.
      const inner = fit ? null : fn.callee(dataFitKind, site);
      const arg = inner ? argument(site.call, { index: inner.param }) : null;
      const param = arg ? paramsIn(fn, [arg.value], site.scope)[0] : undefined;
      if (inner && param !== undefined && (reaches(site.call) || inner.writes)) return { ...inner, param, returns: reaches(site.call) };
    }
    return null;
  },
};
