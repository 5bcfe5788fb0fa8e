import rule from "../rules/syntax-error.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("syntax-error", rule, {
  valid: ["import numpy as np\nnp.random.seed(0)\n", "", "# only a comment\n", "x = 'héllo'\n"],
  invalid: [
    {
      code: "x = (1,\ny = 2\n",
      errors: [{ messageId: "syntaxError" }],
    },
    {
      code: "def f(:\n    pass\n",
      errors: [{ messageId: "syntaxError", line: 1, data: { detail: "missing )", code: "def f(:" } }],
    },
  ],
});
