"""Bridge sampling: a model's marginal likelihood from its posterior draws.

A Bayes factor between two fitted models is the ratio of their marginal likelihoods
p(y | M) = ∫ p(y | θ, M) p(θ | M) dθ, which MCMC draws alone do not give. Bridge
sampling (Meng & Wong 1996, in the form of Gronau et al. 2017 and R's bridgesampling
package) estimates it from the draws, the unnormalised log posterior (log likelihood +
log prior, every normalising constant included) and a normal proposal fitted to the
draws, by the iterative "optimal bridge" of Meng & Wong:

>>> import numpy as np
>>> from scipy import stats
>>> rng = np.random.default_rng(1)
>>> draws = rng.normal(0.5, 0.1, size=(4, 1000, 1))   # the exact posterior, 4 chains
>>> def log_density(theta):  # N(0.5, 0.1) times 3: marginal likelihood 3
...     return np.log(3) + stats.norm.logpdf(theta[:, 0], 0.5, 0.1)
>>> result = log_marginal_likelihood(draws, log_density, rng=rng)
>>> bool(abs(result.estimate - np.log(3)) < 0.01)
True

The draws must be on the unconstrained scale the density is written on: a standard
deviation as its log, with the log Jacobian in ``log_density``, as Stan and PyMC do it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from arviz import ess
from scipy import special, stats


class BridgeError(ValueError):
    """Bad arguments to :func:`log_marginal_likelihood`."""


@dataclass(frozen=True)
class BridgeResult:
    """What :func:`log_marginal_likelihood` found.

    Parameters
    ----------
    estimate : float
        The log marginal likelihood.
    relative_error : float
        Approximate relative standard error of the marginal likelihood itself
        (Frühwirth-Schnatter 2004), counting the autocorrelation of the MCMC draws;
        for small values it is also the standard error of ``estimate``.
    iterations : int
        Iterations of the bridge until the relative change fell below ``tol``.
    n_posterior, n_proposal : int
        Posterior draws used in the bridge (the second half of every chain) and draws
        from the normal proposal.
    """

    estimate: float
    relative_error: float
    iterations: int
    n_posterior: int
    n_proposal: int


def _log_mean_exp(x: np.ndarray) -> float:
    return float(special.logsumexp(x) - np.log(x.size))


def _evaluate(log_density, theta: np.ndarray, what: str) -> np.ndarray:
    values = np.asarray(log_density(theta), dtype=float)
    if values.shape != (len(theta),):
        raise BridgeError(
            f"log_density must return one value per row: got shape {values.shape} "
            f"for {len(theta)} rows ({what})"
        )
    if np.isnan(values).any() or np.isposinf(values).any():
        bad = int((np.isnan(values) | np.isposinf(values)).sum())
        raise BridgeError(f"log_density returned {bad} NaN or +inf values ({what})")
    return values


def log_marginal_likelihood(
    draws,
    log_density,
    *,
    rng: np.random.Generator,
    tol: float = 1e-10,
    max_iter: int = 1000,
) -> BridgeResult:
    """Estimate a model's log marginal likelihood by bridge sampling.

    The first half of every chain fits a multivariate normal proposal (mean and
    covariance); the second halves and as many proposal draws enter Meng & Wong's
    iterative optimal bridge, run on the log scale.

    Parameters
    ----------
    draws : array of shape (chains, draws, D)
        Posterior draws on the unconstrained scale, at least 2 chains of at least
        20 draws, with D at least 1 and fewer than half the draws of all chains.
    log_density : callable
        Maps an (n, D) array of parameter vectors to the n values of the unnormalised
        log posterior, log p(y | θ) + log p(θ) (+ the log Jacobian of the
        transformation to the unconstrained scale), with every normalising constant.
        ``-inf`` is allowed (outside the support); NaN and ``+inf`` are not.
    rng : numpy.random.Generator
        Draws the proposal sample.
    tol : float, default 1e-10
        Stop when the relative change of the estimate falls below this.
    max_iter : int, default 1000
        Give up (BridgeError) after this many iterations.

    Returns
    -------
    BridgeResult

    Raises
    ------
    BridgeError
        If ``draws`` has the wrong shape or non-finite values, ``log_density`` returns
        the wrong shape, NaN or ``+inf``, ``tol`` or ``max_iter`` is not positive, or
        the iteration does not converge.
    """
    theta = np.asarray(draws, dtype=float)
    if theta.ndim != 3:
        raise BridgeError(
            f"draws must have shape (chains, draws, D), got shape {theta.shape}"
        )
    chains, n_draws, dim = theta.shape
    if chains < 2 or n_draws < 20 or dim < 1:
        raise BridgeError(
            f"need at least 2 chains of 20 draws of at least 1 parameter, got "
            f"{chains} chains x {n_draws} draws x {dim} parameters"
        )
    if not np.isfinite(theta).all():
        raise BridgeError("draws contain NaN or infinite values")
    if not (tol > 0 and max_iter >= 1):
        raise BridgeError(f"tol must be > 0 and max_iter >= 1, got {tol}, {max_iter}")
    half = n_draws // 2
    fit_part = theta[:, :half].reshape(-1, dim)
    bridge_part = theta[:, half:]  # (chains, n_draws - half, D)
    if len(fit_part) <= 2 * dim:
        raise BridgeError(
            f"{len(fit_part)} draws are too few to fit a normal proposal in {dim} "
            "dimensions: sample more"
        )
    proposal = stats.multivariate_normal(
        fit_part.mean(axis=0), np.atleast_2d(np.cov(fit_part, rowvar=False))
    )
    post = bridge_part.reshape(-1, dim)
    n1 = len(post)
    n2 = n1
    tilde = proposal.rvs(size=n2, random_state=rng).reshape(n2, dim)
    # log of (unnormalised posterior / proposal) at posterior and proposal draws
    l1 = _evaluate(log_density, post, "posterior draws") - proposal.logpdf(
        post
    ).reshape(n1)
    l2 = _evaluate(log_density, tilde, "proposal draws") - proposal.logpdf(
        tilde
    ).reshape(n2)
    if not np.isfinite(l1).all():
        raise BridgeError("log_density is -inf at some posterior draws")
    shift = float(np.median(l1))  # work near 1, to avoid under/overflow
    l1, l2 = l1 - shift, l2 - shift
    log_s1 = log_s2 = np.log(0.5)  # n1 == n2
    log_r, iterations, change = 0.0, 0, np.inf
    while change >= tol:
        if iterations == max_iter:
            raise BridgeError(f"the bridge did not converge in {max_iter} iterations")
        numerator = l2 - np.logaddexp(log_s1 + l2, log_s2 + log_r)
        denominator = -np.logaddexp(log_s1 + l1, log_s2 + log_r)
        new = _log_mean_exp(numerator) - _log_mean_exp(denominator)
        change = abs(np.expm1(new - log_r))  # relative change of the estimate
        log_r, iterations = new, iterations + 1
    # relative mean-squared error (Frühwirth-Schnatter 2004), as in bridgesampling
    f1 = np.exp(l2 - log_r - np.logaddexp(log_s1 + l2 - log_r, log_s2))
    f2 = np.exp(-np.logaddexp(log_s1 + l1 - log_r, log_s2))
    ess_f2 = float(ess(f2.reshape(chains, -1)))
    re2 = f1.var() / (n2 * f1.mean() ** 2) + f2.var() / (ess_f2 * f2.mean() ** 2)
    return BridgeResult(
        estimate=log_r + shift,
        relative_error=float(np.sqrt(re2)),
        iterations=iterations,
        n_posterior=n1,
        n_proposal=n2,
    )
