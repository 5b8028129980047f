"""Write the cheat sheet ``chapters/cheatsheet.md``: Stan, PyMC, bambi, lme4, brms.

What the course's files already say about a model is read from them: the header of each
Stan program (``stan/NAME.stan``: its data sets, the pages that use it, its PyMC twin),
the data flags a program declares, and the days of ``_toc.yml``. What no file says (the
model in one line, the bambi, lme4 and brms formulas) is the hand-written table below:
``BY_PROGRAM``, keyed by Stan program, and ``WITHOUT_STAN`` for models the course fits
only in bambi or PyMC. ``python -m tools.cheatsheet`` rewrites the tables between the
page's two markers; ``--check`` only says whether they are current (the tests compare
the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import CHAPTERS_DIR, REPO, STAN_DIR

from . import markers

PAGE = CHAPTERS_DIR / "cheatsheet.md"
TOC = REPO / "_toc.yml"
BEGIN = (
    "<!-- generated from the stan/*.stan headers and the table in tools/cheatsheet.py "
    "by `python -m tools.cheatsheet`: edit those, not these tables -->"
)
END = "<!-- end of the generated tables -->"

FIELDS = ("Data", "Priors", "Pages", "PyMC")
PAGE_PATH = re.compile(r"chapters/[\w./-]+?\.md")
DATASET = re.compile(r"(\w+) \((data/[^;,)\s]+)")
COLUMNS = ("Model", "Data", "Pages", "Stan", "PyMC", "bambi", "lme4 / R", "brms")
BAMBI_BUILDS_IT = "— (bambi builds the PyMC model)"


class CheatSheetError(ValueError):
    """A Stan header or a row of the hand-written table that the sheet cannot use."""


@dataclass(frozen=True)
class Row:
    """One model of the course, as the hand-written part of the sheet describes it.

    ``model``, ``bambi``, ``lme4`` and ``brms`` are Markdown cells: code in backticks,
    maths in dollars. For a row of ``BY_PROGRAM`` the program's header supplies what is
    left as ``None``: ``data`` (dataset names), ``pages`` (relative to ``chapters/``,
    without ``.md``) and ``pymc`` (the identifier of the PyMC twin; ``""`` for a variant
    that has none). ``stan`` names the data flags that choose the variant, as
    ``flag = value`` in backticks. A row of ``WITHOUT_STAN`` gives ``data``, ``pages``
    and ``pymc`` (a Markdown cell) itself. ``bambi_on_page`` says the bambi cell copies
    a formula the page itself builds; other bambi cells are marked as reference syntax.
    """

    model: str
    bambi: str
    lme4: str
    brms: str
    stan: str = ""
    data: tuple[str, ...] | None = None
    pages: tuple[str, ...] | None = None
    pymc: str | None = None
    bambi_on_page: bool = False


@dataclass(frozen=True)
class Program:
    """What a Stan program's header and data block say, as the sheet uses it."""

    name: str
    datasets: tuple[str, ...]
    simulated: bool
    pages: tuple[str, ...]
    twins: tuple[tuple[str, str], ...]
    no_twin: str
    flags: frozenset[str]


