"""Write the data catalogue table of ``data/README.md`` from :mod:`helpers.data`.

The table is generated from the registry (:data:`helpers.data.REGISTRY`).
``python -m tools.catalogue`` rewrites the table between its two markers; ``--check``
only says whether it is current (the tests compare the same way).
"""

from __future__ import annotations

import argparse

from helpers import data
from helpers.paths import DATA_DIR

README = DATA_DIR / "README.md"
BEGIN = (
    "<!-- generated from the registry in helpers/data.py by "
    "`python -m tools.catalogue`: edit the registry, not this table -->"
)
END = "<!-- end of the generated table -->"


def generated_section(text: str) -> str:
    """The text between the markers of ``data/README.md``.

    Raises ``ValueError`` if a marker is missing.
    """
    if BEGIN not in text or END not in text:
        raise ValueError(
            f"{README} lost its markers; they must read {BEGIN!r} and {END!r}"
        )
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.catalogue", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the table is out of date"
    )
    args = parser.parse_args(argv)
    text = README.read_text()
    current, wanted = generated_section(text), data.catalogue_markdown()
    if current == wanted:
        print(f"{README}: up to date")
        return 0
    if args.check:
        print(f"{README}: out of date; run python -m tools.catalogue")
        return 1
    README.write_text(text.replace(current, wanted, 1))
    print(f"{README}: table rewritten from the registry")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
