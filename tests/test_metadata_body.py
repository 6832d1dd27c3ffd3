"""Unit (the body that reports) and title when a converter dropped or buried the title line;
each case is the opening of a corpus tool output (corpus/toolout/)."""
from __future__ import annotations

from gipextract.metadata.info import extract_info

BASIS = "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和国办公开办函〔2021〕30号要求,"


def _info(lines: list[str]):  # type: ignore[no-untyped-def]
    return extract_info(lines, "\n".join(lines))


def test_title_run_into_the_first_sentence() -> None:
    # html2text/02_seed001_word_gbk_layout.md: one layout cell holds title and opening.
    info = _info([f"锦屏街道2022年政府信息公开年度报告 {BASIS}锦屏街道编制本报告。本报告中所列数据统计期限为2022年1月1日至12月31日。"])
    assert (info.unit, info.year, info.title) == ("锦屏街道", 2022, "锦屏街道2022年政府信息公开年度报告")


def test_unit_from_the_sentence_that_says_who_compiled_the_report() -> None:
    info = _info(["一、总体情况", f"{BASIS}锦屏街道编制本报告。本报告中所列数据统计期限为2022年1月1日至12月31日。"])
    assert (info.unit, info.year) == ("锦屏街道", 2022)
    info = _info([f"{BASIS}本机关编制本报告。"])
    assert info.unit is None  # 本机关 names no one


def test_unit_from_the_pages_publisher_field() -> None:
    # markitdown/html-09_nested_layout_one_table.md: the page's metadata table, no title.
    info = _info(["索引号: QSX-2022-000117 主题分类: 政务公开", "发布机构: | 青山县人民政府办公室 | 成文日期:",
                  "一、总体情况"])
    assert info.unit == "青山县人民政府办公室"
    info = _info(["- 发布机构:白沙县财政局", "- 发布日期:2025-01-17"])
    assert info.unit == "白沙县财政局"
