"""Execute the course's notebooks into a content-keyed cache.

``python -m tools.runner execute [substring ...]`` runs the notebooks (two at a time)
with ``[k/N]`` progress and an estimate of the time left, ``timings`` prints how long
each notebook took, ``list`` names the notebooks; ``python -m tools.site`` builds the
site.

A notebook's cache key hashes its own text *and* everything it can depend on (the
library ``helpers/``, ``data/``, ``stan/``, ``requirements.txt``, the Python version),
which jupyter-cache would miss (it keys on code cells only). Executed notebooks are
stored outside the repository.

Set ``BMLM_RUN_ID`` to a token to accept only notebooks executed under that token
(CI does, so every notebook really runs in CI while the site build reuses the results).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from helpers.paths import DATA_DIR, REPO, STAN_DIR, cache_dir, content_hash

from .environment import compiler_cache_env
from .evalroles import EvalError, add_eval_cells, collect_eval_results

CELL_TIMEOUT = 1800  # seconds; a cell taking longer is a bug
CHARTS_SOURCE = Path(__file__).with_name("charts.py")


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookError(RuntimeError):
    """A notebook failed to execute; the message holds the failing cell, traceback."""


_PRINT = threading.Lock()  # two notebooks at a time: one whole line each


def say(msg: str) -> None:
    """Print one progress line, whole, from any thread."""
    with _PRINT:
        sys.stdout.write(f"[course] {msg}\n")
        sys.stdout.flush()


def is_notebook(path: Path) -> bool:
    """True for a MyST-markdown notebook: a ``.md`` file with a ``kernelspec``."""
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
        matches = [
            REPO / f"{entry}{ext}"
            for ext in (".md", ".ipynb")
            if (REPO / f"{entry}{ext}").is_file()
        ]
        if len(matches) != 1:
            raise FileNotFoundError(
                f"_toc.yml entry {entry!r} matches {len(matches)} files"
            )
        out.append(matches[0])
    return out


def dependencies_key() -> str:
    """Hash of everything a notebook may read besides its own text.

    The build's own code is not in it: editing ``tools/`` re-executes nothing.
    """
    return content_hash(
        REPO / "helpers",
        DATA_DIR,
        STAN_DIR,
        REPO / "requirements.txt",
        sys.version,
        length=12,
    )


def cache_path(nb: Path, deps: str | None = None) -> Path:
    """Where the executed copy of ``nb`` is stored, keyed by content."""
    rel = nb.resolve().relative_to(REPO).with_suffix("")
    key = content_hash(nb.read_bytes(), deps or dependencies_key())
    return cache_dir("notebooks", *rel.parent.parts) / f"{rel.name}-{key}.ipynb"


def site_root_for(nb: Path) -> str:
    """Relative URL from ``nb``'s page to the site root (``../../`` for a/b/nb)."""
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


def execute(
    nb: Path, deps: str | None = None, *, progress: Progress | None = None
) -> Path:
    """Execute one notebook unless an accepted cached copy exists; return that copy.

    Raises :class:`NotebookError` with the failing cell's source and traceback.
    """
    from filelock import FileLock

    nb = Path(nb).resolve()
    if not is_notebook(nb):
        raise ValueError(f"{nb} is not a MyST notebook of the course")
    progress = progress or Progress([nb])
    target = cache_path(nb, deps)
    rel = nb.relative_to(REPO)
    with FileLock(str(target) + ".lock"):
        if _accepted(target):
            progress.done(nb, f"cached    {rel}")
            return target
        say(f"executing {rel}")
        seconds = run_notebook(nb, target)
        _record_timing(rel, seconds)
        progress.done(nb, f"executed  {rel} in {seconds:.0f} s")
        return target


class Progress:
    """``[k/N]`` lines with the time left.

    The time left is estimated from each notebook's last run (:func:`timings`).
    """

    def __init__(self, nbs: list[Path], jobs: int = 1):
        known = timings()
        self.expected = {
            nb: known.get(str(nb.resolve().relative_to(REPO)), 60.0) for nb in nbs
        }
        self.jobs, self.count, self.start = max(1, jobs), 0, time.monotonic()
        self.left = dict(self.expected)
        self._lock = threading.Lock()

    def done(self, nb: Path, message: str) -> None:
        with self._lock:
            self.count += 1
            self.left.pop(nb, None)
            remaining = sum(self.left.values()) / self.jobs
            eta = (
                f", about {remaining / 60:.0f} min left"
                if self.left and remaining >= 60
                else ""
            )
            say(f"[{self.count}/{len(self.expected)}] {message}{eta}")


def kernel_env(**extra: str) -> dict[str, str]:
    """The environment a notebook's kernel runs in: compile caches, plus ``extra``."""
    return {
        **os.environ,
        **compiler_cache_env(),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        **extra,
    }


def _kernel_manager():
    """A kernel of this environment, encrypted, with the environment the runner passes.

    The environment's kernel spec carries the compile-cache settings for JupyterLab
    (:func:`tools.environment.install_kernel`); here :func:`kernel_env` sets them
    instead, so a test can point a run at another cache. CurveZMQ keys keep ipykernel
    from warning about plain-text TCP on every start.
    """
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3", transport_encryption="auto")
    km.kernel_spec.env = {}
    return km


