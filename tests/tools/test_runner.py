from tools import runner


def test_notebooks_follow_the_toc_and_are_myst_text():
    nbs = runner.notebooks()
    assert nbs, "the table of contents lists notebooks"
    pages = runner.toc_files()
    assert [p for p in pages if p in nbs] == nbs
    for nb in nbs:
        assert nb.suffix == ".md" and runner.is_notebook(nb)
    assert not runner.is_notebook(runner.REPO / "chapters" / "index.md")


def test_every_chapter_page_is_in_the_toc():
    listed = set(runner.toc_files())
    on_disk = set((runner.REPO / "chapters").rglob("*.md"))
    assert on_disk == listed, on_disk ^ listed


def test_cache_key_depends_on_notebook_and_dependencies(tmp_cache):
    nb = runner.notebooks()[0]
    a = runner.cache_path(nb, deps="one")
    assert a == runner.cache_path(nb, deps="one")
    assert a != runner.cache_path(nb, deps="two")
    assert str(a).startswith(str(tmp_cache))


def test_site_root_for_nested_pages():
    assert (
        runner.site_root_for(
            runner.REPO / "chapters" / "03-multilevel-regression" / "x.md"
        )
        == "../../"
    )
    assert runner.site_root_for(runner.REPO / "chapters" / "x.md") == "../"


def test_run_id_controls_which_cached_notebooks_count(tmp_path, monkeypatch):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["bmlm"] = {"run_id": "old"}
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    monkeypatch.delenv("BMLM_RUN_ID", raising=False)
    assert runner._accepted(path)
    monkeypatch.setenv("BMLM_RUN_ID", "new")
    assert not runner._accepted(path)
    monkeypatch.setenv("BMLM_RUN_ID", "old")
    assert runner._accepted(path)


def test_dependency_key_is_the_library_data_and_stan_not_the_build(
    tmp_path, monkeypatch
):
    for folder in ("helpers", "data", "stan", "tools"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("one")
    (tmp_path / "requirements.txt").write_text("pkg==1\n")
    for name, value in {
        "REPO": tmp_path,
        "DATA_DIR": tmp_path / "data",
        "STAN_DIR": tmp_path / "stan",
    }.items():
        monkeypatch.setattr(runner, name, value)
    key = runner.dependencies_key()
    (tmp_path / "tools" / "x.txt").write_text("two")
    assert runner.dependencies_key() == key, (
        "editing the build re-executes the notebooks"
    )
    for changed in ("helpers/x.txt", "data/x.txt", "stan/x.txt", "requirements.txt"):
        (tmp_path / changed).write_text("three")
        assert runner.dependencies_key() != key, changed
        key = runner.dependencies_key()


def test_progress_counts_and_estimates_the_time_left(capsys, tmp_cache):
    nbs = [runner.REPO / "chapters" / f"nb{i}.md" for i in range(3)]
    progress = runner.Progress(nbs, jobs=1)  # no timings yet: a minute each
    progress.done(nbs[0], "executed a")
    progress.done(nbs[1], "cached b")
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "[course] [1/3] executed a, about 2 min left",
        "[course] [2/3] cached b, about 1 min left",
    ]


def test_glue_roles_are_refused_in_the_prose():
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            '{eval}`g("n")` is fine; {glue:text}`n:.0f` is not'
        ),
        nbformat.v4.new_code_cell("# {glue:text}`n` in code is not prose"),
    ]
    assert runner.glue_problems(nb) == [
        '{glue:text}`n:.0f` does not render in JupyterLab: write {eval}`g("name")`'
    ]
