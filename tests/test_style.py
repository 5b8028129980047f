import re

import altair as alt
import matplotlib as mpl
import pandas as pd

from helpers import style


def test_chart_html_loads_vega_from_the_site_only():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q")
    html = style.chart_html(chart.to_dict(), "../../")
    assert "<iframe" in html and "srcdoc=" in html
    assert "../../_vendor/vega/build/vega.min.js" in html
    srcs = re.findall(r'src=&quot;([^&]+)&quot;', html)
    assert srcs and all(not s.startswith(("http:", "https:", "//")) for s in srcs), srcs


def test_chart_html_escapes_script_end_tags():
    html = style.chart_html({"description": "</script><b>", "mark": "point"}, "")
    assert "</script><b>" not in html


def test_setup_applies_the_theme_and_renderer(monkeypatch):
    monkeypatch.delenv("BMLM_SITE_ROOT", raising=False)
    style.setup()
    assert alt.theme.active == "bmlm" and alt.renderers.active == "svg"
    assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][0] == style.PALETTE[0]
    monkeypatch.setenv("BMLM_SITE_ROOT", "../")
    style.setup()
    assert alt.renderers.active == "bmlm_site"
    bundle = alt.renderers.get()(alt.Chart(pd.DataFrame({"x": [1]})).mark_point().to_dict())
    assert "../_vendor/" in bundle["text/html"]
    alt.renderers.enable("default")


def test_interval_plot_rows_and_errors():
    import matplotlib.pyplot as plt
    import numpy as np
    import pytest

    rng = np.random.default_rng(1)
    fig, ax = plt.subplots()
    table = style.interval_plot(ax, {"a": rng.normal(0, 1, 4000), "b": rng.normal(5, 2, (4, 1000))}, prob=0.95)
    assert list(table.index) == ["a", "b"] and list(table.columns) == ["mean", "lower", "upper"]
    assert abs(table.loc["b", "lower"] - (5 - 1.96 * 2)) < 0.3 and ax.get_ylim()[0] > ax.get_ylim()[1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    with pytest.raises(ValueError, match="prob"):
        style.interval_plot(ax, {"a": [1.0]}, prob=95)
    with pytest.raises(ValueError, match="point"):
        style.interval_plot(ax, {"a": [1.0]}, prob=0.9, point="mode")
    with pytest.raises(ValueError, match="finite"):
        style.interval_plot(ax, {"a": [np.nan]}, prob=0.9)
    plt.close(fig)
