// Each rule's TypeScript forms through ESLint's RuleTester with typescript-eslint's parser.
import literal from "../rules/no-literal-log-param.js";
import mislabeled from "../rules/no-mislabeled-metric.js";
import runContext from "../rules/require-run-context.js";
import seed from "../rules/require-seed.js";
import { typescriptRuleTester } from "./util/ts-rule-tester.js";

const tester = typescriptRuleTester();
const MLFLOW = 'import MLflow from "mlflow";\nconst client = new MLflow({ endpoint: "http://mlflow" });\n';
const TF = 'import * as tf from "@tensorflow/tfjs-node";\n';

tester.run("no-literal-log-param", literal as never, {
  valid: [
    `${MLFLOW}client.Runs.logParameter({ run_id: id, key: "lr", value: String(lr) });\n`,
    // Not the mlflow npm package: a project module of the same name.
    'import MLflow from "./mlflow";\nconst c = new MLflow();\nc.Runs.logParameter({ run_id: id, key: "lr", value: "0.1" });\n',
    // A spread may override the literal.
    `${MLFLOW}client.Runs.logParameter({ key: "lr", value: "0.1", ...overrides });\n`,
    'import wandb from "@wandb/sdk";\nwandb.init({ config: { lr: 0.1 } });\ntrain(wandb.config.lr);\n',
  ],
  invalid: [
    {
      code: `${MLFLOW}const { Runs } = client;\nRuns.logParameter({ run_id: id, key: "lr", value: "0.1" });\n`,
      errors: [{ messageId: "literalParam", line: 4, column: 51, endColumn: 56 }],
    },
    {
      code: 'const MLflow = require("mlflow");\nconst client = new MLflow();\nclient.Runs.logParameter({ run_id: id, key: "lr", value: 0.1 });\n',
      errors: [{ messageId: "literalParam", line: 3 }],
    },
    {
      code: 'import { Mlflow } from "mlflow-js";\nconst m = new Mlflow(uri);\nm.logParam(runId, "epochs", 10);\ntrain({ epochs: args.epochs });\n',
      // Named as JavaScript writes it: a property of the options object, not `epochs=...`.
      errors: [
        {
          messageId: "literalMismatch",
          line: 3,
          column: 29,
          endColumn: 31,
          data: { key: "epochs", value: "10", callee: "train", argument: "epochs: args.epochs" },
          suggestions: [
            {
              messageId: "logReceived",
              output:
                'import { Mlflow } from "mlflow-js";\nconst m = new Mlflow(uri);\nm.logParam(runId, "epochs", args.epochs);\ntrain({ epochs: args.epochs });\n',
            },
          ],
        },
      ],
    },
    {
      code: 'import Mlflow from "mlflow-js";\nconst m = new Mlflow(uri);\nm.getRunClient().logBatch(runId, [], [{ key: "seed", value: "1" }], []);\n',
      errors: [{ messageId: "literalParam", line: 3 }],
    },
    {
      code: 'import wandb from "@wandb/sdk";\nwandb.init({ config: { lr: 0.1 } });\n',
      errors: [{ messageId: "configNotRead", line: 2, column: 28, endColumn: 31 }],
    },
    {
      // The same literal logged and passed: a `const` after the imports, used by both.
      code: 'import wandb from "@wandb/sdk";\nimport * as tf from "@tensorflow/tfjs";\nwandb.init({ config: { lr: 0.1 } });\nconst opt = tf.train.sgd({ lr: 0.1 });\n',
      errors: [
        {
          messageId: "configNotRead",
          suggestions: [
            {
              messageId: "bindLiteral",
              output:
                'import wandb from "@wandb/sdk";\nimport * as tf from "@tensorflow/tfjs";\nconst LR = 0.1;\nwandb.init({ config: { lr: LR } });\nconst opt = tf.train.sgd({ lr: LR });\n',
            },
          ],
        },
      ],
    },
  ],
});

