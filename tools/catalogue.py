"""Write the data catalogue table of ``data/README.md`` from :mod:`helpers.data`.

The table is generated from the registry (:data:`helpers.data.REGISTRY`).
``python -m tools.catalogue`` rewrites the table between its two markers; ``--check``
only says whether it is current (the tests compare the same way).
"""

from __future__ import annotations

from helpers import data
from helpers.paths import DATA_DIR

from . import markers

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
    return markers.section(README, text, BEGIN, END)


main = markers.command(
    README, BEGIN, END, data.catalogue_markdown, "python -m tools.catalogue", __doc__
)

if __name__ == "__main__":
    raise SystemExit(main())
