"""Mutated bytes of corpus documents: the only outcomes are a Report or a GipExtractError."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipextract import GipExtractError, Limits, parse
from gipextract.report import Report
from conftest import CORPUS

SOURCES = [p for suffix in (".txt", ".html", ".docx", ".pdf")
           for p in sorted(q for q in CORPUS.rglob(f"*{suffix}") if not {"tools", "dense"} & set(q.parts))[:8]]
DATA = {p.name: p.read_bytes() for p in SOURCES}


@st.composite
def mutations(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(DATA)))
    data = bytearray(DATA[name])
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[i] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[i:i + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "truncate":
            del data[i:]
        else:
            j = draw(st.integers(0, len(data) - 1))
            data[i:i] = data[j:j + draw(st.integers(1, 256))]
    return name, bytes(data)


def outcome(name: str, data: bytes) -> object:
    """What parse gives: a Report or a GipExtractError; anything else propagates and fails."""
    try:
        return parse(data, name=name, limits=Limits(max_seconds=10))
    except GipExtractError as e:
        return e


STATUSES = {"ok", "empty", "inferred", "ambiguous", "missing"}


def check_outcome(name: str, data: bytes) -> None:
    """A typed error names the input and a reason; a report is a well-formed record: a
    status for every cell, a value exactly where the status says there is one, at least
    two candidates for an ambiguous cell, and a dict that serialises."""
    result = outcome(name, data)
    if isinstance(result, GipExtractError):
        assert result.source == name and result.reason, result
        return
    assert isinstance(result, Report), type(result)
    for cell in result.cells:
        assert cell.status in STATUSES, cell
        assert (cell.value is None) == (cell.status in ("ambiguous", "missing")), cell
        if cell.status == "ambiguous":
            assert len(set(cell.candidates)) >= 2, cell
    result.to_dict()


_checks = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(mutations())
def test_mutated_documents_quick(case: tuple[str, bytes]) -> None:
    check_outcome(*case)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=_checks)
@given(mutations())
def test_mutated_documents_end_in_a_report_or_a_typed_error(case: tuple[str, bytes]) -> None:
    check_outcome(*case)


def test_corpus_sources_cover_every_format() -> None:
    assert {Path(n).suffix for n in DATA} >= {".txt", ".docx", ".pdf", ".html"}
