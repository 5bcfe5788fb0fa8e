import { pythonLanguage } from "../../parsers/python/language.js";
import { typedRuleTester, type TypedRuleTester } from "./rule-tester.js";

/** ESLint's RuleTester with the Python language; `code` strings are Python. */
export function pythonRuleTester(): TypedRuleTester {
  return typedRuleTester({
    files: ["**/*.js", "**/*.py"],
    plugins: { "exp-lint": { languages: { python: pythonLanguage } } },
    language: "exp-lint/python",
  });
}
