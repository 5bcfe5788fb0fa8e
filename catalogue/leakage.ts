/**
 * What leaks test data into training, as data: which estimators learn
 * statistics from the rows they are fitted on, which resample rows, which
 * search hyper-parameters, and how each library stops early on a monitored set.
 * Qualified names are canonical (see aliases.ts).
 */

/** Libraries whose calls the leakage rule reads; a file importing none of them is skipped. */
export const LEAKAGE_PACKAGES = [
  "mlflow",
  "sklearn",
  "imblearn",
  "category_encoders",
  "xgboost",
  "lightgbm",
  "catboost",
  "keras",
  "tensorflow",
  "keras_tuner",
  "optuna",
  "hyperopt",
  "skopt",
  "torch",
  "lightning",
  "transformers",
  "trl",
  "npm:@tensorflow/tfjs",
];

/**
 * Transformers and feature selectors whose `fit` learns from the data: fitted
 * before a split, they carry test rows into training. Stateless ones
 * (`Normalizer`, `PolynomialFeatures`, `FunctionTransformer`) and `LabelEncoder`
 * (it only learns the set of class names) are left out.
 */
export const LEARNED_TRANSFORMERS: string[] = [
  ...[
    "StandardScaler",
    "MinMaxScaler",
    "MaxAbsScaler",
    "RobustScaler",
    "PowerTransformer",
    "QuantileTransformer",
    "KBinsDiscretizer",
    "OneHotEncoder",
    "OrdinalEncoder",
    "TargetEncoder",
    "SplineTransformer",
  ].map((n) => `sklearn.preprocessing.${n}`),
  ...["SimpleImputer", "KNNImputer", "IterativeImputer"].map((n) => `sklearn.impute.${n}`),
  ...["PCA", "IncrementalPCA", "KernelPCA", "TruncatedSVD", "NMF", "FastICA", "FactorAnalysis", "SparsePCA"].map((n) => `sklearn.decomposition.${n}`),
  ...[
    "SelectKBest",
    "SelectPercentile",
    "SelectFpr",
    "SelectFdr",
    "SelectFwe",
    "GenericUnivariateSelect",
    "VarianceThreshold",
    "RFE",
    "RFECV",
    "SelectFromModel",
    "SequentialFeatureSelector",
  ].map((n) => `sklearn.feature_selection.${n}`),
  ...["TfidfVectorizer", "CountVectorizer", "TfidfTransformer"].map((n) => `sklearn.feature_extraction.text.${n}`),
  "sklearn.feature_extraction.DictVectorizer",
  ...["TargetEncoder", "CatBoostEncoder", "WOEEncoder", "LeaveOneOutEncoder", "JamesSteinEncoder", "MEstimateEncoder", "GLMMEncoder"].map(
    (n) => `category_encoders.${n}`,
  ),
  // Containers of transformers: fitted whole before the split, every learned step inside them sees the held-out rows.
  "sklearn_pandas.DataFrameMapper",
  "sklearn.pipeline.Pipeline",
  "sklearn.pipeline.make_pipeline",
  "sklearn.pipeline.FeatureUnion",
  "sklearn.pipeline.make_union",
  "sklearn.compose.ColumnTransformer",
  "sklearn.compose.make_column_transformer",
  "imblearn.pipeline.Pipeline",
  "imblearn.pipeline.make_pipeline",
];

/** Transformers that learn nothing from the rows they are fitted on: fitting them on any split leaks nothing. */
export const STATELESS_TRANSFORMERS: string[] = ["Normalizer", "FunctionTransformer", "PolynomialFeatures", "Binarizer"].map(
  (n) => `sklearn.preprocessing.${n}`,
);

/**
 * Functions that learn statistics from the rows they are given and return them
 * transformed in one call (`X = scale(X)`): before a split, the held-out rows shaped the result.
 */
export const FIT_TRANSFORM_FUNCTIONS: { qname: string; data: { index: number; keyword: string } }[] = [
  "scale",
  "minmax_scale",
  "robust_scale",
  "maxabs_scale",
  "quantile_transform",
  "power_transform",
].map((n) => ({ qname: `sklearn.preprocessing.${n}`, data: { index: 0, keyword: "X" } }));

/**
 * Table methods that summarise rows: on the whole table before a split, and
 * mixed into the data that is then split (`(df - df.mean()) / df.std()`,
 * target encoding with `df.groupby(c)[target].mean()`), they carry held-out rows into training.
 */
export const ROW_STATISTICS = new Set([
  "mean",
  "std",
  "var",
  "median",
  "min",
  "max",
  "quantile",
  "sum",
  "count",
  "agg",
  "aggregate",
  "nunique",
  "value_counts",
]);

