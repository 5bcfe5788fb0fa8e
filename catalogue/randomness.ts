import type { ArgRef } from "../semantic/model.js";

/**
 * Where randomness comes from and how each source is seeded. Qualified names
 * are canonical (see aliases.ts); a trailing `*` matches the rest of one name
 * (`torchvision.transforms.Random*`), and `**` any chain of names and calls
 * (`pandas.**().sample`: `sample` on anything a pandas call returned).
 */

/** A process-wide generator that many calls draw from. */
export interface GlobalRng {
  id: "random" | "numpy" | "torch" | "tensorflow" | "math-random";
  /** Library name for messages. */
  library: string;
  /** Calls that seed it directly. */
  seeders: string[];
  /** What to write, for messages. */
  seedHint: string;
  /** A seeded generator to draw from instead, for messages. */
  alternative?: string;
  /** Calls that draw from it. */
  consumers: string[];
  /**
   * Consumers that only draw a model's initial weights (and dropout masks, skipped in eval mode):
   * they don't matter in a file that loads saved weights with one of the `loadedBy` methods,
   * matched by method name because the model is usually the file's own class.
   */
  weightInit?: { consumers: string[]; loadedBy: string[] };
  /**
   * Draw only when this argument is a true literal (or, with `default: true`, unless it is a false literal),
   * and not when `unless` is passed, as a keyword or a key of an options object (DataLoader: shuffle=True without
   * generator=; tfjs `fit`: shuffle defaults to true; tfjs `dense` without its own kernelInitializer).
   */
  consumersWhen?: Record<string, DrawCondition>;
  /** Seeders that seed it only with an argument set, e.g. `seedrandom(seed, { global: true })`. */
  seedersWhen?: Record<string, DrawCondition>;
  /** A language built-in: its consumers need no import (`Math.random`). */
  ambient?: boolean;
  /**
   * Words in the name of an enclosing function that mark data handling
   * (`shuffle`, `trainTestSplit`): there a draw is reported even in a library
   * module, because the generator cannot be seeded by whoever calls it.
   */
  dataHandling?: string[];
}

/**
 * Methods that replace the state an object was built with, for a program's own model classes (`model.set_weights(w)`,
 * `net.load(path)`, `clf.restore_checkpoint()`): the random initial weights its constructor drew no longer matter.
 * A method matches when a word of its name is one of `words`, or its words start with one of `prefixes`.
 */
export const STATE_RESTORING_METHODS = {
  words: ["load", "restore"],
  prefixes: [
    ["set", "weights"],
    ["set", "params"],
    ["set", "parameters"],
    ["set", "state"],
  ],
};

export interface DrawCondition extends ArgRef {
  unless?: string;
  /** Where `unless` goes when passed by position (`ds.shuffle(1000, 42)`). */
  unlessIndex?: number;
  default?: boolean;
}

const NUMPY_DRAWS = [
  "rand",
  "randn",
  "randint",
  "random",
  "random_sample",
  "random_integers",
  "ranf",
  "sample",
  "choice",
  "bytes",
  "shuffle",
  "permutation",
  "beta",
  "binomial",
  "chisquare",
  "dirichlet",
  "exponential",
  "f",
  "gamma",
  "geometric",
  "gumbel",
  "hypergeometric",
  "laplace",
  "logistic",
  "lognormal",
  "logseries",
  "multinomial",
  "multivariate_normal",
  "negative_binomial",
  "normal",
  "pareto",
  "poisson",
  "power",
  "rayleigh",
  "standard_cauchy",
  "standard_exponential",
  "standard_gamma",
  "standard_normal",
  "standard_t",
  "triangular",
  "uniform",
  "vonmises",
  "wald",
  "weibull",
  "zipf",
];

const PY_RANDOM_DRAWS = [
  "random",
  "randint",
  "randrange",
  "choice",
  "choices",
  "shuffle",
  "sample",
  "uniform",
  "gauss",
  "normalvariate",
  "lognormvariate",
  "triangular",
  "betavariate",
  "expovariate",
  "gammavariate",
  "paretovariate",
  "vonmisesvariate",
  "weibullvariate",
  "getrandbits",
  "randbytes",
  "binomialvariate",
];

