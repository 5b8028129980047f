"""The repository keeps the layout and the promises the README makes."""

import re

from helpers.paths import REPO

TOP = [
    "_config.yml",
    "_toc.yml",
    "README.md",
    "chapters",
    "stan",
    "data",
    "helpers",
    "tests",
    "tools",
    "requirements.txt",
    "pyproject.toml",
    ".ci/run",
    "runtime.txt",
    "postBuild",
    "apt.txt",
]
CHAPTERS = [
    "01-bayes-basics",
    "02-hierarchical",
    "03-multilevel-regression",
    "04-glmm",
    "05-mixtures",
]


def test_layout():
    for name in TOP:
        assert (REPO / name).exists(), name
    for ch in CHAPTERS:
        assert (REPO / "chapters" / ch / "index.md").is_file(), ch


def test_requirements_are_pinned_exactly():
    lines = [l.strip() for l in (REPO / "requirements.txt").read_text().splitlines()]
    reqs = [l for l in lines if l and not l.startswith("#")]
    assert reqs and all(
        re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", r) for r in reqs
    ), [r for r in reqs if "==" not in r]
    names = {r.split("==")[0].lower().replace("_", "-") for r in reqs}
    for pkg in [
        "pymc",
        "arviz",
        "bambi",
        "nutpie",
        "cmdstanpy",
        "preliz",
        "altair",
        "ipywidgets",
        "pandas",
        "numpy",
        "scipy",
        "statsmodels",
        "jupyter-book",
        "jupytext",
        "pytest",
        "nbclient",
    ]:
        assert pkg in names, pkg


def test_no_committed_notebook_outputs():
    assert not list((REPO / "chapters").rglob("*.ipynb")), (
        "notebooks are MyST text; outputs come from execution"
    )


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "bash tools/course.sh test" in readme and "bash tools/course.sh test" in ci
    assert "bash tools/course.sh build" in readme


def test_binder_files():
    assert (REPO / "runtime.txt").read_text().strip() == "python-3.12"
    post = (REPO / "postBuild").read_text()
    assert "tools.cmdstan" in post and "tools.environment" in post and "-e ." in post


def test_no_placeholders_in_the_course():
    for page in (REPO / "chapters").rglob("*.md"):
        text = page.read_text()
        assert not re.search(
            r"\bTODO\b|coming soon|placeholder|lorem ipsum", text, re.I
        ), page


def test_the_prose_shows_numbers_with_eval_roles_only():
    """{glue:...} roles render as bare names in JupyterLab: numbers are {eval} roles."""
    offenders = offending_lines(
        r"\{glue(?::\w+)?\}`", (REPO / "chapters").rglob("*.md")
    )
    assert not offenders, offenders


def code_lines(page):
    """(line number, text) of every line inside a page's code cells."""
    inside = False
    for n, line in enumerate(page.read_text().splitlines(), 1):
        if line.startswith("```{code-cell}"):
            inside = True
        elif inside and line.startswith("```"):
            inside = False
        elif inside:
            yield n, line


FENCE = re.compile(r"^\s*(`{3,}|:{3,}|~{3,})")
DISPLAY_MATH = re.compile(r"^\s*\$\$")


def prose_lines(page):
    """(line number, text) of a page's prose.

    Prose is outside front matter, code cells, fenced blocks, display maths and
    directive options; admonitions and exercises are prose.
    """
    lines = page.read_text().splitlines()
    fence, maths, front = None, False, bool(lines) and lines[0] == "---"
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if front:
            front = not (n > 1 and stripped == "---")
            continue
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        opening = FENCE.match(line)
        if opening and (opening.group(1)[0] == "`" or "{math}" in line):
            fence = opening.group(1)  # a code block or a maths directive: not prose
            continue
        if DISPLAY_MATH.match(line):
            maths = maths != (stripped == "$$" or not stripped.endswith("$$"))
            continue
        if maths or opening or re.match(r"^:[\w-]+:", stripped):
            continue
        yield n, line


