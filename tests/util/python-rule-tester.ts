import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import { pythonLanguage } from "../../parsers/python/language.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** ESLint's RuleTester with the Python language; `code` strings are Python. */
export function pythonRuleTester(): RuleTester {
  return new RuleTester({
    files: ["**/*.js", "**/*.py"],
    plugins: { "exp-lint": { languages: { python: pythonLanguage } } },
    language: "exp-lint/python",
  } as never);
}
