"""Lint and format: ruff on the library, the build, the tests and the notebooks' code.

``python -m tools.lint`` checks (what the test suite runs); ``--fix`` formats and
applies ruff's safe fixes, notebooks included. Notebooks are MyST text: their code cells
reach ruff through jupytext (as ``.ipynb`` for checking, so findings name the cell;
piped as ``py:percent`` for formatting, so the prose is never touched).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from helpers.paths import REPO

from .runner import notebooks

PYTHON_FOLDERS = ["helpers", "tools", "tests"]


def _ruff(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    ruff = Path(sys.executable).with_name("ruff")
    cmd = [str(ruff) if ruff.exists() else "ruff", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)


def check_python() -> list[str]:
    """Ruff's lint and format findings on the Python folders, one string each."""
    problems = []
    lint = _ruff("check", "--output-format=concise", *PYTHON_FOLDERS)
    if lint.returncode:
        problems += [
            ln
            for ln in lint.stdout.splitlines()
            if ln.strip() and not ln.startswith(("Found", "All checks passed"))
        ]
    fmt = _ruff("format", "--check", *PYTHON_FOLDERS)
    if fmt.returncode:
        problems += [
            ln for ln in fmt.stdout.splitlines() if ln.startswith("Would reformat")
        ]
    return problems


def check_notebooks(nbs: list[Path] | None = None) -> list[str]:
    """Ruff's findings on the notebooks' code cells, named by notebook and cell."""
    import jupytext

    nbs = nbs or notebooks()
    with tempfile.TemporaryDirectory() as tmp:
        copies = {}
        for nb in nbs:
            rel = nb.relative_to(REPO).with_suffix(".ipynb")
            copy = Path(tmp) / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            jupytext.write(jupytext.read(nb), copy)
            copies[str(rel)] = str(nb.relative_to(REPO))
        config = f"--config={REPO / 'pyproject.toml'}"
        lint = _ruff("check", "--output-format=concise", config, ".", cwd=Path(tmp))
        fmt = _ruff("format", "--check", config, ".", cwd=Path(tmp))
    problems = [
        ln
        for ln in lint.stdout.splitlines()
        if ln.strip() and not ln.startswith(("Found", "All checks passed"))
    ]
    problems += [
        ln for ln in fmt.stdout.splitlines() if ln.startswith("Would reformat")
    ]
    for ipynb, md in copies.items():
        problems = [p.replace(ipynb, md) for p in problems]
    return problems


def fix(nbs: list[Path] | None = None) -> None:
    """Format everything and apply ruff's safe fixes.

    Notebooks go through ``jupytext --pipe``, so only their code cells change.
    """
    _ruff("check", "--fix", "--quiet", *PYTHON_FOLDERS)
    _ruff("format", "--quiet", *PYTHON_FOLDERS)
    jupytext = (
        shutil.which("jupytext", path=str(Path(sys.executable).parent)) or "jupytext"
    )
    ruff = Path(sys.executable).with_name("ruff")
    for nb in nbs or notebooks():
        for step in (
            f"{ruff} check --fix --quiet --exit-zero {{}}",
            f"{ruff} format --quiet {{}}",
        ):
            subprocess.run(
                [jupytext, "--quiet", "--pipe", step, str(nb)], cwd=REPO, check=True
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.lint", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--fix", action="store_true", help="format and apply safe fixes first"
    )
    parser.add_argument(
        "only", nargs="*", help="substrings of notebook paths (default: all)"
    )
    args = parser.parse_args(argv)
    nbs = [
        nb
        for nb in notebooks()
        if not args.only or any(o in str(nb) for o in args.only)
    ]
    if args.fix:
        fix(nbs)
    problems = (check_python() if not args.only else []) + check_notebooks(nbs)
    print("\n".join(problems) if problems else "[lint] clean")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
