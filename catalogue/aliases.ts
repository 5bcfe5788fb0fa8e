/**
 * Different import paths for the same object, rewritten to one canonical
 * prefix so the rest of the catalogue names each API once.
 */
const PREFIX_ALIASES: Record<string, string> = {
  "mlflow.tracking.client.MlflowClient": "mlflow.MlflowClient",
  "mlflow.tracking.MlflowClient": "mlflow.MlflowClient",
  "mlflow.client.MlflowClient": "mlflow.MlflowClient",
  "mlflow.tracking.fluent": "mlflow",
  "mlflow.entities.param.Param": "mlflow.entities.Param",
  "mlflow.entities.metric.Metric": "mlflow.entities.Metric",
  "mlflow.entities.run_status.RunStatus": "mlflow.entities.RunStatus",
  "tensorflow.keras": "keras",
  "tensorflow.python.keras": "keras",
  tf_keras: "keras",
  "keras.src": "keras",
  "tensorflow.compat.v1.random.set_random_seed": "tensorflow.random.set_seed",
  "tensorflow.compat.v2": "tensorflow",
  "tensorflow.set_random_seed": "tensorflow.random.set_seed",
  kerastuner: "keras_tuner",
  pytorch_lightning: "lightning",
  "lightning.pytorch": "lightning",
  "lightning.fabric.utilities.seed": "lightning",
  "lightning.pytorch.utilities.seed": "lightning",
  "pytorch_lightning.utilities.seed": "lightning",
  "lightning_fabric.utilities.seed": "lightning",
  lightning_fabric: "lightning.fabric",
  "umap.umap_": "umap",
  "sklearn.cross_validation": "sklearn.model_selection",
  "torch.random.manual_seed": "torch.manual_seed",
  "numpy.random.mtrand": "numpy.random",
  pymc3: "pymc",
  "wandb.sdk.wandb_init.init": "wandb.init",
  "wandb.sdk.wandb_run.Run": "wandb.init()",
  "transformers.trainer_utils.set_seed": "transformers.set_seed",
  // npm packages (see moduleQname): one name per package and per client object.
  "npm:@tensorflow/tfjs-node-gpu": "npm:@tensorflow/tfjs",
  "npm:@tensorflow/tfjs-node": "npm:@tensorflow/tfjs",
  "npm:@tensorflow/tfjs-core": "npm:@tensorflow/tfjs",
  "npm:@tensorflow/tfjs-layers": "npm:@tensorflow/tfjs",
  "npm:@tensorflow/tfjs.default": "npm:@tensorflow/tfjs",
  "npm:mlflow.MLflow": "npm:mlflow",
  "npm:mlflow.default": "npm:mlflow",
  "npm:mlflow-js.Mlflow": "npm:mlflow-js",
  "npm:mlflow-js.default": "npm:mlflow-js",
  // mlflow-js: the run client has the same methods as the Mlflow object.
  "npm:mlflow-js().getRunClient()": "npm:mlflow-js()",
  "npm:@wandb/sdk.default": "npm:@wandb/sdk",
  "npm:seedrandom.default": "npm:seedrandom",
  // Node's built-ins imported without their `node:` scheme.
  "npm:fs": "node:fs",
  "npm:fs/promises": "node:fs/promises",
};

/**
 * The qualified name of a JavaScript module specifier: npm packages get an
 * `npm:` prefix so they never meet Python modules of the same name
 * (`import MLflow from "mlflow"` binds `npm:mlflow`); relative paths and
 * `node:` built-ins stay as written.
 */
export function moduleQname(specifier: string): string {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return specifier;
  return canonical(`npm:${specifier}`);
}

/** JavaScript globals that rules ask about (`Math.random`), resolved by name when nothing local shadows them. */
export const JS_GLOBALS = ["Math", "crypto", "console"];

const KEYS = Object.keys(PREFIX_ALIASES).sort((a, b) => b.length - a.length);

const ROOTS = new Set(KEYS.map((k) => k.split(".")[0]!));

/** Rewrite the longest known alias prefix of a qualified name. */
export function canonical(qname: string): string {
  const dot = qname.indexOf(".");
  if (!ROOTS.has(dot === -1 ? qname : qname.slice(0, dot))) return qname;
  for (const key of KEYS) {
    if (qname === key || (qname.startsWith(key) && (qname[key.length] === "." || qname[key.length] === "("))) {
      return PREFIX_ALIASES[key] + qname.slice(key.length);
    }
  }
  return qname;
}

/**
 * Tracker modules that projects configure once and re-export
 * (`from myproject.config import mlflow`): the name still means the package.
 */
const REEXPORTED = new Set(["mlflow", "wandb"]);

/** The qualified name an import binds, seeing through a project module that re-exports a tracker. */
export function importedName(qname: string): string {
  // JavaScript modules (`npm:x`, `./x`, `../x`, `/x`, `node:x`) are not Python re-exports.
  if (/^(?:npm:|node:|\.{0,2}\/)/u.test(qname)) return canonical(qname);
  const last = qname.slice(qname.lastIndexOf(".") + 1);
  if (REEXPORTED.has(last) && qname !== last && !REEXPORTED.has(qname.split(".")[0]!)) return last;
  return canonical(qname);
}
