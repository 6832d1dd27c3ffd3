"""Phrases that a message chooses by an argument (``why: "short"`` → ``why.short``).

An argument named by :data:`PHRASE_KEYS` holds a phrase's name, not text: the phrase is
rendered in the message's language from the same arguments.
"""
from __future__ import annotations

N2021 = "国办公开办函〔2021〕30号"
N2019 = "国办公开办函〔2019〕60号"

PHRASES: dict[str, dict[str, str]] = {
    # inferred: why the identities had to fix a cell
    "why.short": {"zh": "印出 {count} 个数值、该行有 {width} 个单元格", "en": "prints {count} values for {width} cells"},
    "why.blank": {"zh": "有单元格留空", "en": "leaves a cell blank"},
    # source: what the reader noticed about the document itself
    "notice.garbled_pages": {"zh": "第 {pages} 页的文字层是乱码（字体编码无法映射），不可信",
                             "en": "the text layer of page(s) {pages} is garbled (mojibake or unmapped glyphs) and "
                                   "cannot be trusted"},
    "notice.image_pages": {"zh": "第 {pages} 页是没有文字层的图片（扫描件？），请先做文字识别（OCR）",
                           "en": "page(s) {pages} are images without a text layer (a scan?); OCR them first"},
    "notice.script_shell": {"zh": "页面几乎没有文字（可能由 JavaScript 生成）",
                            "en": "the page holds almost no text (a JavaScript shell?)"},
    "notice.image_tables": {"zh": "页面没有表格，但有 {images} 张图片，表格可能是图片",
                            "en": "the page has no tables but {images} image(s); the tables may be images"},
    # deadline
    "date_from.field": {"zh": "页面所载发布日期", "en": "the publication date printed on the page"},
    "date_from.meta": {"zh": "网页元数据中的发布日期", "en": "the publication date in the page's metadata"},
    "date_from.signature": {"zh": "落款日期", "en": "the date of the signature"},
    "date_from.other": {"zh": "发布日期", "en": "the publication date"},
    "due.local": {"zh": "本地规定的期限{deadline}", "en": "the local deadline {deadline}"},
    "due.level": {"zh": "{level}年度报告的期限{deadline}", "en": "the deadline for {level}, {deadline}"},
    "due.unknown": {"zh": "任何层级的最晚期限{deadline}（未能从单位名称判断层级）",
                    "en": "the latest deadline of any level, {deadline} (the level is not clear from the unit's name)"},
    "missing.date": {"zh": "发布日期", "en": "publication date"},
    "missing.year": {"zh": "报告年度", "en": "report year"},
    # parts
    "numbering.other": {"zh": "编号为“{ordinal}”", "en": "is numbered “{ordinal}”"},
    "numbering.none": {"zh": "未编号", "en": "is not numbered"},
    "layer.pdf": {"zh": "（PDF 文字层的顺序可能与版面不同）", "en": " (a PDF's text layer may not follow its layout)"},
    "layer.other": {"zh": "", "en": ""},
    # the form of the year
    "mismatch.old_form": {"zh": f"{{year}}年度报告应使用{N2021}印发的格式，本报告的表格是{N2019}的2019年格式（试行）",
                          "en": f"a {{year}} report must use the form of {N2021}; this report's tables are the 2019 form "
                                f"of {N2019}"},
    "mismatch.new_form": {"zh": f"{{year}}年度报告应使用{N2019}的格式，本报告的表格是{N2021}的2021年格式"
                                "（该格式2021年9月才印发，报告年度可能有误）",
                          "en": f"a {{year}} report must use the form of {N2019}; this report's tables are the 2021 "
                                f"form of {N2021} (issued in September 2021: the report year may be wrong)"},
    "unchecked.no_year": {"zh": "未找到报告年度，无法检查表格格式", "en": "no report year found; the form is unchecked"},
    "unchecked.before_2019": {"zh": "{year}年度早于现行条例施行，全国统一格式不适用",
                              "en": "{year} is before the current Regulations; the national form does not apply"},
    # the statistical period
    "period_problem.cutoff": {"zh": "数据核定时间为{cut_year}年12月31日，报告年度为{year}年",
                              "en": "the figures are as of 31 December {cut_year}; the report year is {year}"},
    "period_problem.range": {"zh": "统计期限为“{printed_period}”，应为{want}",
                             "en": "the statistical period is “{printed_period}”; it should be {want}"},
    "unread.no_opening": {"zh": "文中没有报告的开头部分", "en": "the text holds no opening of the report"},
    "unread.scrambled": {"zh": "文中写有统计期限（见{evidence}），但其日期无法读出（可能被转换工具拆散）",
                         "en": "the text states a statistical period (see {evidence}) but its dates cannot be read "
                               "(a converter may have taken them apart)"},
    "want.year": {"zh": "{year}年1月1日至12月31日", "en": "1 January to 31 December {year}"},
    "want.any": {"zh": "报告年度的1月1日至12月31日", "en": "1 January to 31 December of the report's year"},
    # other units' names
    "named.self": {"zh": "报告以其他单位的名称自称：{names}（本单位为{own}），可能照抄了其他单位的报告",
                   "en": "the report calls itself by another unit's name: {names} (this unit is {own}); it may be "
                         "copied from another unit's report"},
    "named.same_kind": {"zh": "文中出现其他{unit_kind}的名称：{names}（本单位为{own}），请核对是否照抄了其他单位的内容",
                        "en": "the text names other units of its kind ({unit_kind}): {names} (this unit is {own}); "
                              "check whether it was copied"},
    # sums of reports
    "status.missing": {"zh": "无法确定", "en": "missing"},
    "status.ambiguous": {"zh": "有多种可能", "en": "ambiguous"},
    # copied prose
    "relation.other_unit": {"zh": "与其他单位的报告", "en": "shares prose with another unit's report,"},
    "relation.previous_year": {"zh": "与本单位上一年度报告", "en": "shares prose with its own previous report,"},
    "relation.same_unit": {"zh": "与本单位的另一份报告", "en": "shares prose with another report of the same unit,"},
    # errors: limits, kinds of file, stages
    "what.pages": {"zh": "页数", "en": "pages"},
    "what.chars": {"zh": "文字字符数", "en": "characters of text"},
    "what.cells": {"zh": "表格单元格数", "en": "table cells"},
    "what.span_area": {"zh": "合并单元格覆盖的位置数", "en": "grid positions covered by rowspan"},
    "what.glyphs": {"zh": "第 {page} 页的字形数", "en": "glyphs on page {page}"},
    "what.part_bytes": {"zh": "{part} 解压后的字节数", "en": "{part} unpacked bytes"},
    "what.package_bytes": {"zh": "压缩包解压后的字节数", "en": "package unpacked bytes"},
    "what.xml_elements": {"zh": "word/document.xml 的元素数", "en": "XML elements in word/document.xml"},
    "what.ocr_pages": {"zh": "需文字识别的页数", "en": "OCR pages"},
    "kind.fifo": {"zh": "命名管道（FIFO）", "en": "FIFO (named pipe)"},
    "kind.socket": {"zh": "套接字（socket）", "en": "socket"},
    "kind.char_device": {"zh": "字符设备（character device）", "en": "character device"},
    "kind.block_device": {"zh": "块设备（block device）", "en": "block device"},
    "kind.special": {"zh": "特殊文件", "en": "special file"},
    "stage.read": {"zh": "读取文件", "en": "reading the file"},
    "stage.place": {"zh": "还原表格", "en": "placing the values"},
    "stage.metadata": {"zh": "识别报告信息", "en": "reading the metadata"},
    "stage.checks": {"zh": "核查", "en": "checking"},
    "memory.memory": {"zh": "内存", "en": "memory"},
    "memory.stack": {"zh": "栈空间", "en": "stack"},
}
PHRASE_KEYS = frozenset(name.split(".", 1)[0] for name in PHRASES)
