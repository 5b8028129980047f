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

    Parameters
    ----------
    message : str
        The report's one-line text.
    report : ConvergenceReport, optional
        Everything that was measured.

    Attributes
    ----------
    report : ConvergenceReport or None
        The :class:`ConvergenceReport` with everything that was measured.
    """

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report


class DisagreementError(AssertionError):
    """Two posteriors that should agree differ by more than Monte Carlo error allows.

    Raised by :func:`assert_agree`, with the worst elements in its message.
    """


def _group(idata, name: str):
    """Group ``name`` of a DataTree as an xarray Dataset, or a ValueError naming it."""
    try:
        return idata[name].to_dataset()
    except (KeyError, AttributeError):
        raise ValueError(
            f"the fit has no {name!r} group; pass an ArviZ DataTree from a sampler"
        ) from None


def _var_names(posterior, var_names) -> list[str]:
    """The variables to use: all by default; a ValueError names any unknown one."""
    if var_names is None:
        return list(posterior.data_vars)
    if isinstance(var_names, str):
        var_names = [var_names]
    unknown = [v for v in var_names if v not in posterior.data_vars]
    if unknown:
        raise ValueError(
            f"unknown variables {unknown}; "
            f"the posterior has {list(posterior.data_vars)}"
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


#: The checks :func:`check_convergence` makes, by the names :func:`expect_failure`
#: accepts.
CHECKS = ("rhat", "ess_bulk", "ess_tail", "divergences", "bfmi", "treedepth")


@dataclass
class ConvergenceReport:
    """What :func:`check_convergence` measured.

    ``failed`` names the checks that failed (a subset of :data:`CHECKS`), ``failures``
    says how, one sentence each. ``min_bfmi`` and ``max_treedepth_hits`` are ``None``
    for a sampler that records no energy or tree depth (a hand-written Metropolis
    chain). ``str(report)`` is the one-line report that :func:`check_convergence`
    prints.

    Parameters
    ----------
    label : str
        Names the fit.
    chains, draws : int
        Number of chains and of draws per chain.
    max_rhat : float
        The largest R-hat.
    max_rhat_at : str
        The element it belongs to.
    min_ess_bulk : float
        The smallest bulk ESS.
    min_ess_bulk_at : str
        Its element.
    min_ess_tail : float
        The smallest tail ESS.
    min_ess_tail_at : str
        Its element.
    divergences : int
        Number of divergent transitions (0 for a sampler that records none).
    max_treedepth_hits : int or None
        Transitions that stopped at the maximum tree depth.
    min_bfmi : float or None
        The smallest per-chain E-BFMI.
    failed : set of str
        The checks that failed, by their names in :data:`CHECKS`.
    failures : list of str
        How they failed, one sentence each.
    expected_failure : bool
        True when :func:`expect_failure` confirmed a deliberate pathology.
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
        """Record that ``check`` failed, and how.

        Parameters
        ----------
        check : str
            One of :data:`CHECKS`.
        why : str
            One sentence for the report, with the numbers.
        """
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
    """The first of ``names`` found in ``sample_stats``, as an array, else None."""
    try:
        stats = idata["sample_stats"].to_dataset()
    except (KeyError, AttributeError):
        return None
    for n in names:
        if n in stats:
            return np.asarray(stats[n].values)
    return None


def _treedepth_hits(idata, max_treedepth: int) -> int | None:
    """Transitions that stopped at the maximum tree depth.

    Counted from whichever statistic the sampler keeps; None if it keeps none.
    """
    # nutpie, PyMC
    reached = _sampler_stat(idata, "maxdepth_reached", "reached_max_treedepth")
    if reached is not None:
        return int(np.asarray(reached, dtype=bool).sum())
    # Stan through ArviZ
    depth = _sampler_stat(idata, "tree_depth", "depth", "treedepth__")
    return None if depth is None else int((depth >= max_treedepth).sum())


def _bfmi(idata) -> float | None:
    """Smallest per-chain E-BFMI (Betancourt 2016), or None without energy.

    E-BFMI is the mean squared energy change over the energy's variance.
    """
    energy = _sampler_stat(idata, "energy")
    if energy is None or energy.ndim != 2:
        return None
    return float(
        (np.square(np.diff(energy, axis=1)).mean(axis=1) / energy.var(axis=1)).min()
    )


