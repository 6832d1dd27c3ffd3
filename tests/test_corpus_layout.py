"""corpus/layout/: blank cells that only the layout (or the bounds) decide are read exactly.

The expected files are derived from the grids the generator wrote (see
``corpus/tools/make_layout_corpus.py``), never from gipextract's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from gipextract import parse
from conftest import CORPUS, assert_matches_expected, load_expected

LAYOUT = sorted((CORPUS / "layout").glob("*.expected.json"))


def _source(expected_path: Path) -> Path:
    stem = expected_path.name[: -len(".expected.json")]
    return next(p for p in expected_path.parent.glob(stem + ".*") if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("expected_path", LAYOUT, ids=lambda p: p.name.split(".")[0])
def test_layout_document_exact(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    out = parse(_source(expected_path)).to_dict()
    assert_matches_expected(out, expected)
    assert not [c for c in out["cells"] if c["status"] in ("ambiguous", "missing")]
    assert not [f for f in out["findings"] if f["code"] == "identity"]


def test_layout_corpus_is_there() -> None:
    assert len(LAYOUT) >= 7


def test_html_fragment_is_sniffed_as_html() -> None:
    out = parse(CORPUS / "layout" / "07-html-body-fragment.html")
    assert out.source.format == "html"


def test_bounds_document_infers_only_the_blank_totals() -> None:
    report = parse(CORPUS / "layout" / "05-text-tabs-bounds.txt")
    inferred = {c.ref: c.value for c in report.cells if c.status == "inferred"}
    assert inferred == {"requests.granted.total": 7, "requests.partially_granted.total": 2,
                        "requests.unavailable.not_held.total": 2, "requests.other.other.total": 3,
                        "requests.new_received.total": 15}


def test_printed_blank_markers_are_a_report_and_an_empty_form_is_not() -> None:
    from gipextract.errors import NoReportFoundError

    text = (CORPUS / "layout" / "03-text-tabs-markers.txt").read_text(encoding="utf-8")
    # Every value cell emptied: the form prints nothing, so there is no report.
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        lines.append("\t".join("" if c.strip() and (c.strip().isdigit() or c.strip() in "—-－/无"
                                                    or c.strip() == "1.5") else c for c in cells))
    with pytest.raises(NoReportFoundError, match="空白表格"):
        parse("\n".join(lines).encode("utf-8"), name="empty.txt")
