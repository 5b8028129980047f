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
    return az.from_dict({"posterior": posterior, **({"sample_stats": stats} if stats else {})})


def good(chains=4, draws=1000, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "mu": rng.normal(0, 1, (chains, draws)),
        "theta": rng.normal(5, 2, (chains, draws, 3)),
        "L": np.broadcast_to(np.array([1.0, 0.0]), (chains, draws, 2)).copy(),  # constant: skipped
    }


def test_clean_fit_passes_and_reports():
    report = checks.check_convergence(
        fit(good(), diverging=np.zeros((4, 1000), bool), energy=RNG.normal(size=(4, 1000))), label="toy"
    )
    assert report.max_rhat < 1.01 and report.min_ess_bulk > 400 and report.divergences == 0
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


def test_divergences_fail_unless_expected():
    div = np.zeros((4, 1000), bool)
    div[1, 10] = True
    with pytest.raises(checks.ConvergenceError, match="1 divergent"):
        checks.check_convergence(fit(good(), diverging=div), quiet=True)
    assert checks.check_convergence(fit(good(), diverging=div), max_divergences=1, quiet=True).divergences == 1
    assert checks.check_convergence(fit(good(), diverging=div), expect_divergences=True, quiet=True)
    with pytest.raises(checks.ConvergenceError, match="expected divergent"):
        checks.check_convergence(fit(good(), diverging=np.zeros((4, 1000), bool)), expect_divergences=True,
                                 quiet=True)


def test_expect_failure_returns_the_report_and_rejects_a_good_fit():
    post = good()
    post["mu"][0] += 3.0
    report = checks.expect_failure(fit(post), quiet=True)
    assert report.max_rhat > 1.01 and any("R-hat" in f for f in report.failures)
    with pytest.raises(checks.ConvergenceError, match="expected a failed convergence check"):
        checks.expect_failure(fit(good()), label="toy", quiet=True)


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown variables"):
        checks.check_convergence(fit(good()), ["nope"])
    with pytest.raises(ValueError, match="thresholds"):
        checks.check_convergence(fit(good()), rhat_max=0.9)
    with pytest.raises(ValueError, match="2 chains"):
        checks.check_convergence(fit(good(chains=1)))
    with pytest.raises(ValueError, match="posterior"):
        checks.check_convergence(az.from_dict({"prior": good()}))


def test_agreement_passes_for_the_same_model_and_fails_for_a_shift():
    a, b = fit(good(seed=1)), fit(good(seed=2))
    table = checks.assert_agree(a, b, ["mu", "theta"], quiet=True)
    assert len(table) == 4 and (table[["z mean", "z sd"]].abs() < 4).all().all()
    shifted = good(seed=2)
    shifted["theta"][..., 1] += 0.3  # 0.15 posterior sds, ~10 Monte Carlo standard errors
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
