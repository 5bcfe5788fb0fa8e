// The three provenance rules in TypeScript: RuleTester cases through typescript-eslint's parser, and the
// same findings from the CLI and from ESLint's Node API on their TS fixtures.
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../plugin/index.js";
import unloggedMetric from "../rules/no-unlogged-metric.js";
import provenance from "../rules/require-run-provenance.js";
import seedRepeats from "../rules/require-seed-repeats.js";
import { runCli, tempProject } from "./util/cli.js";
import { FIXTURES } from "./util/fixtures.js";
import { typescriptRuleTester } from "./util/ts-rule-tester.js";

const tester = typescriptRuleTester();
const TF = 'import * as tf from "@tensorflow/tfjs-node";\n';
const MLFLOW_JS = `${TF}import { Mlflow } from "mlflow-js";\nconst mlflow = new Mlflow(uri);\n`;
const NPM_MLFLOW = `${TF}import MLflow from "mlflow";\nconst client = new MLflow({ endpoint: uri });\n`;
const WANDB = `${TF}import wandb from "@wandb/sdk";\n`;
const FIT = "const model = tf.sequential();\nawait model.fit(xs, ys, { epochs: 3 });\n";

tester.run("require-run-provenance", provenance as never, {
  valid: [
    `${MLFLOW_JS}const run = await mlflow.createRun("1");\n${FIT}await mlflow.logInputs(run.info.run_id, datasets);\nawait mlflow.logModel(run.info.run_id, modelJson);\n`,
    // A registered version whose source is the run's artifacts records the model; a data tag its data.
    `${MLFLOW_JS}const run = await mlflow.createRun("1");\n${FIT}await mlflow.setTag(run.info.run_id, "dataset_version", "v3");\nawait mlflow.createModelVersion("churn", src, run.info.run_id);\n`,
    // Tags in a batch name the data; the npm client uploads no files, so a model location key records the model.
    `${NPM_MLFLOW}const { run } = await client.Runs.create({ experiment_id: "1" });\n${FIT}await client.Runs.logBatch({ run_id: id, tags: [{ key: "data_version", value: v }, { key: "model_uri", value: "file://m" }] });\n`,
    `${WANDB}await wandb.init({ config: { dataset: "sensors-v2", modelPath: "file://m" } });\n${FIT}`,
    // No training: nothing to record.
    `${WANDB}await wandb.init({ config: {} });\nwandb.log({ rows: 10 });\n`,
    // Not the tracker package: a project module of the same name.
    `${TF}import wandb from "./wandb";\nawait wandb.init();\n${FIT}`,
  ],
  invalid: [
    {
      code: `${MLFLOW_JS}const run = await mlflow.createRun("1");\n${FIT}await model.save("file://m");\n`,
      errors: [
        {
          messageId: "noModel",
          line: 4,
          column: 19,
          data: { start: "mlflow.createRun()", how: "mlflow.logModel(runId, modelJson) or mlflow.createModelVersion(name, source, runId)" },
        },
        { messageId: "noData", line: 4 },
      ],
    },
    // A model location key does not stand for an upload with a client that can upload the model.
    {
      code: `${MLFLOW_JS}const run = await mlflow.createRun("1");\n${FIT}await mlflow.setTag(run.info.run_id, "model_uri", "file://m");\nawait mlflow.logInputs(run.info.run_id, datasets);\n`,
      errors: [{ messageId: "noModel", line: 4 }],
    },
    { code: `${WANDB}await wandb.init({ config: { modelPath: "file://m" } });\n${FIT}`, errors: [{ messageId: "noData", line: 3 }] },
    // An optimizer step is training too.
    {
      code: `${WANDB}await wandb.init({ config: { dataset: "v2" } });\nconst opt = tf.train.adam(0.1);\nopt.minimize(() => loss());\n`,
      errors: [{ messageId: "noModel", line: 3 }],
    },
  ],
});

