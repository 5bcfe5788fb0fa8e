import { FIT_METHODS } from "../catalogue/data.js";
import type { Binding, CallSite, Comparison, Expr, IndexExpr, LoopBlock, MemberExpr, Range, Return, Scope, TargetAssign } from "./ir.js";
import { contains, type SemanticModel } from "./model.js";

/**
 * Questions about a program's structure that rules ask and that only the
 * semantic layer may answer by reading facts: the calls in a region, the
 * scope around an expression, a function's body, the names a loop carries.
 */

/** Every call site, in source order. */
export function callSites(model: SemanticModel): readonly CallSite[] {
  return model.facts.calls;
}

/** Every name binding (assignments, imports, parameters, loop targets, definitions), in the front end's order. */
export function bindings(model: SemanticModel): readonly Binding[] {
  return model.facts.bindings;
}

/** Every write into an attribute or an item (`obj.x = v`, `d[k] = v`). */
export function attributeWrites(model: SemanticModel): readonly TargetAssign[] {
  return model.facts.targetAssigns;
}

/** Every attribute and item read (`obj.x`, `d[k]`), collected on first ask. */
export function memberReads(model: SemanticModel): { expr: MemberExpr | IndexExpr; scope: number }[] {
  return model.facts.reads();
}

/** Every comparison (`a < b`, `x == y`). */
export function comparisons(model: SemanticModel): readonly Comparison[] {
  return model.facts.comparisons;
}

/** Every `return` with a value, in every scope. */
export function returns(model: SemanticModel): readonly Return[] {
  return model.facts.returns;
}

/** Every loop (`for`, `while`, comprehension loops the front end records). */
export function loops(model: SemanticModel): LoopBlock[] {
  return model.facts.blocks.filter((b): b is LoopBlock => b.kind === "loop");
}

/** The scope `scope` and the ones around it, innermost first, the module last. */
export function enclosingScopes(model: SemanticModel, scope: number): Scope[] {
  const out: Scope[] = [];
  for (let s: number | null = scope; s !== null; s = model.facts.scopes[s]?.parent ?? null) {
    const sc = model.facts.scopes[s];
    if (!sc) break;
    out.push(sc);
  }
  return out;
}

/** Calls that hand a function resolving to one of `qnames` on as an argument, uncalled: `atexit.register(mlflow.end_run)`. */
export function callbacksTo(model: SemanticModel, qnames: readonly string[]): CallSite[] {
  return model.facts.calls.filter((o) =>
    o.call.args.some((a) => (a.value.kind === "member" || a.value.kind === "name") && qnames.includes(model.resolve(a.value, o.scope) ?? "")),
  );
}

const HANDED_ON = new WeakMap<SemanticModel, Map<number, Set<number>>>();

/** The call's value is bound to a name (assignment, unpacking, `with ... as`), returned, or passed to another call. */
export function isHandedOn(model: SemanticModel, site: CallSite): boolean {
  let held = HANDED_ON.get(model);
  if (!held) {
    // Keyed by range (start, then end; no string per value): a binding's value and the call site may be distinct objects for the same expression.
    const map = (held = new Map<number, Set<number>>());
    const hold = (e: Expr | undefined) => {
      if (!e) return;
      let ends = map.get(e.range[0]);
      if (!ends) map.set(e.range[0], (ends = new Set()));
      ends.add(e.range[1]);
    };
    for (const b of model.facts.bindings) if (b.kind === "assign" || b.kind === "unpack" || b.kind === "with") hold(b.value);
    for (const r of model.facts.returns) hold(r.value);
    for (const c of model.facts.calls) for (const a of c.call.args) hold(a.value);
    HANDED_ON.set(model, held);
  }
  return held.get(site.call.range[0])?.has(site.call.range[1]) === true;
}

/** Call sites inside `range`. */
export function callsIn(model: SemanticModel, range: Range): CallSite[] {
  return model.facts.calls.filter((c) => contains(range, c.call.range));
}

/** The innermost scope an expression sits in. */
export function scopeOf(model: SemanticModel, e: { range: Range }): number {
  return model.facts.scopeAt(e.range[0]);
}

