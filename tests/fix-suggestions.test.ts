import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";

const TRAIN = [
  "import mlflow",
  "",
  "def fit(X, y):",
  "    run = mlflow.start_run(run_name='refit')",
  "    model = train(X, y)",
  "    mlflow.end_run()",
  "    return model",
  "",
  "def evaluate(model):",
  "    with mlflow.start_run():",
  "        score = model.score()",
  "    mlflow.log_metric('score', score)",
  "",
].join("\r\n");

describe("--fix-suggestions <rule>", () => {
  it("--fix-dry-run shows the one rule's suggestions as a diff and writes nothing", async () => {
    const dir = tempProject({ "train.py": TRAIN });
    const run = await runCli(["--fix-suggestions", "require-run-context", "--fix-dry-run", "train.py"], dir);
    expect(run.stdout).toContain("-    run = mlflow.start_run(run_name='refit')");
    expect(run.stdout).toContain("+    with mlflow.start_run(run_name='refit') as run:");
    // Another rule's suggestion is not applied.
    expect(run.stdout).not.toContain("+        mlflow.log_metric('score', score)");
    expect(readFileSync(join(dir, "train.py"), "utf8")).toBe(TRAIN);
  });

  it("writes the file with its line endings, and the finding is gone on the next run", async () => {
    const dir = tempProject({ "train.py": TRAIN });
    await runCli(["--fix-suggestions", "exp-lint/no-log-outside-run", "train.py"], dir);
    const after = readFileSync(join(dir, "train.py"), "utf8");
    expect(after).toBe(TRAIN.replace("\r\n    mlflow.log_metric('score', score)", "\r\n        mlflow.log_metric('score', score)"));
    const again = await runCli(["--format", "json", "train.py"], dir);
    const ids = (JSON.parse(again.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids).not.toContain("exp-lint/no-log-outside-run");
    expect(ids).toContain("exp-lint/require-run-context");
  });

  it("refuses a rule without suggestions, naming those with them", async () => {
    const dir = tempProject({ "train.py": TRAIN });
    const run = await runCli(["--fix-suggestions", "no-test-data-leakage", "train.py"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-test-data-leakage is not a rule with suggestions; these have them: no-literal-log-param, no-log-outside-run");
    expect(readFileSync(join(dir, "train.py"), "utf8")).toBe(TRAIN);
  });
});
