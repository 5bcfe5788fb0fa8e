import { RuleTester, type Linter } from "eslint";
import { describe, it } from "vitest";
import type { rules } from "../../rules/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** One of exp-lint's rules, as rules/index.ts exports it (typed with typescript-eslint's definitions). */
export type ExpLintRule = (typeof rules)[keyof typeof rules];

export interface RuleTests {
  valid: (string | RuleTester.ValidTestCase)[];
  invalid: RuleTester.InvalidTestCase[];
}

/** ESLint's RuleTester, with exp-lint's rules and ESLint's own test-case types. */
export interface TypedRuleTester {
  run(name: string, rule: ExpLintRule, tests: RuleTests): void;
}

/**
 * The one place where a typescript-eslint rule type meets ESLint's RuleTester
 * (the same objects, described by two packages), and where a config with a
 * plugin language is passed as ESLint's config type.
 */
export function typedRuleTester(
  config: Linter.Config,
  map: (c: string | RuleTester.ValidTestCase) => string | RuleTester.ValidTestCase = (c) => c,
): TypedRuleTester {
  const tester = new RuleTester(config as ConstructorParameters<typeof RuleTester>[0]);
  return {
    run(name, rule, tests) {
      const invalid = tests.invalid.map((c) => map(c) as RuleTester.InvalidTestCase);
      tester.run(name, rule as unknown as Parameters<RuleTester["run"]>[1], { valid: tests.valid.map(map), invalid });
    },
  };
}
