"""Execute the course's notebooks and build the site, with a content-keyed cache.

``python -m helpers.runner execute`` runs every notebook (two at a time), ``build``
also builds the HTML site into ``_build/html``, ``timings`` prints how long each
notebook took, ``list`` names the notebooks.

A notebook's cache key hashes its own text *and* everything it can depend on
(``helpers/``, ``data/``, ``stan/``, ``requirements.txt``, the Python version), which
jupyter-cache would miss (it keys on code cells only). Executed notebooks are stored
outside the repository; the site is built from a staged copy of the book in which each
MyST notebook is replaced by its executed ``.ipynb``, so Jupyter Book itself executes
nothing and a failing cell fails the build before Sphinx starts.

Set ``BMLM_RUN_ID`` to a token to accept only notebooks executed under that token
(CI does, so every notebook really runs in CI while the site build reuses the results).
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
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from .paths import CHAPTERS_DIR, DATA_DIR, REPO, STAN_DIR, cache_dir, compiler_cache_env, content_hash

BOOK_FILES = ["_config.yml", "_toc.yml"]
BUILD_DIR = REPO / "_build"
CELL_TIMEOUT = 1800  # seconds; a cell taking longer is a bug
# Front-end scripts served from the site itself instead of CDNs (exact versions).
VENDOR_PACKAGES = {"vega": "6.2.0", "vega-lite": "6.4.1", "vega-embed": "7.0.2", "mathjax": "3.2.2"}


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookError(RuntimeError):
    """A notebook failed to execute; the message holds the failing cell and traceback."""


def _say(msg: str) -> None:
    print(f"[course] {msg}", flush=True)


def is_notebook(path: Path) -> bool:
    """True for a MyST-markdown notebook (a ``.md`` file with a ``kernelspec`` header)."""
    if path.suffix != ".md" or not path.is_file():
        return False
    head = path.read_text(encoding="utf-8")[:2000]
    return head.startswith("---") and "kernelspec:" in head.split("\n---", 1)[0]


def notebooks() -> list[Path]:
    """Every notebook of the course, in table-of-contents order."""
    return [p for p in toc_files() if is_notebook(p)]


def toc_files() -> list[Path]:
    """Every page listed in ``_toc.yml`` (resolved to existing files), in order."""
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    entries: list[str] = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                entries.append(node["file"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(toc)
    out = []
    for entry in entries:
        matches = [REPO / f"{entry}{ext}" for ext in (".md", ".ipynb") if (REPO / f"{entry}{ext}").is_file()]
        if len(matches) != 1:
            raise FileNotFoundError(f"_toc.yml entry {entry!r} matches {len(matches)} files")
        out.append(matches[0])
    return out


# Build tooling in helpers/ that no notebook imports: editing it must not re-execute notebooks.
NOT_NOTEBOOK_DEPENDENCIES = {"runner.py", "bench.py", "sweep.py", "course.sh"}


def dependencies_key() -> str:
    """Hash of everything a notebook may read besides its own text."""
    library = sorted(p for p in (REPO / "helpers").iterdir()
                     if p.is_file() and p.suffix == ".py" and p.name not in NOT_NOTEBOOK_DEPENDENCIES)
    return content_hash(*library, DATA_DIR, STAN_DIR, REPO / "requirements.txt", sys.version, length=12)


def cache_path(nb: Path, deps: str | None = None) -> Path:
    """Where the executed copy of ``nb`` is stored, keyed by content."""
    rel = nb.resolve().relative_to(REPO).with_suffix("")
    key = content_hash(nb.read_bytes(), deps or dependencies_key())
    return cache_dir("notebooks", *rel.parent.parts) / f"{rel.name}-{key}.ipynb"


def site_root_for(nb: Path) -> str:
    """Relative URL from ``nb``'s page to the site root (``../../`` for chapters/x/nb)."""
    depth = len(nb.resolve().relative_to(REPO).parts) - 1
    return "../" * depth


def _accepted(executed: Path) -> bool:
    if not executed.is_file():
        return False
    run_id = os.environ.get("BMLM_RUN_ID")
    if not run_id:
        return True
    meta = json.loads(executed.read_text()).get("metadata", {}).get("bmlm", {})
    return meta.get("run_id") == run_id


def execute(nb: Path, deps: str | None = None) -> Path:
    """Execute one notebook unless an accepted cached copy exists; return that copy.

    Raises :class:`NotebookError` with the failing cell's source and traceback.
    """
    from filelock import FileLock

    nb = Path(nb).resolve()
    if not is_notebook(nb):
        raise ValueError(f"{nb} is not a MyST notebook of the course")
    target = cache_path(nb, deps)
    rel = nb.relative_to(REPO)
    with FileLock(str(target) + ".lock"):
        if _accepted(target):
            _say(f"cached    {rel}")
            return target
        _say(f"executing {rel}")
        seconds = run_notebook(nb, target)
        _record_timing(rel, seconds)
        _say(f"done      {rel} in {seconds:.0f} s")
        return target


