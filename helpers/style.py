"""One look for every figure: a matplotlib style and an Altair theme from one palette.

Call :func:`setup` once at the top of a notebook. Inside Jupyter it shows Altair charts
as SVG drawn in the kernel by vl-convert (no CDN needed). The site build enables its own
renderer before the notebook runs (``tools/charts.py``: interactive charts that load
Vega from the site), and :func:`setup` leaves a renderer chosen that way alone.
"""

from __future__ import annotations

# Colour-blind-safe (Okabe & Ito 2008), in the order series take them.
PALETTE = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
]
DATA_COLOR = "#404040"  # observed data
PRIOR_COLOR = "#8A8A8A"  # prior draws
POSTERIOR_COLOR = PALETTE[0]
FONT = "DejaVu Sans"
# Altair chart size in pixels; matplotlib figures match its aspect
WIDTH, HEIGHT = 560, 300


def matplotlib_rc() -> dict:
    """Return the course's matplotlib rcParams.

    Returns
    -------
    dict
        Settings for ``matplotlib.rcParams.update``: the palette as the colour cycle,
        the figure size and resolution, fonts, a light grid and no top or right spine.
    """
    from cycler import cycler

    return {
        "figure.figsize": (7.0, 3.75),
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "font.family": FONT,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "axes.prop_cycle": cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#E5E5E5",
        "grid.linewidth": 0.8,
        "legend.frameon": False,
        "lines.linewidth": 1.6,
        "figure.constrained_layout.use": True,
    }


def altair_theme() -> dict:
    """Return the course's Altair/Vega-Lite config, matching :func:`matplotlib_rc`.

    Returns
    -------
    dict
        A Vega-Lite ``{"config": ...}`` theme: chart size, font, palette, axes, legend
        and titles.
    """
    return {
        "config": {
            "view": {
                "continuousWidth": WIDTH,
                "continuousHeight": HEIGHT,
                "stroke": None,
            },
            "font": FONT,
            "range": {"category": PALETTE},
            "axis": {
                "gridColor": "#E5E5E5",
                "domainColor": "#888",
                "tickColor": "#888",
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
            },
            "legend": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
            },
            "title": {"fontSize": 13, "fontWeight": "normal", "anchor": "start"},
            "line": {"strokeWidth": 1.6},
        }
    }


def setup() -> None:
    """Apply the course style to matplotlib, ArviZ and Altair; choose Altair's renderer.

    Registers and enables the Altair theme ``"bmlm"`` and lifts Altair's 5000-row
    limit. In Jupyter, where Altair's renderer is still the default, charts are drawn
    as SVG in the kernel; a renderer the site build enabled is kept.

    Examples
    --------
    In a notebook's setup cell:

    >>> from helpers import style
    >>> style.setup()
    """
    import altair as alt
    import matplotlib as mpl

    mpl.rcParams.update(matplotlib_rc())

    @alt.theme.register("bmlm", enable=True)
    def _theme():
        return alt.theme.ThemeConfig(altair_theme())

    alt.data_transformers.disable_max_rows()
    if alt.renderers.active == "default":
        # in Jupyter: SVG drawn by vl-convert in the kernel, so charts show with no
        # internet (the explorer's kernel face redraws them from ipywidgets sliders)
        alt.renderers.enable("svg")


def interactive_charts() -> bool:
    """Say whether Altair charts run Vega in the page, so Vega's own sliders work.

    Returns
    -------
    bool
        True on the site (its renderer runs Vega in the page); False under the SVG
        renderer of :func:`setup`, where explorers use ipywidgets instead.
    """
    import altair as alt

    return alt.renderers.active not in ("svg", "png", "default")


def interval_plot(
    ax, draws: dict, *, prob: float, point: str = "mean", color: str | None = None
):
    """Draw a point estimate and its equal-tailed interval per entry of ``draws``.

    One row per entry; rows run top to bottom in the dict's order.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    draws : dict
        Maps a label to an array of posterior draws (any shape, or an xarray
        DataArray; flattened).
    prob : float
        The interval's probability (say 0.95), strictly between 0 and 1; required, as
        everywhere in the course.
    point : {"mean", "median"}, default "mean"
        The point estimate.
    color : str, optional
        The colour of every row; default :data:`POSTERIOR_COLOR`.

    Returns
    -------
    pandas.DataFrame
        The point (column named by ``point``) and the interval limits (``lower``,
        ``upper``) of each row, indexed by label, for gluing into the text.

    Raises
    ------
    ValueError
        If ``prob`` is not strictly between 0 and 1, ``point`` is unknown, ``draws`` is
        empty, or a row's draws are empty or not all finite.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import numpy as np
    >>> from helpers import style
    >>> rng = np.random.default_rng(1)
    >>> fig, ax = plt.subplots()
    >>> draws = {"Stan": rng.normal(1, 0.2, 4000), "PyMC": rng.normal(1, 0.2, 4000)}
    >>> table = style.interval_plot(ax, draws, prob=0.9)
    >>> table.round(1)
          mean  lower  upper
    Stan   1.0    0.7    1.3
    PyMC   1.0    0.7    1.3
    """
    import numpy as np
    import pandas as pd

    if not 0 < prob < 1:
        raise ValueError(f"prob must lie strictly between 0 and 1, got {prob}")
    if point not in ("mean", "median"):
        raise ValueError(f"point must be 'mean' or 'median', got {point!r}")
    if not draws:
        raise ValueError("give at least one row of draws")
    color = color or POSTERIOR_COLOR
    rows = {}
    for i, (label, values) in enumerate(draws.items()):
        values = np.asarray(getattr(values, "values", values), dtype=float).ravel()
        if values.size == 0 or not np.isfinite(values).all():
            raise ValueError(
                f"{label}: draws must be a non-empty array of finite numbers"
            )
        lo, hi = np.quantile(values, [(1 - prob) / 2, (1 + prob) / 2])
        centre = float(values.mean() if point == "mean" else np.median(values))
        ax.plot([lo, hi], [i, i], color=color, lw=2)
        ax.plot(centre, i, "o", color=color)
        rows[label] = {point: centre, "lower": float(lo), "upper": float(hi)}
    ax.set_yticks(range(len(draws)), list(draws))
    ax.set_ylim(len(draws) - 0.5, -0.5)  # first row on top
    return pd.DataFrame.from_dict(rows, orient="index")
