import type { ArgRef } from "../semantic/model.js";

/**
 * What a run must record to be trusted and rerun, as data: which calls train
 * a model, which record the model artifact, which record the version of the
 * data, which compute a metric, and what autologging records without a call.
 */

const CLIENT = "mlflow.MlflowClient()";
const WANDB_RUNS = ["wandb", "wandb.run", "wandb.init()"];
/** The JavaScript clients (see tracking.ts). */
const NPM_MLFLOW = "npm:mlflow()";
const MLFLOW_JS = "npm:mlflow-js()";
const TFJS = "npm:@tensorflow/tfjs";

/** Method calls that train what they are called on (`model.fit(X, y)`); `fit` of a transformer is left out by `notModels`. */
export const TRAIN_METHODS = new Set(["fit", "fit_generator", "train_model", "fitDataset"]);

/** Functions and methods that train a model: boosters, trainers. */
export const trainingCalls = [
  "xgboost.train",
  "lightgbm.train",
  "catboost.train",
  "transformers.Trainer().train",
  "transformers.Seq2SeqTrainer().train",
  "trl.SFTTrainer().train",
  "trl.DPOTrainer().train",
];

/** An optimizer step under these modules is a training loop (`optimizer.step()` after `torch.optim.Adam(...)`). */
export const OPTIMIZER_MODULES = ["torch.optim", "tensorflow.keras.optimizers", "keras.optimizers", "optax", `${TFJS}.train`];
export const OPTIMIZER_STEPS = new Set(["step", "apply_gradients", "update", "minimize", "applyGradients"]);

/** Calls that record the model artifact: any flavor's `log_model`, and these. */
export const MODEL_LOG_PATTERN = /^mlflow\.\w+\.log_model$/u;
export const modelLoggers = [
  "mlflow.log_artifact",
  "mlflow.log_artifacts",
  "mlflow.register_model",
  "mlflow.log_model",
  `${CLIENT}.log_artifact`,
  `${CLIENT}.log_artifacts`,
  ...WANDB_RUNS.flatMap((r) => ["log_artifact", "log_model", "save", "link_model"].map((m) => `${r}.${m}`)),
  // `artifact.save()` logs the artifact it is called on.
  "wandb.Artifact().save",
  "huggingface_hub.push_to_hub",
  "transformers.Trainer().push_to_hub",
  // mlflow-js: the MLmodel of a run, or a registered version whose source is the run's artifacts.
  ...["logModel", "createModelVersion", "createRegisteredModelWithVersion"].map((m) => `${MLFLOW_JS}.${m}`),
];

/** With a client that uploads no files: a logged key naming where the model was saved (`model_uri`, `modelPath`), compared by its words. */
export const MODEL_KEY_WORDS = {
  model: new Set(["model", "checkpoint"]),
  where: new Set(["path", "uri", "url", "dir", "file", "artifact", "location", "checkpoint"]),
};

/** Methods that record the model on a run the model cannot resolve (a run handed to a helper as a parameter). */
export const MODEL_LOG_METHODS = new Set(["log_artifact", "log_model", "logModel"]);
/** Likewise for the data a run reads. */
export const DATA_METHODS = new Set(["use_artifact", "log_input", "log_inputs", "logInputs"]);

/**
 * Callbacks and loggers that upload the model themselves; with `keyword`, only when it is given and not literally false;
 * with `off`, unless that keyword is literally false.
 */
export const modelUploaders: { qname: string; keyword?: string; off?: string }[] = [
  { qname: "wandb.keras.WandbModelCheckpoint" },
  { qname: "wandb.integration.keras.WandbModelCheckpoint" },
  { qname: "wandb.keras.WandbCallback" },
  { qname: "wandb.integration.keras.WandbCallback" },
  { qname: "wandb_addons.keras.WandbModelCheckpoint" },
  // `wandb.init(magic=True)` hooks Keras' fit with W&B's callback, which saves the model by default.
  { qname: "wandb.init", keyword: "magic" },
  // fastai v1's callback saves the best model into the run unless told not to.
  { qname: "wandb.fastai.WandbCallback", off: "save_model" },
  { qname: "wandb.integration.lightgbm.log_summary", keyword: "save_model_checkpoint" },
  { qname: "wandb.lightgbm.log_summary", keyword: "save_model_checkpoint" },
  { qname: "fastai.callback.wandb.WandbCallback", keyword: "log_model" },
  { qname: "wandb.integration.xgboost.WandbCallback", keyword: "log_model" },
  { qname: "lightning.pytorch.loggers.WandbLogger", keyword: "log_model" },
  { qname: "pytorch_lightning.loggers.WandbLogger", keyword: "log_model" },
  { qname: "lightning.pytorch.loggers.MLFlowLogger", keyword: "log_model" },
  { qname: "pytorch_lightning.loggers.MLFlowLogger", keyword: "log_model" },
];

/** Files saved under the run's folder are uploaded when the run ends: `model.save(os.path.join(wandb.run.dir, "m.h5"))`. */
export const RUN_DIRS = WANDB_RUNS.filter((r) => r !== "wandb").map((r) => `${r}.dir`);
/** Calls (by their last name) that save a model to a path. */
export const MODEL_SAVES = new Set(["save", "save_weights", "save_model", "save_pretrained", "dump"]);
/** Calls that hand on a function with some arguments bound: the callback they name is what runs. */
export const PARTIALS = ["functools.partial"];

/** Environment switches that make a framework's tracker callback upload the model (Hugging Face's W&B and MLflow callbacks). */
export const MODEL_ENV = { object: "os.environ", keys: ["WANDB_LOG_MODEL", "HF_MLFLOW_LOG_ARTIFACTS"], off: ["false", "0", ""] };

