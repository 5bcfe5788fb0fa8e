import type { Expr } from "../../semantic/ir.js";
import { literalString, type SemanticModel } from "../../semantic/model.js";

export interface Entry {
  key: string;
  value: Expr;
}

/**
 * `{key: value}` entries of a dict display or a `dict(key=value)` call, with
 * string keys. Entries a later `**spread` may override are left out.
 */
export function mappingEntries(model: SemanticModel, e: Expr, scope: number): Entry[] {
  return mappingOf(model, e, scope) ?? [];
}

/** A call of the builtin `dict`. */
export function isDictCall(model: SemanticModel, e: Expr, scope: number): boolean {
  return e.kind === "call" && e.callee.kind === "name" && e.callee.name === "dict" && !model.binding("dict", scope, e.range[0]);
}

/**
 * The entries of a mapping the model can read: a dict display, a `dict(...)`
 * call, or a conditional whose every branch is one (`dict(fused=True) if cuda
 * else dict()`); `null` when it cannot tell what the mapping holds.
 */
export function mappingOf(model: SemanticModel, e: Expr, scope: number): Entry[] | null {
  if (e.kind === "dict") {
    const lastSpread = e.entries.findLastIndex((en) => en.key === null);
    return e.entries.slice(lastSpread + 1).flatMap((en) => {
      const key = literalString(en.key);
      return key === null ? [] : [{ key, value: en.value }];
    });
  }
  if (e.kind === "other" && e.branches) {
    const out: Entry[] = [];
    for (const b of e.branches) {
      const entries = mappingOf(model, model.definition(b, scope), scope);
      if (entries === null) return null;
      out.push(...entries);
    }
    return out;
  }
  if (!isDictCall(model, e, scope) || e.kind !== "call") return null;
  const named = model.namedArguments(e).map((a) => ({ key: a.name, value: a.value }));
  // `dict(**base)`: nothing readable; `dict(base, k=v)`: only the keywords are read.
  return named.length === 0 && e.args.length > 0 ? null : named;
}
