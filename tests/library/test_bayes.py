"""Closed forms against numerical integration and simulation."""

import numpy as np
import pytest
from scipy import integrate, stats

from helpers import bayes


def test_conjugate_posterior_matches_the_grid():
    grid = np.linspace(0, 1, 20001)
    with np.errstate(divide="ignore"):
        density = bayes.grid_posterior(
            grid, stats.beta(2, 3).logpdf(grid), stats.binom.logpmf(7, 20, grid)
        )
    np.testing.assert_allclose(
        density, bayes.beta_binomial_posterior(7, 20, 2, 3).pdf(grid), atol=1e-6
    )


def test_marginal_likelihood_is_the_integral_of_likelihood_times_prior():
    for k, n, a, b in [(0, 5, 1, 1), (7, 20, 2, 3), (180, 400, 0.5, 0.5)]:
        integral, _ = integrate.quad(
            lambda t, k=k, n=n, a=a, b=b: (
                stats.binom.pmf(k, n, t) * stats.beta(a, b).pdf(t)
            ),
            0,
            1,
            points=[k / n],
            limit=200,
        )
        assert np.isclose(
            np.exp(bayes.log_marginal_likelihood_binomial(k, n, a, b)),
            integral,
            rtol=1e-6,
        )
    # a uniform prior makes every count equally likely: 1 / (n + 1)
    assert np.isclose(
        np.exp(bayes.log_marginal_likelihood_binomial(3, 9, 1, 1)), 1 / 10
    )


def test_batches_sum_like_one_binomial_up_to_the_binomial_coefficients():
    k, n = np.array([3, 5]), np.array([10, 12])
    post = bayes.beta_binomial_posterior(k, n, 1, 1)
    assert post.args == (9, 15)
    lml = bayes.log_marginal_likelihood_binomial(k, n, 2, 2)
    rng = np.random.default_rng(0)
    theta = rng.beta(2, 2, size=400_000)
    mc = np.mean(stats.binom.pmf(3, 10, theta) * stats.binom.pmf(5, 12, theta))
    assert np.isclose(np.exp(lml), mc, rtol=0.01)


def test_hdi_grid_and_exact_agree_and_are_narrower_than_the_eti():
    a, b = 3.0, 20.0
    lo, hi = bayes.hdi_beta(a, b, 0.9)
    assert np.isclose(stats.beta(a, b).cdf(hi) - stats.beta(a, b).cdf(lo), 0.9)
    assert np.isclose(
        stats.beta(a, b).pdf(lo), stats.beta(a, b).pdf(hi), rtol=1e-4
    )  # equal heights
    grid = np.linspace(0, 1, 100001)
    g_lo, g_hi = bayes.hdi_from_grid(grid, stats.beta(a, b).pdf(grid), 0.9)
    assert abs(g_lo - lo) < 2e-5 and abs(g_hi - hi) < 2e-5
    eti = stats.beta(a, b).ppf([0.05, 0.95])
    assert hi - lo < eti[1] - eti[0]


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: bayes.beta_binomial_posterior(5, 3, 1, 1), "k <= n"),
        (lambda: bayes.beta_binomial_posterior(1.5, 3, 1, 1), "integer"),
        (lambda: bayes.beta_binomial_posterior(1, 3, -1, 1), "a must be positive"),
        (
            lambda: bayes.log_marginal_likelihood_binomial(1, 3, 1, np.nan),
            "b must be positive",
        ),
        (lambda: bayes.log_likelihood_binomial(1, 3, 1.2), "theta"),
        (lambda: bayes.grid_posterior([0, 0.5], [0, 0], [0, 0]), "same length"),
        (lambda: bayes.grid_posterior([0, 0.1, 0.5], [0, 0, 0], [0, 0, 0]), "evenly"),
        (
            lambda: bayes.grid_posterior([0, 0.5, 1], [-np.inf] * 3, [0, 0, 0]),
            "zero everywhere",
        ),
        (lambda: bayes.hdi_beta(0.5, 2, 0.9), "interior mode"),
        (lambda: bayes.hdi_from_grid([0, 0.5, 1], [1, 1, 1], 1.0), "prob"),
    ],
)
def test_bad_input_is_refused(call, match):
    with pytest.raises(bayes.BayesError, match=match):
        call()