# The hand-written part. Formulas use the column names of the pages' data frames
# (including columns a page derives, such as dist100); data arguments and priors are
# left out. Where a library cannot express a model the cell says so and why.
BY_PROGRAM: dict[str, tuple[Row, ...]] = {
    "sampling_beta_binomial": (
        Row(
            model=r"**Boys among christenings.** $k \sim \operatorname{Binomial}(n, "
            r"\theta)$, $\theta \sim \operatorname{Beta}(a, b)$",
            bambi='`p(k, n) ~ 1`, `family="binomial"` (its prior is on the log odds)',
            lme4="`glm(cbind(k, n - k) ~ 1, family = binomial)` (no prior)",
            brms="`k | trials(n) ~ 1`, `family = binomial()` (its prior is on the log "
            "odds)",
        ),
    ),
    "normal_regression": (
        Row(
            model=r"**Exam scores on a reading test.** $y_i \sim \mathcal{N}(\alpha + "
            r"\beta x_i, \sigma)$",
            bambi="`normexam ~ standLRT`",
            lme4="`lm(normexam ~ standLRT)`",
            brms="`normexam ~ standLRT`",
        ),
    ),
    "rats_hierarchical": (
        Row(
            model=r"**Rat tumours.** $y_j \sim \operatorname{Binomial}(K_j, "
            r"\theta_j)$, $\theta_j \sim \operatorname{Beta}(\phi\kappa, "
            r"(1 - \phi)\kappa)$",
            bambi=r'`p(y, K) ~ 1`, `family="beta_binomial"` ($\theta_j$ integrated '
            "out)",
            lme4="— (lme4 has no beta-binomial); "
            "glmmTMB: `glmmTMB(cbind(y, K - y) ~ 1, family = betabinomial)`, "
            r"$\theta_j$ integrated out",
            brms=r"`y | trials(K) ~ 1`, `family = beta_binomial()` ($\theta_j$ "
            "integrated out)",
        ),
    ),
    "baseball_logit": (
        Row(
            model=r"**Batting averages.** $y_j \sim \operatorname{Binomial}(n_j, "
            r"\operatorname{logit}^{-1}(\mu + u_j))$, $u_j \sim \mathcal{N}(0, \tau)$",
            bambi='`p(Hits, AB) ~ 1 + (1|Player)`, `family="binomial"`',
            lme4="`glmer(cbind(Hits, AB - Hits) ~ 1 + (1 | Player), "
            "family = binomial)`",
            brms="`Hits | trials(AB) ~ 1 + (1 | Player)`, `family = binomial()`",
        ),
    ),
    "eight_schools_centred": (
        Row(
            model=r"**Eight schools, centred.** $y_j \sim \mathcal{N}(\theta_j, "
            r"\sigma_j)$, $\theta_j \sim \mathcal{N}(\mu, \tau)$ sampled as they are",
            bambi='`bmb.Formula("y ~ 1 + (1|school)", "sigma ~ 0 + offset(log_se)")`, '
            "`noncentered=False`, `log_se` the log of `sigma`",
            lme4="— (lme4 cannot fix each school's standard error); "
            "metafor: `rma(yi = y, sei = sigma)`",
            brms="`y | se(sigma) ~ 1 + (1 | school)` (brms samples group effects "
            "non-centred only)",
        ),
    ),
    "eight_schools_noncentred": (
        Row(
            model=r"**Eight schools, non-centred.** the same model, sampled as "
            r"$\theta_j = \mu + \tau z_j$",
            bambi='`bmb.Formula("y ~ 1 + (1|school)", "sigma ~ 0 + offset(log_se)")`, '
            "`noncentered=True`, `log_se` the log of `sigma`",
            lme4="— (lme4 cannot fix each school's standard error); "
            "metafor: `rma(yi = y, sei = sigma)`",
            brms="`y | se(sigma) ~ 1 + (1 | school)`",
        ),
    ),
    "meta_analysis": (
        Row(
            model=r"**Random-effects meta-analysis.** $y_j \sim \mathcal{N}(\theta_j, "
            r"s_j)$, $s_j$ known, $\theta_j \sim \mathcal{N}(\mu, \tau)$",
            bambi='`bmb.Formula("yi ~ 1 + (1|study)", "sigma ~ 0 + offset(log_se)")`, '
            '`family="gaussian"`',
            bambi_on_page=True,
            lme4="— (lme4 cannot fix each study's standard error); "
            "metafor: `rma(yi, vi)`",
            brms="`yi | se(se) ~ 1 + (1 | study)`",
        ),
    ),
    "sleepstudy_varying_slopes": (
        Row(
            model=r"**Sleep deprivation: varying intercepts and slopes.** "
            r"$y_i \sim \mathcal{N}(\beta_0 + u_{0j} + (\beta_1 + u_{1j}) d_i, "
            r"\sigma)$, "
            "the two driver effects correlated",
            bambi="`Reaction ~ Days + (Days | Subject)` (in bambi the two effects are "
            "independent)",
            bambi_on_page=True,
            lme4="`lmer(Reaction ~ Days + (Days | Subject))`",
            brms="`Reaction ~ Days + (Days | Subject)`",
            data=("sleepstudy", "simulated"),
        ),
    ),
    "radon_varying_slopes": (
        Row(
            model="**Radon: county intercepts and floor slopes.** intercept "
            r"$g_0 + g_1 u_j + a_j$ on the county's log uranium $u_j$, slope "
            r"$d_0 + b_j$, $(a_j, b_j)$ correlated",
            bambi="`log_radon ~ floor + log_uranium + (floor | county)` (in bambi the "
            "two effects are independent)",
            bambi_on_page=True,
            lme4="`lmer(log_radon ~ floor + log_uranium + (floor | county))`",
            brms="`log_radon ~ floor + log_uranium + (floor | county)`",
        ),
    ),
    "variance_components_two_factors": (
        Row(
            model="**Crossed factors: penicillin plates and samples.** "
            r"$y_i \sim \mathcal{N}(\mu + a_{f[i]} + b_{g[i]}, \sigma)$",
            data=("penicillin",),
            bambi="`diameter ~ 1 + (1|plate) + (1|sample)`",
            bambi_on_page=True,
            lme4="`lmer(diameter ~ 1 + (1 | plate) + (1 | sample))`",
            brms="`diameter ~ 1 + (1 | plate) + (1 | sample)`",
        ),
        Row(
            model="**Nested factors: casks within batches of paste.** the same model, "
            "each cask in one batch",
            data=("pastes",),
            bambi="`strength ~ 1 + (1|batch) + (1|batch:cask)`",
            bambi_on_page=True,
            lme4="`lmer(strength ~ 1 + (1 | batch/cask))`",
            brms="`strength ~ 1 + (1 | batch/cask)`",
        ),
    ),
    "variance_components_one_way": (
        Row(
            model="**One-way variance components: dyestuff batches.** "
            r"$y_i \sim \mathcal{N}(\mu + b_{j[i]}, \sigma)$, "
            r"$b_j \sim \mathcal{N}(0, \tau)$",
            data=("dyestuff",),
            pages=("03-multilevel-regression/stan-language",),
            bambi="`Yield ~ 1 + (1|Batch)`",
            lme4="`lmer(Yield ~ 1 + (1 | Batch))`",
            brms="`Yield ~ 1 + (1 | Batch)`",
        ),
        Row(
            model="**Pastes with the casks ignored** (an exercise): batches only",
            data=("pastes",),
            pages=("03-multilevel-regression/crossed-nested",),
            bambi="`strength ~ 1 + (1|batch)`",
            lme4="`lmer(strength ~ 1 + (1 | batch))`",
            brms="`strength ~ 1 + (1 | batch)`",
        ),
    ),
    "fixed_group_intercepts_regression": (
        Row(
            model="**Schools: an intercept per school, no pooling.** maths achievement "
            "on SES, one slope",
            bambi="`mAch ~ 0 + school + ses`",
            lme4="`lm(mAch ~ 0 + school + ses)` (no random effect: the schools are "
            "fixed)",
            brms="`mAch ~ 0 + school + ses`",
        ),
    ),
    "varying_intercepts_regression": (
        Row(
            model="**Schools: varying intercepts.** maths achievement on SES, "
            r"$a_j \sim \mathcal{N}(0, \tau)$",
            data=("hsb82_mathach",),
            pages=("03-multilevel-regression/schools",),
            pymc="",
            bambi="`mAch ~ ses + (1|school)`",
            bambi_on_page=True,
            lme4="`lmer(mAch ~ ses + (1 | school))`",
            brms="`mAch ~ ses + (1 | school)`",
        ),
        Row(
            model="**Schools: within and between.** SES split into the school's mean "
            "and each pupil's deviation from it",
            data=("hsb82_mathach",),
            pages=("03-multilevel-regression/schools",),
            bambi="`mAch ~ cses + meanses + (1|school)`",
            bambi_on_page=True,
            lme4="`lmer(mAch ~ cses + meanses + (1 | school))`",
            brms="`mAch ~ cses + meanses + (1 | school)`",
        ),
        Row(
            model="**Repeated measures: a mean per day, driver intercepts.**",
            data=("sleepstudy",),
            pages=("03-multilevel-regression/repeated-measures",),
            bambi="`Reaction ~ 0 + C(Days) + (1|Subject)`",
            bambi_on_page=True,
            lme4="`lmer(Reaction ~ 0 + factor(Days) + (1 | Subject))`",
            brms="`Reaction ~ 0 + factor(Days) + (1 | Subject)`",
        ),
        Row(
            model="**Sleep deprivation: driver intercepts, one slope over days.** "
            "compared with varying slopes by a Bayes factor (bridge sampling)",
            data=("sleepstudy",),
            pages=("03-multilevel-regression/bayes-factors-fitted",),
            pymc="",
            bambi="`Reaction ~ Days + (1|Subject)`",
            lme4="`lmer(Reaction ~ Days + (1 | Subject))`",
            brms="`Reaction ~ Days + (1 | Subject)`",
        ),
    ),
    "normal_mean_sd": (
        Row(
            model=r"**A mean and a standard deviation.** $y_i \sim \mathcal{N}(\mu, "
            r"\sigma)$, semi-conjugate priors",
            bambi="`Yield ~ 1`",
            lme4="`lm(Yield ~ 1)`",
            brms="`Yield ~ 1`",
        ),
    ),
    "funnel_centred": (
        Row(
            model=r"**Neal's funnel, centred.** $v \sim \mathcal{N}(0, 3)$, "
            r"$x_d \sim \mathcal{N}(0, e^{v/2})$: a density, no data",
            bambi="— not a regression: a density without data",
            lme4="— not a regression: a density without data",
            brms="— not a regression: a density without data",
        ),
    ),
    "funnel_noncentred": (
        Row(
            model=r"**Neal's funnel, non-centred.** the same density, sampled as "
            r"$x_d = e^{v/2} z_d$",
            bambi="— not a regression: a density without data",
            lme4="— not a regression: a density without data",
            brms="— not a regression: a density without data",
        ),
    ),
    "binomial_regression": (
        Row(
            model="**Switching wells: logistic regression.** "
            r"$y_i \sim \operatorname{Bernoulli}(\operatorname{logit}^{-1}(\alpha + "
            r"x_i^\top\beta))$",
            stan="`link = 1`, `J = 0`",
            data=("wells",),
            pages=("04-glmm/glm",),
            bambi='`switch ~ dist100 + arsenic`, `family="bernoulli"`',
            bambi_on_page=True,
            lme4="`glm(switch ~ dist100 + arsenic, family = binomial)`",
            brms="`switch ~ dist100 + arsenic`, `family = bernoulli()`",
        ),
        Row(
            model="**Switching wells: log arsenic, three links.** logit, probit and "
            "complementary log-log",
            stan="`link = 1`, `2` or `3`, `J = 0`",
            data=("wells",),
            pages=("04-glmm/glm",),
            pymc="",
            bambi='`switch ~ dist100 + log_arsenic`, `family="bernoulli"`, '
            '`link="probit"` or `link="cloglog"`',
            lme4="`glm(switch ~ dist100 + log_arsenic, "
            'family = binomial(link = "probit"))`, or `"cloglog"`',
            brms="`switch ~ dist100 + log_arsenic`, "
            '`family = bernoulli(link = "probit")`, or `"cloglog"`',
        ),
        Row(
            model="**Switching wells: four predictors.** education and community "
            "association added",
            stan="`link = 1`, `J = 0`",
            data=("wells",),
            pages=("04-glmm/glm",),
            pymc="",
            bambi="`switch ~ dist100 + log_arsenic + educ4 + assoc`, "
            '`family="bernoulli"`',
            lme4="`glm(switch ~ dist100 + log_arsenic + educ4 + assoc, family = "
            "binomial)`",
            brms="`switch ~ dist100 + log_arsenic + educ4 + assoc`, "
            "`family = bernoulli()`",
        ),
        Row(
            model="**Cattle disease: herds.** "
            r"$y_i \sim \operatorname{Binomial}(n_i, "
            r"\operatorname{logit}^{-1}(\alpha + x_i^\top\beta + a_{j[i]}))$",
            stan="`link = 1`, `J` herds",
            data=("cbpp",),
            pages=("04-glmm/multilevel-logistic",),
            bambi='`p(incidence, size) ~ period + (1 | herd)`, `family="binomial"`',
            bambi_on_page=True,
            lme4="`glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), "
            "family = binomial)`",
            brms="`incidence | trials(size) ~ period + (1 | herd)`, "
            "`family = binomial()`",
        ),
    ),
    "ordinal_regression": (
        Row(
            model="**Wine bitterness: cumulative logit, judges.** "
            r"$P(y_i \le k) = "
            r"\operatorname{logit}^{-1}(c_k - x_i^\top\beta - a_{j[i]})$",
            stan="`family = 1`, `link = 1` (probit, `link = 2`, in an exercise)",
            data=("wine",),
            bambi="`rating_ordered ~ temp + contact + (1 | judge)`, "
            '`family="cumulative"`',
            bambi_on_page=True,
            lme4="— (lme4 has no ordinal family); "
            "ordinal: `clmm(ordered(rating) ~ temp + contact + (1 | judge))`",
            brms="`rating ~ temp + contact + (1 | judge)`, "
            '`family = cumulative("logit")`',
        ),
        Row(
            model="**Inhaler crossover trial: cumulative logit, patients.**",
            stan="`family = 1`, `link = 1`",
            data=("inhaler",),
            pymc="",
            bambi="`rating_ordered ~ treat + period + carry + (1 | subject)`, "
            '`family="cumulative"`',
            bambi_on_page=True,
            lme4="— (lme4 has no ordinal family); ordinal: `clmm(ordered(rating) ~ "
            "treat + period + carry + (1 | subject))`",
            brms="`rating ~ treat + period + carry + (1 | subject)`, "
            '`family = cumulative("logit")`',
        ),
        Row(
            model="**Inhaler crossover trial: sequential ratio.** "
            r"$P(y_i = k \mid y_i \ge k) = \operatorname{logit}^{-1}(c_k - \eta_i)$",
            stan="`family = 2`, `link = 1`",
            data=("inhaler",),
            pymc="",
            bambi="`rating_ordered ~ treat + period + carry + (1 | subject)`, "
            '`family="sratio"`',
            lme4="— (neither lme4 nor ordinal's `clmm` has a sequential-ratio model)",
            brms="`rating ~ treat + period + carry + (1 | subject)`, "
            '`family = sratio("logit")`',
        ),
    ),
    "categorical_regression": (
        Row(
            model="**Verbal aggression: categorical logit, persons.** a linear "
            "predictor and a person effect per answer against the reference answer",
            stan="`family = 1`",
            bambi="`resp ~ self + do + scold + shout + (1 | id)`, "
            '`family="categorical"` (built on the page, not sampled)',
            bambi_on_page=True,
            lme4="— (lme4 has no multinomial family); mclogit: `mblogit(resp ~ self + "
            'do + scold + shout, random = ~ 1 | id, catCov = "diagonal")`',
            brms="`resp ~ self + do + scold + shout + (1 | id)`, "
            "`family = categorical()`",
        ),
        Row(
            model="**Verbal aggression: cumulative logit, persons.** the answers' "
            "order used",
            stan="`family = 2`",
            pymc="",
            bambi="`resp ~ self + do + scold + shout + (1 | id)`, "
            '`family="cumulative"`',
            lme4="— (lme4 has no ordinal family); ordinal: `clmm(resp ~ self + do + "
            "scold + shout + (1 | id))`, `resp` an ordered factor",
            brms="`resp ~ self + do + scold + shout + (1 | id)`, "
            '`family = cumulative("logit")`',
        ),
    ),
    "counts_regression": (
        Row(
            model="**Roaches: Poisson and negative binomial, exposure as offset.** "
            r"$\log \mu_i = \log e_i + \alpha + x_i^\top\beta$",
            stan="`negbin = 0` (Poisson) or `negbin = 1`, `zero_inflated = 0`",
            pages=("04-glmm/counts",),
            data=("roaches",),
            bambi="`y ~ roach100 + treatment + senior + offset(log_exposure)`, "
            '`family="poisson"` or `family="negativebinomial"`',
            lme4="`glm(y ~ roach100 + treatment + senior + offset(log_exposure), "
            "family = poisson)`; MASS: `glm.nb(y ~ roach100 + treatment + senior + "
            "offset(log_exposure))`",
            brms="`y ~ roach100 + treatment + senior + offset(log_exposure)`, "
            "`family = poisson()` or `negbinomial()`",
        ),
        Row(
            model="**Roaches: zero-inflated negative binomial.** a point mass at zero "
            "added",
            stan="`negbin = 1`, `zero_inflated = 1`",
            pages=("04-glmm/counts",),
            data=("roaches",),
            pymc="",
            bambi="`y ~ roach100 + treatment + senior + offset(log_exposure)`, "
            '`family="zero_inflated_negativebinomial"`',
            bambi_on_page=True,
            lme4="— (lme4 has no zero inflation); glmmTMB: `glmmTMB(y ~ roach100 + "
            "treatment + senior + offset(log_exposure), ziformula = ~ 1, "
            "family = nbinom2)`",
            brms="`y ~ roach100 + treatment + senior + offset(log_exposure)`, "
            "`family = zero_inflated_negbinomial()`",
        ),
        Row(
            model="**Seizures: Poisson with patient and observation-level effects.** "
            r"$\log \mu_i = \alpha + x_i^\top\beta + a_{j[i]} + e_i$",
            stan="`negbin = 0`, `obs_effects = 1`",
            data=("epilepsy",),
            pages=("04-glmm/seizures",),
            pymc="",
            bambi="`count ~ zAge + zBase * Trt + (1|patient) + (1|obs)`, "
            '`family="poisson"`',
            lme4="`glmer(count ~ zAge + zBase * Trt + (1 | patient) + (1 | obs), "
            "family = poisson)`",
            brms="`count ~ zAge + zBase * Trt + (1 | patient) + (1 | obs)`, "
            "`family = poisson()`",
        ),
        Row(
            model="**Seizures: Poisson with patient effects.** "
            r"$\log \mu_i = \alpha + x_i^\top\beta + a_{j[i]}$",
            stan="`negbin = 0`, `obs_effects = 0`",
            data=("epilepsy",),
            pages=("04-glmm/seizures",),
            pymc="",
            bambi='`count ~ zAge + zBase * Trt + (1|patient)`, `family="poisson"`',
            bambi_on_page=True,
            lme4="`glmer(count ~ zAge + zBase * Trt + (1 | patient), "
            "family = poisson)`",
            brms="`count ~ zAge + zBase * Trt + (1 | patient)`, `family = poisson()`",
        ),
    ),
    "survival_frailty": (
        Row(
            model="**Kidney infections: accelerated failure time, patient frailty.** "
            r"$\log t_i = \alpha + x_i^\top\beta + b_{j[i]} + \sigma\varepsilon_i$, "
            "right-censored",
            stan="`family = 1`, `2` or `3` (exponential, Weibull, lognormal); `J = 0` "
            "without the frailty",
            bambi="`censored(time, status) ~ age10 + female + GN + AN + PKD + "
            '(1 | patient)`, `family="lognormal"` (the lognormal model)',
            bambi_on_page=True,
            lme4="— (lme4 cannot censor). Without the frailty, survival: `survreg("
            "Surv(time, 1 - censored) ~ age10 + female + GN + AN + PKD, "
            'dist = "weibull")`. With it, only as Cox\'s model, coxme: '
            "`coxme(Surv(time, 1 - censored) ~ age10 + female + GN + AN + PKD + "
            "(1 | patient))`",
            brms="`time | cens(censored) ~ age10 + female + GN + AN + PKD + "
            "(1 | patient)`, `family = weibull()` (or `exponential()`, `lognormal()`)",
        ),
    ),
    "response_times": (
        Row(
            model="**Lexical decisions: lognormal, participants.** "
            r"$\log t_i \sim \mathcal{N}(\theta_{j[i]}, \sigma)$, "
            r"$\theta_j \sim \mathcal{N}(\alpha, \tau)$",
            stan="`family = 1`",
            pymc="",
            bambi='`log_rt ~ 1 + (1 | id)`, `family="gaussian"` (on the log scale)',
            bambi_on_page=True,
            lme4="`lmer(log(rt) ~ 1 + (1 | id))`",
            brms="`rt ~ 1 + (1 | id)`, `family = lognormal()`",
        ),
        Row(
            model="**Lexical decisions: shifted lognormal.** "
            r"$\log(t_i - \delta) \sim \mathcal{N}(\theta_{j[i]}, \sigma)$, "
            r"a shift $\delta$ below the fastest response",
            stan="`family = 2`",
            pymc="",
            bambi="— (no shifted lognormal family in bambi)",
            lme4="— (lme4 cannot: the shift is a parameter)",
            brms="`rt ~ 1 + (1 | id)`, `family = shifted_lognormal()`",
        ),
        Row(
            model="**Lexical decisions: ex-Gaussian.** "
            r"$t_i \sim \operatorname{ExGaussian}(\theta_{j[i]}, \sigma, \nu)$",
            stan="`family = 3`",
            pymc="exgauss_pymc",
            bambi='`rt ~ 1 + (1|id)`, `family="exgaussian"`',
            lme4="— (lme4 has no ex-Gaussian family)",
            brms="`rt ~ 1 + (1 | id)`, `family = exgaussian()` (its `mu` is the mean, "
            r"$\theta + \nu$)",
        ),
    ),
    "robust_varying_slopes": (
        Row(
            model="**Sleep deprivation with outliers: Student-t.** independent driver "
            r"intercepts and slopes, $y_i \sim t_\nu(\mu_i, \sigma)$",
            stan="`student_t = 1` (`student_t = 0`: normal)",
            bambi='`Reaction ~ Days + (Days | Subject)`, `family="t"`',
            bambi_on_page=True,
            lme4="— (lme4 has no Student-t); glmmTMB: `glmmTMB(Reaction ~ Days + "
            "(1 | Subject) + (0 + Days | Subject), family = t_family)`",
            brms="`Reaction ~ Days + (Days || Subject)`, `family = student()`",
        ),
    ),
    "nonlinear_logistic_growth": (
        Row(
            model="**Orange trees: logistic growth, a varying asymptote.** "
            r"$y_i \sim \mathcal{N}((A + a_{j[i]}) / (1 + e^{(x_m - t_i)/s}), \sigma)$",
            bambi="— not expressible: nonlinear in its parameters",
            lme4="`nlmer(circumference ~ SSlogis(age, Asym, xmid, scal) ~ Asym | Tree, "
            "start = c(Asym = 200, xmid = 725, scal = 350))`",
            brms="`bf(circumference ~ Asym / (1 + exp((xmid - age) / scal)), "
            "Asym ~ 1 + (1 | Tree), xmid ~ 1, scal ~ 1, nl = TRUE)`",
        ),
    ),
    "splines_regression": (
        Row(
            model=r"**Motorcycle crash: B-splines.** "
            r"$y_i \sim \mathcal{N}(B_i^\top\beta, \sigma)$, "
            r"independent priors on $\beta$",
            stan="`penalised = 0`",
            pymc="",
            bambi="`accel ~ 0 + bs(times, df=K, intercept=True)`",
            lme4="`lm(accel ~ 0 + splines::bs(times, df = K, intercept = TRUE))`",
            brms="`accel ~ 0 + splines::bs(times, df = K, intercept = TRUE)`",
        ),
        Row(
            model="**Motorcycle crash: penalised B-splines.** a random-walk prior, "
            r"$\beta_k \sim \mathcal{N}(\beta_{k-1}, \tau)$",
            stan="`penalised = 1`",
            bambi="— not expressible: bambi's priors on the basis coefficients are "
            "independent",
            lme4='— (lme4 cannot); mgcv: `gam(accel ~ s(times, bs = "ps", k = K, '
            "m = c(2, 1)))`: cubic, first-difference penalty",
            brms='`accel ~ s(times, bs = "ps", k = K, m = c(2, 1))`',
        ),
    ),
    "gp_regression": (
        Row(
            model=r"**Motorcycle crash: Gaussian process.** $f \sim \mathcal{GP}(0, "
            r"k_{\eta,\ell})$, $y_i \sim \mathcal{N}(f(x_i), \sigma)$",
            stan="`approx = 0`",
            pymc="",
            bambi="— (bambi has only the approximation, `hsgp()`)",
            lme4='— (lme4 cannot); mgcv: `gam(accel ~ s(times, bs = "gp"))`, a '
            "penalised approximation",
            brms="`accel ~ 0 + gp(times)`",
        ),
        Row(
            model="**Motorcycle crash: Hilbert-space approximation.** the same process "
            "on a basis of `M` functions, boundary factor `C`",
            stan="`approx = 1`",
            bambi="`accel ~ 0 + hsgp(times, m=M, c=C)`",
            lme4='— (lme4 cannot); mgcv: `gam(accel ~ s(times, bs = "gp"))`, a '
            "penalised approximation",
            brms="`accel ~ 0 + gp(times, k = M, c = C)`",
        ),
    ),
    "mixture_normal": (
        Row(
            model="**Geyser waiting times: a mixture of normals.** "
            r"$y_i \sim \sum_k w_k \mathcal{N}(\mu_k, \sigma_k)$",
            stan="`ordered_means = 1` (`ordered_means = 0`: unordered, to show label "
            "switching)",
            bambi="— not expressible: a mixture",
            lme4="— (lme4 cannot); mixtools: `normalmixEM(waiting, k = K)`, by EM",
            brms='`waiting ~ 1`, `family = mixture(gaussian, nmix = K, order = "mu")`',
        ),
    ),
    "latent_class_binary": (
        Row(
            model="**Verbal aggression: latent classes of persons.** each person in "
            "one of $C$ classes, answers independent given the class",
            bambi="— not expressible: a mixture",
            lme4="— (lme4 cannot); the poLCA package fits it by EM, one column per "
            "item",
            brms="— not expressible: the class is the person's, shared by all their "
            "answers, while `mixture()` mixes each observation on its own",
        ),
    ),
    "rt_mixture": (
        Row(
            model="**Lexical decisions: quick and slow responses.** "
            r"$\log t_i \sim (1 - \lambda_j) \mathcal{N}(\theta_j, \sigma_1) + "
            r"\lambda_j \mathcal{N}(\theta_j + \delta, \sigma_2)$, "
            r"$\operatorname{logit} 2\lambda_j \sim \mathcal{N}(\mu_\lambda, "
            r"\tau_\lambda)$",
            stan="`mixture = 1`, `identified = 1` (`identified = 0`: no constraints, "
            "label switching)",
            bambi="— not expressible: a mixture",
            lme4="— (lme4 cannot fit a mixture)",
            brms="`bf(log_rt ~ 1, mu1 ~ 1 + (1 | id), mu2 ~ 1 + (1 | id), "
            "theta2 ~ 1 + (1 | id))`, "
            '`family = mixture(gaussian, gaussian, order = "mu")` (each component its '
            "own participant effects; no cap on the share)",
        ),
        Row(
            model="**Lexical decisions: one lognormal, for comparison.** "
            r"$\log t_i \sim \mathcal{N}(\theta_j, \sigma)$",
            stan="`mixture = 0`",
            pymc="",
            bambi='`log_rt ~ 1 + (1 | id)`, `family="gaussian"` (on the log scale)',
            lme4="`lmer(log(rt) ~ 1 + (1 | id))`",
            brms="`rt ~ 1 + (1 | id)`, `family = lognormal()`",
        ),
    ),
    "lda_topics": (
        Row(
            model="**Topics: latent Dirichlet allocation.** "
            r"$w_{dn} \sim \operatorname{Categorical}(\sum_k \theta_{dk}\phi_k)$",
            data=("simulated", "austen"),
            bambi="— not expressible: a mixture over topics",
            lme4="— (lme4 cannot); topicmodels: `LDA(dtm, k = K)`, a document-term "
            "matrix",
            brms="— not expressible: a mixture over topics",
        ),
    ),
}

