"""Round trips through every writer that keeps cell positions: random grids of both forms
whose zeros are printed, left blank, or printed as a blank marker parse back with no
ambiguous or missing cell (the layout decides them all) and never a wrong value."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipextract import parse
from docwriters import render_html, render_text
from docwriters.docx import render_docx
from strategies import any_template, grids

MARKERS = ("—", "-", "－", "/", "无")
EXAMPLES = 12


class Marked(int):
    """A zero that the writers print as a blank marker (they print ``str(value)``)."""

    def __new__(cls, value: int, mark: str) -> "Marked":
        obj = super().__new__(cls, value)
        obj.mark = mark  # type: ignore[attr-defined]
        return obj

    def __str__(self) -> str:
        return self.mark  # type: ignore[attr-defined,no-any-return]


@st.composite
def cases(draw):
    template = draw(any_template())
    grid = draw(grids(template))
    # Per zero cell: printed 0, left blank, or a blank marker.
    choice = {k: draw(st.sampled_from(("0", "", *MARKERS))) for k, v in sorted(grid.items()) if v == 0}
    return template, grid, choice


def _check(report, grid) -> None:
    for cell in report.cells:
        truth = grid[(cell.table, cell.row, cell.column)]
        assert cell.status not in ("ambiguous", "missing"), (cell.ref, truth, cell.candidates)
        assert cell.value == truth and type(cell.value) is type(truth), (cell.ref, truth, cell.value, cell.status)
    assert not [f for f in report.findings if f.code == "identity"], [f.message for f in report.findings]


def _marked(grid, choice):
    """The grid with marker zeros as :class:`Marked` (amounts stay numbers: Decimal zeros print 0)."""
    return {k: (Marked(0, choice[k]) if choice.get(k, "0") in MARKERS and not isinstance(v, Decimal) else v)
            for k, v in grid.items()}


_settings = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(cases(), st.sampled_from(("cells", "tabs")))
def test_text_writers_keep_every_cell(case, style) -> None:
    template, grid, choice = case
    blanks = {k for k, c in choice.items() if c == ""}
    text = render_text(template, _marked(grid, choice), style, blanks=blanks)
    report = parse(text.encode("utf-8"), name=f"{style}.txt")
    assert report.template == template.id
    _check(report, grid)


@_settings
@given(cases())
def test_html_writer_keeps_every_cell(case) -> None:
    template, grid, choice = case
    blanks = {k for k, c in choice.items() if c == ""}
    page = render_html(template, _marked(grid, choice), blanks=blanks)
    _check(parse(page, name="page.html"), grid)


@_settings
@given(cases(), st.integers(0, 3))
def test_docx_writer_keeps_every_cell(case, seed) -> None:
    template, grid, choice = case
    blanks = {k for k, c in choice.items() if c != "0"}
    data = render_docx(template, grid, blanks=blanks, blank_marks=("", "\u3000", *MARKERS), seed=seed)
    _check(parse(data, name="report.docx"), grid)
