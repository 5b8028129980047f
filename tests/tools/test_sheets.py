"""Exercise sheets: learners' copies lose every solution and still run."""

import json
import zipfile

import pytest

from helpers.paths import REPO
from tools import sheets
from tools.runner import notebooks

PAGE = """# A page

```{code-cell} ipython3
x = 1
```

:::{exercise}
:label: ex-1
Square x.
:::

````{solution-start} ex-1
:class: dropdown
````

```{code-cell} ipython3
squared = x**2
```

The answer.

````{solution-end}
````

```{code-cell} ipython3
print(x)
```
"""


def test_strip_solutions_keeps_the_exercise_and_drops_the_solution():
    learners = sheets.strip_solutions(PAGE)
    assert ":label: ex-1" in learners and "Square x." in learners
    assert "squared" not in learners and "The answer." not in learners
    assert "solution" not in learners
    assert learners.count("```{code-cell}") == 2


@pytest.mark.parametrize(
    "broken, message",
    [
        (PAGE.replace("````{solution-end}\n````\n", ""), "never ended"),
        (
            PAGE.replace("````{solution-start} ex-1\n:class: dropdown\n````\n", ""),
            "without",
        ),
        (PAGE.replace("The answer.", "````{solution-start} ex-2\n````"), "inside"),
    ],
)
def test_unbalanced_solutions_are_refused(broken, message):
    with pytest.raises(sheets.SheetError, match=message):
        sheets.strip_solutions(broken, where="page.md")


def test_dangling_names_finds_a_name_only_a_solution_defines():
    assert sheets.dangling_names(PAGE) == []
    uses_it = PAGE.replace("print(x)", "print(squared)")
    assert sheets.dangling_names(uses_it, where="page.md") == [
        "page.md: code cell 3 uses 'squared', defined in a solution"
    ]
    # defined again outside the solution before use: fine
    redefined = uses_it.replace("print(squared)", "squared = 4\nprint(squared)")
    assert sheets.dangling_names(redefined) == []


def test_dangling_glue_finds_a_number_only_a_solution_computes():
    page = PAGE.replace("squared = x**2", 'squared = x**2\nglue("sq", squared)')
    assert sheets.dangling_glue(page) == []
    shown = page + '\nThe square is {eval}`g("sq:d")`.\n'
    assert sheets.dangling_glue(shown, where="page.md") == [
        "page.md: the prose shows 'sq', glued only in a solution"
    ]


@pytest.mark.parametrize(
    "page", notebooks(), ids=lambda p: str(p.relative_to(REPO / "chapters"))
)
def test_every_learners_copy_keeps_its_exercises_and_runs(page):
    text = page.read_text()
    where = str(page.relative_to(REPO))
    learners = sheets.strip_solutions(text, where=where)
    assert "solution-start" not in learners and "solution-end" not in learners
    assert learners.count("{exercise}") == text.count("{exercise}")
    assert sheets.dangling_names(text, where=where) == []
    assert sheets.dangling_glue(text, where=where) == []


def test_build_writes_both_copies_and_a_zip_per_day(tmp_path):
    zips = sheets.build(tmp_path)
    days = {z.name for z in zips}
    assert {"day1-learners.zip", "day1-solutions.zip", "day4-learners.zip"} <= days
    with zipfile.ZipFile(tmp_path / "day1-learners.zip") as z:
        names = z.namelist()
        assert "learners/bayes-rule.ipynb" in names
        nb = json.loads(z.read("learners/bayes-rule.ipynb"))
    sources = ["".join(c["source"]) for c in nb["cells"]]
    assert any("{exercise}" in s for s in sources)
    assert not any("solution" in s for s in sources)