WITHOUT_STAN: tuple[Row, ...] = (
    Row(
        model="**Radon by floor: one standard deviation.** the Bayesian pooled "
        "*t*-test",
        data=("radon_mn",),
        pages=("01-bayes-basics/two-groups",),
        pymc=BAMBI_BUILDS_IT,
        bambi="`log_radon ~ level`",
        bambi_on_page=True,
        lme4="`lm(log_radon ~ level)`",
        brms="`log_radon ~ level`",
    ),
    Row(
        model="**Radon by floor: a standard deviation per floor.** Welch's question",
        data=("radon_mn",),
        pages=("01-bayes-basics/two-groups",),
        pymc=BAMBI_BUILDS_IT,
        bambi='`bmb.Formula("log_radon ~ level", "sigma ~ level")`',
        bambi_on_page=True,
        lme4="nlme: `gls(log_radon ~ level, weights = varIdent(form = ~ 1 | level))`",
        brms="`bf(log_radon ~ level, sigma ~ level)`",
    ),
    Row(
        model="**Radon by floor: Student-t** (an exercise)",
        data=("radon_mn",),
        pages=("01-bayes-basics/two-groups",),
        pymc=BAMBI_BUILDS_IT,
        bambi='`bmb.Formula("log_radon ~ level", "sigma ~ level")`, `family="t"`',
        bambi_on_page=True,
        lme4="glmmTMB: `glmmTMB(log_radon ~ level, dispformula = ~ level, "
        "family = t_family)`",
        brms="`bf(log_radon ~ level, sigma ~ level)`, `family = student()`",
    ),
    Row(
        model="**Meta-regression.** the random-effects meta-analysis with a "
        "moderator, little prior contact",
        data=("raudenbush1985",),
        pages=("02-hierarchical/meta-analysis",),
        pymc=BAMBI_BUILDS_IT,
        bambi='`bmb.Formula("yi ~ 1 + little_contact + (1|study)", '
        '"sigma ~ 0 + offset(log_se)")`',
        bambi_on_page=True,
        lme4="metafor: `rma(yi, vi, mods = ~ little_contact)`",
        brms="`yi | se(se) ~ 1 + little_contact + (1 | study)`",
    ),
    Row(
        model="**Complete pooling.** one line for every driver",
        data=("sleepstudy",),
        pages=("03-multilevel-regression/pooling-progression",),
        pymc="`complete`",
        bambi="`Reaction ~ Days`",
        lme4="`lm(Reaction ~ Days)`",
        brms="`Reaction ~ Days`",
    ),
    Row(
        model="**No pooling.** a line per driver, nothing shared",
        data=("sleepstudy",),
        pages=("03-multilevel-regression/pooling-progression",),
        pymc="`separate`",
        bambi="`Reaction ~ 0 + Subject + Subject:Days`",
        lme4="`lm(Reaction ~ 0 + Subject + Subject:Days)`",
        brms="`Reaction ~ 0 + Subject + Subject:Days`",
    ),
    Row(
        model="**Varying intercepts.** drivers differ in level, share one slope",
        data=("sleepstudy",),
        pages=("03-multilevel-regression/pooling-progression",),
        pymc="`intercepts`",
        bambi="`Reaction ~ Days + (1|Subject)`",
        lme4="`lmer(Reaction ~ Days + (1 | Subject))`",
        brms="`Reaction ~ Days + (1 | Subject)`",
    ),
    Row(
        model="**Radon without uranium.** independent county intercepts and floor "
        "slopes",
        data=("radon_mn",),
        pages=("03-multilevel-regression/radon",),
        pymc=BAMBI_BUILDS_IT,
        bambi="`log_radon ~ floor + (floor | county)`",
        bambi_on_page=True,
        lme4="`lmer(log_radon ~ floor + (floor || county))`",
        brms="`log_radon ~ floor + (floor || county)`",
    ),
    Row(
        model="**Radon: varying intercepts only**, with county uranium",
        data=("radon_mn",),
        pages=("03-multilevel-regression/radon",),
        pymc=BAMBI_BUILDS_IT,
        bambi="`log_radon ~ floor + log_uranium + (1 | county)`",
        bambi_on_page=True,
        lme4="`lmer(log_radon ~ floor + log_uranium + (1 | county))`",
        brms="`log_radon ~ floor + log_uranium + (1 | county)`",
    ),
    Row(
        model="**Penicillin samples as fixed effects.** a mean per sample, plates "
        "varying",
        data=("penicillin",),
        pages=("03-multilevel-regression/crossed-nested",),
        pymc=BAMBI_BUILDS_IT,
        bambi="`diameter ~ 0 + sample + (1|plate)`",
        bambi_on_page=True,
        lme4="`lmer(diameter ~ 0 + sample + (1 | plate))`",
        brms="`diameter ~ 0 + sample + (1 | plate)`",
    ),
    Row(
        model="**Schools: sector and varying SES slopes.** independent school "
        "intercepts and slopes",
        data=("hsb82_mathach",),
        pages=("03-multilevel-regression/schools",),
        pymc=BAMBI_BUILDS_IT,
        bambi="`mAch ~ cses * sector + meanses + (cses | school)`",
        bambi_on_page=True,
        lme4="`lmer(mAch ~ cses * sector + meanses + (cses || school))`",
        brms="`mAch ~ cses * sector + meanses + (cses || school)`",
    ),
    Row(
        model="**Galaxy velocities: a Dirichlet process mixture.** $y_i \\sim \\sum_k "
        r"w_k \mathcal{N}(\mu_k, \sigma_k^2)$, $w$ by stick-breaking truncated at $L$",
        data=("galaxies",),
        pages=("05-mixtures/dp-hdp",),
        pymc="`dp_pymc` (NUTS fails the gate: label switching); the page's own blocked "
        "Gibbs sampler",
        bambi="— not expressible: a mixture",
        lme4="— (lme4 cannot); dirichletprocess: `DirichletProcessGaussian(y)`, by "
        "Gibbs sampling",
        brms="— not expressible: a mixture with unboundedly many components",
    ),
    Row(
        model="**Topics of unequal prevalence: the hierarchical Dirichlet "
        r"process.** LDA with $\theta_d \sim \operatorname{Dirichlet}(\alpha\beta)$, "
        r"$\beta$ learnt",
        data=("simulated",),
        pages=("05-mixtures/dp-hdp",),
        pymc="— (the page's own collapsed Gibbs sampler)",
        bambi="— not expressible: a mixture over topics",
        lme4="— (lme4 cannot)",
        brms="— not expressible: a mixture over topics",
    ),
)


