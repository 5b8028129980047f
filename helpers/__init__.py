"""The library of the Bayesian multilevel modelling course: what a notebook imports.

Modules: :mod:`~helpers.data` (datasets with provenance), :mod:`~helpers.stan` (Stan
programs compiled into a cache), :mod:`~helpers.checks` (convergence and agreement
assertions), :mod:`~helpers.design` (crossed, nested, group-mean centring),
:mod:`~helpers.priors` (shared prior settings), :mod:`~helpers.simulate` (multilevel
data simulators), :mod:`~helpers.bayes` (closed forms and grid tools),
:mod:`~helpers.widgets` (interactive explorers), :mod:`~helpers.style` (one plotting
style), :mod:`~helpers.report` (numbers into the prose), :mod:`~helpers.paths` (the
repository's folders and the cache) and :func:`~helpers.seed` (the notebooks' seeds).

Importing it changes nothing outside it. The build (executing notebooks, the site,
CmdStan provisioning, the seed sweep) lives in ``tools/``.
"""

from .seeds import seed

__all__ = [
    "seed",
    "bayes",
    "checks",
    "data",
    "design",
    "paths",
    "priors",
    "report",
    "simulate",
    "stan",
    "style",
    "widgets",
]
