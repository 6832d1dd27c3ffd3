"""Character-column text: pieces boxed by display column (hand-written lines)."""
from __future__ import annotations

from gipextract.read import sniff
from gipextract.read.columns import laid_out, pieces, read, width


def test_display_width_counts_wide_characters_twice() -> None:
    assert width("规章") == 4
    assert width("ab１") == 4  # a full-width digit is wide
    assert width("12") == 2


def test_pieces_by_display_column() -> None:
    line = "  规章    13      0   193"
    # 规章 starts at column 2 and is 4 wide; numbers keep their own columns.
    assert pieces(line) == [(2, 6, "规章"), (10, 12, "13"), (18, 19, "0"), (22, 25, "193")]


def test_words_of_one_cell_stay_together_numbers_part() -> None:
    # （一）予以公开 is 7 wide characters (14 columns), a space, 本年 (4): 19 columns.
    assert pieces("（一）予以公开 本年  1 2 3") == [(0, 19, "（一）予以公开 本年"), (21, 22, "1"), (23, 24, "2"),
                                                 (25, 26, "3")]


def test_read_and_sniff() -> None:
    body = "\n".join(f"行政许可{k}        {k}          {k + 1}" for k in range(10)) + "\n"
    data = body.encode("utf-8")
    assert sniff(data) == "columns"
    doc = read(data, "x.txt")
    first = doc.blocks[0].fragments
    assert [(f.text, f.prov.line, f.prov.bbox[0]) for f in first] == [("行政许可0", 1, 0.0), ("0", 1, 17.0),
                                                                     ("1", 1, 28.0)]
    assert sniff("规章\t1\t2\n".encode("utf-8")) == "text"  # tab-separated text is not column text


# Two renderings of the same table. pandoc pads by display width: the values stand at the
# same display column whatever the label. inscriptis (and pdftotext) pad by characters: the
# values stand at the same character count, so a label of 4 Han characters pushes them two
# display columns further right than one of 2 would (corpus/toolout/inscriptis/*).
_LABELS = ["规章", "规范性文件", "行政许可", "其他对外管理服务事项"]
_ROWS = [(0, 1, 2), (34, 7, 181), (49, 11, 72695), (3, 0, 5)]


def _padded(measure: object, pad: int = 24) -> list[str]:
    out = []
    for label, vals in zip(_LABELS, _ROWS):
        cells = [label + " " * (pad - measure(label))] + [f"{v:<8}" for v in vals]  # type: ignore[operator]
        out.append("    " + "".join(cells).rstrip())
    return out


def test_measure_follows_how_the_tool_padded() -> None:
    for measure in (width, len):
        lines = _padded(measure)
        assert laid_out(lines) == [pieces(line, measure) for line in lines]


def test_character_padded_values_share_columns_once_measured_by_characters() -> None:
    text = "\n".join(_padded(len) * 3) + "\n"
    doc = read(text.encode("utf-8"), "inscriptis.txt")
    starts = {f.prov.bbox[0] for b in doc.blocks for f in b.fragments[1:]}
    assert starts == {4.0 + 24, 4.0 + 32, 4.0 + 40}  # three value columns, not one per label length


def test_a_rule_inside_nested_table_borders_is_layout() -> None:
    # pandoc -t plain draws a table nested in a layout table inside `| |` borders; its dashes
    # are the rule under the header, not 15 printed blanks.
    text = ("| |   结果维持      结果纠正      总计   | |\n"
            "| |   0             3             3      | |\n"
            "| |   ------------- ------------- ------ | |\n")
    doc = read(text.encode("utf-8"), "pandoc.txt")
    assert [f.text for b in doc.blocks for f in b.fragments if "-" in f.text] == []
    assert [f.text for b in doc.blocks for f in b.fragments if f.prov.line == 2] == ["| |", "0", "3", "3", "| |"]


def test_pandoc_plain_values_under_left_aligned_header_words_are_placed_by_column() -> None:
    # corpus/toolout/pandoc-plain/html-09_nested_layout_one_table.txt: table 四 prints 8 of its
    # 15 cells, each starting where its header word starts (the others blank in the source).
    import json

    from conftest import CORPUS, flat_cells, same_value
    from gipextract import parse

    path = CORPUS / "toolout" / "pandoc-plain" / "html-09_nested_layout_one_table.txt"
    truth = flat_cells(json.loads((CORPUS / "html" / "09_nested_layout_one_table.expected.json")
                                  .read_text(encoding="utf-8"))["tables"])
    report = parse(path)
    appeals = [c for c in report.cells if c.table == "appeals"]
    assert len(appeals) == 15
    for c in appeals:
        assert c.status in ("ok", "empty"), c.ref
        assert same_value(truth[c.ref], c.value), c.ref
    assert report.cell("appeals", "all", "litigation_direct.total").value == 4
