import numpy as np
import pytest

from helpers import simulate as sim


def test_varying_slopes_shape_truth_and_seed():
    a = sim.varying_slopes(12, 8, rho=0.3, seed=1)
    b = sim.varying_slopes(12, 8, rho=0.3, seed=1)
    assert a.equals(b) and a.shape == (96, 3)
    truth = a.attrs["truth"]
    assert truth["group_intercepts"].shape == (12,)
    assert not a.equals(sim.varying_slopes(12, 8, rho=0.3, seed=2))


def test_varying_slopes_recovers_parameters_in_a_large_sample():
    df = sim.varying_slopes(
        4000,
        10,
        intercept=100,
        slope=5,
        tau_intercept=10,
        tau_slope=2,
        rho=-0.5,
        sigma=1.0,
        seed=3,
    )
    t = df.attrs["truth"]
    assert abs(t["group_intercepts"].mean() - 100) < 1
    assert abs(np.std(t["group_slopes"]) - 2) < 0.1
    assert abs(np.corrcoef(t["group_intercepts"], t["group_slopes"])[0, 1] + 0.5) < 0.05
    resid = df["y"] - (
        t["group_intercepts"][df["group"].cat.codes]
        + t["group_slopes"][df["group"].cat.codes] * df["x"]
    )
    assert abs(resid.std() - 1.0) < 0.02


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"n_groups": 0}, "n_groups"),
        ({"n_per_group": 2.5}, "n_per_group"),
        ({"sigma": -1}, "sigma"),
        ({"sigma": 0}, "sigma"),
        ({"tau_slope": np.nan}, "tau_slope"),
        ({"rho": 1.0}, "rho"),
        ({"intercept": np.inf}, "intercept"),
        ({"n_per_group": 3, "x": [0, 1]}, "x must hold"),
    ],
)
def test_varying_slopes_rejects_bad_arguments(kwargs, match):
    with pytest.raises(sim.SimulationError, match=match):
        sim.varying_slopes(**{"n_groups": 5, "n_per_group": 4, "seed": 0, **kwargs})


def test_grouped_binomial():
    df = sim.grouped_binomial(30, trials=np.arange(1, 31), mu=0.0, tau=1.0, seed=4)
    assert (df["y"] <= df["n"]).all() and df.attrs["truth"]["p"].shape == (30,)
    with pytest.raises(sim.SimulationError, match="trials"):
        sim.grouped_binomial(3, trials=[5, 5], seed=0)
    with pytest.raises(sim.SimulationError, match="trials"):
        sim.grouped_binomial(2, trials=[5, 0], seed=0)
    with pytest.raises(sim.SimulationError, match="tau"):
        sim.grouped_binomial(2, tau=-0.1, seed=0)


def test_grouped_poisson_exposure():
    df = sim.grouped_poisson(
        5, 4000, mu=1.0, tau=0.0, exposure=np.full(20000, 2.0), seed=5
    )
    assert abs(df["y"].mean() - 2 * np.e) < 0.05
    with pytest.raises(sim.SimulationError, match="exposure"):
        sim.grouped_poisson(2, 2, exposure=[1, 1, -1, 1], seed=0)
