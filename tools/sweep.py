"""The seed sweep: execute notebooks under alternative seeds, tabulate every gated fit.

``bash tools/course.sh sweep [--seeds N] [notebook ...]`` (this module) executes each
notebook that takes its seed from :func:`helpers.seed` with ``BMLM_SEED_SWEEP=k`` for
k = 1..N, two at a time, into ``<cache>/sweep/`` (apart from the site's executed
notebooks), keyed by content, so a second sweep re-executes only what changed. The
shipped seed (k = 0) is taken from the site's cache, executed if missing. It then
prints

* notebook x seed: pass or FAIL (with the failing cell's first line), and
* per gated fit, the worst value across seeds of max R-hat, min bulk and tail ESS,
  divergences, min E-BFMI and tree-depth hits, thinnest margins first,

and writes one CSV row per fit and seed. A fit passes "by a hair" when its worst R-hat
exceeds 1.005 or an ESS falls below 600 (1.5 times the gate's 400).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from helpers.paths import REPO, cache_dir, content_hash
from helpers.seeds import SWEEP_ENV

from .runner import (
    NotebookError,
    dependencies_key,
    execute,
    notebooks,
    run_notebook,
    timings,
)

REPORT = re.compile(
    r"^(?P<label>.*?): (?P<chains>\d+) chains x (?P<draws>\d+) draws"
    r" \| max R-hat (?P<rhat>[\d.]+|nan) \(.*?\)"
    r" \| min bulk ESS (?P<ess_bulk>[\d.]+|nan) \(.*?\)"
    r" \| min tail ESS (?P<ess_tail>[\d.]+|nan) \(.*?\)"
    r" \| divergences (?P<divergences>\d+)(?: \| min E-BFMI (?P<bfmi>[\d.]+))?"
    r"(?: \| max tree depth hit (?P<treedepth>\d+) times)? -> (?P<verdict>.*)$"
)
THIN_RHAT, THIN_ESS = 1.005, 600


def reports(executed: Path) -> list[dict]:
    """Every convergence report printed in an executed notebook, as dicts.

    One dict per line that :data:`REPORT` matches, with its groups typed and a
    ``status``: ``"ok"``, ``"pathology"`` or ``"FAILED"``.
    """
    nb = json.loads(executed.read_text())
    rows = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            text = out.get("text", "")
            for line in (
                "".join(text) if isinstance(text, list) else text
            ).splitlines():
                m = REPORT.match(line.strip())
                if m:
                    row = m.groupdict()
                    for k in ("rhat", "ess_bulk", "ess_tail", "bfmi"):
                        row[k] = float(row[k]) if row[k] is not None else None
                    for k in ("chains", "draws", "divergences", "treedepth"):
                        row[k] = int(row[k]) if row[k] is not None else None
                    row["status"] = (
                        "ok"
                        if row["verdict"] == "ok"
                        else "pathology"
                        if row["verdict"].startswith("pathology confirmed")
                        else "FAILED"
                    )
                    rows.append(row)
    return rows


def _sweep_one(nb: Path, k: int, deps: str) -> tuple[Path | None, str | None, float]:
    """Execute ``nb`` under alternative seed ``k``.

    ``k = 0`` is the shipped seed, executed through the site's cache.
    """
    start = time.monotonic()
    if k == 0:
        try:
            return execute(nb, deps), None, time.monotonic() - start
        except NotebookError as exc:
            return None, str(exc), time.monotonic() - start
    rel = nb.relative_to(REPO).with_suffix("")
    key = content_hash(nb.read_bytes(), deps)
    target = (
        cache_dir("sweep", f"seed-{k}", *rel.parent.parts) / f"{rel.name}-{key}.ipynb"
    )
    if target.is_file():
        failed = (
            json.loads(target.read_text())["metadata"].get("bmlm", {}).get("failed")
        )
        error = target.with_suffix(".error").read_text() if failed else None
        return target, error, 0.0
    try:
        run_notebook(nb, target, keep_failed=True, **{SWEEP_ENV: str(k)})
        return target, None, time.monotonic() - start
    except NotebookError as exc:
        target.with_suffix(".error").write_text(str(exc))
        return target, str(exc), time.monotonic() - start


def _first_error_line(error: str) -> str:
    lines = [
        ln
        for ln in error.splitlines()
        if re.match(r"^\w*(Error|Exception)\b", ln.strip())
    ]
    return (lines[-1] if lines else error.splitlines()[-1]).strip()[:160]


def sweep(seeds: int = 5, only: list[str] | None = None, jobs: int = 2):
    """Run the sweep; return (per-run table, per-fit table) as pandas DataFrames."""
    import pandas as pd

    nbs = notebooks()
    if only:
        nbs = [nb for nb in nbs if any(o in str(nb) for o in only)]
        if not nbs:
            raise SystemExit(
                f"no notebook matches {only}; see `python -m tools.runner list`"
            )
    deps = dependencies_key()
    # a notebook that draws no seed from helpers.seed is the same under every seed
    jobs_list = [
        (nb, k)
        for k in range(seeds + 1)
        for nb in nbs
        if k == 0 or "helpers.seed(" in nb.read_text()
    ]
    last = timings()
    expected = {
        (nb, k): last.get(str(nb.relative_to(REPO)), 60.0) for nb, k in jobs_list
    }
    remaining = sum(expected.values()) / max(1, jobs)
    runs, fits, done = [], [], 0
    print(
        f"[sweep] {len(nbs)} notebooks, {len(jobs_list)} executions: "
        f"the shipped seed and {seeds} alternatives "
        "for each notebook that uses helpers.seed, "
        f"{jobs} at a time; about {remaining / 60:.0f} min if nothing is cached",
        flush=True,
    )
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(_sweep_one, nb, k, deps): (nb, k) for nb, k in jobs_list}
        for fut in as_completed(futures):
            nb, k = futures[fut]
            executed, error, seconds = fut.result()
            done += 1
            remaining = max(0.0, remaining - expected[(nb, k)] / max(1, jobs))
            name = nb.stem
            status = "ok" if error is None else "FAIL"
            print(
                f"[sweep] [{done}/{len(jobs_list)}] {name} seed {k}: {status}"
                + (f" ({_first_error_line(error)})" if error else "")
                + f" in {seconds:.0f} s; about {remaining / 60:.0f} min left",
                flush=True,
            )
            runs.append(
                {
                    "notebook": name,
                    "seed": k,
                    "status": status,
                    "error": _first_error_line(error) if error else "",
                }
            )
            for row in reports(executed) if executed is not None else []:
                fits.append({"notebook": name, "seed": k, **row})
    return pd.DataFrame(runs), pd.DataFrame(fits)


def summarise(fits):
    """Per gated fit, each diagnostic's worst across seeds; thinnest margins first."""
    import numpy as np

    gated = fits[fits["status"] != "pathology"]
    worst = gated.groupby(["notebook", "label"], sort=False).agg(
        seeds=("seed", "nunique"),
        failed=("status", lambda s: int((s == "FAILED").sum())),
        max_rhat=("rhat", "max"),
        min_ess_bulk=("ess_bulk", "min"),
        min_ess_tail=("ess_tail", "min"),
        max_divergences=("divergences", "max"),
        min_bfmi=("bfmi", "min"),
        max_treedepth_hits=("treedepth", "max"),
    )
    margin = np.minimum.reduce(
        [
            worst["min_ess_bulk"] / THIN_ESS,
            worst["min_ess_tail"] / THIN_ESS,
            (THIN_RHAT - 1) / np.maximum(worst["max_rhat"] - 1, 1e-9),
        ]
    )
    worst["margin"] = margin
    return worst.sort_values("margin")


