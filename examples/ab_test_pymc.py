"""Estimate the conversion lift of a new checkout page with PyMC.

The posterior is reported without checking that the sampler converged;
run `npx exp-lint examples/` to see it.
"""
import arviz as az
import pandas as pd
import pymc as pm

SEED = 20261129


def main():
    visits = pd.read_csv("data/checkout_ab.csv")
    control = visits.loc[visits.variant == "A", "converted"].to_numpy()
    treatment = visits.loc[visits.variant == "B", "converted"].to_numpy()

    with pm.Model():
        p_a = pm.Beta("p_a", alpha=1, beta=1)
        p_b = pm.Beta("p_b", alpha=1, beta=1)
        pm.Bernoulli("obs_a", p=p_a, observed=control)
        pm.Bernoulli("obs_b", p=p_b, observed=treatment)
        pm.Deterministic("lift", p_b - p_a)
        # One chain, so R-hat cannot be computed, and no divergence check below.
        idata = pm.sample(draws=2000, chains=1, random_seed=SEED)

    lift = idata.posterior["lift"].values
    print(f"P(B converts better than A) = {(lift > 0).mean():.3f}")
    az.plot_posterior(idata, var_names=["lift"])


if __name__ == "__main__":
    main()
