import json

import numpy as np
import pandas as pd

from helpers import checks
from tools import sweep


def _report(**kw):
    fields = {
        "label": "Pastes, PyMC",
        "chains": 4,
        "draws": 1000,
        "max_rhat": 1.004,
        "max_rhat_at": "a[1]",
        "min_ess_bulk": 812.0,
        "min_ess_bulk_at": "sigma_a",
        "min_ess_tail": 455.0,
        "min_ess_tail_at": "b[2]",
        "divergences": 0,
        "max_treedepth_hits": 0,
        "min_bfmi": 0.81,
    }
    fields.update(kw)
    return checks.ConvergenceReport(**fields)


def test_reports_are_read_back_from_an_executed_notebook(tmp_path):
    ok = _report()
    bad = _report(
        label="centred: a, b", divergences=12, min_bfmi=None, max_treedepth_hits=None
    )
    bad.fail("divergences", "12 divergent transitions (allowed 0)")
    patho = _report(label="funnel", max_treedepth_hits=45)
    patho.fail("treedepth", "45 transitions stopped at the maximum tree depth 10")
    patho.expected_failure = True
    text = f"noise\n{ok}\n{bad}\n{patho}\n"
    nb = {
        "cells": [
            {"cell_type": "code", "outputs": [{"output_type": "stream", "text": text}]}
        ]
    }
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb))
    rows = sweep.reports(path)
    assert [r["status"] for r in rows] == ["ok", "FAILED", "pathology"]
    assert (
        rows[0]["label"] == "Pastes, PyMC"
        and rows[0]["ess_tail"] == 455
        and rows[0]["bfmi"] == 0.81
    )
    assert (
        rows[1]["label"] == "centred: a, b"
        and rows[1]["divergences"] == 12
        and rows[1]["bfmi"] is None
    )
    assert rows[2]["treedepth"] == 45


def test_summary_takes_the_worst_seed_and_ranks_thin_margins_first():
    fits = pd.DataFrame(
        [
            {
                "notebook": "a",
                "seed": 0,
                "label": "wide",
                "status": "ok",
                "rhat": 1.001,
                "ess_bulk": 2000,
                "ess_tail": 1800,
                "divergences": 0,
                "bfmi": 0.9,
                "treedepth": 0,
            },
            {
                "notebook": "a",
                "seed": 1,
                "label": "wide",
                "status": "ok",
                "rhat": 1.002,
                "ess_bulk": 1500,
                "ess_tail": 1700,
                "divergences": 0,
                "bfmi": 0.8,
                "treedepth": 0,
            },
            {
                "notebook": "b",
                "seed": 0,
                "label": "thin",
                "status": "ok",
                "rhat": 1.003,
                "ess_bulk": 900,
                "ess_tail": 650,
                "divergences": 0,
                "bfmi": 0.7,
                "treedepth": 0,
            },
            {
                "notebook": "b",
                "seed": 1,
                "label": "thin",
                "status": "FAILED",
                "rhat": 1.012,
                "ess_bulk": 380,
                "ess_tail": 420,
                "divergences": 2,
                "bfmi": 0.5,
                "treedepth": 0,
            },
            {
                "notebook": "b",
                "seed": 1,
                "label": "funnel",
                "status": "pathology",
                "rhat": 1.2,
                "ess_bulk": 30,
                "ess_tail": 20,
                "divergences": 9,
                "bfmi": 0.1,
                "treedepth": 40,
            },
        ]
    )
    worst = sweep.summarise(fits)
    assert list(worst.index.get_level_values("label")) == [
        "thin",
        "wide",
    ]  # pathologies are not gated fits
    thin = worst.iloc[0]
    assert (
        thin["failed"] == 1
        and thin["max_rhat"] == 1.012
        and thin["min_ess_bulk"] == 380
    )
    assert thin["max_divergences"] == 2 and np.isclose(
        thin["margin"], 0.005 / 0.012
    )  # R-hat is the thinnest here
    assert worst.iloc[1]["margin"] > 1