def _charts_cell(nb: Path):
    """A code cell that switches the kernel to the site's charts (:mod:`tools.charts`).

    It runs before the notebook's own cells and is dropped from the executed copy.
    """
    import nbformat

    source = CHARTS_SOURCE.read_text() + f"\nenable({site_root_for(nb)!r})\n"
    return nbformat.v4.new_code_cell(source, metadata={"bmlm_build_only": True})


def kernel_log(nb: Path) -> Path:
    """Where the kernel's own output (not the cells') goes, under ``<cache>/logs``."""
    rel = nb.resolve().relative_to(REPO).with_suffix(".log")
    return cache_dir("logs", *rel.parent.parts) / rel.name


def run_notebook(
    nb: Path, target: Path, *, keep_failed: bool = False, **extra_env: str
) -> float:
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
    notebook.cells.insert(0, _charts_cell(nb))
    add_eval_cells(notebook)  # {eval} roles in the prose, as jupyterlab-myst runs them
    log = kernel_log(nb)
    start = time.monotonic()
    km = _kernel_manager()
    client = NotebookClient(
        notebook,
        km=km,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(nb.parent)}},
    )
    failure = None
    with log.open("w") as chatter:  # the kernel's own stdout and stderr
        try:
            client.execute(env=kernel_env(**extra_env), stdout=chatter, stderr=chatter)
        except CellExecutionError as exc:
            tail = log.read_text()[-3000:].strip()
            failure = NotebookError(
                f"{rel} failed:\n"
                + _ANSI.sub("", str(exc))
                + (f"\n\nThe kernel's log ({log}) ends:\n{tail}" if tail else "")
            )
        finally:
            if km.has_kernel:  # a kernel manager passed in is ours to stop
                km.shutdown_kernel(now=True)
    seconds = time.monotonic() - start
    try:  # also after a failure, so that a kept notebook has no added cells
        collect_eval_results(notebook, where=str(rel))
    except EvalError as exc:
        failure = failure or NotebookError(f"{{eval}} in the prose: {exc}")
    notebook.cells = [
        c for c in notebook.cells if not c.metadata.get("bmlm_build_only")
    ]
    if failure is None:
        problems = glue_problems(notebook)
        if problems:
            failure = NotebookError(
                f"{rel}: glue roles in the prose:\n  " + "\n  ".join(problems)
            )
    if failure is None or keep_failed:
        notebook.metadata["bmlm"] = {
            "seconds": round(seconds, 1),
            "run_id": os.environ.get("BMLM_RUN_ID", ""),
            "failed": failure is not None,
            **extra_env,
        }
        tmp = target.with_suffix(".tmp")
        nbformat.write(notebook, tmp)
        tmp.replace(target)
    if failure is not None:
        raise failure
    return seconds


_GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`[^`]*`")


def glue_problems(notebook) -> list[str]:
    """MyST-NB glue roles left in the prose: JupyterLab shows them as bare names.

    jupyterlab-myst renders ``{glue:text}`x:.2f``` as the text "x:.2f", silently, so
    every number is an ``{eval}`g("x:.2f")``` role instead.
    """
    return [
        f'{role} does not render in JupyterLab: write {{eval}}`g("name")`'
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for role in _GLUE_ROLE.findall(cell.source)
    ]


def _record_timing(rel: Path, seconds: float) -> None:
    from filelock import FileLock

    path = cache_dir("notebooks") / "timings.json"
    with FileLock(str(path) + ".lock"):
        data = json.loads(path.read_text()) if path.is_file() else {}
        data[str(rel)] = round(seconds, 1)
        path.write_text(json.dumps(data, indent=1, sort_keys=True))


def execute_all(jobs: int = 2, only: list[str] | None = None) -> dict[Path, Path]:
    """Execute every notebook, ``jobs`` at a time; raise if any failed, once all ran."""
    nbs = notebooks()
    if only:
        nbs = [nb for nb in nbs if any(o in str(nb) for o in only)]
    deps = dependencies_key()
    results, failures = {}, []
    progress = Progress(nbs, jobs)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(execute, nb, deps, progress=progress): nb for nb in nbs}
        for fut in as_completed(futures):
            try:
                results[futures[fut]] = fut.result()
            except NotebookError as exc:
                failures.append(str(exc))
    if failures:
        raise NotebookError("\n\n".join(failures))
    return results


def timings() -> dict[str, float]:
    """Seconds each notebook took when it last executed, by path in the repository."""
    path = cache_dir("notebooks") / "timings.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.runner", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("execute", help="execute notebooks (cached)")
    ex.add_argument(
        "only", nargs="*", help="substrings of notebook paths to run (default all)"
    )
    ex.add_argument("-j", "--jobs", type=int, default=2)
    sub.add_parser("list", help="list the notebooks")
    sub.add_parser("timings", help="seconds each notebook last took to execute")
    args = parser.parse_args(argv)
    if args.cmd == "execute":
        for nb, out in execute_all(args.jobs, args.only).items():
            print(f"{nb.relative_to(REPO)} -> {out}")
    elif args.cmd == "list":
        for nb in notebooks():
            print(nb.relative_to(REPO))
    elif args.cmd == "timings":
        for name, secs in sorted(timings().items()):
            print(f"{secs:8.1f} s  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
