"""Closed forms and grid tools for the first day's models, with argument checks.

The notebooks compute these things step by step; the functions here are the reference
answers the notebooks and the tests compare against: the conjugate beta-binomial
posterior and its marginal likelihood, grid posteriors, and highest-density intervals;
and, for later days, where the posterior of a standard deviation sits
(:func:`scale_summary`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special, stats


class BayesError(ValueError):
    """Arguments outside a model's domain (raised by every function of this module)."""


def _positive(name: str, value) -> float:
    """``value`` as a float, checked positive and finite (else :class:`BayesError`)."""
    v = float(value)
    if not np.isfinite(v) or v <= 0:
        raise BayesError(f"{name} must be positive and finite, got {value!r}")
    return v


def _counts(k, n):
    """``k`` and ``n`` as arrays, checked as integer counts with 0 <= k <= n."""
    k, n = np.asarray(k), np.asarray(n)
    if not (np.issubdtype(k.dtype, np.integer) and np.issubdtype(n.dtype, np.integer)):
        raise BayesError("k and n must be integer counts")
    if np.any(n < 0) or np.any(k < 0) or np.any(k > n):
        raise BayesError(f"need 0 <= k <= n, got k={k}, n={n}")
    return k, n


def beta_binomial_posterior(k, n, a: float, b: float) -> stats.rv_continuous:
    """Return the posterior Beta(a + k, b + n - k) of a binomial proportion.

    ``k`` successes in ``n`` trials (scalars, or arrays that are summed: independent
    batches with the same proportion), prior Beta(a, b).

    Parameters
    ----------
    k, n : int or array of int
        Successes and trials, 0 <= k <= n.
    a, b : float
        The Beta prior's parameters, positive.

    Returns
    -------
    scipy.stats.rv_continuous
        The posterior as a frozen scipy distribution (``.mean()``, ``.ppf()``, ...).

    Raises
    ------
    BayesError
        If the counts are not integers with 0 <= k <= n, or ``a`` or ``b`` is not
        positive and finite.

    Examples
    --------
    >>> from helpers import bayes
    >>> post = bayes.beta_binomial_posterior(7, 20, 2, 3)
    >>> post.args
    (9.0, 16.0)
    >>> round(float(post.mean()), 3)
    0.36
    """
    a, b = _positive("a", a), _positive("b", b)
    k, n = _counts(k, n)
    k, n = int(k.sum()), int(n.sum())
    return stats.beta(a + k, b + n - k)


def log_marginal_likelihood_binomial(k, n, a: float, b: float) -> float:
    """Return log p(k | n) under a Beta(a, b) prior on the proportion.

    This is the log of the beta-binomial pmf. For arrays, the batches are independent
    binomials sharing one proportion, and the result is the log probability of all of
    them together.

    Parameters
    ----------
    k, n : int or array of int
        Successes and trials, 0 <= k <= n.
    a, b : float
        The Beta prior's parameters, positive.

    Returns
    -------
    float
        The log marginal likelihood (the log evidence).

    Raises
    ------
    BayesError
        If the counts are not integers with 0 <= k <= n, or ``a`` or ``b`` is not
        positive and finite.

    Examples
    --------
    A uniform prior makes every count from 0 to n equally likely, 1 / (n + 1):

    >>> import numpy as np
    >>> from helpers import bayes
    >>> float(np.exp(bayes.log_marginal_likelihood_binomial(3, 9, 1, 1)).round(6))
    0.1
    """
    a, b = _positive("a", a), _positive("b", b)
    k, n = _counts(k, n)
    log_choose = np.sum(
        special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1)
    )
    K, N = k.sum(), n.sum()
    return float(log_choose + special.betaln(a + K, b + N - K) - special.betaln(a, b))


def log_likelihood_binomial(k, n, theta: float) -> float:
    """Return log p(k | n, theta): the binomial log-likelihood at a fixed proportion.

    Parameters
    ----------
    k, n : int or array of int
        Successes and trials, 0 <= k <= n; arrays are independent batches, summed.
    theta : float
        The proportion, in [0, 1].

    Returns
    -------
    float
        The log-likelihood.

    Raises
    ------
    BayesError
        If the counts are not integers with 0 <= k <= n, or ``theta`` is outside
        [0, 1].

    Examples
    --------
    >>> from helpers import bayes
    >>> round(bayes.log_likelihood_binomial(7, 20, 0.5), 3)
    -2.605
    """
    k, n = _counts(k, n)
    if not 0 <= theta <= 1:
        raise BayesError(f"theta must lie in [0, 1], got {theta}")
    return float(np.sum(stats.binom.logpmf(k, n, theta)))


