"""Unit (the body that reports) and title when a converter dropped or buried the title line;
each case is the opening of a corpus tool output (corpus/toolout/)."""
from __future__ import annotations

from gipextract.metadata.info import extract_info
from gipextract.metadata.lines import Line
from gipextract.read.normalize import nfkc

BASIS = "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和国办公开办函〔2021〕30号要求,"


def _info(lines: list[str]):  # type: ignore[no-untyped-def]
    head = [Line(nfkc(x), None, k) for k, x in enumerate(lines)]
    return extract_info(head, head[::-1], nfkc("\n".join(lines)))


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


TITLE = "平潭综合实验区2024年度政府信息公开工作年度报告"


def test_a_page_clock_a_crawl_stamp_and_a_copyright_are_never_the_publication_date() -> None:
    nav = ["首页 | 政务公开 | 政府信息公开年报", "2025年12月30日 星期二", "今天是2025年12月30日",
           "采集时间：2025-12-30 10:00", "保存时间: 2025/12/29"]
    info = _info([*nav, TITLE, "一、总体情况", "版权所有 © 2025 平潭综合实验区管委会"])
    assert info.published is None and "published" not in info.evidence
    info = _info([*nav, TITLE, "来源：平潭综合实验区管委会办公室 时间：2025-03-10 15:35", "一、总体情况"])
    assert info.published == "2025-03-10" and info.evidence["published"].origin == "field"


def test_a_date_in_the_prose_is_not_the_publication_date() -> None:
    info = _info([TITLE, "一、总体情况", "2024年3月15日，召开政务公开工作会议。", "六、其他需要报告的事项",
                  "本年度未收取信息处理费。"])
    assert info.published is None


def test_the_signature_date_in_arabic_or_chinese_numerals() -> None:
    tail = ["六、其他需要报告的事项", "本年度未收取信息处理费。", "平潭综合实验区管理委员会"]
    info = _info([TITLE, "一、总体情况", *tail, "2025年1月17日"])
    assert info.published == "2025-01-17" and info.evidence["published"].origin == "signature"
    info = _info([TITLE, "一、总体情况", *tail, "二〇二五年一月十七日"])
    assert info.published == "2025-01-17" and info.evidence["published"].text == "二〇二五年一月十七日"
    # A related-links box after the article: its dates are no signature.
    info = _info([TITLE, "一、总体情况", *tail, "相关链接", "2025年12月1日"])
    assert info.published is None


def test_spaced_and_full_width_digits_in_the_title() -> None:
    info = _info(["平潭综合实验区 2024 年度政府信息公开工作年度报告", "一、总体情况"])
    assert (info.unit, info.year) == ("平潭综合实验区", 2024)
    info = _info(["平潭综合实验区２０２４年度政府信息公开工作", "年度报告", "一、总体情况"])
    assert (info.unit, info.year) == ("平潭综合实验区", 2024)
    assert info.evidence["unit"].origin == "title"
