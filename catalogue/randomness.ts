import type { ArgRef } from "../semantic/model.js";

/**
 * Where randomness comes from and how each source is seeded. Qualified names
 * are canonical (see aliases.ts); a trailing `*` matches any suffix.
 */

/** A process-wide generator that many calls draw from. */
export interface GlobalRng {
  id: "random" | "numpy" | "torch" | "tensorflow";
  /** Library name for messages. */
  library: string;
  /** Calls that seed it directly. */
  seeders: string[];
  /** What to write, for messages. */
  seedHint: string;
  /** Calls that draw from it. */
  consumers: string[];
  /** Draw only when this argument is a true literal, and not when `unless` is passed (DataLoader: shuffle=True without generator=). */
  consumersWhen?: Record<string, { keyword?: string; index?: number; unless?: string }>;
}

const NUMPY_DRAWS = [
  "rand", "randn", "randint", "random", "random_sample", "random_integers", "ranf", "sample", "choice", "bytes",
  "shuffle", "permutation", "beta", "binomial", "chisquare", "dirichlet", "exponential", "f", "gamma", "geometric",
  "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries", "multinomial", "multivariate_normal",
  "negative_binomial", "normal", "pareto", "poisson", "power", "rayleigh", "standard_cauchy", "standard_exponential",
  "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform", "vonmises", "wald", "weibull", "zipf",
];

const PY_RANDOM_DRAWS = [
  "random", "randint", "randrange", "choice", "choices", "shuffle", "sample", "uniform", "gauss", "normalvariate",
  "lognormvariate", "triangular", "betavariate", "expovariate", "gammavariate", "paretovariate", "vonmisesvariate",
  "weibullvariate", "getrandbits", "randbytes", "binomialvariate",
];

const TORCH_LAYERS = [
  "Linear", "Bilinear", "LazyLinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d",
  "ConvTranspose3d", "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "RNNCell", "Embedding", "EmbeddingBag",
  "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "MultiheadAttention", "Transformer",
  "TransformerEncoderLayer", "TransformerDecoderLayer",
];

const KERAS_LAYERS = [
  "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D", "LSTM", "GRU",
  "SimpleRNN", "Embedding", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise", "GaussianDropout",
  "MultiHeadAttention", "RandomFlip", "RandomRotation", "RandomZoom", "RandomCrop", "RandomTranslation",
];

