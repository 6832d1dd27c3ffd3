"""Round trips through the DOCX writer: random merges, split runs, split tables, content
controls, tracked changes, nested layout, numbered or boxed headings, blank cells."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipextract import parse
from docwriters.docx import render_docx
from roundtrip import check_round_trip
from strategies import any_template, grids


@st.composite
def docx_cases(draw):
    template = draw(any_template())
    grid = draw(grids(template))
    zeros = sorted(k for k, v in grid.items() if v == 0)
    blanks = draw(st.sets(st.sampled_from(zeros), max_size=8)) if zeros else set()
    options = dict(
        merges=draw(st.sampled_from(["merged", "repeated", "random"])),
        split_runs=draw(st.booleans()),
        bookmarks=draw(st.booleans()),
        content_control=draw(st.sampled_from([(), ("table",), ("cells",), ("rows",), ("table", "cells")])),
        tracked=draw(st.booleans()),
        split_table=draw(st.sampled_from([None, "paragraph", "page"])),
        split_before=draw(st.sampled_from(["denied.enforcement_files", "unavailable.not_held", "granted", "total"])),
        nested=draw(st.booleans()),
        headings=draw(st.sampled_from(["plain", "numbered", "textbox"])),
        seed=draw(st.integers(0, 10**6)),
    )
    return template, grid, blanks, options


def _run(case) -> None:
    template, grid, blanks, options = case
    data = render_docx(template, grid, blanks=blanks, **options)
    report = parse(data, name="case.docx")
    assert report.source.format == "docx" and report.template == template.id
    # every cell keeps its place in a Word table (blank ones too): nothing is undecidable
    check_round_trip(report, grid, blanks, {})


_checks = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(docx_cases())
def test_round_trip_docx_quick(case) -> None:
    _run(case)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(docx_cases())
def test_round_trip_docx(case) -> None:
    _run(case)
