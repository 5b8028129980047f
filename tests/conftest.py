"""Shared fixtures: the repository on sys.path and a throw-away cache folder."""

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch):
    """Point the course cache at an empty temporary folder for one test."""
    monkeypatch.setenv("BMLM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"