const TORCH_LAYERS = [
  "Linear",
  "Bilinear",
  "LazyLinear",
  "Conv1d",
  "Conv2d",
  "Conv3d",
  "ConvTranspose1d",
  "ConvTranspose2d",
  "ConvTranspose3d",
  "LSTM",
  "GRU",
  "RNN",
  "LSTMCell",
  "GRUCell",
  "RNNCell",
  "Embedding",
  "EmbeddingBag",
  "Dropout",
  "Dropout1d",
  "Dropout2d",
  "Dropout3d",
  "AlphaDropout",
  "MultiheadAttention",
  "Transformer",
  "TransformerEncoderLayer",
  "TransformerDecoderLayer",
];

const KERAS_LAYERS = [
  "Dense",
  "Conv1D",
  "Conv2D",
  "Conv3D",
  "Conv2DTranspose",
  "SeparableConv2D",
  "DepthwiseConv2D",
  "LSTM",
  "GRU",
  "SimpleRNN",
  "Embedding",
  "Dropout",
  "SpatialDropout1D",
  "SpatialDropout2D",
  "GaussianNoise",
  "GaussianDropout",
  "MultiHeadAttention",
  "RandomFlip",
  "RandomRotation",
  "RandomZoom",
  "RandomCrop",
  "RandomTranslation",
];

const TORCH_OPS = ["rand", "randn", "randint", "randperm", "rand_like", "randn_like", "randint_like", "normal", "bernoulli", "multinomial", "poisson"];
const TORCH_INIT = [
  "uniform_",
  "normal_",
  "trunc_normal_",
  "xavier_uniform_",
  "xavier_normal_",
  "kaiming_uniform_",
  "kaiming_normal_",
  "orthogonal_",
  "sparse_",
];
const TORCH_SAMPLING = ["random_split", "RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler"];
// Transforms that draw their parameters from torch's generator each time they are applied.
const TORCHVISION_RANDOM = ["Random*", "ColorJitter", "RandAugment", "AutoAugment", "TrivialAugmentWide", "AugMix", "GaussianBlur", "ElasticTransform"];

// TensorFlow ops and the position of their op-level `seed`, which alone makes them repeatable.
const TF_OPS: [string, number][] = [
  ["random.normal", 4],
  ["random.uniform", 4],
  ["random.truncated_normal", 4],
  ["random.gamma", 4],
  ["random.poisson", 3],
  ["random.categorical", 3],
  ["random.shuffle", 1],
  ["nn.dropout", 3],
  ["image.random_flip_left_right", 1],
  ["image.random_flip_up_down", 1],
  ["image.random_crop", 2],
  ["image.random_brightness", 2],
  ["image.random_contrast", 3],
  ["image.random_hue", 2],
  ["image.random_saturation", 3],
  ["data.**().shuffle", 1],
];

export const globalRngs: GlobalRng[] = [
  {
    id: "random",
    library: "Python's random module",
    seeders: ["random.seed"],
    seedHint: "random.seed(SEED)",
    alternative: "random.Random(SEED)",
    consumers: PY_RANDOM_DRAWS.map((f) => `random.${f}`),
  },
  {
    id: "numpy",
    library: "numpy",
    seeders: ["numpy.random.seed"],
    seedHint: "np.random.seed(SEED)",
    alternative: "np.random.default_rng(SEED)",
    consumers: NUMPY_DRAWS.map((f) => `numpy.random.${f}`),
  },
  {
    id: "torch",
    library: "torch",
    seeders: ["torch.manual_seed"],
    seedHint: "torch.manual_seed(SEED)",
    consumers: [
      ...TORCH_OPS.map((f) => `torch.${f}`),
      ...TORCH_SAMPLING.map((f) => `torch.utils.data.${f}`),
      "torch.utils.data.DataLoader",
      ...TORCH_INIT.map((f) => `torch.nn.init.${f}`),
      ...TORCH_LAYERS.map((l) => `torch.nn.${l}`),
      "torch.nn.functional.dropout",
      ...TORCHVISION_RANDOM.flatMap((t) => [`torchvision.transforms.${t}`, `torchvision.transforms.v2.${t}`]),
    ],
    // A `generator=` argument draws from that generator instead.
    consumersWhen: {
      "torch.utils.data.DataLoader": { keyword: "shuffle", index: 2, unless: "generator" },
      ...Object.fromEntries(
        [...TORCH_OPS.map((f) => `torch.${f}`), ...TORCH_SAMPLING.map((f) => `torch.utils.data.${f}`), ...TORCH_INIT.map((f) => `torch.nn.init.${f}`)].map(
          (q) => [q, { unless: "generator" }],
        ),
      ),
    },
    weightInit: {
      consumers: [...TORCH_INIT.map((f) => `torch.nn.init.${f}`), ...TORCH_LAYERS.map((l) => `torch.nn.${l}`)],
      loadedBy: ["load_state_dict", "load_from_checkpoint"],
    },
  },
  {
    id: "tensorflow",
    library: "TensorFlow",
    seeders: ["tensorflow.random.set_seed", "tensorflow.random.set_random_seed"],
    seedHint: "tf.random.set_seed(SEED) (or keras.utils.set_random_seed(SEED))",
    consumers: [...TF_OPS.map(([op]) => `tensorflow.${op}`), ...KERAS_LAYERS.map((l) => `keras.layers.${l}`)],
    // With an op-level seed and no global one, TensorFlow uses a fixed default global seed.
    consumersWhen: Object.fromEntries([
      ...TF_OPS.map(([op, index]): [string, DrawCondition] => [`tensorflow.${op}`, { unless: "seed", unlessIndex: index }]),
      ...KERAS_LAYERS.map((l): [string, DrawCondition] => [`keras.layers.${l}`, { unless: "seed" }]),
    ]),
    weightInit: { consumers: KERAS_LAYERS.map((l) => `keras.layers.${l}`), loadedBy: ["load_weights"] },
  },
];

