"""tools.evalroles on tiny notebooks executed with nbclient (about 2 s each)."""

import nbformat
import pytest
from nbclient import NotebookClient

from tools.evalroles import (
    EvalError,
    add_eval_cells,
    collect_eval_results,
    substitute_evals,
)


def run(*cells):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(c[5:])
            if c.startswith("code:")
            else nbformat.v4.new_markdown_cell(c)
            for c in cells
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    add_eval_cells(nb)
    NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    collect_eval_results(nb)
    return nb


def test_values_and_metadata():
    nb = run(
        "code:x = 0.123456\nname = 'it_s'",
        'x is {eval}`f"{x:.2f}"`, {eval}`name`, {eval}`x > 0`.',
    )
    assert [c.cell_type for c in nb.cells] == ["code", "markdown"]
    assert nb.cells[1].metadata["user_expressions"][0] == {
        "expression": 'f"{x:.2f}"',
        "result": {"status": "ok", "data": {"text/plain": "'0.12'"}, "metadata": {}},
    }
    assert substitute_evals(nb) == 3
    assert nb.cells[1].source == r"x is 0.12, it\_s, True."


def test_error_is_reported():
    with pytest.raises(EvalError, match=r"\{eval\}`nope`: NameError"):
        run("code:a = 1", "{eval}`nope`")


def test_value_changed_later_is_reported():
    with pytest.raises(
        EvalError, match=r"is 1 where the prose stands but 2 at the end"
    ):
        run("code:a = 1", "{eval}`a`", "code:a = 2")


def test_non_text_result_is_reported():
    with pytest.raises(EvalError, match=r"gives \[.image/png., .text/plain.\]"):
        run(
            "code:class P:\n"
            "  def _repr_mimebundle_(self, **k):\n"
            "    return {'image/png': ''}\n"
            "p = P()",
            "{eval}`p`",
        )


def test_numpy_scalar_must_be_formatted():
    with pytest.raises(EvalError, match=r"shows np.float64\(0.5\): format it"):
        run("code:import numpy as np\ny = np.float64(0.5)", "{eval}`y`")


def test_g_formats_what_glue_stored():
    nb = run(
        "code:from helpers.report import g, glue\n"
        "glue('tau', 2.71828)\nglue('who', '**b**')",
        'tau is {eval}`g("tau:.2f")` and {eval}`g("who")`.',
    )
    substitute_evals(nb)
    assert nb.cells[1].source == "tau is 2.72 and **b**."


def test_roles_inside_code_the_prose_shows_are_text():
    from tools.evalroles import roles

    text = (
        'a {eval}`g("x")` and `` {eval}`g("y")` `` and `{eval}` too\n'
        '```python\nz = 1  # {eval}`f"{z}"`\n```\n'
        "end {eval}`w` and {cite}`k` {eval}`v`"
    )
    assert [m.group(1) for m in roles(text)] == ['g("x")', "w", "v"]


def test_a_value_glued_below_the_prose_is_pending_there_and_final_on_the_site():
    nb = run(
        "code:from helpers.report import g, glue",
        'n is {eval}`g("n")`.',
        "code:glue('n', 7)",
    )
    substitute_evals(nb)
    assert nb.cells[1].source == "n is 7."
    with pytest.raises(EvalError, match="names nothing the notebook glues"):
        run("code:from helpers.report import g", 'm is {eval}`g("m")`.')
