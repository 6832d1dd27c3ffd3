"""The office desk's own lines: the report page, the local page, decisions on cells.

Merged into :data:`gipextract.messages.ui.UI` (lines) and :data:`~.errors.ERRORS` (refusals);
kept apart so that the page's many labels do not crowd the commands' catalogue.
"""
from __future__ import annotations

DESK_UI: dict[str, dict[str, str]] = {
    # decisions (overrides)
    "decision.where": {"zh": "{who}于{when}确认（{basis}）", "en": "confirmed by {who} on {when} ({basis})"},
    # the report page
    "page.title": {"zh": "政府信息公开工作年度报告核查结果", "en": "Annual report check results"},
    "page.made": {"zh": "由 gipextract {version} 生成：共 {count} 份文件，{failed} 份无法读取。本页不联网，可直接打印。",
                  "en": "Made by gipextract {version}: {count} files, {failed} could not be read. This page works "
                        "offline and prints on A4."},
    "page.overview": {"zh": "总览", "en": "Overview"},
    "page.document": {"zh": "文件", "en": "document"},
    "page.unit": {"zh": "单位", "en": "unit"},
    "page.year": {"zh": "年度", "en": "year"},
    "page.form": {"zh": "格式", "en": "form"},
    "page.form_value": {"zh": "{template} 版", "en": "{template} form"},
    "page.cells_summary": {"zh": "单元格", "en": "cells"},
    "page.all_read": {"zh": "全部确定", "en": "all determined"},
    "page.identities": {"zh": "勾稽关系", "en": "identities"},
    "page.unreadable": {"zh": "无法读取", "en": "could not be read"},
    "page.published": {"zh": "发布日期", "en": "published"},
    "page.title_field": {"zh": "标题", "en": "title"},
    "page.from": {"zh": "依据：{text}", "en": "from: {text}"},
    "page.none": {"zh": "未找到", "en": "not found"},
    "page.legend": {"zh": "图例", "en": "Legend"},
    "page.sev.ok": {"zh": "无问题", "en": "fine"},
    "page.sev.info": {"zh": "提示", "en": "notice"},
    "page.sev.warning": {"zh": "警告", "en": "warning"},
    "page.sev.error": {"zh": "错误", "en": "error"},
    "page.findings": {"zh": "核查意见", "en": "Findings"},
    "page.no_findings": {"zh": "没有需要核查的问题", "en": "nothing to check"},
    "page.back": {"zh": "返回总览", "en": "back to the overview"},
    "page.identity_box": {"zh": "勾稽关系不成立：{text}，相差 {difference}", "en": "identity fails: {text}, off by {difference}"},
    "page.culprit": {"zh": "最可能有误的单元格", "en": "the likely culprit"},
    "page.candidates": {"zh": "可能为：{values}", "en": "may be: {values}"},
    "page.cell_tip": {"zh": "{label}：{value}（{state}）{where}", "en": "{label}: {value} ({state}) {where}"},
    "page.state.ok": {"zh": "已读出", "en": "read"},
    "page.state.empty": {"zh": "空白，按0计", "en": "blank, taken as 0"},
    "page.state.inferred": {"zh": "由勾稽关系推定", "en": "inferred from the identities"},
    "page.state.ambiguous": {"zh": "有多种可能", "en": "ambiguous"},
    "page.state.missing": {"zh": "无法确定", "en": "undetermined"},
    "page.state.confirmed": {"zh": "人工确认", "en": "confirmed by a person"},
    "page.state.broken": {"zh": "勾稽关系不成立", "en": "in a failing identity"},
    "page.no_value": {"zh": "（无值）", "en": "(no value)"},
    # decisions on the page
    "page.decide": {"zh": "确认数值", "en": "Decide values"},
    "page.decide_help": {"zh": "对无法确定的单元格，可选择一个可能值，或按纸质原件填写数值；填写后点击“下载决定文件”，"
                                "再用 --overrides 文件名 重新读取。",
                         "en": "For an undetermined cell, pick a candidate or type the value from the paper original, "
                               "then download the decisions file and read again with --overrides FILE."},
    "page.who": {"zh": "确认人", "en": "who"},
    "page.why": {"zh": "依据（如：纸质原件第3页）", "en": "why (e.g. the paper original, page 3)"},
    "page.value": {"zh": "数值", "en": "value"},
    "page.cell": {"zh": "单元格", "en": "cell"},
    "page.download": {"zh": "下载决定文件", "en": "download the decisions file"},
    "page.apply": {"zh": "保存决定并重新核查", "en": "save and check again"},
    "page.pick": {"zh": "请选择", "en": "choose"},
    "page.print": {"zh": "打印", "en": "print"},
    # the local page (serve)
    "serve.title": {"zh": "年度报告核查（本机）", "en": "Annual report check (this computer)"},
    "serve.drop": {"zh": "把报告文件（.docx、.pdf、.html、.txt）或整个文件夹拖到这里，或点击选择",
                   "en": "Drop report files (.docx, .pdf, .html, .txt) or a folder here, or click to choose"},
    "serve.folder": {"zh": "选择文件夹", "en": "choose a folder"},
    "serve.chosen": {"zh": "已选择 {{n}} 个文件", "en": "{{n}} files chosen"},
    "serve.check": {"zh": "开始核查", "en": "check"},
    "serve.limits": {"zh": "每次最多 {files} 个文件，合计不超过 {mb} MB；文件只在本机处理，关闭后即删除。",
                     "en": "At most {files} files, {mb} MB in all; files stay on this computer and are removed "
                           "afterwards."},
    "serve.downloads": {"zh": "下载", "en": "Downloads"},
    "serve.overview_xlsx": {"zh": "核查总览（Excel）", "en": "check overview (Excel)"},
    "serve.aggregate_xlsx": {"zh": "汇总表（Excel）", "en": "sums (Excel)"},
    "serve.district_xlsx": {"zh": "汇总工作簿（各单位与合计，Excel）", "en": "the district workbook (units and sums, Excel)"},
    "serve.sums_json": {"zh": "汇总数据（JSON）", "en": "sums (JSON)"},
    "serve.form_docx": {"zh": "汇总年报表格（Word）", "en": "the district form (Word)"},
    "serve.page_html": {"zh": "核查结果页（HTML）", "en": "the report page (HTML)"},
    "serve.overrides": {"zh": "决定文件（JSON）", "en": "decisions file (JSON)"},
    "serve.again": {"zh": "重新上传", "en": "upload again"},
    "serve.listening": {"zh": "gipextract：本机核查页面已启动：{url}（按 Ctrl+C 停止）",
                        "en": "gipextract: the local page is at {url} (Ctrl+C stops it)"},
    "serve.exposed": {"zh": "gipextract：注意：页面监听 {host}，同一网络中的其他电脑也能访问", "en":
                      "gipextract: note: listening on {host}, other computers on the network can reach it"},
    "serve.too_many": {"zh": "文件太多：每次最多 {files} 个", "en": "too many files: at most {files}"},
    "serve.too_large": {"zh": "文件太大：合计不超过 {mb} MB", "en": "too large: {mb} MB in all at most"},
    "serve.nothing": {"zh": "没有收到文件", "en": "no files received"},
    "serve.internal": {"zh": "程序内部错误（{type}），请报告这个问题", "en": "internal error ({type}); please report it"},
    "serve.gone": {"zh": "这次核查的结果已过期，请重新上传", "en": "these results have expired; upload again"},
    "serve.aggregate_refused": {"zh": "无法汇总：{reason}", "en": "cannot add up: {reason}"},
    "usage.overrides": {"zh": "决定文件无法使用：{reason}", "en": "the decisions file cannot be used: {reason}"},
    # the report command
    "usage.report_output": {"zh": "核查结果页须写入 .html 文件（-o 核查报告.html），而不是 {target}",
                            "en": "the report page goes to an .html file (-o report.html), not {target}"},
    "report.done": {"zh": "gipextract：核查结果页已写入 {target}（{count} 份文件）",
                    "en": "gipextract: the report page is in {target} ({count} files)"},
    # help
    "help.report": {"zh": "把报告的核查结果写成一个可离线打开、可打印的网页（.html）",
                    "en": "write the check results as one self-contained page (.html) to open or print"},
    "help.report_output": {"zh": "网页文件（.html），如 核查报告.html", "en": "the page (.html), e.g. report.html"},
    "help.overrides": {"zh": "决定文件（JSON）：人工确认的单元格数值，按文件的 sha256 应用",
                       "en": "a decisions file (JSON): values a person confirmed, applied by the document's sha256"},
    "help.serve": {"zh": "在本机打开核查页面（浏览器访问），上传报告即可核查、下载结果（需要 serve 扩展）",
                   "en": "open the check page on this computer (in a browser): upload reports, download results "
                         "(needs the 'serve' extra)"},
    "help.host": {"zh": "监听地址（默认 127.0.0.1，只有本机可访问）", "en": "address to listen on (default 127.0.0.1: this "
                                                                          "computer only)"},
    "help.port": {"zh": "端口（默认 8765）", "en": "port (default 8765)"},
    "help.max_files": {"zh": "每次上传的最多文件数（默认 200）", "en": "most files per upload (default 200)"},
    "help.max_mb": {"zh": "每次上传的最大总量，MB（默认 200）", "en": "largest upload in MB (default 200)"},
    "help.open": {"zh": "启动后用默认浏览器打开页面", "en": "open the page in the default browser"},
}

DESK_ERRORS: dict[str, dict[str, str]] = {
    "overrides_not_json": {"zh": "决定文件不是有效的 JSON：{detail}", "en": "the decisions file is not valid JSON: {detail}"},
    "overrides_no_list": {"zh": "决定文件应包含 decisions 列表", "en": "the decisions file must hold a list named decisions"},
    "overrides_missing_field": {"zh": "决定文件第 {index} 条缺少字段 {field}",
                                "en": "entry {index} of the decisions file lacks the field {field}"},
    "overrides_bad_cell": {"zh": "决定文件第 {index} 条：没有这个单元格：{cell}",
                           "en": "entry {index} of the decisions file: no such cell: {cell}"},
    "overrides_bad_value": {"zh": "决定文件第 {index} 条：数值 {value} 不是非负整数或金额",
                            "en": "entry {index} of the decisions file: {value} is not a count or an amount"},
    "overrides_bad_sha": {"zh": "决定文件第 {index} 条：sha256 应为 64 位十六进制数",
                          "en": "entry {index} of the decisions file: sha256 must be 64 hexadecimal digits"},
}