const TFJS = "npm:@tensorflow/tfjs";

/** How messages show where a tfjs op takes its seed (its positional parameters). */
const TFJS_OP_SIGNATURES: Record<string, string> = {
  randomNormal: "tf.randomNormal(shape, mean, stdDev, dtype, SEED)",
  randomUniform: "tf.randomUniform(shape, minval, maxval, dtype, SEED)",
  truncatedNormal: "tf.truncatedNormal(shape, mean, stdDev, dtype, SEED)",
  randomGamma: "tf.randomGamma(shape, alpha, beta, dtype, SEED)",
  randomStandardNormal: "tf.randomStandardNormal(shape, dtype, SEED)",
  multinomial: "tf.multinomial(logits, numSamples, SEED)",
};

// tfjs layers whose default initializers (or dropout masks) draw their seeds from Math.random.
const TFJS_LAYERS = [
  "dense",
  "conv1d",
  "conv2d",
  "conv3d",
  "conv2dTranspose",
  "separableConv2d",
  "depthwiseConv2d",
  "lstm",
  "gru",
  "simpleRNN",
  "lstmCell",
  "gruCell",
  "embedding",
  "dropout",
  "spatialDropout1d",
  "gaussianNoise",
  "gaussianDropout",
  "alphaDropout",
];

globalRngs.push({
  id: "math-random",
  library: "JavaScript",
  seeders: ["npm:seedrandom"],
  seedersWhen: { "npm:seedrandom": { index: 1, property: "global" } },
  seedHint: "seedrandom(SEED, { global: true })",
  consumers: [
    "Math.random",
    `${TFJS}.util.shuffle`,
    `${TFJS}.util.shuffleCombo`,
    // A dropout mask must differ at every step: a per-call seed would repeat it, so only the global generator is the remedy.
    `${TFJS}.dropout`,
    ...TFJS_LAYERS.map((l) => `${TFJS}.layers.${l}`),
    `${TFJS}.sequential().fit`,
    `${TFJS}.model().fit`,
    `${TFJS}.loadLayersModel().fit`,
  ],
  // tfjs `fit` shuffles the training data by default.
  consumersWhen: {
    ...Object.fromEntries(["sequential", "model", "loadLayersModel"].map((m) => [`${TFJS}.${m}().fit`, { index: 2, property: "shuffle", default: true }])),
    // `tf.dropout(x, rate, noiseShape, seed)` with its own seed does not read Math.random.
    [`${TFJS}.dropout`]: { unlessIndex: 3 },
    // A layer given its initializer draws through that initializer (reported there, if unseeded), not through its default.
    ...Object.fromEntries(["dense", "conv1d", "conv2d", "conv3d", "conv2dTranspose"].map((l) => [`${TFJS}.layers.${l}`, { unless: "kernelInitializer" }])),
    [`${TFJS}.layers.embedding`]: { unless: "embeddingsInitializer" },
  },
  ambient: true,
  dataHandling: ["shuffle", "split", "sample", "sampling", "fold", "folds", "batch", "batches", "permute", "permutation", "bootstrap", "augment", "subsample"],
});

