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


def test_glue_interval_requires_a_stated_probability():
    with pytest.raises(ValueError, match="prob"):
        report.glue_interval("x", np.arange(10.0), prob=1.5)
    with pytest.raises(ValueError, match="finite"):
        report.glue_interval("x", np.array([1.0, np.nan]), prob=0.9)
