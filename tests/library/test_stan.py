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
