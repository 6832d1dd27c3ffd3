"""Held-out sparse outputs kept as regression cases (#24, corpus/sparse/regress/README.md):
none may have a cell claimed wrongly."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import CORPUS

from gipextract import parse

REGRESS = CORPUS / "sparse" / "regress"
MANIFEST = json.loads((REGRESS / "manifest.json").read_text(encoding="utf-8"))


def _same(want: object, got: object) -> bool:
    return got is want if want is None or got is None else Decimal(str(want)) == Decimal(str(got))


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_no_cell_is_claimed_wrongly(name: str) -> None:
    expected = json.loads((REGRESS / MANIFEST[name]["expected"]).read_text(encoding="utf-8"))
    report = parse(REGRESS / name)
    wrong = [(t, r, c, want, cell.value, cell.status)
             for t, rows in expected["tables"].items() for r, cols in rows.items() for c, want in cols.items()
             if (cell := report.cell(t, r, c)).status in ("ok", "empty", "inferred") and not _same(want, cell.value)]
    assert wrong == []


def test_values_between_a_wrapped_labels_lines_are_read() -> None:
    # Not only left open: （二）部分公开's `- — / 1 1` between its label's lines give its 总计
    # 1; which of the dropped cells holds the other 1 the text cannot say.
    report = parse(REGRESS / "pymupdf4llm-pdf-07-offset300.md")
    total = report.cell("requests", "partially_granted", "total")
    assert (total.value, total.status) == (1, "ok")
    other = report.cell("requests", "partially_granted", "other_org")
    assert other.status == "ambiguous" and 1 in other.candidates