def grid_posterior(grid, log_prior, log_likelihood) -> np.ndarray:
    """Return the posterior density on an evenly spaced grid.

    Works in logs and subtracts the maximum before exponentiating, so likelihoods of
    hundreds of thousands of observations do not underflow; normalised so that the
    density integrates to 1 by the trapezoidal rule.

    Parameters
    ----------
    grid : array_like
        Increasing, evenly spaced parameter values (at least 3).
    log_prior, log_likelihood : array_like
        Their values at each grid point (``-inf`` where the density is zero).

    Returns
    -------
    numpy.ndarray
        The normalised posterior density at each grid point.

    Raises
    ------
    BayesError
        If the arrays are not 1-d of one length (>= 3), the grid is not increasing and
        evenly spaced, or the posterior is zero everywhere on it.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy import stats
    >>> from helpers import bayes
    >>> grid = np.linspace(0, 1, 101)
    >>> with np.errstate(divide="ignore"):  # log(0) at the ends of the grid
    ...     density = bayes.grid_posterior(
    ...         grid, stats.beta(2, 3).logpdf(grid), stats.binom.logpmf(7, 20, grid)
    ...     )
    >>> round(float(grid[density.argmax()]), 2)  # the posterior mode
    0.35
    """
    grid = np.asarray(grid, dtype=float)
    lp = np.asarray(log_prior, dtype=float) + np.asarray(log_likelihood, dtype=float)
    if grid.ndim != 1 or grid.size < 3 or lp.shape != grid.shape:
        raise BayesError(
            "grid, log_prior and log_likelihood must be 1-d arrays "
            "of the same length (>= 3)"
        )
    if not np.allclose(np.diff(grid), grid[1] - grid[0]) or grid[1] <= grid[0]:
        raise BayesError("the grid must be increasing and evenly spaced")
    if not np.any(np.isfinite(lp)):
        raise BayesError("the posterior is zero everywhere on the grid")
    unnorm = np.exp(lp - np.nanmax(np.where(np.isfinite(lp), lp, -np.inf)))
    unnorm[~np.isfinite(lp)] = 0.0
    return unnorm / np.trapezoid(unnorm, grid)


