"""Seeds everywhere: the course's samplers give identical draws for identical seeds."""

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from helpers import data, stan
from tools.environment import compiler_cache_env


@pytest.mark.slow
def test_cmdstan_is_reproducible():
    exam = data.load("exam_schools").head(50)
    d = {
        "N": 50,
        "x": exam["standLRT"].to_numpy(),
        "y": exam["normexam"].to_numpy(),
        "alpha_scale": 1.0,
        "beta_scale": 1.0,
        "sigma_scale": 1.0,
        "prior_only": 0,
    }
    model = stan.model("normal_regression")
    draws = [
        model.sample(
            data=d,
            seed=7,
            chains=2,
            iter_warmup=200,
            iter_sampling=200,
            show_progress=False,
        ).stan_variable("beta")
        for _ in range(2)
    ]
    np.testing.assert_array_equal(*draws)


@pytest.mark.slow
def test_pymc_with_nutpie_is_reproducible():
    import pymc as pm

    y = data.load("eight_schools")["y"].to_numpy()
    runs = []
    for _ in range(2):
        with pm.Model():
            mu = pm.Normal("mu", 0, 20)
            pm.Normal("y", mu, 10, observed=y)
            idata = pm.sample(
                draws=200,
                tune=200,
                chains=2,
                cores=1,
                random_seed=7,
                nuts_sampler="nutpie",
                progressbar=False,
            )
        runs.append(idata["posterior"]["mu"].to_numpy())
    np.testing.assert_array_equal(*runs)


# A small hierarchical model sampled as the notebooks sample (4 chains, 2 cores,
# nutpie): the nested Pastes model, on which fastmath made a cold and a warm compile
# cache draw differently.
HIERARCHICAL = textwrap.dedent("""
    import sys
    import numpy as np
    import pymc as pm
    from helpers import data, design

    pastes = data.load("pastes")
    batch = pastes["batch"].cat.codes.to_numpy()
    cask = design.nest(pastes, "batch", "cask").cat.codes.to_numpy()
    y = pastes["strength"].to_numpy(float)
    with pm.Model():
        alpha = pm.Normal("alpha", 0, 1)
        tau_a, tau_b, sigma = (
            pm.HalfNormal(name, 1.0) for name in ("tau_a", "tau_b", "sigma")
        )
        a = tau_a * pm.Normal("z_a", 0, 1, shape=int(batch.max()) + 1)
        b = tau_b * pm.Normal("z_b", 0, 1, shape=int(cask.max()) + 1)
        pm.Normal(
            "y", alpha + a[batch] + b[cask], sigma, observed=(y - y.mean()) / y.std()
        )
        idata = pm.sample(
            draws=500, tune=500, chains=4, cores=2, random_seed=7,
            nuts_sampler="nutpie", target_accept=0.95, progressbar=False,
        )
    np.save(sys.argv[1], idata["posterior"]["tau_a"].to_numpy())
""")


@pytest.mark.slow
def test_pymc_draws_do_not_depend_on_the_compile_cache(tmp_path, monkeypatch):
    """The first run on a fresh machine (empty compile caches) and later runs agree.

    With numba's fastmath on, a cold and a warm compile cache gave different draws for
    one seed: the test suite's first execution disagreed with every re-execution. The
    settings are those every kernel gets
    (:func:`tools.environment.compiler_cache_env`).
    """
    monkeypatch.delenv("PYTENSOR_FLAGS", raising=False)
    monkeypatch.setenv("BMLM_CACHE", str(tmp_path / "cache"))
    env = {**os.environ, "HOME": str(tmp_path / "home"), **compiler_cache_env()}
    script = tmp_path / "fit.py"
    script.write_text(HIERARCHICAL)
    runs = []
    for name in ("cold", "warm"):
        out = tmp_path / f"{name}.npy"
        subprocess.run(
            [sys.executable, str(script), str(out)],
            env=env,
            check=True,
            capture_output=True,
        )
        runs.append(np.load(out))
    assert list((tmp_path / "cache" / "pytensor" / "numba").iterdir()), (
        "PyTensor's numba cache is not in the course cache"
    )
    assert not (tmp_path / "home" / ".pytensor").exists(), (
        "PyTensor wrote a cache into the home folder"
    )
    np.testing.assert_array_equal(*runs)
