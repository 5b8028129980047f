import os
from pathlib import Path

from helpers import paths


def test_cache_root_honours_BMLM_CACHE(tmp_cache):
    assert paths.cache_root() == tmp_cache and tmp_cache.is_dir()
    assert paths.cache_dir("a", "b") == tmp_cache / "a" / "b"


def test_content_hash_tracks_content_and_names(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "f.txt").write_text("one")
    h1 = paths.content_hash(d)
    (d / "f.txt").write_text("two")
    h2 = paths.content_hash(d)
    (d / "f.txt").rename(d / "g.txt")
    h3 = paths.content_hash(d)
    (d / "__pycache__").mkdir()
    (d / "__pycache__" / "x.pyc").write_bytes(b"ignored")
    assert len({h1, h2, h3}) == 3 and paths.content_hash(d) == h3
    assert paths.content_hash("a", b"b") != paths.content_hash("ab")


def test_compiler_caches_go_outside_the_repo(tmp_cache, monkeypatch):
    monkeypatch.delenv("PYTENSOR_FLAGS", raising=False)
    env = paths.compiler_cache_env()
    assert f"compiledir={tmp_cache / 'pytensor'}" in env["PYTENSOR_FLAGS"]
    assert "blas__ldflags=" in env["PYTENSOR_FLAGS"]
    assert Path(env["NUMBA_CACHE_DIR"]).is_relative_to(tmp_cache)
    monkeypatch.setenv("PYTENSOR_FLAGS", "floatX=float64,compiledir=/x")
    flags = paths.compiler_cache_env()["PYTENSOR_FLAGS"].split(",")
    assert "compiledir=/x" in flags and "floatX=float64" in flags and sum(f.startswith("compiledir") for f in flags) == 1


def test_import_points_pytensor_at_the_cache():
    import helpers  # noqa: F401

    assert "compiledir=" in os.environ["PYTENSOR_FLAGS"]
