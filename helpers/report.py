"""Put computed numbers into the prose: thin wrappers around ``myst_nb.glue``.

Every number in the text of a notebook is glued from the computation and shown with
``{glue:text}`name:.1f``` in the markdown. :func:`glue` converts numpy scalars to plain
Python values first (their repr, ``np.float64(...)``, cannot be formatted by the site
build) and never displays anything in the notebook itself.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd


def plain(value):
    """A numpy scalar or 0-d array (or xarray scalar) as a Python int, float, bool or str."""
    if (
        hasattr(value, "values") and np.ndim(value.values) == 0
    ):  # xarray / pandas scalar
        value = value.values
    if isinstance(value, np.ndarray):
        if value.ndim != 0:
            raise ValueError(
                f"glue takes a single number or string, got an array of shape {value.shape}"
            )
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, numbers.Integral, numbers.Real, str)):
        if isinstance(value, float) and not np.isfinite(value):
            raise ValueError(f"refusing to glue a non-finite number ({value})")
        return value
    raise TypeError(f"glue takes a number or a string, got {type(value).__name__}")


def glue(name: str, value) -> None:
    """Glue ``value`` (a number or string) under ``name`` without displaying it.

    Numbers appear in the text with ``{glue:text}`name:.2f```. Strings are glued as
    markdown (a plain string's text form would carry its quotes): write ``{glue:md}`name```.
    """
    from IPython.display import Markdown
    from myst_nb import glue as _glue

    value = plain(value)
    _glue(name, Markdown(value) if isinstance(value, str) else value, display=False)


def glue_interval(name: str, interval) -> tuple[float, float, float]:
    """Glue ``name_mean``, ``name_lo`` and ``name_hi`` from an interval the notebook computed.

    Parameters
    ----------
    name : str
        Prefix of the three glued names.
    interval : pandas.Series or tuple of three floats
        A row of ``az.summary(..., kind="stats", ci_prob=..., round_to="none")`` (its ``mean``
        and the ``*_lb`` / ``*_ub`` pair of an ETI or HDI), or ``(mean, lower, upper)``.

    Returns
    -------
    tuple of float
        ``(mean, lower, upper)``, as glued.

    Raises
    ------
    ValueError
        If the row has no single interval, or the values are not finite with lower <= mean <= upper.
    """
    if isinstance(interval, pd.Series):
        lower = [k for k in interval.index if str(k).endswith("_lb")]
        upper = [k for k in interval.index if str(k).endswith("_ub")]
        if "mean" not in interval.index or len(lower) != 1 or len(upper) != 1:
            raise ValueError(
                f"{name}: need a summary row with 'mean' and one *_lb/*_ub pair, got {list(interval.index)}"
            )
        values = (interval["mean"], interval[lower[0]], interval[upper[0]])
    else:
        values = tuple(interval)
        if len(values) != 3:
            raise ValueError(
                f"{name}: need (mean, lower, upper), got {len(values)} values"
            )
    mean, lo, hi = (float(v) for v in values)
    if not all(np.isfinite([mean, lo, hi])) or not lo <= mean <= hi:
        raise ValueError(
            f"{name}: need finite lower <= mean <= upper, got {(mean, lo, hi)}"
        )
    for suffix, value in (("mean", mean), ("lo", lo), ("hi", hi)):
        glue(f"{name}_{suffix}", value)
    return mean, lo, hi
