"""Interactive explorers with two faces of one spec.

An :class:`Explorer` is a set of sliders, a table of fixed random draws (or a grid), and
named formulas in those columns and sliders. From that one spec it builds

* :meth:`Explorer.chart` -- an Altair chart whose sliders are Vega parameters and whose
  formulas are Vega expressions, so it stays interactive on the static site with no
  kernel; and
* :meth:`Explorer.widget` -- ipywidgets sliders that recompute the formulas with numpy
  and redraw the same chart, when a kernel runs.

Formulas use ``+ - * /``, ``**``, parentheses, numbers, column and slider names, single
comparisons ``< <= > >=`` (1 if true, else 0), and the functions ``abs exp log sqrt pow
min max``. They are parsed once and translated for both faces, so the two can never
drift apart.

:func:`prior_predictive_lines` builds the explorer of the course's prior predictive
checks: lines ``intercept + slope * x`` drawn from normal priors whose scales are
sliders.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .style import PALETTE, POSTERIOR_COLOR, PRIOR_COLOR

_FUNCS_NUMPY = {
    "abs": np.abs,
    "exp": np.exp,
    "log": np.log,
    "sqrt": np.sqrt,
    "pow": np.power,
    "min": np.minimum,
    "max": np.maximum,
}
_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_CMPOPS = {
    ast.Lt: ("<", np.less),
    ast.LtE: ("<=", np.less_equal),
    ast.Gt: (">", np.greater),
    ast.GtE: (">=", np.greater_equal),
}


class ExplorerError(ValueError):
    """A malformed explorer spec: bad slider, unknown name, unsupported formula."""


@dataclass(frozen=True)
class Slider:
    """A named parameter shown as a slider.

    Parameters
    ----------
    name : str
        A Python identifier: the name formulas use.
    min, max : float
        The slider's range, ``min < max``.
    value : float
        The starting value, within the range.
    step : float
        The slider's step, > 0.
    label : str, optional
        What the reader sees beside the slider; default the name.

    Raises
    ------
    ExplorerError
        If the name is not an identifier, the range is empty, the value is outside
        it, or the step is not positive.

    Examples
    --------
    >>> from helpers import widgets
    >>> tau = widgets.Slider("tau", 0.1, 40, 5, 0.1, "between-school sd τ")
    """

    name: str
    min: float
    max: float
    value: float
    step: float
    label: str = ""

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ExplorerError(f"slider name {self.name!r} is not an identifier")
        if not (self.min < self.max):
            raise ExplorerError(
                f"slider {self.name}: min {self.min} must be below max {self.max}"
            )
        if not (self.min <= self.value <= self.max):
            raise ExplorerError(
                f"slider {self.name}: value {self.value} "
                f"outside [{self.min}, {self.max}]"
            )
        if not self.step > 0:
            raise ExplorerError(f"slider {self.name}: step must be positive")


class Formula:
    """A formula parsed once, evaluable with numpy and printable as a Vega expression.

    Parameters
    ----------
    text : str
        The formula, in the language the module docstring describes.
    columns : set of str
        Names of data columns (``datum['x']`` in Vega).
    params : set of str
        Names of sliders (Vega parameters).

    Attributes
    ----------
    text : str
        The formula as given.
    vega : str
        The formula as a Vega expression.

    Raises
    ------
    ExplorerError
        If the formula does not parse, names something that is neither a column nor a
        slider, or uses an unsupported expression.

    Examples
    --------
    >>> import pandas as pd
    >>> from helpers import widgets
    >>> f = widgets.Formula("a + b * x", columns={"x"}, params={"a", "b"})
    >>> f.vega
    "(a + (b * datum['x']))"
    >>> f.evaluate(pd.DataFrame({"x": [0.0, 1.0, 2.0]}), {"a": 1.0, "b": 2.0})
    array([1., 3., 5.])
    """

    def __init__(self, text: str, columns: set[str], params: set[str]):
        self.text = text
        try:
            self.tree = ast.parse(text, mode="eval").body
        except SyntaxError as exc:
            raise ExplorerError(f"cannot parse formula {text!r}: {exc.msg}") from None
        self.columns, self.params = columns, params
        self.vega = self._vega(self.tree)

    def _vega(self, node) -> str:
        """The Vega expression of one node of the parsed formula."""
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)
        ):
            return repr(float(node.value))
        if isinstance(node, ast.Name):
            if node.id in self.params:
                return node.id
            if node.id in self.columns:
                return f"datum[{node.id!r}]"
            raise ExplorerError(f"formula {self.text!r}: unknown name {node.id!r}")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return (
                f"({'-' if isinstance(node.op, ast.USub) else '+'}"
                f"{self._vega(node.operand)})"
            )
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Pow):
                return f"pow({self._vega(node.left)}, {self._vega(node.right)})"
            if type(node.op) in _BINOPS:
                return (
                    f"({self._vega(node.left)} {_BINOPS[type(node.op)]} "
                    f"{self._vega(node.right)})"
                )
        if (
            isinstance(node, ast.Compare)
            and len(node.ops) == 1
            and type(node.ops[0]) in _CMPOPS
        ):
            op = _CMPOPS[type(node.ops[0])][0]
            return (
                f"({self._vega(node.left)} {op} "
                f"{self._vega(node.comparators[0])} ? 1 : 0)"
            )
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS_NUMPY
        ):
            if node.keywords:
                raise ExplorerError(
                    f"formula {self.text!r}: keyword arguments are not supported"
                )
            return f"{node.func.id}({', '.join(self._vega(a) for a in node.args)})"
        raise ExplorerError(
            f"formula {self.text!r}: unsupported expression {ast.unparse(node)!r}"
        )

    def evaluate(self, frame: pd.DataFrame, values: dict[str, float]) -> np.ndarray:
        """Evaluate the formula with numpy.

        Parameters
        ----------
        frame : pandas.DataFrame
            Holds the columns the formula names.
        values : dict of str to float
            The value of every slider the formula names.

        Returns
        -------
        numpy.ndarray
            One value per row of ``frame`` (or a scalar array for a formula of
            sliders only).
        """
        return np.asarray(self._eval(self.tree, frame, values), dtype=float)

    def _eval(self, node, frame, values):
        """The numpy value of one node of the parsed formula."""
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            return (
                values[node.id]
                if node.id in self.params
                else frame[node.id].to_numpy(dtype=float)
            )
        if isinstance(node, ast.UnaryOp):
            v = self._eval(node.operand, frame, values)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp):
            a, b = (
                self._eval(node.left, frame, values),
                self._eval(node.right, frame, values),
            )
            op = type(node.op)
            return {
                ast.Add: np.add,
                ast.Sub: np.subtract,
                ast.Mult: np.multiply,
                ast.Div: np.divide,
                ast.Pow: np.power,
            }[op](a, b)
        if isinstance(node, ast.Compare):
            compare = _CMPOPS[type(node.ops[0])][1]
            return compare(
                self._eval(node.left, frame, values),
                self._eval(node.comparators[0], frame, values),
            ).astype(float)
        args = [self._eval(a, frame, values) for a in node.args]
        if node.func.id in ("min", "max"):
            out = args[0]
            for a in args[1:]:
                out = _FUNCS_NUMPY[node.func.id](out, a)
            return out
        return _FUNCS_NUMPY[node.func.id](*args)


@dataclass
class Explorer:
    """Sliders + fixed data + formulas, drawn by ``draw(chart_base, formulas)``.

    ``draw`` receives an Altair chart whose data holds the columns and the computed
    formula columns (by name) and returns the finished chart. It may add transforms of
    its own (filters, aggregates, normalisations) over those columns, since both faces
    run them, but must not name a slider: every use of a slider belongs in a formula,
    which is what keeps the two faces identical.

    Parameters
    ----------
    sliders : list of Slider
        The parameters, with distinct names.
    data : pandas.DataFrame
        The fixed draws or grid, non-empty and with no missing values.
    formulas : dict of str to str
        Output column name to formula; a formula may use the columns of ``data``, the
        sliders and the outputs of earlier formulas.
    draw : callable
        ``draw(chart_base, formula_names)`` returns the finished Altair chart.
    title : str, optional
        The chart's title.

    Raises
    ------
    ExplorerError
        If ``data`` is empty or has missing values, slider names repeat, a name is used
        twice (slider, column, formula), or a formula is malformed.

    Examples
    --------
    The constructors below (:func:`binomial_updating`, :func:`shrinkage`, ...) build
    explorers; a notebook shows one with ``explorer.show()`` and reads its numbers with
    :meth:`compute`:

    >>> from helpers import widgets
    >>> explorer = widgets.binomial_updating(
    ...     a=widgets.Slider("a", 0.5, 60, 2, 0.5, "prior a"),
    ...     b=widgets.Slider("b", 0.5, 60, 2, 0.5, "prior b"),
    ...     n=widgets.Slider("n", 0, 300, 10, 1, "trials n"),
    ...     share=widgets.Slider("share", 0, 1, 0.3, 0.01, "observed share k / n"),
    ... )
    >>> explorer.defaults()
    {'a': 2, 'b': 2, 'n': 10, 'share': 0.3}
    >>> float(explorer.compute(n=50, share=0.4)["k"].iloc[0])
    20.0
    """

    sliders: list[Slider]
    data: pd.DataFrame
    formulas: dict[str, str]
    draw: Callable
    title: str = ""
    _parsed: dict[str, Formula] = field(init=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.data, pd.DataFrame) or self.data.empty:
            raise ExplorerError("data must be a non-empty DataFrame")
        if self.data.isna().any().any():
            raise ExplorerError("data has missing values")
        names = [s.name for s in self.sliders]
        if len(set(names)) != len(names):
            raise ExplorerError(f"duplicate slider names in {names}")
        clash = set(names) & set(self.data.columns) | set(self.formulas) & (
            set(names) | set(self.data.columns)
        )
        if clash:
            raise ExplorerError(
                f"names used twice (slider, column, formula): {sorted(clash)}"
            )
        cols = set(self.data.columns)
        self._parsed = {}
        for out, text in self.formulas.items():
            self._parsed[out] = Formula(text, cols, set(names))
            cols.add(out)  # later formulas may use earlier ones

    def defaults(self) -> dict[str, float]:
        """Return every slider's starting value, by name.

        Returns
        -------
        dict of str to float
            Slider name to ``value``.
        """
        return {s.name: s.value for s in self.sliders}

    def compute(self, **values: float) -> pd.DataFrame:
        """Return the data with every formula evaluated at the given slider values.

        Parameters
        ----------
        **values : float
            Slider values by name; sliders not named keep their starting value.

        Returns
        -------
        pandas.DataFrame
            A copy of the data with one column per formula.

        Raises
        ------
        ExplorerError
            If a name is not a slider's.
        """
        unknown = set(values) - {s.name for s in self.sliders}
        if unknown:
            raise ExplorerError(f"unknown sliders {sorted(unknown)}")
        vals = {**self.defaults(), **values}
        frame = self.data.copy()
        for out, f in self._parsed.items():
            frame[out] = f.evaluate(frame, vals)
        return frame

    def chart(self):
        """Build the static-site face: Vega parameters bound to sliders.

        The formulas become Vega expressions, so the chart stays interactive with no
        kernel.

        Returns
        -------
        altair.TopLevelMixin
            The chart, with one slider per :class:`Slider`.
        """
        import altair as alt

        params = [
            alt.param(
                name=s.name,
                value=s.value,
                bind=alt.binding_range(
                    min=s.min, max=s.max, step=s.step, name=(s.label or s.name) + " "
                ),
            )
            for s in self.sliders
        ]
        base = alt.Chart(self.data)
        for out, f in self._parsed.items():
            base = base.transform_calculate(**{out: f.vega})
        return self._titled(self.draw(base, list(self.formulas)).add_params(*params))

    def static_chart(self, **values: float):
        """Build the chart from numpy-computed values (no Vega expressions, no sliders).

        Parameters
        ----------
        **values : float
            Slider values by name, as in :meth:`compute`.

        Returns
        -------
        altair.TopLevelMixin
            The chart at those values.
        """
        import altair as alt

        return self._titled(
            self.draw(alt.Chart(self.compute(**values)), list(self.formulas))
        )

    def _titled(self, chart):
        """``chart`` with the explorer's title, if it has one."""
        return chart.properties(title=self.title) if self.title else chart

    def widget(self):
        """Build the kernel face: ipywidgets sliders redrawing :meth:`static_chart`.

        Returns
        -------
        ipywidgets.VBox
            The sliders above the chart; moving one redraws it.
        """
        import ipywidgets as w
        from IPython.display import display

        sliders = {
            s.name: w.FloatSlider(
                value=s.value,
                min=s.min,
                max=s.max,
                step=s.step,
                description=s.label or s.name,
                continuous_update=False,
                style={"description_width": "14em"},
                layout=w.Layout(width="34em"),
            )
            for s in self.sliders
        }
        out = w.Output()

        def redraw(*_):
            with out:
                out.clear_output(wait=True)
                display(self.static_chart(**{k: v.value for k, v in sliders.items()}))

        for s in sliders.values():
            s.observe(redraw, names="value")
        redraw()
        return w.VBox([*sliders.values(), out])

    def show(self):
        """Show the face that fits: sliders with a kernel, the Vega chart on the site.

        Displays :meth:`chart` where :func:`helpers.style.interactive_charts` is true
        (the site), else :meth:`widget`.
        """
        from IPython.display import display

        from .style import interactive_charts

        display(self.chart() if interactive_charts() else self.widget())


