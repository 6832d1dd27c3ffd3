"""Every error code a person can meet: why a file was not read, or a request refused.

The Chinese text never carries a dependency's own (English) message: that stays in the
error's ``detail`` parameter, for programs and the English rendering.
"""
from __future__ import annotations

OCR_EXTRA = "pip install 'gipextract[ocr]'"
CONVERT = "soffice --headless --convert-to docx 文件"

ERRORS: dict[str, dict[str, str]] = {
    # the input itself
    "no_such_file": {"zh": "文件不存在", "en": "no such file"},
    "is_directory": {"zh": "这是文件夹，不是文件", "en": "is a directory, not a file"},
    "not_regular": {"zh": "这是{kind}，不是普通文件", "en": "is a {kind}, not a regular file"},
    "nul_in_path": {"zh": "路径中含有 NUL 字符", "en": "the path holds a NUL byte"},
    "cannot_open": {"zh": "无法打开（系统错误 {errno}）", "en": "cannot be read: {detail}"},
    "stream_not_ready": {"zh": "数据流是非阻塞的，且没有可读的数据（read() 返回 None）；请传入阻塞的流或 bytes",
                         "en": "the stream is non-blocking and had no data ready (read() returned None); pass a "
                               "blocking stream or bytes"},
    "stream_not_bytes": {"zh": "read() 返回的是 {type}，不是 bytes", "en": "read() returned {type}, not bytes"},
    "empty": {"zh": "输入为空", "en": "the input is empty"},
    "too_large": {"zh": "大小为 {size} 字节，超过上限 {limit}（Limits.max_bytes）",
                  "en": "{size} bytes; the limit is {limit} (Limits.max_bytes)"},
    "text_not_path": {"zh": "这是一段文字，不是已存在的文件路径：报告内容请以 bytes（如 parse(文字.encode(\"utf-8\"))）"
                            "或二进制文件对象（open(路径, \"rb\")）传入",
                      "en": "this is text, not the path of an existing file: pass a report's content as bytes "
                            "(parse(text.encode(\"utf-8\"))) or a binary file object (open(path, \"rb\"))"},
    # formats
    "legacy_format": {"zh": "旧版 Word/WPS 二进制文件（.doc/.wps）无法直接读取：请先用 WPS 或 Word“另存为 .docx”，"
                            f"或用 `{CONVERT}` 转换，或加 --convert-legacy（convert_legacy=True）由 LibreOffice 自动转换",
                      "en": "legacy Word/WPS binary files are not read; save it as .docx in WPS or Word, or convert it "
                            "with `soffice --headless --convert-to docx FILE`, or pass convert_legacy=True "
                            "(`--convert-legacy`) to let gipextract call LibreOffice"},
    "no_libreoffice": {"zh": f"旧版 Word/WPS 文件，而本机没有安装 LibreOffice：请先用 WPS 或 Word“另存为 .docx”",
                       "en": "legacy Word/WPS file and LibreOffice is not installed; save it as .docx first"},
    "legacy_timeout": {"zh": "LibreOffice 未能在 {seconds} 秒内完成转换",
                       "en": "LibreOffice did not convert the file within {seconds} s"},
    "legacy_failed": {"zh": "LibreOffice 无法转换这个旧版文件：请用 WPS 或 Word“另存为 .docx”",
                      "en": "LibreOffice could not convert this legacy file; save it as .docx in WPS or Word"},
    "picture_needs_ocr": {"zh": f"图片文件只能经文字识别（OCR）读取：请加 --ocr（ocr=True），并安装扩展：{OCR_EXTRA}",
                          "en": f"image files are read only by OCR: pass ocr=True (`--ocr`) with the extra installed: "
                                f"{OCR_EXTRA}"},
    "ocr_extra_missing": {"zh": f"文字识别（OCR）需要安装扩展：{OCR_EXTRA}",
                          "en": f"reading scans needs the OCR extra: {OCR_EXTRA}"},
    "unsupported_format": {"zh": "{format} 文件不是 gipextract 能读取的格式", "en": "{format} files are not read"},
    "bom_mismatch": {"zh": "字节顺序标记表明是 {encoding} 编码，但无法按此解码",
                     "en": "declares {encoding} by its byte-order mark but does not decode"},
    "undecodable": {"zh": "无法按 UTF-8、UTF-16 或 GB18030 解码（第 {byte} 字节）",
                    "en": "not decodable as UTF-8, UTF-16 or GB18030 (byte {byte})"},
    "binary_in_text": {"zh": "本应是文本的内容中含有二进制数据（NUL 字节）",
                       "en": "binary data (NUL bytes) in what should be text"},
    "html_undecodable": {"zh": "HTML 既不是 UTF-8 编码，也不是 {declared} 编码",
                         "en": "HTML is neither UTF-8 nor {declared}"},
    "html_unparsable": {"zh": "HTML 无法解析", "en": "HTML cannot be parsed: {detail}"},
    "html_empty": {"zh": "HTML 中没有任何元素", "en": "HTML holds no elements"},
    "html_parser_stopped": {"zh": "HTML 解析器在第 {line} 行停止", "en": "the HTML parser stopped at line {line}: {detail}"},
    "docx_not_zip": {"zh": "不是可读的 .docx 文件（zip 包无法打开）", "en": "not a readable .docx (zip): {detail}"},
    "docx_corrupt": {"zh": ".docx 文件包已损坏", "en": "corrupt .docx package: {detail}"},
    "docx_no_document": {"zh": "zip 包中没有 word/document.xml，不是 Word 文档",
                         "en": "a zip file without word/document.xml is not a Word document"},
    "docx_bad_xml": {"zh": "word/document.xml 不是格式正确的 XML", "en": "word/document.xml is not well-formed XML: {detail}"},
    "docx_entities": {"zh": "word/document.xml 声明了 XML 实体，拒绝读取",
                      "en": "word/document.xml declares XML entities; refused"},
    "docx_no_body": {"zh": "word/document.xml 没有正文", "en": "word/document.xml has no body"},
    "pdf_encrypted": {"zh": "PDF 已加密，需要密码", "en": "the PDF is encrypted and needs a password"},
    "pdf_unreadable": {"zh": "不是可读的 PDF 文件", "en": "not a readable PDF: {detail}"},
    "pdf_no_text": {"zh": "没有一页有可用的文字层：{notices}", "en": "no page has a usable text layer: {notices}"},
    "not_an_image": {"zh": "不是可读的 PNG、JPEG 或 TIFF 图片", "en": "not a readable PNG, JPEG or TIFF image"},
    "image_too_large": {"zh": "第 {index} 张图片为 {width}×{height} 像素，最多读取 6000 万像素",
                        "en": "image {index} is {width}×{height} pixels; at most 60 million are read"},
    "dependency_error": {"zh": "无法读取（读取 {format} 时出错：{type}）", "en": "{type}: {detail}"},
    # no report
    "no_tables": {"zh": "未找到年度报告的统计表：文中没有任何一种格式的表格行名{notes}",
                  "en": "no report tables found: neither form's table labels are in the document{notes}"},
    "older_report": {"zh": "{year}年度报告早于国家统一表格（2019年起）：没有全国统一的统计表",
                     "en": "a {year} report, before the national tables of 2019: it has no national-form tables to read"},
    "blank_form": {"zh": "统计表都在，但没有印出任何数值（空白表格？）",
                   "en": "the report tables are there but print no values (a blank form?)"},
    # limits
    "timeout": {"zh": "读取时间超过 {seconds} 秒（Limits.max_seconds）",
                "en": "reading took longer than {seconds} s (Limits.max_seconds)"},
    "limit": {"zh": "{what}为 {value}，超过上限 {limit}（Limits.{setting}）",
              "en": "{what}: {value} exceeds the limit of {limit} (Limits.{setting})"},
    "out_of_memory": {"zh": "{stage}时{memory}耗尽", "en": "{stage}: ran out of {memory}"},
    "worker_timeout": {"zh": "读取超过 {seconds} 秒，已被终止（Limits.max_seconds 加上 parse_many 的宽限时间）",
                       "en": "reading took longer than {seconds} s and was stopped (Limits.max_seconds plus the grace "
                             "of parse_many)"},
    "worker_memory": {"zh": "读取时内存耗尽（工作进程的内存上限）",
                      "en": "ran out of memory reading it (the worker's memory cap)"},
    "worker_died": {"zh": "读取它的工作进程两次意外退出（{how}；内存不足？）",
                    "en": "the worker process reading it died twice ({how}; out of memory?)"},
    "internal": {"zh": "程序内部错误（{stage}：{type}），请报告这个问题", "en": "{stage}: internal error {type}: {detail}"},
    # refusals of the commands that take several reports
    "different_forms": {"zh": "报告的表格格式不同（{found} 年版，括号内为各报告的格式）：{names}",
                        "en": "the reports use different forms ({found}; each report's form in brackets): {names}"},
    "different_years": {"zh": "报告的年度不同（括号内为各报告的年度）：{names}",
                        "en": "the reports are of different years (each report's year in brackets): {names}"},
    "same_document": {"zh": "同一份文件给了两次：{first} 与 {second}（sha256 {digest}…）",
                      "en": "the same document is given twice: {first} and {second} (sha256 {digest}…)"},
    "nothing_to_add": {"zh": "没有可汇总的报告", "en": "aggregate() needs at least one report"},
    "missing_extra": {"zh": "{feature}需要安装扩展：pip install 'gipextract[{extra}]'",
                      "en": "{feature} needs the extra: pip install 'gipextract[{extra}]'"},
    "not_a_saved_report": {"zh": "不是保存的报告（JSON）", "en": "not a saved report"},
    "error_record": {"zh": "这是一条读取失败的记录，不是报告：{message}", "en": "not a saved report (an error record: {message})"},
    "unknown_schema": {"zh": "未知的 schema {schema}；本版本读取 schema {supported}",
                       "en": "unknown schema {schema}; this version reads schema {supported}"},
    # office outputs: the district's list of units (aggregate --units)
    "roster_format": {"zh": "单位名单须为 .txt（每行一个单位）、.csv 或 .xlsx（第一列为单位名称）",
                      "en": "the list of units must be a .txt (one unit per line), .csv or .xlsx (units in the first "
                            "column)"},
    "roster_unreadable": {"zh": "无法读取单位名单（文件已损坏，或不是它的扩展名所示的格式）",
                          "en": "the list of units cannot be read (damaged, or not the format its name says)"},
    "roster_empty": {"zh": "单位名单中没有单位名称", "en": "the list of units names no unit"},
    "bad_level": {"zh": "层级应为 government、department、township 或 subdistrict，而不是 {level}",
                  "en": "level must be one of government, department, township, subdistrict, not {level}"},
    "bad_deadline": {"zh": "期限应写作“月-日”（如 03-31），而不是 {deadline}",
                     "en": "deadline must be a day of the year as 'MM-DD', not {deadline}"},
}

from .desk import DESK_ERRORS  # noqa: E402 - the office desk's refusals, kept with its lines

ERRORS.update(DESK_ERRORS)
