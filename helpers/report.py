"""Put computed numbers into the prose.

Every number in the text of a notebook is computed: a hidden cell stores it with
:func:`glue`, and the markdown shows it with MyST's ``{eval}`` role,
``{eval}`g("name:.1f")```, which JupyterLab (jupyterlab-myst) and the site's build both
evaluate in the notebook's kernel. :func:`glue` converts numpy scalars to plain Python
values first (their text, ``np.float64(...)``, is not a number a reader wants to see).
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd


def plain(value):
    """Convert a numpy scalar or 0-d array (or xarray scalar) to a Python value.

    Parameters
    ----------
    value : number, str, numpy scalar, 0-d array, or xarray or pandas scalar
        The value to convert.

    Returns
    -------
    int, float, bool or str
        The same value as a built-in Python type, which the site build can format.

    Raises
    ------
    ValueError
        If ``value`` is an array of more than one element, or a non-finite number.
    TypeError
        If ``value`` is neither a number nor a string.

    Examples
    --------
    >>> import numpy as np
    >>> plain(np.float64(1.5))
    1.5
    >>> type(plain(np.int64(3)))
    <class 'int'>
    """
    # xarray / pandas scalar
    if hasattr(value, "values") and np.ndim(value.values) == 0:
        value = value.values
    if isinstance(value, np.ndarray):
        if value.ndim != 0:
            raise ValueError(
                "glue takes a single number or string, "
                f"got an array of shape {value.shape}"
            )
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, numbers.Integral, numbers.Real, str)):
        if isinstance(value, float) and not np.isfinite(value):
            raise ValueError(f"refusing to glue a non-finite number ({value})")
        return value
    raise TypeError(f"glue takes a number or a string, got {type(value).__name__}")


GLUED: dict[str, int | float | bool | str] = {}  # what glue() stored, for g()
# g() of a name the notebook glues further down: a learner running cell by cell in
# JupyterLab sees this until the cell below has run; the site shows the final values
PENDING = "(computed below)"


def g(spec: str):
    """A glued value as text for the prose: ``{eval}`g("name:.2f")```.

    jupyterlab-myst evaluates the expression in the kernel when the markdown cell runs;
    the course's build does the same after executing the notebook and puts the text on
    the site (``tools/evalroles.py``).

    Parameters
    ----------
    spec : str
        A name given to :func:`glue`, optionally followed by ``:`` and a format
        specification (``"tau_mean:.2f"``, ``"n:d"``, ``"share:.0%"``).

    Returns
    -------
    str or IPython.display.Markdown
        The formatted number; a glued string comes back as Markdown, so emphasis in it
        renders; :data:`PENDING` if nothing has been glued under the name yet (the
        build fails a notebook whose name is still pending at its end).

    Examples
    --------
    >>> glue("tau_mean", 3.14159)
    >>> g("tau_mean:.2f")
    '3.14'
    """
    from IPython.display import Markdown

    name, _, fmt = spec.partition(":")
    if name not in GLUED:
        return PENDING
    value = GLUED[name]
    return Markdown(value) if isinstance(value, str) else format(value, fmt)


def glue(name: str, value) -> None:
    """Store ``value`` (a number or string) under ``name`` for the prose; show nothing.

    The text shows it with ``{eval}`g("name:.2f")``` (see :func:`g`); a string is shown
    as Markdown, so emphasis in it renders.

    Parameters
    ----------
    name : str
        The name the prose refers to.
    value : number or str
        A Python, numpy or xarray scalar, or a string; converted by :func:`plain`.

    Raises
    ------
    ValueError
        If ``value`` is an array of more than one element, or a non-finite number.
    TypeError
        If ``value`` is neither a number nor a string.

    Examples
    --------
    In the section's cell tagged ``remove-cell``:

    >>> import numpy as np
    >>> draws = np.random.default_rng(1).normal(2.0, 0.5, size=4000)
    >>> glue("mu_median", np.median(draws))  # a numpy float, glued as a Python float
    >>> glue("verdict", "clearly positive")  # a string, glued as markdown

    and in the markdown: ``the median is {eval}`g("mu_median:.2f")```, ``the effect is
    {eval}`g("verdict")```.
    """
    GLUED[name] = plain(value)


def glue_interval(name: str, interval) -> tuple[float, float, float]:
    """Glue ``name_mean``, ``name_lo`` and ``name_hi`` from a computed interval.

    The notebook computes the interval in sight (``az.summary`` in a visible cell);
    this only checks it and glues its three numbers.

    Parameters
    ----------
    name : str
        Prefix of the three glued names.
    interval : pandas.Series or tuple of three floats
        A row of ``az.summary(..., kind="stats", ci_prob=..., round_to="none")`` (its
        ``mean`` and the ``*_lb`` / ``*_ub`` pair of an ETI or HDI), or
        ``(mean, lower, upper)``.

    Returns
    -------
    tuple of float
        ``(mean, lower, upper)``, as glued.

    Raises
    ------
    ValueError
        If the row has no single interval, or the values are not finite with
        lower <= mean <= upper.

    Examples
    --------
    The summary is computed in a visible cell:

    >>> import arviz as az
    >>> import numpy as np
    >>> draws = np.random.default_rng(1).normal(2.0, 0.5, size=(4, 1000))
    >>> idata = az.from_dict({"posterior": {"mu": draws}})
    >>> summary = az.summary(
    ...     idata, kind="stats", ci_prob=0.95, ci_kind="eti", round_to="none"
    ... )

    and glued in the section's cell tagged ``remove-cell``:

    >>> [round(v, 2) for v in glue_interval("mu", summary.loc["mu"])]
    [1.99, 1.03, 2.99]

    The prose then reads ``{glue:text}`mu_mean:.1f` (95 % interval
    {glue:text}`mu_lo:.1f` to {glue:text}`mu_hi:.1f`)``.
    """
    if isinstance(interval, pd.Series):
        lower = [k for k in interval.index if str(k).endswith("_lb")]
        upper = [k for k in interval.index if str(k).endswith("_ub")]
        if "mean" not in interval.index or len(lower) != 1 or len(upper) != 1:
            raise ValueError(
                f"{name}: need a summary row with 'mean' and one *_lb/*_ub pair, "
                f"got {list(interval.index)}"
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
