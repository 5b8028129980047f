"""Simulators for multilevel data with known parameters, seeded and argument-checked.

Each returns a :class:`pandas.DataFrame` whose ``attrs["truth"]`` holds the parameters
that generated it (including every group's own values), so a notebook can fit a model
and check that it recovers them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


class SimulationError(ValueError):
    """Arguments a simulator cannot use (raised by every simulator of this module)."""


def _count(name: str, value) -> int:
    """``value`` as an int, checked to be a positive integer (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise SimulationError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def _scale(name: str, value, allow_zero: bool = True) -> float:
    """``value`` as a float, checked finite and >= 0 (> 0 unless ``allow_zero``)."""
    v = float(value)
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        raise SimulationError(
            f"{name} must be {'non-negative' if allow_zero else 'positive'} "
            f"and finite, got {value!r}"
        )
    return v


def _finite(name: str, value) -> float:
    """``value`` as a float, checked finite."""
    v = float(value)
    if not np.isfinite(v):
        raise SimulationError(f"{name} must be finite, got {value!r}")
    return v


def _groups(codes, n_groups: int) -> pd.Categorical:
    """Group labels g01, g02, ... as a categorical in group order."""
    return pd.Categorical.from_codes(codes, [f"g{g + 1:02d}" for g in range(n_groups)])


def varying_slopes(
    n_groups: int = 20,
    n_per_group: int = 10,
    *,
    intercept: float = 250.0,
    slope: float = 10.0,
    tau_intercept: float = 25.0,
    tau_slope: float = 6.0,
    rho: float = 0.0,
    sigma: float = 25.0,
    x: np.ndarray | None = None,
    seed: int,
) -> pd.DataFrame:
    """Simulate normal data with group intercepts and slopes from a bivariate normal.

    ``y = (intercept + u0[g]) + (slope + u1[g]) * x + e``, ``(u0, u1) ~ MVN(0, S)`` with
    sds ``tau_intercept, tau_slope`` and correlation ``rho``, ``e ~ Normal(0, sigma)``.

    Parameters
    ----------
    n_groups : int, default 20
        Number of groups.
    n_per_group : int, default 10
        Observations per group.
    intercept, slope : float
        The average intercept and slope (defaults 250 and 10, sleepstudy-like
        milliseconds and milliseconds a day).
    tau_intercept, tau_slope : float
        Between-group sds of the intercepts and slopes, >= 0 (defaults 25 and 6).
    rho : float, default 0.0
        Their correlation, strictly between -1 and 1.
    sigma : float, default 25.0
        The residual sd, > 0.
    x : array_like, optional
        The ``n_per_group`` predictor values, the same in every group; default
        ``0, 1, ..., n_per_group - 1`` (the sleepstudy design).
    seed : int
        Seeds :func:`numpy.random.default_rng`; required.

    Returns
    -------
    pandas.DataFrame
        Columns ``group`` (categorical, ``g01``, ``g02``, ...), ``x``, ``y``;
        ``attrs["truth"]`` holds the parameters and each group's own intercept and
        slope (``group_intercepts``, ``group_slopes``).

    Raises
    ------
    SimulationError
        If a count is not a positive integer, a scale is negative or not finite,
        ``rho`` is outside (-1, 1), or ``x`` does not hold ``n_per_group`` finite
        values.

    Examples
    --------
    >>> from helpers import simulate
    >>> sim = simulate.varying_slopes(18, 10, rho=0.3, seed=1)
    >>> sim.shape, sim["group"].nunique()
    ((180, 3), 18)
    >>> sim.attrs["truth"]["group_slopes"].shape
    (18,)
    """
    n_groups, n_per_group = (
        _count("n_groups", n_groups),
        _count("n_per_group", n_per_group),
    )
    intercept, slope = _finite("intercept", intercept), _finite("slope", slope)
    tau = np.array(
        [_scale("tau_intercept", tau_intercept), _scale("tau_slope", tau_slope)]
    )
    sigma = _scale("sigma", sigma, allow_zero=False)
    rho = _finite("rho", rho)
    if not -1 < rho < 1:
        raise SimulationError(f"rho must lie strictly between -1 and 1, got {rho}")
    x = np.arange(n_per_group, dtype=float) if x is None else np.asarray(x, dtype=float)
    if x.shape != (n_per_group,) or not np.all(np.isfinite(x)):
        raise SimulationError(
            f"x must hold {n_per_group} finite values, one per observation in a group"
        )
    rng = np.random.default_rng(seed)
    cov = np.diag(tau) @ np.array([[1.0, rho], [rho, 1.0]]) @ np.diag(tau)
    u = rng.multivariate_normal(np.zeros(2), cov, size=n_groups, method="cholesky")
    group = np.repeat(np.arange(n_groups), n_per_group)
    xs = np.tile(x, n_groups)
    a, b = intercept + u[:, 0], slope + u[:, 1]
    y = a[group] + b[group] * xs + rng.normal(0.0, sigma, size=group.size)
    df = pd.DataFrame({"group": _groups(group, n_groups), "x": xs, "y": y})
    df.attrs["truth"] = {
        "intercept": intercept,
        "slope": slope,
        "tau_intercept": tau[0],
        "tau_slope": tau[1],
        "rho": rho,
        "sigma": sigma,
        "group_intercepts": a,
        "group_slopes": b,
    }
    return df


def _logistic(x):
    """The inverse logit, 1 / (1 + exp(-x))."""
    return 1.0 / (1.0 + np.exp(-x))


def grouped_binomial(
    n_groups: int = 20,
    trials: int | np.ndarray = 50,
    *,
    mu: float = -1.0,
    tau: float = 0.5,
    seed: int,
) -> pd.DataFrame:
    """Simulate binomial counts with group log-odds ``mu + tau * z_g``.

    ``z_g ~ Normal(0, 1)``, one per group.

    Parameters
    ----------
    n_groups : int, default 20
        Number of groups.
    trials : int or array of int, default 50
        One count for every group or an array of one count per group, each >= 1.
    mu : float, default -1.0
        The average log-odds.
    tau : float, default 0.5
        The between-group sd of the log-odds, >= 0.
    seed : int
        Seeds :func:`numpy.random.default_rng`; required.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``n`` (trials), ``y`` (successes); ``attrs["truth"]`` holds
        ``mu``, ``tau`` and ``p``, each group's true probability.

    Raises
    ------
    SimulationError
        If ``n_groups`` is not a positive integer, ``mu`` or ``tau`` is not valid, or
        ``trials`` is not one positive integer or ``n_groups`` of them.

    Examples
    --------
    >>> from helpers import simulate
    >>> sim = simulate.grouped_binomial(5, trials=40, seed=2)
    >>> sim["y"].tolist()
    [13, 6, 5, 3, 20]
    """
    n_groups = _count("n_groups", n_groups)
    mu, tau = _finite("mu", mu), _scale("tau", tau)
    n = (
        np.broadcast_to(np.asarray(trials), (n_groups,)).copy()
        if np.ndim(trials) == 0
        else np.asarray(trials)
    )
    if (
        n.shape != (n_groups,)
        or not np.issubdtype(n.dtype, np.integer)
        or np.any(n < 1)
    ):
        raise SimulationError(
            f"trials must be a positive integer or {n_groups} positive integers"
        )
    rng = np.random.default_rng(seed)
    p = _logistic(mu + tau * rng.standard_normal(n_groups))
    y = rng.binomial(n, p)
    df = pd.DataFrame({"group": _groups(np.arange(n_groups), n_groups), "n": n, "y": y})
    df.attrs["truth"] = {"mu": mu, "tau": tau, "p": p}
    return df


def grouped_poisson(
    n_groups: int = 20,
    n_per_group: int = 10,
    *,
    mu: float = 1.0,
    tau: float = 0.5,
    exposure: np.ndarray | None = None,
    seed: int,
) -> pd.DataFrame:
    """Simulate Poisson counts with group log-rates ``mu + tau * z_g``.

    ``z_g ~ Normal(0, 1)``, one per group; an optional exposure multiplies the rate.

    Parameters
    ----------
    n_groups : int, default 20
        Number of groups.
    n_per_group : int, default 10
        Observations per group.
    mu : float, default 1.0
        The average log-rate.
    tau : float, default 0.5
        The between-group sd of the log-rates, >= 0.
    exposure : array_like, optional
        One positive value per observation (``n_groups * n_per_group``), default 1.
    seed : int
        Seeds :func:`numpy.random.default_rng`; required.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``exposure``, ``y``; ``attrs["truth"]`` holds ``mu``,
        ``tau`` and ``rate``, each group's true rate per unit exposure.

    Raises
    ------
    SimulationError
        If a count is not a positive integer, ``mu`` or ``tau`` is not valid, or
        ``exposure`` does not hold ``n_groups * n_per_group`` positive finite values.

    Examples
    --------
    >>> from helpers import simulate
    >>> sim = simulate.grouped_poisson(3, 4, seed=3)
    >>> sim.shape
    (12, 3)
    """
    n_groups, n_per_group = (
        _count("n_groups", n_groups),
        _count("n_per_group", n_per_group),
    )
    mu, tau = _finite("mu", mu), _scale("tau", tau)
    size = n_groups * n_per_group
    expo = np.ones(size) if exposure is None else np.asarray(exposure, dtype=float)
    if expo.shape != (size,) or not np.all(np.isfinite(expo)) or np.any(expo <= 0):
        raise SimulationError(f"exposure must hold {size} positive finite values")
    rng = np.random.default_rng(seed)
    rate = np.exp(mu + tau * rng.standard_normal(n_groups))
    group = np.repeat(np.arange(n_groups), n_per_group)
    y = rng.poisson(rate[group] * expo)
    df = pd.DataFrame({"group": _groups(group, n_groups), "exposure": expo, "y": y})
    df.attrs["truth"] = {"mu": mu, "tau": tau, "rate": rate}
    return df
