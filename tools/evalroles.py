"""Numbers in the prose with MyST's ``{eval}`` role, on the site and in JupyterLab.

In JupyterLab, jupyterlab-myst evaluates a markdown cell's ``{eval}`` expressions in the
kernel (the ``user_expressions`` of an execute request) when the cell runs, and shows
each result's text (a ``str``'s quotes stripped). myst-nb's own ``{eval}`` needs myst-nb
to execute the notebook (``nb_execution_mode = "inline"``), which the course's build
does not do, so the runner does what JupyterLab does:

1. :func:`add_eval_cells`, before execution: after every markdown cell with ``{eval}``
   roles, a code cell that evaluates them with ``get_ipython().user_expressions``
   (what ipykernel runs for jupyterlab-myst), and one such cell at the end for all of
   them (JupyterLab's *Run All* runs every code cell before the expressions reach the
   kernel);
2. :func:`collect_eval_results`, after execution: puts each result into its markdown
   cell's ``metadata.user_expressions`` (jupyterlab-myst's own format), drops the added
   cells, and raises if an expression failed, gave no text, or changed by the end;
3. :func:`substitute_evals`, when staging the book: replaces each role by its text.

The notebooks write ``{eval}`g("name:.2f")```: :func:`helpers.report.g` formats a value
the notebook glued with :func:`helpers.report.glue`.
"""

from __future__ import annotations

import re

import nbformat

from helpers.report import PENDING

EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
MIME = "application/vnd.course.eval+json"
KEY = "course_eval"
_QUOTED = re.compile(r"""^(["'])(.*)\1$""", re.S)  # jupyterlab-myst strips these quotes
_NUMPY_REPR = re.compile(r"^np\.\w+\(")  # numpy 2 scalars: np.float64(0.5)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>$|~&])")
_NO_RESULT = {"status": "error", "ename": "NoResult", "evalue": "not evaluated"}
# code the prose shows, where a role is text, not a role: fenced blocks, inline code
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S)


class EvalError(ValueError):
    """An ``{eval}`` failed, gave no text, changed value, or has no stored result."""


def _inline_code(text: str) -> list[tuple[int, int]]:
    """Spans of inline code, skipping roles' own backticks (``{role}`content```)."""
    spans, i = [], 0
    while (i := text.find("`", i)) != -1:
        run = len(text[i:]) - len(text[i:].lstrip("`"))
        if i > 0 and text[i - 1] == "}" and run == 1:  # a role's content: skip over it
            end = text.find("`", i + 1)
            i = len(text) if end == -1 else end + 1
            continue
        close = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, i + run)
        if close is None:
            i += run
            continue
        spans.append((i, close.end()))
        i = close.end()
    return spans


def roles(source: str) -> list[re.Match]:
    """The ``{eval}`` roles of a markdown text, less those inside code it shows."""
    code = [m.span() for m in _FENCE.finditer(source)]
    unfenced = source
    for a, b in code:  # blank the fences, so inline code is looked for outside them
        unfenced = unfenced[:a] + " " * (b - a) + unfenced[b:]
    code += _inline_code(unfenced)
    return [
        m
        for m in EVAL_ROLE.finditer(source)
        if not any(a <= m.start() < b for a, b in code)
    ]


def expressions(cell) -> list[str]:
    """The distinct ``{eval}`` expressions of a markdown cell, in order."""
    if cell.cell_type != "markdown":
        return []
    return list(dict.fromkeys(m.group(1) for m in roles(cell.source)))


def _eval_cell(exprs: list[str], final: bool):
    request = {str(i): e for i, e in enumerate(exprs)}
    code = (
        f'__import__("IPython").display.display({{{MIME!r}: '
        f"get_ipython().user_expressions({request!r})}}, raw=True)"
    )
    spec = {KEY: {"expressions": exprs, "final": final}}
    return nbformat.v4.new_code_cell(code, metadata=spec)


