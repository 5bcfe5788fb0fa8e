import { ESLint } from "eslint";
import { describe, expect, it, vi } from "vitest";
import plugin from "../plugin/index.js";
import { SemanticModel } from "../semantic/model.js";
import { tempProject } from "./util/cli.js";

/** Inputs the fuzzer (`npm run fuzz`) broke exp-lint with, each reduced to what triggered it. */

const eslint = new ESLint({ cwd: "/", overrideConfigFile: true, overrideConfig: plugin.configs.recommended, warnIgnored: false });

async function lint(name: string, text: string) {
  const [r] = await eslint.lintText(text, { filePath: `/project/${name}` });
  return r!.messages.map(({ ruleId, fatal, message, line, column, endLine, endColumn }) => ({ ruleId, fatal, message, line, column, endLine, endColumn }));
}

describe("fuzzer finds, fixed at the root", () => {
  it("resolves a member chain thousands of parts long without recursion", async () => {
    // Was: RangeError (call stack) in SemanticModel.resolve, thrown out of require-seed, ending the whole run.
    const chain = Array.from({ length: 100_000 }, () => "a").join(".");
    const msgs = await lint("train.py", `import numpy as np\nx = ${chain}()\nnoise = np.random.rand(3)\n`);
    expect(msgs.map((m) => [m.ruleId, m.line])).toEqual([["exp-lint/require-seed", 3]]);
  });

  it("ends Python lines at a lone CR, so a comment does not swallow the rest of the file", async () => {
    // Was: tree-sitter-python read `# ...\rimport ...` as one comment up to the end of the file: no findings at all.
    const msgs = await lint("train.py", "# classic Mac line endings\rimport numpy as np\rnoise = np.random.rand(3)\r");
    expect(msgs.map((m) => [m.ruleId, m.line, m.column])).toEqual([["exp-lint/require-seed", 3, 9]]);
  });

  it("gives TS/JS parsing errors 1-based columns", async () => {
    // Was: typescript-eslint's 0-based column passed through, so `column: 0`.
    const msgs = await lint("train.ts", "const = 1;\n");
    expect(msgs).toEqual([
      { ruleId: null, fatal: true, message: "Parsing error: Variable declaration expected.", line: 1, column: 7, endLine: undefined, endColumn: undefined },
    ]);
  });

  it("places a TypeScript compiler assertion at the start of the file", async () => {
    // Was: "Debug Failure. False expression." with no line or column at all.
    const [m] = await lint("train.ts", "@ df await   namespace cfg mlflow. u35 declare 1e3");
    expect(m).toMatchObject({ fatal: true, line: 1, column: 1, message: expect.stringContaining("the TypeScript parser failed (Debug Failure") });
  });

  it("places a TOML error by offset when lines end at a lone CR", async () => {
    // Was: the TOML parser's own line 1, column 35, on a line ESLint counts as 13 long.
    const [m] = await lint("pyproject.toml", '[project]\rname = "churn"\rdependencies = [\r');
    expect(m).toMatchObject({ fatal: true, line: 2, column: 1, message: "Parsing error: invalid TOML: Must be a newline" });
  });

  it("leaves out a notebook finding's end when it falls past the last cell", async () => {
    // Was: endLine 2 (a line of the virtual Python file) in a one-line .ipynb.
    const nb = JSON.stringify({ cells: [{ cell_type: "code", source: ["mP,(&", "!Mz=Y7q", ',L0]L"-k'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const msgs = await lint("experiment.ipynb", nb);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ ruleId: "exp-lint/syntax-error", line: 1, endLine: undefined });
  });

  it("splits notebook cells at CRLF and lone CR too, so magics are masked and positions stay in the cell", async () => {
    // Was: a lone \r inside a cell made a virtual line no cell held (a finding on line 2 of a one-line file),
    // and `%matplotlib inline\r\n` stayed unmasked, a syntax error.
    const cells = [["%matplotlib inline\r\n", "import numpy as np\r\n", "x = np.random.rand(3)"], ["total = 1\rdef f(:"]];
    const nb = JSON.stringify({
      cells: cells.map((source) => ({ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const [r] = await eslint.lintText(nb, { filePath: "/project/experiment.ipynb" });
    const at = (r!.messages as (NonNullable<typeof r>["messages"][number] & { cell?: number; cellLine?: number; cellColumn?: number })[]).map((m) => [
      m.ruleId,
      m.line,
      m.cell,
      m.cellLine,
      m.cellColumn,
    ]);
    expect(at).toEqual([
      ["exp-lint/require-seed", 1, 1, 3, 5],
      ["exp-lint/syntax-error", 1, 2, 2, 7],
    ]);
  });
});

describe("a file whose lint throws", () => {
  it("gets one fatal message naming the error, and the other files are still linted", async () => {
    const { main } = await import("../cli/main.js");
    const dir = tempProject({ "boom.py": "import numpy as np\nBOOM = np.random.rand(2)\n", "fine.py": "import numpy as np\nw = np.random.randn(3)\n" });
    const resolve = SemanticModel.prototype.resolve;
    const spy = vi.spyOn(SemanticModel.prototype, "resolve").mockImplementation(function (this: SemanticModel, ...args) {
      if (this.text.includes("BOOM")) throw new Error("simulated rule crash");
      return resolve.apply(this, args);
    });
    let out = "";
    try {
      const code = await main(["-f", "json", "--concurrency", "off", "."], { stdout: (s) => (out += s), stderr: (s) => (out += s), isTTY: false, cwd: dir });
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const results = JSON.parse(out) as ESLint.LintResult[];
    const byName = (n: string) =>
      results.find((r) => r.filePath.endsWith(n))!.messages.map((m) => ({ ruleId: m.ruleId, fatal: m.fatal, line: m.line, message: m.message }));
    expect(byName("boom.py")).toEqual([
      {
        ruleId: null,
        fatal: true,
        line: 1,
        message: expect.stringMatching(
          /^exp-lint failed on this file \(simulated rule crash; Occurred while linting .*boom\.py:1; Rule: "exp-lint\/require-seed"\); please report it$/u,
        ),
      },
    ]);
    expect(byName("fine.py")).toEqual([{ ruleId: "exp-lint/require-seed", fatal: undefined, line: 2, message: expect.any(String) }]);
  });
});
