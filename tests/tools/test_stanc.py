from pathlib import Path

import pytest

from helpers import stan
from tools import cmdstan, stanc

MODELS = stan.names()


@pytest.fixture(scope="session")
def cmdstan_home():
    return cmdstan.ensure_cmdstan()


@pytest.mark.parametrize("name", MODELS)
def test_compiles_with_current_stanc(name):
    """Stan 2.39 syntax: the program also works on a learner's newest CmdStan."""
    stanc.stanc_check(name, stanc.current_stanc())


@pytest.mark.parametrize("name", MODELS)
def test_compiles_with_the_course_cmdstan(name, cmdstan_home):
    stanc.stanc_check(name, Path(cmdstan_home) / "bin" / "stanc")


def test_stanc_check_reports_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(stan, "STAN_DIR", tmp_path)
    (tmp_path / "broken.stan").write_text(
        "parameters { real mu } model { mu ~ normal(0, 1); }"
    )
    with pytest.raises(stan.StanModelError, match="does not compile"):
        stanc.stanc_check("broken", stanc.current_stanc())
    (tmp_path / "old.stan").write_text(
        "data { int n; real y[n]; } parameters { real mu; } "
        "model { y ~ normal(mu, 1); }"
    )
    with pytest.raises(stan.StanModelError):
        stanc.stanc_check("old", stanc.current_stanc())  # pre-2.26 array syntax is gone