def prior_predictive_lines(
    x: np.ndarray,
    *,
    intercept_loc: float,
    intercept_scale: Slider,
    slope_loc: float,
    slope_scale: Slider,
    extra: list[Slider] | None = None,
    intercept_extra: str = "",
    slope_extra: str = "",
    n_lines: int = 60,
    seed: int = 0,
    x_title: str = "x",
    y_title: str = "y",
    y_domain: tuple[float, float] | None = None,
    reference: tuple[float, float] | None = None,
    per_line: dict[str, np.ndarray] | None = None,
    title: str = "",
) -> Explorer:
    """Build an explorer of prior predictive regression lines, prior scales on sliders.

    Line ``k`` is ``a_k + b_k * x`` with
    ``a_k = intercept_loc + intercept_scale * z1_k`` (plus ``intercept_extra``) and
    likewise for the slope, where ``z1, z2, z3, z4, h1, h2`` are fixed standard-normal
    (``h`` half-normal) draws per line, seeded.

    Parameters
    ----------
    x : array_like
        The predictor values each line is drawn over (1-d, at least 2, finite).
    intercept_loc : float
        Prior mean of the intercept.
    intercept_scale : Slider
        Slider for its prior sd.
    slope_loc : float
        Prior mean of the slope.
    slope_scale : Slider
        Slider for its prior sd.
    extra : list of Slider, optional
        More sliders, for use in the ``*_extra`` formulas.
    intercept_extra, slope_extra : str, optional
        Formula text added to each line's intercept or slope, e.g.
        ``"+ tau_a * h1 * z3"`` adds a subject's deviation with a half-normal
        between-subject sd.
    n_lines : int, default 60
        Number of lines.
    seed : int, default 0
        Seeds the fixed draws.
    x_title, y_title : str
        Axis titles.
    y_domain : tuple of two floats, optional
        Fixes the y axis, so wide priors visibly escape it.
    reference : tuple of two floats, optional
        Draws a band of plausible outcomes.
    per_line : dict of str to array_like, optional
        Columns of the caller's own per-line draws (``n_lines`` values each), for
        example prior draws of a correlation.
    title : str, optional
        The chart's title.

    Returns
    -------
    Explorer
        Sliders ``intercept_scale``, ``slope_scale`` and ``extra``; formulas
        ``intercept``, ``slope`` and ``y``.

    Raises
    ------
    ExplorerError
        If ``x`` is not 1-d with at least 2 finite values, ``n_lines`` is not positive,
        a ``per_line`` column does not hold ``n_lines`` finite values, or the spec is
        malformed (see :class:`Explorer`).

    Examples
    --------
    >>> import numpy as np
    >>> from helpers import widgets
    >>> explorer = widgets.prior_predictive_lines(
    ...     np.arange(10),
    ...     intercept_loc=250.0,
    ...     intercept_scale=widgets.Slider("sa", 0, 200, 50, 5, "sd of the intercept"),
    ...     slope_loc=0.0,
    ...     slope_scale=widgets.Slider("sb", 0, 50, 20, 1, "sd of the slope"),
    ...     y_domain=(0, 600),
    ... )
    >>> explorer.compute(sb=5.0).shape  # 60 lines x 10 values of x
    (600, 11)
    """
    import altair as alt

    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)):
        raise ExplorerError("x must be a 1-d array of at least 2 finite values")
    if n_lines < 1:
        raise ExplorerError("n_lines must be positive")
    rng = np.random.default_rng(seed)
    lines = pd.DataFrame(
        {
            "line": np.arange(n_lines),
            **{f"z{i}": rng.standard_normal(n_lines) for i in range(1, 5)},
            **{f"h{i}": np.abs(rng.standard_normal(n_lines)) for i in range(1, 3)},
        }
    )
    for name, values in (per_line or {}).items():
        values = np.asarray(values, dtype=float)
        if values.shape != (n_lines,) or not np.all(np.isfinite(values)):
            raise ExplorerError(f"per_line[{name!r}] must hold {n_lines} finite values")
        lines[name] = values
    frame = lines.merge(pd.DataFrame({"x": x}), how="cross")
    a_name, b_name = intercept_scale.name, slope_scale.name
    formulas = {
        "intercept": f"{intercept_loc!r} + {a_name} * z1 {intercept_extra}",
        "slope": f"{slope_loc!r} + {b_name} * z2 {slope_extra}",
        "y": "intercept + slope * x",
    }

    def draw(base, _):
        scale = alt.Scale(domain=list(y_domain)) if y_domain else alt.Undefined
        lines = base.mark_line(opacity=0.45, color=PALETTE[0], clip=True).encode(
            x=alt.X(
                "x:Q",
                title=x_title,
                axis=alt.Axis(tickMinStep=1),
                scale=alt.Scale(nice=False),
            ),
            y=alt.Y("y:Q", title=y_title, scale=scale),
            detail="line:N",
        )
        if reference is None:
            return lines.properties(width=480, height=280)
        band = (
            alt.Chart(pd.DataFrame({"lo": [reference[0]], "hi": [reference[1]]}))
            .mark_rect(color=PALETTE[4], opacity=0.18)
            .encode(y="lo:Q", y2="hi:Q")
        )
        return alt.layer(band, lines).properties(width=480, height=280)

    return Explorer(
        [intercept_scale, slope_scale, *(extra or [])], frame, formulas, draw, title
    )