def page_key(path: str) -> str:
    """``chapters/03-x/page.md`` as the sheet names pages: ``03-x/page``."""
    return path.removeprefix("chapters/").removesuffix(".md")


def header_fields(path: Path) -> dict[str, str]:
    """The four fields of a Stan program's header, continuation lines joined.

    Raises :class:`CheatSheetError`, naming the program, if a field is missing, out of
    order or empty (the layout ``tests/tools/test_stan_headers.py`` checks).
    """
    lines = path.read_text().splitlines()
    fields: dict[str, str] = {}
    i = 1  # line 0 is the title
    for name in FIELDS:
        label = f"// {name}:"
        if i >= len(lines) or not lines[i].startswith(label):
            raise CheatSheetError(
                f"stan/{path.name}: the header of program {path.stem!r} has no "
                f"{label!r} field at line {i + 1}; a header has the fields "
                f"{', '.join(FIELDS)}, in that order, after the title line"
            )
        value = [lines[i][len(label) :].strip()]
        i += 1
        while i < len(lines) and re.match(r"// {9}\S", lines[i]):
            value.append(lines[i][11:].strip())
            i += 1
        fields[name] = " ".join(value)
        if not fields[name]:
            raise CheatSheetError(
                f"stan/{path.name}: the {name!r} field of program {path.stem!r} "
                "is empty"
            )
    return fields


