"""Round trips through the portal page writer: encodings (declared right, wrong or not at
all), chrome, layout tables, Word markup with split runs, blanks, dropped cells, one big
table, header orders, malformed spans. Never a wrong unflagged value."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gipextract import parse
from docwriters.html import AUTO, render_html
from placement_oracle import TooMany
from roundtrip import check_round_trip, printed_rows, undecidable
from strategies import any_template, grids


@st.composite
def html_cases(draw):
    template = draw(any_template())
    grid = draw(grids(template))
    zeros = sorted(k for k, v in grid.items() if v == 0)
    blanks = draw(st.sets(st.sampled_from(zeros), max_size=8)) if zeros else set()
    dropped = draw(st.sets(st.sampled_from(zeros), max_size=8)) - blanks if zeros else set()
    encoding = draw(st.sampled_from(["utf-8", "gbk"]))
    options = dict(
        unit=draw(st.sampled_from(["某某县某某局", "堃镕镇人民政府", "临江市财政局"])),
        encoding=encoding,
        declared=draw(st.sampled_from([AUTO, None, "gb2312", "utf-8", "gbk"])),
        chrome=draw(st.booleans()),
        layout_table=draw(st.booleans()),
        word_markup=draw(st.booleans()),
        one_table=draw(st.booleans()),
        appeal_header=draw(st.integers(0, 1)),
        malformed_spans=draw(st.booleans()),
    )
    return template, grid, blanks, dropped, options


def _run(case) -> None:
    template, grid, blanks, dropped, options = case
    data = render_html(template, grid, blanks=blanks, dropped=dropped, **options)
    report = parse(data, name="page.html")
    assert report.source.format == "html" and report.template == template.id
    try:  # a blank (&nbsp;) cell keeps its <td>, a dropped one does not
        ambiguous = undecidable(template.id, printed_rows(template, grid, dropped))
    except TooMany:
        assume(False)
        raise
    check_round_trip(report, grid, blanks | dropped, ambiguous)
    for cell in report.cells:
        if cell.status == "ok":
            assert {"table", "row", "col"} <= set(cell.source.to_dict())


_checks = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(html_cases())
def test_round_trip_html_quick(case) -> None:
    _run(case)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(html_cases())
def test_round_trip_html(case) -> None:
    _run(case)
