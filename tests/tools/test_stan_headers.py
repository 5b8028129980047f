"""Every Stan program opens with a header that says what it is for; the header is true.

The layout, at the very top of ``stan/NAME.stan`` (continuation lines are indented to
the value column, ``//`` plus nine spaces)::

    // Title: one-line description
    // Data:   NAME (data/FILE.csv; citation) ...      or   none (reason)
    // Priors: every parameter's prior; data-supplied prior values as VAR = value
    // Pages:  chapters/.../page.md, chapters/.../other.md
    // PyMC:   chapters/.../page.md, `identifier` (notes) ...   or   none (reason)

The checks read the programs and pages as text, so a moved or renamed notebook, a
dataset that is no longer loaded, a new page whose code uses a program, or a parameter
added to a program all fail here until the header follows. A page "uses" a program when
the program's name appears in one of its code cells (a mention in prose, such as the API
table of the setup page, does not count). Dataset names are checked against
``helpers.data``'s public registry (``data.info``), not its source layout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.paths import CHAPTERS_DIR as CHAPTERS
from helpers.paths import REPO, STAN_DIR

FIELDS = ("Data", "Priors", "Pages", "PyMC")
PROGRAMS = sorted(STAN_DIR.glob("*.stan"))
PAGE_PATH = re.compile(r"chapters/[\w./-]+?\.md")
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)


def token(name: str) -> re.Pattern:
    """``name`` as a whole identifier (not part of a longer one)."""
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])")


def header(path: Path) -> tuple[str, dict[str, str]]:
    """The title line and the four fields (continuation lines joined) of a header."""
    lines = path.read_text().splitlines()
    assert lines and lines[0].startswith("// "), (
        f"{path.name}: line 1 must be the '// Title: ...' line"
    )
    title = lines[0][3:]
    fields: dict[str, str] = {}
    i = 1
    for name in FIELDS:
        label = f"// {name}:"
        assert i < len(lines) and lines[i].startswith(label), (
            f"{path.name}: line {i + 1} must start with {label!r} "
            f"(fields in the order {', '.join(FIELDS)})"
        )
        assert lines[i][:11] == f"{label:<11}", (
            f"{path.name}: the value of {name} must start in column 12"
        )
        value = [lines[i][11:].strip()]
        i += 1
        while i < len(lines) and re.match(r"// {9}\S", lines[i]):
            value.append(lines[i][11:].strip())
            i += 1
        fields[name] = " ".join(value)
        assert fields[name], f"{path.name}: {name} is empty"
    return title, fields


def without_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", " ", source, flags=re.S)
    return re.sub(r"//[^\n]*", "", source)


def block(code: str, name: str) -> str:
    """The body of one top-level Stan block ('' if the program has none)."""
    m = re.search(rf"(?m)^\s*{name}\s*\{{", code)
    if not m:
        return ""
    depth, start = 1, m.end()
    for j in range(start, len(code)):
        depth += {"{": 1, "}": -1}.get(code[j], 0)
        if depth == 0:
            return code[start:j]
    raise AssertionError(f"unbalanced braces in block {name}")


def declared(body: str) -> list[str]:
    """Names declared in a block: each statement's last identifier, before any '='."""
    names = []
    for stmt in body.split(";"):
        # drop constraints, offset/multiplier; and assignments
        stmt = re.sub(r"<[^<>]*>", " ", stmt).split("=")[0]
        m = re.search(rf"({IDENT})\s*$", stmt.strip())
        if m:
            names.append(m.group(1))
    return names


def prior_data(code: str, params: set[str], data: set[str]) -> set[str]:
    """Data variables that set a prior: in a '~' on a parameter, or in 'target +='."""
    used = set()
    for stmt in block(code, "model").split(";"):
        stmt = stmt.split("{")[-1]  # drop an enclosing 'if (...) {'
        if "~" in stmt:
            lhs, rhs = stmt.split("~", 1)
            lhs_names = set(
                re.findall(rf"\b({IDENT})\b(?!\s*\()", lhs)
            )  # not function names
            if lhs_names & params:
                used |= set(re.findall(IDENT, rhs)) & data
        elif "target" in stmt and "+=" in stmt:
            used |= set(re.findall(IDENT, stmt.split("+=", 1)[1])) & data
    return used


def registry() -> dict[str, str]:
    """Dataset name -> file name, from the course's dataset registry."""
    from helpers import data  # the one helpers import: its public registry API

    return {name: data.info(name).file for name in data.names()}


def code_of(page: Path) -> str:
    """The code cells of a MyST notebook page, joined."""
    return "\n".join(CODE_CELL.findall(page.read_text()))


def pages_using(name: str) -> set[str]:
    """Course pages (chapters/**/*.md) whose code cells name the program."""
    pattern = token(name)
    return {
        p.relative_to(REPO).as_posix()
        for p in CHAPTERS.rglob("*.md")
        if pattern.search(code_of(p))
    }


