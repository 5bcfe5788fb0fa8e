import type { Linter } from "eslint";
import plugin from "../../plugin/index.js";

/**
 * The strict config with every rule at its default options: strict-only rules
 * are checked against their fixtures and doc examples like recommended ones,
 * while rules whose strict options change findings keep their defaults.
 */
export const everyRule: Linter.Config[] = plugin.configs.strict.map((c) =>
  c.rules ? { ...c, rules: Object.fromEntries(Object.entries(c.rules).map(([id, v]) => [id, Array.isArray(v) ? v[0] : v])) as Linter.RulesRecord } : c,
);
