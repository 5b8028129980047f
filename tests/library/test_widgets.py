import re

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from helpers import widgets as W

FRAME = pd.DataFrame({"x": [0.0, 1.0, 2.5], "z": [0.3, -1.2, 2.0]})


def formula(text):
    return W.Formula(text, {"x", "z"}, {"a", "b"})


def test_formula_translates_to_vega():
    f = formula("a + b * x ** 2 - abs(z) / sqrt(4)")
    assert (
        f.vega == "((a + (b * pow(datum['x'], 2.0))) - (abs(datum['z']) / sqrt(4.0)))"
    )
    np.testing.assert_allclose(
        f.evaluate(FRAME, {"a": 1.0, "b": 2.0}),
        1 + 2 * FRAME["x"] ** 2 - np.abs(FRAME["z"]) / 2,
    )


@pytest.mark.parametrize(
    "text, match",
    [
        ("a +", "cannot parse"),
        ("c * x", "unknown name 'c'"),
        ("a if x else b", "unsupported"),
        ("0 < x < 1", "unsupported"),
        ("__import__('os')", "unsupported"),
        ("x.real", "unsupported"),
        ("exp(x, base=2)", "keyword"),
    ],
)
def test_formula_rejects_what_it_cannot_translate(text, match):
    with pytest.raises(W.ExplorerError, match=match):
        formula(text)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"name": "1x"}, "identifier"),
        ({"min": 2, "max": 1}, "below"),
        ({"value": 9}, "outside"),
        ({"step": 0}, "step"),
    ],
)
def test_slider_validation(kwargs, match):
    with pytest.raises(W.ExplorerError, match=match):
        W.Slider(**{"name": "s", "min": 0, "max": 5, "value": 1, "step": 0.1, **kwargs})


def test_explorer_rejects_bad_specs():
    s = W.Slider("a", 0, 1, 0.5, 0.1)
    draw = lambda base, names: base.mark_point()  # noqa: E731
    with pytest.raises(W.ExplorerError, match="missing"):
        W.Explorer([s], FRAME.assign(x=[np.nan, 1, 2]), {"y": "a * x"}, draw)
    with pytest.raises(W.ExplorerError, match="twice"):
        W.Explorer([s], FRAME.assign(a=1.0), {"y": "a * x"}, draw)
    with pytest.raises(W.ExplorerError, match="duplicate"):
        W.Explorer([s, s], FRAME, {"y": "a * x"}, draw)
    with pytest.raises(W.ExplorerError, match="non-empty"):
        W.Explorer([s], FRAME.iloc[:0], {"y": "a * x"}, draw)
    e = W.Explorer([s], FRAME, {"y": "a * x"}, draw)
    with pytest.raises(W.ExplorerError, match="unknown sliders"):
        e.compute(b=1)


def _texts(svg):
    # d3-format writes negative numbers with a Unicode minus sign
    return [
        float(t.replace("\u2212", "-"))
        for t in re.findall(r">([-\u2212]?\d+\.\d{6})<", svg)
    ]


def test_both_faces_compute_the_same_numbers():
    """The Vega face (evaluated by vl-convert's Vega engine) equals the numpy face."""
    sliders = [W.Slider("a", -5, 5, 1.5, 0.5), W.Slider("b", 0, 3, 0.7, 0.1)]
    formulas = {
        "y": "a + b * exp(x / 2) - z ** 2",
        "w": "max(y, 0) + min(x, 1) + (z > 0) - 2 * (x <= 1)",
    }

    def draw(base, names):
        return base.mark_text().encode(
            y=alt.Y("x:O"), text=alt.Text("w:Q", format=".6f")
        )

    e = W.Explorer(sliders, FRAME, formulas, draw)
    svg = vlc.vegalite_to_svg(e.chart().to_dict())
    np.testing.assert_allclose(sorted(_texts(svg)), sorted(e.compute()["w"]), atol=2e-6)
    # and with the sliders moved, through the static chart the kernel face draws
    svg2 = vlc.vegalite_to_svg(e.static_chart(a=-2.0, b=2.0).to_dict())
    np.testing.assert_allclose(
        sorted(_texts(svg2)), sorted(e.compute(a=-2.0, b=2.0)["w"]), atol=2e-6
    )