# What a number in prose may legitimately sit in: maths, code and roles (an {eval}
# role is the computed number), link targets, years, and references to parts of books.
NOT_PROSE = re.compile(
    r"\$[^$]*\$|`[^`]*`|\]\([^)]*\)|https?://\S+|\b1[5-9]\d\d[a-z]?\b|\b20\d\d[a-z]?\b"
    r"|\b(?:Day|Days|chapters?|ch\.|sec\.|section|§|pp?\.|eq\.|exercise) \d[\d.–-]*"
)
# Conventions, not results: interval levels, the gates' thresholds (k-hat 0.7, R-hat
# 1.01, ESS 400), the logit/probit ratio the glm notebook derives, and its predictors'
# units (a coefficient per 100 m or 100 µg/L).
CONVENTIONS = re.compile(
    r"\b(?:50|89|90|95|99) %|\b0\.7\b|\b1\.01\b|\b400\b|\b1\.6\b|\b100 (?:m|µg/L)\b"
)
# A typed result: a decimal number, or a whole number of two or more digits.
TYPED_NUMBER = re.compile(r"(?<![\w.])(?:\d+\.\d+|\d{1,3}(?:,\d{3})+|\d{2,})(?![\w])")


def typed_numbers(page) -> list[tuple[int, str]]:
    """Prose lines of ``page`` with a number typed by hand, as (line, text)."""
    found = []
    for n, line in prose_lines(page):
        text = CONVENTIONS.sub(" ", NOT_PROSE.sub(" ", line))
        if TYPED_NUMBER.search(text):
            found.append((n, line.strip()))
    return found


def test_numbers_in_the_prose_are_computed():
    """A number in a notebook's prose is an {eval} role, maths, or a convention."""
    from tools.runner import notebooks

    offenders = [
        f"{page.relative_to(REPO)}:{n}: {text}"
        for page in notebooks()
        for n, text in typed_numbers(page)
    ]
    assert not offenders, (
        f"{len(offenders)} prose lines type a number: glue it and show it with "
        "{eval}, or write a model's constant as maths\n" + "\n".join(offenders)
    )


def test_typed_numbers_finds_what_it_should(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\nfront: 12\n---\n# Title\n"
        "There are 18 drivers.\n"  # flagged
        "The mean is 0.516 here.\n"  # flagged
        "We have 7,185 students.\n"  # flagged
        "A period 1 herd, the divide-by-4 rule.\n"  # single digits: structural
        'Prior $\\mathrm{Beta}(20, 20)$ and {eval}`g("n:d")` rows, 95 % intervals.\n'
        "As in {cite:t}`gelman2007`, chapter 12, and Day 3 (2007).\n"
        ":::{admonition} Aims\n:class: tip\n- fit 3 models with 12 groups\n:::\n"
        "```{code-cell} ipython3\nx = 12345\n```\n"
        "$$\nx = 42\n$$\n"
        "```{math}\ny = 17\n```\n"
    )
    assert [n for n, _ in typed_numbers(page)] == [5, 6, 7, 13]


def offending_lines(pattern, files, lines=None) -> list[str]:
    """``path:line: text`` of every line of ``files`` that ``pattern`` matches.

    ``lines(path)`` yields (number, text); by default every line of the file.
    """
    lines = lines or (lambda f: enumerate(f.read_text().splitlines(), 1))
    return [
        f"{f.relative_to(REPO)}:{n}: {text.strip()}"
        for f in sorted(files)
        for n, text in lines(f)
        if re.search(pattern, text)
    ]


def test_every_seed_comes_from_helpers_seed():
    """A literal seed in a notebook would escape the seed sweep."""
    literal = re.compile(
        r"(SEED\s*=\s*\d|default_rng\(\d|random_seed\s*=\s*\d|\bseed\s*=\s*\d|RandomState\(\d)"
    )
    offenders = offending_lines(literal, (REPO / "chapters").rglob("*.md"), code_lines)
    assert not offenders, "seeds not taken from helpers.seed:\n" + "\n".join(offenders)


def test_no_convergence_check_is_loosened_in_a_notebook():
    """Thresholds are the gate's; a notebook may not raise or lower them for one fit."""
    loosened = re.compile(
        r"(rhat_max|ess_bulk_min|ess_tail_min|max_divergences|bfmi_min)\s*="
    )
    offenders = offending_lines(loosened, (REPO / "chapters").rglob("*.md"))
    assert not offenders, f"convergence thresholds changed in {offenders}"


def test_the_library_does_not_reach_into_the_build():
    """Notebooks and the build import helpers; helpers never imports tools."""
    files = [*(REPO / "helpers").rglob("*.py"), *(REPO / "chapters").rglob("*.md")]
    offenders = offending_lines(r"^\s*(from|import)\s+tools\b", files)
    assert not offenders, offenders


REQUIRED = {
    "aims": re.compile(r"^:::\{admonition\} What you will be able to do", re.M),
    "setup": re.compile(r"^style\.setup\(\)", re.M),
    "exercises": re.compile(r"^## Exercises\s*$", re.M),
    "summary": re.compile(r"^## Summary\s*$", re.M),
}


