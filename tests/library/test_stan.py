import os
from pathlib import Path

import pytest

from helpers import stan

MODELS = stan.names()


def test_there_are_models_and_names_are_checked():
    assert "sleepstudy_varying_slopes" in MODELS
    for bad in [
        "nope",
        "../stan/sleepstudy_varying_slopes",
        "sleepstudy_varying_slopes.stan",
        "",
        None,
    ]:
        with pytest.raises(stan.StanModelError):
            stan.path(bad)
    with pytest.raises(
        stan.StanModelError, match="known models: .*sleepstudy_varying_slopes"
    ):
        stan.code("sleep")


def test_missing_cmdstan_names_the_ways_to_get_one(tmp_path, monkeypatch, tmp_cache):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.cmdstan
    monkeypatch.setenv("CMDSTAN", str(tmp_path / "nothing"))
    assert stan.find_cmdstan() is None
    with pytest.raises(
        stan.CmdStanNotFound,
        match=r"CMDSTAN=.*nothing.*tools/course.sh setup.*install_cmdstan",
    ):
        stan.model("sleepstudy_varying_slopes")


def test_is_cmdstan(tmp_path):
    assert not stan.is_cmdstan(None) and not stan.is_cmdstan(tmp_path)
    (tmp_path / "bin").mkdir()
    (tmp_path / "makefile").write_text("")
    for exe in ("stanc", "stansummary"):
        (tmp_path / "bin" / exe).write_text("#!/bin/sh\n")
        (tmp_path / "bin" / exe).chmod(0o755)
    assert stan.is_cmdstan(tmp_path)


@pytest.mark.slow
def test_model_compiles_into_the_cache():
    model = stan.model("sleepstudy_varying_slopes")
    exe = Path(model.exe_file)
    assert os.access(exe, os.X_OK)
    assert not str(exe).startswith(str(stan.STAN_DIR.parent)), (
        "executables live outside the repository"
    )
    assert (
        stan.model("sleepstudy_varying_slopes").exe_file == model.exe_file
    )  # cached, not rebuilt


def _rejection(*exceptions):
    where = " (in 'model.stan', line 35, column 4 to column 40)"
    lines = [stan.REJECTED + ":"] + [f"Exception: {e}{where}" for e in exceptions]
    return "\n".join(lines + ["Consider re-running with show_console=True"])


NUMERICAL = [
    "normal_lpdf: Scale parameter is 0, but must be positive!",
    "offset_multiplier_constrain: multiplier is 0, but must be positive finite!",
    "normal_lpdf: Location parameter[3] is -nan, but must be finite!",
    "normal_id_glm_lpdf: Scale vector is inf, but must be positive finite!",
    "cholesky_decompose: Matrix m is not positive definite",
    "ordered_logistic: Cut-points is not a valid ordered vector. The element at 3 is "
    "-51.0201, but should be greater than the previous element, -51.0201",
]
KEPT = [
    "lognormal_lpdf: Random variable is -1, but must be nonnegative!",
    "normal_lpdf: Scale parameter is -0.5, but must be positive!",
    "ordered_logistic: Cut-points is not a valid ordered vector. The element at 2 is "
    "1.5, but should be greater than the previous element, 2.5",
]


@pytest.fixture
def cmdstanpy_records(monkeypatch):
    import logging

    logger = logging.getLogger("cmdstanpy")
    monkeypatch.setattr(logger, "filters", [])
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Keep()
    logger.addHandler(handler)
    yield logger, seen
    logger.removeHandler(handler)


def test_hide_rejections_hides_only_floating_point_ones(cmdstanpy_records):
    logger, seen = cmdstanpy_records
    stan.hide_rejections()
    stan.hide_rejections()
    assert len(logger.filters) == 1
    for exception in NUMERICAL:
        logger.warning(_rejection(exception))
    logger.warning(_rejection(*NUMERICAL))
    assert seen == []
    for exception in KEPT:
        logger.warning(_rejection(exception))
    logger.warning(_rejection(NUMERICAL[0], KEPT[0]))  # one real problem is enough
    logger.warning("Chain [1] finished with a non-zero return code")
    assert len(seen) == len(KEPT) + 2
