"""Build the HTML site from the executed notebooks.

``python -m tools.site`` (or ``course.sh build``). The site is built from a staged copy
of the book in which each MyST notebook is replaced by its executed ``.ipynb``
(:mod:`tools.runner`), so Jupyter Book itself executes nothing and a failing cell fails
the build before Sphinx starts. Vega and MathJax are installed
from the npm registry into the cache and served from the site (no CDN); Sphinx's output
goes to ``_build/sphinx.log`` and its warnings are shown when the build fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from helpers.paths import CHAPTERS_DIR, REPO, cache_dir, content_hash

from .charts import VEGA_SCRIPTS, VENDOR_DIR
from .cmdstan import ensure_cmdstan
from .evalroles import substitute_evals
from .runner import execute_all, say
from .sheets import build as build_sheets

BOOK_FILES = ["_config.yml", "_toc.yml"]
BUILD_DIR = REPO / "_build"
# Front-end scripts served from the site itself instead of CDNs (exact versions).
VENDOR_PACKAGES = {
    "vega": "6.2.0",
    "vega-lite": "6.4.1",
    "vega-embed": "7.0.2",
    "mathjax": "3.2.2",
}


def _repository_url() -> str | None:
    """The GitHub URL of ``origin``, for Binder and repository buttons, if any."""
    url = os.environ.get("BMLM_REPOSITORY_URL")
    if not url:
        try:
            url = subprocess.run(
                ["git", "remote", "get-url", "origin"],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return None
    if url.startswith("git@github.com:"):
        url = "https://github.com/" + url.split(":", 1)[1]
    url = url.removesuffix(".git")
    return url if url.startswith("https://github.com/") else None


BOOK_SOURCE_SUFFIXES = {".md", ".bib", ".png", ".jpg", ".jpeg", ".svg", ".gif", ".css"}


def _not_book_source(folder: str, names: list[str]) -> set[str]:
    """copytree filter: keep folders and book sources; drop checkpoints, sockets etc."""
    keep = set()
    for name in names:
        p = Path(folder) / name
        if name.startswith(".") or name in ("__pycache__", "_build"):
            continue
        if p.is_dir() or (p.is_file() and p.suffix in BOOK_SOURCE_SUFFIXES):
            keep.add(name)
    return set(names) - keep


def stage_book(executed: dict[Path, Path]) -> Path:
    """Copy the book into ``_build/.stage``, notebooks replaced by executed copies."""
    import yaml

    stage = BUILD_DIR / ".stage"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    for name in BOOK_FILES:
        shutil.copy2(REPO / name, stage / name)
    shutil.copytree(CHAPTERS_DIR, stage / "chapters", ignore=_not_book_source)
    for nb, ipynb in executed.items():
        rel = nb.relative_to(REPO)
        (stage / rel).unlink()
        notebook = nbformat.read(ipynb, as_version=4)
        substitute_evals(notebook, where=str(rel))  # the site shows the values as text
        nbformat.write(notebook, (stage / rel).with_suffix(".ipynb"))
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    # relative mathjax paths are taken relative to _static/
    sphinx_config["mathjax_path"] = f"../{VENDOR_DIR}/mathjax/es5/tex-mml-chtml.js"
    url = _repository_url()
    if url:
        config.setdefault("repository", {})["url"] = url
        config.setdefault("html", {})["use_repository_button"] = True
        config.setdefault("launch_buttons", {})["binderhub_url"] = (
            "https://mybinder.org"
        )
    else:
        config.pop("launch_buttons", None)
        say(
            "no GitHub remote 'origin' (or BMLM_REPOSITORY_URL): "
            "building without Binder buttons"
        )
    (stage / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return stage


def vendor_scripts() -> Path:
    """Install the pinned front-end packages with npm into the cache.

    Returns the ``node_modules`` folder.
    """
    key = content_hash(json.dumps(VENDOR_PACKAGES, sort_keys=True), length=10)
    folder = cache_dir("vendor", key)
    modules = folder / "node_modules"
    if not (folder / ".complete").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(
                "npm is needed to serve Vega and MathJax from the site; install Node.js"
            )
        say("installing Vega and MathJax from the npm registry")
        (folder / "package.json").write_text(
            json.dumps(
                {
                    "name": "bmlm-vendor",
                    "private": True,
                    "dependencies": VENDOR_PACKAGES,
                },
                indent=1,
            )
        )
        subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--loglevel=error",
            ],
            cwd=folder,
            check=True,
        )
        (folder / ".complete").write_text("ok\n")
    return modules


def copy_vendor(html_dir: Path) -> None:
    """Copy the files the pages load (Vega bundles, MathJax) into ``html/_vendor``."""
    modules = vendor_scripts()
    out = html_dir / VENDOR_DIR
    if out.exists():
        shutil.rmtree(out)
    for script in VEGA_SCRIPTS:
        dest = out / script
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(modules / script, dest)
    shutil.copytree(modules / "mathjax" / "es5", out / "mathjax" / "es5")


def build_site(jobs: int = 2) -> Path:
    """Execute what is not cached, stage the book, build it with -W, vendor the scripts.

    Builds from one checkout run one at a time (a file lock in ``_build``), so two
    processes asking for the site at once do not delete each other's files.
    """
    from filelock import FileLock

    BUILD_DIR.mkdir(exist_ok=True)
    with FileLock(str(BUILD_DIR / ".build.lock")):
        return _build_site(jobs)


def _build_site(jobs: int) -> Path:
    start = time.monotonic()
    ensure_cmdstan()  # once, before notebooks run in parallel
    executed = execute_all(jobs=jobs)
    html = BUILD_DIR / "html"
    key = content_hash(
        *[str(p) for p in sorted(executed.values())],
        *[REPO / f for f in BOOK_FILES],
        CHAPTERS_DIR,
        json.dumps(VENDOR_PACKAGES),
        Path(__file__),
    )
    unchanged = (html / ".bmlm-key").is_file() and (
        html / ".bmlm-key"
    ).read_text() == key
    if unchanged and not os.environ.get("BMLM_FORCE_SPHINX"):
        say(f"site unchanged since the last build: {html / 'index.html'}")
        return html
    stage = stage_book(executed)
    log = BUILD_DIR / "sphinx.log"
    say(
        "building the HTML with Jupyter Book "
        f"(warnings are errors; its output goes to {log})"
    )
    with log.open("w") as out:
        proc = subprocess.run(
            [
                str(Path(sys.executable).with_name("jupyter-book")),
                "build",
                str(stage),
                "--path-output",
                str(BUILD_DIR / "book"),
                "-W",
                "-n",
                "--keep-going",
                "--all",
            ],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if proc.returncode != 0:
        problems = [
            ln
            for ln in log.read_text().splitlines()
            if re.search(r"WARNING|ERROR|Error|Traceback", ln)
        ]
        raise RuntimeError(
            f"jupyter-book build failed (exit {proc.returncode}); from {log}:\n"
            + "\n".join(problems[-40:])
        )
    built = BUILD_DIR / "book" / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    shutil.copytree(built, html)
    copy_vendor(html)
    build_sheets(html / "sheets")  # the exercise sheets the instructors' page links
    (html / ".bmlm-key").write_text(key)
    say(f"site built in {time.monotonic() - start:.0f} s: open {html / 'index.html'}")
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.site", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=2, help="notebooks executed at once"
    )
    build_site(parser.parse_args(argv).jobs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