def kernel_env(nb: Path, **extra: str) -> dict[str, str]:
    """The environment a notebook's kernel runs in: caches, site root, repository on the path."""
    return {**os.environ, **compiler_cache_env(), "BMLM_SITE_ROOT": site_root_for(nb),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])), **extra}


def run_notebook(nb: Path, target: Path, *, keep_failed: bool = False, **extra_env: str) -> float:
    """Execute ``nb`` in a fresh kernel and write the executed notebook to ``target``.

    Returns the seconds it took. On a failing cell raises :class:`NotebookError`; with
    ``keep_failed`` the notebook executed up to that cell is still written to ``target``
    (the seed sweep reads the convergence reports printed before the failure).
    """
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    rel = nb.relative_to(REPO)
    notebook = jupytext.read(nb)
    start = time.monotonic()
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(nb.parent)}})
    failure = None
    try:
        client.execute(env=kernel_env(nb, **extra_env))
    except CellExecutionError as exc:
        failure = NotebookError(f"{rel} failed:\n" + _ANSI.sub("", str(exc)))
    seconds = time.monotonic() - start
    if failure is None:
        problems = glue_problems(notebook)
        if problems:
            failure = NotebookError(f"{rel}: the prose and the glued values disagree:\n  " + "\n  ".join(problems))
    if failure is None or keep_failed:
        notebook.metadata["bmlm"] = {"seconds": round(seconds, 1), "run_id": os.environ.get("BMLM_RUN_ID", ""),
                                     "failed": failure is not None, **extra_env}
        tmp = target.with_suffix(".tmp")
        nbformat.write(notebook, tmp)
        tmp.replace(target)
    if failure is not None:
        raise failure
    return seconds


_GLUE_ROLE = re.compile(r"\{glue:(text|md)\}`([^`:]+)(?::[^`]*)?`")
_MARKDOWN_RECORD = "application/papermill.record/text/markdown"


def glue_problems(notebook) -> list[str]:
    """Glue roles in the prose that name nothing glued, or show a glued string with ``{glue:text}``.

    A string glued as markdown and shown with ``{glue:text}`` renders as
    "<IPython.core.display.Markdown object>" on the site without any warning.
    """
    glued = {}
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued[name] = "md" if _MARKDOWN_RECORD in out.get("data", {}) else "text"
    problems = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for role, name in _GLUE_ROLE.findall(cell.source):
            if name not in glued:
                problems.append(f"{{glue:{role}}}`{name}` names nothing the notebook glued")
            elif role == "text" and glued[name] == "md":
                problems.append(f"{{glue:text}}`{name}` shows a string: write {{glue:md}}`{name}`")
    return problems


def _record_timing(rel: Path, seconds: float) -> None:
    from filelock import FileLock

    path = cache_dir("notebooks") / "timings.json"
    with FileLock(str(path) + ".lock"):
        data = json.loads(path.read_text()) if path.is_file() else {}
        data[str(rel)] = round(seconds, 1)
        path.write_text(json.dumps(data, indent=1, sort_keys=True))


def execute_all(jobs: int = 2, only: list[str] | None = None) -> dict[Path, Path]:
    """Execute every notebook (``jobs`` at a time); raise if any fails, after all ran."""
    nbs = notebooks()
    if only:
        nbs = [nb for nb in nbs if any(o in str(nb) for o in only)]
    deps = dependencies_key()
    results, failures = {}, []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(execute, nb, deps): nb for nb in nbs}
        for fut in as_completed(futures):
            try:
                results[futures[fut]] = fut.result()
            except NotebookError as exc:
                failures.append(str(exc))
    if failures:
        raise NotebookError("\n\n".join(failures))
    return results


def _repository_url() -> str | None:
    """The GitHub URL of ``origin``, for Binder and repository buttons, if there is one."""
    url = os.environ.get("BMLM_REPOSITORY_URL")
    if not url:
        try:
            url = subprocess.run(["git", "remote", "get-url", "origin"], cwd=REPO, capture_output=True,
                                 text=True, check=True).stdout.strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return None
    if url.startswith("git@github.com:"):
        url = "https://github.com/" + url.split(":", 1)[1]
    url = url.removesuffix(".git")
    return url if url.startswith("https://github.com/") else None


BOOK_SOURCE_SUFFIXES = {".md", ".bib", ".png", ".jpg", ".jpeg", ".svg", ".gif", ".css"}


