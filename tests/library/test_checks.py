import arviz as az
import numpy as np
import pytest

from helpers import checks

RNG = np.random.default_rng(0)


def fit(posterior, diverging=None, energy=None):
    stats = {}
    if diverging is not None:
        stats["diverging"] = diverging
    if energy is not None:
        stats["energy"] = energy
    return az.from_dict(
        {"posterior": posterior, **({"sample_stats": stats} if stats else {})}
    )


def good(chains=4, draws=1000, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "mu": rng.normal(0, 1, (chains, draws)),
        "theta": rng.normal(5, 2, (chains, draws, 3)),
        "L": np.broadcast_to(
            np.array([1.0, 0.0]), (chains, draws, 2)
        ).copy(),  # constant: skipped
    }


def test_clean_fit_passes_and_reports():
    report = checks.check_convergence(
        fit(
            good(),
            diverging=np.zeros((4, 1000), bool),
            energy=RNG.normal(size=(4, 1000)),
        ),
        label="toy",
    )
    assert (
        report.max_rhat < 1.01 and report.min_ess_bulk > 400 and report.divergences == 0
    )
    assert "toy: 4 chains x 1000 draws" in str(report) and "-> ok" in str(report)


def test_chains_that_disagree_fail_rhat():
    post = good()
    post["mu"][0] += 3.0
    with pytest.raises(checks.ConvergenceError, match="R-hat > 1.01.*mu"):
        checks.check_convergence(fit(post), quiet=True)


def test_autocorrelated_chain_fails_ess():
    x = np.zeros((4, 1000))
    for t in range(1, 1000):
        x[:, t] = 0.995 * x[:, t - 1] + RNG.normal(size=4) * 0.1
    with pytest.raises(checks.ConvergenceError, match="bulk ESS < 400"):
        checks.check_convergence(fit({"x": x}), rhat_max=10, quiet=True)


def test_divergences_fail():
    div = np.zeros((4, 1000), bool)
    div[1, 10] = True
    with pytest.raises(checks.ConvergenceError, match="1 divergent"):
        checks.check_convergence(fit(good(), diverging=div), quiet=True)
    assert (
        checks.check_convergence(
            fit(good(), diverging=div), max_divergences=1, quiet=True
        ).divergences
        == 1
    )


def test_tail_ess_is_gated():
    post = good()
    # the upper tail is visited in long excursions: the bulk mixes, the tail does not
    x = np.random.default_rng(0).normal(size=(4, 1000))
    for start in (100, 400, 700):
        x[:, start : start + 30] += 3
    post["mu"] = x
    report = checks.measure(fit(post))
    assert (
        report.failed == {"ess_tail"}
        and report.min_ess_tail < 300
        and report.min_ess_tail_at == "mu"
    )


def test_low_bfmi_fails():
    energy = np.cumsum(
        RNG.normal(size=(4, 1000)), axis=1
    )  # a random walk: E-BFMI near 0
    with pytest.raises(checks.ConvergenceError, match="E-BFMI"):
        checks.check_convergence(fit(good(), energy=energy), quiet=True)
    fine = checks.check_convergence(
        fit(good(), energy=RNG.normal(size=(4, 1000))), quiet=True
    )
    assert fine.min_bfmi > 1.5  # independent energies: E-BFMI about 2


def test_tree_depth_hits_fail_from_either_statistic():
    depth = np.full((4, 1000), 4)
    depth[2, 5] = 10
    post = az.from_dict({"posterior": good(), "sample_stats": {"tree_depth": depth}})
    with pytest.raises(
        checks.ConvergenceError,
        match="1 transitions stopped at the maximum tree depth 10",
    ):
        checks.check_convergence(post, quiet=True)
    assert (
        checks.check_convergence(post, max_treedepth=11, quiet=True).max_treedepth_hits
        == 0
    )
    reached = np.zeros((4, 1000), bool)
    reached[0, :3] = True  # nutpie records the hit itself
    nutpie_like = az.from_dict(
        {"posterior": good(), "sample_stats": {"maxdepth_reached": reached}}
    )
    assert checks.measure(nutpie_like).max_treedepth_hits == 3


def test_expect_failure_returns_the_report_and_rejects_a_good_fit(capsys):
    post = good()
    post["mu"][0] += 3.0
    report = checks.expect_failure(fit(post), label="toy")
    assert report.max_rhat > 1.01 and "rhat" in report.failed
    assert "-> pathology confirmed (expected): R-hat" in capsys.readouterr().out
    with pytest.raises(
        checks.ConvergenceError, match="expected .* to fail, but every check passed"
    ):
        checks.expect_failure(fit(good()), label="toy", quiet=True)