#: The gate every fit passes; any of these can be named in
#: :func:`check_convergence`.
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

    Every check the course teaches is made: rank-normalised split R-hat, bulk ESS, tail
    ESS (of the 5 % and 95 % quantiles: every interval the course reports is a tail
    quantity), divergent transitions, E-BFMI (per chain) and transitions that stopped
    at the maximum tree depth.

    Parameters
    ----------
    idata : DataTree
        ArviZ data with a ``posterior`` group and, for the sampler checks,
        ``sample_stats`` (a fit without sampler statistics, such as a hand-written
        Metropolis chain, is checked on R-hat and ESS only).
    var_names : str or list of str, optional
        Variables to check; default all. Elements that are constant across every draw
        (the fixed 1 and 0 of a Cholesky factor, say) have no R-hat and are skipped.
    label : str, default "fit"
        Names the fit in the report.
    quiet : bool, default False
        Do not print the report (it is still returned, or attached to the error).
    **thresholds
        Entries of :data:`GATE`: ``rhat_max`` (1.01), ``ess_bulk_min`` and
        ``ess_tail_min`` (400), ``max_divergences`` (0), ``bfmi_min`` (0.3) and
        ``max_treedepth``, the sampler's maximum tree depth (10 for Stan and nutpie
        unless you changed it): a transition that reached it is counted, and any count
        fails the check.

    Returns
    -------
    ConvergenceReport
        What was measured, when every check passed.

    Raises
    ------
    ConvergenceError
        Listing every check that failed; ``err.report`` holds what was measured.
    ValueError
        If a threshold is unknown or out of range, a variable is unknown, the fit has
        fewer than 2 chains or no ``posterior`` group, or nothing varies across draws.

    Examples
    --------
    After each fit in a notebook, e.g.
    ``checks.check_convergence(idata_stan, ["mu", "tau", "theta"], label="Stan")``.
    Independent draws pass every check:

    >>> import arviz as az
    >>> import numpy as np
    >>> from helpers import checks
    >>> draws = np.random.default_rng(1).normal(size=(4, 1000))
    >>> idata = az.from_dict({"posterior": {"mu": draws}})
    >>> report = checks.check_convergence(idata, label="iid")  # doctest: +ELLIPSIS
    iid: 4 chains x 1000 draws | max R-hat 1.002 (mu) | ... -> ok
    >>> report.min_ess_bulk > 400
    True
    """
    report = measure(idata, var_names, label=label, **thresholds)
    if not quiet:
        print(report)
    if report.failures:
        raise ConvergenceError(str(report), report)
    return report


def measure(idata, var_names=None, *, label="fit", **thresholds) -> ConvergenceReport:
    """Measure every convergence diagnostic and list what fails.

    Prints nothing, and raises nothing for a fit that fails: :func:`check_convergence`
    and :func:`expect_failure` call this and then decide.

    Parameters
    ----------
    idata : DataTree
        As in :func:`check_convergence`.
    var_names : str or list of str, optional
        As in :func:`check_convergence`.
    label : str, default "fit"
        Names the fit in the report.
    **thresholds
        Entries of :data:`GATE`, as in :func:`check_convergence`.

    Returns
    -------
    ConvergenceReport
        What was measured; ``failed`` and ``failures`` say what fails the gate.

    Raises
    ------
    ValueError
        If a threshold is unknown or out of range, a variable is unknown, the fit has
        fewer than 2 chains or no ``posterior`` group, or nothing varies across draws.
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
            "thresholds must satisfy rhat_max >= 1, ess_bulk_min >= 0, "
            "ess_tail_min >= 0, max_divergences >= 0, 0 <= bfmi_min < 1, "
            "max_treedepth >= 1; got " + ", ".join(f"{k}={v}" for k, v in gate.items())
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

    Takes the arguments of :func:`check_convergence`. Prints the report ending in
    "pathology confirmed (expected)" and returns it.

    Parameters
    ----------
    idata : DataTree
        As in :func:`check_convergence`.
    var_names : str or list of str, optional
        As in :func:`check_convergence`.
    because : str or list of str, optional
        The checks (from :data:`CHECKS`) of which at least one must fail, so that the
        page can say *how* the fit fails; without it any failed check confirms the
        pathology.
    quiet : bool, default False
        Do not print the report.
    **thresholds
        ``label`` and entries of :data:`GATE`, as in :func:`check_convergence`.

    Returns
    -------
    ConvergenceReport
        What was measured, with ``expected_failure`` set.

    Raises
    ------
    ConvergenceError
        If the fit passes (or fails only in other ways): the lesson it was meant to
        teach would be wrong.
    ValueError
        If ``because`` names an unknown check, or as :func:`check_convergence`.

    Examples
    --------
    One chain stuck elsewhere: R-hat flags it.

    >>> import arviz as az
    >>> import numpy as np
    >>> from helpers import checks
    >>> draws = np.random.default_rng(1).normal(size=(4, 1000))
    >>> draws[3] += 3.0
    >>> stuck = az.from_dict({"posterior": {"mu": draws}})
    >>> report = checks.expect_failure(stuck, because="rhat")  # doctest: +ELLIPSIS
    fit: 4 chains x 1000 draws | ... -> pathology confirmed (expected): R-hat > 1.01 ...
    >>> sorted(report.failed)
    ['ess_bulk', 'ess_tail', 'rhat']
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
    """The ``n`` worst elements of ``series`` as ``name=value`` text for a report."""
    s = series.sort_values(ascending=ascending).head(n)
    return ", ".join(f"{k}={v:.3g}" for k, v in s.items())


