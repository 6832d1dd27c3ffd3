"""What a flattening leaves where no row takes it (#24): stamps a browser or portal prints are
never values, and numbers no row takes make a bare label no proof of a blank row."""
from __future__ import annotations

from conftest import CORPUS

from gipextract import parse

SEED1 = CORPUS / "seeds" / "001_91b930a4292c284b.txt"
REGS = "\t规章\n\t0\n\t0\n\t0\n\n\t行政规范性文件\n\t0\n\t0\n\t0\n"


def _seed() -> str:
    text = SEED1.read_text(encoding="utf-8")
    assert REGS in text
    return text


def test_browser_stamps_inside_a_table_are_not_values() -> None:
    # A page printed by a browser: its URL (with n/m beside it) and date-time between two rows.
    stamps = "file:///work/pages/p03-few-mixed-layout.html    1/4\n12/6/26, 4:07 AM    某某县2022年报告\n"
    text = _seed().replace("\t行政规范性文件\n", stamps + "\t行政规范性文件\n", 1)
    report = parse(text.encode())
    for row in ("regulations", "normative_documents"):
        for col in ("issued", "repealed", "in_force"):
            cell = report.cell("proactive", row, col)
            assert (cell.value, cell.status) == (0, "ok"), (row, col)
    assert report.extra_rows == () or all("2022" not in "".join(e.values) for e in report.extra_rows)


def test_values_before_the_labels_leave_the_bare_labels_open() -> None:
    # markitdown prints a block's values before its labels: `2 2 20` then 规章 and 规范性文件,
    # each with nothing after it. Whose the values are, order cannot say; neither row is blank.
    moved = "\t2\n\t2\n\t20\n\t规章\n\t行政规范性文件\n"
    text = _seed().replace(REGS, moved, 1)
    report = parse(text.encode())
    for row in ("regulations", "normative_documents"):
        cells = [report.cell("proactive", row, c) for c in ("issued", "repealed", "in_force")]
        assert all(c.status == "missing" and c.value is None for c in cells), (row, cells)
    assert any(f.code == "values_displaced" for f in report.findings)


def test_a_table_printed_blank_is_blank_but_not_when_its_values_stand_past_it() -> None:
    text = _seed().replace(REGS, "\t规章\n\t行政规范性文件\n", 1)
    report = parse(text.encode())
    cell = report.cell("proactive", "regulations", "issued")
    # Table 二 prints other rows' values, so these two bare rows are not taken for blank rows
    # only because nothing stands elsewhere: here nothing does, and they are empty.
    assert (cell.value, cell.status) == (0, "empty")


def test_a_short_row_beside_numbers_under_a_header_piece_is_left_open() -> None:
    # markitdown splits 行政许可's row in two: `| | 15 | | 28 |` under a piece of the header
    # (上一年项目数 / 量), then `| 行政许可 | | －13 | |`. Before, the row read -13 alone and
    # its 15 and 28 as 0 (silently wrong).
    report = parse(CORPUS / "sparse" / "toolout" / "markitdown" / "libreoffice-pdf-p05-2019-fullwidth.md")
    for col in ("previous_items", "decisions"):
        cell = report.cell("proactive", "licensing", col)
        assert cell.status not in ("ok", "empty", "inferred"), cell
