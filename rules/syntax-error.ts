import { PythonSourceCode } from "../parsers/python/source-code.js";
import { createRule } from "./util/create-rule.js";
import { snippet } from "./util/program.js";

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
      syntaxError:
        "Syntax error ({{detail}}) at `{{code}}`: exp-lint checked the rest of the file, but not the code around here; fix the syntax so all of it is checked.",
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
        // The line the error sits on, so the message shows the code and not only a position.
        const start = source.text.lastIndexOf("\n", problem.range[0] - 1) + 1;
        const end = source.text.indexOf("\n", problem.range[0]);
        const code = snippet(source.text.slice(start, end === -1 ? undefined : end), 50) || "end of file";
        context.report({ loc: source.locOf(problem.range), messageId: "syntaxError", data: { detail: problem.message, code } });
      },
    };
  },
});
