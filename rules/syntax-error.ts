import { PythonSourceCode } from "../parsers/python/source-code.js";
import { createRule } from "./util/create-rule.js";

type MessageIds = "syntaxError";

export default createRule<[], MessageIds>({
  name: "syntax-error",
  meta: {
    type: "problem",
    languages: ["exp-lint/python"],
    docs: {
      description: "Report Python syntax errors that the other rules had to skip over",
      recommended: true,
    },
    messages: {
      syntaxError: "Syntax error ({{detail}}): exp-lint checked the rest of the file, but code around here was not analysed.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Module() {
        const source = context.sourceCode as unknown;
        if (!(source instanceof PythonSourceCode)) return;
        const problem = source.syntaxProblem;
        if (!problem) return;
        context.report({ loc: source.locOf(problem.range), messageId: "syntaxError", data: { detail: problem.message } });
      },
    };
  },
});
