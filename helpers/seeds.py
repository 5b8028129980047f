"""One seed mechanism for every notebook: the shipped seed, or a sweep's alternative.

>>> import helpers
>>> SEED = helpers.seed(1993)   # 1993 unless BMLM_SEED_SWEEP asks for another

A seed makes a run repeatable on one machine; it is not a tuning knob. The seed sweep
(``bash tools/course.sh sweep``) re-executes notebooks with ``BMLM_SEED_SWEEP=k``
(k = 1, 2, ...), and every fit and assertion must hold under those seeds as under the
shipped one. The site is always built with the shipped seeds.
"""

from __future__ import annotations

import os

SWEEP_ENV = "BMLM_SEED_SWEEP"
_MAX = 2**31 - 1  # every sampler of the course accepts seeds below this


def seed(shipped: int) -> int:
    """Return the seed a notebook uses: ``shipped``, or a sweep's alternative.

    Alternative ``k`` (``BMLM_SEED_SWEEP=k``) is derived from ``(shipped, k)`` by
    :class:`numpy.random.SeedSequence`, so each notebook gets its own, unrelated
    alternative seeds; ``BMLM_SEED_SWEEP`` unset, empty or ``0`` means the shipped seed.

    Parameters
    ----------
    shipped : int
        The notebook's own seed, an integer from 0 to 2**31 - 1.

    Returns
    -------
    int
        ``shipped``, or alternative number ``$BMLM_SEED_SWEEP`` (below 2**31 - 1, which
        every sampler of the course accepts).

    Raises
    ------
    ValueError
        If ``shipped`` is not an integer from 0 to 2**31 - 1, or ``BMLM_SEED_SWEEP`` is
        not a whole number >= 0.

    Examples
    --------
    In a notebook's setup cell:

    >>> import helpers
    >>> import numpy as np
    >>> SEED = helpers.seed(1993)
    >>> SEED  # BMLM_SEED_SWEEP unset: the shipped seed
    1993
    >>> rng = np.random.default_rng(SEED)
    """
    if (
        isinstance(shipped, bool)
        or not isinstance(shipped, int)
        or not 0 <= shipped <= _MAX
    ):
        raise ValueError(
            f"a shipped seed is an integer from 0 to {_MAX}, got {shipped!r}"
        )
    raw = os.environ.get(SWEEP_ENV, "").strip()
    if not raw:
        return shipped
    try:
        k = int(raw)
    except ValueError:
        k = -1
    if k < 0:
        raise ValueError(
            f"{SWEEP_ENV} must be a whole number >= 0 (0 = the shipped seed), "
            f"got {raw!r}"
        )
    if k == 0:
        return shipped
    from numpy.random import SeedSequence

    return int(SeedSequence([shipped, k]).generate_state(1)[0] % _MAX)
