"""Checks every fit in the course passes, and the check that two fits agree.

:func:`check_convergence` asserts R-hat <= 1.01, bulk ESS >= 400 and no divergent
transitions (thresholds overridable) and prints one compact report; with
``expect_divergences=True`` it asserts the opposite, for the deliberate pathologies a
chapter shows, and :func:`expect_failure` asserts that a fit fails and returns what was
measured. :func:`assert_agree` asserts that two posteriors of the same model (Stan
and PyMC, say) have the same means and standard deviations within Monte Carlo error.
Both raise :class:`AssertionError` subclasses, so a failing notebook stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


class ConvergenceError(AssertionError):
    """A fit failed its convergence checks (or did not show an expected pathology).

    ``report`` holds the :class:`ConvergenceReport` with everything that was measured.
    """

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report


class DisagreementError(AssertionError):
    """Two posteriors that should agree differ by more than Monte Carlo error allows."""


def _group(idata, name: str):
    try:
        return idata[name].to_dataset()
    except (KeyError, AttributeError):
        raise ValueError(f"the fit has no {name!r} group; pass an ArviZ DataTree from a sampler") from None


def _var_names(posterior, var_names) -> list[str]:
    if var_names is None:
        return list(posterior.data_vars)
    if isinstance(var_names, str):
        var_names = [var_names]
    unknown = [v for v in var_names if v not in posterior.data_vars]
    if unknown:
        raise ValueError(f"unknown variables {unknown}; the posterior has {list(posterior.data_vars)}")
    return list(var_names)


def flatten(dataset, sample_dims=("chain", "draw")) -> pd.Series:
    """Flatten an xarray Dataset of per-parameter values into a Series labelled ``name[i,j]``.

    Elements are ordered as numpy ravels them, so two models with the same shapes line
    up whatever their dimension names.
    """
    out = {}
    for name, da in dataset.data_vars.items():
        values = np.asarray(da.values)
        if any(d in da.dims for d in sample_dims):
            raise ValueError(f"{name} still has sample dimensions {da.dims}")
        if values.ndim == 0:
            out[name] = float(values)
            continue
        for idx in np.ndindex(values.shape):
            out[f"{name}[{','.join(map(str, idx))}]"] = float(values[idx])
    return pd.Series(out, dtype=float)


def _draws(posterior, var_names) -> dict[str, np.ndarray]:
    """name[i] -> array (chain, draw) for every element of the chosen variables."""
    out = {}
    for name in var_names:
        da = posterior[name].transpose("chain", "draw", ...)
        values = np.asarray(da.values)
        if values.ndim == 2:
            out[name] = values
            continue
        for idx in np.ndindex(values.shape[2:]):
            out[f"{name}[{','.join(map(str, idx))}]"] = values[(slice(None), slice(None), *idx)]
    return out


@dataclass
class ConvergenceReport:
    """What :func:`check_convergence` measured."""

    label: str
    chains: int
    draws: int
    max_rhat: float
    max_rhat_at: str
    min_ess_bulk: float
    min_ess_bulk_at: str
    min_ess_tail: float
    divergences: int
    max_treedepth_hits: int | None
    min_bfmi: float | None
    failures: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{self.label}: {self.chains} chains x {self.draws} draws",
            f"max R-hat {self.max_rhat:.3f} ({self.max_rhat_at})",
            f"min bulk ESS {self.min_ess_bulk:.0f} ({self.min_ess_bulk_at})",
            f"min tail ESS {self.min_ess_tail:.0f}",
            f"divergences {self.divergences}",
        ]
        if self.min_bfmi is not None:
            parts.append(f"min E-BFMI {self.min_bfmi:.2f}")
        if self.max_treedepth_hits:
            parts.append(f"max tree depth hit {self.max_treedepth_hits} times")
        verdict = "FAILED: " + "; ".join(self.failures) if self.failures else "ok"
        return " | ".join(parts) + f" -> {verdict}"


def _sampler_stat(idata, *names):
    try:
        stats = idata["sample_stats"].to_dataset()
    except (KeyError, AttributeError):
        return None
    for n in names:
        if n in stats:
            return np.asarray(stats[n].values)
    return None


def check_convergence(
    idata,
    var_names=None,
    *,
    rhat_max: float = 1.01,
    ess_bulk_min: float = 400,
    max_divergences: int = 0,
    expect_divergences: bool = False,
    max_treedepth: int | None = None,
    label: str = "fit",
    quiet: bool = False,
) -> ConvergenceReport:
    """Assert that an MCMC fit converged, and print a one-line report.

    Parameters
    ----------
    idata : DataTree
        ArviZ data with ``posterior`` and (for divergences) ``sample_stats`` groups.
    var_names : list of str, optional
        Variables to check; default all. Elements that are constant across every draw
        (the fixed 1 and 0 of a Cholesky factor, say) have no R-hat and are skipped.
    rhat_max, ess_bulk_min, max_divergences : thresholds (1.01, 400, 0).
    expect_divergences : bool
        For a deliberate pathology: assert there *are* divergences; R-hat and ESS are
        reported but not asserted.
    max_treedepth : int, optional
        If given, also report how often the sampler hit this tree depth.

    Raises
    ------
    ConvergenceError
        Listing every threshold that failed.
    """
    import arviz as az

    if rhat_max < 1 or ess_bulk_min < 0 or max_divergences < 0:
        raise ValueError("thresholds must satisfy rhat_max >= 1, ess_bulk_min >= 0, max_divergences >= 0")
    posterior = _group(idata, "posterior")
    names = _var_names(posterior, var_names)
    draws = _draws(posterior, names)
    draws = {k: v for k, v in draws.items() if np.ptp(v) > 0}
    if not draws:
        raise ValueError("no variable varies across draws: nothing to check")
    chains, n_draws = next(iter(draws.values())).shape
    if chains < 2:
        raise ValueError("R-hat needs at least 2 chains")
    keys = list(draws)
    stacked = np.stack([draws[k] for k in keys], axis=-1)  # (chain, draw, element)
    rhat = pd.Series(np.asarray(az.rhat(stacked)), index=keys)
    ess_bulk = pd.Series(np.asarray(az.ess(stacked, method="bulk")), index=keys)
    ess_tail = pd.Series(np.asarray(az.ess(stacked, method="tail", prob=(0.05, 0.95))), index=keys)
    diverging = _sampler_stat(idata, "diverging")
    divergences = int(diverging.sum()) if diverging is not None else 0
    energy = _sampler_stat(idata, "energy")
    min_bfmi = None
    if energy is not None and energy.ndim == 2:
        bfmi = np.square(np.diff(energy, axis=1)).mean(axis=1) / energy.var(axis=1)
        min_bfmi = float(bfmi.min())
    depth = _sampler_stat(idata, "tree_depth", "depth")
    hits = int((depth >= max_treedepth).sum()) if (depth is not None and max_treedepth) else None

    report = ConvergenceReport(
        label, chains, n_draws, float(rhat.max()), str(rhat.idxmax()), float(ess_bulk.min()),
        str(ess_bulk.idxmin()), float(ess_tail.min()), divergences, hits, min_bfmi,
    )
    if expect_divergences:
        if diverging is None:
            report.failures.append("no sampler statistics to count divergences in")
        elif divergences == 0:
            report.failures.append("expected divergent transitions, found none")
    else:
        bad_rhat = rhat[~(rhat <= rhat_max)]
        if len(bad_rhat):
            report.failures.append(f"R-hat > {rhat_max} for {len(bad_rhat)}: " + _worst(bad_rhat, False))
        bad_ess = ess_bulk[~(ess_bulk >= ess_bulk_min)]
        if len(bad_ess):
            report.failures.append(f"bulk ESS < {ess_bulk_min} for {len(bad_ess)}: " + _worst(bad_ess, True))
        if divergences > max_divergences:
            report.failures.append(f"{divergences} divergent transitions (allowed {max_divergences})")
    if not quiet:
        print(report)
    if report.failures:
        raise ConvergenceError(str(report), report)
    return report


def expect_failure(idata, var_names=None, **kwargs) -> "ConvergenceReport":
    """Assert that a fit *fails* :func:`check_convergence`: for a deliberate pathology.

    Takes the same arguments as :func:`check_convergence`, prints its report and returns it,
    with ``failures`` listing what failed. Raises :class:`ConvergenceError` if the fit passes
    every check after all (the lesson it was meant to teach would then be wrong).
    """
    try:
        report = check_convergence(idata, var_names, **kwargs)
    except ConvergenceError as err:
        return err.report
    raise ConvergenceError(f"{report.label}: expected a failed convergence check, but every check passed", report)


def _worst(series: pd.Series, ascending: bool, n: int = 3) -> str:
    s = series.sort_values(ascending=ascending).head(n)
    return ", ".join(f"{k}={v:.3g}" for k, v in s.items())


def posterior_moments(idata, var_names) -> pd.DataFrame:
    """Mean, sd and their Monte Carlo standard errors for every element of ``var_names``."""
    import arviz as az

    posterior = _group(idata, "posterior")
    draws = _draws(posterior, _var_names(posterior, var_names))
    keys = list(draws)
    stacked = np.stack([draws[k] for k in keys], axis=-1)  # (chain, draw, element)
    flat = stacked.reshape(-1, len(keys))
    return pd.DataFrame(
        {
            "mean": flat.mean(axis=0),
            "sd": flat.std(axis=0, ddof=1),
            "mcse_mean": np.asarray(az.mcse(stacked, method="mean")),
            "mcse_sd": np.asarray(az.mcse(stacked, method="sd")),
        },
        index=keys,
    )


def assert_agree(
    a,
    b,
    var_names,
    *,
    z: float = 4.0,
    labels: tuple[str, str] = ("Stan", "PyMC"),
    quiet: bool = False,
) -> pd.DataFrame:
    """Assert two posteriors agree in mean and sd, element by element, within MC error.

    ``var_names`` is a list of names shared by both fits, or a dict mapping a name in
    ``a`` to its name in ``b``. For each element the difference of means (and of sds)
    divided by the combined Monte Carlo standard error must be at most ``z`` in size.
    With dozens of elements compared, ``z = 4`` keeps false alarms rare while a real
    difference in the models (a prior, a parameterisation) still shows.

    Returns the comparison table; raises :class:`DisagreementError` listing the worst
    elements if any exceed ``z``.
    """
    if z <= 0:
        raise ValueError("z must be positive")
    mapping = dict(var_names) if isinstance(var_names, dict) else {v: v for v in ([var_names] if isinstance(var_names, str) else var_names)}
    if not mapping:
        raise ValueError("name at least one variable to compare")
    ma = posterior_moments(a, list(mapping))
    mb = posterior_moments(b, list(mapping.values()))
    if len(ma) != len(mb):
        raise ValueError(f"the variables have {len(ma)} elements in {labels[0]} but {len(mb)} in {labels[1]}")
    mb.index = ma.index
    table = pd.DataFrame({
        f"mean {labels[0]}": ma["mean"], f"mean {labels[1]}": mb["mean"],
        f"sd {labels[0]}": ma["sd"], f"sd {labels[1]}": mb["sd"],
    })
    table["z mean"] = (ma["mean"] - mb["mean"]) / np.hypot(ma["mcse_mean"], mb["mcse_mean"])
    table["z sd"] = (ma["sd"] - mb["sd"]) / np.hypot(ma["mcse_sd"], mb["mcse_sd"])
    worst = table[["z mean", "z sd"]].abs().max(axis=1)
    if not quiet:
        print(
            f"{labels[0]} vs {labels[1]}: {len(table)} quantities, largest |z| = {worst.max():.2f} "
            f"({worst.idxmax()}), limit {z}"
        )
    bad = worst[worst > z]
    if len(bad):
        raise DisagreementError(
            f"{labels[0]} and {labels[1]} disagree beyond {z} Monte Carlo standard errors for "
            f"{len(bad)} quantities:\n{table.loc[bad.sort_values(ascending=False).index[:10]].round(3)}"
        )
    return table
