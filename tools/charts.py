"""Charts on the site: each Altair chart as an iframe that loads Vega from the site.

The runner executes this file's source in every notebook's kernel before the notebook
(then :func:`enable`), so this module imports nothing from the course and the notebooks
need not know they are being built: :func:`helpers.style.setup` keeps a renderer that
is already enabled, and :func:`helpers.style.interactive_charts` then tells the
explorers to show Vega's own sliders instead of ipywidgets.
"""

from __future__ import annotations

import html
import itertools
import json

VEGA_SCRIPTS = (
    "vega/build/vega.min.js",
    "vega-lite/build/vega-lite.min.js",
    "vega-embed/build/vega-embed.min.js",
)
VENDOR_DIR = "_vendor"
RENDERER = "bmlm_site"
# as helpers.style: a chart's default size when its spec names none
WIDTH, HEIGHT = 560, 300
FONT = "DejaVu Sans"
_chart_ids = itertools.count(1)


def chart_html(spec: dict, root: str) -> str:
    """A Vega-Lite spec as an iframe that loads Vega from ``root/_vendor`` (no CDN).

    The iframe keeps Vega away from the page's require.js (which would otherwise claim
    the UMD bundles) and ``srcdoc`` resolves relative URLs against the page, so the
    scripts are shared by every chart on the site.
    """
    scripts = "".join(
        f'<script src="{root}{VENDOR_DIR}/{s}"></script>' for s in VEGA_SCRIPTS
    )
    body = json.dumps(spec).replace("</", "<\\/")
    doc = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        + scripts
        + "<style>body{margin:0;font-family:"
        + FONT
        + ",sans-serif}"
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
        f'<iframe class="bmlm-chart" id="bmlm-chart-{next(_chart_ids)}" '
        f'title="{title}" '
        f'style="display:block;width:100%;max-width:{_spec_width(spec) + 60}px;'
        f'height:{height}px;border:0" '
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
    stacked = (key == "height" and "vconcat" in spec) or (
        key == "width" and "hconcat" in spec
    )
    return sum(sizes) + 20 * (len(sizes) - 1) if stacked else max(sizes)


def _walk_params(spec):
    if isinstance(spec, dict):
        yield from spec.get("params", []) or []
        for v in spec.values():
            if isinstance(v, (dict, list)):
                yield from _walk_params(v)
    elif isinstance(spec, list):
        for v in spec:
            yield from _walk_params(v)


def enable(root: str) -> None:
    """Register and enable the site's renderer in this kernel.

    ``root`` is the URL of the site root, relative to the page.
    """
    import altair as alt

    def render(spec: dict, **_):
        return {"text/html": chart_html(spec, root), "text/plain": "<Altair chart>"}

    alt.renderers.register(RENDERER, render)
    alt.renderers.enable(RENDERER)
