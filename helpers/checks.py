"""Checks every fit in the course passes, and the check that two fits agree.

:func:`check_convergence` asserts R-hat <= 1.01, bulk and tail ESS >= 400, no divergent
transitions, E-BFMI >= 0.3 and no transition at the maximum tree depth, and prints one
compact report; :func:`expect_failure` asserts the opposite, for the deliberate
pathologies a chapter shows, and returns what was measured. :func:`assert_agree` asserts
that two posteriors of the same model (Stan and PyMC, say) have the same means and
standard deviations within Monte Carlo error.
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
        raise ValueError(
            f"the fit has no {name!r} group; pass an ArviZ DataTree from a sampler"
        ) from None


def _var_names(posterior, var_names) -> list[str]:
    if var_names is None:
        return list(posterior.data_vars)
    if isinstance(var_names, str):
        var_names = [var_names]
    unknown = [v for v in var_names if v not in posterior.data_vars]
    if unknown:
        raise ValueError(
            f"unknown variables {unknown}; the posterior has {list(posterior.data_vars)}"
        )
    return list(var_names)


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
            out[f"{name}[{','.join(map(str, idx))}]"] = values[
                (slice(None), slice(None), *idx)
            ]
    return out


#: The checks :func:`check_convergence` makes, by the names :func:`expect_failure` accepts.
CHECKS = ("rhat", "ess_bulk", "ess_tail", "divergences", "bfmi", "treedepth")


@dataclass
class ConvergenceReport:
    """What :func:`check_convergence` measured.

    ``failed`` names the checks that failed (a subset of :data:`CHECKS`), ``failures``
    says how, one sentence each. ``min_bfmi`` and ``max_treedepth_hits`` are ``None``
    for a sampler that records no energy or tree depth (a hand-written Metropolis chain).
    """

    label: str
    chains: int
    draws: int
    max_rhat: float
    max_rhat_at: str
    min_ess_bulk: float
    min_ess_bulk_at: str
    min_ess_tail: float
    min_ess_tail_at: str
    divergences: int
    max_treedepth_hits: int | None
    min_bfmi: float | None
    failed: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    expected_failure: bool = False

    def fail(self, check: str, why: str) -> None:
        self.failed.add(check)
        self.failures.append(why)

    def __str__(self) -> str:
        parts = [
            f"{self.label}: {self.chains} chains x {self.draws} draws",
            f"max R-hat {self.max_rhat:.3f} ({self.max_rhat_at})",
            f"min bulk ESS {self.min_ess_bulk:.0f} ({self.min_ess_bulk_at})",
            f"min tail ESS {self.min_ess_tail:.0f} ({self.min_ess_tail_at})",
            f"divergences {self.divergences}",
        ]
        if self.min_bfmi is not None:
            parts.append(f"min E-BFMI {self.min_bfmi:.2f}")
        if self.max_treedepth_hits is not None:
            parts.append(f"max tree depth hit {self.max_treedepth_hits} times")
        if not self.failures:
            verdict = "ok"
        elif self.expected_failure:
            verdict = "pathology confirmed (expected): " + "; ".join(self.failures)
        else:
            verdict = "FAILED: " + "; ".join(self.failures)
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


def _treedepth_hits(idata, max_treedepth: int) -> int | None:
    """Transitions that stopped at the maximum tree depth, from whichever statistic the sampler keeps."""
    reached = _sampler_stat(
        idata, "maxdepth_reached", "reached_max_treedepth"
    )  # nutpie, PyMC
    if reached is not None:
        return int(np.asarray(reached, dtype=bool).sum())
    depth = _sampler_stat(
        idata, "tree_depth", "depth", "treedepth__"
    )  # Stan through ArviZ
    return None if depth is None else int((depth >= max_treedepth).sum())


def _bfmi(idata) -> float | None:
    """Smallest per-chain E-BFMI (Betancourt 2016): mean squared energy change over energy variance."""
    energy = _sampler_stat(idata, "energy")
    if energy is None or energy.ndim != 2:
        return None
    return float(
        (np.square(np.diff(energy, axis=1)).mean(axis=1) / energy.var(axis=1)).min()
    )


#: The gate every fit passes; any of these can be named in :func:`check_convergence`.
GATE = {
    "rhat_max": 1.01,
    "ess_bulk_min": 400,
    "ess_tail_min": 400,
    "max_divergences": 0,
    "bfmi_min": 0.3,
    "max_treedepth": 10,
}


def check_convergence(
    idata, var_names=None, *, label: str = "fit", quiet: bool = False, **thresholds
) -> ConvergenceReport:
    """Assert that an MCMC fit converged, and print a one-line report.

    Every check the course teaches is made: rank-normalised split R-hat, bulk ESS, tail ESS
    (of the 5 % and 95 % quantiles: every interval the course reports is a tail quantity),
    divergent transitions, E-BFMI (per chain) and transitions that stopped at the maximum
    tree depth.

    Parameters
    ----------
    idata : DataTree
        ArviZ data with a ``posterior`` group and, for the sampler checks, ``sample_stats``
        (a fit without sampler statistics, such as a hand-written Metropolis chain, is checked
        on R-hat and ESS only).
    var_names : list of str, optional
        Variables to check; default all. Elements that are constant across every draw
        (the fixed 1 and 0 of a Cholesky factor, say) have no R-hat and are skipped.
    **thresholds
        Entries of :data:`GATE`: ``rhat_max`` (1.01), ``ess_bulk_min`` and ``ess_tail_min``
        (400), ``max_divergences`` (0), ``bfmi_min`` (0.3) and ``max_treedepth``, the sampler's
        maximum tree depth (10 for Stan and nutpie unless you changed it): a transition that
        reached it is counted, and any count fails the check.
    label : str
        Names the fit in the report.
    quiet : bool
        Do not print the report (it is still returned, or attached to the error).

    Raises
    ------
    ConvergenceError
        Listing every check that failed; ``err.report`` holds what was measured.
    """
    report = measure(idata, var_names, label=label, **thresholds)
    if not quiet:
        print(report)
    if report.failures:
        raise ConvergenceError(str(report), report)
    return report


def measure(idata, var_names=None, *, label="fit", **thresholds) -> ConvergenceReport:
    """Measure every convergence diagnostic and list what fails; print and raise nothing.

    The arguments are those of :func:`check_convergence`, which calls this.
    """
    import arviz as az

    unknown = set(thresholds) - set(GATE)
    if unknown:
        raise ValueError(
            f"unknown thresholds {sorted(unknown)}; the gate's are {list(GATE)}"
        )
    gate = {**GATE, **thresholds}
    rhat_max, ess_bulk_min, ess_tail_min = (
        gate["rhat_max"],
        gate["ess_bulk_min"],
        gate["ess_tail_min"],
    )
    max_divergences, bfmi_min, max_treedepth = (
        gate["max_divergences"],
        gate["bfmi_min"],
        gate["max_treedepth"],
    )
    if not (
        rhat_max >= 1
        and ess_bulk_min >= 0
        and ess_tail_min >= 0
        and max_divergences >= 0
        and 0 <= bfmi_min < 1
        and max_treedepth >= 1
    ):
        raise ValueError(
            "thresholds must satisfy rhat_max >= 1, ess_bulk_min >= 0, ess_tail_min >= 0, "
            "max_divergences >= 0, 0 <= bfmi_min < 1, max_treedepth >= 1; got "
            + ", ".join(f"{k}={v}" for k, v in gate.items())
        )
    posterior = _group(idata, "posterior")
    names = _var_names(posterior, var_names)
    draws = {k: v for k, v in _draws(posterior, names).items() if np.ptp(v) > 0}
    if not draws:
        raise ValueError("no variable varies across draws: nothing to check")
    chains, n_draws = next(iter(draws.values())).shape
    if chains < 2:
        raise ValueError(f"R-hat needs at least 2 chains; the fit has {chains}")
    keys = list(draws)
    stacked = np.stack([draws[k] for k in keys], axis=-1)  # (chain, draw, element)
    rhat = pd.Series(np.asarray(az.rhat(stacked)), index=keys)
    ess_bulk = pd.Series(np.asarray(az.ess(stacked, method="bulk")), index=keys)
    ess_tail = pd.Series(
        np.asarray(az.ess(stacked, method="tail", prob=(0.05, 0.95))), index=keys
    )
    diverging = _sampler_stat(idata, "diverging")
    divergences = int(diverging.sum()) if diverging is not None else 0
    min_bfmi = _bfmi(idata)
    hits = _treedepth_hits(idata, max_treedepth)

    report = ConvergenceReport(
        label,
        chains,
        n_draws,
        float(rhat.max()),
        str(rhat.idxmax()),
        float(ess_bulk.min()),
        str(ess_bulk.idxmin()),
        float(ess_tail.min()),
        str(ess_tail.idxmin()),
        divergences,
        hits,
        min_bfmi,
    )
    bad = rhat[~(rhat <= rhat_max)]
    if len(bad):
        report.fail("rhat", f"R-hat > {rhat_max} for {len(bad)}: " + _worst(bad, False))
    bad = ess_bulk[~(ess_bulk >= ess_bulk_min)]
    if len(bad):
        report.fail(
            "ess_bulk",
            f"bulk ESS < {ess_bulk_min} for {len(bad)}: " + _worst(bad, True),
        )
    bad = ess_tail[~(ess_tail >= ess_tail_min)]
    if len(bad):
        report.fail(
            "ess_tail",
            f"tail ESS < {ess_tail_min} for {len(bad)}: " + _worst(bad, True),
        )
    if divergences > max_divergences:
        report.fail(
            "divergences",
            f"{divergences} divergent transitions (allowed {max_divergences})",
        )
    if min_bfmi is not None and min_bfmi < bfmi_min:
        report.fail("bfmi", f"E-BFMI {min_bfmi:.2f} < {bfmi_min} in some chain")
    if hits:
        report.fail(
            "treedepth",
            f"{hits} transitions stopped at the maximum tree depth {max_treedepth}",
        )
    return report


def expect_failure(
    idata, var_names=None, *, because=None, quiet: bool = False, **thresholds
) -> ConvergenceReport:
    """Assert that a fit *fails* its convergence checks: for a deliberate pathology.

    Takes the arguments of :func:`check_convergence`. ``because`` names the checks (from
    :data:`CHECKS`) of which at least one must fail, so that the page can say *how* the fit
    fails; without it any failed check confirms the pathology. Prints the report ending in
    "pathology confirmed (expected)" and returns it. Raises :class:`ConvergenceError` if the
    fit passes (or fails only in other ways): the lesson it was meant to teach would be wrong.
    """
    wanted = {because} if isinstance(because, str) else set(because or CHECKS)
    unknown = wanted - set(CHECKS)
    if unknown:
        raise ValueError(
            f"unknown checks {sorted(unknown)}; the checks are {list(CHECKS)}"
        )
    report = measure(idata, var_names, **thresholds)
    confirmed = bool(report.failed & wanted)
    if confirmed:
        report.expected_failure = True
    else:
        report.failures.append(
            f"expected {' or '.join(sorted(wanted))} to fail, but "
            + (
                "every check passed"
                if not report.failed
                else "only " + ", ".join(sorted(report.failed)) + " failed"
            )
        )
    if not quiet:
        print(report)
    if not confirmed:
        raise ConvergenceError(str(report), report)
    return report


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
    mapping = (
        dict(var_names)
        if isinstance(var_names, dict)
        else {v: v for v in ([var_names] if isinstance(var_names, str) else var_names)}
    )
    if not mapping:
        raise ValueError("name at least one variable to compare")
    ma = posterior_moments(a, list(mapping))
    mb = posterior_moments(b, list(mapping.values()))
    if len(ma) != len(mb):
        raise ValueError(
            f"the variables have {len(ma)} elements in {labels[0]} but {len(mb)} in {labels[1]}"
        )
    mb.index = ma.index
    table = pd.DataFrame(
        {
            f"mean {labels[0]}": ma["mean"],
            f"mean {labels[1]}": mb["mean"],
            f"sd {labels[0]}": ma["sd"],
            f"sd {labels[1]}": mb["sd"],
        }
    )
    table["z mean"] = (ma["mean"] - mb["mean"]) / np.hypot(
        ma["mcse_mean"], mb["mcse_mean"]
    )
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


class OptimumError(AssertionError):
    """A maximum-likelihood (or REML) fit stopped short of its optimum."""


def reml_fit(
    model,
    *,
    reml: bool = True,
    methods=("lbfgs", "bfgs", "powell", "nm"),
    tol: float = 0.01,
    quiet: bool = False,
):
    """Fit a statsmodels ``MixedLM`` with several optimisers; return the best fit, checked.

    statsmodels' default optimiser can stop short of the REML optimum (it then warns with a
    ``ConvergenceWarning`` and reports the wrong variance components). Each optimiser in
    ``methods`` (two gradient-based, two derivative-free by default) starts afresh; the fit with
    the highest criterion is returned, and at least two optimisers must reach it within ``tol``
    (0.01 on the log scale, far below anything that changes an estimate's meaning): two
    independent routes to the same maximum are the check that it is one. An optimiser that
    fails or returns a non-finite criterion counts as not reaching it. Prints one line with each optimiser's criterion unless ``quiet``.

    Raises
    ------
    OptimumError
        If no two optimisers agree on the maximum.
    """
    import warnings

    if len(methods) < 2:
        raise ValueError(
            f"name at least two optimisers to compare, got {list(methods)}"
        )
    fits = {}
    for method in methods:
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # convergence and singularity warnings: judged below by comparison
            try:
                fits[method] = model.fit(reml=reml, method=method)
            except (
                np.linalg.LinAlgError,
                ValueError,
            ):  # an optimiser that breaks down counts as disagreeing
                continue
    criterion = pd.Series({m: float(f.llf) for m, f in fits.items()})
    criterion = criterion[
        np.isfinite(criterion)
    ]  # a degenerate fit (llf inf or nan) counts as failed
    if criterion.empty:
        raise OptimumError(f"every optimiser failed: {list(methods)}")
    best = criterion.idxmax()
    reached = criterion[criterion >= criterion[best] - tol]
    kind = "REML" if reml else "ML"
    line = f"{kind} criterion by optimiser: " + ", ".join(
        f"{m} {v:.4f}" for m, v in criterion.items()
    )
    if len(reached) < 2:
        raise OptimumError(
            f"{line}: only {best} reached the maximum; the optimum is not confirmed"
        )
    if not quiet:
        print(
            f"{line} -> optimum {criterion[best]:.4f} reached by {len(reached)} of {len(methods)}"
        )
    return fits[best]