/** Helpers that seed several global generators at once. */
/** `implicit`: seeds as a side effect of being built; draws made before it are not taken as unseeded. */
export const seedingHelpers: { qname: string; seeds: GlobalRng["id"][]; implicit?: true }[] = [
  { qname: "transformers.set_seed", seeds: ["random", "numpy", "torch", "tensorflow"] },
  { qname: "transformers.enable_full_determinism", seeds: ["random", "numpy", "torch", "tensorflow"] },
  // The Hugging Face Trainer calls set_seed(args.seed) when it is built (TrainingArguments.seed defaults to 42).
  { qname: "transformers.Trainer", seeds: ["random", "numpy", "torch"], implicit: true },
  { qname: "transformers.Seq2SeqTrainer", seeds: ["random", "numpy", "torch"], implicit: true },
  { qname: "trl.SFTTrainer", seeds: ["random", "numpy", "torch"], implicit: true },
  { qname: "trl.DPOTrainer", seeds: ["random", "numpy", "torch"], implicit: true },
  { qname: "accelerate.utils.set_seed", seeds: ["random", "numpy", "torch"] },
  { qname: "lightning.seed_everything", seeds: ["random", "numpy", "torch"] },
  { qname: "lightning.fabric.seed_everything", seeds: ["random", "numpy", "torch"] },
  { qname: "lightning.Fabric().seed_everything", seeds: ["random", "numpy", "torch"] },
  { qname: "lightning.fabric.Fabric().seed_everything", seeds: ["random", "numpy", "torch"] },
  { qname: "keras.utils.set_random_seed", seeds: ["random", "numpy", "tensorflow"] },
];

/** A call that takes its own seed argument. */
export interface SeededCall {
  qname: string;
  /** The seed argument(s); the call is seeded if any is given a non-None value. */
  seed: ArgRef[];
  /** Name of the argument, for messages. */
  param: string;
  /** What to pass, for messages, when `param=SEED` is not it. */
  fix?: string;
  /** Only random when this argument is truthy (KFold's shuffle). */
  when?: { keyword: string; index?: number; default: boolean };
  /** A seeded global generator that this call falls back to when unseeded. */
  coveredBy?: GlobalRng["id"];
  /**
   * Unseeded, the library uses a fixed built-in seed (XGBoost's seed=0): runs repeat, but
   * changing the experiment's seed does not change this call. The library's name, for messages.
   */
  fixedDefault?: string;
  /** Often called only to look at data (`df.sample(5)` in a notebook): random only where its result is kept in a variable. */
  keptOnly?: boolean;
  /**
   * Unseeded, reported once per file as a draw from `coveredBy`'s global generator rather than
   * call by call: weight initialisers, where one seed at program start fixes every one of them.
   */
  perFile?: boolean;
}

const rs = (qname: string, extra: Partial<SeededCall> = {}): SeededCall => ({
  qname,
  seed: [{ keyword: "random_state" }],
  param: "random_state",
  coveredBy: "numpy",
  ...extra,
});