/** The body scope of a `def` binding, or undefined. */
export function functionBody(model: SemanticModel, def: Binding | null): Scope | undefined {
  if (def?.kind !== "def") return undefined;
  return model.facts.scopes.find((s) => s.kind === "function" && s.parent === def.scope && contains(s.range, def.range));
}

/** `obj[key] = value` writes into a dict bound to `holder`, made before `before`, with literal keys. */
export function keyedWrites(model: SemanticModel, holder: Binding, before: number): { key: Expr; value: Expr; scope: number; range: Range }[] {
  const out: { key: Expr; value: Expr; scope: number; range: Range }[] = [];
  for (const ta of model.facts.targetAssigns) {
    const t = ta.target;
    if (t.kind !== "index" || t.object.kind !== "name" || t.object.name !== holder.name || ta.range[1] > before) continue;
    if (model.binding(holder.name, ta.scope, ta.range[0]) === holder) out.push({ key: t.index, value: ta.value, scope: ta.scope, range: ta.range });
  }
  return out;
}

export interface Carried {
  name: string;
  scope: number;
  /** What the loop assigns to the name (the matching item of `a, b = x, y`). */
  value: Expr;
}

/**
 * For each loop, the names bound before it and assigned again inside it
 * (augmented assignments excepted: they accumulate), with what each takes.
 */
export function loopCarried(model: SemanticModel): { loop: LoopBlock; carried: Carried[] }[] {
  const out: { loop: LoopBlock; carried: Carried[] }[] = [];
  // Assignments in source order, so each loop reads only its own.
  const assigns = model.facts.bindings.filter((b) => b.kind === "assign" || b.kind === "unpack").sort((a, b) => a.range[0] - b.range[0]);
  for (const loop of loops(model)) {
    const carried: Carried[] = [];
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
      if (before && !contains(loop.range, before.range)) carried.push({ name: b.name, scope: b.scope, value: v });
    }
    out.push({ loop, carried });
  }
  return out;
}

const METHOD_CALLS = new WeakMap<SemanticModel, Map<Binding, { site: CallSite; method: string }[]>>();

/** The methods called on the object a binding holds (`model = Net(...)`, then `model.fit()`), in source order; indexed once per file. */
export function methodCallsOn(model: SemanticModel, holder: Binding): readonly { site: CallSite; method: string }[] {
  let index = METHOD_CALLS.get(model);
  if (!index) {
    index = new Map();
    for (const site of model.facts.calls) {
      const c = site.call.callee;
      if (c.kind !== "member" || c.object.kind !== "name") continue;
      const b = model.binding(c.object.name, site.scope, c.object.range[0]);
      if (!b) continue;
      let list = index.get(b);
      if (!list) index.set(b, (list = []));
      list.push({ site, method: c.property });
    }
    METHOD_CALLS.set(model, index);
  }
  return index.get(holder) ?? [];
}

/**
 * Best-so-far kept across calls: a function that assigns names it declares `global` (`global best_acc`), called
 * from a loop of the file (`for epoch in ...: test(epoch)`), carries them from one call to the next as a loop
 * body does. Its body stands for the loop body.
 */
export function callCarried(model: SemanticModel): { loop: LoopBlock; carried: Carried[] }[] {
  const out: { loop: LoopBlock; carried: Carried[] }[] = [];
  for (const fn of model.facts.scopes) {
    if (fn.kind !== "function" || !fn.globals?.length || fn.parent === null) continue;
    const globals = new Set(fn.globals);
    const inLoop = model.facts.calls.some(
      (site) =>
        site.call.callee.kind === "name" &&
        site.call.callee.name === fn.name &&
        model.binding(fn.name, site.scope, site.call.range[0])?.kind === "def" &&
        model.enclosing(site.call.range).some((b) => b.kind === "loop"),
    );
    if (!inLoop) continue;
    const carried: Carried[] = [];
    for (const b of model.facts.bindings) {
      if (b.kind !== "assign" || b.scope !== fn.id || !globals.has(b.name) || !b.value || b.value.range[0] === b.range[0]) continue;
      carried.push({ name: b.name, scope: b.scope, value: b.value });
    }
    if (carried.length) out.push({ loop: { kind: "loop", range: fn.range, body: fn.range }, carried });
  }
  return out;
}

