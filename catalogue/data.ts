/**
 * Data splits and metrics as data: which calls split data (and which output
 * is which part), and which words in names mark a split or a metric.
 */

export type SplitRole = "train" | "val" | "test";

/**
 * Calls that return split parts; `pattern` gives the role of each output position, repeating.
 * `axis`: where the call takes the axis it cuts along; it divides rows only when that is absent or 0.
 */
export const splitters: { qname: string; pattern: SplitRole[]; axis?: { index: number; keyword: string } }[] = [
  { qname: "sklearn.model_selection.train_test_split", pattern: ["train", "test"] },
  // Later parts of a random split are held out; their names tell validation from test.
  { qname: "torch.utils.data.random_split", pattern: ["train", "test", "test"] },
  // `const [trainXs, testXs] = tf.split(xs, [800, 200])`: rows, unless it cuts another axis (`tf.split(x, 2, 3)` splits channels).
  { qname: "npm:@tensorflow/tfjs.split", pattern: ["train", "test", "test"], axis: { index: 2, keyword: "axis" } },
  // `for train_idx, test_idx in splitter.split(X, y)`: one-off shuffle splits hold out a test set...
  ...["ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit"].map((n) => ({
    qname: `sklearn.model_selection.${n}().split`,
    pattern: ["train", "test"] as SplitRole[],
  })),
  // ...cross-validation folds hold out validation folds, unless the code names them test.
  ...[
    "KFold",
    "StratifiedKFold",
    "GroupKFold",
    "StratifiedGroupKFold",
    "RepeatedKFold",
    "RepeatedStratifiedKFold",
    "TimeSeriesSplit",
    "LeaveOneOut",
    "LeavePOut",
    "LeaveOneGroupOut",
    "PredefinedSplit",
  ].map((n) => ({ qname: `sklearn.model_selection.${n}().split`, pattern: ["train", "val"] as SplitRole[] })),
  // The old `sklearn.cross_validation` splitters are iterated directly (`for tr, te in KFold(n, n_folds=5)`); the module is an alias of model_selection.
  ...["ShuffleSplit", "StratifiedShuffleSplit"].map((n) => ({ qname: `sklearn.model_selection.${n}()`, pattern: ["train", "test"] as SplitRole[] })),
  ...["KFold", "StratifiedKFold", "LeaveOneOut", "LeavePOut", "LeaveOneLabelOut"].map((n) => ({
    qname: `sklearn.model_selection.${n}()`,
    pattern: ["train", "val"] as SplitRole[],
  })),
];

/**
 * Calls whose outputs correspond one to one with their inputs, so each output
 * carries only its own input's split: `X, X_test = X.align(X_test, ...)`,
 * `X, y = shuffle(X, y)`. `receiver` is the object of a method call; numbers
 * are positional arguments; `"each"` means output i is positional argument i.
 */
export const PARTWISE_RETURNS: { method?: string; qname?: string; parts: ("receiver" | number)[] | "each" }[] = [
  { method: "align", parts: ["receiver", 0] },
  { qname: "sklearn.utils.shuffle", parts: "each" },
  { qname: "sklearn.utils.resample", parts: "each" },
  { qname: "numpy.broadcast_arrays", parts: "each" },
];

/** Calls that score a model on held-out folds even though they are given training data. */
export const crossValidators: string[] = [
  "sklearn.model_selection.cross_val_score",
  "sklearn.model_selection.cross_validate",
  "sklearn.model_selection.cross_val_predict",
  "sklearn.model_selection.validation_curve",
  "sklearn.model_selection.learning_curve",
];

/** Methods that return a fitted model (or its history), not a score on the data they are given. */
export const FIT_METHODS = new Set(["fit", "partial_fit", "fit_generator", "fitDataset"]);

/** Name tokens that mark a split, e.g. `X_train`, `trainLoader`, `acc_val`. */
export const SPLIT_TOKENS: Record<string, SplitRole> = {
  train: "train",
  training: "train",
  tr: "train",
  trn: "train",
  fit: "train",
  insample: "train",
  val: "val",
  valid: "val",
  validation: "val",
  dev: "val",
  test: "test",
  tst: "test",
  testing: "test",
  holdout: "test",
  heldout: "test",
  oos: "test",
};