tester.run("no-mislabeled-metric", mislabeled as never, {
  valid: [
    `${MLFLOW}client.Runs.logMetric({ run_id: id, key: "train_acc", value: trainAcc });\n`,
    'import wandb from "@wandb/sdk";\nwandb.log({ test_acc: testAcc, loss: trainLoss });\n',
  ],
  invalid: [
    {
      code: `${MLFLOW}client.Runs.logMetric({ run_id: id, key: "val_acc", value: trainAcc });\n`,
      errors: [
        {
          messageId: "trainAsHeldOut",
          line: 3,
          suggestions: [{ messageId: "renameKey", output: `${MLFLOW}client.Runs.logMetric({ run_id: id, key: "train_acc", value: trainAcc });\n` }],
        },
      ],
    },
    {
      code: 'import wandb from "@wandb/sdk";\nwandb.log({ test_acc: valAcc });\n',
      errors: [
        {
          messageId: "valAsTest",
          line: 2,
          column: 13,
          endColumn: 29,
          suggestions: [{ messageId: "renameKey", output: 'import wandb from "@wandb/sdk";\nwandb.log({ val_acc: valAcc });\n' }],
        },
      ],
    },
    {
      code: `${MLFLOW}client.Runs.logBatch({ run_id: id, metrics: [{ key: "accuracy", value: xTrainScore, timestamp: 0 }] });\n`,
      errors: [
        {
          messageId: "trainUnqualified",
          line: 3,
          suggestions: [
            {
              messageId: "renameKey",
              output: `${MLFLOW}client.Runs.logBatch({ run_id: id, metrics: [{ key: "train_accuracy", value: xTrainScore, timestamp: 0 }] });\n`,
            },
          ],
        },
      ],
    },
  ],
});

tester.run("require-seed", seed as never, {
  valid: [
    'import seedrandom from "seedrandom";\nseedrandom("1", { global: true });\nconst xs = rows.sort(() => Math.random() - 0.5);\n',
    'import seedrandom from "seedrandom";\nconst rng = seedrandom("1");\nconst x = rng();\n',
    `${TF}const w = tf.randomNormal([3, 3], 0, 1, "float32", 42);\n`,
    `${TF}const init = tf.initializers.heNormal({ seed: 1 });\n`,
    // A layer given a seeded initializer does not draw through its default one.
    `${TF}export function build() {\n  return tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) });\n}\n`,
    `${TF}const model = tf.sequential();\nawait model.fit(xs, ys, { epochs: 3, shuffle: false });\n`,
    // A UI id, not data handling, in a file with no ML library.
    "const id = Math.random().toString(36);\n",
    // A local `Math` is not the global one.
    `${TF}const Math = { random: () => 0.5 };\nconst x = Math.random();\n`,
  ],
  invalid: [
    {
      code: "export function shuffle(xs: number[]) {\n  return xs.sort(() => Math.random() - 0.5);\n}\n",
      errors: [
        {
          messageId: "globalUnseeded",
          line: 2,
          column: 24,
          endColumn: 37,
          data: { call: "Math.random()", library: "JavaScript", seedHint: "seedrandom(SEED, { global: true })", alternative: "" },
        },
      ],
    },
    { code: `${TF}tf.util.shuffle(indices);\n`, errors: [{ messageId: "globalUnseeded", line: 2 }] },
    // Remedies in JavaScript's terms (positional seeds, `{ seed }` options), never Python's `seed=SEED` or `None`.
    {
      code: `${TF}const w = tf.randomUniform([3], 0, 1);\n`,
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          column: 11,
          data: { call: "tf.randomUniform(...)", how: "has no seed", fix: "a seed, as in tf.randomUniform(shape, minval, maxval, dtype, SEED)" },
        },
      ],
    },
    {
      code: `${TF}const w = tf.randomNormal([3], 0, 1, "float32", undefined);\n`,
      errors: [
        {
          messageId: "callUnseeded",
          data: { call: "tf.randomNormal(...)", how: "passes undefined as its seed", fix: "a seed, as in tf.randomNormal(shape, mean, stdDev, dtype, SEED)" },
          suggestions: [{ messageId: "passNewSeed", output: `${TF}const SEED = 42;\nconst w = tf.randomNormal([3], 0, 1, "float32", SEED);\n` }],
        },
      ],
    },
    {
      code: `${TF}const init = tf.initializers.glorotUniform({ seed: null });\n`,
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          data: {
            call: "tf.initializers.glorotUniform(...)",
            how: "passes null as its seed",
            fix: "{ seed: SEED } in its options, as in tf.initializers.glorotUniform({ seed: SEED })",
          },
          suggestions: [{ messageId: "passNewSeed", output: `${TF}const SEED = 42;\nconst init = tf.initializers.glorotUniform({ seed: SEED });\n` }],
        },
      ],
    },
    // Initialisers are reported once per file, for the global generator they fall back on: one seed fixes them all.
    {
      code: `${TF}export function build() {\n  const a = tf.initializers.glorotUniform({});\n  const b = tf.initializers.heNormal({});\n  return [a, b];\n}\n`,
      errors: [
        {
          messageId: "globalUnseeded",
          line: 3,
          data: { call: "tf.initializers.glorotUniform(...)", library: "JavaScript", seedHint: "seedrandom(SEED, { global: true })", alternative: "" },
        },
      ],
    },
    // Dropout: a per-call seed would repeat the same mask at every step, so the remedy is the global seed.
    {
      code: `${TF}export const drop = (x: tf.Tensor) => tf.dropout(x, 0.5);\n`,
      errors: [
        {
          messageId: "globalUnseeded",
          line: 2,
          data: { call: "tf.dropout(...)", library: "JavaScript", seedHint: "seedrandom(SEED, { global: true })", alternative: "" },
        },
      ],
    },
    // A file that only exports a model builder: its layers draw from Math.random when the program runs it.
    {
      code: `${TF}export function buildModel(): tf.Sequential {\n  const model = tf.sequential();\n  model.add(tf.layers.dense({ units: 1, inputShape: [1] }));\n  return model;\n}\n`,
      errors: [{ messageId: "globalUnseeded", line: 4 }],
    },
    {
      code: 'import seedrandom from "seedrandom";\nconst rng = seedrandom();\n',
      errors: [
        {
          messageId: "callUnseeded",
          line: 2,
          data: { call: "seedrandom()", how: "has no seed", fix: "a seed, as in seedrandom(SEED)" },
          suggestions: [{ messageId: "passNewSeed", output: 'import seedrandom from "seedrandom";\nconst SEED = 42;\nconst rng = seedrandom(SEED);\n' }],
        },
      ],
    },
    {
      // The file's seed constant goes into the options object.
      code: `${TF}const SEED = 7;\nconst init = tf.initializers.glorotUniform({ scale: 1 });\n`,
      options: [{ requireExplicitRandomState: true }],
      errors: [
        {
          messageId: "callUnseeded",
          suggestions: [{ messageId: "passSeed", output: `${TF}const SEED = 7;\nconst init = tf.initializers.glorotUniform({ scale: 1, seed: SEED });\n` }],
        },
      ],
    },
    { code: `${TF}const model = tf.sequential();\nawait model.fit(xs, ys, { epochs: 3 });\n`, errors: [{ messageId: "globalUnseeded", line: 3 }] },
  ],
});

