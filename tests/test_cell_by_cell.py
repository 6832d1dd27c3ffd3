"""Tables a text tool wrote cell by cell (#24): where the text's order no longer says whose a
value is, the rows are left open, never placed by order alone."""
from __future__ import annotations

import json

import pytest
from conftest import CORPUS

from gipextract import parse

SEED1 = CORPUS / "seeds" / "001_91b930a4292c284b.txt"
SPARSE = CORPUS / "sparse"
BLOCK = "\t行政处罚\n\t0\n\n\t行政强制\n\t0\n\n\t第二十条第（八）项\n"


def _seed() -> str:
    """The seed as plain pdftotext would write it: one cell a line, no tabs to make columns of."""
    text = SEED1.read_text(encoding="utf-8")
    assert text.count(BLOCK) == 1
    return text.replace("\t", "")


def test_a_value_after_the_next_heading_opens_its_row_and_the_bare_one_before() -> None:
    # Plain pdftotext writes 行政处罚's value after the next block's heading (`行政处罚 /
    # 行政强制 / 第二十条第（八）项 / 8`): order alone would give 8 to 行政强制, and no
    # identity says otherwise.
    moved = "\t行政处罚\n\n\t行政强制\n\n\t第二十条第（八）项\n\t8\n"
    report = parse(_seed().replace(BLOCK.replace("\t", ""), moved.replace("\t", "")).encode())
    for row in ("penalty", "coercion"):
        cell = report.cell("proactive", row, "decisions")
        assert cell.status == "missing" and cell.value is None, cell
    codes = [(f.code, f.args.get("row")) for f in report.findings]
    assert ("values_after_wording", "coercion") in codes and ("values_after_wording", "penalty") in codes


def test_a_value_on_its_own_rows_line_is_read() -> None:
    # The same block as the seed prints it: every value after its own label.
    report = parse(_seed().encode())
    cell = report.cell("proactive", "licensing", "decisions")
    assert (cell.value, cell.status) == (0, "ok")
    assert not any(f.code in ("values_after_wording", "table_order_lost") for f in report.findings)


def _truth(name: str) -> dict[str, object]:
    manifest = json.loads((SPARSE / "toolout" / "manifest.json").read_text(encoding="utf-8"))
    expected = json.loads((CORPUS / manifest[name]["expected"]).read_text(encoding="utf-8"))
    return {f"{r}.{c}": v for r, cols in expected["tables"]["requests"].items() for c, v in cols.items()}


@pytest.mark.parametrize("name", ["pdftotext-plain/chromium-pdf-p06-six-values.txt",
                                  "pdftotext-plain/chromium-pdf-p07-blank-total-row.txt",
                                  "pdftotext-plain/pdf-17-small-font-narrow.txt",
                                  # labels on one line each, but one row takes 28 tokens for 7 cells
                                  "pdftotext-plain/pdf-11-six-values-hrules-bottom.txt"])
def test_a_table_written_cell_by_cell_is_left_open(name: str) -> None:
    # Labels come apart over lines, values stand alone, most rows print nothing: before, the
    # reading put 3 values on 新收 that were 予以公开's and 总计's (17, 10 and 13 silent cells).
    report = parse(SPARSE / "toolout" / name)
    assert any(f.code == "table_order_lost" and "表三" in f.message for f in report.findings)
    truth = _truth(name)
    cells = {k: report.cell("requests", *k.rsplit(".", 1)) for k in truth}
    wrong = [k for k, want in truth.items() if cells[k].status in ("ok", "empty", "inferred") and cells[k].value != want]
    assert wrong == []


def test_a_docx_text_with_wrapped_labels_keeps_its_rows() -> None:
    # mammoth's Markdown of a DOCX: labels with line breaks in their cells, rows short of an
    # empty cell, but every row's values after its own label: read as before.
    report = parse(CORPUS / "toolout" / "mammoth-md" / "06-form2019-random.md")
    assert not any(f.code in ("table_order_lost", "values_after_wording") for f in report.findings)
    assert report.cell("requests", "new_received", "natural_person").status == "ok"


def test_two_lines_of_values_under_a_wrapped_label_open_the_bare_label_before() -> None:
    # pymupdf4llm: （六）1.'s label wrapped over four lines and bare, then 2.'s label, then
    # `1 1` and `2 2` on lines of their own. Order gave all four to 2. and read 1. blank.
    path = SPARSE / "toolout" / "pymupdf4llm" / "pdf-10-six-values-borderless-split.md"
    report = parse(path)
    for col in ("commercial", "total"):
        cell = report.cell("requests", "other.no_correction", col)
        assert cell.status == "missing", cell
    assert any(f.code == "values_displaced" and f.args.get("row") == "other.no_correction" for f in report.findings)


def test_values_one_a_line_after_their_label_keep_their_row() -> None:
    # A crawler's text: every cell a line of its own, a bare label before a full row. The
    # values are the full row's (one a line, so no line of values can be another row's).
    text = _seed()
    head = "（一）予以公开\n"
    start = text.index(head) + len(head)
    end = text.index("（二）部分公开")
    report = parse((text[:start] + text[end:]).encode())
    granted = report.cell("requests", "granted", "total")
    assert granted.status in ("empty", "ok") and granted.value == 0, granted
    assert report.cell("requests", "partially_granted", "total").status == "ok"


