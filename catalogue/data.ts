/**
 * Data splits and metrics as data: which calls split data (and which output
 * is which part), and which words in names mark a split or a metric.
 */

export type SplitRole = "train" | "val" | "test";

/** Calls that return split parts; `pattern` gives the role of each output position, repeating. */
export const splitters: { qname: string; pattern: SplitRole[] }[] = [
  { qname: "sklearn.model_selection.train_test_split", pattern: ["train", "test"] },
  // Later parts of a random split are held out; their names tell validation from test.
  { qname: "torch.utils.data.random_split", pattern: ["train", "test", "test"] },
  // `for train_idx, test_idx in splitter.split(X, y)`: one-off shuffle splits hold out a test set...
  ...["ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit"].map((n) => ({ qname: `sklearn.model_selection.${n}().split`, pattern: ["train", "test"] as SplitRole[] })),
  // ...cross-validation folds hold out validation folds, unless the code names them test.
  ...["KFold", "StratifiedKFold", "GroupKFold", "StratifiedGroupKFold", "RepeatedKFold", "RepeatedStratifiedKFold", "TimeSeriesSplit", "LeaveOneOut", "LeavePOut", "LeaveOneGroupOut", "PredefinedSplit"].map(
    (n) => ({ qname: `sklearn.model_selection.${n}().split`, pattern: ["train", "val"] as SplitRole[] }),
  ),
  // The old `sklearn.cross_validation` splitters are iterated directly (`for tr, te in KFold(n, n_folds=5)`); the module is an alias of model_selection.
  ...["ShuffleSplit", "StratifiedShuffleSplit"].map((n) => ({ qname: `sklearn.model_selection.${n}()`, pattern: ["train", "test"] as SplitRole[] })),
  ...["KFold", "StratifiedKFold", "LeaveOneOut", "LeavePOut", "LeaveOneLabelOut"].map((n) => ({ qname: `sklearn.model_selection.${n}()`, pattern: ["train", "val"] as SplitRole[] })),
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
export const FIT_METHODS = new Set(["fit", "partial_fit", "fit_generator"]);

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
  "acc", "accuracy", "f1", "fbeta", "precision", "prec", "recall", "auc", "roc", "rocauc", "ap", "map", "mape",
  "rmse", "mse", "mae", "r2", "score", "iou", "dice", "bleu", "rouge", "perplexity", "ppl", "top1", "top5",
  "error", "err", "kappa", "mcc", "logloss", "balanced", "jaccard", "ndcg", "mrr", "wer", "cer",
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
