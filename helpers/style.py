"""One look for every figure: a matplotlib style and an Altair theme from the same palette.

Call :func:`setup` once at the top of a notebook. Inside Jupyter it shows Altair charts as
SVG drawn in the kernel by vl-convert (no CDN needed). The site build enables its own
renderer before the notebook runs (``tools/charts.py``: interactive charts that load Vega
from the site), and :func:`setup` leaves a renderer chosen that way alone.
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
WIDTH, HEIGHT = (
    560,
    300,
)  # Altair chart size in pixels; matplotlib figures match its aspect


def matplotlib_rc() -> dict:
    """The course's matplotlib rcParams."""
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
    """The course's Altair/Vega-Lite config, matching :func:`matplotlib_rc`."""
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
    """Apply the course style to matplotlib, ArviZ and Altair; choose Altair's renderer."""
    import altair as alt
    import matplotlib as mpl

    mpl.rcParams.update(matplotlib_rc())

    @alt.theme.register("bmlm", enable=True)
    def _theme():
        return alt.theme.ThemeConfig(altair_theme())

    alt.data_transformers.disable_max_rows()
    if alt.renderers.active == "default":
        # in Jupyter: SVG drawn by vl-convert in the kernel, so charts show with no internet
        # (the explorer's kernel face redraws them from ipywidgets sliders)
        alt.renderers.enable("svg")


def interactive_charts() -> bool:
    """True where Altair charts run Vega in the page (the site), so Vega's own sliders work.

    False under the SVG renderer of :func:`setup`, where explorers use ipywidgets instead.
    """
    import altair as alt

    return alt.renderers.active not in ("svg", "png", "default")


def interval_plot(
    ax, draws: dict, *, prob: float, point: str = "mean", color: str | None = None
):
    """Draw one row per entry of ``draws``: a point estimate and its equal-tailed interval.

    ``draws`` maps a label to an array of posterior draws (any shape; flattened). Rows run top
    to bottom in the dict's order. ``prob`` (say 0.95) is required, as everywhere in the course;
    ``point`` is ``"mean"`` or ``"median"``. Returns a DataFrame with the point and the interval
    limits of each row, for gluing into the text.
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