/** Split words that, as a whole name, usually mean something else: `dev` a device, `val` a value, `fit` a fit result, `tr` a trainer. */
export const AMBIGUOUS_ALONE = new Set(["dev", "val", "fit", "tr"]);

/** Metric-name words that mark a held-out score without saying which split, e.g. `eval_accuracy`, `cv_f1`. */
export const EVAL_TOKENS = new Set(["eval", "evaluation", "cv", "oof"]);

/** Quality metrics: an unqualified one from training data is mislabeled. */
export const QUALITY_METRIC_TOKENS = new Set([
  "acc",
  "accuracy",
  "f1",
  "fbeta",
  "precision",
  "prec",
  "recall",
  "auc",
  "roc",
  "rocauc",
  "ap",
  "map",
  "mape",
  "rmse",
  "mse",
  "mae",
  "r2",
  "score",
  "iou",
  "dice",
  "bleu",
  "rouge",
  "perplexity",
  "ppl",
  "top1",
  "top5",
  "error",
  "err",
  "kappa",
  "mcc",
  "logloss",
  "balanced",
  "jaccard",
  "ndcg",
  "mrr",
  "wer",
  "cer",
]);

/** Loss-like names: logging the training loss unqualified is the convention. */
export const LOSS_TOKENS = new Set(["loss", "nll", "ce", "bce", "kl", "elbo"]);

/** Split a name into lowercase words: `X_train`, `trainAcc`, `val-loss`, `acc_tr`. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The split a name claims, or null when it names none or several. */
export function roleFromName(name: string): SplitRole | null {
  const roles = new Set<SplitRole>();
  for (const t of nameTokens(name)) {
    // Own keys only: `constructor` is a word too.
    const r = Object.hasOwn(SPLIT_TOKENS, t) ? SPLIT_TOKENS[t] : undefined;
    if (r) roles.add(r);
  }
  return roles.size === 1 ? [...roles][0]! : null;
}

/** Methods that compute a value from the data of the object they are called on (`scores.mean()`): the value has that data's split. */
export const VALUE_METHODS = new Set(["mean", "median", "std", "var", "min", "max", "sum", "item", "tolist", "numpy", "round", "squeeze", "flatten", "ravel"]);

/**
 * What returns training history: `history = model.fit(...)`, then
 * `history.history["accuracy"]` is measured on the training data and
 * `["val_accuracy"]` on the validation data (the key's split word says which).
 */
export const HISTORY_ATTRIBUTES: { attribute: string; producers: ReadonlySet<string> }[] = [{ attribute: "history", producers: FIT_METHODS }];

/** Where a dataset loader says which split it returns. */
export type LoaderSplit =
  /** The call returns `(train, test)` pairs, in this order: `(x_train, y_train), (x_test, y_test) = mnist.load_data()`. */
  | { returns: SplitRole[] }
  /** A boolean keyword: `torchvision.datasets.MNIST(root, train=False)`. */
  | { flag: string; whenTrue: SplitRole; whenFalse: SplitRole }
  /** A keyword naming the split: `tfds.load("mnist", split="test")`, `fetch_20newsgroups(subset="test")`. */
  | { keyword: string };

/**
 * Dataset loaders and how they tell which split they return. Matched by
 * qualified-name prefix and suffix, so every dataset of a library is one entry.
 * A new dataset library is one line here.
 */
export const DATASET_LOADERS: { prefix: string; suffix?: string; split: LoaderSplit }[] = [
  { prefix: "keras.datasets.", suffix: ".load_data", split: { returns: ["train", "test"] } },
  { prefix: "torchvision.datasets.", split: { flag: "train", whenTrue: "train", whenFalse: "test" } },
  { prefix: "torchvision.datasets.", split: { keyword: "split" } },
  { prefix: "tensorflow_datasets.load", split: { keyword: "split" } },
  { prefix: "datasets.load_dataset", split: { keyword: "split" } },
  { prefix: "sklearn.datasets.fetch_", split: { keyword: "subset" } },
];

