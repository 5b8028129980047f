"""Files with a generated section between two marker comments.

:mod:`tools.catalogue` (the data table of ``data/README.md``) and
:mod:`tools.cheatsheet` (the tables of the cheat sheet) write their output between a
``begin`` and an ``end`` comment; everything outside the markers is written by hand.
``--check`` only says whether the section is current, which is how the tests compare.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def section(path: Path, text: str, begin: str, end: str) -> str:
    """The text between ``begin`` and ``end`` in ``text`` (the contents of ``path``).

    Raises ``ValueError`` naming the file and both markers if a marker is missing.
    """
    if begin not in text or end not in text:
        raise ValueError(
            f"{path} lost its markers; they must read {begin!r} and {end!r}"
        )
    return text.split(begin, 1)[1].split(end, 1)[0].strip("\n")


def command(
    path: Path, begin: str, end: str, wanted: Callable[[], str], prog: str, doc: str
) -> Callable[[list[str] | None], int]:
    """A ``main(argv)`` that rewrites ``path``'s section with ``wanted()``.

    With ``--check`` it returns 1 instead of rewriting when the section is stale.
    """

    def main(argv: list[str] | None = None) -> int:
        parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
        parser.add_argument(
            "--check", action="store_true", help="exit 1 if the section is out of date"
        )
        args = parser.parse_args(argv)
        text = path.read_text()
        current, new = section(path, text, begin, end), wanted()
        if current == new:
            print(f"{path}: up to date")
            return 0
        if args.check:
            print(f"{path}: out of date; run {prog}")
            return 1
        head, rest = text.split(begin, 1)
        path.write_text(f"{head}{begin}\n\n{new}\n\n{end}{rest.split(end, 1)[1]}")
        print(f"{path}: section rewritten by {prog}")
        return 0

    return main