/** Calls that record which data a run saw: MLflow datasets, W&B artifacts it uses, DVC reads at a revision (`rev`). */
export const DATA_PACKAGES = ["mlflow.data"];
export const dataRecorders: { qname: string; keyword?: string; value?: string }[] = [
  { qname: "mlflow.log_input" },
  { qname: `${CLIENT}.log_inputs` },
  { qname: `${MLFLOW_JS}.logInputs` },
  ...WANDB_RUNS.map((r) => ({ qname: `${r}.use_artifact` })),
  { qname: "wandb.Artifact", keyword: "type", value: "dataset" },
  { qname: "datasets.load_dataset", keyword: "revision" },
  ...["open", "read", "get_url", "DVCFileSystem"].map((f) => ({ qname: `dvc.api.${f}`, keyword: "rev" })),
];

/** Datasets shipped with a library version (`load_iris()`, `mnist.load_data()`): the installed version names the data. Matched by prefix. */
export const PACKAGED_DATASETS = [
  "sklearn.datasets.load_",
  "sklearn.datasets.fetch_",
  "sklearn.datasets.make_",
  "keras.datasets.",
  "tensorflow.keras.datasets.",
  "torchvision.datasets.",
  "tensorflow_datasets.load",
  "torch_geometric.datasets.",
];

/** Loaders under those prefixes that read the user's own files. */
export const NOT_PACKAGED = [
  "torchvision.datasets.ImageFolder",
  "torchvision.datasets.DatasetFolder",
  "sklearn.datasets.load_files",
  "sklearn.datasets.load_svmlight_file",
];

/** A logged param, tag or config key that names the data (`data_version`, `dataset`, `train_data_hash`), compared by its words. */
export const DATA_KEY_WORDS = new Set(["data", "dataset", "datasets", "dvc", "corpus"]);

/** Autologging: `mlflow.autolog()` and `mlflow.<flavor>.autolog()` log models, and for these flavors dataset digests, unless turned off. */
export const AUTOLOG_OFF = { models: "log_models", datasets: "log_datasets", metrics: "log_post_training_metrics" };
export const AUTOLOG_DATASET_FLAVORS = ["sklearn", "tensorflow", "keras", "xgboost", "lightgbm"];
/** Flavors whose autologging records metrics the script computes itself after training (`accuracy_score`, `model.score`). */
export const AUTOLOG_METRIC_FLAVORS = ["sklearn"];

/** Metric functions: names under these modules ending in one of the suffixes (scalar scores, not curves or reports). */
export const METRIC_MODULES = ["sklearn.metrics", "torchmetrics.functional"];
export const METRIC_SUFFIXES = ["_score", "_error", "_loss", "_corrcoef", "accuracy", "auroc", "f1"];
export const NOT_METRICS = new Set(["make_scorer", "get_scorer", "check_scoring"]);
/** Metric functions named one by one: TensorFlow.js's `tf.metrics` (camelCase, so no suffix rule). */
export const metricFunctions = [
  "binaryAccuracy",
  "categoricalAccuracy",
  "sparseCategoricalAccuracy",
  "precision",
  "recall",
  "meanSquaredError",
  "meanAbsoluteError",
  "meanAbsolutePercentageError",
  "r2Score",
].map((m) => `${TFJS}.metrics.${m}`);
/** Methods of a trained model that return its score. */
export const SCORE_METHODS = new Set(["score", "evaluate"]);

/** Calls that record a value to the run besides the metric and param loggers of tracking.ts: tags, dicts, W&B summaries. */
export const otherRecorders = [
  "mlflow.set_tag",
  "mlflow.set_tags",
  "mlflow.log_dict",
  "mlflow.log_text",
  "mlflow.log_table",
  `${CLIENT}.set_tag`,
  `${NPM_MLFLOW}.Runs.setTag`,
  `${MLFLOW_JS}.setTag`,
];
/** Objects whose items and attributes, when written, are recorded (`wandb.run.summary["acc"] = acc`). */
export const recordingObjects = WANDB_RUNS.map((r) => `${r}.summary`);

/** Calls that show a value or write it to a report, not to the run. */
export const displayCalls = [
  "logging.info",
  "logging.warning",
  "logging.getLogger().info",
  "logging.getLogger().warning",
  "json.dump",
  "yaml.dump",
  "yaml.safe_dump",
  "pprint.pprint",
  // JavaScript: the console (a global, see aliases.ts) and report files.
  ...["log", "info", "warn", "error", "table", "dir"].map((m) => `console.${m}`),
  ...["writeFileSync", "appendFileSync", "writeFile", "appendFile"].map((f) => `node:fs.${f}`),
  ...["writeFile", "appendFile"].map((f) => `node:fs/promises.${f}`),
];
export const DISPLAY_BUILTINS = new Set(["print"]);
export const DISPLAY_METHODS = new Set(["write", "writelines", "info", "to_csv", "to_markdown", "to_json"]);

/** A loop variable named like a seed, and the least number of seeds a comparison should be repeated over. */
export const SEED_LOOP_NAME = /(?:^|_)(?:seed|seeds|random_state|rs)(?:_|$)|^seed/iu;
export const DEFAULT_MIN_SEEDS = 5;
/** Sweep launchers whose config holds the searched parameters (`{"parameters": {"seed": {"value": 42}}}`). */
export const sweepCalls: { qname: string; config: ArgRef }[] = [{ qname: "wandb.sweep", config: { index: 0, keyword: "sweep" } }];

/** `fit` on objects from these packages transforms data or fits a distribution: not a model a run should record. */
export const NOT_MODEL_PACKAGES = [
  "sklearn.preprocessing",
  "sklearn.impute",
  "sklearn.feature_extraction",
  "sklearn.feature_selection",
  "sklearn.decomposition",
  "category_encoders",
  "scipy",
];