/** Split names as loaders spell them (`split="test"`, `subset="train"`, `split="validation[:10%]"`). */
export function splitFromName(name: string): SplitRole | null {
  const base = name.toLowerCase().replace(/\[.*$/u, "").trim();
  return Object.hasOwn(SPLIT_TOKENS, base) ? SPLIT_TOKENS[base]! : null;
}

/** Calls that read a data file from disk, with the argument holding its path. */
export const FILE_READERS: { qname: string; path: { index: number; keyword: string } }[] = [
  ...["read_csv", "read_table", "read_parquet", "read_json", "read_excel", "read_feather", "read_pickle"].map((n) => ({
    qname: `pandas.${n}`,
    path: { index: 0, keyword: "filepath_or_buffer" },
  })),
  ...["load", "loadtxt", "genfromtxt"].map((n) => ({ qname: `numpy.${n}`, path: { index: 0, keyword: "fname" } })),
  // tfjs reads CSV files (`tf.data.csv("file://data/test.csv")`); Node reads any file.
  { qname: "npm:@tensorflow/tfjs.data.csv", path: { index: 0, keyword: "source" } },
  ...["npm:fs", "node:fs", "npm:fs.promises", "node:fs.promises", "npm:fs/promises", "node:fs/promises"].flatMap((m) =>
    ["readFileSync", "readFile"].map((n) => ({ qname: `${m}.${n}`, path: { index: 0, keyword: "path" } })),
  ),
];

/**
 * Words of a data object's method that hands out one split (`data.getTestData()`,
 * `dataset.trainBatch()`, `loader.next_test_batch()`): the split word and at
 * least one of these, nothing else. A bare `train()` is a training step, not data.
 */
export const SPLIT_GETTER_WORDS = new Set(["get", "load", "next", "fetch", "data", "batch", "batches", "set", "dataset", "examples", "tensors", "split"]);

/** The split a data getter's method name hands out (`getTestData` → test), or null. */
export function splitFromGetter(method: string): SplitRole | null {
  const words = nameTokens(method);
  // `fit` and `tr` are other words in a method name (`fitData`, `trData`).
  const split = words.filter((w) => Object.hasOwn(SPLIT_TOKENS, w) && w !== "fit" && w !== "tr");
  if (split.length !== 1 || words.length < 2 || !words.every((w) => w === split[0] || SPLIT_GETTER_WORDS.has(w))) return null;
  return SPLIT_TOKENS[split[0]!]!;
}

/** Methods that cut rows (`xs.slice(0, nTrain)`, `rows.slice(nTrain)`): begin first, then the end (arrays) or size (tensors). */
export const SLICE_METHODS = new Set(["slice"]);

/** Lightning hooks that hand the trainer a held-out loader, the split each must hold, and the packages that call them. */
export const HELD_OUT_LOADER_HOOKS: { method: string; role: SplitRole; step: string }[] = [
  { method: "test_dataloader", role: "test", step: "test_step" },
  { method: "val_dataloader", role: "val", step: "validation_step" },
];
export const LOADER_HOOK_PACKAGES = ["pytorch_lightning", "lightning"];

/** Calls that wrap a dataset in a loader, and where the dataset goes: `DataLoader(train_ds, batch_size=64)`. */
export const DATA_LOADERS: { qname: string; data: { index: number; keyword: string } }[] = [
  { qname: "torch.utils.data.DataLoader", data: { index: 0, keyword: "dataset" } },
  { qname: "torch_geometric.loader.DataLoader", data: { index: 0, keyword: "dataset" } },
];

/** Methods that write a table to a file, and where the path goes: `df.to_csv("data/clean.csv")`. */
export const TABLE_WRITE_METHODS: { method: string; path: { index: number; keyword: string } }[] = [
  ...["to_csv", "to_json"].map((method) => ({ method, path: { index: 0, keyword: "path_or_buf" } })),
  ...["to_parquet", "to_feather", "to_pickle"].map((method) => ({ method, path: { index: 0, keyword: "path" } })),
  { method: "to_excel", path: { index: 0, keyword: "excel_writer" } },
];

/** A file name that says which split it holds: `test.csv`, `../input/train.csv`, `adult.test`, `valid_data.parquet`. */
export function splitFromFileName(path: string): SplitRole | null {
  const file = path.split(/[\\/]/u).pop() ?? "";
  const words = file
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  // `fit` and `tr` are too short to mean a split in a file name.
  const roles = new Set(words.map((w) => (Object.hasOwn(SPLIT_TOKENS, w) && w !== "fit" && w !== "tr" ? SPLIT_TOKENS[w]! : null)).filter((r) => r !== null));
  return roles.size === 1 ? [...roles][0]! : null;
}