def binomial_updating(
    *,
    a: Slider,
    b: Slider,
    n: Slider,
    share: Slider,
    grid_size: int = 400,
    title: str = "",
) -> Explorer:
    """Build an explorer of prior x likelihood -> posterior for a binomial proportion.

    Every curve is drawn on a grid. The three curves are computed in logs and
    normalised on the grid by the chart itself, so the same spec works in numpy and in
    Vega.

    Parameters
    ----------
    a, b : Slider
        The Beta(a, b) prior's parameters.
    n : Slider
        The number of trials.
    share : Slider
        The observed share of successes (``k = share * n``, not rounded, so the curves
        move smoothly).
    grid_size : int, default 400
        Number of grid points (at least 10), at the midpoints of equal cells of
        [0, 1].
    title : str, optional
        The chart's title.

    Returns
    -------
    Explorer
        Formulas ``k``, ``lp_prior``, ``lp_likelihood`` and ``lp_posterior`` (the
        unnormalised log densities) over columns ``theta``, ``log_t`` and ``log_1mt``.

    Raises
    ------
    ExplorerError
        If ``grid_size`` is below 10 or the spec is malformed.

    Examples
    --------
    See :class:`Explorer`.
    """
    import altair as alt

    if grid_size < 10:
        raise ExplorerError("grid_size must be at least 10")
    theta = (np.arange(grid_size) + 0.5) / grid_size  # midpoints: no log(0)
    frame = pd.DataFrame(
        {"theta": theta, "log_t": np.log(theta), "log_1mt": np.log1p(-theta)}
    )
    formulas = {
        "k": f"{share.name} * {n.name}",
        "lp_prior": f"({a.name} - 1) * log_t + ({b.name} - 1) * log_1mt",
        "lp_likelihood": f"k * log_t + ({n.name} - k) * log_1mt",
        "lp_posterior": "lp_prior + lp_likelihood",
    }
    step = 1.0 / grid_size
    curves = ["prior", "likelihood", "posterior"]

    def draw(base, _):
        chart = base
        for c in curves:  # normalise each curve to a density on the grid, in logs first
            chart = (
                chart.transform_joinaggregate(**{f"max_{c}": f"max(lp_{c})"})
                .transform_calculate(
                    **{f"u_{c}": f"exp(datum['lp_{c}'] - datum['max_{c}'])"}
                )
                .transform_joinaggregate(**{f"sum_{c}": f"sum(u_{c})"})
                .transform_calculate(
                    **{c: f"datum['u_{c}'] / (datum['sum_{c}'] * {step!r})"}
                )
            )
        colors = alt.Scale(
            domain=curves, range=[PRIOR_COLOR, PALETTE[4], POSTERIOR_COLOR]
        )
        return (
            chart.transform_fold(curves, as_=["curve", "density"])
            .mark_line()
            .encode(
                x=alt.X(
                    "theta:Q", title="θ (proportion)", scale=alt.Scale(domain=[0, 1])
                ),
                y=alt.Y("density:Q", title="density"),
                color=alt.Color("curve:N", scale=colors, sort=curves, title=None),
                strokeDash=alt.condition(
                    "datum.curve == 'likelihood'", alt.value([5, 3]), alt.value([1, 0])
                ),
            )
            .properties(width=480, height=260)
        )

    return Explorer([a, b, n, share], frame, formulas, draw, title)


