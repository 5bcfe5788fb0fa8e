import type { ArgRef } from "../semantic/model.js";

/**
 * Experiment trackers as data: which calls record params and metrics, where
 * their key and value arguments sit, and how runs start and end. A new
 * tracker is an entry here, not new rule code.
 */

/** A call that records one key/value pair. */
export interface KeyValueLogger {
  qname: string;
  key: ArgRef;
  value: ArgRef;
}

/** A call that records a `{key: value}` mapping. */
export interface MappingLogger {
  qname: string;
  mapping: ArgRef;
}

/** A call that records a list of entity objects, e.g. `params=[Param(k, v)]`, or of object literals (`params: [{ key, value }]`). */
export interface BatchLogger {
  qname: string;
  list: ArgRef;
  /** The entity constructor; `null` when items are object literals, read with `property` refs. */
  entity: string | null;
  key: ArgRef;
  value: ArgRef;
}

const CLIENT = "mlflow.MlflowClient()";
/** The `mlflow` npm client: `new MLflow({ endpoint })`. */
const NPM_MLFLOW = "npm:mlflow()";
/** The `mlflow-js` client: `new Mlflow(trackingUri)` (its `getRunClient()` is the same, see aliases.ts). */
const MLFLOW_JS = "npm:mlflow-js()";
const WANDB_JS = "npm:@wandb/sdk";
const prop = (property: string, index = 0): ArgRef => ({ index, property });

export const paramLoggers: KeyValueLogger[] = [
  { qname: "mlflow.log_param", key: { index: 0, keyword: "key" }, value: { index: 1, keyword: "value" } },
  { qname: `${CLIENT}.log_param`, key: { index: 1, keyword: "key" }, value: { index: 2, keyword: "value" } },
  { qname: `${NPM_MLFLOW}.Runs.logParameter`, key: prop("key"), value: prop("value") },
  { qname: `${MLFLOW_JS}.logParam`, key: { index: 1 }, value: { index: 2 } },
];

export const paramMappingLoggers: MappingLogger[] = [{ qname: "mlflow.log_params", mapping: { index: 0, keyword: "params" } }];

export const paramBatchLoggers: BatchLogger[] = [
  {
    qname: `${CLIENT}.log_batch`,
    list: { index: 2, keyword: "params" },
    entity: "mlflow.entities.Param",
    key: { index: 0, keyword: "key" },
    value: { index: 1, keyword: "value" },
  },
  { qname: `${NPM_MLFLOW}.Runs.logBatch`, list: prop("params"), entity: null, key: { property: "key" }, value: { property: "value" } },
  { qname: `${MLFLOW_JS}.logBatch`, list: { index: 2 }, entity: null, key: { property: "key" }, value: { property: "value" } },
];

/** Calls that set one tag on a run. */
export const tagLoggers: KeyValueLogger[] = [
  { qname: "mlflow.set_tag", key: { index: 0, keyword: "key" }, value: { index: 1, keyword: "value" } },
  { qname: `${CLIENT}.set_tag`, key: { index: 1, keyword: "key" }, value: { index: 2, keyword: "value" } },
  { qname: `${NPM_MLFLOW}.Runs.setTag`, key: prop("key"), value: prop("value") },
  { qname: `${MLFLOW_JS}.setTag`, key: { index: 1 }, value: { index: 2 } },
];

export const tagMappingLoggers: MappingLogger[] = [{ qname: "mlflow.set_tags", mapping: { index: 0, keyword: "tags" } }];

export const tagBatchLoggers: BatchLogger[] = [
  {
    qname: `${CLIENT}.log_batch`,
    list: { index: 3, keyword: "tags" },
    entity: "mlflow.entities.RunTag",
    key: { index: 0, keyword: "key" },
    value: { index: 1, keyword: "value" },
  },
  { qname: `${NPM_MLFLOW}.Runs.logBatch`, list: prop("tags"), entity: null, key: { property: "key" }, value: { property: "value" } },
  { qname: `${MLFLOW_JS}.logBatch`, list: { index: 3 }, entity: null, key: { property: "key" }, value: { property: "value" } },
];

export const metricLoggers: KeyValueLogger[] = [
  { qname: "mlflow.log_metric", key: { index: 0, keyword: "key" }, value: { index: 1, keyword: "value" } },
  { qname: `${CLIENT}.log_metric`, key: { index: 1, keyword: "key" }, value: { index: 2, keyword: "value" } },
  { qname: `${NPM_MLFLOW}.Runs.logMetric`, key: prop("key"), value: prop("value") },
  { qname: `${MLFLOW_JS}.logMetric`, key: { index: 1 }, value: { index: 2 } },
];

export const metricMappingLoggers: MappingLogger[] = [
  { qname: "mlflow.log_metrics", mapping: { index: 0, keyword: "metrics" } },
  // A run's summary holds its final metrics: `run.summary.update({"test_acc": acc})` (and `run.summary["test_acc"] = acc`, see recordingObjects).
  ...["wandb", "wandb.run", "wandb.init()"].map((run) => ({ qname: `${run}.summary.update`, mapping: { index: 0 } })),
  { qname: "wandb.log", mapping: { index: 0, keyword: "data" } },
  { qname: "wandb.init().log", mapping: { index: 0, keyword: "data" } },
  { qname: "wandb.run.log", mapping: { index: 0, keyword: "data" } },
  { qname: `${WANDB_JS}.log`, mapping: { index: 0 } },
  { qname: `${WANDB_JS}.init().log`, mapping: { index: 0 } },
];

