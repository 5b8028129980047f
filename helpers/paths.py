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
    """Return (and create) the cache root outside the repository.

    Returns
    -------
    pathlib.Path
        ``$BMLM_CACHE`` if set, else ``$XDG_CACHE_HOME/bmlm-course``, else
        ``~/.cache/bmlm-course``; created if missing.
    """
    explicit = os.environ.get("BMLM_CACHE")
    if explicit:
        root = Path(explicit).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        root = Path(base).expanduser() / "bmlm-course"
    root.mkdir(parents=True, exist_ok=True)
    return root


def cache_dir(*parts: str) -> Path:
    """Return (and create) a sub-folder of the cache root.

    Parameters
    ----------
    *parts : str
        Names of the nested folders below :func:`cache_root`.

    Returns
    -------
    pathlib.Path
        The folder, created with its parents if missing.

    Examples
    --------
    >>> from helpers import paths
    >>> paths.cache_dir("notebooks", "chapters")  # doctest: +ELLIPSIS
    PosixPath('.../notebooks/chapters')
    """
    path = cache_root().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_hash(*items: bytes | str | Path, length: int = 16) -> str:
    """Hash bytes, strings and files' contents (in order) into a short hex key.

    A :class:`~pathlib.Path` contributes its name and bytes, so renaming or editing a
    file changes the key; a folder contributes every file below it, in sorted order
    (``__pycache__`` and dotfiles excluded).

    Parameters
    ----------
    *items : bytes, str or pathlib.Path
        What the key depends on, in order.
    length : int, default 16
        Number of hex digits kept (of SHA-256's 64).

    Returns
    -------
    str
        The first ``length`` hex digits of the SHA-256 digest.

    Examples
    --------
    >>> from helpers import paths
    >>> key = paths.content_hash(paths.STAN_DIR / "sleepstudy_varying_slopes.stan")
    >>> len(key)
    16
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
    """Yield every file below ``folder`` but ``__pycache__`` and dot-named ones."""
    for f in folder.rglob("*"):
        rel = f.relative_to(folder).parts
        if (
            f.is_file()
            and "__pycache__" not in rel
            and not any(p.startswith(".") for p in rel)
        ):
            yield f
