import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { pythonLanguage } from "../parsers/python/language.js";
import { onProgram } from "../rules/util/program.js";

// A probe rule: reports every call that resolves to numpy.random.rand, through the shared model.
const probe = {
  meta: { type: "problem", languages: ["exp-lint/python"], messages: { found: "{{q}}" }, schema: [] },
  create(context: { sourceCode: unknown; report(d: unknown): void }) {
    return onProgram(context, ({ model, loc }) => {
      for (const { site, qname } of model.callsTo(["numpy.random.rand"])) context.report({ loc: loc(site.call.range), messageId: "found", data: { q: qname } });
    });
  },
};

const linter = new Linter({ configType: "flat" });
const config = [
  {
    files: ["**/*.py"],
    plugins: { "exp-lint": { languages: { python: pythonLanguage }, rules: { probe } } },
    language: "exp-lint/python",
    rules: { "exp-lint/probe": "error" },
  },
] as unknown as Linter.Config[];

const lint = (code: string) =>
  linter
    .verify(code, config, { filename: "train.py" })
    .map((m) => ({ line: m.line, column: m.column, endColumn: m.endColumn, rule: m.ruleId, msg: m.message }));

describe("the Python language", () => {
  it("resolves aliases and from-imports to qualified names", () => {
    const code = "import numpy as np\nfrom numpy import random as r\nfrom numpy.random import rand\nnp.random.rand(1)\nr.rand(2)\nrand(3)\n";
    expect(lint(code).map((m) => [m.line, m.msg])).toEqual([
      [4, "numpy.random.rand"],
      [5, "numpy.random.rand"],
      [6, "numpy.random.rand"],
    ]);
  });

  it("sees through a project module that re-exports a tracker", async () => {
    const { SemanticModel } = await import("../semantic/model.js");
    const { extractFacts } = await import("../parsers/python/facts.js");
    const { parsePython } = await import("../parsers/python/tree-sitter.js");
    const code = "from myproject.config import mlflow\nfrom .settings import wandb\nmlflow.start_run()\nwandb.init()\n";
    const model = new SemanticModel(extractFacts(parsePython(code), code), code);
    expect(model.facts.calls.map((s) => model.callee(s))).toEqual(["mlflow.start_run", "wandb.init"]);
    expect(model.imports("mlflow")).toBe(true);
  });

  it("names each call of a chain by its own callee", async () => {
    const { SemanticModel } = await import("../semantic/model.js");
    const { extractFacts } = await import("../parsers/python/facts.js");
    const { parsePython } = await import("../parsers/python/tree-sitter.js");
    const code = "from imblearn.over_sampling import SMOTE\nimport pandas as pd\nX2, y2 = SMOTE().fit_resample(X, y)\nrows = pd.read_csv(p).sample(5)\n";
    const model = new SemanticModel(extractFacts(parsePython(code), code), code);
    expect(model.facts.calls.map((s) => model.callee(s))).toEqual([
      "imblearn.over_sampling.SMOTE().fit_resample",
      "imblearn.over_sampling.SMOTE",
      "pandas.read_csv().sample",
      "pandas.read_csv",
    ]);
  });

  it("follows a name to its item of an unpacked display", async () => {
    const { SemanticModel } = await import("../semantic/model.js");
    const { extractFacts } = await import("../parsers/python/facts.js");
    const { parsePython } = await import("../parsers/python/tree-sitter.js");
    const code = "bs, lr = 128, 0.003\na, *rest = 1, 2, 3\nuse(bs, lr, a)\n";
    const model = new SemanticModel(extractFacts(parsePython(code), code), code);
    const args = model.facts.calls[0]!.call.args.map((x) => model.definition(x.value, 0));
    expect(args.map((e) => (e.kind === "literal" ? e.value : e.kind))).toEqual([128, 0.003, "name"]);
  });

  it("honours shadowing: a local parameter is not the import", () => {
    expect(lint("import numpy as np\ndef f(np):\n    np.random.rand(1)\n")).toEqual([]);
  });

  it("reports UTF-16 columns on lines with non-ASCII text and CRLF endings", () => {
    const code = "import numpy as np\r\nx = 'é😀'; y = np.random.rand(2)\r\n";
    expect(lint(code)).toEqual([{ line: 2, column: 16, endColumn: 33, rule: "exp-lint/probe", msg: "numpy.random.rand" }]);
  });

  it("treats a lone CR as a line break, as Python does", () => {
    expect(lint("import numpy as np\rnp.random.rand(2)\r").map((m) => m.line)).toEqual([2]);
  });

  it("supports ESLint directives written as Python comments", () => {
    const code = [
      "import numpy as np",
      "# eslint-disable-next-line exp-lint/probe -- the order does not matter here",
      "np.random.rand(1)",
      "np.random.rand(2)  # eslint-disable-line exp-lint/probe",
      "# eslint-disable exp-lint/probe",
      "np.random.rand(3)",
      "# eslint-enable exp-lint/probe",
      "np.random.rand(4)",
    ].join("\n");
    expect(lint(code).map((m) => m.line)).toEqual([8]);
  });

  it("supports noqa with exp-lint ids, bare noqa, and ignores other tools' codes", () => {
    const code = [
      "import numpy as np",
      "np.random.rand(1)  # noqa: probe",
      "np.random.rand(2)  # noqa: exp-lint/probe, E501",
      "np.random.rand(3)  # noqa",
      "np.random.rand(4)  # noqa: E501",
      "np.random.rand(5)  # NOQA:F401",
    ].join("\n");
    // `probe` has no hyphen, so only the prefixed form names it; a bare noqa silences all.
    expect(lint(code).map((m) => m.line)).toEqual([2, 5, 6]);
  });

  it("does not take a # inside a string for a directive", () => {
    expect(lint("import numpy as np\nx = np.random.rand(1); s = '# noqa'\n").map((m) => m.line)).toEqual([2]);
  });

  it("keeps analysing after a syntax error", () => {
    const code = "import numpy as np\ndef broken(:\n    pass\nnp.random.rand(9)\n";
    expect(lint(code).map((m) => m.line)).toEqual([4]);
  });

  it("reads a Databricks notebook exported as .py, IPython lines and all", () => {
    const code = "# Databricks notebook source\n!pip install -U mlflow\n%run ./Common\n\n# COMMAND ----------\nimport numpy as np\nnp.random.rand(1)\n";
    expect(lint(code).map((m) => [m.line, m.msg])).toEqual([[7, "numpy.random.rand"]]);
    const parsed = pythonLanguage.parse({ body: code, path: "nb.py", physicalPath: "nb.py", bom: false });
    expect(parsed.ok && parsed.ast.facts.syntaxProblem).toBeNull();
  });

  it("refuses binary input with one parse error", () => {
    const [m] = linter.verify("\u0000\u0001ELF", config, { filename: "model.py" });
    expect(m).toMatchObject({ fatal: true, message: expect.stringMatching(/binary file/u) });
  });

  it("parses many files in a row without keeping old trees alive", () => {
    for (let i = 0; i < 300; i++) expect(lint(`import numpy as np\nnp.random.rand(${i})\n`)).toHaveLength(1);
  });
});