def data_flags(source: str) -> frozenset[str]:
    """Names the ``data`` block of a Stan program declares."""
    source = re.sub(r"/\*.*?\*/|//[^\n]*", " ", source, flags=re.S)
    m = re.search(r"(?m)^\s*data\s*\{(.*?)^\}", source, flags=re.S)
    names = set()
    for stmt in (m.group(1) if m else "").split(";"):
        stmt = re.sub(r"<[^<>]*>", " ", stmt).split("=")[0]
        found = re.search(r"([A-Za-z_]\w*)\s*$", stmt.strip())
        if found:
            names.add(found.group(1))
    return frozenset(names)


def read_program(path: Path) -> Program:
    """A Stan program's header and data block, as the sheet uses them."""
    fields = header_fields(path)
    pages = tuple(page_key(p) for p in PAGE_PATH.findall(fields["Pages"]))
    if not pages:
        raise CheatSheetError(
            f"stan/{path.name}: the Pages field of program {path.stem!r} names no "
            "chapters/...md page"
        )
    twins, no_twin = [], ""
    pymc = fields["PyMC"]
    if none := re.match(r"none \((.*)\)$", pymc):
        no_twin = re.split(r"[:;,]", none.group(1))[0].strip()
    else:
        after = PAGE_PATH.split(pymc)[1:]
        for page, text in zip(PAGE_PATH.findall(pymc), after, strict=True):
            ident = re.search(r"`([^`]+)`", text)
            if not ident:
                raise CheatSheetError(
                    f"stan/{path.name}: the PyMC field of program {path.stem!r} names "
                    f"{page} without an `identifier` after it"
                )
            twins.append((page_key(page), ident.group(1)))
        if not twins:
            raise CheatSheetError(
                f"stan/{path.name}: the PyMC field of program {path.stem!r} must name "
                f"'chapters/...md, `identifier`' or say 'none (why)', not {pymc!r}"
            )
    return Program(
        name=path.stem,
        datasets=tuple(name for name, _ in DATASET.findall(fields["Data"])),
        simulated="simulat" in fields["Data"],
        pages=pages,
        twins=tuple(twins),
        no_twin=no_twin,
        flags=data_flags(path.read_text()),
    )