def test_hdi_from_grid_refuses_a_bimodal_density():
    grid = np.linspace(-6, 6, 2001)
    density = 0.5 * stats.norm(-3, 0.5).pdf(grid) + 0.5 * stats.norm(3, 0.5).pdf(grid)
    with pytest.raises(bayes.BayesError, match="multimodal"):
        bayes.hdi_from_grid(grid, density, 0.9)


def test_conjugate_regression_posterior_and_predictive():
    rng = np.random.default_rng(1)
    X = np.column_stack([np.ones(200), rng.normal(size=200)])
    y = X @ np.array([1.0, 2.0]) + rng.normal(0, 0.5, size=200)
    fit = bayes.ConjugateRegression(X, y, prior_scale=1e4, a0=1e-3, b0=1e-3)
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    # a flat prior gives least squares
    np.testing.assert_allclose(fit.m, ols, atol=1e-6)
    beta, sigma = fit.draws(100_000, rng)
    np.testing.assert_allclose(beta.mean(axis=0), fit.m, atol=0.002)
    # predictive density at a new point: Student-t vs the normal averaged over draws
    x_new, y_new = np.array([[1.0, 0.5]]), 2.3
    mc = np.mean(stats.norm(beta @ x_new[0], sigma).pdf(y_new))
    assert np.isclose(fit.predictive(x_new).pdf(y_new)[0], mc, rtol=0.01)


def test_conjugate_regression_rejects_bad_input():
    with pytest.raises(bayes.BayesError, match="same n"):
        bayes.ConjugateRegression(np.ones((3, 2)), np.ones(4))
    with pytest.raises(bayes.BayesError, match="NaN"):
        bayes.ConjugateRegression(np.ones((3, 1)), np.array([1.0, np.nan, 2.0]))
    with pytest.raises(bayes.BayesError, match="prior_scale"):
        bayes.ConjugateRegression(np.ones((3, 1)), np.ones(3), prior_scale=-1)


def test_scale_summary_against_exact_half_normal_quantiles():
    draws = np.abs(np.random.default_rng(3).normal(size=200_000))
    where = bayes.scale_summary(draws, 0.9)
    exact = stats.halfnorm()
    np.testing.assert_allclose(
        [where["median"], where["ETI lower"], where["ETI upper"]],
        exact.ppf([0.5, 0.05, 0.95]),
        rtol=0.02,
        atol=0,
    )
    # the density is highest at 0: the HDI is [0, the 90 % quantile]
    assert where["HDI lower"] < 0.01
    assert abs(where["HDI upper"] / exact.ppf(0.9) - 1) < 0.02
    assert abs(where["90% quantile (one-sided bound)"] / exact.ppf(0.9) - 1) < 0.02
    # P(|Z| < median / 10) = 2 Phi(median / 10) - 1
    p_small = exact.cdf(exact.ppf(0.5) / 10)
    assert abs(where["P(below a tenth of the median)"] - p_small) < 0.005


def test_scale_summary_of_a_posterior_clear_of_zero():
    draws = np.random.default_rng(4).lognormal(0.0, 0.2, size=50_000)
    where = bayes.scale_summary(draws, 0.95)
    assert where["HDI lower"] > 0.5 and where["P(below a tenth of the median)"] == 0
    assert abs(where["mode"] - np.exp(-0.04)) < 0.05  # lognormal mode exp(mu - s^2)


@pytest.mark.parametrize(
    "draws, prob, message",
    [
        (np.ones(1000), 1.0, "prob must lie strictly between 0 and 1, got 1.0"),
        (np.ones(10), 0.9, "at least 100 draws, got 10"),
        (np.r_[np.ones(200), -0.5], 0.9, "minimum of -0.5"),
        (np.r_[np.ones(200), np.nan], 0.9, "1 non-finite"),
    ],
)
def test_scale_summary_names_bad_input(draws, prob, message):
    with pytest.raises(bayes.BayesError, match=message.replace("(", r"\(")):
        bayes.scale_summary(draws, prob)
