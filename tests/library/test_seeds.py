import pytest

import helpers
from helpers.seeds import SWEEP_ENV


def test_shipped_seed_unless_the_sweep_asks(monkeypatch):
    monkeypatch.delenv(SWEEP_ENV, raising=False)
    assert helpers.seed(1993) == 1993
    monkeypatch.setenv(SWEEP_ENV, "0")
    assert helpers.seed(1993) == 1993
    monkeypatch.setenv(SWEEP_ENV, "1")
    first = helpers.seed(1993)
    monkeypatch.setenv(SWEEP_ENV, "2")
    second = helpers.seed(1993)
    assert len({1993, first, second}) == 3
    assert helpers.seed(1994) not in (
        first,
        second,
    )  # each notebook its own alternatives
    monkeypatch.setenv(SWEEP_ENV, "1")
    assert helpers.seed(1993) == first  # and the same ones every time
    assert 0 <= first < 2**31


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_bad_sweep_values_are_named(monkeypatch, value):
    monkeypatch.setenv(SWEEP_ENV, value)
    with pytest.raises(
        ValueError, match=f"BMLM_SEED_SWEEP must be a whole number >= 0.*{value!r}"
    ):
        helpers.seed(1)


@pytest.mark.parametrize("shipped", [-1, 2**31, 1.0, "7", True])
def test_bad_shipped_seeds_are_named(shipped):
    with pytest.raises(
        ValueError, match="a shipped seed is an integer from 0 to 2147483647"
    ):
        helpers.seed(shipped)
