"""Issue 11's pieces one at a time: cells kept by the text adapter, bounds, sniffing, titles."""
from __future__ import annotations

from gipextract.read import sniff
from gipextract.read.text import read
from gipextract.place.bounds import propagate, settle
from gipextract.metadata.info import extract_info
from gipextract.metadata.lines import Line
from gipextract.read.normalize import nfkc


def test_one_cell_per_line_keeps_empty_cells_and_rows() -> None:
    # Indentation alone is an empty cell; a fully empty line ends the row.
    doc = read("\t（一）予以公开\n\t7\n\t\n\t\n\t7\n\n\t规章\n\t0\n".encode(), "x")
    cells = [(f.text, f.prov.row, f.prov.col) for f in doc.fragments()]
    assert cells == [("（一）予以公开", 0, 0), ("7", 0, 1), ("", 0, 2), ("", 0, 3), ("7", 0, 4),
                     ("规章", 1, 0), ("0", 1, 1)]


def test_unindented_line_continues_a_wrapped_cell() -> None:
    doc = read("\t商业\n企业\n\t科研\n".encode(), "x")
    assert [(f.text, f.prov.col) for f in doc.fragments()] == [("商业", 0), ("企业", 0), ("科研", 1)]


def test_tab_row_keeps_every_field() -> None:
    doc = read("（一）予以公开\t\t11\t\t\n".encode(), "x")
    assert [(f.text, f.prov.col) for f in doc.fragments()] == [("（一）予以公开", 0), ("", 1), ("11", 2), ("", 3), ("", 4)]


def test_bounds_pin_blanks_of_a_printed_column_total_to_zero() -> None:
    # x + y == 5 (a printed column total), x printed 5: y is 0; then t == a + y with a = 3.
    values = {(0, 0): 5, (1, 0): 0, (2, 0): 5, (1, 1): 3, (1, 2): 0}
    eqs = [((2, 0, 1), (0, 0, -1), (1, 0, -1)), ((1, 2, 1), (1, 0, -1), (1, 1, -1))]
    assert propagate(values, {(1, 0), (1, 2)}, set(), eqs) == {(1, 0): (0, 0), (1, 2): (3, 3)}
    assert settle(values, {(1, 0), (1, 2)}, set(), eqs) == {(1, 2): 3}


def test_bounds_leave_two_open_blanks_alone() -> None:
    # t == x + y with t printed 4 and x, y blank: not fixed, so nothing is changed.
    values = {(0, 0): 4, (0, 1): 0, (0, 2): 0}
    eqs = [((0, 0, 1), (0, 1, -1), (0, 2, -1))]
    assert settle(values, {(0, 1), (0, 2)}, set(), eqs) is None


def test_bounds_never_fix_printed_numbers_that_disagree() -> None:
    values = {(0, 0): 4, (0, 1): 5}
    assert settle(values, set(), set(), [((0, 0, 1), (0, 1, -1))]) is None


def test_sniff_finds_an_html_body_fragment_far_in() -> None:
    fragment = ("<p>" + "本年度工作稳步推进。" * 40 + "</p>\n") * 12 + "<table><tr><td>规章</td><td>0</td></tr></table>"
    assert fragment.index("<table") > 2048
    assert sniff(fragment.encode()) == "html"
    assert sniff("规章 <3> 件\n本年度工作稳步推进。".encode()) == "text"


def test_wrapped_title_beats_a_prose_line() -> None:
    lines = ["根据要求，现将街道办事处2022年度政府信息公开工作年度报告公布如下。",
             "某某市某某街道办事处2022年度政府信息公开工作年度报", "告"]
    head = [Line(nfkc(x), None, k) for k, x in enumerate(lines)]
    info = extract_info(head, head[::-1], "\n".join(lines))
    assert info.unit == "某某市某某街道办事处" and info.year == 2022
    assert info.title == "某某市某某街道办事处2022年度政府信息公开工作年度报告"


def test_empty_cells_are_bounded_by_max_cells() -> None:
    from gipextract.limits import Budget, Limits

    data = ("规章" + "\t" * 50 + "7\n").encode() * 10 + "\t\n".encode() * 30
    doc = read(data, "x", Budget("x", Limits(max_cells=60)))
    frags = doc.fragments()
    assert sum(1 for f in frags if not f.text) <= 60
    assert [f.text for f in frags if f.text] == ["规章", "7"] * 10  # values are never dropped
