"""Value rows printed apart from their labels, put on the form's rows by order only when the
counts match, and left open when an identity over them fails (the shape of the peer sample
kewei-2024: a pipe row of values after a row that already holds its own, and the next
row's label as a loose line)."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from docwriters import render_text

T2021 = templates.get("2021")
ZEROS = " | ".join(["0"] * 7)
GRANTED = f"| 三、本年度办理结果 | （一）予以公开 | {ZEROS} |\n"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
PARTIAL_VALUES = "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"


def _markdown(total: int = 2) -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    for row in ("new_received", "partially_granted"):
        grid[("requests", row, "natural_person")] = grid[("requests", row, "total")] = 2
    grid[("requests", "total", "natural_person")] = grid[("requests", "total", "total")] = total
    text = render_text(T2021, grid, "tabs")
    md = "\n".join("| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line for line in text.splitlines())
    assert GRANTED in md and f"| {PARTIAL} | 2 |" in md
    return md


def _detached(md: str, *value_rows: str) -> str:
    """The 部分公开 row's values printed as their own pipe row after 予以公开, its label loose."""
    partial = next(line for line in md.splitlines() if line.startswith(f"| {PARTIAL} |")) + "\n"
    return md.replace(GRANTED + partial, GRANTED + "".join(value_rows) + "\n" + PARTIAL + "\n")


def test_a_value_row_between_two_read_rows_goes_on_the_one_row_between_them() -> None:
    report = parse(_detached(_markdown(), PARTIAL_VALUES).encode())
    partial = [(c.value, c.status) for c in report.cells if c.row == "partially_granted"]
    assert partial == [(2, "inferred")] + [(0, "inferred")] * 5 + [(2, "inferred")]
    assert {c.status for c in report.cells if c.row == "granted"} == {"ok"}
    assert [f.cells[0] for f in report.findings if f.code == "order_filled"] == ["requests.partially_granted.natural_person"]
    assert not [f for f in report.findings if f.code == "identity"]


def test_no_fill_when_the_counts_do_not_match() -> None:
    report = parse(_detached(_markdown(), PARTIAL_VALUES, PARTIAL_VALUES).encode())
    partial = [c for c in report.cells if c.row == "partially_granted"]
    assert all(c.status not in ("ok", "empty", "inferred") for c in partial)
    assert not any(f.code == "order_filled" for f in report.findings)


def test_a_filled_row_is_left_open_when_an_identity_over_it_fails() -> None:
    report = parse(_detached(_markdown(total=3), PARTIAL_VALUES).encode())
    partial = [c for c in report.cells if c.row == "partially_granted"]
    assert {c.status for c in partial} == {"missing"}
    assert any(f.code == "inferred_contradicted" and "requests.partially_granted.total" in f.cells
               for f in report.findings)


def test_rows_each_printed_on_their_label_line_are_never_refilled() -> None:
    report = parse(_markdown().encode())
    assert {c.status for c in report.cells} <= {"ok", "empty"}
    assert not any(f.code == "order_filled" for f in report.findings)


GAP = ["partially_granted", "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability",
       "denied.third_party_rights", "denied.internal_affairs", "denied.process_information",
       "denied.enforcement_files", "denied.administrative_query", "unavailable.not_held",
       "unavailable.needs_creation"]


def _values_before_labels(drop: str | None = None, page_number: bool = False) -> tuple[str, dict[str, int]]:
    """markitdown on a PDF (the peer sample hzq2023, run through markitdown): between 予以公开
    and 3.补正后申请内容仍不明确, each row's values come out as a pipe row of their own before its
    label, which stands as a loose line. Row k of the gap prints k + 1 in 自然人 and 总计."""
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    want = {row: k + 1 for k, row in enumerate(GAP)}
    for row, v in want.items():
        grid[("requests", row, "natural_person")] = grid[("requests", row, "total")] = v
    n = sum(want.values())
    for row in ("new_received", "total"):
        grid[("requests", row, "natural_person")] = grid[("requests", row, "total")] = n
    text = render_text(T2021, grid, "tabs")
    lines = []
    for line in text.splitlines():
        cells = line.split("\t")
        row = next((r for r in T2021.table("requests").rows
                    if r.key in GAP and r.label and cells[-8:-7] == [r.label]), None)
        if row is not None and len(cells) >= 8:
            if row.key != drop:
                lines.append("| | " + " | ".join(cells[-7:]) + " |")
            if page_number and row.key == "denied.internal_affairs":
                lines.append("| | - 3 - |")
            lines.append(row.label)
        elif "\t" in line:
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n", want


def test_values_printed_before_their_labels_are_put_on_their_rows_by_order() -> None:
    md, want = _values_before_labels(page_number=True)
    report = parse(md.encode())
    for row, v in want.items():
        cells = {c.column: (c.value, c.status) for c in report.cells if c.row == row}
        assert cells["natural_person"] == (v, "inferred") and cells["total"] == (v, "inferred"), row
    assert not [f for f in report.findings if f.code == "identity"]


def test_value_rows_and_loose_labels_that_do_not_pair_up_leave_the_rows_open() -> None:
    # One row's values are gone: read after its label, every later row would be one row off.
    md, want = _values_before_labels(drop="denied.internal_affairs")
    report = parse(md.encode())
    for row in GAP:
        statuses = {c.status for c in report.cells if c.row == row}
        assert statuses == {"missing"}, (row, statuses)
    unpaired = [f for f in report.findings if f.code == "rows_unpaired"]
    assert len(unpaired) == len(GAP)
    assert unpaired[0].message.endswith("该行附近的数值行与行名无法一一对应，单元格无法确定")
