import numpy as np
import pandas as pd
import pytest

from helpers import data, design


def test_course_datasets_have_the_textbook_structure():
    assert design.relationship(data.load("penicillin"), "plate", "sample") == "crossed"
    pastes = data.load("pastes")
    assert (
        design.relationship(pastes, "batch", "cask") == "crossed"
    )  # as coded: a-c in every batch
    assert design.relationship(pastes, "batch", "sample") == "nested"
    assert design.relationship(pastes, "sample", "batch") == "reverse nested"
    hsb = data.load("hsb82_mathach")
    assert design.relationship(hsb, "sector", "school") == "nested"


def test_incidence_counts_every_combination():
    table = design.incidence(data.load("penicillin"), "plate", "sample")
    assert table.shape == (24, 6) and (table.to_numpy() == 1).all()


def test_partially_crossed():
    df = pd.DataFrame({"a": ["x", "x", "y"], "b": ["p", "q", "p"]})
    assert design.relationship(df, "a", "b") == "partially crossed"


def test_nest_matches_the_curated_labels():
    pastes = data.load("pastes")
    labels = design.nest(pastes, "batch", "cask")
    assert (labels.astype(str) == pastes["sample"].astype(str)).all()
    assert list(labels.cat.categories[:4]) == ["A:a", "A:b", "A:c", "B:a"]
    assert design.relationship(pastes.assign(bc=labels), "batch", "bc") == "nested"


def test_group_mean_centre_reproduces_hsb82():
    hsb = data.load("hsb82_mathach")
    split = design.group_mean_centre(hsb, "ses", "school")
    np.testing.assert_allclose(split["ses_between"], hsb["meanses"], atol=1e-12)
    np.testing.assert_allclose(split["ses_within"], hsb["cses"], atol=1e-12)
    assert np.allclose(
        split.groupby(hsb["school"], observed=True)["ses_within"].mean(), 0
    )


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda df: design.relationship(df, "a", "nope"), "missing column"),
        (lambda df: design.relationship(df, "a", "a"), "two different columns"),
        (
            lambda df: design.incidence(df.assign(b=[None, "q", "p"]), "a", "b"),
            "missing values",
        ),
        (lambda df: design.group_mean_centre(df, "b", "a"), "must be numeric"),
        (
            lambda df: design.group_mean_centre(
                df.assign(v=[1.0, np.inf, 2.0]), "v", "a"
            ),
            "infinite",
        ),
        (lambda df: design.nest(df.iloc[:0], "a", "b"), "no rows"),
        (lambda df: design.relationship(df.to_numpy(), "a", "b"), "DataFrame"),
    ],
)
def test_bad_input_raises_clear_errors(call, match):
    df = pd.DataFrame(
        {"a": ["x", "x", "y"], "b": ["p", "q", "p"], "v": [1.0, 2.0, 3.0]}
    )
    with pytest.raises(design.DesignError, match=match):
        call(df)


def test_module_examples_run():
    import doctest

    assert doctest.testmod(design).failed == 0
