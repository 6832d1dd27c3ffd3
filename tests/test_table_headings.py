"""A table found by its heading when a converter cut every header word apart, and not found
when the converter dropped the table under it (corpus/toolout/pdftotext-layout/02-seed001-repeated.txt,
corpus/toolout/pandoc-plain/html-07_2019_word_gbk_dropped_resolved.txt)."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from docwriters import render_text

T2021 = templates.get("2021")
# pdftotext -layout on merged header cells repeated in every column: two characters a line.
CUT = "行政 行政 行政\n复议 复议 诉讼\n结果 结果 其他 尚未 总计\n维持 纠正 结果 审结\n"


def _text() -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    grid[("appeals", "all", "reconsideration.upheld")] = 2
    grid[("appeals", "all", "reconsideration.total")] = 2
    return render_text(T2021, grid, "tabs")


def _header(text: str) -> str:
    """The header lines of table 四 as rendered: from its heading to its row of values."""
    start = text.index("\n", text.index("四、政府信息公开行政复议")) + 1
    return text[start:text.index("\n2\t0", start) + 1]


def test_a_table_whose_header_words_are_cut_apart_is_found_by_its_heading() -> None:
    text = _text()
    assert "结果维持" in _header(text)
    report = parse(text.replace(_header(text), CUT).encode())
    cells = {c.column: c for c in report.cells if c.table == "appeals"}
    assert (cells["reconsideration.upheld"].value, cells["reconsideration.upheld"].status) == (2, "ok")
    assert (cells["reconsideration.total"].value, cells["reconsideration.total"].status) == (2, "ok")
    assert not any(f.code == "table_missing" for f in report.findings)


def test_a_heading_over_no_values_is_no_table() -> None:
    values = "\t".join(["2", "0", "0", "0", "2"] + ["0"] * 10) + "\n"
    text = _text()
    text = text.replace(_header(text), "[TABLE]\n").replace(values, "")
    report = parse(text.encode())
    assert {c.status for c in report.cells if c.table == "appeals"} == {"missing"}
    assert any(f.code == "table_missing" for f in report.findings)


def _appeals_line(text: str) -> str:
    return text[text.index("\n2\t0", text.index("四、政府信息公开行政复议")) + 1:].split("\n", 1)[0]


def test_a_complete_second_printing_of_a_table_is_read_when_the_first_lost_a_value() -> None:
    # pymupdf4llm/08-split-table-page.md: table 四 as text lines with its first value lost,
    # then again as a pipe table after the page's text.
    text = _text()
    row = _appeals_line(text)
    damaged = text.replace(row + "\n", row.split("\t", 1)[1] + "\n")  # the leading 2 is gone
    again = "\n结果维持\t结果纠正\n" + row + "\n"
    report = parse((damaged + again).encode())
    cells = {c.column: (c.value, c.status) for c in report.cells if c.table == "appeals"}
    assert cells["reconsideration.upheld"] == (2, "ok") and cells["reconsideration.total"] == (2, "ok")
    assert [f.code for f in report.findings if f.code == "second_printing"] == ["second_printing"]
    # A second printing that contradicts the first is not taken.
    other = "\n结果维持\t结果纠正\n" + row.replace("2", "3") + "\n"
    report = parse((damaged + other).encode())
    assert not any(f.code == "second_printing" for f in report.findings)
    assert report.cell("appeals", "all", "reconsideration.upheld").value != 3
