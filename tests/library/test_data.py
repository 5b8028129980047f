import shutil

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.paths import DATA_DIR, REPO


@pytest.mark.parametrize("name", data.names())
def test_every_dataset_loads_validated(name):
    df = data.load(name)
    ds = data.info(name)
    assert list(df.columns) == list(ds.columns)
    assert len(df) > 0 and not df.isna().any().any()
    for col, kind in ds.columns.items():
        expected = {
            "int": "int64",
            "float": "float64",
            "category": "category",
            "str": "object|str",
        }[kind]
        assert any(
            str(df[col].dtype) == e
            or (e == "str" and pd.api.types.is_string_dtype(df[col]))
            for e in expected.split("|")
        ), (col, df[col].dtype)


def test_registry_matches_files_and_shared_checksums():
    files = {p.name for p in DATA_DIR.iterdir() if p.name != "README.md"}
    assert files == {ds.file for ds in data.REGISTRY.values()}, (
        "every data file is registered, and only those"
    )
    shared = REPO.parent / "shared" / "data" / "MD5SUMS"
    if shared.is_file():  # the curated originals: our copies are byte-identical
        sums = dict(
            line.split()[::-1]
            for line in shared.read_text().splitlines()
            if line.strip()
        )
        for ds in data.REGISTRY.values():
            assert sums[ds.file] == ds.md5, ds.file


def test_data_readme_table_is_generated_from_the_registry():
    from tools import catalogue

    assert (
        catalogue.generated_section(catalogue.README.read_text())
        == data.catalogue_markdown()
    ), "data/README.md is out of date: python -m tools.catalogue"
    for ds in data.REGISTRY.values():
        assert (
            f"`{ds.file}`" in data.catalogue_markdown()
            and ds.md5 in data.catalogue_markdown()
        ), ds.file


def test_registry_refuses_unknown_column_kinds():
    with pytest.raises(
        ValueError, match="unknown column kinds .*'x': 'integer'.*'category'"
    ):
        data.Dataset(
            name="x",
            file="x.csv",
            description="",
            columns={"x": "integer"},
            source="",
            licence="",
            citation="",
            md5="",
        )


def test_known_values():
    sleep = data.load("sleepstudy")
    assert sleep.shape == (180, 3) and sleep["Subject"].nunique() == 18
    rats = data.load("rat_tumors")
    assert (rats["y"].sum(), rats["K"].sum()) == (267, 1739)  # BDA Table 5.1 totals


def test_unknown_name_lists_known_ones():
    with pytest.raises(data.DataError, match="sleepstudy"):
        data.load("sleep_study")
    with pytest.raises(data.DataError, match="unknown dataset"):
        data.info(None)


def test_altered_file_is_refused(tmp_path, monkeypatch):
    shutil.copy(DATA_DIR / "dyestuff.csv", tmp_path / "dyestuff.csv")
    with open(tmp_path / "dyestuff.csv", "a") as fh:
        fh.write('"F",1500\n')
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(data.DataError, match="MD5"):
        data.load("dyestuff")
    (tmp_path / "dyestuff.csv").unlink()
    with pytest.raises(data.DataError, match="missing"):
        data.load("dyestuff")


def test_validate_reports_missing_columns_nans_and_types():
    spec = {"a": "int", "b": "float", "g": "category"}
    good = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5], "g": ["x", "y"]})
    out = data.validate(good, spec)
    assert out["g"].dtype == "category" and out["a"].dtype == "int64"
    with pytest.raises(data.DataError, match=r"missing columns \['g'\]"):
        data.validate(good.drop(columns="g"), spec)
    with pytest.raises(data.DataError, match="unexpected columns"):
        data.validate(good.assign(extra=1), spec)
    with pytest.raises(data.DataError, match="NaN"):
        data.validate(good.assign(b=[np.nan, 1.0]), spec)
    with pytest.raises(data.DataError, match="not int"):
        data.validate(good.assign(a=[1.5, 2.0]), spec)
    with pytest.raises(data.DataError, match="not float"):
        data.validate(good.assign(b=["x", "y"]), spec)
    with pytest.raises(data.DataError, match="DataFrame"):
        data.validate([1, 2], spec)


def test_catalogue_has_provenance_for_all():
    cat = data.catalogue()
    assert list(cat["name"]) == data.names()
    assert cat[["source", "licence", "citation"]].map(bool).all().all()
