"""The reconstructor's traps, one at a time, on small hand-written documents."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse
from gipextract import templates
from docwriters import render_text

T2021 = templates.get("2021")
T2019 = templates.get("2019")


def zero_grid(template):
    return {k: (Decimal(0) if template.table(k[0]).column(k[2]).kind == "amount" else 0) for k in template.cell_keys()}


def _with_row(text: str, label: str, replacement: str) -> str:
    """Replace the value cells printed after ``label`` in a tab-separated rendering."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.split("\t")[0] == label:
            lines[i] = label + "\t" + replacement
    return "\n".join(lines) + "\n"


def test_units_inside_amount_cells_convert_exactly_with_a_finding() -> None:
    text = render_text(T2019, zero_grid(T2019), "tabs")
    text = _with_row(text, "政府集中采购", "3\t251000元")
    report = parse(text.encode())
    cell = report.cell("proactive", "procurement", "amount")
    assert cell.value == Decimal("25.1") and cell.status == "ok"
    assert any(f.code == "unit" and "proactive.procurement.amount" in f.cells for f in report.findings)


def test_wan_yuan_in_cell_and_full_width_digits_and_thousands() -> None:
    text = render_text(T2019, zero_grid(T2019), "tabs")
    text = _with_row(text, "政府集中采购", "７０\t258.181269万元")
    text = _with_row(text, "行政许可", "1,234\t+3\t２２")
    report = parse(text.encode())
    assert report.cell("proactive", "procurement", "items").value == 70
    assert str(report.cell("proactive", "procurement", "amount").value) == "258.181269"
    assert report.cell("proactive", "licensing", "previous_items").value == 1234
    assert report.cell("proactive", "licensing", "change").value == 3
    assert report.cell("proactive", "licensing", "decisions").value == 22


def test_negative_change_and_written_decrease() -> None:
    text = render_text(T2019, zero_grid(T2019), "tabs")
    text = _with_row(text, "行政处罚", "12\t-3\t9")
    text = _with_row(text, "行政强制", "12\t减少2\t9")
    report = parse(text.encode())
    assert report.cell("proactive", "penalty", "change").value == -3
    assert report.cell("proactive", "coercion", "change").value == -2


def test_annotation_is_kept_as_a_note_not_a_value() -> None:
    text = render_text(T2021, zero_grid(T2021), "tabs")
    text = _with_row(text, "规章", "22（其中修订16件）\t0\t55（含自然失效29件）")
    report = parse(text.encode())
    issued = report.cell("proactive", "regulations", "issued")
    assert issued.value == 22 and issued.note == "其中修订16件"
    assert report.cell("proactive", "regulations", "in_force").value == 55
    assert report.cell("proactive", "regulations", "repealed").value == 0


def test_dashes_are_empty_cells() -> None:
    text = render_text(T2021, zero_grid(T2021), "tabs")
    text = _with_row(text, "规章", "—\t/\t0")
    report = parse(text.encode())
    assert [report.cell("proactive", "regulations", c).status for c in ("issued", "repealed", "in_force")] == \
        ["empty", "empty", "ok"]


def test_blank_total_is_inferred_from_its_parts() -> None:
    grid = zero_grid(T2021)
    for row in ("new_received", "granted", "total"):
        grid[("requests", row, "natural_person")] = 4
        grid[("requests", row, "total")] = 4
    text = render_text(T2021, grid, "cells", blanks={("requests", "granted", "total")})
    # A zero blank would break the row identity; the blank total is inferred as 4.
    text = text.replace("\t（一）予以公开\n\t4\n\t0\n\t0\n\t0\n\t0\n\t0\n\t4\n", "\t（一）予以公开\n\t4\n\t0\n\t0\n\t0\n\t0\n\t0\n\t\n")
    report = parse(text.encode())
    cell = report.cell("requests", "granted", "total")
    assert (cell.value, cell.status) == (4, "inferred")
    assert any(f.code == "inferred" and "requests.granted.total" in f.cells for f in report.findings)


def test_printed_numbers_that_break_an_identity_are_kept_and_reported() -> None:
    grid = zero_grid(T2021)
    grid[("requests", "new_received", "natural_person")] = 5
    grid[("requests", "new_received", "total")] = 5
    text = render_text(T2021, grid, "tabs")
    report = parse(text.encode())
    assert report.cell("requests", "new_received", "natural_person").value == 5
    failing = [f for f in report.findings if f.code == "identity"]
    assert any("requests.new_received.natural_person" in f.cells and "requests.total.natural_person" in f.cells
               for f in failing)
    assert not report.ok


def test_truncated_label_is_matched_approximately() -> None:
    grid = zero_grid(T2021)
    text = render_text(T2021, grid, "tabs").replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    report = parse(text.encode())
    assert all(c.status == "ok" for c in report.cells if c.row == "denied.prohibited_by_law")
    assert any(f.code == "label_fuzzy" for f in report.findings)


def test_extra_local_row_is_kept_not_forced_into_the_grid() -> None:
    grid = zero_grid(T2019)
    text = render_text(T2019, grid, "tabs")
    text = text.replace("规范性文件\t0\t0\t0\n", "规范性文件\t0\t0\t0\n其他主动公开文件\t5\t6\t7\n")
    report = parse(text.encode())
    assert [(e.label, e.values) for e in report.extra_rows] == [("其他主动公开文件", ("5", "6", "7"))]
    assert report.cell("proactive", "licensing", "previous_items").value == 0


def test_fused_run_resolved_by_identities() -> None:
    grid = zero_grid(T2021)
    for col, v in (("natural_person", 64), ("social_welfare", 2), ("other_org", 4), ("total", 70)):
        for row in ("new_received", "granted", "total"):
            grid[("requests", row, col)] = v
    report = parse(render_text(T2021, grid, "fused").encode())
    assert [report.cell("requests", "new_received", c).value for c in
            ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")] \
        == [64, 0, 0, 2, 0, 4, 70]
    assert all(c.status == "ok" for c in report.cells if c.table == "requests")