/** The name a data expression is rooted in: `df` for `df[cols]`, `X` for `X.values`, `search` for `search.best_estimator_`. */
/** Every sub-expression of `e`, `e` first, dict keys included; iterative, so deep nesting cannot overflow the stack. */
export function* subExpressions(e: Expr): Generator<Expr> {
  const work: Expr[] = [e];
  while (work.length) {
    const x = work.pop()!;
    yield x;
    if (x.kind === "member") work.push(x.object);
    else if (x.kind === "index") work.push(x.object, x.index);
    else if (x.kind === "call") work.push(x.callee, ...x.args.map((a) => a.value));
    else if (x.kind === "collection") work.push(...x.items);
    else if (x.kind === "dict") for (const en of x.entries) work.push(...(en.key ? [en.key, en.value] : [en.value]));
  }
}

export function rootName(e: Expr): (Expr & { kind: "name" }) | null {
  let x = e;
  while (x.kind === "member" || x.kind === "index") x = x.object;
  return x.kind === "name" ? x : null;
}

export interface Fit {
  site: CallSite;
  /** The binding that holds the fitted object. */
  owner: Binding;
  method: string;
  /** The data it is fitted on (first positional or `X`/`x`), and that data's binding when it is a plain name. */
  data: Expr | null;
  dataBinding: Binding | null;
}

const FITS = new WeakMap<SemanticModel, Map<Binding, Fit[]>>();

/**
 * The binding that holds the object a method call acts on: `scaler` in
 * `scaler.fit(X)`, `search` in `search.best_estimator_.predict(X)`, and `pca`
 * in `pca = PCA().fit(X)` (the call's result is the fitted object).
 */
export function receiverBinding(model: SemanticModel, site: CallSite): Binding | null {
  const callee = site.call.callee;
  if (callee.kind !== "member") return null;
  const root = rootName(callee.object);
  if (root) return model.binding(root.name, site.scope, root.range[0]);
  const call = site.call;
  return (
    model.facts.bindings.find(
      (b) =>
        b.kind === "assign" &&
        b.scope === site.scope &&
        b.range[0] < call.range[0] &&
        b.pos >= call.range[1] &&
        b.value?.range[0] === call.range[0] &&
        b.value.range[1] === call.range[1],
    ) ?? null
  );
}

/** Every `obj.fit(X, ...)` (and `partial_fit`, `fit_generator`), grouped by the binding holding `obj`, in source order. */
export function fitsByOwner(model: SemanticModel): Map<Binding, Fit[]> {
  let index = FITS.get(model);
  if (index) return index;
  index = new Map();
  for (const site of model.facts.calls) {
    const callee = site.call.callee;
    if (callee.kind !== "member" || !FIT_METHODS.has(callee.property)) continue;
    const owner = receiverBinding(model, site);
    if (!owner) continue;
    const data = site.call.args.find((a) => a.name === "X" || a.name === "x") ?? site.call.args.find((a) => a.name === null && a.spread === "");
    const dataBinding = data?.value.kind === "name" ? model.binding(data.value.name, site.scope, data.value.range[0]) : null;
    let list = index.get(owner);
    if (!list) index.set(owner, (list = []));
    list.push({ site, owner, method: callee.property, data: data?.value ?? null, dataBinding });
  }
  FITS.set(model, index);
  return index;
}

/** The fit that trained the object a scoring call uses, when the call scores the very data (same binding) it was fitted on: `clf.fit(X, y)` … `clf.predict(X)`. */
export function scoredOnFitData(model: SemanticModel, site: CallSite): Fit | null {
  const owner = receiverBinding(model, site);
  const fits = owner ? fitsByOwner(model).get(owner) : undefined;
  if (!fits) return null;
  const last = fits.filter((f) => f.site.call.range[1] <= site.call.range[0]).pop();
  const arg = site.call.args.find((a) => a.name === "X" || a.name === "x") ?? site.call.args.find((a) => a.name === null && a.spread === "");
  if (!last?.dataBinding || arg?.value.kind !== "name") return null;
  return model.binding(arg.value.name, site.scope, arg.value.range[0]) === last.dataBinding ? last : null;
}
