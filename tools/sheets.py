"""Exercise sheets: the notebooks without their solutions, and with them.

``python -m tools.sheets [OUT]`` (``course.sh sheets``; default ``_build/sheets``)
writes for every notebook of the course

* ``OUT/learners/<day>/<page>.ipynb``: every exercise kept, every solution removed, what
  a learner opens in Jupyter (the MyST source shows the solutions, and *Run All* would
  execute them);
* ``OUT/solutions/<day>/<page>.ipynb``: the notebook as it is, for instructors;

and one zip per day and kind (``OUT/day1-learners.zip``, ``OUT/day1-solutions.zip``).
Both are generated from the MyST sources, never edited by hand; the site build publishes
them under ``sheets/``. A solution is everything from a ``{solution-start}`` fence to
the fence closing its ``{solution-end}``. A learner's copy must still run:
:func:`dangling_names` finds code after a solution that uses a name only the solution
defined, and the tests require there is none.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import re
import zipfile
from pathlib import Path

from helpers.paths import REPO

from .runner import notebooks

START = re.compile(r"^\s*(`{3,}|:{3,})\{solution-start\}")
END = re.compile(r"^\s*(`{3,}|:{3,})\{solution-end\}")
CODE_CELL = re.compile(r"^```\{code-cell\}")
DEFAULT_OUT = REPO / "_build" / "sheets"


class SheetError(ValueError):
    """A notebook's solution blocks are not balanced."""


def _solution_spans(lines: list[str], where: str) -> list[tuple[int, int]]:
    """(first, last) line indices of each solution block, both fences included."""
    spans, start = [], None
    for i, line in enumerate(lines):
        if START.match(line):
            if start is not None:
                raise SheetError(f"{where}:{i + 1}: solution-start inside a solution")
            start = i
        elif END.match(line):
            if start is None:
                raise SheetError(f"{where}:{i + 1}: solution-end without a start")
            fence = END.match(line).group(1)
            last = i + 1 if i + 1 < len(lines) and lines[i + 1].strip() == fence else i
            spans.append((start, last))
            start = None
    if start is not None:
        raise SheetError(f"{where}:{start + 1}: solution-start is never ended")
    return spans


def _solution_lines(lines: list[str], where: str) -> set[int]:
    """Indices of the lines inside solution blocks, fences included."""
    return {i for a, b in _solution_spans(lines, where) for i in range(a, b + 1)}


def strip_solutions(text: str, *, where: str = "<text>") -> str:
    """Return a MyST notebook's text with every solution block removed.

    Parameters
    ----------
    text : str
        The notebook's MyST source.
    where : str, optional
        A name for error messages (the file's path).

    Returns
    -------
    str
        The text without the solution blocks; exercises and everything else unchanged.

    Raises
    ------
    SheetError
        If a solution block is opened twice, never closed, or closed without opening.
    """
    lines = text.splitlines(keepends=True)
    drop = _solution_lines(lines, where)
    return "".join(line for i, line in enumerate(lines) if i not in drop)


def code_cells(text: str, *, where: str = "<text>") -> list[tuple[str, bool]]:
    """Each code cell's source and whether it lies inside a solution, in order."""
    lines = text.splitlines()
    inside = _solution_lines(lines, where)
    cells, current, start = [], None, 0
    for i, line in enumerate(lines):
        if current is None and CODE_CELL.match(line):
            current, start = [], i
        elif current is not None and line.startswith("```"):
            body = [ln for ln in current if not re.match(r"^:\w+:|^%|^!", ln)]
            cells.append(("\n".join(body), start in inside))
            current = None
        elif current is not None:
            current.append(line)
    return cells


def _defined(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _loaded(tree: ast.AST) -> set[str]:
    return {
        n.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }


def dangling_names(text: str, *, where: str = "<text>") -> list[str]:
    """Names that code outside the solutions uses but only a solution defines.

    Walks the code cells in order. A name a solution defines is dangling where a later
    cell outside the solutions loads it without defining it itself, and no cell outside
    the solutions defined it before.

    Parameters
    ----------
    text : str
        The notebook's MyST source.
    where : str, optional
        A name for the messages (the file's path).

    Returns
    -------
    list of str
        One ``"where: cell k uses name"`` message per dangling use; empty if a learner's
        copy can run from top to bottom.
    """
    from_solutions: set[str] = set()
    outside: set[str] = set(dir(builtins))
    problems = []
    for k, (source, in_solution) in enumerate(code_cells(text, where=where), 1):
        tree = ast.parse(source)
        defined = _defined(tree)
        if in_solution:
            from_solutions |= defined - outside
            continue
        for name in sorted((_loaded(tree) - defined) & (from_solutions - outside)):
            problems.append(
                f"{where}: code cell {k} uses {name!r}, defined in a solution"
            )
        outside |= defined
    return problems


GLUE = re.compile(r"""\bglue\(\s*["']([^"']+)["']""")
EVAL = re.compile(r"""\{eval\}`g\(["']([^"':]+)""")


def dangling_glue(text: str, *, where: str = "<text>") -> list[str]:
    """Numbers the prose outside the solutions shows but only a solution glues.

    In a learner's copy such an ``{eval}`` role would show an error instead of a number.

    Parameters
    ----------
    text : str
        The notebook's MyST source.
    where : str, optional
        A name for the messages (the file's path).

    Returns
    -------
    list of str
        One message per such name; empty if every number has its glue outside.
    """
    lines = text.splitlines()
    inside = _solution_lines(lines, where)
    glued_in, glued_out, shown_out = set(), set(), set()
    for i, line in enumerate(lines):
        glued = set(GLUE.findall(line))
        if i in inside:
            glued_in |= glued
        else:
            glued_out |= glued
            shown_out |= set(EVAL.findall(line))
    return [
        f"{where}: the prose shows {name!r}, glued only in a solution"
        for name in sorted((shown_out & glued_in) - glued_out)
    ]


def day_of(page: Path) -> str:
    """``day1`` for a page under ``chapters/01-...``; ``course`` for the others."""
    match = re.match(r"0?(\d+)-", page.parent.name)
    return f"day{match.group(1)}" if match else "course"


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write the learners' and solutions copies and the zips; return the zips."""
    import jupytext

    out = Path(out)
    zips: dict[Path, list[tuple[Path, str]]] = {}
    for page in notebooks():
        text = page.read_text()
        if "{exercise}" not in text:
            continue
        where = str(page.relative_to(REPO))
        for kind, source in [
            ("learners", strip_solutions(text, where=where)),
            ("solutions", text),
        ]:
            target = out / kind / day_of(page) / page.with_suffix(".ipynb").name
            target.parent.mkdir(parents=True, exist_ok=True)
            jupytext.write(jupytext.reads(source, fmt="md:myst"), target, fmt="ipynb")
            archive = out / f"{day_of(page)}-{kind}.zip"
            zips.setdefault(archive, []).append((target, f"{kind}/{target.name}"))
    for archive, members in zips.items():
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path, name in members:
                z.write(path, name)
    return sorted(zips)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.sheets", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    out = parser.parse_args(argv).out
    for archive in build(out):
        print(f"[sheets] {archive.relative_to(out.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
