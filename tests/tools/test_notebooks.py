"""Every notebook of the course executes from top to bottom.

Under ``bash tools/course.sh test`` (and so in CI) ``BMLM_RUN_ID`` is set and every
notebook really runs; the executed copies go to the content-keyed cache, from which the
site test builds the HTML without running them again.
"""

import pytest

from tools import runner

NOTEBOOKS = runner.notebooks()


@pytest.mark.slow
@pytest.mark.parametrize(
    "nb", NOTEBOOKS, ids=[str(nb.relative_to(runner.REPO)) for nb in NOTEBOOKS]
)
def test_notebook_executes(nb):
    executed = runner.execute(nb)
    assert executed.is_file()