def twins(field: str) -> list[tuple[str, str]]:
    """(page, identifier) pairs of the PyMC field: a page and its first `identifier`."""
    parts = PAGE_PATH.split(field)
    pages = PAGE_PATH.findall(field)
    out = []
    for page, after in zip(pages, parts[1:], strict=True):
        ident = re.search(r"`([^`]+)`", after)
        assert ident, f"PyMC: no `identifier` after {page}"
        out.append((page, ident.group(1)))
    return out


def test_there_are_programs():
    assert len(PROGRAMS) >= 10, PROGRAMS


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_header_layout(path):
    title, fields = header(path)
    assert re.match(r"\S.*\S: \S", title), (
        f"{path.name}: title line must read 'Title: description', got {title!r}"
    )
    for name in ("Data", "PyMC"):
        value = fields[name]
        if value.lower().startswith("none"):
            assert re.match(r"none \(.{10,}\)$", value), (
                f"{path.name}: {name} 'none' needs a reason: 'none (why)'"
            )


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_pages_are_exactly_the_pages_that_use_the_program(path):
    _, fields = header(path)
    listed = PAGE_PATH.findall(fields["Pages"])
    assert listed, f"{path.name}: Pages names no chapters/...md page"
    assert len(listed) == len(set(listed)), f"{path.name}: a page is listed twice"
    for page in listed:
        assert (REPO / page).is_file(), (
            f"{path.name}: Pages names {page}, which does not exist"
        )
        assert token(path.stem).search(code_of(REPO / page)), (
            f"{path.name}: no code cell of {page} uses {path.stem}"
        )
    unlisted = pages_using(path.stem) - set(listed)
    assert not unlisted, (
        f"{path.name}: used by {sorted(unlisted)}, missing from its Pages field"
    )


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_data_names_registered_datasets_that_the_pages_load(path):
    _, fields = header(path)
    if fields["Data"].startswith("none ("):
        return
    named = re.findall(r"(\w+) \((data/[^;,)\s]+)", fields["Data"])
    assert named, (
        f"{path.name}: Data must name 'dataset (data/FILE; ...)' or say 'none (why)'"
    )
    known = registry()
    pages = [
        code_of(REPO / p)
        for p in PAGE_PATH.findall(fields["Pages"])
        if (REPO / p).is_file()
    ]
    for name, file in named:
        assert (REPO / file).is_file(), (
            f"{path.name}: Data names {file}, which is not in data/"
        )
        assert known.get(name) == Path(file).name, (
            f"{path.name}: dataset {name!r} is registered in helpers/data.py "
            f"with file {known.get(name)!r}, not {file!r}"
        )
        load = re.compile(rf"""data\.load\(\s*["']{re.escape(name)}["']""")
        assert any(load.search(text) for text in pages), (
            f"{path.name}: none of its Pages loads dataset {name!r} "
            f"(data.load({name!r}))"
        )


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_priors_cover_every_parameter_and_prior_value_passed_as_data(path):
    _, fields = header(path)
    priors = fields["Priors"]
    code = without_comments(path.read_text())
    params = set(declared(block(code, "parameters")))
    data = set(declared(block(code, "data")))
    assert params, f"{path.name}: no parameters found (parser out of date?)"
    missing = sorted(p for p in params if not token(p).search(priors))
    assert not missing, f"{path.name}: Priors does not mention the parameters {missing}"
    from_data = prior_data(code, params, data)
    if from_data:
        assert "data" in priors, (
            f"{path.name}: priors come in as data ({sorted(from_data)}); "
            "Priors must say so"
        )
    no_value = sorted(
        v
        for v in from_data
        if not re.search(rf"{token(v).pattern}\s*=\s*[-\[\d]", priors)
    )
    assert not no_value, (
        f"{path.name}: Priors must give the values the notebooks pass, "
        f"as 'VAR = value', for {no_value}"
    )


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_pymc_twin_is_a_model_defined_on_a_listed_page(path):
    _, fields = header(path)
    value = fields["PyMC"]
    if value.startswith("none ("):
        return
    found = twins(value)
    assert found, (
        f"{path.name}: PyMC must name 'chapters/...md, `identifier`' "
        "or say 'none (why)'"
    )
    listed = set(PAGE_PATH.findall(fields["Pages"]))
    for page, ident in found:
        assert (REPO / page).is_file(), (
            f"{path.name}: PyMC names {page}, which does not exist"
        )
        assert page in listed, f"{path.name}: the PyMC page {page} is not in Pages"
        text = (REPO / page).read_text()
        assert re.search(r"\b(pm|bmb)\.Model\(", text), (
            f"{path.name}: {page} builds no PyMC or bambi model"
        )
        i = re.escape(ident)
        defined = rf"(?:\bas|\bdef)\s+{i}\b|(?<![\w.]){i}\s*=(?!=)|:label:\s*{i}\s*$"
        assert re.search(defined, text, flags=re.M), (
            f"{path.name}: {page} does not define `{ident}` "
            "(as a model, function, variable or exercise label)"
        )
