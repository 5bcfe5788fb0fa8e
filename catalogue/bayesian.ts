import type { ArgRef } from "../semantic/model.js";

/**
 * MCMC samplers and the convergence diagnostics that make their draws
 * trustworthy. Qualified names are canonical (see aliases.ts: `pymc3` is
 * `pymc`); `X().m` is method `m` of what `X(...)` returned.
 */

export interface Sampler {
  qname: string;
  /** Library name for messages. */
  library: string;
  /** Where the draws end up: the call's value, or the object it is called on (numpyro's `MCMC.run` returns None). */
  result: "value" | "receiver";
  /** The number-of-chains argument; with `onReceiver`, of the call that built the receiver (`MCMC(..., num_chains=4)`). */
  chains: ArgRef & { onReceiver?: boolean };
  /** Not MCMC when this argument is one of these literals (bambi's `inference_method="vi"`). */
  notMcmcWhen?: { keyword: string; values: string[] };
  /** The diagnostic to suggest, for messages. */
  fix: string;
  /** `print(fit)` shows the diagnostics (PyStan 2 prints its summary table with Rhat and n_eff). */
  printShowsDiagnostics?: boolean;
}

const PYMC_FIX = "az.summary(idata) (r_hat, ess_bulk) and idata.sample_stats.diverging.sum()";
const AZ_FIX = "az.summary(idata) (r_hat, ess_bulk) and a divergence count";

export const samplers: Sampler[] = [
  { qname: "pymc.sample", library: "PyMC", result: "value", chains: { keyword: "chains" }, fix: PYMC_FIX },
  ...["pymc.sampling.jax.sample_numpyro_nuts", "pymc.sampling.jax.sample_blackjax_nuts", "pymc.sampling_jax.sample_numpyro_nuts"].map(
    (qname): Sampler => ({ qname, library: "PyMC", result: "value", chains: { keyword: "chains" }, fix: PYMC_FIX }),
  ),
  ...["numpyro.infer.MCMC().run", "numpyro.infer.mcmc.MCMC().run"].map(
    (qname): Sampler => ({
      qname,
      library: "NumPyro",
      result: "receiver",
      chains: { keyword: "num_chains", onReceiver: true },
      fix: "mcmc.print_summary() (r_hat, n_eff, divergences)",
    }),
  ),
  {
    qname: "cmdstanpy.CmdStanModel().sample",
    library: "CmdStanPy",
    result: "value",
    chains: { keyword: "chains" },
    fix: "fit.diagnose() or fit.summary() (R_hat, ESS_bulk)",
  },
  {
    qname: "bambi.Model().fit",
    library: "Bambi",
    result: "value",
    chains: { keyword: "chains" },
    notMcmcWhen: { keyword: "inference_method", values: ["vi", "laplace"] },
    fix: AZ_FIX,
  },
  {
    qname: "stan.build().sample",
    library: "PyStan",
    result: "value",
    chains: { keyword: "num_chains" },
    fix: "az.summary(az.from_pystan(fit)) (r_hat, ess_bulk)",
  },
  {
    qname: "pystan.StanModel().sampling",
    library: "PyStan",
    result: "value",
    chains: { keyword: "chains" },
    fix: "pystan.check_hmc_diagnostics(fit) and print(fit) (Rhat, n_eff)",
    printShowsDiagnostics: true,
  },
];

const ARVIZ_DIAGNOSTICS = ["summary", "rhat", "ess", "bfmi", "plot_trace", "plot_rank", "plot_energy", "plot_ess", "effective_sample_size"];

/** Calls that look at convergence: R-hat, effective sample size, trace/rank plots, energy, divergences. */
export const diagnosticCalls: string[] = [
  ...ARVIZ_DIAGNOSTICS.flatMap((f) => [`arviz.${f}`, `arviz.stats.${f}`, `arviz.stats.diagnostics.${f}`]),
  ...["summary", "rhat", "ess", "bfmi"].map((f) => `arviz_stats.${f}`),
  ...["plot_trace", "plot_rank", "plot_energy", "plot_ess"].map((f) => `arviz_plots.${f}`),
  // PyMC re-exports ArviZ's diagnostics; PyMC3 had its own older names.
  ...[...ARVIZ_DIAGNOSTICS, "traceplot", "energyplot", "gelman_rubin", "effective_n"].flatMap((f) => [`pymc.${f}`, `pymc.stats.${f}`]),
  ...["numpyro.infer.MCMC().print_summary", "numpyro.infer.mcmc.MCMC().print_summary"],
  ...["summary", "print_summary", "gelman_rubin", "split_gelman_rubin", "effective_sample_size"].map((f) => `numpyro.diagnostics.${f}`),
  "cmdstanpy.CmdStanModel().sample().diagnose",
  "cmdstanpy.CmdStanModel().sample().summary",
  "pystan.check_hmc_diagnostics",
  "pystan.diagnostics.check_hmc_diagnostics",
  "pystan.StanModel().sampling().summary",
  "pystan.StanModel().sampling().stansummary",
];

/** Diagnostic calls that skip the diagnostics with this argument: `az.summary(idata, kind="stats")` has no r_hat or ESS column. */
export const notDiagnosticWhen: Record<string, { keyword: string; values: string[] }> = Object.fromEntries(
  ["arviz.summary", "arviz.stats.summary", "arviz_stats.summary", "pymc.summary", "pymc.stats.summary"].map((q) => [q, { keyword: "kind", values: ["stats"] }]),
);

/**
 * Methods that report diagnostics on a fit the model cannot resolve (a fit
 * passed in as a parameter): CmdStanPy's `diagnose`/`summary`, NumPyro's
 * `print_summary`, PyStan 2's `stansummary`.
 */
export const diagnosticMethods = ["diagnose", "summary", "print_summary", "stansummary"];

/** Sampler statistics that count divergent transitions, read as an attribute or a key (`sample_stats.diverging`, `["divergent__"]`). */
export const divergenceFields = ["diverging", "divergent__", "divergences"];

/**
 * Names that mean R-hat or a convergence check, in a comparison (`max_rhat < 1.01`)
 * or a project helper (`check_convergence(idata)`). Matched against the name's
 * words joined by `_` (`maxRHat` → `max_r_hat`), so `r_hat` never matches inside `user_hat`.
 */
export const RHAT_NAME = /(?:^|_)(?:r_hat|rhat|gelman|psrf)(?:_|$)/u;
export const CONVERGENCE_HELPER_NAME = /(?:^|_)(?:r_hat|rhat|gelman|converge[a-z]*|convergence|diagnos[a-z]*)(?:_|$)/u;

/** Calls and methods that only store the draws for later (another program may check them there). */
export const saveCalls = ["arviz.to_netcdf", "arviz.to_zarr", "pickle.dump", "cloudpickle.dump", "joblib.dump", "dill.dump"];
export const saveMethods = ["to_netcdf", "to_zarr", "save", "save_csvfiles", "to_json"];

/** Top-level packages of everything above: a file importing none of them has no fit to check. */
export const BAYES_PACKAGES = ["pymc", "pymc3", "numpyro", "cmdstanpy", "bambi", "stan", "pystan"];
