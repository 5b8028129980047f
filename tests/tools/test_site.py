"""The site builds with warnings as errors, offline, and shows what it should."""

import re

import pytest

from tools import runner, site

# one worker builds the site once for all of these tests (run with --dist loadgroup)
pytestmark = pytest.mark.xdist_group("site")


@pytest.fixture(scope="module")
def html():
    # one notebook at a time here: the notebook tests use the other core
    return site.build_site(jobs=1)


@pytest.mark.slow
def test_every_page_is_built(html):
    for page in runner.toc_files():
        rel = page.relative_to(runner.REPO).with_suffix(".html")
        assert (html / rel).is_file(), rel
    assert (html / "index.html").is_file()


@pytest.mark.slow
def test_pages_load_nothing_from_other_sites(html):
    # tags that fetch at view time, in the page or inside a chart's iframe
    # (srcdoc is escaped)
    external = re.compile(
        r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=(?:"|&quot;)(?:https?:)?//',
        re.I,
    )
    escaped = re.compile(
        r"&lt;(?:script|link|img)\b[^&]*(?:src|href)=(?:&quot;|\')(?:https?:)?//", re.I
    )
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for pattern in (external, escaped):
            found = pattern.search(text)
            assert not found, f"{page.relative_to(html)} loads {found.group(0)}"
    for script in [
        "_vendor/vega/build/vega.min.js",
        "_vendor/vega-lite/build/vega-lite.min.js",
        "_vendor/vega-embed/build/vega-embed.min.js",
        "_vendor/mathjax/es5/tex-mml-chtml.js",
    ]:
        assert (html / script).is_file(), script


@pytest.mark.slow
def test_notebook_page_content(html):
    page = (
        html / "chapters" / "03-multilevel-regression" / "sleepstudy.html"
    ).read_text(encoding="utf-8")
    assert "{glue" not in page, (
        "unresolved glue roles"
    )  # (a missing glue key already fails the build)
    assert "bmlm-chart" in page, "the interactive prior predictive chart"
    assert page.count('class="solution') >= 3 and "dropdown" in page, (
        "hidden exercise solutions"
    )
    assert "_vendor/mathjax/es5/tex-mml-chtml.js" in page


@pytest.mark.slow
def test_bibliography_and_glossary(html):
    bib = (html / "chapters" / "bibliography.html").read_text(encoding="utf-8")
    assert "Belenky" in bib and "Statistical Rethinking" in bib
    glossary = (html / "chapters" / "glossary.html").read_text(encoding="utf-8")
    assert "non-centred parameterisation" in glossary.lower()


@pytest.mark.slow
def test_the_exercise_sheets_the_instructors_page_links_exist(html):
    page = (html / "chapters" / "instructors.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\.\./sheets/[^"]+\.zip)"', page)
    assert len(links) == 10, links
    for link in links:
        assert (html / "chapters" / link).resolve().is_file(), link