/** Row statistics whose first positional argument is the axis (`df.mean(1)`, `xs.mean(0)` in tfjs); the others take it by keyword or later. */
export const AXIS_FIRST_STATISTICS = new Set(["mean", "std", "var", "median", "min", "max", "sum", "count", "nunique"]);

/**
 * Functions that summarise the rows of the array or tensor they are given
 * (`tf.moments(xs, 0)`, `np.mean(X, axis=0)`): as the table methods above,
 * over axis 0 (or every axis) they mix all rows into one value.
 */
export const STATISTIC_FUNCTIONS: { qname: string; data: { index: number; keyword: string }; axis: { index: number; keyword: string } }[] = [
  ...["moments", "mean", "min", "max"].map((n) => ({
    qname: `npm:@tensorflow/tfjs.${n}`,
    data: { index: 0, keyword: "x" },
    axis: { index: 1, keyword: "axis" },
  })),
  ...["mean", "std", "var", "nanmean", "nanstd", "nanvar"].map((n) => ({
    qname: `numpy.${n}`,
    data: { index: 0, keyword: "a" },
    axis: { index: 1, keyword: "axis" },
  })),
];

/** Arithmetic written as method calls (tfjs tensors: `xs.sub(mean).div(std)`), as `(df - mean) / std` is written with operators. */
export const ARITHMETIC_METHODS = new Set(["sub", "div", "add", "mul", "divNoNan", "squaredDifference"]);

/** Statistics that say too little about single rows to matter alone; they count only after a `groupby` (target encoding: per-category counts and sums). */
export const GROUPED_ONLY_STATISTICS = new Set(["sum", "count", "agg", "aggregate", "nunique", "value_counts"]);

/** Oversamplers: fitted before a split, synthetic or copied rows land on both sides of it. */
export const OVERSAMPLERS: string[] = [
  ...["SMOTE", "SMOTENC", "SMOTEN", "ADASYN", "BorderlineSMOTE", "SVMSMOTE", "KMeansSMOTE", "RandomOverSampler"].map((n) => `imblearn.over_sampling.${n}`),
  ...["SMOTEENN", "SMOTETomek"].map((n) => `imblearn.combine.${n}`),
];

/** Methods that fit a transformer or sampler on the data they are given. */
export const TRANSFORMER_FIT_METHODS = new Set(["fit", "fit_transform", "fit_resample"]);

/** Methods that apply what a transformer learned, without fitting it again. */
export const APPLY_METHODS = new Set(["transform"]);

/** Calls that score a model on the data they are given: metric functions under these modules, and these model methods. */
export const SCORING_MODULES = ["sklearn.metrics", "npm:@tensorflow/tfjs.metrics"];
export const SCORING_METHODS = new Set(["score", "predict", "predict_proba", "predict_log_proba", "decision_function", "evaluate"]);

/** Hyper-parameter searches: their `fit` cross-validates every candidate on the data it is given. */
export const SEARCHES: string[] = [
  ...["GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV"].map((n) => `sklearn.model_selection.${n}`),
  "skopt.BayesSearchCV",
];

/** Optimisers that call an objective function and keep the candidate it scores best. */
export const OBJECTIVE_RUNNERS: { qname: string; objective: { index: number; keyword: string } }[] = [
  { qname: "optuna.create_study().optimize", objective: { index: 0, keyword: "func" } },
  { qname: "optuna.study.create_study().optimize", objective: { index: 0, keyword: "func" } },
  { qname: "hyperopt.fmin", objective: { index: 0, keyword: "fn" } },
];

/** Arguments that hand a fit a monitored set; with early stopping the model keeps the iteration that scores best on it. */
export const MONITOR_ARGUMENTS = ["eval_set", "validation_data", "valid_sets", "evals", "val_dataloaders", "validationData"];

/** Monitor arguments that take one set, `(x, y)` or tfjs' `[xs, ys]`, where the others take a list of sets. */
export const ONE_SET_MONITORS = new Set(["validation_data", "validationData"]);

/** Booster training functions that take their settings as one parameter dict. */
export const BOOSTER_TRAINERS: { qname: string; params: { index: number; keyword: string } }[] = [
  { qname: "xgboost.train", params: { index: 0, keyword: "params" } },
  { qname: "lightgbm.train", params: { index: 0, keyword: "params" } },
];

/** Keyword arguments that turn early stopping on when set (to anything but None or False). */
export const EARLY_STOPPING_KEYWORDS = ["early_stopping_rounds", "early_stopping_round", "early_stopping", "od_wait"];

