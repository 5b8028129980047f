"""The course's build: everything that is not imported by a notebook.

:mod:`~tools.environment` (compile caches, the Jupyter kernel, the editable install),
:mod:`~tools.cmdstan` (CmdStan provisioning), :mod:`~tools.stanc` (syntax checks with a
current stanc), :mod:`~tools.runner` (executes the notebooks into a content-keyed
cache), :mod:`~tools.site` (builds the HTML site, vendors Vega and MathJax, draws charts
on the site), :mod:`~tools.sweep` (the seed sweep), :mod:`~tools.bench` (build timings)
and ``course.sh`` (one entry point for all of it). The library a learner imports is
:mod:`helpers`; nothing here is imported by a notebook.
"""
