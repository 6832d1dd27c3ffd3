"""The Markdown adapter on small hand-written inputs (expected blocks written by reading them)."""
from __future__ import annotations

from gipextract.read import sniff
from gipextract.read.markdown import clean, read
from conftest import CORPUS

MD = """# 某某区2023年政府信息公开工作年度报告

**二、主动公开政府信息情况**

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|:---:|---|---|
| **规章** | 1<br>  | 0 |  |
| 行政规范性文件 | 5 |  | 7 |

[TABLE]
"""


def _tables(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def test_pipe_rows_are_cells_with_positions() -> None:
    doc = read(MD.encode("utf-8"), "x.md")
    assert doc.format == "markdown"
    (table,) = _tables(doc)
    cells = [(f.prov.row, f.prov.col, f.text) for f in table.fragments]
    # Separator row dropped; marks removed; the empty cell between 5 and 7 is a blank;
    # the empty cell ending the 规章 row is padding (dropped).
    assert cells == [
        (0, 0, "信息内容"), (0, 1, "本年制发件数"), (0, 2, "本年废止件数"), (0, 3, "现行有效件数"),
        (1, 0, "规章"), (1, 1, "1"), (1, 2, "0"),
        (2, 0, "行政规范性文件"), (2, 1, "5"), (2, 2, ""), (2, 3, "7"),
    ]
    assert all(f.prov.line is not None for f in table.fragments)
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs == ["某某区2023年政府信息公开工作年度报告", "二、主动公开政府信息情况"]  # no [TABLE]


def test_colspan_padding_after_a_label_is_not_a_blank() -> None:
    md = "| 一、本年新收政府信息公开申请数量 | | | 3 | 0 | 3 |\n|---|---|---|---|---|---|\n"
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    assert [f.text for f in table.fragments] == ["一、本年新收政府信息公开申请数量", "3", "0", "3"]


def test_numbered_header_words_are_not_values() -> None:
    md = "| 类别 | 数据1 | 数据2 | 总计 |\n|---|---|---|---|\n| 予以公开 | 2 | 1 | 3 |\n"
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    header = [f.text for f in table.fragments if f.prov.row == 0]
    assert header == ["类别", "数据一", "数据二", "总计"]
    assert not any(ch.isdigit() for t in header for ch in t)
    md = "|Col1|Col2|3.危及“三安全一稳定”|Col4|0|\n|---|---|---|---|---|\n"
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    # pymupdf4llm's names for unnamed columns are no text at all: the cells are empty.
    assert [f.text for f in table.fragments] == ["3.危及“三安全一稳定”", "0"]


def test_raw_html_table_inside_markdown_is_read_as_a_table() -> None:
    md = ("## 表\n\n<table><tr><td colspan=\"2\">规章</td><td>4</td></tr>"
          "<tr><td>a</td><td></td><td>5</td></tr></table>\n\n| x | 1 | 2 |\n|---|---|---|\n")
    tables = _tables(read(md.encode("utf-8"), "x.md"))
    assert len(tables) == 2
    first = [(f.prov.table, f.prov.row, f.prov.col, f.text) for f in tables[0].fragments]
    assert first == [(0, 0, 0, "规章"), (0, 0, 2, "4"), (0, 1, 0, "a"), (0, 1, 1, ""), (0, 1, 2, "5")]
    assert {f.prov.table for f in tables[1].fragments} == {1}
    assert "colspan" not in " ".join(f.text for t in tables for f in t.fragments)


def test_clean_removes_marks() -> None:
    assert clean("**2023**年<br/>*报告*") == "2023年 报告"
    assert clean(r"\*注\*") == "*注*"


def test_sniffing() -> None:
    assert sniff(MD.encode("utf-8")) == "markdown"
    assert sniff("<p>某某</p><table><tr><td>1</td></tr></table>".encode("utf-8")) == "html"
    for seed in sorted((CORPUS / "seeds").glob("*.txt")):
        assert sniff(seed.read_bytes()) == "text", seed.name


def test_values_between_the_lines_of_a_wrapped_label_belong_to_it() -> None:
    # pdftotext -layout: the parenthetical of （二）部分公开 wraps round its row of values.
    from gipextract.place.tokens import tokenize

    text = "（二）部分公开（区分处理的，只\n3 0 0 0 0 0 3\n计这一情形，不计其他情形）"
    from gipextract.read.normalize import nfkc

    flat = nfkc(text)
    lines = flat.split("\n")
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    from gipextract.read.document import Provenance

    toks, _ = tokenize(flat, 0, starts, lines, [Provenance(line=k + 1) for k in range(3)])
    assert [t.text for _, t in toks] == ["3", "0", "0", "0", "0", "0", "3"]
    toks, _ = tokenize("(区分处理的,只\n计这一情形)", 0, [0, 8], ["(区分处理的,只", "计这一情形)"],
                       [Provenance(line=1), Provenance(line=2)])
    assert toks == []  # a wrapped note without values stays label text


def test_a_table_whose_cells_hold_two_numbers_has_no_printed_blanks() -> None:
    # markitdown on a PDF (corpus/toolout/markitdown/pdf-09-content-controls.md): it guesses the
    # columns from where the text stood, so one cell holds `0 0` and an empty column runs
    # through every row. The empty cell is its gap, not a blank the report printed; kept, it
    # filled 法律服务机构 and pushed 0 under 总计 (silently wrong: the report prints 14).
    md = ("| 一、本年新收 | 14 | 0 | 0 | 0 |  | 0 | 0 |\n|---|---|---|---|---|---|---|---|\n"
          "| 二、上年结转 | 0 | 0 | 0 | 0 |  | 0 | 0 0 |\n")
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    assert "" not in [f.text for f in table.fragments]
    # The same two rows with one value per cell: the empty cell is a printed blank.
    md = md.replace("0 0 |", "0 |")
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    assert [(f.prov.row, f.prov.col) for f in table.fragments if f.text == ""] == [(0, 5), (1, 5)]


def test_markitdown_pdf_row_with_its_total_printed_elsewhere_is_not_read_as_0() -> None:
    from gipextract import parse

    path = CORPUS / "toolout" / "markitdown" / "pdf-09-content-controls.md"
    cells = {(c.row, c.column): c for c in parse(path).cells if c.table == "requests"}
    total = cells[("new_received", "total")]
    # The report prints 14 (the tool moved it to a line of its own above the row).
    assert total.value == 14 or total.status not in ("ok", "empty")
    assert cells[("new_received", "natural_person")].value == 14


def test_a_list_marker_is_no_value() -> None:
    # mammoth-md/12-headings-numbered.md: Word's automatic heading number 三、 comes out as `1.`;
    # read as text it ran into the last row of table 二 (行政事业性收费 0 1).
    md = "| 行政事业性收费 | 0 |\n|---|---|\n\n1. __收到和处理政府信息公开申请情况__\n\n- 发布机构：某某局\n"
    doc = read(md.encode("utf-8"), "x.md")
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == ["收到和处理政府信息公开申请情况", "发布机构：某某局"]
    # An escaped ordinal is the document's own text (html2text writes 1\\. for a printed 1.).
    doc = read("# 标题\n\n1\\.属于国家秘密 0\n".encode("utf-8"), "x.md")
    assert [b.text for b in doc.blocks if b.kind == "paragraph"][-1] == "1.属于国家秘密 0"


def test_markitdown_merged_cell_spans_are_not_blanks() -> None:
    # markitdown/docx-18-form2019-traps.md: `|  |` is an empty cell, `| |` a column that a
    # merged cell spans. Read as blanks, the spans gave 规章 five values for three cells.
    md = ("|  |  |  |  |  |  |  |\n| --- | --- | --- | --- | --- | --- | --- |\n"
          "| 规章 | 0 | | 0 | | 0 | |\n| 行政许可 | 382 | |  | | 59 | |\n")
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    rows = {}
    for f in table.fragments:
        rows.setdefault(f.prov.row, []).append((f.prov.col, f.text))
    assert rows[1] == [(0, "规章"), (1, "0"), (3, "0"), (5, "0")]
    assert rows[2] == [(0, "行政许可"), (1, "382"), (3, ""), (5, "59")]  # the empty cell stays a blank
    # Without the two forms side by side, `| |` is an empty cell like any other (html2text).
    (table,) = _tables(read("| 规章 | 0 | | 7 |\n|---|---|---|---|\n".encode("utf-8"), "x.md"))
    assert [f.text for f in table.fragments] == ["规章", "0", "", "7"]


def test_html2text_rows_without_outer_pipes_are_cells() -> None:
    # html2text/09_nested_layout_one_table.md: a table nested in a layout table is written as
    # bare `a | b` lines; the separator row (`---|---`) stands only under the page's first table.
    md = ("索引号：| QSX-2022-000117| 主题分类：| 政务公开  \n---|---|---|---  \n\n"
          "一、本年新收政府信息公开申请数量 | 36 | 4 |   | 0 | 2 | 4 | 46  \n")
    tables = _tables(read(md.encode("utf-8"), "x.md"))
    row = [(f.prov.col, f.text) for f in tables[-1].fragments]
    assert row == [(0, "一、本年新收政府信息公开申请数量"), (1, "36"), (2, "4"), (3, ""), (4, "0"), (5, "2"),
                   (6, "4"), (7, "46")]
    # Without such a separator a pipe in a line is text.
    doc = read("# 标题\n\n首页 | 政务公开\n".encode("utf-8"), "x.md")
    assert not _tables(doc)


def test_pipe_tables_without_a_separator_row_are_markdown() -> None:
    # trafilatura writes none; pandoc's grid tables (`+---+` borders) are character columns.
    rows = "".join(f"| 行{k} | {k} |  | 0 |\n" for k in range(6))
    assert sniff(rows.encode("utf-8")) == "markdown"
    grid = "+------+------+\n" + "".join(f"| 行{k}  | {k}    |\n" for k in range(6)) + "+------+------+\n"
    assert sniff(grid.encode("utf-8")) != "markdown"


def test_pymupdf4llm_merged_cells_repeated_in_every_column_are_one_value() -> None:
    # pymupdf4llm/06-form2019-random.md: each merged cell's text fills every column it spans.
    md = ("|第二十条第（一）项|第二十条第<br>（一）项|第二十条第<br>（一）项|第二十条第<br>（一）项|第二十条第<br>（一）项|\n"
          "|---|---|---|---|---|\n"
          "|信息内容|本年新制作<br>数量|本年新制作<br>数量|本年新公开数量|本年新公开数量|\n"
          "|规范性文件|9|9|9|9|\n"
          "|行政许可|14|15|-4|-4|\n"
          "|信息内容|上一年项目数量|上一年项目数量|上一年项目数量|本年增/减|\n"
          "|行政事业性收费|158|158|158|0|\n")
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    rows: dict[int, list[str]] = {}
    for f in table.fragments:
        rows.setdefault(f.prov.row, []).append(f.text)
    assert rows[2] == ["规范性文件", "9", "9"]  # one 9 per column, not two
    assert rows[3] == ["行政许可", "14", "15", "-4"]  # 14 and 15 differ: both kept, the row reads as too long
    assert rows[5] == ["行政事业性收费", "158", "0"]
    # Columns with different names keep equal values.
    (table,) = _tables(read("|信息内容|制发|废止|\n|---|---|---|\n|规章|0|0|\n".encode("utf-8"), "x.md"))
    assert [f.text for f in table.fragments if f.prov.row == 1] == ["规章", "0", "0"]


def test_html2text_and_pandoc_pages_are_sniffed_as_markdown() -> None:
    # html2text/06_gb2312_declared_wrongly.md: bare pipe rows with wide empty cells looked like
    # character columns; pandoc-gfm/html-06…md opens with a page's raw <div>.
    rows = "".join(f"行{k} | {k} |   | 0  \n" for k in range(6))
    assert sniff(("标题 | 申请人情况  \n---|---  \n" + rows).encode("utf-8")) == "markdown"
    pandoc = '<div class="header">\n\n[首页](/)\n\n</div>\n\n| a | b |\n|---|---|\n' + \
        "".join(f"| 行{k} | {k} |\n" for k in range(6))
    assert sniff(pandoc.encode("utf-8")) == "markdown"
    page = "<!DOCTYPE html><html><body><p>x</p><pre>\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n</pre></body></html>"
    assert sniff(page.encode("utf-8")) == "html"


def _rows(md: str) -> dict[int, list[tuple[int, str]]]:
    (table,) = _tables(read(md.encode("utf-8"), "x.md"))
    rows: dict[int, list[tuple[int, str]]] = {}
    for f in table.fragments:
        rows.setdefault(f.prov.row, []).append((f.prov.col, f.text))
    return rows


def test_empty_cells_under_a_merged_header_are_its_span() -> None:
    # pandoc-gfm/docx-18-form2019-traps.md: each header spans two columns, written as a named
    # cell and an empty one; the value rows leave the second empty.
    md = ("| 第二十条第（一）项 |  |  |  |  |\n|---|---|---|---|---|\n"
          "| 信息内容 | 本年新制作数量 |  | 本年新公开数量 |  |\n"
          "| 规章 | 0 |  | 3 |  |\n| 规范性文件 | 11 |  |  |  |\n")
    rows = _rows(md)
    assert rows[2] == [(0, "规章"), (1, "0"), (3, "3")]
    assert rows[3] == [(0, "规范性文件"), (1, "11")]  # the row ends short: its blank is for the search
    # Under a named column, an empty cell with a value after it is a printed blank, even
    # right after the label (html2text/10_2019_gb18030_undeclared_blanks.md: `行政处罚 |   | 12 | 580`).
    md = "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量  \n---|---|---|---  \n行政处罚 |   | 12 | 580  \n"
    assert _rows(md)[1] == [(0, "行政处罚"), (1, ""), (2, "12"), (3, "580")]
    # A row that lost cells is padded at its end: that padding stays out.
    md = "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n|---|---|---|---|\n| 行政处罚 | 12 | 580 |  |\n"
    assert _rows(md)[1] == [(0, "行政处罚"), (1, "12"), (2, "580")]


def test_markitdown_pdf_columns_guessed_from_word_positions_have_no_blanks() -> None:
    # markitdown/pdf-01-seed000-plain.md: the values stand under columns no header names, so
    # the empty cells between them are gaps between column guesses, not printed blanks.
    md = ("|     | 信息内容    |     | 本年制发件数 |     |     | 本年废止件数 |     |     | 现行有效件数 |     |     |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
          "|     | 规章      |     |        | 0   |     | 4      |     |     |        | 7   |     |\n")
    assert _rows(md)[1] == [(1, "规章"), (4, "0"), (6, "4"), (10, "7")]


def test_one_name_over_several_columns_is_a_merged_header_but_a_repeated_title_is_not() -> None:
    # pymupdf4llm/layout-09-pdf-ruled-blanks.md: `本年处理决定数量` spans three columns and
    # its value 12 is written into each.
    md = ("|二、主动公开政府信息情况|Col2|Col3|Col4|\n|---|---|---|---|\n"
          "|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|\n"
          "|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|\n|行政许可|12|12|12|\n")
    assert _rows(md)[3] == [(0, "行政许可"), (1, "12")]
    # A title repeated across the table (first cell included) names no column: 12 12 12 stay.
    md = ("|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|\n|---|---|---|\n"
          "|行政许可|12|12|\n")
    assert _rows(md)[1] == [(0, "行政许可"), (1, "12"), (2, "12")]
    # A row's labels with empty cells are no header (html2text/layout-07: `（三）不予公开 | 1.属于国家秘密 |   |`).
    md = ("（三）不予公开 | 1.属于国家秘密 |   |   |    \n---|---|---|---|---\n"
          "（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 |   | 1  \n")
    assert _rows(md)[1] == [(0, "（四）无法提供"), (1, "1.本机关不掌握相关政府信息"), (2, "1"), (3, ""), (4, "1")]


def test_a_page_number_between_dashes_is_no_list_item() -> None:
    # markitdown of a PDF writes the page number `- 2 -` on a line of its own: read as a list
    # item it became `2 -`, a value on the row above (#24); whole, it is the page's footer.
    doc = read("| 3.补正后申请内容仍不明确 | - | — |\n|---|---|---|\n- 2 -\n\n- 1 项\n".encode(), "x.md")
    texts = [f.text for f in doc.fragments() if f.prov.table is None]
    assert texts == ["- 2 -", "1 项"]


def test_a_row_of_blank_markers_is_no_header() -> None:
    # markitdown of a PDF: `3.其他`'s row prints only 无, - and /, then （七）总计 prints `2 | 2`.
    # Taken for a header, the marker row made the two equal 2s under its two equal 无s one
    # merged cell, and 自然人's 2 was lost (held-out sparse outputs, #24).
    md = ("| | 3.其他 | 无 | 无 | - | / | | 无 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
          "| | （七）总计 | 2 | 2 | — | 无 | | 4 |\n")
    doc = read(md.encode(), "x.md")
    row = [f.text for f in doc.fragments() if f.prov.row == 1 and f.text]
    assert row == ["（七）总计", "2", "2", "—", "无", "4"]
