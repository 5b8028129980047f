"""Prior settings shared by several notebooks, defined once.

>>> from helpers import priors
>>> priors.sleepstudy()["beta_loc"]
[250.0, 0.0]

Each function returns a fresh dict (safe to modify) whose keys are the data names of
the matching Stan program, so ``{**data, **priors.sleepstudy()}`` is ready for cmdstanpy
and the PyMC versions read the same numbers.
"""

from __future__ import annotations


def sleepstudy() -> dict:
    """Return the priors of ``stan/sleepstudy_varying_slopes.stan`` (times in ms).

    A rested adult's mean reaction time is a few hundred ms: normal(250, 50) for the
    day-0 average; a change of more than 40 ms a day on average would be astonishing:
    normal(0, 20) for the average slope. Half-normal scales of 50 ms and 10 ms/day for
    the between-driver sds of intercepts and slopes, 50 ms for the residual sd, LKJ(2)
    on their correlation. The sleep-deprivation notebook checks these priors with a
    prior predictive simulation.

    Returns
    -------
    dict
        A fresh dict (safe to modify) keyed by the Stan program's data names:
        ``beta_loc`` and ``beta_scale`` (prior means and sds of the average intercept,
        in ms, and slope, in ms/day), ``tau_scale`` (half-normal scales of the
        between-driver sds), ``sigma_scale`` (half-normal scale of the residual sd) and
        ``lkj_eta`` (LKJ shape of the intercept-slope correlation).

    Examples
    --------
    >>> from helpers import priors
    >>> priors.sleepstudy()["beta_scale"]
    [50.0, 20.0]
    >>> sorted(priors.sleepstudy())
    ['beta_loc', 'beta_scale', 'lkj_eta', 'sigma_scale', 'tau_scale']
    """
    return {
        # prior means of the average intercept (ms) and slope (ms/day)
        "beta_loc": [250.0, 0.0],
        "beta_scale": [50.0, 20.0],  # ... and their prior sds
        "tau_scale": [50.0, 10.0],  # half-normal scales of the between-driver sds
        "sigma_scale": 50.0,  # half-normal scale of the residual sd
        "lkj_eta": 2.0,  # LKJ shape of the intercept-slope correlation
    }