def read_programs(stan_dir: Path = STAN_DIR) -> dict[str, Program]:
    """Every ``*.stan`` program of ``stan_dir``, by name."""
    return {p.stem: read_program(p) for p in sorted(stan_dir.glob("*.stan"))}


def days(toc: Path = TOC) -> list[tuple[str, list[str]]]:
    """The days of ``_toc.yml`` in order: (caption, its pages in the same order)."""
    import yaml

    out = []
    for part in yaml.safe_load(toc.read_text())["parts"]:
        if not part.get("caption", "").startswith("Day "):
            continue
        pages: list[str] = []

        def walk(entries, pages=pages):
            for entry in entries or []:
                pages.append(page_key(entry["file"]))
                walk(entry.get("sections"))

        walk(part["chapters"])
        out.append((part["caption"], pages))
    return out


def _check_subset(what: str, given, valid, where: str) -> None:
    unknown = sorted(set(given) - set(valid))
    if unknown:
        raise CheatSheetError(
            f"{where}: {what} {unknown} not among the valid ones {sorted(valid)}"
        )


def _stan_cell(program: Program, row: Row, where: str) -> str:
    named = re.findall(r"`(\w+) = [^`]+`", row.stan)
    _check_subset("data flags", named, program.flags, where)
    return f"`{program.name}`" + (f": {row.stan}" if row.stan else "")


