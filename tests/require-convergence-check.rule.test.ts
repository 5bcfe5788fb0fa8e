import rule from "../rules/require-convergence-check.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

const PYMC_FIX = "az.summary(idata) (r_hat, ess_bulk) and idata.sample_stats.diverging.sum()";
const FIT = "import arviz as az\nimport pymc as pm\nwith model:\n    idata = pm.sample()\n";

pythonRuleTester().run("require-convergence-check", rule, {
  valid: [
    `${FIT}print(az.summary(idata))\nprint(idata.posterior['mu'].mean())\n`,
    `${FIT}print(az.summary(idata, kind='diagnostics'))\n`,
    `${FIT}assert (az.rhat(idata) < 1.01).all()\n`,
    `${FIT}az.plot_trace(idata)\n`,
    `${FIT}print(int(idata.sample_stats.diverging.sum()))\nprint(idata.posterior['mu'].mean())\n`,
    `${FIT}print(idata.sample_stats['diverging'].sum())\n`,
    "import pymc3 as pm\nwith model:\n    trace = pm.sample(2000)\npm.traceplot(trace)\nprint(trace['mu'].mean())\n",
    "import pymc as pm\nwith model:\n    idata = pm.sample()\nprint(pm.stats.ess(idata))\n",
    // A project helper named for the check, and an R-hat compared against a threshold.
    "import pymc as pm\nfrom diagnostics import check_convergence\nidata = pm.sample()\ncheck_convergence(idata)\n",
    "import pymc as pm\nidata = pm.sample()\nworst = table_of(idata)['r_hat'].max()\nassert worst < 1.01\n",
    "import pymc as pm\nidata = pm.sample()\nif maxRHat(idata) > 1.01:\n    raise SystemExit(1)\n",
    "from numpyro.infer import MCMC, NUTS\nmcmc = MCMC(NUTS(model), num_warmup=500, num_samples=500, num_chains=4)\nmcmc.run(key, x)\nmcmc.print_summary()\nsamples = mcmc.get_samples()\n",
    "from cmdstanpy import CmdStanModel\nmodel = CmdStanModel(stan_file='m.stan')\nfit = model.sample(data=d)\nprint(fit.diagnose())\nprint(fit.stan_variable('mu'))\n",
    "from cmdstanpy import CmdStanModel\nfit = CmdStanModel(stan_file='m.stan').sample(data=d)\nprint(fit.divergences)\nprint(fit.stan_variable('mu'))\n",
    // PyStan 2 prints its summary table, Rhat and n_eff included.
    "import pystan\nsm = pystan.StanModel(file='m.stan')\nfit = sm.sampling(data=d, chains=4)\nprint(fit)\nmu = fit.extract()['mu']\n",
    // Saved for another program, never used here; stored on an object; discarded.
    "import pymc as pm\nwith model:\n    idata = pm.sample()\nidata.to_netcdf('trace.nc')\n",
    "import pymc as pm\nwith model:\n    pm.sample()\n",
    "import pymc as pm\nclass Fit:\n    def run(self, model):\n        with model:\n            self.idata = pm.sample()\n",
    // A library module hands the draws to its caller, which may check them.
    "import pymc as pm\ndef fit(model):\n    with model:\n        return pm.sample()\n",
    // Variational inference, not MCMC; and a `sample` that is not PyMC's.
    "import bambi as bmb\nm = bmb.Model('y ~ x', df)\napprox = m.fit(inference_method='vi')\nprint(approx)\n",
    "from sampling import sample\nx = sample()\nprint(x)\n",
    "import pymc as pm\nwith model:\n    prior = pm.sample_prior_predictive()\nprint(prior.prior['mu'].mean())\n",
  ],
  invalid: [
    {
      code: "import pymc as pm\nwith model:\n    idata = pm.sample()\nprint(idata.posterior['mu'].mean())\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 24,
          data: { fit: "pm.sample()", library: "PyMC", use: "idata.posterior", fix: PYMC_FIX },
        },
      ],
    },
    {
      code: "import pymc3 as pm\nimport arviz as az\nwith model:\n    trace = pm.sample(1000, tune=1000)\naz.plot_posterior(trace)\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 39,
          data: { fit: "pm.sample()", library: "PyMC", use: "az.plot_posterior(trace)", fix: PYMC_FIX },
        },
      ],
    },
    {
      // Handed to the caller in the same program, which checks nothing either.
      code: "import pymc as pm\ndef fit(model):\n    with model:\n        return pm.sample()\nif __name__ == '__main__':\n    fit(build())\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
          data: { fit: "pm.sample()", library: "PyMC", use: "return pm.sample()", fix: PYMC_FIX },
        },
      ],
    },
    {
      // Saving does not hide a later use; a comparison of the draws is not an R-hat check.
      code: "import pymc as pm\nidata = pm.sample()\nidata.to_netcdf('t.nc')\nif idata.posterior['p'].mean() > 0.5:\n    ship()\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 20,
          data: { fit: "pm.sample()", library: "PyMC", use: "idata.posterior", fix: PYMC_FIX },
        },
      ],
    },
    {
      code: "from numpyro.infer import MCMC, NUTS\nmcmc = MCMC(NUTS(model), num_warmup=500, num_samples=500)\nmcmc.run(key, x)\nsamples = mcmc.get_samples()\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 17,
          data: { fit: "mcmc.run()", library: "NumPyro", use: "mcmc.get_samples", fix: "mcmc.print_summary() (r_hat, n_eff, divergences)" },
        },
      ],
    },
    {
      code: "from cmdstanpy import CmdStanModel\nmodel = CmdStanModel(stan_file='m.stan')\nfit = model.sample(data=d, chains=4)\ntheta = fit.stan_variable('theta')\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 37,
          data: { fit: "model.sample()", library: "CmdStanPy", use: "fit.stan_variable", fix: "fit.diagnose() or fit.summary() (R_hat, ESS_bulk)" },
        },
      ],
    },
    {
      code: "import bambi as bmb\nm = bmb.Model('y ~ x', df)\nidata = m.fit(draws=500)\nprint(idata.posterior['x'].mean())\n",
      errors: [{ messageId: "noConvergenceCheck", line: 3, column: 9, endLine: 3, endColumn: 25 }],
    },
    {
      // `err_hat` is an estimated error, not R-hat.
      code: "import pymc as pm\nidata = pm.sample()\nerr_hat = idata.posterior['mu'].std()\nif err_hat > 0.1:\n    print('wide')\n",
      errors: [{ messageId: "noConvergenceCheck", line: 2, column: 9, endLine: 2, endColumn: 20 }],
    },
    {
      // A summary of means and intervals only: no r_hat, no ESS.
      code: `${FIT}print(az.summary(idata, kind='stats'))\n`,
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 24,
          data: { fit: "pm.sample()", library: "PyMC", use: "az.summary(idata, kind='stats')", fix: PYMC_FIX },
        },
      ],
    },
    {
      // Printing a PyStan 3 fit shows no diagnostics; printing a PyStan 2 fit's draws is not printing the fit.
      code: "import stan\nposterior = stan.build(code, data=d)\nfit = posterior.sample(num_chains=4)\nprint(fit)\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 37,
          data: { fit: "posterior.sample()", library: "PyStan", use: "print(fit)", fix: "az.summary(az.from_pystan(fit)) (r_hat, ess_bulk)" },
        },
      ],
    },
    {
      code: "import pystan\nsm = pystan.StanModel(file='m.stan')\nfit = sm.sampling(data=d)\nprint(fit.extract()['mu'].mean())\n",
      errors: [
        {
          messageId: "noConvergenceCheck",
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 26,
          data: { fit: "sm.sampling()", library: "PyStan", use: "fit.extract", fix: "pystan.check_hmc_diagnostics(fit) and print(fit) (Rhat, n_eff)" },
        },
      ],
    },
    {
      // One chain: reported even when the program runs az.summary, which then has no R-hat to show.
      code: "import arviz as az\nimport pymc as pm\nidata = pm.sample(draws=500, chains=1)\nprint(az.summary(idata))\n",
      errors: [{ messageId: "singleChain", line: 3, column: 30, endLine: 3, endColumn: 38, data: { fit: "pm.sample()", chains: "1", keyword: "chains" } }],
    },
    {
      // Run twice, reported once.
      code: "from numpyro.infer import MCMC, NUTS\nmcmc = MCMC(NUTS(model), num_warmup=500, num_samples=500, num_chains=1)\nmcmc.run(key)\nmcmc.print_summary()\nmcmc.run(key2, x_new)\nmcmc.print_summary()\n",
      errors: [{ messageId: "singleChain", line: 2, column: 59, endLine: 2, endColumn: 71, data: { fit: "mcmc.run()", chains: "1", keyword: "num_chains" } }],
    },
  ],
});
