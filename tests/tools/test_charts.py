import re
from pathlib import Path

import altair as alt
import pandas as pd

from helpers import style
from tools import charts


def test_chart_html_loads_vega_from_the_site_only():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q")
    html = charts.chart_html(chart.to_dict(), "../../")
    assert "<iframe" in html and "srcdoc=" in html
    assert "../../_vendor/vega/build/vega.min.js" in html
    srcs = re.findall(r"src=&quot;([^&]+)&quot;", html)
    assert srcs and all(not s.startswith(("http:", "https:", "//")) for s in srcs), srcs


def test_chart_html_escapes_script_end_tags():
    html = charts.chart_html({"description": "</script><b>", "mark": "point"}, "")
    assert "</script><b>" not in html


def test_the_site_renderer_is_kept_by_the_notebooks_setup():
    charts.enable("../")
    style.setup()
    assert alt.renderers.active == charts.RENDERER and style.interactive_charts()
    bundle = alt.renderers.get()(
        alt.Chart(pd.DataFrame({"x": [1]})).mark_point().to_dict()
    )
    assert "../_vendor/" in bundle["text/html"]
    alt.renderers.enable("default")


def test_the_charts_source_runs_on_its_own():
    """The runner executes the file's text in a kernel: it may not import the course."""
    source = Path(charts.__file__).read_text()
    assert not re.search(r"^\s*(from|import)\s+(helpers|tools|\.)", source, re.M)
    namespace = {}
    exec(compile(source, "charts.py", "exec"), namespace)
    assert callable(namespace["enable"])