def _pymc_cell(program: Program, row: Row, pages: tuple[str, ...], where: str) -> str:
    if program.no_twin:
        return f"— ({program.no_twin})"
    twins = [(page, ident) for page, ident in program.twins if page in pages]
    if row.pymc is not None:
        _check_subset(
            "PyMC twin", [row.pymc] if row.pymc else [], [i for _, i in twins], where
        )
        twins = [(page, ident) for page, ident in twins if ident == row.pymc]
    if not twins:
        return "—"
    # a header may name the exercise whose solution builds the twin, by its label
    names = [(page, f"exercise `{i}`" if "-" in i else f"`{i}`") for page, i in twins]
    if len(pages) == 1:
        return ", ".join(name for _, name in names)
    return ", ".join(f"{name} ({doc(page)})" for page, name in names)


def doc(page: str) -> str:
    """A {doc} role to a page (relative to ``chapters/``), labelled by its file name."""
    return f"{{doc}}`{page.rsplit('/', 1)[-1]} <{page}>`"


def _bambi_cell(row: Row) -> str:
    if row.bambi_on_page or row.bambi.startswith("—"):
        return row.bambi
    return f"{row.bambi} *(reference)*"


def _data_cell(names: tuple[str, ...]) -> str:
    if not names:
        return "none"
    return ", ".join(n if n == "simulated" else f"`{n}`" for n in names)


