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
    "help.check_format": {"zh": "view（默认），或办公室的总览：每个单位每项核查一行（csv、xlsx）",
                          "en": "view (default), or the office's overview: one row per unit and check (csv, xlsx)"},
    "help.check_output": {"zh": "--format csv|xlsx 的输出文件（csv 默认写到标准输出）",
                          "en": "where --format csv|xlsx writes (csv: default stdout)"},
    "help.aggregate": {"zh": "把同一年度的报告相加，得到全区的表格（.json、.xlsx 或 .docx 格式）",
                       "en": "add up the reports of one year into the district's grid (.json, .xlsx or .docx form)"},
    "help.aggregate_output": {"zh": "输出为 OUT.json、OUT.xlsx 或 OUT.docx（默认：屏幕视图）",
                              "en": "OUT.json, OUT.xlsx or OUT.docx (default: the view)"},
    "help.unit": {"zh": "汇总单位的名称（用于表格标题）", "en": "the compiling unit's name (for the form's title)"},
    "help.compare": {"zh": "对比同一单位的两个年度：结转衔接和每个变化的单元格",
                     "en": "compare two years of one unit: the 结转 chain and every changed cell"},
    "help.old": {"zh": "上一年度的报告（或其保存的 JSON）", "en": "last year's report (or its saved JSON)"},
    "help.new": {"zh": "本年度的报告（或其保存的 JSON）", "en": "this year's report (or its saved JSON)"},
    "help.compare_format": {"zh": "view（默认）或 json", "en": "view (default) or json"},
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
}

# The report page, the local page and decisions on cells: their own catalogue file.
from .desk import DESK_UI  # noqa: E402

UI.update(DESK_UI)
