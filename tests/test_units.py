"""Units beside an amount or in its column header are applied exactly (hand-made Markdown)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from gipextract import parse
from conftest import CORPUS

BASE = (CORPUS / "toolout" / "markitdown" / "html-01_seed000_chrome_utf8_blanks.md").read_text(encoding="utf-8")


def _fees(cell: str, header: str = "万元"):
    text = BASE.replace("| 行政事业性收费 | 0 |", f"| 行政事业性收费 | {cell} |")
    text = text.replace("本年收费金额（单位：万元）", f"本年收费金额（单位：{header}）")
    assert text != BASE
    report = parse(text.encode("utf-8"), name="fees.md")
    return report.cell("proactive", "fees", "amount"), [f for f in report.findings if f.code == "unit"]


@pytest.mark.parametrize("cell", ["12345678.90元", "12345678.90 元", "12345678.90\u3000元", "12345678.90 | 元"])
def test_yuan_beside_the_amount_is_never_read_as_wan(cell: str) -> None:
    got, unit = _fees(cell)
    assert got.value == Decimal("1234.56789") and got.status == "ok"
    assert unit and "proactive.fees.amount" in unit[0].cells


def test_yuan_in_the_column_header() -> None:
    got, unit = _fees("12345678.90", header="元")
    assert got.value == Decimal("1234.56789")
    assert unit


def test_own_unit_wins_over_the_header_and_wan_is_as_printed() -> None:
    assert _fees("1234.5 万元", header="元")[0].value == Decimal("1234.5")
    got, unit = _fees("16197.02")
    assert got.value == Decimal("16197.02") and not unit