def shrinkage(
    names,
    y,
    sigma,
    *,
    tau: Slider,
    x_title: str = "estimate",
    title: str = "",
) -> Explorer:
    """Build an explorer of group estimates as the between-group sd moves.

    Under the normal hierarchical model with known standard errors ``sigma`` and a
    given between-group sd ``tau``, each group's posterior mean is a precision-weighted
    average of its own estimate ``y`` and the population mean, which is itself the
    average of the ``y`` weighted by ``1 / (sigma^2 + tau^2)`` (flat prior on the
    mean; BDA section 5.4). As ``tau`` -> 0 every group gets the pooled mean; as
    ``tau`` grows each keeps its own estimate. :func:`shrinkage_estimates` computes the
    same numbers for one ``tau``.

    Parameters
    ----------
    names : sequence
        The groups' labels.
    y : array_like
        Each group's own estimate.
    sigma : array_like
        Its standard error, > 0.
    tau : Slider
        The between-group sd; its range must stay above 0.
    x_title : str, default "estimate"
        The x axis's title.
    title : str, optional
        The chart's title.

    Returns
    -------
    Explorer
        One row per group: its own estimate, its shrunk estimate and the pooled mean.

    Raises
    ------
    ExplorerError
        If ``names``, ``y`` and ``sigma`` are not 1-d of one length (at least 2),
        ``y`` is not finite or ``sigma`` not positive and finite, or the ``tau`` slider
        reaches 0.

    Examples
    --------
    >>> from helpers import widgets
    >>> explorer = widgets.shrinkage(
    ...     list("ABCDEFGH"),
    ...     [28, 8, -3, 7, -1, 1, 18, 12],
    ...     [15, 10, 16, 11, 9, 11, 10, 18],
    ...     tau=widgets.Slider("tau", 0.1, 40, 5, 0.1, "between-school sd τ"),
    ... )
    """
    import altair as alt

    y, sigma = np.asarray(y, dtype=float), np.asarray(sigma, dtype=float)
    names = [str(n) for n in names]
    if y.ndim != 1 or y.shape != sigma.shape or len(names) != y.size or y.size < 2:
        raise ExplorerError(
            "names, y and sigma must be 1-d and of the same length (at least 2)"
        )
    if not (
        np.all(np.isfinite(y)) and np.all(np.isfinite(sigma)) and np.all(sigma > 0)
    ):
        raise ExplorerError("y must be finite and sigma positive and finite")
    if tau.min <= 0:
        raise ExplorerError("the tau slider must stay above 0")
    frame = pd.DataFrame({"group": names, "y": y, "prec": 1 / sigma**2})
    formulas = {
        "w": f"1 / (1 / prec + {tau.name} * {tau.name})",
        "wy": "w * y",
        "inv_tau2": f"1 / ({tau.name} * {tau.name})",
    }

    def draw(base, _):
        shrunk = shrunk_estimates(base)
        y_enc = alt.Y("group:N", title=None, sort=names)
        raw = base.mark_point(
            shape="circle", filled=False, size=70, color=PRIOR_COLOR
        ).encode(x=alt.X("y:Q", title=x_title), y=y_enc)
        link = shrunk.mark_rule(color=PRIOR_COLOR, strokeDash=[2, 2]).encode(
            x="y:Q", x2="estimate:Q", y=y_enc
        )
        points = shrunk.mark_point(filled=True, size=80, color=POSTERIOR_COLOR).encode(
            x="estimate:Q", y=y_enc
        )
        pooled = shrunk.mark_rule(color=PALETTE[1]).encode(x="mean(mu_hat):Q")
        return alt.layer(link, raw, points, pooled).properties(
            width=460, height=24 * len(names)
        )

    return Explorer([tau], frame, formulas, draw, title)