def posterior_moments(idata, var_names) -> pd.DataFrame:
    """Return the mean, sd and their Monte Carlo standard errors of each element.

    Parameters
    ----------
    idata : DataTree
        ArviZ data with a ``posterior`` group.
    var_names : str or list of str
        The variables; every element of each (``theta[0]``, ``theta[1]``, ...) gets a
        row.

    Returns
    -------
    pandas.DataFrame
        Columns ``mean``, ``sd``, ``mcse_mean`` and ``mcse_sd``, one row per element.

    Raises
    ------
    ValueError
        If the fit has no ``posterior`` group or a variable is unknown.

    Examples
    --------
    >>> import arviz as az
    >>> import numpy as np
    >>> from helpers import checks
    >>> draws = np.random.default_rng(2).normal(size=(4, 1000))
    >>> idata = az.from_dict({"posterior": {"mu": draws}})
    >>> checks.posterior_moments(idata, ["mu"]).round(3)
         mean     sd  mcse_mean  mcse_sd
    mu -0.013  1.003      0.016    0.011
    """
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

    For each element the difference of means (and of sds) divided by the combined
    Monte Carlo standard error must be at most ``z`` in size. With dozens of elements
    compared, ``z = 4`` keeps false alarms rare while a real difference in the models
    (a prior, a parameterisation) still shows. Prints one line with the largest
    ``|z|``.

    Parameters
    ----------
    a, b : DataTree
        The two fits (ArviZ data with a ``posterior`` group).
    var_names : str, list of str or dict
        Names shared by both fits, or a dict mapping a name in ``a`` to its name in
        ``b``; the variables must have the same number of elements in both.
    z : float, default 4.0
        The largest ``|z|`` allowed.
    labels : tuple of two str, default ("Stan", "PyMC")
        Names of ``a`` and ``b`` in the table and the messages.
    quiet : bool, default False
        Do not print the line.

    Returns
    -------
    pandas.DataFrame
        The comparison table: both means and sds and the two ``z`` columns, one row
        per element.

    Raises
    ------
    DisagreementError
        Listing the worst elements, if any exceed ``z``.
    ValueError
        If ``z`` is not positive, no variable is named, a variable is unknown, or the
        variables have different numbers of elements in the two fits.

    Examples
    --------
    In a notebook, e.g.
    ``checks.assert_agree(idata_stan, idata_pymc, ["mu", "tau", "theta"])``.
    Two sets of draws from one distribution agree:

    >>> import arviz as az
    >>> import numpy as np
    >>> from helpers import checks
    >>> rng = np.random.default_rng(2)
    >>> a = az.from_dict({"posterior": {"mu": rng.normal(size=(4, 1000))}})
    >>> b = az.from_dict({"posterior": {"mu": rng.normal(size=(4, 1000))}})
    >>> table = checks.assert_agree(a, b, ["mu"])  # doctest: +ELLIPSIS
    Stan vs PyMC: 1 quantities, largest |z| = ... (mu), limit 4.0
    >>> list(table.columns)
    ['mean Stan', 'mean PyMC', 'sd Stan', 'sd PyMC', 'z mean', 'z sd']
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
            f"the variables have {len(ma)} elements in {labels[0]} "
            f"but {len(mb)} in {labels[1]}"
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
            f"{labels[0]} vs {labels[1]}: {len(table)} quantities, "
            f"largest |z| = {worst.max():.2f} ({worst.idxmax()}), limit {z}"
        )
    bad = worst[worst > z]
    if len(bad):
        raise DisagreementError(
            f"{labels[0]} and {labels[1]} disagree beyond {z} Monte Carlo standard "
            f"errors for {len(bad)} quantities:\n"
            f"{table.loc[bad.sort_values(ascending=False).index[:10]].round(3)}"
        )
    return table


