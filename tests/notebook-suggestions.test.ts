import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../plugin/index.js";

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

const notebook = (cells: string[]) =>
  JSON.stringify(
    {
      cells: cells.map((source) => ({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );

describe("suggestions in notebooks", () => {
  it("a suggestion inside one line of a cell is moved into the .ipynb text, and applying it gives the cell the edit", async () => {
    const raw = notebook(["import mlflow\n", 'with mlflow.start_run():\n    with mlflow.start_run(run_name="fold"):\n        pass\n']);
    const [result] = await eslint.lintText(raw, { filePath: "experiment.ipynb" });
    const m = result!.messages.find((x) => x.messageId === "nestedWithoutFlag")!;
    expect(m.suggestions).toHaveLength(1);
    const { range, text } = m.suggestions![0]!.fix;
    const fixed = JSON.parse(raw.slice(0, range[0]) + text + raw.slice(range[1])) as { cells: { source: string }[] };
    expect(fixed.cells[1]!.source).toBe('with mlflow.start_run():\n    with mlflow.start_run(run_name="fold", nested=True):\n        pass\n');
  });

  it("one that changes several lines of a cell is not offered there", async () => {
    const raw = notebook(["import mlflow\n", "run = mlflow.start_run()\nmlflow.log_param('a', a)\nmlflow.end_run()\n"]);
    const [result] = await eslint.lintText(raw, { filePath: "experiment.ipynb" });
    const m = result!.messages.find((x) => x.messageId === "endNotGuaranteed")!;
    expect(m.suggestions ?? []).toEqual([]);
  });
});
