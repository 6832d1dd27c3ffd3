"""A group label cut by line breaks, as pdftotext -layout prints it (see
corpus/toolout/pdftotext-layout/06-form2019-random.txt, lines 101-109): the row's values come
out before its label, beside the pieces ``法提供`` and ``（四）无`` of the group label ``（四）无法提供``."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from gipextract.read.document import Provenance
from gipextract.place.tokens import tokenize
from docwriters import render_text

T2021 = templates.get("2021")
NOT_HELD = "（四）无法提供\t1.本机关不掌握相关政府信息\t"
NEEDS_CREATION = "2.没有现成信息需要另行制作\t"


def _text(natural: int = 13) -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    for row in ("new_received", "unavailable.needs_creation", "total"):
        grid[("requests", row, "natural_person")] = natural
        grid[("requests", row, "total")] = natural
    return render_text(T2021, grid, "tabs")


def _tokens(text: str) -> list[str]:
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:k]) for k in range(len(lines))]
    toks, _ = tokenize(text, 0, starts, lines, [Provenance(line=k + 1) for k in range(len(lines))])
    return [t.text for _, t in toks]


def test_wu_starting_the_forms_words_is_not_a_printed_blank() -> None:
    assert _tokens("(四)无\n   3.补正后申请内容仍不明确   0") == ["0"]  # nor is the ordinal 3.
    assert _tokens("(四)无   13   0") == ["13", "0"]
    assert _tokens("4.无\n正当理由大量反复申请") == []
    assert _tokens("(四)无\n法提供") == []
    # A printed blank stays one, also at the end of a line before the next row's label.
    assert _tokens("规章  无  无  无\n行政规范性文件") == ["无", "无", "无"]


def test_values_printed_before_a_bare_label_after_a_piece_of_the_group_label_are_its_values() -> None:
    text = _text()
    row = "\t".join(["13", "0", "0", "0", "0", "0", "13"])
    assert f"{NEEDS_CREATION}{row}\n" in text
    text = text.replace(f"{NEEDS_CREATION}{row}\n", f"法提供\n（四）无\t{row}\n{NEEDS_CREATION.strip()}\n法提供\n（四）无\n")
    report = parse(text.encode())
    cells = {c.column: c for c in report.cells if c.row == "unavailable.needs_creation"}
    assert (cells["natural_person"].value, cells["natural_person"].status) == (13, "ok")
    assert (cells["total"].value, cells["total"].status) == (13, "ok")
    assert [e.label for e in report.extra_rows] == []
    assert not [f for f in report.findings if f.code == "identity"]
    # The row above keeps its own values.
    assert report.cell("requests", "unavailable.not_held", "total").value == 0


def test_values_after_a_label_of_a_local_row_stay_with_it() -> None:
    text = _text()
    row = "\t".join(["13", "0", "0", "0", "0", "0", "13"])
    text = text.replace(f"{NEEDS_CREATION}{row}\n", f"依法转办\t{row}\n{NEEDS_CREATION.strip()}\n")
    report = parse(text.encode())
    assert [(e.label, e.values) for e in report.extra_rows] == [("依法转办", tuple(row.split("\t")))]
    # The bare row is still fixed, by the table's identities: its group adds up to (七)总计 13,
    # every other row of it prints 0, and counts are never negative.
    total = report.cell("requests", "unavailable.needs_creation", "total")
    assert (total.value, total.status) == (13, "inferred")


def test_a_bare_row_is_not_inferred_0_when_an_identity_over_it_fails() -> None:
    text = _text()
    row = "\t".join(["13", "0", "0", "0", "0", "0", "13"])
    text = text.replace(f"{NEEDS_CREATION}{row}\n", f"依法转办\t{row}\n{NEEDS_CREATION.strip()}\n")
    text = text.replace("（七）总计\t13\t", "（七）总计\t12\t")  # now no reading of the bare row fits
    report = parse(text.encode())
    cells = [c for c in report.cells if c.row == "unavailable.needs_creation"]
    assert {c.status for c in cells} == {"missing"} and {c.value for c in cells} == {None}
    (undone,) = [f for f in report.findings if f.code == "inferred_contradicted"]
    assert "requests.unavailable.needs_creation.total" in undone.cells
    assert "（七）总计 = 各项办理结果之和" in undone.message
    # That identity cannot be checked now (the row is open); the one the bare row is not in still fails.
    failing = [f for f in report.findings if f.code == "identity"]
    assert failing and not any("requests.unavailable.needs_creation.total" in f.cells for f in failing)
    # Rows that print their values keep them.
    assert report.cell("requests", "unavailable.not_held", "total").status == "ok"


def test_a_single_absent_cell_stays_inferred_when_an_identity_elsewhere_fails() -> None:
    # One cell absent from a row that sums to its total is fixed by that row alone.
    text = _text()
    row = "\t".join(["13", "0", "0", "0", "0", "0", "13"])
    text = text.replace(f"{NEEDS_CREATION}{row}\n", NEEDS_CREATION + "\t".join(["13", "0", "0", "0", "0", "0", ""]) + "\n")
    text = text.replace("（七）总计\t13\t", "（七）总计\t12\t")  # a clerk's slip elsewhere
    report = parse(text.encode())
    total = report.cell("requests", "unavailable.needs_creation", "total")
    assert (total.value, total.status) == (13, "inferred")
    assert any(f.code == "identity" for f in report.findings)


def test_a_bare_label_beside_a_row_with_too_many_values_is_left_open() -> None:
    # The converter put both rows' values after the first label (a value line read into the
    # row above): neither the bare row nor the 14 values can be placed by order alone.
    text = _text()
    zeros = "\t".join(["0"] * 7)
    row = "\t".join(["13", "0", "0", "0", "0", "0", "13"])
    text = text.replace(f"{NOT_HELD}{zeros}\n{NEEDS_CREATION}{row}\n",
                        f"{NOT_HELD}{zeros}\t{row}\n{NEEDS_CREATION.strip()}\n")
    report = parse(text.encode())
    cells = [c for c in report.cells if c.row == "unavailable.needs_creation"]
    assert {c.status for c in cells} == {"missing"}
    (f,) = [f for f in report.findings if f.code == "values_displaced"]
    assert f.message.startswith("表三（申请办理） （四）无法提供 / 2.没有现成信息需要另行制作：转换工具把数值移离了行名")
    assert "requests.unavailable.needs_creation.total" in f.cells


def test_a_year_in_the_sentence_after_a_table_is_no_value() -> None:
    # peer sample shanghai-office: table 四's row of values runs into `（一）2024 年工作中…`.
    assert _tokens("40 0 10 5 55\n(一)2024 年工作中存在问题的改进情况") == ["40", "0", "10", "5", "55"]
    assert _tokens("2024年,市科委") == []
    # A count of 2024 is a value; so is a year-like count before a label on the next line.
    assert _tokens("行政许可 2024") == ["2024"]
    assert _tokens("0 0 2021\n年度办理结果") == ["0", "0", "2021"]


def test_pieces_of_the_forms_wording() -> None:
    from gipextract.place.extras import is_form_fragment

    spec = T2021.table("requests")
    assert is_form_fragment(spec, "法提供") and is_form_fragment(spec, "下年度继")
    assert not is_form_fragment(spec, "其他")  # too short to tell from a local row's name
    assert not is_form_fragment(spec, "依法转办")