const SKLEARN_ESTIMATORS = [
  "ensemble.RandomForestClassifier",
  "ensemble.RandomForestRegressor",
  "ensemble.ExtraTreesClassifier",
  "ensemble.ExtraTreesRegressor",
  "ensemble.GradientBoostingClassifier",
  "ensemble.GradientBoostingRegressor",
  "ensemble.HistGradientBoostingClassifier",
  "ensemble.HistGradientBoostingRegressor",
  "ensemble.BaggingClassifier",
  "ensemble.BaggingRegressor",
  "ensemble.AdaBoostClassifier",
  "ensemble.AdaBoostRegressor",
  "ensemble.IsolationForest",
  "ensemble.RandomTreesEmbedding",
  "tree.DecisionTreeClassifier",
  "tree.DecisionTreeRegressor",
  "tree.ExtraTreeClassifier",
  "tree.ExtraTreeRegressor",
  "cluster.KMeans",
  "cluster.MiniBatchKMeans",
  "cluster.BisectingKMeans",
  "cluster.SpectralClustering",
  "mixture.GaussianMixture",
  "mixture.BayesianGaussianMixture",
  "neural_network.MLPClassifier",
  "neural_network.MLPRegressor",
  "neural_network.BernoulliRBM",
  "linear_model.SGDClassifier",
  "linear_model.SGDRegressor",
  "linear_model.Perceptron",
  "linear_model.PassiveAggressiveClassifier",
  "linear_model.RANSACRegressor",
  "manifold.TSNE",
  "decomposition.TruncatedSVD",
  "decomposition.LatentDirichletAllocation",
  "decomposition.FastICA",
  "random_projection.GaussianRandomProjection",
  "random_projection.SparseRandomProjection",
  "kernel_approximation.RBFSampler",
  "kernel_approximation.Nystroem",
  "model_selection.RandomizedSearchCV",
  "model_selection.ShuffleSplit",
  "model_selection.StratifiedShuffleSplit",
  "model_selection.GroupShuffleSplit",
  "model_selection.RepeatedKFold",
  "model_selection.RepeatedStratifiedKFold",
  "datasets.make_classification",
  "datasets.make_regression",
  "datasets.make_blobs",
  "datasets.make_moons",
  "datasets.make_circles",
  "inspection.permutation_importance",
  "utils.shuffle",
  "utils.resample",
  "model_selection.HalvingRandomSearchCV",
  "model_selection.ParameterSampler",
  "manifold.MDS",
  "feature_selection.mutual_info_classif",
  "feature_selection.mutual_info_regression",
];

// imbalanced-learn draws through scikit-learn's check_random_state, so numpy's global seed covers it too.
const IMBLEARN = [
  "over_sampling.SMOTE",
  "over_sampling.SMOTENC",
  "over_sampling.BorderlineSMOTE",
  "over_sampling.SVMSMOTE",
  "over_sampling.ADASYN",
  "over_sampling.RandomOverSampler",
  "under_sampling.RandomUnderSampler",
  "under_sampling.ClusterCentroids",
  "combine.SMOTEENN",
  "combine.SMOTETomek",
  "ensemble.BalancedRandomForestClassifier",
  "ensemble.BalancedBaggingClassifier",
  "ensemble.EasyEnsembleClassifier",
  "ensemble.RUSBoostClassifier",
];

