import { typescriptParser } from "../../parsers/estree/parser.js";
import { typedRuleTester, type TypedRuleTester } from "./rule-tester.js";

/** ESLint's RuleTester with typescript-eslint's parser; `code` strings are TypeScript, linted as `example.ts`. */
export function typescriptRuleTester(): TypedRuleTester {
  return typedRuleTester({ files: ["**/*.ts"], languageOptions: { parser: typescriptParser } }, (c) =>
    typeof c === "string" ? { code: c, filename: "example.ts" } : { filename: "example.ts", ...c },
  );
}
