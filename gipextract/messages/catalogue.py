"""Every finding code: its default severity, the rule it rests on, and its two templates.

A finding carries its code, the cells it names and its arguments; the templates below name
the arguments they show (see :mod:`.render` for how each is shown). Adding a check is one
function that returns findings and one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
ART49 = "条例第四十九条"
ART50 = "条例第五十条"
N2021 = "国办公开办函〔2021〕30号"
N2019 = "国办公开办函〔2019〕60号"
RULES_EN = {ART49: "rule: art. 49 of the Regulations on Open Government Information",
            ART50: "rule: art. 50 of the Regulations on Open Government Information",
            N2021: "rule: the national form, 国办公开办函〔2021〕30号"}


@dataclass(frozen=True)
class Entry:
    """One code: its default severity, the rule it rests on (compliance checks), the templates."""

    severity: Severity
    zh: str
    en: str
    rule: str | None = None
    accuses: bool = False  # says the unit did something wrong: raised only with its evidence
    check: str | None = None  # the office overview's column this code counts in


E = Entry
FINDINGS: dict[str, Entry] = {
    # --- reading: how the document's values were put on the grid -------------------------
    "template": E("info", "格式说明：未找到任一格式的表二行名，按{assumed}年格式读取",
                  "template: table II labels of neither form were found; read as the {assumed} form"),
    "table_missing": E("error", "未找到表格“{heading}”，其单元格均无法确定",
                       "table “{heading}” was not found; its cells are undetermined"),
    "row_missing": E("warning", "未找到行“{row}”，该行单元格无法确定",
                     "{row}: label not found; its cells are undetermined"),
    "label_fuzzy": E("info", "{row}：行名与全国格式略有出入，按近似匹配读取", "{row}: label matched approximately"),
    "second_printing": E("info", "{table}：文中先印出的该表缺少数值，按其后完整印出的同一表格读取",
                         "{table}: read from the table's second printing further on, which prints every cell; "
                         "the first shows fewer values"),
    "extra_row": E("info", "{table}：“{label}”不是全国格式中的行，已原样保留（数值 {values}）",
                   "{table}: row “{label}” is not on the national form; kept under extra_rows with values {values}"),
    "unit": E("info", "{row}：金额印为 {printed}，已精确换算为万元",
              "{row}: amounts printed as {printed} converted exactly to 万元 (10,000 yuan)"),
    "order_filled": E("warning", "{row}：数值（{printed}）印在行名之外，按全国格式的行序归入该行，并经勾稽关系核对",
                      "{row}: values printed apart from any label ({printed}) put on this row by the form's order; "
                      "left open if an identity over them fails"),
    "table_scrambled": E("warning", "{table}：多数行名所在行没有数值，数值成块印在别处（表格被逐列展开，如 pdftotext "
                                    "默认模式），单元格无法确定",
                         "{table}: most labels print no value on their line while values stand in blocks elsewhere "
                         "(a table flattened column by column, as plain pdftotext does); cells left undetermined"),
    "table_order_lost": E("warning", "{table}：行名折成多行、数值各占一行，且有的行没有数值、有的行数值少于单元格"
                                     "（转换工具逐格输出，如 pdftotext 默认模式），数值属于哪一行无法确定",
                          "{table}: labels broken over several lines, each value on a line of its own, and rows "
                          "printing nothing beside rows printing fewer values than cells (a tool that writes cells "
                          "one by one, as plain pdftotext does): which row a value is on cannot be told; cells left "
                          "undetermined"),
    "values_after_wording": E("warning", "{row}：数值印在表头或标题文字之后（转换工具逐格输出），可能属于相邻的行，"
                                         "该行单元格无法确定",
                              "{row}: a value stands after the form's header or heading words (a tool that writes "
                              "cells one by one) and may be a neighbouring row's; cells left undetermined"),
    "total_unconfirmed": E("warning", "{cells_short}：行名后没有数值，按空白读为 0，但它所合计的单元格有的无法确定，"
                                      "勾稽关系无法核对，该单元格无法确定",
                           "{cells_short}: a total printed blank, read as 0, sums cells left undetermined: no identity "
                           "confirms it; left undetermined"),
    "rows_unpaired": E("warning", "{row}：该行附近的数值行与行名无法一一对应，单元格无法确定",
                       "{row}: rows of values and loose labels around this row do not pair up; cells left undetermined"),
    "values_displaced": E("warning", "{row}：转换工具把数值移离了行名（相邻一行印出的数值多于其单元格、分几行印出，"
                                     "或表中有无行认领的数值），数值属于哪一行无法确定，该行单元格无法确定",
                          "{row}: a converter moved values away from their labels (a neighbouring row prints more "
                          "values than it has cells or prints them on several lines, or the table prints values no "
                          "row takes): which row they are on cannot be told; cells left undetermined"),
    "placement_none": E("warning", "{row}：印出的 {count} 个数值（{printed}）无法填入该行的 {width} 个单元格，该行单元格"
                                   "无法确定",
                        "{row}: {count} printed values ({printed}) cannot fill its {width} cells"),
    "placement_too_large": E("warning", "{place}：可能的填法过多，相关单元格未确定",
                             "{place}: too many ways to read the dropped or fused cells; cells left undetermined"),
    "placement_inconsistent": E("warning", "{table}：省略或粘连的数值没有一种读法能满足全部勾稽关系，相关单元格保留该行的"
                                           "所有读法",
                                "{table}: no reading of the dropped or fused cells satisfies every identity; each such "
                                "cell keeps all its row's readings"),
    "group_total": E("warning", "{group}：报告只印了合计（{printed}），未分列各项；合计为 0 的各项推定为 0，其余无法确定",
                     "{group}: the report prints only the group's total ({printed}), not its rows; rows whose total "
                     "is 0 are inferred 0, the others are open"),
    "inferred": E("warning", "{row}：{why}（{printed}），由勾稽关系推定：{fixed}",
                  "{row} {why} ({printed}); the identities fix: {fixed}"),
    "ambiguous": E("warning", "{row}：印出“{printed}”，多种填法都符合勾稽关系，以下单元格无法确定：{candidates}",
                   "{row} prints “{printed}”; several placements fit the identities: {candidates}"),
    "inferred_contradicted": E("warning", "{row}：该行单元格系按未印出即留空（0）或按全国格式的行序读取，但勾稽关系"
                                          "“{identities}”随之不成立，这些单元格无法确定",
                               "{row}: cells read on a premise (unprinted cells as blanks, or values put here by the "
                               "form's order), but “{identities}” then fails; left undetermined"),
    # --- the form's arithmetic --------------------------------------------------------------
    "identity": E("error", "勾稽关系不成立：{identity}（{about}）：左边 {left} = {left_sum}，右边 {right} = {right_sum}，"
                           "相差 {difference}",
                  "identity fails: {identity} ({about}): left {left} = {left_sum}, right {right} = {right_sum}, "
                  "difference {difference}"),
    # --- the document and its prose -----------------------------------------------------------
    "source": E("warning", "来源提示：{notice}", "source: {notice}"),
    "prose": E("warning", "第一部分写明“{stated}”，但表三 {cells} 为 {value}",
               "part 一 says “{stated}” but table III has {value} in {cells}"),
    # --- the regulation and the national notice ---------------------------------------------
    "late_publication": E("error", "{date_from}{published}晚于{due}：见{evidence}", "{date_from} {published} is after "
                          "{due}: see {evidence}", ART49, accuses=True, check="deadline"),
    "published_before_year_end": E("warning", "{date_from}{published}早于{year}年度结束，年度报告应报告上一年度的情况："
                                              "日期或年度有误：见{evidence}",
                                   "{date_from} {published} is before the end of {year}: an annual report covers a "
                                   "past year, so the date or the year is wrong: see {evidence}", ART49, accuses=True,
                                   check="deadline"),
    "deadline_unchecked": E("info", "未找到{missing}，无法检查是否按时发布",
                            "no {missing} found; whether it was published on time is unchecked", ART49, check="deadline"),
    "section_missing": E("error", "未找到第{part}部分“{part}、{name}”：{neighbours}之间没有这一部分（见{evidence}）",
                         "part {part} “{part}、{name}” was not found: nothing of it between {neighbours} (see "
                         "{evidence})", ART50, accuses=True, check="sections"),
    "section_renamed": E("warning", "第{part}部分的标题为“{part}、{printed}”，格式规定为“{part}、{name}”：见{evidence}",
                         "part {part} is headed “{part}、{printed}”; the form says “{part}、{name}”: see {evidence}",
                         N2021, accuses=True, check="sections"),
    "section_misnumbered": E("warning", "第{part}部分“{name}”{numbering}：见{evidence}",
                             "part {part} “{name}” {numbering}: see {evidence}", N2021, accuses=True, check="sections"),
    "section_order": E("warning", "各部分顺序为{found}，应为{expected}{layer}：见{evidence}",
                       "the parts stand in the order {found}, not {expected}{layer}: see {evidence}", N2021,
                       accuses=True, check="sections"),
    "section_unheaded": E("info", "第{part}部分“{part}、{name}”的内容在文中（{evidence}），但没有找到它的标题",
                          "the text of part {part} “{part}、{name}” is there ({evidence}), but not its heading", ART50,
                          check="sections"),
    "sections_unchecked": E("info", "文中只找到 {count} 个部分的标题，无法检查六个部分是否齐全",
                            "only {count} part headings in the text: the six parts are unchecked", ART50,
                            check="sections"),
    "wrong_form": E("error", "{mismatch}：年度见{evidence}，表格见{form_evidence}",
                    "{mismatch}: the year from {evidence}, the form from {form_evidence}", N2021, accuses=True,
                    check="form"),
    "year_mismatch": E("warning", "报告自称{title_year}年度报告（{evidence}），统计期限却是{period_year}年（{period_evidence}）",
                       "the report calls itself the {title_year} report ({evidence}) but its statistical period is "
                       "{period_year} ({period_evidence})", N2021, accuses=True, check="form"),
    "form_unchecked": E("info", "{unchecked}", "{unchecked}", N2021, check="form"),
    "period_missing": E("warning", "未写明数据的统计期限（应为报告年度1月1日至12月31日）：报告开头见{evidence}",
                        "no statistical period is stated (it should be 1 January to 31 December of the report's "
                        "year): the report opens at {evidence}", N2021, accuses=True, check="period"),
    "period_unchecked": E("info", "{unread}，无法检查统计期限", "{unread}: the statistical period is unchecked", N2021,
                          check="period"),
    "period_wrong": E("warning", "{period_problem}：见{evidence}", "{period_problem}: see {evidence}", N2021,
                      accuses=True, check="period"),
    "other_unit_name": E("warning", "{named}：见{evidence}", "{named}: see {evidence}", N2021, accuses=True,
                         check="unit_name"),
    "rows_not_printed": E("warning", "表{ordinal}有{count}行在文中未找到（{labels}）：若确未印出，格式要求逐行填报，"
                                     "无数据的填0（表格见{evidence}）",
                          "table {ordinal}: {count} rows not found in the text ({labels}); if they are not printed, "
                          "the form wants every row filled in, with 0 where there is nothing (the table: {evidence})",
                          N2021, accuses=True, check="rows"),
    # --- scans ------------------------------------------------------------------------------
    "ocr_pages": E("info", "第 {pages} 页是图片，经文字识别（OCR）读取，数值请与原件核对",
                   "page(s) {pages} were read by OCR; check the values against the page"),
    "ocr_low_confidence": E("warning", "{count} 个数值识别置信度低于 {threshold}，请核对",
                            "{count} OCR'd value(s) below confidence {threshold}; check them"),
    "ocr_unchecked": E("warning", "表二没有勾稽关系可以核对，以下识别出的数值请逐一核对：{cells_short}",
                       "table II has no identities: these OCR'd values are checked by nothing: {cells_short}"),
    "ocr_unconfirmed": E("warning", "以下 {count} 个识别出的数值没有成立的勾稽关系可以核对，请逐一核对：{cells_short}",
                         "{count} OCR'd value(s) that no identity holding over checked cells confirms; check them: "
                         "{cells_short}"),
    "ocr_partial": E("info", "图片只包含报告的一部分：读取了{tables}，其余表格（{absent}）及未列出的行不在图中，"
                             "按缺失处理而非 0",
                     "the picture holds part of a report: {tables} read; the other tables ({absent}) "
                     "and rows not shown are missing, not 0"),
    "ocr_inferred": E("warning", "以下单元格由勾稽关系推算，识别时可能漏读了数值：{cells_short}",
                      "inferred from the identities on an OCR'd page (a value may have been missed): {cells_short}"),
    "ocr_unread_mark": E("warning", "{count} 个表格单元格有笔迹但未识别出文字：{marks}",
                         "{count} table cell(s) hold marks but no text was recognised: {marks}"),
    # --- decisions (an overrides file) -----------------------------------------------------
    "decisions_applied": E("info", "{count} 个单元格按决定文件由人工确认：{cells_short}",
                           "{count} cell(s) confirmed by a person (decisions file): {cells_short}"),
    "decision_refused": E("warning", "决定文件中有 {count} 条决定是针对“{document}”的另一版本（sha256 {decided}…），"
                                     "该文件已改变（现为 {current}…），决定未应用：{cells_short}",
                          "{count} decision(s) were made on another version of “{document}” (sha256 {decided}…); "
                          "the file has changed (now {current}…): not applied: {cells_short}"),
    "decision_unknown_cell": E("warning", "决定文件中的单元格 {names} 不在本报告的 {form} 版格式中，决定未应用",
                               "decided cell(s) {names} are not on this report's {form} form: not applied"),
    # --- across reports ---------------------------------------------------------------------
    "cross_year": E("error", "{year} 年“二、上年结转政府信息公开申请数量”（{column}）为 {now}，但 {previous_year} 年"
                             "“四、结转下年度继续办理”为 {before}",
                    "{year}: carried over from last year ({column}) is {now}, but {previous_year}: carried forward to "
                    "next year is {before}"),
    "cross_year_unit": E("warning", "两份报告的单位不同：{previous_unit} 与 {unit}",
                         "the reports are of different units: {previous_unit} and {unit}"),
    "cross_year_gap": E("warning", "两份报告分别为 {previous_year} 年和 {year} 年，不是相邻年度",
                        "the reports cover {previous_year} and {year}, not consecutive years"),
    "aggregate_open": E("warning", "输入 {input} 有 {count} 个单元格{status}，合计中这些单元格空缺：{cells_short}",
                        "{input} leaves {count} cell(s) {status}; the sum leaves them open: {cells_short}"),
    "copied_prose": E("warning", "{first}（{first_year}）{relation}{second}（{second_year}）有{count}段文字雷同"
                                 "（第{parts}部分，占较短一方的{share}）",
                      "{first} ({first_year}) {relation} {second} ({second_year}): {count} passage(s) alike (part "
                      "{parts}, {share} of the shorter)", N2021),
    # office outputs --------------------------------------------------------------------------
    "aggregate_identity": E("error", "汇总后勾稽关系不成立：{identity}（{about}）：左边 {left_sum}，右边 {right_sum}，"
                                     "相差 {difference}；来自这些报告（其本身的这条勾稽关系即不成立）：{units}",
                            "the sum breaks an identity: {identity} ({about}): left {left_sum}, right {right_sum}, "
                            "difference {difference}; it comes from these reports, which break it themselves: {units}"),
    "aggregate_unreported": E("warning", "名单中有 {count} 个单位没有报告：{units}",
                              "{count} unit(s) on the list have no report: {units}"),
    "aggregate_unlisted": E("warning", "{count} 份报告的单位不在名单中：{units}",
                            "{count} report(s) of units not on the list: {units}"),
    "prose_repeated": E("warning", "第{parts}部分的文字有{share}与上一年度报告（{previous_unit}，{previous_year}年）相同或"
                                   "几乎相同，超过一半（评议时计为内容雷同）：见{evidence}",
                        "{share} of the prose of part {parts} is the same or nearly the same as last year's report "
                        "({previous_unit}, {previous_year}): more than half, which evaluators count as copied: see "
                        "{evidence}", N2021, accuses=True),
}