def _not_book_source(folder: str, names: list[str]) -> set[str]:
    """copytree filter: keep sub-folders and book sources; drop checkpoints, sockets, etc."""
    keep = set()
    for name in names:
        p = Path(folder) / name
        if name.startswith(".") or name in ("__pycache__", "_build"):
            continue
        if p.is_dir() or (p.is_file() and p.suffix in BOOK_SOURCE_SUFFIXES):
            keep.add(name)
    return set(names) - keep


def stage_book(executed: dict[Path, Path]) -> Path:
    """Copy the book into ``_build/.stage`` with notebooks replaced by executed copies."""
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
        shutil.copy2(ipynb, (stage / rel).with_suffix(".ipynb"))
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    vendor = "_vendor"
    # relative mathjax paths are taken relative to _static/
    sphinx_config["mathjax_path"] = f"../{vendor}/mathjax/es5/tex-mml-chtml.js"
    url = _repository_url()
    if url:
        config.setdefault("repository", {})["url"] = url
        config.setdefault("html", {})["use_repository_button"] = True
        config.setdefault("launch_buttons", {})["binderhub_url"] = "https://mybinder.org"
    else:
        config.pop("launch_buttons", None)
        _say("no GitHub remote 'origin' (or BMLM_REPOSITORY_URL): building without Binder buttons")
    (stage / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return stage


def vendor_scripts() -> Path:
    """Install the pinned front-end packages with npm into the cache; return node_modules."""
    key = content_hash(json.dumps(VENDOR_PACKAGES, sort_keys=True), length=10)
    folder = cache_dir("vendor", key)
    modules = folder / "node_modules"
    if not (folder / ".complete").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to serve Vega and MathJax from the site; install Node.js")
        _say("installing Vega and MathJax from the npm registry")
        (folder / "package.json").write_text(json.dumps(
            {"name": "bmlm-vendor", "private": True, "dependencies": VENDOR_PACKAGES}, indent=1))
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                       cwd=folder, check=True)
        (folder / ".complete").write_text("ok\n")
    return modules


def copy_vendor(html_dir: Path) -> None:
    """Copy the files the pages load (Vega bundles, MathJax) into ``html/_vendor``."""
    from .style import VEGA_SCRIPTS, VENDOR_DIR

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
    from .cmdstan import ensure_cmdstan

    start = time.monotonic()
    ensure_cmdstan()  # once, before notebooks run in parallel
    executed = execute_all(jobs=jobs)
    html = BUILD_DIR / "html"
    key = content_hash(*[str(p) for p in sorted(executed.values())], *[REPO / f for f in BOOK_FILES],
                       CHAPTERS_DIR, json.dumps(VENDOR_PACKAGES), REPO / "helpers" / "runner.py")
    unchanged = (html / ".bmlm-key").is_file() and (html / ".bmlm-key").read_text() == key
    if unchanged and not os.environ.get("BMLM_FORCE_SPHINX"):
        _say(f"site unchanged since the last build: {html / 'index.html'}")
        return html
    stage = stage_book(executed)
    _say("building the HTML with Jupyter Book (warnings are errors)")
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(stage), "--path-output",
         str(BUILD_DIR / "book"), "-W", "-n", "--keep-going", "--all"],
        cwd=REPO,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"jupyter-book build failed (exit {proc.returncode}); see the warnings above")
    built = BUILD_DIR / "book" / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    shutil.copytree(built, html)
    copy_vendor(html)
    (html / ".bmlm-key").write_text(key)
    _say(f"site built in {time.monotonic() - start:.0f} s: open {html / 'index.html'}")
    return html


def timings() -> dict[str, float]:
    path = cache_dir("notebooks") / "timings.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.runner", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("execute", help="execute notebooks (cached)")
    ex.add_argument("only", nargs="*", help="substrings of notebook paths to run (default all)")
    ex.add_argument("-j", "--jobs", type=int, default=2)
    b = sub.add_parser("build", help="execute and build the site into _build/html")
    b.add_argument("-j", "--jobs", type=int, default=2)
    sub.add_parser("list", help="list the notebooks")
    sub.add_parser("timings", help="seconds each notebook last took to execute")
    args = parser.parse_args(argv)
    if args.cmd == "execute":
        for nb, out in execute_all(args.jobs, args.only).items():
            print(f"{nb.relative_to(REPO)} -> {out}")
    elif args.cmd == "build":
        build_site(args.jobs)
    elif args.cmd == "list":
        for nb in notebooks():
            print(nb.relative_to(REPO))
    elif args.cmd == "timings":
        for name, secs in sorted(timings().items()):
            print(f"{secs:8.1f} s  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
