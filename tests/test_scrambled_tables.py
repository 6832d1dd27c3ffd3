"""A table flattened column by column (plain `pdftotext` without -layout: all the row labels,
then each column's values as a block) is left undetermined, never read as rows of zeros."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from docwriters import render_text

T2021 = templates.get("2021")


def _column_by_column() -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    grid.update({("proactive", "regulations", "issued"): 13, ("proactive", "regulations", "in_force"): 135,
                 ("proactive", "normative_documents", "issued"): 12, ("proactive", "licensing", "decisions"): 16010,
                 ("proactive", "penalty", "decisions"): 53, ("proactive", "fees", "amount"): Decimal("25258.19")})
    text = render_text(T2021, grid, "tabs")
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理")
    labels, columns = [], {}
    for line in text[start:end].splitlines():
        cells = line.split("\t")
        labels.append(cells[0])
        for j, v in enumerate(cells[1:]):
            columns.setdefault(j, []).append(v)
    blocks = "\n".join("\n".join(vs) for _, vs in sorted(columns.items()))
    return text[:start] + "\n".join(labels) + "\n\n" + blocks + "\n\n" + text[end:]


def test_a_table_printed_column_by_column_is_left_open() -> None:
    report = parse(_column_by_column().encode())
    proactive = [c for c in report.cells if c.table == "proactive"]
    assert {c.status for c in proactive} == {"missing"}
    (f,) = [f for f in report.findings if f.code == "table_scrambled"]
    assert f.message.startswith("表二（主动公开）：多数行名所在行没有数值")
    # The tables printed row by row are read as before.
    assert {c.status for c in report.cells if c.table == "requests"} <= {"ok", "empty"}


def test_rows_of_a_report_that_drops_its_blank_cells_stay_blank_rows() -> None:
    # A report printing one row of table 二 and leaving the others blank (dropped): bare
    # labels, but no row holds more values than it has cells.
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    grid[("proactive", "licensing", "decisions")] = 7
    text = render_text(T2021, grid, "tabs")
    for label in ("规章", "行政规范性文件", "行政处罚", "行政强制"):
        text = text.replace(f"\n{label}\t0\t0\t0\n", f"\n{label}\n").replace(f"\n{label}\t0\n", f"\n{label}\n")
    report = parse(text.encode())
    assert not any(f.code == "table_scrambled" for f in report.findings)
    assert report.cell("proactive", "licensing", "decisions").value == 7
    assert report.cell("proactive", "penalty", "decisions").status == "empty"


def test_table_four_with_values_after_header_words_further_on_is_left_open() -> None:
    # corpus/toolout/pdftotext-plain/09-content-controls.txt: the row of table 四 comes in
    # pieces, between header words (`… 纠正 结果 审结 2 5 0 … 7`).
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    text = render_text(T2021, grid, "tabs")
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    pieces = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n"
              "0\n0\n0\n0\n0\n结果维持\n0\n未经复议直接起诉\n结果 其他 尚未\n纠正 结果 审结\n2\n5\n0\n行政诉讼\n总计\n7\n\n")
    report = parse((text[:start] + pieces + text[end:]).encode())
    assert {c.status for c in report.cells if c.table == "appeals"} == {"missing"}
    assert any(f.code == "table_scrambled" and f.message.startswith("表四") for f in report.findings)


def _without_denied_rows(group_line: str) -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    text = render_text(T2021, grid, "tabs")
    lines = text.splitlines()
    out, skip = [], False
    for line in lines:
        if line.startswith("（三）不予公开"):
            out.append(group_line)
            skip = True
            continue
        if skip and line.split("\t")[0][:2] in {f"{k}." for k in range(2, 9)}:
            continue
        skip = False
        out.append(line)
    return "\n".join(out) + "\n"


def test_a_group_printed_only_as_its_total_and_a_bare_group_label() -> None:
    # Its total printed on its label's line: the rows of a group whose total is 0 are 0.
    report = parse(_without_denied_rows("（三）不予公开\t0\t0\t0\t0\t0\t0\t0").encode())
    assert {(c.value, c.status) for c in report.cells if c.row.startswith("denied.")} == {(0, "inferred")}
    # The label alone prints no total (szfgs2024 through plain pdftotext): nothing is known.
    report = parse(_without_denied_rows("（三）不予公开").encode())
    assert {c.status for c in report.cells if c.row.startswith("denied.")} == {"missing"}


def test_a_whole_label_of_another_row_is_no_piece_of_wording() -> None:
    from gipextract.place.extras import is_form_fragment

    spec = T2021.table("requests")
    assert is_form_fragment(spec, "法提供")
    assert not is_form_fragment(spec, "1.本机关不掌握相关政府信息")  # that row's own values follow it
