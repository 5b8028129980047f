"""Type-check the Stan programs with the course's CmdStan 2.27 *and* a current stanc.

A program must compile on the offline route's CmdStan 2.27 and on a learner's newest
CmdStan; the tests run :func:`stanc_check` with both compilers on every program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from helpers.paths import cache_dir, content_hash
from helpers.stan import StanModelError, path

from .cmdstan import download_wheel

# A current stanc for syntax checks: the one inside the httpstan wheel for Python 3.12.
CURRENT_STANC_WHEEL = (
    "httpstan-4.17.0-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
)
CURRENT_STANC_SHA256 = (
    "7f73e29a415718ddc45e4703c0253a9d4adc6a21aa7110ccf36821a0f94202cd"
)


def current_stanc() -> Path:
    """A current ``stanc`` (2.39, from the httpstan wheel), unpacked into the cache."""
    from filelock import FileLock

    folder = cache_dir("stanc-current")
    target = folder / "stanc"
    with FileLock(str(folder / ".lock")):  # test workers: one extracts, the others wait
        if not os.access(target, os.X_OK):
            wheel = download_wheel(
                "httpstan==4.17.0",
                CURRENT_STANC_WHEEL,
                CURRENT_STANC_SHA256,
                "manylinux2014_x86_64",
                "3.12",
            )
            partial = folder / "stanc.partial"
            with (
                zipfile.ZipFile(wheel) as zf,
                zf.open("httpstan/stanc") as src,
                partial.open("wb") as out,
            ):
                shutil.copyfileobj(src, out)
            partial.chmod(0o755)
            partial.replace(target)  # atomic: nobody ever runs a half-written file
    return target


def stanc_check(name: str, stanc: str | os.PathLike) -> str:
    """Type-check ``stan/NAME.stan`` with ``stanc``; return its warnings, raise errors.

    Deprecated syntax counts as an error: a program that only warns today fails to
    compile on a later Stan.
    """
    src = path(name)
    out_cpp = (
        cache_dir("stanc-check", content_hash(str(stanc), length=8)) / f"{name}.hpp"
    )  # one per compiler
    proc = subprocess.run(
        [str(stanc), f"--o={out_cpp}", str(src)], capture_output=True, text=True
    )
    message = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise StanModelError(f"{name}.stan does not compile with {stanc}:\n{message}")
    if "deprecat" in message.lower():
        raise StanModelError(
            f"{name}.stan uses deprecated syntax ({stanc}):\n{message}"
        )
    return message
