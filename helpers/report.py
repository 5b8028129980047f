"""Put computed numbers into the prose: thin wrappers around ``myst_nb.glue``.

Every number in the text of a notebook is glued from the computation and shown with
``{glue:text}`name:.1f``` in the markdown. :func:`glue` converts numpy scalars to plain
Python values first (their repr, ``np.float64(...)``, cannot be formatted by the site
build) and never displays anything in the notebook itself.
"""

from __future__ import annotations

import numbers

import numpy as np


def plain(value):
    """A numpy scalar or 0-d array (or xarray scalar) as a Python int, float, bool or str."""
    if hasattr(value, "values") and np.ndim(value.values) == 0:  # xarray / pandas scalar
        value = value.values
    if isinstance(value, np.ndarray):
        if value.ndim != 0:
            raise ValueError(f"glue takes a single number or string, got an array of shape {value.shape}")
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


def glue_interval(name: str, draws, prob: float) -> tuple[float, float, float]:
    """Glue ``name_mean``, ``name_lo`` and ``name_hi``: the mean and the equal-tailed interval.

    ``prob`` (say 0.95) is required: the course always states the interval it means.
    """
    if not 0 < prob < 1:
        raise ValueError(f"prob must lie strictly between 0 and 1, got {prob}")
    values = np.asarray(getattr(draws, "values", draws), dtype=float).ravel()
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"{name}: draws must be a non-empty array of finite numbers")
    lo, hi = np.quantile(values, [(1 - prob) / 2, (1 + prob) / 2])
    mean = float(values.mean())
    glue(f"{name}_mean", mean)
    glue(f"{name}_lo", float(lo))
    glue(f"{name}_hi", float(hi))
    return mean, float(lo), float(hi)
