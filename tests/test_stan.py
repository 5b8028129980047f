import os
from pathlib import Path

import pytest

from helpers import cmdstan, stan

MODELS = stan.names()


def test_there_are_models_and_names_are_checked():
    assert "sleepstudy_varying_slopes" in MODELS
    for bad in ["nope", "../stan/sleepstudy_varying_slopes", "sleepstudy_varying_slopes.stan", "", None]:
        with pytest.raises(stan.StanModelError):
            stan.path(bad)
    with pytest.raises(stan.StanModelError, match="known models: .*sleepstudy_varying_slopes"):
        stan.code("sleep")


@pytest.fixture(scope="session")
def cmdstan_home():
    return cmdstan.ensure_cmdstan()


@pytest.mark.parametrize("name", MODELS)
def test_compiles_with_current_stanc(name):
    """Stan 2.39 syntax: the program also works on a learner's newest CmdStan."""
    stan.stanc_check(name, stan.current_stanc())


@pytest.mark.parametrize("name", MODELS)
def test_compiles_with_the_course_cmdstan(name, cmdstan_home):
    stan.stanc_check(name, Path(cmdstan_home) / "bin" / "stanc")


def test_stanc_check_reports_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(stan, "STAN_DIR", tmp_path)
    (tmp_path / "broken.stan").write_text("parameters { real mu } model { mu ~ normal(0, 1); }")
    with pytest.raises(stan.StanModelError, match="does not compile"):
        stan.stanc_check("broken", stan.current_stanc())
    (tmp_path / "old.stan").write_text("data { int n; real y[n]; } parameters { real mu; } model { y ~ normal(mu, 1); }")
    with pytest.raises(stan.StanModelError):
        stan.stanc_check("old", stan.current_stanc())  # pre-2.26 array syntax is gone


@pytest.mark.slow
def test_model_compiles_into_the_cache(cmdstan_home):
    model = stan.model("sleepstudy_varying_slopes")
    exe = Path(model.exe_file)
    assert os.access(exe, os.X_OK)
    assert not str(exe).startswith(str(stan.STAN_DIR.parent)), "executables live outside the repository"
    assert stan.model("sleepstudy_varying_slopes").exe_file == model.exe_file  # cached, not rebuilt
