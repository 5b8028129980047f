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
    log_choose = np.sum(
        special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1)
    )
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
        raise BayesError(
            "grid, log_prior and log_likelihood must be 1-d arrays of the same length (>= 3)"
        )
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
        raise BayesError(
            "the highest-density region is not one interval (is the density multimodal?)"
        )
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

    res = optimize.minimize_scalar(
        width, bounds=(0.0, 1.0 - prob), method="bounded", options={"xatol": 1e-12}
    )
    return float(dist.ppf(res.x)), float(dist.ppf(res.x + prob))


class ConjugateRegression:
    """Bayesian linear regression with the conjugate normal-inverse-gamma prior.

    ``y = X beta + e``, ``e ~ N(0, sigma^2)``, ``beta | sigma^2 ~ N(0, sigma^2 * prior_scale^2 I)``,
    ``sigma^2 ~ InvGamma(a0, b0)``. The posterior is available exactly, so refitting for
    leave-one-out or k-fold cross-validation costs a matrix inverse, and posterior draws are
    independent (no MCMC). Used to check PSIS-LOO and WAIC against exact answers.
    """

    def __init__(
        self, X, y, *, prior_scale: float = 10.0, a0: float = 1.0, b0: float = 1.0
    ):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
            raise BayesError("X must be (n, p) and y (n,) with the same n > 0")
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
            raise BayesError("X and y must be finite (no NaN)")
        self.prior_scale, self.a0, self.b0 = (
            _positive("prior_scale", prior_scale),
            _positive("a0", a0),
            _positive("b0", b0),
        )
        p = X.shape[1]
        precision = X.T @ X + np.eye(p) / self.prior_scale**2
        self.V = np.linalg.inv(precision)
        self.m = self.V @ X.T @ y
        self.a = self.a0 + len(y) / 2
        self.b = self.b0 + 0.5 * (y @ y - self.m @ precision @ self.m)

    def predictive(self, Xnew) -> stats.rv_continuous:
        """Posterior predictive distribution of new outcomes at rows ``Xnew``: Student-t."""
        Xnew = np.atleast_2d(np.asarray(Xnew, dtype=float))
        scale = np.sqrt(
            self.b / self.a * (1 + np.einsum("ij,jk,ik->i", Xnew, self.V, Xnew))
        )
        return stats.t(df=2 * self.a, loc=Xnew @ self.m, scale=scale)

    def draws(
        self, size: int, rng: np.random.Generator
    ) -> tuple[np.ndarray, np.ndarray]:
        """Independent posterior draws: ``beta`` (size, p) and ``sigma`` (size,)."""
        sigma2 = stats.invgamma(self.a, scale=self.b).rvs(size=size, random_state=rng)
        L = np.linalg.cholesky(self.V)
        beta = self.m + np.sqrt(sigma2)[:, None] * (
            rng.standard_normal((size, len(self.m))) @ L.T
        )
        return beta, np.sqrt(sigma2)
