import type { Expr } from "./ir.js";
import { literalString } from "./model.js";
import type { SummaryKind } from "./summaries.js";

/**
 * Summary kind: the function returns a dict of metrics with literal keys
 * (`return {"accuracy": accuracy_score(y, model.predict(X)), ...}`), and for
 * each key the parameters (by position) its value is computed from. Plain JSON.
 */
export interface MetricDict {
  entries: { key: string; params: number[] }[];
}

export const metricDictKind: SummaryKind<MetricDict> = {
  id: "metricDict",
  compute(fn) {
    const { model } = fn;
    for (const ret of fn.returns) {
      const dict: Expr = model.definition(ret.value, ret.scope);
      if (dict.kind !== "dict") continue;
      const entries: MetricDict["entries"] = [];
      for (const en of dict.entries) {
        const key = literalString(en.key);
        if (key === null) continue;
        const flow = model.flow(en.value, ret.scope).bindings;
        const params = fn.params.map((p, i) => (flow.has(p) ? i : -1)).filter((i) => i >= 0);
        entries.push({ key, params });
      }
      if (entries.length) return { entries };
    }
    return null;
  },
};
