"""Stan programs of the course: load one by name, compiled into a content-keyed cache.

>>> from helpers import stan
>>> model = stan.model("sleepstudy_varying_slopes")      # a cmdstanpy.CmdStanModel
>>> fit = model.sample(data=..., seed=1)                  # then plain cmdstanpy

Programs live in ``stan/NAME.stan``, one file per model. The executable is built in
``<cache>/stan/<cmdstan-version>/<NAME>-<hash of the source>/`` so editing a program
rebuilds it, the repository stays clean and a warm machine compiles nothing.

Without the course library the same step is plain cmdstanpy::

    from cmdstanpy import CmdStanModel
    # compiles next to the file
    model = CmdStanModel(stan_file="../../stan/sleepstudy_varying_slopes.stan")

CmdStan itself is found, not installed, here: :func:`cmdstan_home` looks at
``$CMDSTAN``, cmdstanpy's ``~/.cmdstan`` and the course cache, where
``bash tools/course.sh setup`` builds one (``tools/cmdstan.py``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from .paths import STAN_DIR, cache_dir, content_hash

# written by tools/cmdstan.py into a CmdStan it built completely
# (a half-built one has no marker)
BUILT_MARKER = ".bmlm-built"


class StanModelError(ValueError):
    """An unknown Stan program name, or a program that does not compile."""


class CmdStanNotFound(RuntimeError):
    """No built CmdStan on this machine (the message says how to get one)."""


def is_cmdstan(path: str | os.PathLike | None) -> bool:
    """Say whether ``path`` is a built CmdStan folder.

    Parameters
    ----------
    path : str, os.PathLike or None
        A folder, or None.

    Returns
    -------
    bool
        True if it has a ``makefile`` and executable ``bin/stanc`` and
        ``bin/stansummary``.
    """
    if not path:
        return False
    p = Path(path)
    return (
        (p / "makefile").is_file()
        and os.access(p / "bin" / "stanc", os.X_OK)
        and os.access(p / "bin" / "stansummary", os.X_OK)
    )


def _version_key(path: Path) -> tuple[int, ...]:
    """The numbers in a folder's name (``cmdstan-2.37.0`` -> (2, 37, 0)), to sort by."""
    return tuple(int(x) for x in re.findall(r"\d+", path.name)) or (0,)


def find_cmdstan() -> Path | None:
    """Find a built CmdStan on this machine, or return None.

    Returns
    -------
    pathlib.Path or None
        ``$CMDSTAN`` if it is a built CmdStan, else the newest
        ``~/.cmdstan/cmdstan-*``, else the newest CmdStan that ``tools/cmdstan.py``
        built completely in the course cache; None if there is none.
    """
    env = os.environ.get("CMDSTAN")
    if env and is_cmdstan(env):
        return Path(env)
    user_dir = Path.home() / ".cmdstan"
    candidates = sorted(
        (p for p in user_dir.glob("cmdstan-*") if is_cmdstan(p)),
        key=_version_key,
        reverse=True,
    )
    ours = sorted(
        (
            p
            for p in cache_dir("cmdstan").glob("cmdstan-*")
            if is_cmdstan(p) and (p / BUILT_MARKER).is_file()
        ),
        key=_version_key,
        reverse=True,
    )
    found = candidates + ours
    return found[0] if found else None


def cmdstan_home() -> Path:
    """Return the CmdStan that :func:`model` compiles with.

    Returns
    -------
    pathlib.Path
        The folder :func:`find_cmdstan` found.

    Raises
    ------
    CmdStanNotFound
        If there is none; the message names the ways to get one.
    """
    home = find_cmdstan()
    if home is None:
        where = (
            f"$CMDSTAN={os.environ['CMDSTAN']!r} is not a built CmdStan, and "
            if os.environ.get("CMDSTAN")
            else ""
        )
        raise CmdStanNotFound(
            f"{where}no CmdStan in ~/.cmdstan or in {cache_dir('cmdstan')}: "
            "run `bash tools/course.sh setup` (builds one into the course cache), "
            "or `python -c 'import cmdstanpy; cmdstanpy.install_cmdstan()'`, "
            "or point $CMDSTAN at a built CmdStan"
        )
    return home


def names() -> list[str]:
    """Return the sorted names of the programs in ``stan/``.

    Returns
    -------
    list of str
        File names without ``.stan``: the names :func:`model` accepts.
    """
    return sorted(p.stem for p in STAN_DIR.glob("*.stan"))


def path(name: str) -> Path:
    """Return the path of ``stan/NAME.stan``.

    Parameters
    ----------
    name : str
        A program's name: a bare file stem like ``"eight_schools_noncentred"``.

    Returns
    -------
    pathlib.Path
        The program's file.

    Raises
    ------
    StanModelError
        If ``name`` is not a bare stem (a path, or ending in ``.stan``) or no such
        program exists; the message lists the known ones.
    """
    if not isinstance(name, str) or not name or "/" in name or name.endswith(".stan"):
        raise StanModelError(
            f"a Stan model name is a bare file stem like 'eight_schools', got {name!r}"
        )
    p = STAN_DIR / f"{name}.stan"
    if not p.is_file():
        raise StanModelError(
            f"unknown Stan model {name!r}; known models: {', '.join(names())}"
        )
    return p


