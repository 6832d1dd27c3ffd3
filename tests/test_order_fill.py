"""Value rows printed apart from their labels, put on the form's rows by order only when the
counts match, and left open when an identity over them fails (the shape of the peer sample
kewei-2024: a pipe row of values after a row that already holds its own, and the next
row's label as a loose line)."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from gipextract.writers import render_text

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