def test_a_bare_label_printed_again_with_values_is_left_open() -> None:
    # pymupdf4llm writes table 三's labels as text, then some rows again as a pipe table past
    # table 四's heading: `|（五）…|2.重复申请|1||||||1|`. The first, bare printing read
    # 2.重复申请 as blank (silently wrong: 自然人 1, 总计 1).
    report = parse(SPARSE / "toolout" / "pymupdf4llm" / "libreoffice-pdf-p07-blank-total-row.md")
    for col in ("natural_person", "total"):
        cell = report.cell("requests", "not_processed.duplicate", col)
        assert cell.status == "missing", cell


def test_a_row_pieced_from_two_pipe_rows_is_left_open() -> None:
    # markitdown splits （七）总计 of a PDF in two pipe rows (`| （七）总计 | … | 无 | / | / | 0 |
    # 1 | 1 |`, then `| | | | | 1 | — | 0 | - | — | | 1 |`); read as one, the row said 科研机构
    # 1, 社会公益组织 1, 法律服务机构 1 (ok) and broke its own identity.
    report = parse(SPARSE / "toolout" / "markitdown" / "libreoffice-pdf-p03-few-mixed-layout.md")
    for col in ("research", "social_welfare", "legal_service"):
        cell = report.cell("requests", "total", col)
        assert cell.status not in ("ok", "empty", "inferred"), cell
    # The second piece was 四、结转下年度继续办理's (自然人 1, 总计 1), whose own row prints `无`.
    cell = report.cell("requests", "carried_forward", "natural_person")
    assert cell.status not in ("ok", "empty", "inferred"), cell


def test_values_on_a_table_row_apart_from_the_label_beside_a_bare_label() -> None:
    # markitdown: `8.属于行政查询事项` as text, then `| | | 1 | | | 1 |`, then `| （四） |
    # 1.本机关不掌握相关政 |` bare. The 1s are 不掌握's; order gave them to 行政查询事项.
    report = parse(SPARSE / "toolout" / "markitdown" / "libreoffice-pdf-p02-few-blank.md")
    for row in ("denied.administrative_query", "unavailable.not_held"):
        cell = report.cell("requests", row, "total")
        assert cell.status == "missing", cell


def test_a_blank_total_over_open_rows_is_no_confirmed_zero() -> None:
    # pymupdf4llm: （七）总计 prints nothing, and rows it sums are open (their values were
    # printed again past table 四's heading). Read as 0 it was silently wrong (自然人 3, 总计 3).
    report = parse(SPARSE / "toolout" / "pymupdf4llm" / "libreoffice-pdf-p07-blank-total-row.md")
    for col in ("natural_person", "total"):
        cell = report.cell("requests", "total", col)
        assert cell.status == "missing" and cell.value is None, cell
    assert any(f.code == "total_unconfirmed" and "（七）总计" in f.message for f in report.findings)
    # A bare row that sums nothing keeps its blanks.
    assert report.cell("requests", "other.other", "total").status == "empty"


def test_a_value_after_a_heading_may_be_the_next_short_rows() -> None:
    # Plain pdftotext: `行政事业性收费 / 第二十条第（九）项 / 信息内容 / 1 / 政府集中采购 / 3.08`:
    # the 1 is 采购项目数量, not the fee; 政府集中采购 printing only 3.08 read 0 items (silently).
    report = parse(SPARSE / "toolout" / "pdftotext-plain" / "libreoffice-pdf-p04-2019-signed.txt")
    for row, col in (("fees", "previous_items"), ("procurement", "items")):
        cell = report.cell("proactive", row, col)
        assert cell.status == "missing", cell


def test_in_a_document_written_cell_by_cell_a_short_row_and_the_next_are_open() -> None:
    # Plain pdftotext of a 2019 report whose table 三 was written cell by cell: table 二 reads
    # `行政处罚 / 20 / 行政强制 / — 83 —`; 83 is 行政处罚's 处理决定数量, and 行政强制 read
    # `— 83 —` as a change of 83 (held-out sparse outputs, seed offset 300).
    from gipextract.place.cell_by_cell import short_and_next
    from gipextract.place.state import RowRead, TableRead
    from gipextract.place.tokens import Token
    from gipextract.place.values import Number
    from gipextract.read.document import Provenance
    from gipextract.templates import get

    spec = get("2019").table("proactive")
    by_key = {r.key: r for r in spec.rows}

    def tok(text: str, line: int) -> Token:
        return Token(None if text in "—-/" else Number(text), text, Provenance(line=line), False)

    rows = [RowRead(by_key["penalty"], True, (tok("20", 10),)),
            RowRead(by_key["coercion"], True, (tok("—", 12), tok("83", 12), tok("—", 12))),
            RowRead(by_key["fees"], True, (tok("1", 14), tok("0", 14)))]
    table = TableRead(spec, True, rows=rows)
    assert short_and_next(table) == {0, 1}
    # With positions (a PDF's boxes, a table's cells) nothing is opened.
    boxed = [RowRead(r.row, True, tuple(t._replace(prov=Provenance(page=1, bbox=(0, 0, 1, 1))) for t in r.tokens))
             for r in rows]
    assert short_and_next(TableRead(spec, True, rows=boxed)) == set()
