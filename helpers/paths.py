"""Where the course keeps its files: the repository's folders and the cache outside it.

Everything expensive to rebuild (CmdStan, compiled Stan programs, PyTensor and numba
caches, executed notebooks) lives under one cache root outside the repository, so a
fresh clone works and a warm machine is fast. The root is ``$BMLM_CACHE`` if set,
else ``$XDG_CACHE_HOME/bmlm-course``, else ``~/.cache/bmlm-course``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "data"
STAN_DIR = REPO / "stan"
CHAPTERS_DIR = REPO / "chapters"


def cache_root() -> Path:
    """Return (and create) the cache root outside the repository."""
    explicit = os.environ.get("BMLM_CACHE")
    if explicit:
        root = Path(explicit).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        root = Path(base).expanduser() / "bmlm-course"
    root.mkdir(parents=True, exist_ok=True)
    return root


def cache_dir(*parts: str) -> Path:
    """Return (and create) a sub-folder of the cache root."""
    path = cache_root().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_hash(*items: bytes | str | Path, length: int = 16) -> str:
    """Hash bytes, strings and files' contents (in order) into a short hex key.

    A :class:`~pathlib.Path` contributes its name and bytes, so renaming or editing a
    file changes the key; a folder contributes every file below it, in sorted order
    (``__pycache__`` and dotfiles excluded).
    """
    digest = hashlib.sha256()
    for item in items:
        if isinstance(item, Path):
            files = sorted(_files_below(item)) if item.is_dir() else [item]
            for f in files:
                digest.update(str(f.relative_to(item.parent)).encode())
                digest.update(b"\0")
                digest.update(f.read_bytes())
        elif isinstance(item, str):
            digest.update(item.encode())
        else:
            digest.update(item)
        digest.update(b"\1")
    return digest.hexdigest()[:length]


def _files_below(folder: Path):
    for f in folder.rglob("*"):
        rel = f.relative_to(folder).parts
        if f.is_file() and "__pycache__" not in rel and not any(p.startswith(".") for p in rel):
            yield f


def configure_compiler_caches() -> None:
    """Point PyTensor's and numba's compile caches into the course cache (idempotent).

    Must run before :mod:`pytensor` is imported to take effect; :mod:`helpers` calls it
    on import, and the notebook runner sets the same variables for its kernels.
    """
    os.environ.update(compiler_cache_env())


def compiler_cache_env() -> dict[str, str]:
    """Environment variables for PyTensor and numba: caches under the cache root, BLAS, fastmath.

    * PyTensor's C code and its numba code (``<base_compiledir>/numba``) are cached under
      the cache root, not in ``~/.pytensor``.
    * ``numba__fastmath=False``: with fastmath on, a model's log density compiled from a
      cold cache and the same one assembled from cached pieces round differently, so the
      first run after set-up drew different samples from every later run with the same
      seed (measured on the Pastes model: cold and warm differed, every warm run agreed;
      numba does not key its cache on fastmath either, pymc-devs/pytensor#1810). With it
      off, cold and warm runs give identical draws and sampling is no slower.
    * PyTensor's own BLAS search misses Debian's OpenBLAS; when the system has one
      (``libopenblas-dev``, installed by the setup script where it can) we name it, else we
      leave the flags empty, which silences a warning that does not apply: the course
      samples PyMC models with nutpie, which compiles through numba, not PyTensor's C code.
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
    return {"PYTENSOR_FLAGS": ",".join(flags), "NUMBA_CACHE_DIR": str(cache_dir("numba"))}


def install_path_file() -> Path:
    """Write a ``.pth`` file into the running environment so ``import helpers`` works anywhere.

    Notebooks run with their own folder as the working directory; this puts the
    repository on ``sys.path`` of every interpreter and kernel of the environment.
    """
    import sysconfig

    pth = Path(sysconfig.get_paths()["purelib"]) / "bmlm-course.pth"
    pth.write_text(f"{REPO}\n")
    return pth
