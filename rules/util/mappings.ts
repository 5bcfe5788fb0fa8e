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
  if (e.kind === "dict") {
    const lastSpread = e.entries.findLastIndex((en) => en.key === null);
    return e.entries.slice(lastSpread + 1).flatMap((en) => {
      const key = literalString(en.key);
      return key === null ? [] : [{ key, value: en.value }];
    });
  }
  const builtinDict = e.kind === "call" && e.callee.kind === "name" && e.callee.name === "dict" && !model.binding("dict", scope, e.range[0]);
  return builtinDict ? model.namedArguments(e).map((a) => ({ key: a.name, value: a.value })) : [];
}