def hdi_from_grid(grid, density, prob: float) -> tuple[float, float]:
    """Return the highest-density interval of a unimodal density on an even grid.

    Lowers a horizontal line until the region above it holds ``prob`` of the mass;
    accurate to about one grid step.

    Parameters
    ----------
    grid : array_like
        Increasing, evenly spaced parameter values.
    density : array_like
        The density at each grid point (need not be normalised).
    prob : float
        The interval's probability, strictly between 0 and 1.

    Returns
    -------
    tuple of float
        ``(lower, upper)``.

    Raises
    ------
    BayesError
        If ``prob`` is not strictly between 0 and 1, or the highest-density region is
        not one interval (a multimodal density).

    Examples
    --------
    >>> import numpy as np
    >>> from scipy import stats
    >>> from helpers import bayes
    >>> grid = np.linspace(0, 1, 1001)
    >>> density = stats.beta(9, 16).pdf(grid)
    >>> [round(x, 3) for x in bayes.hdi_from_grid(grid, density, 0.9)]
    [0.205, 0.513]

    :func:`hdi_beta` gives the exact answer for this density, (0.204, 0.513).
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
            "the highest-density region is not one interval "
            "(is the density multimodal?)"
        )
    return float(lo), float(hi)


def hdi_beta(a: float, b: float, prob: float) -> tuple[float, float]:
    """Return the exact highest-density interval of a Beta(a, b) with a, b > 1.

    The shortest interval holding ``prob`` of the mass, found by minimising its width
    over the lower tail's probability (a, b > 1 make the density unimodal).

    Parameters
    ----------
    a, b : float
        The Beta distribution's parameters, both greater than 1.
    prob : float
        The interval's probability, strictly between 0 and 1.

    Returns
    -------
    tuple of float
        ``(lower, upper)``.

    Raises
    ------
    BayesError
        If ``a`` or ``b`` is not greater than 1, or ``prob`` is not strictly between 0
        and 1.

    Examples
    --------
    >>> from helpers import bayes
    >>> [round(x, 3) for x in bayes.hdi_beta(9, 16, 0.9)]
    [0.204, 0.513]
    """
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

    ``y = X beta + e``, ``e ~ N(0, sigma^2)``,
    ``beta | sigma^2 ~ N(0, sigma^2 * prior_scale^2 I)``,
    ``sigma^2 ~ InvGamma(a0, b0)``. The posterior is available exactly, so refitting
    for leave-one-out or k-fold cross-validation costs a matrix inverse, and posterior
    draws are independent (no MCMC). Used to check PSIS-LOO and WAIC against exact
    answers.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The predictor matrix (include a column of ones for an intercept).
    y : array_like, shape (n,)
        The outcomes.
    prior_scale : float, default 10.0
        The prior sd of each coefficient, in units of ``sigma``.
    a0, b0 : float, default 1.0
        Shape and scale of the inverse-gamma prior on ``sigma^2``.

    Attributes
    ----------
    m : numpy.ndarray, shape (p,)
        Posterior mean of ``beta``.
    V : numpy.ndarray, shape (p, p)
        Posterior covariance of ``beta``, in units of ``sigma^2``.
    a, b : float
        Shape and scale of the inverse-gamma posterior of ``sigma^2``.

    Raises
    ------
    BayesError
        If ``X`` is not (n, p) and ``y`` (n,) with the same n > 0, either holds a
        non-finite value, or a prior parameter is not positive and finite.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers import bayes
    >>> rng = np.random.default_rng(1)
    >>> X = np.column_stack([np.ones(50), rng.normal(size=50)])
    >>> y = X @ np.array([1.0, 2.0]) + rng.normal(0, 0.5, size=50)
    >>> fit = bayes.ConjugateRegression(X, y)
    >>> fit.m.round(2)
    array([0.94, 1.98])
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
        """Return the posterior predictive distribution of new outcomes at ``Xnew``.

        Parameters
        ----------
        Xnew : array_like, shape (k, p) or (p,)
            Predictor rows of the new observations.

        Returns
        -------
        scipy.stats.rv_continuous
            A frozen Student-t with one location and scale per row (``.logpdf(y_new)``
            gives each new outcome's log predictive density).
        """
        Xnew = np.atleast_2d(np.asarray(Xnew, dtype=float))
        scale = np.sqrt(
            self.b / self.a * (1 + np.einsum("ij,jk,ik->i", Xnew, self.V, Xnew))
        )
        return stats.t(df=2 * self.a, loc=Xnew @ self.m, scale=scale)

    def draws(
        self, size: int, rng: np.random.Generator
    ) -> tuple[np.ndarray, np.ndarray]:
        """Draw independent samples from the posterior.

        Parameters
        ----------
        size : int
            Number of draws.
        rng : numpy.random.Generator
            The random number generator.

        Returns
        -------
        beta : numpy.ndarray, shape (size, p)
            Draws of the coefficients.
        sigma : numpy.ndarray, shape (size,)
            Draws of the residual sd.
        """
        sigma2 = stats.invgamma(self.a, scale=self.b).rvs(size=size, random_state=rng)
        L = np.linalg.cholesky(self.V)
        beta = self.m + np.sqrt(sigma2)[:, None] * (
            rng.standard_normal((size, len(self.m))) @ L.T
        )
        return beta, np.sqrt(sigma2)


def scale_summary(draws, prob: float) -> pd.Series:
    """Describe where the posterior of a standard deviation sits, from its draws.

    A scale parameter's posterior can pile up against zero; then an equal-tailed
    interval cuts off its most probable values. The summary shows whether it does: the
    mode and median, the share of draws below a tenth of the median, the ETI beside the
    HDI at the same probability, and the ``prob`` quantile, a one-sided upper bound.

    Parameters
    ----------
    draws : array_like
        Posterior draws of a non-negative quantity, any shape (flattened); at least 100.
    prob : float
        The intervals' probability, strictly between 0 and 1.

    Returns
    -------
    pandas.Series
        ``mode`` (ArviZ's half-sample mode), ``median``, ``P(below a tenth of the
        median)``, ``ETI lower``, ``HDI lower``, ``ETI upper``, ``HDI upper`` and
        ``{prob:.0%} quantile (one-sided bound)``, in that order.

    Raises
    ------
    BayesError
        If ``prob`` is not strictly between 0 and 1, or the draws are fewer than 100,
        not finite or negative.

    Examples
    --------
    The notebooks compute it step by step first; by hand, with NumPy and ArviZ::

        x = np.asarray(draws).ravel()
        az.eti(x, prob=0.95), az.hdi(x, prob=0.95), np.quantile(x, 0.95)

    A half-normal posterior keeps its highest density at zero, so its HDI starts there
    and its ETI does not:

    >>> import numpy as np
    >>> from helpers import bayes
    >>> draws = np.abs(np.random.default_rng(1).normal(size=100_000))
    >>> where = bayes.scale_summary(draws, 0.95)
    >>> [round(float(where[end]), 2) for end in ["HDI lower", "ETI lower"]]
    [0.0, 0.03]
    >>> round(float(where["95% quantile (one-sided bound)"]), 1)
    2.0
    """
    import arviz as az

    if not 0 < prob < 1:
        raise BayesError(f"prob must lie strictly between 0 and 1, got {prob}")
    x = np.asarray(draws, dtype=float).ravel()
    if x.size < 100:
        raise BayesError(f"scale_summary needs at least 100 draws, got {x.size}")
    if not np.all(np.isfinite(x)) or x.min() < 0:
        raise BayesError(
            "scale_summary needs finite, non-negative draws (of a standard deviation); "
            f"got a minimum of {float(np.nanmin(x))} and "
            f"{int((~np.isfinite(x)).sum())} non-finite values"
        )
    (eti_lo, eti_hi), (hdi_lo, hdi_hi) = az.eti(x, prob=prob), az.hdi(x, prob=prob)
    median = np.median(x)
    return pd.Series(
        {
            "mode": float(az.mode(x, round_to="none")),
            "median": median,
            "P(below a tenth of the median)": np.mean(x < median / 10),
            "ETI lower": float(eti_lo),
            "HDI lower": float(hdi_lo),
            "ETI upper": float(eti_hi),
            "HDI upper": float(hdi_hi),
            f"{prob:.0%} quantile (one-sided bound)": np.quantile(x, prob),
        }
    )