def shrunk_estimates(base):
    """Add the Vega transforms of :func:`shrinkage` to a chart.

    Parameters
    ----------
    base : altair.Chart
        A chart whose data holds the columns ``y``, ``prec``, ``w``, ``wy`` and
        ``inv_tau2`` of :func:`shrinkage`.

    Returns
    -------
    altair.Chart
        ``base`` with the pooled mean ``mu_hat`` and each group's ``estimate``.
    """
    return (
        base.transform_joinaggregate(sum_w="sum(w)", sum_wy="sum(wy)")
        .transform_calculate(mu_hat="datum.sum_wy / datum.sum_w")
        .transform_calculate(
            estimate="(datum.y * datum.prec + datum.mu_hat * datum.inv_tau2) "
            "/ (datum.prec + datum.inv_tau2)"
        )
    )


def shrinkage_estimates(y, sigma, tau: float) -> tuple[np.ndarray, float]:
    """Return the numbers :func:`shrinkage` draws, for one ``tau``.

    Parameters
    ----------
    y : array_like
        Each group's own estimate.
    sigma : array_like
        Its standard error.
    tau : float
        The between-group sd, > 0.

    Returns
    -------
    estimates : numpy.ndarray
        Each group's posterior mean.
    mu : float
        The pooled (population) mean.

    Examples
    --------
    >>> from helpers import widgets
    >>> y, sigma = [28, 8, -3, 7, -1, 1, 18, 12], [15, 10, 16, 11, 9, 11, 10, 18]
    >>> estimates, mu = widgets.shrinkage_estimates(y, sigma, 5.0)
    >>> estimates.round(1), round(mu, 2)
    (array([9.9, 7.9, 6.9, 7.7, 5.8, 6.7, 9.9, 8.1]), 7.85)
    """
    y, sigma = np.asarray(y, dtype=float), np.asarray(sigma, dtype=float)
    w = 1 / (sigma**2 + tau**2)
    mu = np.sum(w * y) / np.sum(w)
    return (y / sigma**2 + mu / tau**2) / (1 / sigma**2 + 1 / tau**2), float(mu)


