"""Helpers for the Bayesian multilevel modelling course.

Modules: :mod:`~helpers.data` (datasets with provenance), :mod:`~helpers.stan`
(compiled Stan programs), :mod:`~helpers.cmdstan` (CmdStan provisioning),
:mod:`~helpers.checks` (convergence and agreement assertions),
:mod:`~helpers.design` (crossed, nested, group-mean centring),
:mod:`~helpers.priors` (shared prior settings),
:mod:`~helpers.simulate` (multilevel data simulators), :mod:`~helpers.bayes` (closed
forms and grid tools), :mod:`~helpers.widgets` (interactive explorers),
:mod:`~helpers.style` (one plotting style), :func:`~helpers.seed` (the notebooks'
seeds), :mod:`~helpers.report` (numbers into the prose), and the build's own modules:
:mod:`~helpers.runner` (executes the notebooks, builds the site), :mod:`~helpers.sweep`
(the seed sweep) and :mod:`~helpers.bench` (build timings).

Importing the package points PyTensor's and numba's caches into the course cache
(outside the repository), so import it before :mod:`pymc`.
"""

from .paths import configure_compiler_caches
from .seeds import seed

configure_compiler_caches()

__all__ = ["seed", "bayes", "checks", "cmdstan", "data", "design", "paths", "priors", "report", "simulate", "stan", "style", "widgets"]
