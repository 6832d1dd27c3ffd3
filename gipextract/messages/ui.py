"""The commands' own lines (help, summaries, headings, refusals), Chinese and English."""
from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    # help
    "help.description": {"zh": "把政府信息公开工作年度报告（文本、HTML、DOCX、PDF）读成经过核对的表格。"
                               "`gipextract 文件…` 等同于 `gipextract parse 文件…`。",
                         "en": "Read 政府信息公开工作年度报告 (text, HTML, DOCX, PDF) into validated grids. "
                               "`gipextract PATH…` is `gipextract parse PATH…`."},
    "help.epilog": {"zh": "退出码（各命令相同）：0 无问题；1 有需核查的问题或有文件无法读取；2 用法错误、输入路径不存在或"
                          "输出位置不可用；130/143 被中断（SIGINT/SIGTERM）",
                    "en": "exit codes (every command): 0 clean; 1 findings or an input that could not be read; 2 usage "
                          "error, missing input path or unusable output location; 130/143 interrupted (SIGINT/SIGTERM)"},
    "help.command": {"zh": "命令", "en": "command"},
    "help.version": {"zh": "显示版本号", "en": "show the version"},
    "help.lang": {"zh": "提示信息的语言（默认 zh）", "en": "language of messages (default zh)"},
    "help.paths": {"zh": "报告文件或文件夹（含子文件夹）", "en": "report files or folders (searched recursively)"},
    "help.stdin": {"zh": "；- 表示从标准输入读取", "en": "; - reads standard input"},
    "help.jobs": {"zh": "用 N 个工作进程并行读取", "en": "parse with N worker processes"},
    "help.ocr": {"zh": "用文字识别（OCR）读取扫描的 PDF 页和 PNG/JPEG/TIFF 图片（需要 ocr 扩展，见 docs/ocr.md）",
                 "en": "read scanned PDF pages and PNG/JPEG/TIFF pictures by OCR (needs the 'ocr' extra; docs/ocr.md)"},
    "help.convert_legacy": {"zh": "用 LibreOffice（soffice）把 .doc/.wps 文件转换后读取（需已安装）",
                            "en": "convert .doc/.wps files with LibreOffice (soffice) when it is installed"},
    "help.progress": {"zh": "在标准错误输出显示进度条（默认：标准错误是终端且文件较多时显示）",
                      "en": "progress bar on stderr (default: when stderr is a terminal and there are many files)"},
    "help.parse": {"zh": "读取报告：可读视图、JSON、JSON Lines、CSV、XLSX 或 Parquet",
                   "en": "read reports: the readable view, JSON, JSON Lines, CSV, XLSX or Parquet"},
    "help.parse_format": {"zh": "view（默认）；json：一个格式化的 JSON（一份报告，或多份报告的数组）；jsonl：每行一份报告；"
                                "csv、parquet：三张整洁表（reports 每份文件一行、cells 每个单元格一行、findings 每条核查"
                                "结果一行），各一个文件；xlsx：这三张表各一个工作表，状态以颜色标出",
                          "en": "view (default); json: one pretty document (the report, or an array for several "
                                "inputs); jsonl: one compact report per line; csv, parquet: the three tidy tables "
                                "(reports: one row per input, cells: one per cell, findings: one per finding), a file "
                                "each; xlsx: the three tables as sheets, statuses coloured"},
    "help.json": {"zh": "等同于 --format json", "en": "same as --format json"},
    "help.compact": {"zh": "JSON 中不含各部分正文和单元格来源", "en": "JSON without sections and cell sources"},
    "help.output": {"zh": "写入此文件，而不是标准输出；csv、parquet 可给文件夹（以 / 结尾），各表写成一个文件",
                    "en": "write here instead of standard output; csv and parquet take a folder (ending in /), one "
                          "file per table"},
    "help.check": {"zh": "列出报告草稿的问题：不成立的勾稽关系、无法确定的单元格及其他核查结果",
                   "en": "list what a draft report gets wrong: broken identities, undetermined cells, other findings"},
    "help.similar": {"zh": "同时列出第一、五部分文字疑似照抄其他报告的报告（需要 similar 扩展）",
                     "en": "also list reports whose prose of parts 一 and 五 looks copied from another's (needs the "
                           "'similar' extra)"},
    "help.threshold": {"zh": "--similar 列出的最低相似度（默认 0.6）", "en": "similarity from which --similar lists a pair "
                                                                        "(default 0.6)"},
    "help.level": {"zh": "各单位的层级，用于发布期限（默认由单位名称判断）",
                   "en": "the units' level for the publication deadline (default: read from each unit's name)"},
    "help.deadline": {"zh": "本地规定的发布期限（月-日），代替条例第四十九条的期限",
                      "en": "a local notice's publication deadline instead of 条例第四十九条's"},
    "help.check_format": {"zh": "view（默认），或办公室的总览（csv、xlsx）；不给时按 -o 的扩展名选择",
                          "en": "view (default), or the office's overview (csv, xlsx); by default from -o's extension"},
    "help.check_output": {"zh": "写入此文件，格式按扩展名：.txt（屏幕视图）、.csv（总览，每个单位每项核查一行）、"
                                ".xlsx（总览，每个单位一行、每项核查一列，按结果着色）",
                          "en": "write here, the format by the extension: .txt (the view), .csv (the overview, a row "
                                "per unit and check), .xlsx (the overview, a row per unit, a coloured column per check)"},
    "help.aggregate": {"zh": "把同一年度的报告相加，得到全区的表格（.json、.xlsx 或 .docx 格式）",
                       "en": "add up the reports of one year into the district's grid (.json, .xlsx or .docx form)"},
    "help.aggregate_output": {"zh": "写入此文件，格式按扩展名：.docx（全国统一格式的表格）、.xlsx（每个单位一行，另有合计）、"
                                    ".json 或 .txt（默认：屏幕视图）",
                              "en": "write here, the format by the extension: .docx (the national form), .xlsx (a row "
                                    "per unit and the sum), .json or .txt (default: the view)"},
    "help.aggregate_format": {"zh": "view、json、xlsx 或 docx；不给时按 -o 的扩展名选择",
                              "en": "view, json, xlsx or docx; by default from -o's extension"},
    "help.units": {"zh": "本区的单位名单（.txt 每行一个单位，或 .csv、.xlsx 的第一列）：列出没有报告的单位和不在名单中的报告",
                   "en": "the district's list of units (.txt one per line, or the first column of a .csv or .xlsx): "
                         "names the units without a report and the reports of units not on it"},
    "help.unit": {"zh": "汇总单位的名称（用于表格标题）", "en": "the compiling unit's name (for the form's title)"},
    "help.compare": {"zh": "对比同一单位的两个年度：结转衔接和每个变化的单元格",
                     "en": "compare two years of one unit: the 结转 chain and every changed cell"},
    "help.old": {"zh": "上一年度的报告（或其保存的 JSON）", "en": "last year's report (or its saved JSON)"},
    "help.new": {"zh": "本年度的报告（或其保存的 JSON）", "en": "this year's report (or its saved JSON)"},
    "help.compare_format": {"zh": "view（默认）或 json；不给时按 -o 的扩展名选择",
                            "en": "view (default) or json; by default from -o's extension"},
    "help.compare_output": {"zh": "写入此文件，格式按扩展名：.txt（屏幕视图）或 .json",
                            "en": "write here, the format by the extension: .txt (the view) or .json"},
    # usage errors and refusals
    "usage.prefix": {"zh": "gipextract：", "en": "gipextract: "},
    "usage.jobs": {"zh": "--jobs 至少为 1", "en": "--jobs must be at least 1"},
    "usage.no_path": {"zh": "{path}：文件或文件夹不存在", "en": "{path}: no such file or folder"},
    "usage.no_files": {"zh": "给出的路径中没有报告文件", "en": "no report files found in the given paths"},
    "usage.xlsx_needs_file": {"zh": "--format xlsx 需要 --output 文件", "en": "--format xlsx needs --output FILE"},
    "usage.cannot_write": {"zh": "{path}：无法写入", "en": "{path}: cannot write: {detail}"},
    "usage.stdout": {"zh": "标准输出", "en": "standard output"},
    "usage.aggregate_suffix": {"zh": "{path}：输出文件须以 .json、.xlsx 或 .docx 结尾",
                               "en": "{path}: the output must end in .json, .xlsx or .docx"},
    "output.is_folder": {"zh": "{path}：这是文件夹，请给出文件名", "en": "{path}: is a folder; give a file name"},
    "output.no_folder": {"zh": "{path}：文件夹 {folder} 不存在", "en": "{path}: the folder {folder} does not exist"},
    "output.os_error": {"zh": "{path}：无法使用（系统错误 {errno}）", "en": "{path}: {detail}"},
    "output.not_regular": {"zh": "{path}：不是普通文件（设备或管道）；请写入文件或标准输出",
                           "en": "{path}: not a regular file (a device or pipe); write to a file or to standard output"},
    "output.not_writable": {"zh": "{path}：没有写入权限", "en": "{path}: not writable"},
    "interrupted": {"zh": "gipextract：已中断（{signal}）；工作进程已停止，已写出的内容保留",
                    "en": "gipextract: interrupted ({signal}); workers stopped, output left as written so far"},
    # parse
    "parse.cannot_read": {"zh": "gipextract：{path}：{reason}", "en": "gipextract: {path}: {reason}"},
    "parse.summary": {"zh": "gipextract：共 {total} 份文件，读取 {read} 份（其中 {flagged} 份有需核查的问题），{failed} 份无法读取",
                      "en": "gipextract: {total} document(s): {read} read ({flagged} with findings), {failed} failed"},
    # researcher exports
    "parse.tables_beside": {"zh": "gipextract：单元格表写到 {cells_file}，报告表写到 {reports}，核查结果表写到 {findings}{more}",
                            "en": "gipextract: cells written to {cells_file}, reports to {reports}, findings to "
                                  "{findings}{more}"},
    "parse.indicators_beside": {"zh": "，指标表写到 {indicators}", "en": ", indicators to {indicators}"},
    "parse.stdout_cells_only": {"zh": "gipextract：标准输出只写单元格表；报告表和核查结果表请用 -o 文件夹/ 写出",
                                "en": "gipextract: standard output gets the cells table only; write the reports and "
                                      "findings tables with -o FOLDER/"},
    "progress.no_tqdm": {"zh": "gipextract：未安装 tqdm，不显示进度条（pip install 'gipextract[progress]'）",
                         "en": "gipextract: no progress bar without tqdm (pip install 'gipextract[progress]')"},
    "usage.parquet_needs_file": {"zh": "--format parquet 需要 --output 文件或文件夹/",
                                 "en": "--format parquet needs --output FILE or FOLDER/"},
    "help.indicators": {"zh": "另写出指标表（公开率、纠错率等，公式见 docs/output.md；csv、xlsx、parquet）",
                        "en": "also write the indicators table (disclosure and correction rates, docs/output.md; csv, "
                              "xlsx, parquet)"},
    # check
    "check.cannot_read": {"zh": "{path}：无法读取：{reason}", "en": "{path}: cannot be read: {reason}"},
    "check.head": {"zh": "{path}（{who}，{template} 版格式）", "en": "{path} ({who}, form {template})"},
    "check.clean": {"zh": "√ 各项勾稽关系均成立，所有单元格均可确定", "en": "√ every identity holds and every cell is determined"},
    "check.identity": {"zh": "勾稽关系不成立：{identity}（{about}）", "en": "identity fails: {identity} ({about})"},
    "check.left": {"zh": "左边：{terms} = {total}", "en": "left: {terms} = {total}"},
    "check.right": {"zh": "右边：{terms} = {total}", "en": "right: {terms} = {total}"},
    "check.zeros": {"zh": "（另有 {count} 项为 0）", "en": " (and {count} terms of 0)"},
    "check.all_zero": {"zh": "各项均为 0", "en": "every term is 0"},
    "check.difference": {"zh": "相差 {difference}", "en": "difference {difference}"},
    "check.culprit": {"zh": "可能出错的单元格：{cell} {value}{at}，同时出现在 {count} 条不成立的勾稽关系中",
                      "en": "likely culprit: {cell} = {value}{at}, in {count} broken identities"},
    "check.similar_head": {"zh": "内容雷同（{count} 对）：", "en": "similar prose ({count} pairs):"},
    "check.passage": {"zh": "第{part_a}部分「{text_a}」≈ 第{part_b}部分「{text_b}」（{share}）",
                      "en": "part {part_a} “{text_a}” ≈ part {part_b} “{text_b}” ({share})"},
    "check.summary": {"zh": "共检查 {total} 份：{clean} 份无误，{fixing} 份需要修改，{failed} 份无法读取。",
                      "en": "Checked {total}: {clean} clean, {fixing} to fix, {failed} unreadable."},
    "severity.error": {"zh": "错误（{count}）", "en": "errors ({count})"},
    "severity.warning": {"zh": "警告（{count}）", "en": "warnings ({count})"},
    "severity.info": {"zh": "提示（{count}）", "en": "notes ({count})"},
    # aggregate
    "aggregate.cannot_read": {"zh": "{path}：无法读取：{reason}", "en": "{path}: cannot be read: {reason}"},
    "aggregate.not_added": {"zh": "gipextract：有输入无法读取，未汇总", "en": "gipextract: some inputs could not be read; "
                                                                      "nothing added up"},
    "aggregate.refused": {"zh": "gipextract：不能汇总：{reason}", "en": "gipextract: cannot add up: {reason}"},
    "aggregate.finding": {"zh": "{severity} [{code}] {message}", "en": "{severity} [{code}] {message}"},
    "aggregate.done": {"zh": "gipextract：已汇总 {count} 份报告{target}", "en": "gipextract: added up {count} reports{target}"},
    # compare
    "compare.cannot_read": {"zh": "gipextract：{path}：{reason}", "en": "gipextract: {path}: {reason}"},
    "compare.one_each": {"zh": "gipextract：compare 需要旧、新两处各有一份报告",
                         "en": "gipextract: compare needs exactly one report in OLD and one in NEW"},
    "compare.refused": {"zh": "gipextract：不能对比：{reason}", "en": "gipextract: cannot compare: {reason}"},
    "compare.chain": {"zh": "结转衔接（上年“结转下年度继续办理” = 本年“上年结转”）：",
                      "en": "carry-over chain (last year's 结转下年度 = this year's 上年结转):"},
    "compare.consistent": {"zh": "√ 衔接一致", "en": "√ consistent"},
    "compare.changed": {"zh": "变化的单元格（{count}）：", "en": "changed cells ({count}):"},
    # the readable view
    "view.source": {"zh": "{path}  [{format}，{template} 版格式（{document}）]",
                    "en": "{path}  [{format}, form {template} ({document})]"},
    "view.info": {"zh": "单位：{unit}   年度：{year}   发布：{published}",
                  "en": "unit: {unit}   year: {year}   published: {published}"},
    "view.title": {"zh": "标题：{title}", "en": "title: {title}"},
    "view.extra_row": {"zh": "附加行（{table}）：{label}：{values}", "en": "extra row ({table}): {label}: {values}"},
    "view.legend": {"zh": "· 原文留空（按 0 计）   * 由勾稽关系推定   ?{{…}} 有多种可能（候选值）   — 无法确定   ✓ 人工确认",
                    "en": "· blank in the source (0)   * inferred from the identities   ? ambiguous {{candidates}}   "
                          "— missing   ✓ confirmed by a person"},
    "view.findings": {"zh": "核查结果（{count} 条）：", "en": "findings ({count}):"},
    "view.no_findings": {"zh": "核查结果：无，各项勾稽关系均成立", "en": "findings: none — every identity holds"},
    # the office overview
    "overview.deadline": {"zh": "按时发布", "en": "published on time"},
    "overview.sections": {"zh": "六个部分", "en": "the six parts"},
    "overview.form": {"zh": "年度格式", "en": "the form of the year"},
    "overview.period": {"zh": "统计期限", "en": "statistical period"},
    "overview.unit_name": {"zh": "单位名称", "en": "unit names"},
    "overview.rows": {"zh": "表格完整", "en": "complete tables"},
    "overview.copied_prose": {"zh": "内容雷同", "en": "copied prose"},
    # office outputs: refusals before any parsing, the files written
    "usage.output_suffix": {"zh": "{path}：无法识别输出文件的扩展名，此命令可写 {expected}",
                            "en": "{path}: unknown output extension; this command writes {expected}"},
    "usage.format_mismatch": {"zh": "--format {format} 与输出文件 {path} 的扩展名不符：只给 -o（按扩展名选择格式），"
                                    "或使二者一致",
                              "en": "--format {format} does not match the extension of {path}: give only -o (the "
                                    "extension chooses), or make them agree"},
    "usage.needs_file": {"zh": "--format {format} 需要用 -o 给出输出文件", "en": "--format {format} needs -o FILE"},
    "output.written": {"zh": "gipextract：已写入 {path}", "en": "gipextract: written to {path}"},
    # office outputs: compare
    "compare.head": {"zh": "{unit}：{old_year} 年 → {new_year} 年", "en": "{unit}: {old_year} → {new_year}"},
    "compare.forms": {"zh": "表格格式：{old} 年版 → {new} 年版（结转衔接两版相同；只对比两版含义相同的单元格）",
                      "en": "forms: {old} → {new} (the carry-over rows are the same in both; only cells of the same "
                            "meaning are compared)"},
    "compare.repetition": {"zh": "与上一年度报告的文字重复（第{parts}部分）：{share}（{repeated} / {chars} 字）",
                           "en": "prose repeated from last year's report (part {parts}): {share} ({repeated} of "
                                 "{chars} characters)"},
    "compare.no_prose": {"zh": "与上一年度报告的文字重复：本年报告第{parts}部分没有文字，无法比较",
                         "en": "prose repeated from last year's report: part {parts} of this year's report holds no "
                               "text to compare"},
    "compare.passage": {"zh": "第{part}部分：“{text}”", "en": "part {part}: “{text}”"},
    # office outputs: the district form (inside its 【请填写：…】 placeholders)
    "form.roster": {"zh": "核实后删除本段——{message}", "en": "check, then delete this paragraph: {message}"},
    "form.open_cells": {"zh": "{input}有 {count} 个单元格{status}，本表中这些单元格汇总时空缺（红色底纹），请该单位核实后"
                              "补填：{listed}",
                        "en": "{input} leaves {count} cell(s) {status}; the sum leaves them open in this table (red): "
                              "ask the unit, then fill in: {listed}"},
    "form.identity": {"zh": "核实后改正（黄色底纹）——{message}", "en": "check and correct (yellow): {message}"},
    # office outputs: the workbooks
    "office.unit": {"zh": "单位", "en": "unit"},
    "office.file": {"zh": "文件", "en": "file"},
    "office.year": {"zh": "年度", "en": "year"},
    "office.severity": {"zh": "级别", "en": "severity"},
    "office.code": {"zh": "代码", "en": "code"},
    "office.message": {"zh": "问题", "en": "message"},
    "office.sum": {"zh": "合计", "en": "sum"},
    "office.sum_of": {"zh": "合计（{count} 份报告）", "en": "sum of {count} reports"},
    "office.unreported": {"zh": "未报送", "en": "no report"},
    "office.open_in": {"zh": "汇总时空缺：此格未能确定的报告：{listed}", "en": "open in the sum: undetermined in {listed}"},
    "office.identity": {"zh": "勾稽关系不成立：{identity}（{about}）：左边 {left_sum}，右边 {right_sum}，相差 {difference}",
                        "en": "identity fails: {identity} ({about}): left {left_sum}, right {right_sum}, difference "
                              "{difference}"},
    "office.unit_difference": {"zh": "{unit} 相差 {difference}", "en": "{unit}: difference {difference}"},
    "office.from_units": {"zh": "来自：{listed}", "en": "from: {listed}"},
    "office.status.missing": {"zh": "无法确定", "en": "undetermined"},
    "office.status.ambiguous": {"zh": "有多种可能：{listed}", "en": "ambiguous: {listed}"},
    "office.status.inferred": {"zh": "原文未印出，由勾稽关系推定", "en": "not printed; inferred from the identities"},
    "office.findings_sheet": {"zh": "问题清单", "en": "findings"},
    "office.legend_sheet": {"zh": "说明", "en": "legend"},
    "office.colour": {"zh": "颜色", "en": "colour"},
    "office.meaning": {"zh": "含义", "en": "meaning"},
    "office.legend.open": {"zh": "无法确定或有多种可能的单元格（批注写明原因和候选值；合计行写明是哪些单位的）",
                           "en": "an undetermined or ambiguous cell (the comment says why, with the candidates; on the "
                                 "sum, which units')"},
    "office.legend.inferred": {"zh": "原文未印出、由勾稽关系推定的单元格", "en": "not printed: inferred from the identities"},
    "office.legend.broken": {"zh": "勾稽关系不成立的单元格（批注写明勾稽关系、两边之和与相差多少；合计行写明各单位相差多少）",
                             "en": "a cell of a broken identity (the comment gives the identity, both sides and the "
                                   "difference; on the sum, each unit's difference)"},
    "office.legend.culprit": {"zh": "可能出错的单元格：同时出现在多条不成立的勾稽关系中",
                              "en": "the likely culprit: in several broken identities"},
    "office.legend.unreported": {"zh": "名单中没有报告的单位", "en": "a unit on the list without a report"},
    "office.legend.confirmed": {"zh": "经人工确认的单元格", "en": "a cell confirmed by a person"},
    "overview.identities": {"zh": "勾稽关系", "en": "identities"},
    "overview.reading": {"zh": "表格读取", "en": "reading the tables"},
    "overview.readable": {"zh": "文件读取", "en": "reading the file"},
    "overview.sheet": {"zh": "核查总览", "en": "overview"},
    "overview.details_sheet": {"zh": "问题清单", "en": "findings"},
    "overview.needs_fixing": {"zh": "需要修改", "en": "to fix"},
    "overview.yes": {"zh": "是", "en": "yes"},
    "overview.no": {"zh": "否", "en": "no"},
    "overview.result.ok": {"zh": "无问题", "en": "ok"},
    "overview.result.info": {"zh": "提示", "en": "info"},
    "overview.result.warning": {"zh": "警告", "en": "warning"},
    "overview.result.error": {"zh": "错误", "en": "error"},
    "overview.legend.error": {"zh": "错误：须修改后才能发布（勾稽关系不成立、逾期发布、缺少部分、格式用错等）",
                              "en": "error: fix before publishing (a broken identity, late, a part missing, the wrong "
                                    "form …)"},
    "overview.legend.warning": {"zh": "警告：请核实（推定或无法确定的单元格、标题或期限有出入、疑似照抄等）",
                                "en": "warning: check it (inferred or undetermined cells, a title or period that "
                                      "disagrees, copied text …)"},
    "overview.legend.info": {"zh": "提示：未能检查或仅供参考（如未找到发布日期）",
                             "en": "info: not checked, or for reference (no publication date found …)"},
    "overview.legend.ok": {"zh": "无问题", "en": "nothing found"},
    "overview.col.document": {"zh": "文件", "en": "document"},
    "overview.col.unit": {"zh": "单位", "en": "unit"},
    "overview.col.year": {"zh": "年度", "en": "year"},
    "overview.col.check": {"zh": "核查项目代码", "en": "check"},
    "overview.col.check_label": {"zh": "核查项目", "en": "check_label"},
    "overview.col.rule": {"zh": "依据", "en": "rule"},
    "overview.col.result": {"zh": "结果", "en": "result"},
    "overview.col.codes": {"zh": "问题代码", "en": "codes"},
    "overview.col.messages": {"zh": "说明", "en": "messages"},
}

# The report page, the local page and decisions on cells: their own catalogue file.
from .desk import DESK_UI  # noqa: E402

UI.update(DESK_UI)
