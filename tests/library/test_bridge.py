"""Bridge sampling against closed-form marginal likelihoods."""

import numpy as np
import pytest
from scipy import stats

from helpers.bridge import BridgeError, log_marginal_likelihood

N, K = 40, 3
V0_SCALE, A0, B0 = 4.0, 2.0, 1.0  # beta | s2 ~ N(0, s2 V0), s2 ~ InvGamma(A0, B0)


def regression(seed):
    """A normal-inverse-gamma regression: data, exact marginal, exact posterior draws.

    The posterior draws are (chains, draws, K + 1): the coefficients and log sigma.
    """
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.ones(N), rng.normal(size=(N, K - 1))])
    y = X @ np.array([1.0, 0.5, -0.3]) + rng.normal(0, 0.8, N)
    V0 = V0_SCALE * np.eye(K)
    shape = B0 / A0 * (np.eye(N) + X @ V0 @ X.T)
    exact = stats.multivariate_t(np.zeros(N), shape, df=2 * A0).logpdf(y)
    Vn = np.linalg.inv(np.linalg.inv(V0) + X.T @ X)
    mn = Vn @ X.T @ y
    an, bn = A0 + N / 2, B0 + 0.5 * (y @ y - mn @ np.linalg.solve(Vn, mn))

    def draws(rng, chains=4, per_chain=1000):
        s2 = stats.invgamma(an, scale=bn).rvs(chains * per_chain, random_state=rng)
        z = rng.standard_normal((chains * per_chain, K)) @ np.linalg.cholesky(Vn).T
        beta = mn + np.sqrt(s2)[:, None] * z
        return np.column_stack([beta, np.log(s2) / 2]).reshape(chains, per_chain, -1)

    def log_density(theta):
        beta, log_sigma = theta[:, :K], theta[:, K]
        sigma = np.exp(log_sigma)
        log_lik = stats.norm.logpdf(y, beta @ X.T, sigma[:, None]).sum(axis=1)
        quad = np.einsum("nk,nk->n", beta / V0_SCALE, beta) / sigma**2
        log_prior_beta = (
            -K / 2 * np.log(2 * np.pi * V0_SCALE) - K * log_sigma - quad / 2
        )
        log_prior_s2 = stats.invgamma(A0, scale=B0).logpdf(sigma**2)
        jacobian = np.log(2) + 2 * log_sigma  # d sigma^2 / d log sigma
        return log_lik + log_prior_beta + log_prior_s2 + jacobian

    return exact, draws, log_density, rng


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_the_closed_form_within_its_own_error(seed):
    exact, draws, log_density, rng = regression(seed)
    result = log_marginal_likelihood(draws(rng), log_density, rng=rng)
    assert result.relative_error < 0.05
    assert abs(result.estimate - exact) < 4 * result.relative_error
    assert result.n_posterior == result.n_proposal == 2000


def test_reported_error_matches_the_spread_over_repeats():
    exact, draws, log_density, rng = regression(4)
    results = [
        log_marginal_likelihood(draws(rng), log_density, rng=rng) for _ in range(40)
    ]
    spread = np.std([r.estimate for r in results], ddof=1)
    reported = np.mean([r.relative_error for r in results])
    assert 0.5 < spread / reported < 2
    assert (
        abs(np.mean([r.estimate for r in results]) - exact)
        < 3 * spread / np.sqrt(40) + 1e-3
    )


def test_autocorrelated_draws_report_a_larger_error():
    """Draws that repeat each value ten times carry a tenth of the information."""
    exact, draws, log_density, rng = regression(5)
    independent = draws(rng, per_chain=1000)
    sticky = np.repeat(independent[:, ::10], 10, axis=1)
    r_ind = log_marginal_likelihood(independent, log_density, rng=rng)
    r_sticky = log_marginal_likelihood(sticky, log_density, rng=rng)
    assert r_sticky.relative_error > 1.5 * r_ind.relative_error


def test_a_known_constant_is_recovered():
    rng = np.random.default_rng(0)
    theta = rng.normal(0.5, 0.1, size=(4, 1000, 1))
    result = log_marginal_likelihood(
        theta, lambda t: np.log(3) + stats.norm.logpdf(t[:, 0], 0.5, 0.1), rng=rng
    )
    assert result.estimate == pytest.approx(np.log(3), abs=5 * result.relative_error)


@pytest.mark.parametrize(
    ("draws", "log_density", "kwargs", "message"),
    [
        (
            np.zeros((4, 100)),
            None,
            {},
            r"shape \(chains, draws, D\), got shape \(4, 100\)",
        ),
        (np.zeros((1, 100, 2)), None, {}, "got 1 chains x 100 draws x 2 parameters"),
        (np.full((4, 100, 1), np.nan), None, {}, "NaN or infinite"),
        (
            None,
            lambda t: np.zeros((len(t), 2)),
            {},
            r"one value per row: got shape \(200, 2\)",
        ),
        (None, lambda t: np.full(len(t), np.nan), {}, "200 NaN or \\+inf values"),
        (None, None, {"tol": 0.0}, "tol must be > 0 and max_iter >= 1, got 0.0"),
        (None, None, {"max_iter": 1}, "did not converge in 1 iterations"),
        (np.zeros((4, 20, 30)), None, {}, "40 draws are too few .* in 30 dimensions"),
    ],
)
def test_bad_input_is_named(draws, log_density, kwargs, message):
    rng = np.random.default_rng(0)
    if draws is None:
        draws = rng.normal(size=(4, 100, 1))
    if log_density is None:
        log_density = lambda t: stats.norm.logpdf(t[:, 0])  # noqa: E731
    with pytest.raises(BridgeError, match=message):
        log_marginal_likelihood(draws, log_density, rng=rng, **kwargs)