export const metricBatchLoggers: BatchLogger[] = [
  {
    qname: `${CLIENT}.log_batch`,
    list: { index: 1, keyword: "metrics" },
    entity: "mlflow.entities.Metric",
    key: { index: 0, keyword: "key" },
    value: { index: 1, keyword: "value" },
  },
  { qname: `${NPM_MLFLOW}.Runs.logBatch`, list: prop("metrics"), entity: null, key: { property: "key" }, value: { property: "value" } },
  { qname: `${MLFLOW_JS}.logBatch`, list: { index: 1 }, entity: null, key: { property: "key" }, value: { property: "value" } },
];

/** W&B-style configs: the config object is the source of truth when the code reads it back. */
export interface ConfigSource {
  /** The package every name below belongs to: a file that does not import it has no such config. */
  package: string;
  /** Calls that take an initial config mapping. */
  init: { qname: string; mapping: ArgRef }[];
  /** Qualified names of the live config object. */
  objects: string[];
  /** Methods of the config object that take a mapping. */
  updateMethods: string[];
  /** Methods that read one key, named by their first argument (`config.get("lr")`). */
  readOneMethods?: string[];
  /** Methods that hand on every key (`config.items()`, `config.as_dict()`). */
  readAllMethods?: string[];
}

export const configSources: ConfigSource[] = [
  {
    package: "wandb",
    init: [{ qname: "wandb.init", mapping: { keyword: "config" } }],
    objects: ["wandb.config", "wandb.init().config", "wandb.run.config"],
    updateMethods: ["update", "setdefaults"],
    readOneMethods: ["get", "pop", "__getitem__", "__getattr__"],
    readAllMethods: ["items", "keys", "values", "as_dict", "copy", "__iter__"],
  },
  {
    package: WANDB_JS,
    init: [{ qname: `${WANDB_JS}.init`, mapping: prop("config") }],
    objects: [`${WANDB_JS}.config`, `${WANDB_JS}.init().config`],
    updateMethods: ["update"],
  },
];

/** How a tracking run starts and what ends it. */
export interface RunApi {
  /** Call that starts a run. */
  start: string;
  /** Display name for messages. */
  label: string;
  /** Calls that end it; `@result.x` means method `x` on the object `start` returned. */
  ends: string[];
  /** Text of the end call, for messages. */
  endLabel: string;
  /** Whether `with start(...)` is available. */
  contextManager: boolean;
  /** Keyword that allows a run inside an active run. */
  nestedKeyword?: string;
  /** The run becomes the process's active run, which later logging calls without a run id write to. */
  becomesActive?: boolean;
  /** Keyword values with which `start` first ends the run already active (W&B `reinit=True`). */
  endsPrevious?: { keyword: string; values: (string | boolean)[] };
  /** Calls that run a function and then end the run it started, even when it raised (`wandb.agent(sweep_id, function=train)`). */
  runners?: { qname: string; function: ArgRef }[];
  /** Integrations that start a run of this API themselves (a tracer, a logger), so logging after them may have a run. */
  startedBy?: string[];
  /** Calls that write to the active run, taking no run of their own (`@result.x` as in `ends`). */
  activeLoggers?: string[];
  /** What becomes of such a call when no run is active, for messages. */
  noActiveRun?: string;
  /** Keyword with which such a call names its run instead (`mlflow.log_metric(..., run_id=...)`). */
  runKeyword?: string;
  /** How runs of this API record parameters, for messages. */
  paramsLabel?: string;
  /** The calls that would record the model, the data version and a metric, for require-run-provenance's and no-unlogged-metric's messages. */
  records: RunRecords;
}

/** What a run of one API records and how, in words for messages. */
export interface RunRecords {
  model: string;
  data: string;
  metric: string;
  /**
   * The client cannot upload files (the `mlflow` npm client, W&B's JavaScript SDK): the model is
   * recorded by a logged key naming where it was saved (`model_uri`, see MODEL_KEY_WORDS in provenance.ts).
   */
  noUploads?: true;
}

const DATA_KEY = "a `data_version` param or tag";

/** Qualified names of catalogue entries of `api`: `@result.x` is method `x` of what its start call returned. */
export const apiNames = (api: RunApi, names: string[]): string[] =>
  names.map((n) => (n.startsWith("@result.") ? `${api.start}()${n.slice("@result".length)}` : n));

const MLFLOW_ACTIVE_LOGGERS = [
  "log_param",
  "log_params",
  "log_metric",
  "log_metrics",
  "log_artifact",
  "log_artifacts",
  "log_dict",
  "log_text",
  "log_figure",
  "log_image",
  "log_table",
  "log_input",
  "set_tag",
  "set_tags",
].map((m) => `mlflow.${m}`);

