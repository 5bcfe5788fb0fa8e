import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { maskMagics } from "../parsers/notebook/magics.js";
import { readNotebook } from "../parsers/notebook/notebook.js";
import plugin from "../plugin/index.js";

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

/** A notebook as Jupyter writes it: one-space indent, one source line per JSON string. */
function notebook(cells: [string, string][], extra: Record<string, unknown> = {}): string {
  const json = {
    cells: cells.map(([cell_type, text]) => ({
      cell_type,
      metadata: {},
      source: text.split(/(?<=\n)/u),
      ...(cell_type === "code" ? { execution_count: null, outputs: [] } : {}),
      ...extra,
    })),
    metadata: { language_info: { name: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

async function lint(text: string) {
  const [result] = await eslint.lintText(text, { filePath: "experiment.ipynb" });
  return result!.messages as (ESLint.LintResult["messages"][number] & { cell?: number; cellLine?: number; cellColumn?: number })[];
}

describe("IPython syntax", () => {
  it("turns magics, shell escapes and help lines into comments, line for line", () => {
    const cell = ["%matplotlib inline", "!pip install -q mlflow", "files = !ls data", "df.head?", "??np.random", "x = 1"].join("\n");
    expect(maskMagics(cell).split("\n")).toEqual(["#matplotlib inline", "#pip install -q mlflow", "files = ...  #ls data", "#f.head?", "#?np.random", "x = 1"]);
  });

  it("leaves a % that continues a bracketed or backslashed line to Python, where it is modulo", () => {
    const cell = 'print("labels: %s"\n      % counts)\nmsg = "a %d" \\\n    % 3\ns = """\n%not a magic\n"""\n%matplotlib inline';
    expect(maskMagics(cell).split("\n")).toEqual([
      'print("labels: %s"',
      "      % counts)",
      'msg = "a %d" \\',
      "    % 3",
      's = """',
      "%not a magic",
      '"""',
      "#matplotlib inline",
    ]);
  });

  it("masks the lines a magic or shell escape continues onto with a backslash", () => {
    const cell = "!python train.py \\\n    --epochs 3 \\\n    --lr 0.1\nx = 1 + \\\n    2";
    expect(maskMagics(cell).split("\n")).toEqual(["#python train.py \\", "    #-epochs 3 \\", "    #-lr 0.1", "x = 1 + \\", "    2"]);
  });

  it("keeps the Python body of timing cell magics and drops other cell magics", () => {
    expect(maskMagics("%%time\nmodel.fit(X, y)")).toBe("#%%time\nmodel.fit(X, y)");
    // W&B's cell magic shows the run beside the output; its body runs as Python (wandb/examples' Keras crash course).
    expect(maskMagics("%%wandb\nmodel.fit(ds, callbacks=[WandbCallback()])")).toBe("#%%wandb\nmodel.fit(ds, callbacks=[WandbCallback()])");
    expect(maskMagics("%%bash\nls -la\n\necho hi")).toBe("#%%bash\n#ls -la\n\n#echo hi");
  });
});

describe("notebooks", () => {
  it("treats the code cells as one program, in order", async () => {
    const text = notebook([
      ["markdown", "# Title"],
      ["code", "import numpy as np\n"],
      ["code", "%matplotlib inline\nweights = np.random.randn(3)\n"],
    ]);
    const [m] = await lint(text);
    expect(m).toMatchObject({ ruleId: "exp-lint/require-seed", cell: 3, cellLine: 2, cellColumn: 11 });
    // The raw-file position is the JSON line holding that source string.
    expect(text.split("\n")[m!.line - 1]).toContain("weights = np.random.randn(3)");
    expect(text.split("\n")[m!.line - 1]!.indexOf("np.random")).toBe(m!.column - 1);
  });

  it("names another line as the cell and line the reader sees, not the line of the joined program", async () => {
    const text = notebook([
      ["code", "import mlflow\nlr = 0.1\n"],
      ["markdown", "## Train"],
      ["code", "with mlflow.start_run():\n    mlflow.log_param('lr', lr)\n"],
      ["code", "mlflow.log_metric('acc', 0.9)\n"],
    ]);
    const messages = await lint(text);
    const m = messages.find((x) => x.ruleId === "exp-lint/no-log-outside-run");
    expect(m).toMatchObject({ cell: 4, cellLine: 1 });
    expect(m!.message).toContain("the run started on line 1 of cell 3 has closed");
  });

  it("a seed in cell 1 covers cell 5", async () => {
    const text = notebook([
      ["code", "import numpy as np\nnp.random.seed(0)"],
      ["markdown", "text"],
      ["code", "x = 1"],
      ["markdown", "more"],
      ["code", "w = np.random.randn(3)"],
    ]);
    expect(await lint(text)).toEqual([]);
  });

  it("maps columns through JSON escapes and non-ASCII text", async () => {
    const text = notebook([["code", 'import numpy as np\nlabel = "tab\\there é 😀"; w = np.random.rand(2)\n']]);
    const [m] = await lint(text);
    expect(m).toMatchObject({ cell: 1, cellLine: 2, cellColumn: 31 });
    expect(text.split("\n")[m!.line - 1]!.slice(m!.column - 1)).toMatch(/^np\.random\.rand/u);
  });

  it("honours disable directives written in cell comments", async () => {
    const text = notebook([["code", "import numpy as np\nw = np.random.rand(2)  # noqa: require-seed\n"]]);
    expect(await lint(text)).toEqual([]);
  });

  it("accepts a cell whose source is one string, and nbformat 3 worksheets", async () => {
    const single = JSON.stringify({ cells: [{ cell_type: "code", source: "import random\nrandom.shuffle(xs)\n", outputs: [] }], nbformat: 4 });
    expect((await lint(single)).map((m) => [m.ruleId, m.cell, m.cellLine])).toEqual([["exp-lint/require-seed", 1, 2]]);
    const v3 = JSON.stringify({ worksheets: [{ cells: [{ cell_type: "code", input: ["import random\n", "random.random()\n"] }] }], nbformat: 3 });
    expect((await lint(v3)).map((m) => [m.ruleId, m.cell, m.cellLine])).toEqual([["exp-lint/require-seed", 1, 2]]);
  });

  it("reports a malformed notebook once, clearly", async () => {
    for (const [text, why] of [
      ["{ not json", /not valid JSON/u],
      ["[1, 2]", /top level is not an object/u],
      ['{"nbformat": 4}', /no cells list/u],
    ] as const) {
      const msgs = await lint(text);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]).toMatchObject({ fatal: true, severity: 2, message: expect.stringMatching(why) });
    }
  });

  it("skips cells with wrong types instead of failing", async () => {
    const text = JSON.stringify({ cells: [{ cell_type: "code", source: 42 }, "cell", { cell_type: "code", source: ["x = 1\n", null] }], nbformat: 4 });
    expect(await lint(text)).toEqual([]);
  });

  it("reads a notebook with megabytes of base64 output", async () => {
    const image = "iVBORw0KGgo".repeat(400_000);
    const text = notebook([["code", "import random\nrandom.random()\n"]], { outputs: [{ output_type: "display_data", data: { "image/png": image } }] });
    const nb = readNotebook(text);
    expect(nb.ok && nb.cells[0]!.source).toBe("import random\nrandom.random()\n");
    expect((await lint(text)).map((m) => m.ruleId)).toEqual(["exp-lint/require-seed"]);
  });
});
