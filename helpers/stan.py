"""Stan programs of the course: load one by name, compiled into a content-keyed cache.

>>> from helpers import stan
>>> model = stan.model("sleepstudy_varying_slopes")      # a cmdstanpy.CmdStanModel
>>> fit = model.sample(data=..., seed=1)                  # then plain cmdstanpy

Programs live in ``stan/NAME.stan``, one file per model variant. The executable is
built in ``<cache>/stan/<cmdstan-version>/<NAME>-<hash of the source>/`` so editing a
program rebuilds it, the repository stays clean and a warm machine compiles nothing.
:func:`stanc_check` type-checks a program with a given ``stanc`` (used by the tests
with a current stanc, so the files also compile on a user's newest CmdStan).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from .cmdstan import download_wheel, ensure_cmdstan
from .paths import STAN_DIR, cache_dir, content_hash

# A current stanc for syntax checks: the one inside the httpstan wheel for Python 3.12.
CURRENT_STANC_WHEEL = "httpstan-4.17.0-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
CURRENT_STANC_SHA256 = "7f73e29a415718ddc45e4703c0253a9d4adc6a21aa7110ccf36821a0f94202cd"


class StanModelError(ValueError):
    """An unknown Stan program name, or a program that does not compile."""


def names() -> list[str]:
    """Sorted names of the programs in ``stan/`` (file names without ``.stan``)."""
    return sorted(p.stem for p in STAN_DIR.glob("*.stan"))


def path(name: str) -> Path:
    """Path of ``stan/NAME.stan``; raises :class:`StanModelError` for an unknown name."""
    if not isinstance(name, str) or not name or "/" in name or name.endswith(".stan"):
        raise StanModelError(f"a Stan model name is a bare file stem like 'eight_schools', got {name!r}")
    p = STAN_DIR / f"{name}.stan"
    if not p.is_file():
        raise StanModelError(f"unknown Stan model {name!r}; known models: {', '.join(names())}")
    return p


def code(name: str) -> str:
    """The source of a program, for printing in a notebook."""
    return path(name).read_text()


def _cmdstan_version(home: Path) -> str:
    return home.name.replace("cmdstan-", "") or "unknown"


def model(name: str, quiet: bool = True):
    """Return ``stan/NAME.stan`` as a compiled :class:`cmdstanpy.CmdStanModel`.

    Compiles at most once per (source, CmdStan version): the executable is cached
    outside the repository, keyed by the program's content. Concurrent callers (the
    test workers) wait on a file lock instead of compiling twice.

    cmdstanpy's per-chain progress messages (logger level INFO) are silenced; its warnings
    (a chain that failed, numerical problems during sampling) reach the reader, and every
    fit then goes through :func:`helpers.checks.check_convergence`.
    """
    import cmdstanpy
    from filelock import FileLock

    cmdstanpy.utils.get_logger().setLevel(logging.WARNING)  # creates its handler first; INFO chatter off
    src = path(name)
    home = ensure_cmdstan() if not os.environ.get("CMDSTAN") else Path(os.environ["CMDSTAN"])
    cmdstanpy.set_cmdstan_path(str(home))
    folder = cache_dir("stan", _cmdstan_version(home), f"{name}-{content_hash(src)}")
    stan_file = folder / src.name
    exe = folder / name
    with FileLock(str(folder / ".lock")):
        if not stan_file.is_file():
            shutil.copyfile(src, stan_file)
        if not exe.is_file():
            print(f"[stan] compiling {name}.stan (once per source change, about a minute)", flush=True)
        try:
            return cmdstanpy.CmdStanModel(stan_file=str(stan_file), exe_file=str(exe) if exe.is_file() else None)
        except (ValueError, RuntimeError) as exc:
            raise StanModelError(f"{name}.stan did not compile:\n{exc}") from None


def current_stanc() -> Path:
    """A current ``stanc`` (2.39, from the httpstan wheel), unpacked into the cache."""
    from filelock import FileLock

    folder = cache_dir("stanc-current")
    target = folder / "stanc"
    with FileLock(str(folder / ".lock")):  # test workers: one extracts, the others wait
        if not os.access(target, os.X_OK):
            wheel = download_wheel(
                "httpstan==4.17.0", CURRENT_STANC_WHEEL, CURRENT_STANC_SHA256, "manylinux2014_x86_64", "3.12"
            )
            partial = folder / "stanc.partial"
            with zipfile.ZipFile(wheel) as zf, zf.open("httpstan/stanc") as src, partial.open("wb") as out:
                shutil.copyfileobj(src, out)
            partial.chmod(0o755)
            partial.replace(target)  # atomic: nobody ever runs a half-written file
    return target


def stanc_check(name: str, stanc: str | os.PathLike) -> str:
    """Type-check ``stan/NAME.stan`` with ``stanc``; return its warnings, raise on error.

    Deprecated syntax counts as an error: a program that only warns today fails to
    compile on a later Stan.
    """
    src = path(name)
    out_cpp = cache_dir("stanc-check", content_hash(str(stanc), length=8)) / f"{name}.hpp"  # one per compiler
    proc = subprocess.run(
        [str(stanc), f"--o={out_cpp}", str(src)], capture_output=True, text=True
    )
    message = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise StanModelError(f"{name}.stan does not compile with {stanc}:\n{message}")
    if "deprecat" in message.lower():
        raise StanModelError(f"{name}.stan uses deprecated syntax ({stanc}):\n{message}")
    return message
