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

/**
 * For fixtures: recommended rules on every fixture, a strict-only rule only on
 * the fixtures of its own folder. Strict-only rules ask more of a script than
 * the other rules' "do it right" fixtures set out to show (a logged model and
 * data version, five seeds), so each is held to its own fixtures.
 */
export const fixtureRules: Linter.Config[] = [
  ...everyRule.map((c) =>
    c.rules ? { ...c, rules: Object.fromEntries(Object.entries(c.rules).map(([id, v]) => [id, strictOnly(id) ? "off" : v])) as Linter.RulesRecord } : c,
  ),
  ...Object.keys(plugin.rules ?? {})
    .filter((id) => strictOnly(`exp-lint/${id}`))
    .map((id) => ({ files: [`${id}/**/*.py`, `${id}/**/*.ts`], rules: { [`exp-lint/${id}`]: "error" } }) as Linter.Config),
];

function strictOnly(ruleId: string): boolean {
  const rule = plugin.rules?.[ruleId.replace(/^exp-lint\//u, "")] as { meta?: { docs?: { recommended?: boolean } } } | undefined;
  return rule?.meta?.docs?.recommended === false;
}