def test_every_notebook_has_the_required_sections():
    """Aims, a setup cell, exercises and a summary, as the notebook template has."""
    from tools.runner import notebooks

    template = REPO / "tools" / "templates" / "notebook.md"
    pages = [p for p in notebooks() if p.name != "datasets.md"] + [template]
    missing = {
        str(p.relative_to(REPO)): [
            k for k, pattern in REQUIRED.items() if not pattern.search(p.read_text())
        ]
        for p in pages
    }
    missing = {page: what for page, what in missing.items() if what}
    assert not missing, f"sections missing: {missing}"


def test_the_code_passes_lint():
    """ruff on the library, the build, the tests and every notebook's code cells."""
    from tools import lint

    problems = lint.check_python() + lint.check_notebooks()
    assert not problems, (
        f"{len(problems)} lint findings (python -m tools.lint):\n"
        + "\n".join(problems[:40])
    )


MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def notebook_links(page) -> list[str]:
    """Markdown links of ``page`` to another notebook's ``.md`` source."""
    from tools.runner import notebooks

    targets = {p.resolve() for p in notebooks()}
    return [
        link
        for link in MARKDOWN_LINK.findall(page.read_text())
        if (page.parent / link).resolve() in targets
    ]


def test_pages_link_to_notebooks_with_doc_roles():
    """A notebook is built from its .md, which the site does not have: use {doc}."""
    from tools.runner import notebooks

    offenders = {
        str(page.relative_to(REPO)): links
        for page in notebooks()
        if (links := notebook_links(page))
    }
    assert not offenders, f"write these links as {{doc}} roles: {offenders}"


def test_notebook_links_finds_what_it_should(tmp_path):
    from tools.runner import notebooks

    some = notebooks()[0].resolve()
    page = tmp_path / "page.md"
    page.write_text(f"see [it]({some}) and [refs](../bibliography.md)\n")
    assert notebook_links(page) == [str(some)]


# A count of the data written as a word ("eighteen drivers") states a fact about the
# data set as surely as a digit does: the page asserts it in code, on a line that holds
# the number and the counted noun ('assert n_drivers == 18  # "eighteen drivers"').
ONES = "two three four five six seven eight nine ten eleven twelve thirteen fourteen"
TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
NUMBER_WORDS = {word: n for n, word in enumerate(f"{ONES} {TEENS}".split(), start=2)}
NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
NUMBER_WORDS |= {"hundred": 100}
DATA_UNITS = (
    "drivers batches samples plates herds judges trees schools counties conditions"
    " participants wines patients novels experiments rats players pastes casks studies"
    " persons items subjects catheters apartments hospitals documents paragraphs assays"
    " yields days"
)
COUNT_IN_WORDS = re.compile(
    rf"\b(?P<number>{'|'.join(NUMBER_WORDS)})(?P<dozen>[ -]dozen)?"
    rf"(?:[ -][a-z]+)?[ -](?P<unit>{'|'.join(DATA_UNITS.split())})\b",
    re.IGNORECASE,
)
# The classic example's name, not a count of anything on the page.
NAMES = re.compile(r"\beight[ -]schools\b", re.IGNORECASE)


def unasserted_counts(page) -> list[str]:
    """Counts of the data written as words in ``page``'s prose that no assert states."""
    asserts = [text.lower() for _, text in code_lines(page) if "assert" in text]
    found = []
    for n, line in prose_lines(page):
        for m in COUNT_IN_WORDS.finditer(NAMES.sub(" ", line)):
            value = NUMBER_WORDS[m["number"].lower()] * (12 if m["dozen"] else 1)
            unit = m["unit"].lower()[:4]  # "batch" for batches, "count" for counties
            if not any(
                re.search(rf"\b{value}\b", text) and unit in text for text in asserts
            ):
                found.append(f"{n}: {m[0]}")
    return found


def test_counts_written_as_words_are_asserted():
    from tools.runner import notebooks

    offenders = {
        str(page.relative_to(REPO)): found
        for page in notebooks()
        if (found := unasserted_counts(page))
    }
    assert not offenders, (
        "assert these counts in code, on a line with the number and the noun: "
        f"{offenders}"
    )


def test_unasserted_counts_finds_what_it_should(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\nEighteen truck drivers and six batches.\n"
        "The eight schools, two dozen items, and three classes.\n"
        "```{code-cell} ipython3\nassert df.batch.nunique() == 6\n```\n"
    )
    found = unasserted_counts(page)
    assert found == ["2: Eighteen truck drivers", "3: two dozen items"]
