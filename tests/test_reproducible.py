"""Seeds everywhere: the samplers the course uses give identical draws for identical seeds."""

import numpy as np
import pytest

from helpers import data, stan


@pytest.mark.slow
def test_cmdstan_is_reproducible():
    exam = data.load("exam_schools").head(50)
    d = {"N": 50, "x": exam["standLRT"].to_numpy(), "y": exam["normexam"].to_numpy(), "alpha_scale": 1.0,
         "beta_scale": 1.0, "sigma_scale": 1.0, "prior_only": 0}
    model = stan.model("normal_regression")
    draws = [model.sample(data=d, seed=7, chains=2, iter_warmup=200, iter_sampling=200,
                          show_progress=False).stan_variable("beta") for _ in range(2)]
    np.testing.assert_array_equal(*draws)


@pytest.mark.slow
def test_pymc_with_nutpie_is_reproducible():
    import helpers  # noqa: F401  (compile caches)
    import pymc as pm

    y = data.load("eight_schools")["y"].to_numpy()
    runs = []
    for _ in range(2):
        with pm.Model():
            mu = pm.Normal("mu", 0, 20)
            pm.Normal("y", mu, 10, observed=y)
            idata = pm.sample(draws=200, tune=200, chains=2, cores=1, random_seed=7, nuts_sampler="nutpie",
                              progressbar=False)
        runs.append(idata["posterior"]["mu"].to_numpy())
    np.testing.assert_array_equal(*runs)
