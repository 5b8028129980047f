"""Benchmark the build: per-notebook execution times, cold and warm total build time.

``python -m tools.bench`` (or ``bash tools/course.sh bench``) builds the site twice
into a fresh, empty cache folder, so the first build is cold (it builds CmdStan from the
offline wheel, compiles every Stan program, fills PyTensor's and numba's caches and
executes every notebook) and the second is warm (nothing changed: nothing is redone); a
third forces the Sphinx build with every notebook cached, as after editing prose. The
installed Python packages are shared, as on a machine that ran the setup.

Times are wall-clock on whatever else the machine is doing, so the report gives the
warm/cold ratio from the same run alongside the seconds; it asserts nothing.
``--warm-only`` skips the cold build and times a rebuild with the normal cache.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.paths import REPO


def _timed_build(env: dict[str, str]) -> tuple[float, dict[str, float]]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "tools.site"], cwd=REPO, env=env)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"the build failed (exit {proc.returncode})")
    cache = Path(env.get("BMLM_CACHE") or Path.home() / ".cache" / "bmlm-course")
    timings_file = cache / "notebooks" / "timings.json"
    timings = json.loads(timings_file.read_text()) if timings_file.is_file() else {}
    return seconds, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--warm-only",
        action="store_true",
        help="only time a rebuild with the usual cache",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items() if k not in ("BMLM_RUN_ID", "CMDSTAN")}
    report: dict = {}
    if args.warm_only:
        report["warm_s"], report["notebooks_s"] = _timed_build(env)
    else:
        with tempfile.TemporaryDirectory(prefix="bmlm-bench-") as tmp:
            env.update({"BMLM_CACHE": tmp, "BMLM_CMDSTAN_OWN_ONLY": "1"})
            print(f"[bench] cold build into an empty cache {tmp}", flush=True)
            report["cold_s"], report["notebooks_s"] = _timed_build(env)
            print("[bench] warm rebuild", flush=True)
            report["warm_s"], _ = _timed_build(env)
            print(
                "[bench] warm rebuild with Sphinx forced (as after editing a page)",
                flush=True,
            )
            report["warm_sphinx_s"], _ = _timed_build({**env, "BMLM_FORCE_SPHINX": "1"})
        report["warm_over_cold"] = report["warm_s"] / report["cold_s"]
        report["warm_sphinx_over_cold"] = report["warm_sphinx_s"] / report["cold_s"]

    print(
        "\nper-notebook execution time (cold run):"
        if not args.warm_only
        else "\nper-notebook execution time:"
    )
    for name, secs in sorted(report["notebooks_s"].items(), key=lambda kv: -kv[1]):
        print(f"  {secs:7.1f} s  {name}")
    if "cold_s" in report:
        print(
            f"cold full build: {report['cold_s']:7.1f} s "
            f"({report['cold_s'] / 60:.1f} min)"
        )
    print(
        f"warm rebuild:    {report['warm_s']:7.1f} s "
        f"({report['warm_s'] / 60:.1f} min), nothing changed"
    )
    if "warm_sphinx_s" in report:
        print(
            f"warm + Sphinx:   {report['warm_sphinx_s']:7.1f} s "
            f"({report['warm_sphinx_s'] / 60:.1f} min), notebooks cached, HTML rebuilt"
        )
    if "warm_over_cold" in report:
        print(
            f"warm / cold:     {report['warm_over_cold']:.3f}; warm + Sphinx / cold: "
            f"{report['warm_sphinx_over_cold']:.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
