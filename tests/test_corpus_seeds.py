"""The five seed reports give exactly the hand-read expected cells, statuses and metadata."""
from __future__ import annotations

from pathlib import Path

import pytest

from gipextract import parse
from conftest import CORPUS, assert_matches_expected, load_expected

SEEDS = sorted((CORPUS / "seeds").glob("*.expected.json"))


@pytest.mark.parametrize("expected_path", SEEDS, ids=lambda p: p.name.split("_")[0])
def test_seed_exact(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    doc = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
    out = parse(doc).to_dict()
    assert_matches_expected(out, expected)
    assert not [f for f in out["findings"] if f["code"] == "identity"]


def test_seed_002_findings_name_the_open_cells() -> None:
    report = parse(CORPUS / "seeds" / "002_d3904e969f46d18d.txt")
    named = {c for f in report.findings if f.code == "ambiguous" for c in f.cells}
    open_cells = {c.ref for c in report.cells if c.status == "ambiguous"}
    assert open_cells and named == open_cells


def test_seed_003_is_2019_with_amount_in_wan() -> None:
    report = parse(CORPUS / "seeds" / "003_9456aa479e8413ba.txt")
    assert report.template == "2019"
    cell = report.cell("proactive", "procurement", "amount")
    assert str(cell.value) == "258.181269" and cell.source is not None and cell.source.line is not None