tester.run("require-run-context", runContext as never, {
  valid: [
    'import wandb from "@wandb/sdk";\nconst run = await wandb.init();\ntry {\n  wandb.log({ a: 1 });\n} finally {\n  await run.finish();\n}\n',
    `${MLFLOW}const { run } = await client.Runs.create({ experiment_id: "1" });\ntry {\n  work();\n} finally {\n  await client.Runs.update({ run_id: run.info.run_id, status: "FINISHED" });\n}\n`,
    'import wandb from "@wandb/sdk";\nexport function start() {\n  return wandb.init();\n}\n',
  ],
  invalid: [
    { code: 'import wandb from "@wandb/sdk";\nawait wandb.init();\n', errors: [{ messageId: "neverEnded", line: 2, column: 7, endColumn: 19 }] },
    {
      code: 'import { Mlflow } from "mlflow-js";\nconst m = new Mlflow(uri);\nconst run = await m.createRun("1");\nwork();\nawait m.updateRun(run.info.run_id, "FINISHED");\n',
      errors: [
        {
          messageId: "endNotGuaranteed",
          line: 3,
          suggestions: [
            {
              messageId: "wrapTryFinally",
              output:
                'import { Mlflow } from "mlflow-js";\nconst m = new Mlflow(uri);\nconst run = await m.createRun("1");\ntry {\n  work();\n} finally {\n  await m.updateRun(run.info.run_id, "FINISHED");\n}\n',
            },
          ],
        },
      ],
    },
    {
      // A constant declared between the start and the end and read after it would leave its scope inside `try { }`: no edit.
      code: 'import { Mlflow } from "mlflow-js";\nconst m = new Mlflow(uri);\nconst run = await m.createRun("1");\nconst score = work();\nawait m.updateRun(run.info.run_id, "FINISHED");\nconsole.log(score);\n',
      errors: [{ messageId: "endNotGuaranteed", suggestions: [] }],
    },
    {
      code: `${MLFLOW}for (const e of experiments) {\n  await client.Runs.create({ experiment_id: e });\n}\n`,
      errors: [{ messageId: "runInLoop", line: 4 }],
    },
  ],
});
