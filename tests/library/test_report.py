import numpy as np
import pytest
import xarray as xr

from helpers import report


def test_plain_converts_numpy_and_xarray_scalars():
    assert type(report.plain(np.float64(1.5))) is float
    assert type(report.plain(np.int64(3))) is int
    assert report.plain(xr.DataArray(2.5)) == 2.5
    assert report.plain(np.array(4.0)) == 4.0
    assert report.plain("332") == "332"


def test_plain_rejects_arrays_nonfinite_and_objects():
    with pytest.raises(ValueError, match="array"):
        report.plain(np.arange(3))
    with pytest.raises(ValueError, match="non-finite"):
        report.plain(np.nan)
    with pytest.raises(TypeError):
        report.plain([1, 2])


def test_glue_interval_takes_a_computed_interval_and_refuses_a_malformed_one():
    import arviz as az
    import pandas as pd

    draws = np.random.default_rng(1).normal(size=(4, 500))
    row = az.summary(
        az.from_dict({"posterior": {"mu": draws}}),
        kind="stats",
        ci_prob=0.9,
        ci_kind="eti",
        round_to="none",
    ).loc["mu"]
    mean, lo, hi = report.glue_interval("mu", row)
    assert mean == row["mean"] and (lo, hi) == (row["eti90_lb"], row["eti90_ub"])
    assert report.glue_interval("x", (1.0, 0.5, 2.0)) == (1.0, 0.5, 2.0)
    with pytest.raises(ValueError, match="one \\*_lb/\\*_ub pair"):
        report.glue_interval("x", pd.Series({"mean": 1.0, "sd": 2.0}))
    with pytest.raises(ValueError, match="lower <= mean <= upper"):
        report.glue_interval("x", (1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="finite"):
        report.glue_interval("x", (np.nan, 0.0, 1.0))
    with pytest.raises(ValueError, match="got 2 values"):
        report.glue_interval("x", (0.0, 1.0))
