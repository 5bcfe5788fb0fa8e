import type { ArgRef } from "../semantic/model.js";

/**
 * Calls that take hyper-parameters, as data: which arguments of an
 * estimator, optimizer or training call are settings a run must record, and
 * which autologging integrations record them without a log call.
 */

export interface HyperparameterCall {
  /** Qualified names of the call. */
  qnames?: string[];
  /** Modules whose classes (a capitalised last name directly under the module) take hyper-parameters as keywords. */
  classesUnder?: string[];
  /** Names of the positional arguments, in order; `null` for one that is not a hyper-parameter (data, the model's weights). */
  positional?: (string | null)[];
  /** An argument holding a `{name: value}` mapping of hyper-parameters (`xgboost.train(params, dtrain)`). */
  mapping?: ArgRef;
  /** Only these keywords are hyper-parameters (for calls with many runtime settings). */
  only?: string[];
  /** Keywords that are not hyper-parameters, besides `NOT_HYPERPARAMETERS`. */
  exclude?: string[];
  /** The call takes hyper-parameters only when this keyword has this literal value (a training `DataLoader` shuffles). */
  when?: { keyword: string; value: string | number | boolean };
  /** `mlflow.<flavor>.autolog()` flavors that record these arguments. */
  flavors: string[];
  /** A keyword that turns on the library's own tracking integration, on unless set to one of `off` (`report_to="none"`). */
  integration?: { keyword: string; off: string[] };
}

/**
 * Keywords that change how a computation runs, not what it computes, or pick
 * a random draw: parallelism, logging, devices and seeds. Seeds are left to
 * `require-seed`; a run is compared with others by its settings, not its seed.
 */
export const NOT_HYPERPARAMETERS = [
  "n_jobs",
  "nthread",
  "nthreads",
  // LightGBM's names (and aliases) for threads, devices and seeds.
  "num_threads",
  "num_thread",
  "device_type",
  "gpu_platform_id",
  "gpu_device_id",
  "bagging_seed",
  "feature_fraction_seed",
  "data_random_seed",
  "drop_seed",
  "objective_seed",
  "extra_seed",
  "thread_count",
  "verbose",
  "verbosity",
  "silent",
  "random_state",
  "seed",
  "random_seed",
  "device",
  "gpu_id",
  "callbacks",
  "name",
];

const SKLEARN_MODELS = [
  "ensemble",
  "linear_model",
  "svm",
  "tree",
  "neighbors",
  "naive_bayes",
  "neural_network",
  "cluster",
  "decomposition",
  "gaussian_process",
  "discriminant_analysis",
  "kernel_ridge",
].map((m) => `sklearn.${m}`);

const TFJS = "npm:@tensorflow/tfjs";

const KERAS_MODELS = ["keras.Sequential()", "keras.Model()", "keras.models.Sequential()", "keras.models.Model()"];

