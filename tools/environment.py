"""The environment notebooks run in: compile caches, the Jupyter kernel, ``helpers``.

``python -m tools.environment`` (run by ``course.sh setup`` and by Binder's postBuild)
writes the environment's Jupyter kernel so that every kernel, whether the build's, the
tests' or JupyterLab's, keeps PyTensor's and numba's caches under the course cache and
draws the same numbers cold and warm (:func:`compiler_cache_env`), and JupyterLab's
defaults so that a chapter opens as a notebook (:func:`install_lab_settings`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers.paths import cache_dir


def compiler_cache_env() -> dict[str, str]:
    """Environment variables for PyTensor and numba: caches, BLAS, fastmath.

    * PyTensor's C code and its numba code (``<base_compiledir>/numba``) are cached
      under the cache root, not in ``~/.pytensor``.
    * ``numba__fastmath=False``: with fastmath on, a model's log density compiled from
      a cold cache and the same one assembled from cached pieces round differently, so
      the first run after set-up drew different samples from every later run with the
      same seed (measured on the Pastes model: cold and warm differed, every warm run
      agreed; numba does not key its cache on fastmath either,
      pymc-devs/pytensor#1810). With it off, cold and warm runs give identical draws
      and sampling is no slower.
    * PyTensor's own BLAS search misses Debian's OpenBLAS; when the system has one
      (``libopenblas-dev``, installed by the setup script where it can) we name it,
      else we leave the flags empty, which silences a warning that does not apply: the
      course samples PyMC models with nutpie, which compiles through numba, not
      PyTensor's C code.
    """
    import ctypes.util

    flags = [f for f in os.environ.get("PYTENSOR_FLAGS", "").split(",") if f]
    keys = {f.split("=", 1)[0].strip() for f in flags}
    defaults = {
        "base_compiledir": str(cache_dir("pytensor")),
        "compiledir": str(cache_dir("pytensor", "c")),
        "numba__fastmath": "False",
        "blas__ldflags": "-lopenblas" if ctypes.util.find_library("openblas") else "",
    }
    flags += [f"{k}={v}" for k, v in defaults.items() if k not in keys]
    return {
        "PYTENSOR_FLAGS": ",".join(flags),
        "NUMBA_CACHE_DIR": str(cache_dir("numba")),
    }


def kernel_spec_path() -> Path:
    """The environment's own ``python3`` kernel spec.

    It lives in ``<sys.prefix>/share/jupyter/kernels``.
    """
    return (
        Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
    )


def install_kernel() -> Path:
    """(Re)write the environment's ``python3`` kernel with the compile-cache settings.

    :func:`compiler_cache_env` goes into the kernel spec's ``env``. Uses ``ipykernel
    install --sys-prefix``, so JupyterLab started from this environment, the build and
    the tests all start kernels with the same settings; returns the spec's path.
    """
    args = [
        sys.executable,
        "-m",
        "ipykernel",
        "install",
        "--sys-prefix",
        "--name",
        "python3",
    ]
    for key, value in compiler_cache_env().items():
        args += ["--env", key, value]
    subprocess.run(args, check=True, capture_output=True, text=True)
    spec = kernel_spec_path()
    if not all(
        k in json.loads(spec.read_text()).get("env", {}) for k in compiler_cache_env()
    ):
        raise RuntimeError(
            f"{spec} was written without the course's environment variables"
        )
    return spec


# JupyterLab defaults shipped in the environment: a chapter's .md opens as a notebook
# (Jupytext) on a double click, and no pop-up asks to fetch news from the web.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    },
    "@jupyterlab/apputils-extension:notification": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}


def lab_settings_path() -> Path:
    """Where :func:`install_lab_settings` writes (in ``<app dir>/settings``)."""
    from jupyterlab.commands import get_app_dir

    return Path(get_app_dir()) / "settings" / "overrides.d" / "bmlm-course.json"


def install_lab_settings() -> Path:
    """Write :data:`LAB_SETTINGS` as JupyterLab defaults of this environment."""
    path = lab_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(LAB_SETTINGS, indent=1) + "\n")
    return path


def main() -> int:
    print(f"[course] kernel with the course's compile caches: {install_kernel()}")
    print(f"[course] JupyterLab opens chapters as notebooks: {install_lab_settings()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