def test_prior_predictive_lines():
    e = W.prior_predictive_lines(
        np.arange(5),
        intercept_loc=10.0,
        intercept_scale=W.Slider("sa", 0, 5, 1, 1),
        slope_loc=0.0,
        slope_scale=W.Slider("sb", 0, 5, 0, 1),
        n_lines=7,
        seed=1,
        per_line={"r": np.zeros(7)},
        reference=(0, 20),
        title="t",
    )
    out = e.compute(sa=0.0)
    assert len(out) == 35 and np.allclose(
        out["y"], 10.0
    )  # zero prior sds: every line is flat at 10
    spec = e.chart().to_dict()
    assert {p["name"] for p in spec["params"]} == {"sa", "sb"}
    vlc.vegalite_to_svg(spec)  # the Vega expressions run
    with pytest.raises(W.ExplorerError, match="per_line"):
        W.prior_predictive_lines(
            np.arange(3),
            intercept_loc=0,
            intercept_scale=W.Slider("sa", 0, 1, 1, 1),
            slope_loc=0,
            slope_scale=W.Slider("sb", 0, 1, 1, 1),
            n_lines=3,
            per_line={"r": [0.0, 1.0]},
        )
    with pytest.raises(W.ExplorerError, match="x must"):
        W.prior_predictive_lines(
            [1.0],
            intercept_loc=0,
            intercept_scale=W.Slider("sa", 0, 1, 1, 1),
            slope_loc=0,
            slope_scale=W.Slider("sb", 0, 1, 1, 1),
        )


def test_widget_face_builds_sliders():
    e = W.Explorer(
        [W.Slider("a", 0, 1, 0.5, 0.1, "slope")],
        FRAME,
        {"y": "a * x"},
        lambda base, names: base.mark_point().encode(x="x:Q", y="y:Q"),
    )
    box = e.widget()
    assert box.children[0].description == "slope" and box.children[0].value == 0.5


def test_shrinkage_explorer_matches_its_numpy_reference():
    y, sigma = (
        np.array([28.0, 8, -3, 7, -1, 1, 18, 12]),
        np.array([15.0, 10, 16, 11, 9, 11, 10, 18]),
    )
    e = W.shrinkage(list("ABCDEFGH"), y, sigma, tau=W.Slider("tau", 0.1, 40, 10, 0.1))

    # the Vega face, evaluated by Vega: read the estimates back as text marks
    def draw_numbers(base, names):
        return (
            W.shrunk_estimates(base)
            .mark_text()
            .encode(y=alt.Y("group:N"), text=alt.Text("estimate:Q", format=".6f"))
        )

    probe = W.Explorer(e.sliders, e.data, e.formulas, draw_numbers)
    expected, mu = W.shrinkage_estimates(y, sigma, 10.0)
    np.testing.assert_allclose(
        sorted(_texts(vlc.vegalite_to_svg(probe.chart().to_dict()))),
        sorted(expected),
        atol=1e-5,
    )
    vlc.vegalite_to_svg(e.chart().to_dict())  # the real chart renders
    tiny, mu_tiny = W.shrinkage_estimates(y, sigma, 1e-4)
    assert np.allclose(tiny, mu_tiny, atol=1e-3)  # tau -> 0: complete pooling
    assert np.allclose(
        W.shrinkage_estimates(y, sigma, 1e4)[0], y, atol=1e-2
    )  # tau large: no pooling
    with pytest.raises(W.ExplorerError, match="above 0"):
        W.shrinkage(["a", "b"], [1, 2], [1, 1], tau=W.Slider("tau", 0, 1, 0.5, 0.1))
    with pytest.raises(W.ExplorerError, match="sigma positive"):
        W.shrinkage(["a", "b"], [1, 2], [1, -1], tau=W.Slider("tau", 0.1, 1, 0.5, 0.1))


def test_sampler_path_explorer():
    path = np.column_stack([np.arange(5.0), np.arange(5.0) ** 2])
    e = W.sampler_path(path, np.zeros((3, 2)) + 1.0, names=("a", "b"))
    shown = e.compute(steps=3)
    assert (
        shown["shown"].sum() == 3
        and shown.loc[shown["is_path"] == 0, "shown"].sum() == 0
    )
    vlc.vegalite_to_svg(e.chart().to_dict())
    vlc.vegalite_to_svg(e.static_chart(steps=5).to_dict())
    with pytest.raises(W.ExplorerError, match="finite"):
        W.sampler_path(path, np.array([[np.nan, 1.0]]))
    with pytest.raises(W.ExplorerError, match=r"\(n, 2\)"):
        W.sampler_path(path[:1], np.zeros((3, 2)))
