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