export const globalRngs: GlobalRng[] = [
  {
    id: "random",
    library: "Python's random module",
    seeders: ["random.seed"],
    seedHint: "random.seed(SEED)",
    consumers: PY_RANDOM_DRAWS.map((f) => `random.${f}`),
  },
  {
    id: "numpy",
    library: "numpy",
    seeders: ["numpy.random.seed"],
    seedHint: "np.random.seed(SEED) or draw from np.random.default_rng(SEED)",
    consumers: NUMPY_DRAWS.map((f) => `numpy.random.${f}`),
  },
  {
    id: "torch",
    library: "torch",
    seeders: ["torch.manual_seed"],
    seedHint: "torch.manual_seed(SEED)",
    consumers: [
      ...["rand", "randn", "randint", "randperm", "rand_like", "randn_like", "randint_like", "normal", "bernoulli", "multinomial", "poisson"].map((f) => `torch.${f}`),
      "torch.utils.data.random_split",
      "torch.utils.data.RandomSampler",
      "torch.utils.data.DataLoader",
      ...["uniform_", "normal_", "trunc_normal_", "xavier_uniform_", "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "sparse_"].map((f) => `torch.nn.init.${f}`),
      ...TORCH_LAYERS.map((l) => `torch.nn.${l}`),
      "torch.nn.functional.dropout",
      "torchvision.transforms.Random*",
      "torchvision.transforms.v2.Random*",
    ],
    consumersWhen: {
      "torch.utils.data.DataLoader": { keyword: "shuffle", index: 2, unless: "generator" },
      "torch.utils.data.random_split": { unless: "generator" },
      "torch.utils.data.RandomSampler": { unless: "generator" },
    },
  },
  {
    id: "tensorflow",
    library: "TensorFlow",
    seeders: ["tensorflow.random.set_seed"],
    seedHint: "tf.random.set_seed(SEED) (or keras.utils.set_random_seed(SEED))",
    consumers: [
      ...["normal", "uniform", "shuffle", "truncated_normal", "categorical", "gamma", "poisson", "stateless_normal"].map((f) => `tensorflow.random.${f}`),
      ...KERAS_LAYERS.map((l) => `keras.layers.${l}`),
    ],
  },
];

/** Helpers that seed several global generators at once. */
export const seedingHelpers: { qname: string; seeds: GlobalRng["id"][] }[] = [
  { qname: "transformers.set_seed", seeds: ["random", "numpy", "torch", "tensorflow"] },
  { qname: "accelerate.utils.set_seed", seeds: ["random", "numpy", "torch"] },
  { qname: "lightning.seed_everything", seeds: ["random", "numpy", "torch"] },
  { qname: "keras.utils.set_random_seed", seeds: ["random", "numpy", "tensorflow"] },
  { qname: "tensorflow.keras.utils.set_random_seed", seeds: ["random", "numpy", "tensorflow"] },
];

/** A call that takes its own seed argument. */
export interface SeededCall {
  qname: string;
  /** The seed argument(s); the call is seeded if any is given a non-None value. */
  seed: ArgRef[];
  /** Name of the argument, for messages. */
  param: string;
  /** Only random when this argument is truthy (KFold's shuffle). */
  when?: { keyword: string; index?: number; default: boolean };
  /** A seeded global generator that this call falls back to when unseeded. */
  coveredBy?: GlobalRng["id"];
}

const rs = (qname: string, extra: Partial<SeededCall> = {}): SeededCall => ({
  qname,
  seed: [{ keyword: "random_state" }],
  param: "random_state",
  coveredBy: "numpy",
  ...extra,
});

const SKLEARN_ESTIMATORS = [
  "ensemble.RandomForestClassifier", "ensemble.RandomForestRegressor", "ensemble.ExtraTreesClassifier",
  "ensemble.ExtraTreesRegressor", "ensemble.GradientBoostingClassifier", "ensemble.GradientBoostingRegressor",
  "ensemble.HistGradientBoostingClassifier", "ensemble.HistGradientBoostingRegressor", "ensemble.BaggingClassifier",
  "ensemble.BaggingRegressor", "ensemble.AdaBoostClassifier", "ensemble.AdaBoostRegressor", "ensemble.IsolationForest",
  "ensemble.RandomTreesEmbedding", "tree.DecisionTreeClassifier", "tree.DecisionTreeRegressor",
  "tree.ExtraTreeClassifier", "tree.ExtraTreeRegressor", "cluster.KMeans", "cluster.MiniBatchKMeans",
  "cluster.BisectingKMeans", "cluster.SpectralClustering", "mixture.GaussianMixture",
  "mixture.BayesianGaussianMixture", "neural_network.MLPClassifier", "neural_network.MLPRegressor",
  "neural_network.BernoulliRBM", "linear_model.SGDClassifier", "linear_model.SGDRegressor",
  "linear_model.Perceptron", "linear_model.PassiveAggressiveClassifier", "linear_model.RANSACRegressor",
  "manifold.TSNE", "decomposition.TruncatedSVD", "decomposition.NMF", "decomposition.LatentDirichletAllocation",
  "decomposition.FastICA", "decomposition.DictionaryLearning", "random_projection.GaussianRandomProjection",
  "random_projection.SparseRandomProjection", "kernel_approximation.RBFSampler", "kernel_approximation.Nystroem",
  "model_selection.RandomizedSearchCV", "model_selection.ShuffleSplit", "model_selection.StratifiedShuffleSplit",
  "model_selection.GroupShuffleSplit", "model_selection.RepeatedKFold", "model_selection.RepeatedStratifiedKFold",
  "datasets.make_classification", "datasets.make_regression", "datasets.make_blobs", "datasets.make_moons",
  "datasets.make_circles", "inspection.permutation_importance", "utils.shuffle", "utils.resample",
  "dummy.DummyClassifier",
];

export const seededCalls: SeededCall[] = [
  rs("sklearn.model_selection.train_test_split", { when: { keyword: "shuffle", default: true } }),
  rs("sklearn.model_selection.KFold", { when: { keyword: "shuffle", index: 1, default: false } }),
  rs("sklearn.model_selection.StratifiedKFold", { when: { keyword: "shuffle", index: 1, default: false } }),
  rs("sklearn.model_selection.StratifiedGroupKFold", { when: { keyword: "shuffle", default: false } }),
  ...SKLEARN_ESTIMATORS.map((e) => rs(`sklearn.${e}`)),
  ...["XGBClassifier", "XGBRegressor", "XGBRanker", "XGBRFClassifier", "XGBRFRegressor"].map((e) =>
    rs(`xgboost.${e}`, { seed: [{ keyword: "random_state" }, { keyword: "seed" }], coveredBy: undefined }),
  ),
  ...["LGBMClassifier", "LGBMRegressor", "LGBMRanker"].map((e) =>
    rs(`lightgbm.${e}`, { seed: [{ keyword: "random_state" }, { keyword: "seed" }], coveredBy: undefined }),
  ),
  ...["CatBoostClassifier", "CatBoostRegressor"].map((e) =>
    rs(`catboost.${e}`, { seed: [{ keyword: "random_seed" }, { keyword: "random_state" }], param: "random_seed", coveredBy: undefined }),
  ),
  { qname: "numpy.random.default_rng", seed: [{ index: 0, keyword: "seed" }], param: "seed" },
  { qname: "numpy.random.RandomState", seed: [{ index: 0, keyword: "seed" }], param: "seed" },
  { qname: "numpy.random.Generator", seed: [{ index: 0 }], param: "bit_generator" },
  { qname: "random.Random", seed: [{ index: 0, keyword: "x" }], param: "seed" },
  { qname: "pymc.sample", seed: [{ keyword: "random_seed" }], param: "random_seed" },
  ...["TPESampler", "RandomSampler", "CmaEsSampler", "NSGAIISampler", "NSGAIIISampler", "QMCSampler", "GPSampler", "BruteForceSampler"].map(
    (s): SeededCall => ({ qname: `optuna.samplers.${s}`, seed: [{ keyword: "seed" }], param: "seed" }),
  ),
  { qname: "optuna.create_study", seed: [{ keyword: "sampler" }], param: "sampler" },
];

/** Calls whose name says they seed, imported from the project's own modules: trusted, not read. */
export const SEED_HELPER_NAME = /seed/i;
