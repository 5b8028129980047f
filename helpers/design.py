"""The structure of grouped data: how two grouping factors relate; group-mean centring.

>>> from helpers import data, design
>>> design.relationship(data.load("penicillin"), "plate", "sample")
'crossed'
>>> pastes = data.load("pastes")
>>> # the cask letters a-c repeat in every batch: as coded, the factors look crossed
>>> design.relationship(pastes, "batch", "cask")
'crossed'
>>> pastes["batch_cask"] = design.nest(pastes, "batch", "cask")
>>> design.relationship(pastes, "batch", "batch_cask")
'nested'

Whether effects are crossed or nested is a property of the data (and of how its
labels are coded), not of the model: the same two-factor model is right for both once
every inner group has a label of its own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


class DesignError(ValueError):
    """Columns missing, incomplete or of the wrong kind for the requested operation."""


def _frame(df, columns) -> pd.DataFrame:
    """``df[columns]``, checked: a DataFrame with rows, distinct columns, no NaN."""
    if not isinstance(df, pd.DataFrame):
        raise DesignError(f"expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DesignError(
            f"missing column(s) {missing}; the data have {list(df.columns)}"
        )
    if len(set(columns)) != len(columns):
        raise DesignError(f"name two different columns, got {list(columns)}")
    nan = [c for c in columns if df[c].isna().any()]
    if nan:
        raise DesignError(
            f"column(s) {nan} contain missing values; drop or impute them first"
        )
    if len(df) == 0:
        raise DesignError("the data have no rows")
    return df[list(columns)]


def incidence(df: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """Count the observations of every combination of two grouping factors.

    Rows are the levels of ``first``, columns those of ``second``; only levels that
    occur are shown. A table with no zeros is fully crossed; a table in which every
    column has exactly one non-zero cell is nested (``second`` within ``first``).

    Parameters
    ----------
    df : pandas.DataFrame
        The data.
    first, second : str
        Two different columns of ``df`` holding grouping factors.

    Returns
    -------
    pandas.DataFrame
        The incidence table (counts), its labels as strings.

    Raises
    ------
    DesignError
        If ``df`` is not a DataFrame, has no rows, lacks a column, names one column
        twice, or a column has missing values.

    Examples
    --------
    >>> from helpers import data, design
    >>> table = design.incidence(data.load("penicillin"), "sample", "plate")
    >>> table.shape, int(table.to_numpy().min())  # 6 samples x 24 plates, no zeros
    ((6, 24), 1)
    """
    sub = _frame(df, [first, second])
    return pd.crosstab(sub[first].astype(str), sub[second].astype(str))


def relationship(df: pd.DataFrame, outer: str, inner: str) -> str:
    """Say how two grouping factors relate in the data.

    Nesting is checked first, so two factors that are both nested and crossed (one of
    them has a single level) count as nested.

    Parameters
    ----------
    df : pandas.DataFrame
        The data.
    outer, inner : str
        Two different columns of ``df`` holding grouping factors.

    Returns
    -------
    str
        One of

        ``"nested"``
            every level of ``inner`` occurs with exactly one level of ``outer``
            (casks within batches, pupils within schools);
        ``"reverse nested"``
            the other way round: ``outer`` is nested within ``inner``;
        ``"crossed"``
            every combination of levels occurs (every sample on every plate);
        ``"partially crossed"``
            neither: some combinations occur, some do not.

    Raises
    ------
    DesignError
        As :func:`incidence`.

    Examples
    --------
    >>> from helpers import data, design
    >>> design.relationship(data.load("penicillin"), "plate", "sample")
    'crossed'
    """
    table = incidence(df, outer, inner) > 0
    if (table.sum(axis=0) == 1).all():
        return "nested"
    if (table.sum(axis=1) == 1).all():
        return "reverse nested"
    if table.to_numpy().all():
        return "crossed"
    return "partially crossed"


def nest(df: pd.DataFrame, outer: str, inner: str, *, sep: str = ":") -> pd.Series:
    """Make labels that nest ``inner`` explicitly in ``outer``: ``"A:a"``.

    Like lme4's ``batch:cask``. Use it when inner labels repeat across outer groups
    (cask "a" of batch A is not cask "a" of batch B).

    Parameters
    ----------
    df : pandas.DataFrame
        The data.
    outer, inner : str
        Two different columns of ``df``: the outer and the inner grouping factor.
    sep : str, default ":"
        Joins the two labels.

    Returns
    -------
    pandas.Series
        A categorical Series aligned with ``df``, named ``"{outer}{sep}{inner}"``, its
        levels sorted by ``outer``, then by ``inner``.

    Raises
    ------
    DesignError
        As :func:`incidence`.

    Examples
    --------
    >>> from helpers import data, design
    >>> pastes = data.load("pastes")
    >>> pastes["batch_cask"] = design.nest(pastes, "batch", "cask")
    >>> pastes["batch_cask"].cat.categories[:4].tolist()
    ['A:a', 'A:b', 'A:c', 'B:a']
    >>> design.relationship(pastes, "batch", "batch_cask")
    'nested'
    """
    sub = _frame(df, [outer, inner])
    labels = sub[outer].astype(str) + sep + sub[inner].astype(str)
    order = (
        pd.DataFrame({"o": sub[outer], "i": sub[inner], "label": labels})
        .sort_values(["o", "i"], kind="stable")["label"]
        .drop_duplicates()
    )
    return pd.Series(
        pd.Categorical(labels, categories=list(order)),
        index=df.index,
        name=f"{outer}{sep}{inner}",
    )


def group_mean_centre(df: pd.DataFrame, value: str, group: str) -> pd.DataFrame:
    """Split a predictor into its group mean and the deviation from it.

    In a regression the two parts get separate slopes: the within-group and the
    between-group effect.

    Parameters
    ----------
    df : pandas.DataFrame
        The data.
    value : str
        A numeric column of ``df``, the predictor.
    group : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        Aligned with ``df``, with columns ``{value}_between`` (the mean of ``value`` in
        the observation's group) and ``{value}_within`` (the observation minus that
        mean).

    Raises
    ------
    DesignError
        As :func:`incidence`, or if ``value`` is not numeric (booleans are refused) or
        holds infinite values.

    Examples
    --------
    >>> import pandas as pd
    >>> from helpers import design
    >>> df = pd.DataFrame({"school": ["a", "a", "b"], "ses": [1.0, 3.0, 5.0]})
    >>> design.group_mean_centre(df, "ses", "school")
       ses_between  ses_within
    0          2.0        -1.0
    1          2.0         1.0
    2          5.0         0.0
    """
    sub = _frame(df, [value, group])
    if not pd.api.types.is_numeric_dtype(sub[value]) or pd.api.types.is_bool_dtype(
        sub[value]
    ):
        raise DesignError(
            f"column {value!r} must be numeric to centre it, got {sub[value].dtype}"
        )
    if not np.isfinite(sub[value].to_numpy(dtype=float)).all():
        raise DesignError(f"column {value!r} contains infinite values")
    means = sub.groupby(group, observed=True)[value].transform("mean")
    return pd.DataFrame(
        {f"{value}_between": means, f"{value}_within": sub[value] - means},
        index=df.index,
    )