class OptimumError(AssertionError):
    """A maximum-likelihood (or REML) fit stopped short of its optimum.

    Raised by :func:`reml_fit` when no two optimisers agree on the maximum.
    """


def reml_fit(
    model,
    *,
    reml: bool = True,
    methods=("lbfgs", "bfgs", "powell", "nm"),
    tol: float = 0.01,
    quiet: bool = False,
):
    """Fit a statsmodels ``MixedLM`` with several optimisers; return the best, checked.

    statsmodels' default optimiser can stop short of the REML optimum (it then warns
    with a ``ConvergenceWarning`` and reports the wrong variance components). Each
    optimiser in ``methods`` (two gradient-based, two derivative-free by default)
    starts afresh; the fit with the highest criterion is returned, and at least two
    optimisers must reach it within ``tol`` (0.01 on the log scale, far below anything
    that changes an estimate's meaning): two independent routes to the same maximum
    are the check that it is one. An optimiser that fails or returns a non-finite
    criterion counts as not reaching it. Prints one line with each optimiser's
    criterion unless ``quiet``.

    Parameters
    ----------
    model : statsmodels.regression.mixed_linear_model.MixedLM
        The model, not yet fitted (``smf.mixedlm(...)``).
    reml : bool, default True
        Maximise the REML criterion; False for maximum likelihood.
    methods : sequence of str, default ("lbfgs", "bfgs", "powell", "nm")
        At least two optimisers, by their statsmodels names.
    tol : float, default 0.01
        How close to the best criterion (log scale) another optimiser must come.
    quiet : bool, default False
        Do not print the line with each optimiser's criterion.

    Returns
    -------
    statsmodels.regression.mixed_linear_model.MixedLMResults
        The fit with the highest criterion.

    Raises
    ------
    OptimumError
        If every optimiser fails, or no two agree on the maximum.
    ValueError
        If ``methods`` names fewer than two optimisers.

    Examples
    --------
    >>> import statsmodels.formula.api as smf
    >>> from helpers import checks, data
    >>> dye = data.load("dyestuff")
    >>> model = smf.mixedlm("Yield ~ 1", dye, groups=dye["Batch"])
    >>> reml = checks.reml_fit(model)  # doctest: +ELLIPSIS
    REML criterion by optimiser: ... -> optimum -159.8271 reached by 3 of 4
    """
    import warnings

    if len(methods) < 2:
        raise ValueError(
            f"name at least two optimisers to compare, got {list(methods)}"
        )
    fits = {}
    for method in methods:
        with warnings.catch_warnings():
            # convergence and singularity warnings: judged below by comparison
            warnings.simplefilter("ignore")
            try:
                fits[method] = model.fit(reml=reml, method=method)
            # an optimiser that breaks down counts as disagreeing
            except (np.linalg.LinAlgError, ValueError):
                continue
    criterion = pd.Series({m: float(f.llf) for m, f in fits.items()})
    # a degenerate fit (llf inf or nan) counts as failed
    criterion = criterion[np.isfinite(criterion)]
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
            f"{line} -> optimum {criterion[best]:.4f} "
            f"reached by {len(reached)} of {len(methods)}"
        )
    return fits[best]