def test_expect_failure_because_names_the_check_that_must_fail():
    post = good()
    post["mu"][0] += 3.0  # R-hat fails, but there are no divergences
    with pytest.raises(
        checks.ConvergenceError, match="expected divergences to fail, but only .*rhat"
    ):
        checks.expect_failure(
            fit(post, diverging=np.zeros((4, 1000), bool)),
            because="divergences",
            quiet=True,
        )
    div = np.zeros((4, 1000), bool)
    div[0, :7] = True
    report = checks.expect_failure(
        fit(good(), diverging=div), because=["divergences"], quiet=True
    )
    assert report.divergences == 7 and report.failed == {"divergences"}
    with pytest.raises(
        ValueError, match="unknown checks \\['divergence'\\]; the checks are"
    ):
        checks.expect_failure(fit(good()), because="divergence")


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown variables"):
        checks.check_convergence(fit(good()), ["nope"])
    with pytest.raises(ValueError, match="thresholds .* got rhat_max=0.9"):
        checks.check_convergence(fit(good()), rhat_max=0.9)
    with pytest.raises(ValueError, match="bfmi_min=1.5"):
        checks.check_convergence(fit(good()), bfmi_min=1.5)
    with pytest.raises(
        ValueError,
        match="unknown thresholds \\['rhat'\\]; the gate's are \\['rhat_max'",
    ):
        checks.check_convergence(fit(good()), rhat=1.1)
    with pytest.raises(ValueError, match="at least 2 chains; the fit has 1"):
        checks.check_convergence(fit(good(chains=1)))
    with pytest.raises(ValueError, match="posterior"):
        checks.check_convergence(az.from_dict({"prior": good()}))


def test_agreement_passes_for_the_same_model_and_fails_for_a_shift():
    a, b = fit(good(seed=1)), fit(good(seed=2))
    table = checks.assert_agree(a, b, ["mu", "theta"], quiet=True)
    assert len(table) == 4 and (table[["z mean", "z sd"]].abs() < 4).all().all()
    shifted = good(seed=2)
    shifted["theta"][..., 1] += (
        0.3  # 0.15 posterior sds, ~10 Monte Carlo standard errors
    )
    with pytest.raises(checks.DisagreementError, match=r"theta\[1\]"):
        checks.assert_agree(a, fit(shifted), ["theta"], quiet=True)
    wider = good(seed=2)
    wider["mu"] *= 1.2
    with pytest.raises(checks.DisagreementError, match="mu"):
        checks.assert_agree(a, fit(wider), {"mu": "mu"}, quiet=True)


def test_agreement_rejects_mismatched_shapes_and_bad_z():
    with pytest.raises(ValueError, match="elements"):
        checks.assert_agree(fit(good()), fit(good()), {"mu": "theta"}, quiet=True)
    with pytest.raises(ValueError, match="positive"):
        checks.assert_agree(fit(good()), fit(good()), ["mu"], z=0)
    with pytest.raises(ValueError, match="at least one"):
        checks.assert_agree(fit(good()), fit(good()), [])


def _mixed_model(seed=0):
    import pandas as pd
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(seed)
    g = np.repeat(np.arange(15), 8)
    x = rng.normal(size=g.size)
    y = 1.0 + 0.5 * x + rng.normal(0, 0.8, 15)[g] + rng.normal(0, 0.5, g.size)
    df = pd.DataFrame({"y": y, "x": x, "g": g})
    return smf.mixedlm("y ~ x", df, groups=df["g"])


def test_reml_fit_returns_the_agreed_optimum(capsys):
    fit = checks.reml_fit(_mixed_model())
    assert "reached by" in capsys.readouterr().out
    by_newton = _mixed_model().fit(reml=True, method="bfgs")
    assert (
        abs(fit.llf - by_newton.llf) < 1e-3
        and abs(fit.cov_re.iloc[0, 0] - by_newton.cov_re.iloc[0, 0]) < 1e-3
    )


def test_reml_fit_refuses_an_unconfirmed_optimum_and_bad_arguments():
    with pytest.raises(ValueError, match="at least two optimisers.*\\['lbfgs'\\]"):
        checks.reml_fit(_mixed_model(), methods=("lbfgs",))

    class Stub:  # two optimisers that stop at different places
        def fit(self, reml, method):
            return type("F", (), {"llf": {"a": -10.0, "b": -12.0}[method]})()

    with pytest.raises(checks.OptimumError, match="only a reached the maximum"):
        checks.reml_fit(Stub(), methods=("a", "b"), quiet=True)

    class Degenerate:  # one optimiser runs off to an infinite criterion: not a maximum
        def fit(self, reml, method):
            return type(
                "F", (), {"llf": {"a": -10.0, "b": float("inf"), "c": -10.0}[method]}
            )()

    assert (
        checks.reml_fit(Degenerate(), methods=("a", "b", "c"), quiet=True).llf == -10.0
    )
