"""Shared fixtures: a throw-away cache folder.

PyMC in the test process compiles into the course cache. ``tests/library`` tests what
the notebooks import (``helpers``), ``tests/tools`` the build (``tools``: provisioning,
execution, the site, the seed sweep) and the notebooks themselves.
"""

import os

import pytest

from tools.environment import compiler_cache_env

# as in the notebooks' kernels, before anything imports pytensor
os.environ.update(compiler_cache_env())


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch):
    """Point the course cache at an empty temporary folder for one test."""
    monkeypatch.setenv("BMLM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"