export const seededCalls: SeededCall[] = [
  rs("sklearn.model_selection.train_test_split", { when: { keyword: "shuffle", default: true } }),
  rs("sklearn.model_selection.KFold", { when: { keyword: "shuffle", index: 1, default: false } }),
  rs("sklearn.model_selection.StratifiedKFold", { when: { keyword: "shuffle", index: 1, default: false } }),
  rs("sklearn.model_selection.StratifiedGroupKFold", { when: { keyword: "shuffle", default: false } }),
  rs("sklearn.model_selection.GroupKFold", { when: { keyword: "shuffle", default: false } }),
  rs("sklearn.model_selection.learning_curve", { when: { keyword: "shuffle", default: false } }),
  // SVC draws only for the internal cross-validation behind probability=True.
  rs("sklearn.svm.SVC", { when: { keyword: "probability", default: false } }),
  rs("sklearn.svm.NuSVC", { when: { keyword: "probability", default: false } }),
  ...SKLEARN_ESTIMATORS.map((e) => rs(`sklearn.${e}`)),
  ...IMBLEARN.map((e) => rs(`imblearn.${e}`)),
  rs("umap.UMAP"),
  // pandas and scipy.stats also fall back to numpy's global generator.
  rs("pandas.**().sample", { keptOnly: true }),
  rs("scipy.stats.**.rvs"),
  rs("scipy.stats.bootstrap"),
  rs("scipy.stats.permutation_test"),
  ...["XGBClassifier", "XGBRegressor", "XGBRanker", "XGBRFClassifier", "XGBRFRegressor"].map((e) =>
    rs(`xgboost.${e}`, { seed: [{ keyword: "random_state" }, { keyword: "seed" }], coveredBy: undefined, fixedDefault: "XGBoost" }),
  ),
  ...["LGBMClassifier", "LGBMRegressor", "LGBMRanker"].map((e) =>
    rs(`lightgbm.${e}`, { seed: [{ keyword: "random_state" }, { keyword: "seed" }], coveredBy: undefined, fixedDefault: "LightGBM" }),
  ),
  ...["CatBoostClassifier", "CatBoostRegressor", "CatBoostRanker"].map((e) =>
    rs(`catboost.${e}`, {
      seed: [{ keyword: "random_seed" }, { keyword: "random_state" }],
      param: "random_seed",
      coveredBy: undefined,
      fixedDefault: "CatBoost",
    }),
  ),
  { qname: "numpy.random.default_rng", seed: [{ index: 0, keyword: "seed" }], param: "seed", fix: "a seed, as in np.random.default_rng(SEED)" },
  { qname: "numpy.random.RandomState", seed: [{ index: 0, keyword: "seed" }], param: "seed", fix: "a seed, as in np.random.RandomState(SEED)" },
  // Bit generators and seed sequences: unseeded, they take fresh entropy from the OS.
  ...["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"].map(
    (g): SeededCall => ({ qname: `numpy.random.${g}`, seed: [{ index: 0, keyword: "seed" }], param: "seed", fix: `a seed, as in np.random.${g}(SEED)` }),
  ),
  { qname: "numpy.random.SeedSequence", seed: [{ index: 0, keyword: "entropy" }], param: "entropy", fix: "a seed, as in np.random.SeedSequence(SEED)" },
  { qname: "random.Random", seed: [{ index: 0, keyword: "x" }], param: "seed", fix: "a seed, as in random.Random(SEED)" },
  ...["sample", "sample_prior_predictive", "sample_posterior_predictive"].map(
    (f): SeededCall => ({ qname: `pymc.${f}`, seed: [{ keyword: "random_seed" }], param: "random_seed" }),
  ),
  ...["TPESampler", "RandomSampler", "CmaEsSampler", "NSGAIISampler", "NSGAIIISampler", "QMCSampler", "GPSampler", "BruteForceSampler"].map(
    (s): SeededCall => ({ qname: `optuna.samplers.${s}`, seed: [{ keyword: "seed" }], param: "seed" }),
  ),
  // GridSampler shuffles the order of the grid.
  { qname: "optuna.samplers.GridSampler", seed: [{ index: 1, keyword: "seed" }], param: "seed" },
  { qname: "optuna.create_study", seed: [{ keyword: "sampler" }], param: "sampler", fix: "sampler=optuna.samplers.TPESampler(seed=SEED)" },
  { qname: "hyperopt.fmin", seed: [{ keyword: "rstate" }], param: "rstate", fix: "rstate=np.random.default_rng(SEED)" },
  // JavaScript: seedrandom(SEED) is a seeded generator; without a seed it seeds itself from the clock.
  { qname: "npm:seedrandom", seed: [{ index: 0 }], param: "seed", fix: "a seed, as in seedrandom(SEED)" },
  // tfjs ops take the seed positionally; unseeded, they draw one from Math.random.
  ...(
    [
      ["randomNormal", 4],
      ["randomUniform", 4],
      ["truncatedNormal", 4],
      ["randomGamma", 4],
      ["randomStandardNormal", 2],
      ["multinomial", 2],
    ] as const
  ).map(
    ([op, index]): SeededCall => ({
      qname: `${TFJS}.${op}`,
      seed: [{ index }],
      param: "seed",
      coveredBy: "math-random",
      fix: `a seed, as in ${TFJS_OP_SIGNATURES[op]}`,
    }),
  ),
  // tfjs initializers take `{ seed }`; a model builds many, and one global seed fixes them all.
  ...[
    "glorotUniform",
    "glorotNormal",
    "heNormal",
    "heUniform",
    "leCunNormal",
    "leCunUniform",
    "randomNormal",
    "randomUniform",
    "truncatedNormal",
    "orthogonal",
    "varianceScaling",
  ].map(
    (i): SeededCall => ({
      qname: `${TFJS}.initializers.${i}`,
      seed: [{ index: 0, property: "seed" }],
      param: "seed",
      coveredBy: "math-random",
      fix: `{ seed: SEED } in its options, as in tf.initializers.${i}({ seed: SEED })`,
      perFile: true,
    }),
  ),
];

/** Calls whose name says they seed, imported from the project's own modules: trusted, not read. */
export const SEED_HELPER_NAME = /seed/i;
/** …unless the name says it only reads or makes a seed (`get_seed()`, `make_seeds(n)`). */
export const SEED_GETTER_NAME = /^_*(?:get|gen|generate|make|load|read|parse|create|new|draw|initial)_?seeds?(?:$|_)/i;
