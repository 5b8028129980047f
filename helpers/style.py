"""One look for every figure: a matplotlib style and an Altair theme from the same palette.

Call :func:`setup` once at the top of a notebook. It also chooses how Altair charts are
shown: inside Jupyter as SVG rendered in the kernel by vl-convert (no CDN needed); during
the site build (the runner sets ``BMLM_SITE_ROOT``) each chart becomes a self-contained
iframe that loads Vega from the site itself, so charts stay interactive with no kernel.
"""

from __future__ import annotations

import html
import itertools
import json
import os

# Colour-blind-safe (Okabe & Ito 2008), in the order series take them.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
DATA_COLOUR = "#404040"   # observed data
PRIOR_COLOUR = "#8A8A8A"  # prior draws
POSTERIOR_COLOUR = PALETTE[0]
FONT = "DejaVu Sans"
WIDTH, HEIGHT = 560, 300  # Altair chart size in pixels; matplotlib figures match its aspect

VEGA_SCRIPTS = ("vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js")
VENDOR_DIR = "_vendor"
_chart_ids = itertools.count(1)


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
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "range": {"category": PALETTE},
            "axis": {"gridColor": "#E5E5E5", "domainColor": "#888", "tickColor": "#888",
                     "labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal"},
            "title": {"fontSize": 13, "fontWeight": "normal", "anchor": "start"},
            "line": {"strokeWidth": 1.6},
        }
    }


def site_root() -> str | None:
    """Relative URL from the page being built to the site root, or None outside the build."""
    return os.environ.get("BMLM_SITE_ROOT")


def chart_html(spec: dict, root: str) -> str:
    """A Vega-Lite spec as an iframe that loads Vega from ``root/_vendor`` (no CDN).

    The iframe keeps Vega away from the page's require.js (which would otherwise claim
    the UMD bundles) and ``srcdoc`` resolves relative URLs against the page, so the
    scripts are shared by every chart on the site.
    """
    scripts = "".join(f'<script src="{root}{VENDOR_DIR}/{s}"></script>' for s in VEGA_SCRIPTS)
    body = json.dumps(spec).replace("</", "<\\/")
    doc = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>" + scripts
        + "<style>body{margin:0;font-family:" + FONT + ",sans-serif}"
        ".vega-bindings{font-size:13px;margin-top:4px}.vega-bind{margin:2px 0}"
        ".vega-bind-name{display:inline-block;min-width:12em}</style></head><body>"
        "<div id='vis'></div><script>"
        f"vegaEmbed('#vis', {body}, {{actions: false}}).catch(function (e) {{"
        "document.body.textContent = 'This chart could not be drawn: ' + e;});"
        "</script></body></html>"
    )
    height = _spec_height(spec)
    title = html.escape(str(spec.get("description") or "interactive chart"), quote=True)
    return (
        f'<iframe class="bmlm-chart" id="bmlm-chart-{next(_chart_ids)}" title="{title}" '
        f'style="display:block;width:100%;max-width:{_spec_width(spec) + 60}px;height:{height}px;border:0" '
        f'srcdoc="{html.escape(doc, quote=True)}"></iframe>'
    )


def _spec_height(spec: dict) -> int:
    h = _size(spec, "height", HEIGHT)
    params = [p for p in _walk_params(spec) if "bind" in p]
    return int(h + 90 + 30 * len(params))


def _spec_width(spec: dict) -> int:
    return int(_size(spec, "width", WIDTH))


def _size(spec: dict, key: str, default: int) -> int:
    value = spec.get(key)
    if isinstance(value, (int, float)):
        return int(value)
    parts = spec.get("vconcat") or spec.get("hconcat") or spec.get("layer") or []
    sizes = [_size(p, key, default) for p in parts if isinstance(p, dict)]
    if not sizes:
        return default
    stacked = (key == "height" and "vconcat" in spec) or (key == "width" and "hconcat" in spec)
    return sum(sizes) + 20 * (len(sizes) - 1) if stacked else max(sizes)


def _walk_params(spec):
    if isinstance(spec, dict):
        for p in spec.get("params", []) or []:
            yield p
        for v in spec.values():
            if isinstance(v, (dict, list)):
                yield from _walk_params(v)
    elif isinstance(spec, list):
        for v in spec:
            yield from _walk_params(v)


def _site_renderer(spec: dict, **_):
    root = site_root() or ""
    return {"text/html": chart_html(spec, root), "text/plain": "<Altair chart>"}


def setup() -> None:
    """Apply the course style to matplotlib, ArviZ and Altair; choose Altair's renderer."""
    import altair as alt
    import matplotlib as mpl

    mpl.rcParams.update(matplotlib_rc())

    @alt.theme.register("bmlm", enable=True)
    def _theme():
        return alt.theme.ThemeConfig(altair_theme())

    alt.data_transformers.disable_max_rows()
    if site_root() is not None:
        alt.renderers.register("bmlm_site", _site_renderer)
        alt.renderers.enable("bmlm_site")
    else:
        # in Jupyter: SVG drawn by vl-convert in the kernel, so charts show with no internet
        # (the explorer's kernel face redraws them from ipywidgets sliders)
        alt.renderers.enable("svg")


def interval_plot(ax, draws: dict, prob: float, point: str = "mean", colour: str | None = None):
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
    colour = colour or POSTERIOR_COLOUR
    rows = {}
    for i, (label, values) in enumerate(draws.items()):
        values = np.asarray(getattr(values, "values", values), dtype=float).ravel()
        if values.size == 0 or not np.isfinite(values).all():
            raise ValueError(f"{label}: draws must be a non-empty array of finite numbers")
        lo, hi = np.quantile(values, [(1 - prob) / 2, (1 + prob) / 2])
        centre = float(values.mean() if point == "mean" else np.median(values))
        ax.plot([lo, hi], [i, i], color=colour, lw=2)
        ax.plot(centre, i, "o", color=colour)
        rows[label] = {point: centre, "lower": float(lo), "upper": float(hi)}
    ax.set_yticks(range(len(draws)), list(draws))
    ax.set_ylim(len(draws) - 0.5, -0.5)  # first row on top
    return pd.DataFrame.from_dict(rows, orient="index")