def main(argv: list[str] | None = None) -> int:
    import pandas as pd

    parser = argparse.ArgumentParser(
        prog="bash tools/course.sh sweep", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "only", nargs="*", help="substrings of notebook paths (default: every notebook)"
    )
    parser.add_argument(
        "--seeds",
        type=int,
        default=5,
        help="alternative seeds besides the shipped one (5)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=2, help="notebooks at a time (2)"
    )
    parser.add_argument(
        "--csv", type=Path, default=None, help="where to write the per-fit CSV"
    )
    args = parser.parse_args(argv)
    if args.seeds < 1:
        parser.error(f"--seeds must be at least 1, got {args.seeds}")
    start = time.monotonic()
    runs, fits = sweep(args.seeds, args.only, args.jobs)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 500)
    grid = runs.pivot(index="notebook", columns="seed", values="status").fillna("-")
    print("\nnotebook x seed (0 = the shipped seed):\n" + grid.to_string())
    for r in runs[runs["status"] != "ok"].itertuples():
        print(f"  {r.notebook}, seed {r.seed}: {r.error}")
    csv = args.csv or cache_dir("sweep") / "sweep.csv"
    fits.to_csv(csv, index=False)
    if len(fits):
        worst = summarise(fits)
        print(
            f"\nevery gated fit, worst across seeds "
            f"({len(worst)} fits; thinnest margins first):"
        )
        print(
            worst.round(
                {
                    "max_rhat": 3,
                    "min_ess_bulk": 0,
                    "min_ess_tail": 0,
                    "min_bfmi": 2,
                    "margin": 2,
                }
            ).to_string()
        )
        thin = worst[worst["margin"] < 1]
        print(
            f"\n{int((runs['status'] != 'ok').sum())} failed runs; "
            f"{int(worst['failed'].gt(0).sum())} fits failed under some seed; "
            f"{len(thin)} passed by a hair "
            f"(R-hat > {THIN_RHAT} or ESS < {THIN_ESS}); "
            f"{int((fits['status'] == 'pathology').sum())} "
            "deliberate pathologies confirmed"
        )
    print(f"per-fit CSV: {csv}; sweep took {(time.monotonic() - start) / 60:.1f} min")
    return 1 if (runs["status"] != "ok").any() else 0


if __name__ == "__main__":
    raise SystemExit(main())
