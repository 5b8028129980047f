import altair as alt
import matplotlib as mpl

from helpers import style


def test_setup_applies_the_theme_and_keeps_a_chosen_renderer():
    alt.renderers.enable("default")
    style.setup()
    assert (
        alt.theme.active == "bmlm"
        and alt.renderers.active == "svg"
        and not style.interactive_charts()
    )
    assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][0] == style.PALETTE[0]
    alt.renderers.enable("html")  # chosen before setup (the site build enables its own)
    style.setup()
    assert alt.renderers.active == "html" and style.interactive_charts()
    alt.renderers.enable("default")


def test_interval_plot_rows_and_errors():
    import matplotlib.pyplot as plt
    import numpy as np
    import pytest

    rng = np.random.default_rng(1)
    fig, ax = plt.subplots()
    table = style.interval_plot(
        ax, {"a": rng.normal(0, 1, 4000), "b": rng.normal(5, 2, (4, 1000))}, prob=0.95
    )
    assert list(table.index) == ["a", "b"] and list(table.columns) == [
        "mean",
        "lower",
        "upper",
    ]
    assert (
        abs(table.loc["b", "lower"] - (5 - 1.96 * 2)) < 0.3
        and ax.get_ylim()[0] > ax.get_ylim()[1]
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    with pytest.raises(ValueError, match="prob"):
        style.interval_plot(ax, {"a": [1.0]}, prob=95)
    with pytest.raises(ValueError, match="point"):
        style.interval_plot(ax, {"a": [1.0]}, prob=0.9, point="mode")
    with pytest.raises(ValueError, match="finite"):
        style.interval_plot(ax, {"a": [np.nan]}, prob=0.9)
    plt.close(fig)
