"""Round trips: random valid grids, written in every text flattening, parse back to the
same grid or to flagged cells; never to a wrong unflagged value."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipextract import parse
from gipextract.writers import TEXT_STYLES, render_text
from strategies import SPLITTABLE_LABELS, any_template, grids

EXAMPLES = 300


def check_round_trip(report, grid, blanks) -> None:
    for cell in report.cells:
        ref = (cell.table, cell.row, cell.column)
        truth = grid[ref]
        if cell.status == "ambiguous":
            assert truth in cell.candidates, (ref, truth, cell.candidates)
        elif cell.status != "missing":
            assert cell.value == truth and type(cell.value) is type(truth), (ref, truth, cell.value, cell.status)
        if ref in blanks:
            assert cell.status != "ok", ref
    assert not [f for f in report.findings if f.code == "identity"], [f.message for f in report.findings]


@st.composite
def cases(draw, style: str):
    template = draw(any_template())
    grid = draw(grids(template))
    blanks: set = set()
    if style != "fused":
        zeros = sorted(k for k, v in grid.items() if v == 0)
        if zeros:
            blanks = draw(st.sets(st.sampled_from(zeros), max_size=10))
    split = draw(st.sets(st.sampled_from(SPLITTABLE_LABELS), max_size=4))
    spaces = draw(st.lists(st.integers(0, 10**6), max_size=4)) if style == "fused" else []
    header = draw(st.integers(0, 1))
    return template, grid, blanks, split, spaces, header


def _run(style: str, case) -> None:
    template, grid, blanks, split, spaces, header = case
    text = render_text(template, grid, style, blanks=blanks, split_labels=split, spaces=spaces, appeal_header=header)
    report = parse(text.encode("utf-8"), name=f"{style}.txt")
    assert report.template == template.id
    check_round_trip(report, grid, blanks)


_settings = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(cases("cells"))
def test_round_trip_cells(case) -> None:
    _run("cells", case)


@_settings
@given(cases("bookmark"))
def test_round_trip_bookmark(case) -> None:
    _run("bookmark", case)


@_settings
@given(cases("dropped"))
def test_round_trip_dropped(case) -> None:
    _run("dropped", case)


@_settings
@given(cases("tabs"))
def test_round_trip_tabs(case) -> None:
    _run("tabs", case)


@_settings
@given(cases("fused"))
def test_round_trip_fused(case) -> None:
    _run("fused", case)


def test_every_style_is_tested() -> None:
    tested = {name.removeprefix("test_round_trip_") for name in globals() if name.startswith("test_round_trip_")}
    assert tested == set(TEXT_STYLES)
