"""Closed forms and grid tools for the first day's models, with argument checks.

The notebooks compute these things step by step; the functions here are the reference
answers the notebooks and the tests compare against: the conjugate beta-binomial
posterior and its marginal likelihood, grid posteriors, and highest-density intervals.
"""

from __future__ import annotations

import numpy as np
from scipy import special, stats


class BayesError(ValueError):
    """Arguments outside a model's domain."""


def _positive(name: str, value) -> float:
    v = float(value)
    if not np.isfinite(v) or v <= 0:
        raise BayesError(f"{name} must be positive and finite, got {value!r}")
    return v


def _counts(k, n):
    k, n = np.asarray(k), np.asarray(n)
    if not (np.issubdtype(k.dtype, np.integer) and np.issubdtype(n.dtype, np.integer)):
        raise BayesError("k and n must be integer counts")
    if np.any(n < 0) or np.any(k < 0) or np.any(k > n):
        raise BayesError(f"need 0 <= k <= n, got k={k}, n={n}")
    return k, n


def beta_binomial_posterior(k, n, a: float, b: float) -> stats.rv_continuous:
    """Posterior of a binomial proportion: Beta(a + k, b + n - k), as a frozen scipy distribution.

    ``k`` successes in ``n`` trials (scalars, or arrays that are summed: independent
    batches with the same proportion), prior Beta(a, b).
    """
    a, b = _positive("a", a), _positive("b", b)
    k, n = _counts(k, n)
    k, n = int(k.sum()), int(n.sum())
    return stats.beta(a + k, b + n - k)


def log_marginal_likelihood_binomial(k, n, a: float, b: float) -> float:
    """log p(k | n) under a Beta(a, b) prior on the proportion (the beta-binomial pmf).

    For arrays, the batches are independent binomials sharing one proportion, and the
    result is the log probability of all of them together.
    """
    a, b = _positive("a", a), _positive("b", b)
    k, n = _counts(k, n)
    log_choose = np.sum(special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1))
    K, N = k.sum(), n.sum()
    return float(log_choose + special.betaln(a + K, b + N - K) - special.betaln(a, b))


def log_likelihood_binomial(k, n, theta: float) -> float:
    """log p(k | n, theta): the binomial log-likelihood at a fixed proportion."""
    k, n = _counts(k, n)
    if not 0 <= theta <= 1:
        raise BayesError(f"theta must lie in [0, 1], got {theta}")
    return float(np.sum(stats.binom.logpmf(k, n, theta)))


def grid_posterior(grid, log_prior, log_likelihood) -> np.ndarray:
    """Posterior density on an evenly spaced grid from log prior and log likelihood values.

    Works in logs and subtracts the maximum before exponentiating, so likelihoods of
    hundreds of thousands of observations do not underflow; normalised so that the
    density integrates to 1 by the trapezoidal rule.
    """
    grid = np.asarray(grid, dtype=float)
    lp = np.asarray(log_prior, dtype=float) + np.asarray(log_likelihood, dtype=float)
    if grid.ndim != 1 or grid.size < 3 or lp.shape != grid.shape:
        raise BayesError("grid, log_prior and log_likelihood must be 1-d arrays of the same length (>= 3)")
    if not np.allclose(np.diff(grid), grid[1] - grid[0]) or grid[1] <= grid[0]:
        raise BayesError("the grid must be increasing and evenly spaced")
    if not np.any(np.isfinite(lp)):
        raise BayesError("the posterior is zero everywhere on the grid")
    unnorm = np.exp(lp - np.nanmax(np.where(np.isfinite(lp), lp, -np.inf)))
    unnorm[~np.isfinite(lp)] = 0.0
    return unnorm / np.trapezoid(unnorm, grid)


def hdi_from_grid(grid, density, prob: float) -> tuple[float, float]:
    """The highest-density interval of a unimodal density given on an even grid.

    Lowers a horizontal line until the region above it holds ``prob`` of the mass;
    accurate to about one grid step.
    """
    if not 0 < prob < 1:
        raise BayesError(f"prob must lie strictly between 0 and 1, got {prob}")
    grid, density = np.asarray(grid, dtype=float), np.asarray(density, dtype=float)
    step = grid[1] - grid[0]
    mass = density * step
    order = np.argsort(density)[::-1]
    cum = np.cumsum(mass[order]) / mass.sum()
    inside = order[: np.searchsorted(cum, prob) + 1]
    lo, hi = grid[inside.min()], grid[inside.max()]
    if len(inside) != inside.max() - inside.min() + 1:
        raise BayesError("the highest-density region is not one interval (is the density multimodal?)")
    return float(lo), float(hi)


def hdi_beta(a: float, b: float, prob: float) -> tuple[float, float]:
    """Exact highest-density interval of a Beta(a, b) with a, b > 1 (unimodal)."""
    from scipy import optimize

    a, b = _positive("a", a), _positive("b", b)
    if a <= 1 or b <= 1:
        raise BayesError("hdi_beta needs a > 1 and b > 1 (an interior mode)")
    if not 0 < prob < 1:
        raise BayesError(f"prob must lie strictly between 0 and 1, got {prob}")
    dist = stats.beta(a, b)

    def width(lower_tail):
        return dist.ppf(lower_tail + prob) - dist.ppf(lower_tail)

    res = optimize.minimize_scalar(width, bounds=(0.0, 1.0 - prob), method="bounded",
                                   options={"xatol": 1e-12})
    return float(dist.ppf(res.x)), float(dist.ppf(res.x + prob))
