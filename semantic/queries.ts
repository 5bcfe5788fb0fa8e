import type { Binding, CallSite, Expr, LoopBlock, Range, Scope } from "./ir.js";
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
  for (const loop of model.facts.blocks) {
    if (loop.kind !== "loop") continue;
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
