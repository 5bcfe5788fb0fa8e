import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import { typescriptParser } from "../../parsers/estree/parser.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

type Case = string | { code: string; filename?: string };

/** ESLint's RuleTester with typescript-eslint's parser; `code` strings are TypeScript, linted as `example.ts`. */
export function typescriptRuleTester(): { run(name: string, rule: never, tests: { valid: Case[]; invalid: Case[] }): void } {
  const tester = new RuleTester({ files: ["**/*.ts"], languageOptions: { parser: typescriptParser } } as never);
  const asTs = (c: Case) => (typeof c === "string" ? { code: c, filename: "example.ts" } : { filename: "example.ts", ...c });
  return {
    run(name, rule, tests) {
      tester.run(name, rule, { valid: tests.valid.map(asTs), invalid: tests.invalid.map(asTs) } as never);
    },
  };
}
