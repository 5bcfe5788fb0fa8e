import rule from "../rules/syntax-error.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("syntax-error", rule, {
  valid: ["import numpy as np\nnp.random.seed(0)\n", "", "# only a comment\n", "x = 'héllo'\n", "if x: y = 1; z = 2\n"],
  invalid: [
    {
      code: "x = (1,\ny = 2\n",
      errors: [{ messageId: "syntaxError" }],
    },
    {
      // tree-sitter reads `[a-zA-Z]96` as two statements and marks only the module: the error is the line they share.
      code: "import pandas as pd\ndf = pd.read_csv('train.csv')\n[a-zA-Z]96\ndf.head()\n",
      errors: [{ messageId: "syntaxError", line: 3, column: 1, endLine: 3, endColumn: 11, data: { detail: "unexpected syntax", code: "[a-zA-Z]96" } }],
    },
    {
      code: "def clean(df):\n    df = df.dropna()\n    [a-z]9\n    return df\n",
      errors: [{ messageId: "syntaxError", line: 3, data: { detail: "unexpected syntax", code: "[a-z]9" } }],
    },
    {
      // A non-breaking space pasted from a book: named, since the code frame cannot show it.
      code: "from tensorflow import keras\nfrom tensorflow.keras\u00a0import\u00a0layers\n",
      errors: [
        {
          messageId: "syntaxError",
          line: 2,
          data: { detail: "a non-breaking space (U+00A0) where Python needs a plain space", code: "from tensorflow.keras import layers" },
        },
      ],
    },
    {
      code: "def f(:\n    pass\n",
      errors: [{ messageId: "syntaxError", line: 1, data: { detail: "missing )", code: "def f(:" } }],
    },
  ],
});