/** Callbacks that stop training on, or keep the best epoch of, the monitored set; `when` names a flag that must be passed as True. */
export const EARLY_STOPPING_CALLBACKS: { qname: string; when?: string }[] = [
  { qname: "keras.callbacks.EarlyStopping" },
  { qname: "keras.callbacks.ModelCheckpoint", when: "save_best_only" },
  { qname: "lightgbm.early_stopping" },
  { qname: "xgboost.callback.EarlyStopping" },
  { qname: "lightning.callbacks.EarlyStopping" },
  { qname: "npm:@tensorflow/tfjs.callbacks.earlyStopping" },
  { qname: "transformers.EarlyStoppingCallback" },
];

/**
 * Trainers built with the set they evaluate on (Hugging Face's `Trainer(eval_dataset=...)`), and the flag of their
 * arguments object that keeps the best checkpoint on it (`TrainingArguments(load_best_model_at_end=True)`).
 */
export const MONITORING_TRAINERS: {
  qname: string;
  monitor: { keyword: string };
  args: { index: number; keyword: string };
  keepsBest: string;
  /** A method that tunes hyper-parameters by scores on the evaluation set. */
  search: string;
}[] = ["transformers.Trainer", "transformers.Seq2SeqTrainer", "trl.SFTTrainer"].map((qname) => ({
  qname,
  monitor: { keyword: "eval_dataset" },
  args: { index: 1, keyword: "args" },
  keepsBest: "load_best_model_at_end",
  search: "hyperparameter_search",
}));

/**
 * What a hand-written callback does that keeps or stops on the monitored set
 * (tfjs `callbacks: { onEpochEnd }`, `new tf.CustomCallback({...})`): saving
 * the model, or setting the model's stop flag.
 */
export const CHECKPOINT_ACTIONS = {
  methods: new Set(["save", "save_model", "save_weights", "save_pretrained", "save_checkpoint"]),
  stopFlags: new Set(["stopTraining"]),
  /** Functions that write a model or its weights to a file (`torch.save(model.state_dict(), "best.pt")`). */
  functions: ["torch.save", "joblib.dump", "pickle.dump", "keras.models.save_model", "tensorflow.keras.models.save_model"],
};

/** Hyper-parameter tuners whose `search` scores every trial on the validation data it is given. */
export const TUNERS: string[] = ["RandomSearch", "Hyperband", "BayesianOptimization", "GridSearch"].map((n) => `keras_tuner.${n}`);

/** Models that keep their best iteration on `eval_set` by default (CatBoost's `use_best_model`). */
export const BEST_ITERATION_BY_DEFAULT: { qname: string; off: string }[] = [
  ...["CatBoostClassifier", "CatBoostRegressor", "CatBoostRanker", "CatBoost"].map((n) => ({ qname: `catboost.${n}`, off: "use_best_model" })),
];

/** Calls that put a value into the object they are called on (`rows.append(v)`): what the object holds afterwards derives from their arguments. */
export const MUTATING_METHODS = new Set(["append", "extend", "insert", "update", "add", "setdefault", "push", "unshift"]);

/** Calls that fill gaps with a value (`df[c].fillna(df[c].median())`): imputing with a whole-column statistic is not reported as a computed feature. */
export const IMPUTING_METHODS = new Set(["fillna", "replace", "where", "mask", "clip", "interpolate"]);

/** `groupby(...).transform("mean")`: the statistic named by a string. */
export const STATISTIC_BY_NAME_METHODS = new Set(["transform", "agg", "aggregate"]);

/** Searches over tracked runs that rank them by a metric (`order_by=["metrics.test_acc DESC"]`). */
export const RUN_SEARCHES: { qname: string; orderBy: { index?: number; keyword: string } }[] = [
  { qname: "mlflow.search_runs", orderBy: { keyword: "order_by" } },
  { qname: "mlflow.MlflowClient().search_runs", orderBy: { keyword: "order_by" } },
];

/**
 * Calls that load a logged model to use it (`mlflow.sklearn.load_model(f"runs:/{best['run_id']}/model")`): loading
 * the run a search ranked first chooses it, as registering it does. The URI is their first argument.
 */
export const MODEL_LOADS: { qnames: string[]; uri: { index: number; keyword: string } } = {
  qnames: [
    "pyfunc",
    "sklearn",
    "xgboost",
    "lightgbm",
    "catboost",
    "pytorch",
    "keras",
    "tensorflow",
    "transformers",
    "statsmodels",
    "prophet",
    "spark",
    "onnx",
  ].map((flavor) => `mlflow.${flavor}.load_model`),
  uri: { index: 0, keyword: "model_uri" },
};

/** Calls that register or promote a model, so the run a search ranked first becomes the chosen one. */
export const MODEL_PROMOTIONS: string[] = [
  "mlflow.register_model",
  "mlflow.MlflowClient().create_model_version",
  "mlflow.MlflowClient().transition_model_version_stage",
  "mlflow.MlflowClient().set_registered_model_alias",
];