def sampler_path(
    path,
    background,
    *,
    names: tuple[str, str] = ("x", "y"),
    title: str = "",
    label: str = "steps shown",
) -> Explorer:
    """Build an explorer that steps through a sampler's path over posterior draws.

    A slider sets how many steps are drawn: a light-weight animation that works with a
    kernel and on the static site.

    Parameters
    ----------
    path : array_like, shape (n, 2)
        Successive states of the sampler, at least 2.
    background : array_like, shape (m, 2)
        Draws showing where the posterior is.
    names : tuple of two str, default ("x", "y")
        The axes' titles.
    title : str, optional
        The chart's title.
    label : str, default "steps shown"
        The slider's label.

    Returns
    -------
    Explorer
        With one slider, ``steps`` (from 1 to n, starting at 10 or n).

    Raises
    ------
    ExplorerError
        If ``path`` or ``background`` is not (n, 2), ``path`` has fewer than 2 steps,
        or either holds a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> from helpers import widgets
    >>> rng = np.random.default_rng(0)
    >>> path = np.cumsum(rng.normal(size=(30, 2)), axis=0)  # a random walk
    >>> explorer = widgets.sampler_path(path, rng.normal(size=(500, 2)))
    >>> int(explorer.compute(steps=3)["shown"].sum())
    3
    """
    import altair as alt

    path, background = (
        np.asarray(path, dtype=float),
        np.asarray(background, dtype=float),
    )
    if (
        path.ndim != 2
        or path.shape[1] != 2
        or len(path) < 2
        or background.ndim != 2
        or background.shape[1] != 2
    ):
        raise ExplorerError(
            "path and background must be (n, 2) arrays, with at least 2 steps in path"
        )
    if not (np.all(np.isfinite(path)) and np.all(np.isfinite(background))):
        raise ExplorerError("path and background must be finite")
    frame = pd.DataFrame(
        {
            "step": np.concatenate(
                [np.arange(len(path)), np.full(len(background), -1)]
            ),
            "px": np.concatenate([path[:, 0], background[:, 0]]),
            "py": np.concatenate([path[:, 1], background[:, 1]]),
            "is_path": np.concatenate([np.ones(len(path)), np.zeros(len(background))]),
        }
    )
    steps = Slider("steps", 1, len(path), min(10, len(path)), 1, label)
    formulas = {"shown": "is_path * (step < steps)"}

    def draw(base, _):
        x = alt.X("px:Q", title=names[0], scale=alt.Scale(zero=False))
        y = alt.Y("py:Q", title=names[1], scale=alt.Scale(zero=False))
        cloud = (
            base.transform_filter("datum.is_path == 0")
            .mark_circle(size=8, opacity=0.25, color=PRIOR_COLOR)
            .encode(x=x, y=y)
        )
        shown = base.transform_filter("datum.shown > 0")
        line = shown.mark_line(color=PALETTE[1], strokeWidth=1.2).encode(
            x=x, y=y, order="step:Q"
        )
        dots = shown.mark_circle(size=22, color=PALETTE[1]).encode(x=x, y=y)
        return alt.layer(cloud, line, dots).properties(width=420, height=300)

    return Explorer([steps], frame, formulas, draw, title)