def code(name: str) -> str:
    """Return the source of a program, for printing in a notebook.

    Parameters
    ----------
    name : str
        A program's name (see :func:`names`).

    Returns
    -------
    str
        The program's text.

    Raises
    ------
    StanModelError
        If ``name`` is unknown.

    Examples
    --------
    >>> from helpers import stan
    >>> source = stan.code("sleepstudy_varying_slopes")
    >>> source.startswith("//")  # every program opens with its header comment
    True
    """
    return path(name).read_text()


def _cmdstan_version(home: Path) -> str:
    """The version in a CmdStan folder's name (``cmdstan-2.37.0`` -> ``2.37.0``)."""
    return home.name.replace("cmdstan-", "") or "unknown"


def model(name: str):
    """Return ``stan/NAME.stan`` as a compiled :class:`cmdstanpy.CmdStanModel`.

    Compiles at most once per (source, CmdStan version): the executable is cached
    outside the repository, keyed by the program's content. Concurrent callers (the
    test workers) wait on a file lock instead of compiling twice.

    cmdstanpy's per-chain progress messages (logger level INFO) are silenced; its
    warnings (a chain that failed, numerical problems during sampling) reach the
    reader, and every fit then goes through :func:`helpers.checks.check_convergence`.

    Parameters
    ----------
    name : str
        A program's name (see :func:`names`).

    Returns
    -------
    cmdstanpy.CmdStanModel
        The compiled model; sample from it with plain cmdstanpy.

    Raises
    ------
    StanModelError
        If ``name`` is unknown or the program does not compile.
    CmdStanNotFound
        If there is no built CmdStan (see :func:`cmdstan_home`).

    Examples
    --------
    >>> from helpers import stan
    >>> model = stan.model("sleepstudy_varying_slopes")  # compiles once per source
    >>> fit = model.sample(data=stan_data, seed=SEED, chains=4)
    >>> idata = az.from_cmdstanpy(fit, coords=coords, dims=dims)
    """
    import cmdstanpy
    from filelock import FileLock

    # creates its handler first; INFO chatter off
    cmdstanpy.utils.get_logger().setLevel(logging.WARNING)
    src = path(name)
    home = cmdstan_home()
    cmdstanpy.set_cmdstan_path(str(home))
    folder = cache_dir("stan", _cmdstan_version(home), f"{name}-{content_hash(src)}")
    stan_file = folder / src.name
    exe = folder / name
    with FileLock(str(folder / ".lock")):
        if not stan_file.is_file():
            shutil.copyfile(src, stan_file)
        if not exe.is_file():
            print(
                f"[stan] compiling {name}.stan "
                "(once per source change, about a minute)",
                flush=True,
            )
        try:
            return cmdstanpy.CmdStanModel(
                stan_file=str(stan_file), exe_file=str(exe) if exe.is_file() else None
            )
        except (ValueError, RuntimeError) as exc:
            raise StanModelError(f"{name}.stan did not compile:\n{exc}") from None


REJECTED = "Non-fatal error during sampling"
# Stan's messages when a proposal's arithmetic under- or overflowed: a scale of 0, an
# infinite or NaN location, a covariance matrix that lost positive definiteness in
# rounding, two ordered cutpoints equal in floating point
_OVERFLOW = re.compile(r" is -?(0|inf|nan), but must be|is not positive definite")
_TIED = re.compile(
    r"not a valid ordered vector\. The element at \d+ is (\S+), "
    r"but should be greater than the previous element, (\S+?)[ !(]"
)


def _numerical(exception: str) -> bool:
    if _OVERFLOW.search(exception):
        return True
    tied = _TIED.search(exception + " ")
    return bool(tied) and tied.group(1) == tied.group(2)


class _NumericalRejections(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(REJECTED):
            return True
        exceptions = [s for s in message.splitlines() if s.startswith("Exception:")]
        return not (exceptions and all(_numerical(e) for e in exceptions))


def hide_rejections() -> None:
    """Hide the warnings about proposals rejected for floating-point reasons.

    Early in warm-up a proposal can make a scale underflow to 0, a location overflow to
    infinity, a covariance matrix lose positive definiteness in rounding or two ordered
    cutpoints compare equal. Stan rejects that proposal, carries on, and cmdstanpy
    prints "Non-fatal error during sampling". Those messages are hidden (every fit is
    gated afterwards, which is what tells a good fit from a bad one). A rejection for
    any other reason, such as data outside a distribution's support (a bug in the
    program), still shows, as does every other warning. Calling it twice adds nothing.

    Without the course library, plain :mod:`logging` does the same, more bluntly::

        logging.getLogger("cmdstanpy").addFilter(
            lambda record: "but must be" not in record.getMessage()
        )
    """
    logger = logging.getLogger("cmdstanpy")
    if not any(isinstance(f, _NumericalRejections) for f in logger.filters):
        logger.addFilter(_NumericalRejections())