def add_eval_cells(nb) -> int:
    """Insert the evaluating code cells; return the number of expressions."""
    cells, every = [], []
    for cell in nb.cells:
        cells.append(cell)
        if exprs := expressions(cell):
            cells.append(_eval_cell(exprs, final=False))
            every += exprs
    if every:
        cells.append(_eval_cell(list(dict.fromkeys(every)), final=True))
    nb.cells = cells
    return len(every)


def _results(cell, expressions: list[str]) -> dict:
    outputs = cell.get("outputs", [])
    data = next((o["data"][MIME] for o in outputs if MIME in o.get("data", {})), {})
    return {e: data.get(str(i), _NO_RESULT) for i, e in enumerate(expressions)}


def collect_eval_results(nb, where: str = "notebook") -> None:
    """Store results in ``metadata.user_expressions``, drop the added cells, check."""
    cells, final = [], {}
    for cell in nb.cells:
        spec = cell.get("metadata", {}).get(KEY)
        if spec is None:
            cells.append(cell)
            continue
        results = _results(cell, spec["expressions"])
        if spec["final"]:
            final = results
        else:
            cells[-1].metadata["user_expressions"] = [
                {"expression": e, "result": r} for e, r in results.items()
            ]
    nb.cells = cells
    problems = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for entry in cell.metadata.get("user_expressions", []):
            expr, result = entry["expression"], entry["result"]
            if result.get("ename") == "NameError":
                # prose above the setup cell, before g or a variable exists: pending
                result = {"status": "ok", "data": {"text/plain": repr(PENDING)}}
            try:
                text = text_of(result)
                if text_of(final.get(expr, _NO_RESULT)) == PENDING:
                    raise EvalError("names nothing the notebook glues")
            except EvalError as exc:
                problems.append(f"{{eval}}`{expr}`: {exc}")
                continue
            if text != PENDING and final.get(expr) != result:
                problems.append(
                    f"{{eval}}`{expr}` is {text} where the prose stands but "
                    f"{_show(final.get(expr))} at the end of the notebook, which is "
                    "what JupyterLab's Run All shows: give the value a name of its own"
                )
    if problems:
        raise EvalError(f"{where}:\n  " + "\n  ".join(problems))
    for cell in nb.cells:  # what Run All shows, and so what the site shows
        for entry in cell.metadata.get("user_expressions", []):
            entry["result"] = final[entry["expression"]]


def _show(result) -> str:
    try:
        return text_of(result or {})
    except EvalError as exc:
        return str(exc)


def text_of(result: dict) -> str:
    """The markdown to show for one ``user_expressions`` result."""
    if result.get("status") != "ok":
        raise EvalError(f"{result.get('ename', 'error')}: {result.get('evalue', '')}")
    data = result.get("data", {})
    if set(data) - {"text/plain", "text/markdown"} or not data:
        raise EvalError(f"gives {sorted(data)}: an {{eval}} must give text or Markdown")
    if "text/markdown" in data:
        return data["text/markdown"]
    if _NUMPY_REPR.match(data["text/plain"]):
        raise EvalError(
            f'shows {data["text/plain"]}: format it, e.g. f"{{x:.2f}}" or float(x)'
        )
    return _MD_SPECIAL.sub(r"\\\1", _QUOTED.sub(r"\2", data["text/plain"]))


def substitute_evals(nb, where: str = "notebook") -> int:
    """Replace every ``{eval}`` role of the markdown cells by its stored text."""
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or not roles(cell.source):
            continue
        stored = {
            e["expression"]: e["result"]
            for e in cell.metadata.get("user_expressions", [])
        }
        missing = [e for e in expressions(cell) if e not in stored]
        if missing:
            raise EvalError(f"{where}: no result stored for {missing}")
        source = cell.source
        for m in reversed(roles(source)):  # from the end, so earlier offsets hold
            source = (
                source[: m.start()] + text_of(stored[m.group(1)]) + source[m.end() :]
            )
            count += 1
        cell.source = source
    return count