tester.run("no-unlogged-metric", unloggedMetric as never, {
  valid: [
    `${WANDB}await wandb.init();\n${FIT}const [loss, acc] = model.evaluate(xs, ys) as tf.Scalar[];\nwandb.log({ loss: loss.dataSync()[0], acc: acc.dataSync()[0] });\nconsole.log(acc.dataSync()[0]);\n`,
    // Logged through an operator: the logged error rate is computed from the accuracy.
    `${WANDB}await wandb.init();\n${FIT}const acc = tf.metrics.binaryAccuracy(ys, preds).dataSync()[0];\nwandb.log({ error_rate: 1 - acc });\nconsole.log(acc);\n`,
    // Not in a tracked run.
    `${TF}${FIT}const acc = tf.metrics.binaryAccuracy(ys, preds);\nconsole.log(acc.dataSync()[0]);\n`,
    // A local `console` is not the global one.
    `${WANDB}await wandb.init();\nconst console = { log: (x: unknown) => wandb.log({ x }) };\nconst acc = tf.metrics.recall(ys, preds);\nconsole.log(acc);\n`,
  ],
  invalid: [
    {
      code: `${WANDB}await wandb.init();\n${FIT}const [loss, acc] = model.evaluate(xs, ys) as tf.Scalar[];\nwandb.log({ loss: loss.dataSync()[0] });\nconsole.log(acc.dataSync()[0]);\n`,
      errors: [
        { messageId: "unlogged", line: 6, column: 21, data: { metric: "acc from model.evaluate()", shown: "shown by console.log()", how: "wandb.log()" } },
      ],
    },
    {
      code: `${NPM_MLFLOW}const { run } = await client.Runs.create({ experiment_id: "1" });\nconst p = tf.metrics.precision(ys, preds);\nconsole.table({ precision: p.dataSync()[0] });\n`,
      errors: [{ messageId: "unlogged", line: 5, data: { metric: "precision", shown: "shown by console.table()", how: "client.Runs.logMetric()" } }],
    },
    {
      code: `${MLFLOW_JS}import { writeFileSync } from "fs";\nconst run = await mlflow.createRun("1");\nconst r = tf.metrics.recall(ys, preds).dataSync()[0];\nwriteFileSync("report.json", JSON.stringify({ r }));\n`,
      errors: [{ messageId: "unlogged", line: 6, data: { metric: "recall", shown: "shown by writeFileSync()", how: "mlflow.logMetric()" } }],
    },
  ],
});

tester.run("require-seed-repeats", seedRepeats as never, {
  valid: [
    `${TF}for (const seed of [0, 1, 2, 3, 4]) {\n  await tf.sequential().fit(xs, ys);\n}\n`,
    // Not a comparison: nothing is trained in the loop.
    `${TF}for (const seed of [1]) {\n  console.log(seed);\n}\n`,
  ],
  invalid: [
    {
      code: `${TF}for (const seed of [1, 2]) {\n  await tf.sequential().fit(xs, ys);\n}\n`,
      errors: [{ messageId: "fewSeeds", line: 2, column: 20, data: { count: "2", seeds: "[1, 2]", min: "5" } }],
    },
    { code: `${WANDB}for (const runSeed of [7]) {\n  await wandb.init({ config: { seed: runSeed } });\n}\n`, errors: [{ messageId: "fewSeeds", line: 3 }] },
    {
      code: `${TF}const SEEDS = [1, 2, 3];\nfor (const seed of SEEDS) {\n  await tf.sequential().fit(xs, ys);\n}\n`,
      options: [{ minSeeds: 4 }],
      errors: [{ messageId: "fewSeeds", data: { count: "3", seeds: "SEEDS", min: "4" } }],
    },
  ],
});

describe("the provenance rules on TypeScript, through the CLI and through ESLint", () => {
  const RULES = ["require-run-provenance", "no-unlogged-metric", "require-seed-repeats"];
  const files: Record<string, string> = {};
  for (const rule of RULES) for (const name of ["train.ts", "train.ok.ts"]) files[`${rule}/${name}`] = readFileSync(join(FIXTURES, rule, name), "utf8");
  const dir = tempProject(files);
  const only = (results: ESLint.LintResult[]) =>
    results
      .flatMap((r) =>
        r.messages
          .filter((m) => RULES.includes(m.ruleId?.replace(/^exp-lint\//u, "") ?? ""))
          .map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`),
      )
      .sort();

  it("gives the same findings from both front doors, and none on the clean fixtures", async () => {
    const viaEslint = only(await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.strict }).lintFiles(["."]));
    const viaCli = only(JSON.parse((await runCli(["--strict", "--isolated", "-f", "json", "."], dir)).stdout) as ESLint.LintResult[]);
    expect(viaCli).toEqual(viaEslint);
    for (const rule of RULES) expect(viaCli.filter((f) => f.startsWith(`${rule}/train.ts:`) && f.endsWith(`exp-lint/${rule}`)).length, rule).toBeGreaterThan(0);
    // Each clean fixture is clean for its own rule (the others may ask more of it).
    expect(viaCli.filter((f) => RULES.some((rule) => f.startsWith(`${rule}/train.ok.ts:`) && f.endsWith(`exp-lint/${rule}`)))).toEqual([]);
  });
});