def rows(
    stan_dir: Path = STAN_DIR, toc: Path = TOC
) -> list[tuple[str, list[dict[str, str]]]]:
    """Every row of the sheet, by day: (caption, rows), each row a dict of its cells.

    Raises :class:`CheatSheetError`, naming the program or row, when a Stan header or
    the hand-written table is incomplete or disagrees with the other.
    """
    from helpers import data

    programs = read_programs(stan_dir)
    _check_subset(
        "BY_PROGRAM in tools/cheatsheet.py names programs",
        BY_PROGRAM,
        programs,
        str(stan_dir),
    )
    missing = sorted(set(programs) - set(BY_PROGRAM))
    if missing:
        raise CheatSheetError(
            f"the Stan programs {missing} have no row in BY_PROGRAM of "
            "tools/cheatsheet.py: add the model in one line and its bambi, lme4 and "
            "brms formulas"
        )
    order = {p: (d, k) for d, (_, ps) in enumerate(days(toc)) for k, p in enumerate(ps)}
    registered = data.names()
    placed = []
    for name, program_rows in BY_PROGRAM.items():
        program, covered = programs[name], set()
        if not program_rows:
            raise CheatSheetError(
                f"BY_PROGRAM[{name!r}] in tools/cheatsheet.py is empty"
            )
        for k, row in enumerate(program_rows):
            where = f"BY_PROGRAM[{name!r}][{k}]"
            pages = program.pages if row.pages is None else row.pages
            _check_subset("pages", pages, program.pages, f"{where} (its header)")
            covered |= set(pages)
            names = program.datasets if row.data is None else row.data
            valid = program.datasets + (("simulated",) if program.simulated else ())
            _check_subset("data sets", names, valid, f"{where} (its header)")
            cells = {
                "Stan": _stan_cell(program, row, where),
                "PyMC": _pymc_cell(program, row, pages, where),
            }
            placed.append((row, pages, names, cells, where))
        unlisted = sorted(set(program.pages) - covered)
        if unlisted:
            raise CheatSheetError(
                f"stan/{name}.stan is used by the pages {unlisted}, which no row of "
                f"BY_PROGRAM[{name!r}] lists"
            )
    for k, row in enumerate(WITHOUT_STAN):
        where = f"WITHOUT_STAN[{k}]"
        if not row.pages or row.data is None or row.pymc is None:
            raise CheatSheetError(
                f"{where}: a row without Stan needs pages, data, pymc"
            )
        valid = (*registered, "simulated")  # a page's own simulation counts as data
        _check_subset("data sets", row.data, valid, f"{where} (helpers.data)")
        cells = {"Stan": "—", "PyMC": row.pymc}
        placed.append((row, row.pages, row.data, cells, where))
    by_day: dict[int, list[tuple[tuple[int, int], dict[str, str]]]] = {}
    for seq, (row, pages, names, cells, where) in enumerate(placed):
        _check_subset("pages", pages, order, f"{where} (the days of _toc.yml)")
        day, position = min(order[p] for p in pages)
        cells |= {
            "Model": row.model,
            "Data": _data_cell(names),
            "Pages": ", ".join(doc(p) for p in sorted(pages, key=order.__getitem__)),
            "bambi": _bambi_cell(row),
            "lme4 / R": row.lme4,
            "brms": row.brms,
        }
        by_day.setdefault(day, []).append(((position, seq), cells))
    captions = [caption for caption, _ in days(toc)]
    return [
        (captions[d], [cells for _, cells in sorted(by_day[d], key=lambda r: r[0])])
        for d in sorted(by_day)
    ]


def tables(stan_dir: Path = STAN_DIR, toc: Path = TOC) -> str:
    """The generated part of the page: one Markdown table a day."""
    out = []
    for caption, day_rows in rows(stan_dir, toc):
        out += [f"## {caption}", "", "| " + " | ".join(COLUMNS) + " |"]
        out.append("|" + "---|" * len(COLUMNS))
        for cells in day_rows:
            # a pipe inside a table cell, even in code, must be escaped
            out.append(
                "| " + " | ".join(cells[c].replace("|", r"\|") for c in COLUMNS) + " |"
            )
        out.append("")
    return "\n".join(out).strip("\n")


def generated_section(text: str) -> str:
    """The text between the markers of the page.

    Raises :class:`CheatSheetError` if a marker is missing.
    """
    try:
        return markers.section(PAGE, text, BEGIN, END)
    except ValueError as error:
        raise CheatSheetError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    """Rewrite the page's tables, or with ``--check`` return 1 if they are stale."""
    command = markers.command(
        PAGE, BEGIN, END, tables, "python -m tools.cheatsheet", __doc__
    )
    return command(argv)


if __name__ == "__main__":
    raise SystemExit(main())
