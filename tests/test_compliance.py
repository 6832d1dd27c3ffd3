"""Compliance findings (条例第四十九条, 第五十条, 国办公开办函〔2021〕30号) on corpus documents and on
the variants of corpus/compliance/ (made by corpus/tools/make_compliance_variants.py; the
expected findings in its MANIFEST.json were written by hand from each change)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.checks import Context
from gipextract.checks.compliance import compliance_findings, deadline_findings
from gipextract.checks.unitnames import unit_level
from gipextract.messages import FINDINGS
from gipextract.output.overview import check_groups
from gipextract.report import Report, ReportInfo, SourceInfo

from conftest import parsed, shared_path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MANIFEST = json.loads((CORPUS / "compliance" / "MANIFEST.json").read_text(encoding="utf-8"))
RULES = {code: entry.rule for code, entry in FINDINGS.items() if entry.check is not None}
CHECKS = check_groups()


def compliance(report: Report) -> list[str]:
    return sorted(f"{f.severity} {f.code}" for f in report.findings if f.code in RULES)


@pytest.mark.parametrize("case", MANIFEST["variants"], ids=lambda c: c["file"])
def test_variant_findings(case: dict) -> None:
    report = parse(CORPUS / "compliance" / case["file"])
    assert compliance(report) == sorted(case["expect"]), case["why"]


def test_every_accusation_is_exercised_by_a_variant() -> None:
    seen = {e.split()[1] for c in MANIFEST["variants"] for e in c["expect"]}
    accusing = {code for code in RULES if FINDINGS[code].accuses}
    assert accusing <= seen


def _corpus_documents() -> list[Path]:
    files = sorted(CORPUS.glob("seeds/*.txt")) + sorted(CORPUS.glob("html/*.html"))
    files += sorted(CORPUS.glob("docx/*.docx")) + sorted(CORPUS.glob("pdf/*.pdf"))
    return [f for f in files if not f.name.startswith(("17_no_table", "18_tables_as_images"))]


@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_documents_have_no_false_compliance_problems(path: Path) -> None:
    report = parsed(path)  # read once a session (conftest)
    key = f"{path.parent.name}/{path.name}"
    expected = sorted(MANIFEST["originals"]["expect"].get(key, []))
    serious = [e for e in compliance(report) if not e.startswith("info ")]
    assert serious == expected
    infos = [e for e in compliance(report) if e.startswith("info ")]
    # "cannot check" only when there is really no date; the PDF with its heading in a text
    # box reads part 四 last (an info, since a text layer's order is not the page's).
    allowed = {"info deadline_unchecked"} if report.info.published is None else set()
    if key == "pdf/13-heading-textbox.pdf":
        allowed.add("info section_order")
    assert set(infos) <= allowed


def test_late_messages_name_the_date_the_deadline_and_the_rule() -> None:
    report = parse(CORPUS / "compliance" / "02_late_department.html")
    (late,) = [f for f in report.findings if f.code == "late_publication"]
    assert "2024年2月26日" in late.message and "2024年1月31日" in late.message
    assert late.message.endswith("〔依据：条例第四十九条〕")
    assert not report.ok  # a compliance error makes the report not ok


def test_level_override_and_local_deadline() -> None:
    from dataclasses import replace

    report = parse(CORPUS / "compliance" / "01_late_subdistrict.html")  # 通惠街道, published 2023-04-20
    report = replace(report, info=replace(report.info, published="2023-02-10"))
    assert deadline_findings(report, Context()) == []  # 街道: 3月31日 outer limit
    (f,) = deadline_findings(report, Context(level="department"))
    assert (f.severity, f.code) == ("error", "late_publication") and "2023年1月31日" in f.message
    assert f.args["evidence"]["from"] == "field" and f.args["evidence"]["text"] == "发布日期:2023-04-20"
    (g,) = deadline_findings(report, Context(deadline="01-28"))
    assert "本地规定的期限2023年1月28日" in g.message
    with pytest.raises(ValueError):
        deadline_findings(report, Context(level="county"))


def test_without_evidence_every_check_says_unchecked() -> None:
    bare = Report(SourceInfo(None, "text", "0" * 64), "2021", ReportInfo(), cells=())
    found = compliance_findings(bare, Context())
    assert {f.code: f.severity for f in found} == {"deadline_unchecked": "info", "form_unchecked": "info",
                                                   "sections_unchecked": "info", "period_unchecked": "info"}


@pytest.mark.parametrize("name, level", [
    ("重庆市綦江区人民政府", "government"), ("上海市", "government"), ("平潭综合实验区", "government"),
    ("青山县人民政府办公室", "department"), ("上海市人民政府办公厅", "department"),
    ("南溪县市场监督管理局", "department"), ("北塘区教育委员会", "department"),
    ("重庆市大渡口区茄子溪街道办事处", "subdistrict"), ("通惠街道", "subdistrict"),
    ("临江市白石镇人民政府", "township"), ("长河镇人民政府", "township"), ("某某", None), (None, None),
])
def test_unit_level_from_the_name(name: str | None, level: str | None) -> None:
    assert unit_level(name) == level


def test_neighbour_names_but_not_nouns_or_own_name() -> None:
    report = parse(CORPUS / "compliance" / "14_neighbour_name.txt")
    (f,) = [f for f in report.findings if f.code == "other_unit_name"]
    assert "古南街道" in f.message and "（本单位为通惠街道）" in f.message
    # 《…》 quotes a document; the noun 街道 after a verb is no name; the own unit with a prefix is own.
    text = ("2022年,通惠街道坚持公开.根据《古南街道政务公开工作方案》要求,定期组织开展街道网络安全检查.\n"
            "请与重庆市綦江区通惠街道办事处联系.")
    assert not [f for f in compliance_findings(report, Context(text=text)) if f.code == "other_unit_name"]
    text2 = "2022年,通惠街道坚持公开.\n三角塘街道办事处党工委高度重视."
    (g,) = [f for f in compliance_findings(report, Context(text=text2)) if f.code == "other_unit_name"]
    assert "三角塘街道" in g.message


def test_section_order_in_a_pdf_is_only_info() -> None:
    path = CORPUS / "pdf" / "13-heading-textbox.pdf"
    report = parse(path)
    (f,) = [f for f in report.findings if f.code == "section_order"]
    assert f.severity == "info" and "一、二、三、五、六、四" in f.message


def test_checks_group_every_code() -> None:
    codes = [c for group in CHECKS.values() for c in group]
    assert sorted(codes) == sorted(RULES) and len(codes) == len(set(codes))


def test_peer_outline_renumbered() -> None:
    """上海市科委 2024 (kewei) renumbers its outline: 主动公开 as 一, 申请 as 二, 复议诉讼 as 三,
    其他事项 as 五, and has no part 存在的主要问题 heading (only （一）主要问题 under 三)."""
    path = shared_path("peer-samples", "KIROGOVCOMPARE", "kewei-2024-source.md")
    report = parse(path)
    got = [f for f in report.findings if f.code.startswith("section_")]
    parts = {(f.code, f.args["part"]) for f in got}
    # Part 五's text is there (（一）主要问题 （二）改进情况) between the parts numbered 三 and 五, without its
    # heading: no part is missing, and the converter may have dropped the heading.
    assert parts == {("section_misnumbered", "二"), ("section_misnumbered", "三"), ("section_misnumbered", "四"),
                     ("section_misnumbered", "六"), ("section_unheaded", "五")}
    assert len(got) == 5 and all(f.args["evidence"]["text"] for f in got)


def test_finding_dicts_stay_in_the_output_shape() -> None:
    report = parse(CORPUS / "compliance" / "06_part_removed.txt")
    d = [f for f in report.to_dict()["findings"] if f["code"] == "section_missing"]
    assert d == [{"severity": "error", "code": "section_missing",
                  "message": "未找到第五部分“五、存在的主要问题及改进情况”：“四、政府信息公开行政复议、行政诉讼情况”与"
                             "“六、其他需要报告的事项”之间没有这一部分（见“四、政府信息公开行政复议、行政诉讼情况”［第348行］）"
                             "〔依据：条例第五十条〕", "cells": [],
                  "args": {"part": "五", "name": "存在的主要问题及改进情况",
                           "evidence": {"text": "四、政府信息公开行政复议、行政诉讼情况", "source": {"line": 348},
                                        "from": "heading"},
                           "neighbours": ["四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"]}}]


def test_overview_rows_one_per_report_and_check(tmp_path: Path) -> None:
    import csv

    from gipextract.output.overview import COLUMNS, overview_rows, write_csv, write_xlsx

    late = parse(CORPUS / "compliance" / "02_late_department.html")
    gone = parse(CORPUS / "compliance" / "06_part_removed.txt")
    rows = overview_rows([late, gone])
    assert len(rows) == 2 * (len(CHECKS) + 2)  # and 勾稽关系, 表格读取
    by = {(r["unit"], r["check"]): r for r in rows}
    d = by[("安宁区卫生健康委员会", "deadline")]
    assert (d["result"], d["codes"], d["rule"], d["check_label"]) == ("error", "late_publication", "条例第四十九条", "按时发布")
    assert by[("安宁区卫生健康委员会", "sections")]["result"] == "ok"
    s = by[("通惠街道", "sections")]
    assert (s["result"], s["codes"], s["rule"]) == ("error", "section_missing", "条例第五十条")
    assert by[("通惠街道", "deadline")]["result"] == "info"  # no date: cannot check
    out = tmp_path / "overview.csv"
    with out.open("w", encoding="utf-8", newline="") as fp:
        write_csv(rows, fp, lang="en")  # the column keys, for programs (the default heads it in Chinese)
    with out.open(encoding="utf-8", newline="") as fp:
        back = list(csv.DictReader(fp))
    assert tuple(back[0]) == COLUMNS and len(back) == len(rows)
    first = [r for r in back if r["check"] == "deadline"][0]
    assert first["unit"] == "安宁区卫生健康委员会" and first["result"] == "error"
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    write_xlsx(rows, str(tmp_path / "overview.xlsx"))
    ws = load_workbook(tmp_path / "overview.xlsx")["核查总览"]  # a report per row, a check per column
    heads = [c.value for c in ws[1]]
    assert heads[:3] == ["单位", "年度", "文件"] and "按时发布" in heads and ws.max_row == 3
    late_row = [c.value for c in ws[2]]
    assert late_row[0] == "安宁区卫生健康委员会" and late_row[heads.index("按时发布")] == "错误"


def test_bad_overrides_are_refused_even_without_a_date() -> None:
    report = parse(CORPUS / "compliance" / "06_part_removed.txt")  # no date at all
    for bad in ({"level": "county"}, {"deadline": "13-01"}, {"deadline": "0131"}):
        with pytest.raises(ValueError):
            deadline_findings(report, Context(**bad))


def test_with_deadline_redoes_only_the_deadline_findings() -> None:
    from gipextract.checks.compliance import with_deadline

    report = parse(CORPUS / "html" / "01_seed000_chrome_utf8_blanks.html")  # 通惠街道, published 2023-01-16
    assert compliance(report) == []
    strict = with_deadline(report, deadline="01-10")
    assert compliance(strict) == ["error late_publication"]
    assert [f for f in strict.findings if f.code not in RULES] == [f for f in report.findings if f.code not in RULES]
    assert compliance(with_deadline(strict)) == []  # back to the level read from the name