export const runApis: RunApi[] = [
  {
    start: "mlflow.start_run",
    records: {
      model: "mlflow.<flavor>.log_model() or turn on autologging",
      data: `mlflow.log_input(), ${DATA_KEY}, or a DVC read at a \`rev\``,
      metric: "mlflow.log_metric()",
    },
    label: "mlflow.start_run()",
    paramsLabel: "mlflow.log_params()",
    ends: ["mlflow.end_run", "@result.__exit__"],
    endLabel: "mlflow.end_run()",
    contextManager: true,
    nestedKeyword: "nested",
    becomesActive: true,
    activeLoggers: MLFLOW_ACTIVE_LOGGERS,
    runKeyword: "run_id",
    // mlflow.tracking.fluent: every fluent logging call without an active run calls start_run() itself.
    noActiveRun: "MLflow writes it to a run it opens on its own, not to the experiment's run",
  },
  {
    start: "wandb.init",
    records: {
      model: "run.log_artifact() / run.log_model() or turn on autologging",
      data: `run.use_artifact(), ${DATA_KEY}, or a DVC read at a \`rev\``,
      metric: "run.log()",
    },
    label: "wandb.init()",
    paramsLabel: "wandb.config.update()",
    // `join` is the old name of `finish`.
    ends: ["wandb.finish", "wandb.run.finish", "@result.finish", "wandb.join", "@result.join"],
    endLabel: "run.finish()",
    contextManager: true,
    becomesActive: true,
    endsPrevious: { keyword: "reinit", values: [true, "finish_previous"] },
    // wandb/agents/pyagent.py: `self._function()` then `wandb.finish()`, and `wandb.finish(exit_code=1)` on an exception.
    runners: [{ qname: "wandb.agent", function: { index: 1, keyword: "function" } }],
    activeLoggers: ["wandb.log", "wandb.log_artifact", "wandb.save", "wandb.run.log", "@result.log", "@result.log_artifact", "@result.save"],
    startedBy: [
      "wandb.integration.langchain.WandbTracer",
      "langchain.callbacks.tracers.WandbTracer",
      "langchain.callbacks.wandb_tracing_enabled",
      "langchain_community.callbacks.wandb_tracing_enabled",
      "pytorch_lightning.loggers.WandbLogger",
      "lightning.pytorch.loggers.WandbLogger",
    ],
    noActiveRun: "W&B raises an error (no run is active) and the data is lost",
  },
  {
    start: `${CLIENT}.create_run`,
    records: {
      model: "client.log_artifact() or turn on autologging",
      data: `client.log_inputs(), ${DATA_KEY}, or a DVC read at a \`rev\``,
      metric: "client.log_metric()",
    },
    label: "MlflowClient.create_run()",
    paramsLabel: "client.log_param()",
    ends: [`${CLIENT}.set_terminated`, `${CLIENT}.update_run`],
    endLabel: "client.set_terminated(run_id)",
    contextManager: false,
  },
  {
    start: `${NPM_MLFLOW}.Runs.create`,
    records: {
      model: "a `model_uri` tag naming where model.save() wrote it (client.Runs.setTag(); this client uploads no files)",
      data: "a `data_version` tag or param (client.Runs.setTag())",
      metric: "client.Runs.logMetric()",
      noUploads: true,
    },
    label: "client.Runs.create()",
    paramsLabel: "client.Runs.logParameter()",
    ends: [`${NPM_MLFLOW}.Runs.update`],
    endLabel: "client.Runs.update({ run_id, status: RunStatus.FINISHED })",
    contextManager: false,
  },
  {
    start: `${MLFLOW_JS}.createRun`,
    records: {
      model: "mlflow.logModel(runId, modelJson) or mlflow.createModelVersion(name, source, runId)",
      data: "mlflow.logInputs(runId, datasets) or a `data_version` tag (mlflow.setTag())",
      metric: "mlflow.logMetric()",
    },
    label: "mlflow.createRun()",
    paramsLabel: "mlflow.logParam()",
    ends: [`${MLFLOW_JS}.updateRun`],
    endLabel: 'mlflow.updateRun(runId, "FINISHED")',
    contextManager: false,
  },
  {
    start: `${WANDB_JS}.init`,
    records: {
      model: "a `model_path` config key naming where model.save() wrote it (W&B's JavaScript SDK uploads no files)",
      data: "a `data_version` config key (wandb.init({ config }))",
      metric: "wandb.log()",
      noUploads: true,
    },
    label: "wandb.init()",
    paramsLabel: "wandb.config.update()",
    ends: [`${WANDB_JS}.finish`, "@result.finish"],
    endLabel: "wandb.finish()",
    contextManager: false,
    becomesActive: true,
    activeLoggers: [`${WANDB_JS}.log`, "@result.log"],
    noActiveRun: "W&B raises an error (no run is active) and the data is lost",
  },
];

/** Top-level packages whose import makes the tracking rules worth running (npm packages as `npm:<name>`). */
export const TRACKER_PACKAGES = ["mlflow", "wandb", "npm:mlflow", "npm:mlflow-js", WANDB_JS];