export const hyperparameterCalls: HyperparameterCall[] = [
  // Ensembles take their members as arguments: those are models, each checked where it is built.
  {
    classesUnder: SKLEARN_MODELS,
    exclude: ["copy_X", "warm_start", "memory", "estimator", "estimators", "base_estimator", "final_estimator"],
    flavors: ["sklearn"],
  },
  {
    qnames: ["XGBClassifier", "XGBRegressor", "XGBRanker", "XGBRFClassifier", "XGBRFRegressor"].map((c) => `xgboost.${c}`),
    exclude: ["eval_metric", "enable_categorical", "use_label_encoder"],
    flavors: ["xgboost"],
  },
  {
    qnames: ["xgboost.train"],
    mapping: { index: 0, keyword: "params" },
    // Evaluation settings, as for the scikit-learn API.
    exclude: ["eval_metric"],
    positional: [null, null, "num_boost_round"],
    only: ["num_boost_round"],
    flavors: ["xgboost"],
  },
  { qnames: ["LGBMClassifier", "LGBMRegressor", "LGBMRanker"].map((c) => `lightgbm.${c}`), flavors: ["lightgbm"] },
  {
    qnames: ["lightgbm.train"],
    mapping: { index: 0, keyword: "params" },
    exclude: ["metric", "metrics"],
    positional: [null, null, "num_boost_round"],
    only: ["num_boost_round"],
    flavors: ["lightgbm"],
  },
  {
    qnames: ["catboost.CatBoostClassifier", "catboost.CatBoostRegressor"],
    exclude: ["logging_level", "train_dir", "allow_writing_files"],
    flavors: [],
  },
  {
    classesUnder: ["torch.optim"],
    positional: [null, "lr"],
    exclude: ["foreach", "fused", "capturable", "differentiable"],
    flavors: ["pytorch"],
  },
  // `steps_per_epoch` is the loader's length, set by the data rather than chosen.
  { classesUnder: ["torch.optim.lr_scheduler"], positional: [null], exclude: ["last_epoch", "steps_per_epoch"], flavors: ["pytorch"] },
  {
    qnames: ["torch.utils.data.DataLoader"],
    positional: [null, "batch_size"],
    only: ["batch_size"],
    when: { keyword: "shuffle", value: true },
    flavors: ["pytorch"],
  },
  { classesUnder: ["keras.optimizers"], positional: ["learning_rate"], exclude: ["jit_compile"], flavors: ["keras", "tensorflow"] },
  {
    qnames: KERAS_MODELS.map((m) => `${m}.fit`),
    positional: [null, null, "batch_size", "epochs"],
    only: ["batch_size", "epochs", "validation_split"],
    flavors: ["keras", "tensorflow"],
  },
  {
    qnames: ["transformers.TrainingArguments", "transformers.Seq2SeqTrainingArguments"],
    only: [
      "learning_rate",
      "num_train_epochs",
      "max_steps",
      "per_device_train_batch_size",
      "gradient_accumulation_steps",
      "weight_decay",
      "warmup_steps",
      "warmup_ratio",
      "lr_scheduler_type",
      "adam_beta1",
      "adam_beta2",
      "adam_epsilon",
      "max_grad_norm",
      "label_smoothing_factor",
      "optim",
    ],
    flavors: ["transformers"],
    // transformers before v5 reports to every installed tracker unless told otherwise.
    integration: { keyword: "report_to", off: ["none"] },
  },
  // TensorFlow.js: options objects count as keywords.
  {
    qnames: [`${TFJS}.sequential().fit`, `${TFJS}.model().fit`],
    positional: [null, null],
    only: ["epochs", "batchSize", "validationSplit"],
    flavors: [],
  },
  { qnames: ["sgd", "adam", "adagrad", "adadelta", "adamax", "rmsprop"].map((o) => `${TFJS}.train.${o}`), positional: ["learningRate"], flavors: [] },
  { qnames: [`${TFJS}.train.momentum`], positional: ["learningRate", "momentum"], flavors: [] },
  {
    qnames: ["lightning.Trainer"],
    only: ["max_epochs", "max_steps", "accumulate_grad_batches", "gradient_clip_val"],
    flavors: ["pytorch", "lightning"],
  },
];

/**
 * Calls whose keywords are their own options, not settings of the experiment:
 * `parser.add_argument("--kind", type=int)` does not run with a `type` setting.
 */
export const DECLARING_CALLS = [
  "argparse.ArgumentParser().add_argument",
  "argparse.ArgumentParser().add_argument_group().add_argument",
  "argparse.ArgumentParser().add_mutually_exclusive_group().add_argument",
  "click.option",
  "click.argument",
  "typer.Option",
  "typer.Argument",
];

/** Calls that turn on autologging for every library (`mlflow.autolog()`), or those of one flavor (`mlflow.sklearn.autolog()`, matched by shape). */
export const AUTOLOG_ALL = ["mlflow.autolog"];
/** Keywords of a run's start that turn on autologging for the frameworks it supports (`wandb.init(magic=True)` hooks Keras' `fit`). */
export const AUTOLOG_KEYWORDS: { qname: string; keyword: string }[] = [{ qname: "wandb.init", keyword: "magic" }];
export const FLAVOR_AUTOLOG = /^mlflow\.(\w+)\.autolog$/u;

/** Tracker integrations that record a framework's settings themselves: callbacks, loggers. Any call under these names counts. */
export const trackerIntegrations = [
  "wandb.integration",
  "wandb.keras",
  "wandb.xgboost",
  "wandb.lightgbm",
  "wandb.sklearn",
  "lightning.loggers.WandbLogger",
  "lightning.loggers.MLFlowLogger",
  "transformers.integrations.WandbCallback",
  "transformers.integrations.MLflowCallback",
];

/** Keys that name the same setting in logs and in calls (`learning_rate` logged, `lr=` passed). Compared lower-case, without `_`/`-`. */
export const keySynonyms: string[][] = [
  ["lr", "learningrate"],
  ["epochs", "numepochs", "nepochs", "numtrainepochs", "maxepochs"],
  ["batchsize", "bs", "trainbatchsize", "perdevicetrainbatchsize"],
  ["nestimators", "numboostround", "numtrees", "ntrees", "numrounds"],
  ["weightdecay", "wd"],
];
