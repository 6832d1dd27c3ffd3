"""The district form: a sum of reports written as the national form, in Word (.docx).

The three tables follow the official layout (table 二's blocks with their captions, table
三's three header rows and merged label columns, table 四's two header levels), laid out
from the template's own labels. Everything the sum cannot say is a visible placeholder
(``【请填写：…】``), never invented text: the unit and year when unknown, the prose of parts
一, 五 and 六, and after each table what the clerk has to settle before the form is handed
on: the cells the sum leaves open (written empty and shaded red) with the units that have to
determine them, and each identity the sum breaks (its cells shaded yellow) with the units
whose own figures break it. A roster's warnings (units that did not report) follow the
title. Every other paragraph is the form's own text.
"""
from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ..messages import say
from ..report import Finding, Report
from ..templates import TableSpec, Template, get
from ..templates.labels import cell_label
from .district import marked_cells

PLACEHOLDER = "【请填写：{}】"
PARTS = (("一", "总体情况", "本单位本年度政府信息公开工作的总体情况"),
         ("二", "主动公开政府信息情况", None), ("三", "收到和处理政府信息公开申请情况", None),
         ("四", "政府信息公开行政复议、行政诉讼情况", None),
         ("五", "存在的主要问题及改进情况", "存在的主要问题及改进情况"),
         ("六", "其他需要报告的事项", "其他需要报告的事项"))
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORG_COLUMNS = ("commercial", "research", "social_welfare", "legal_service", "other_org")
WIDE_ROWS = ("new_received", "carried_over", "carried_forward")  # labels across all three label columns
OPEN_FILL = "FF9999"
BROKEN_FILL = "FFE699"
MAX_LISTED = 20  # cells named in one placeholder; the rest are counted


def form_docx(total: Report) -> bytes:
    """``total``'s values in the national form, as the bytes of a .docx file."""
    from docx import Document

    template = get(total.template)
    broken = {ref for f in total.findings if f.code in ("aggregate_identity", "identity") for ref in marked_cells(f)}
    # Each value cell with its fill: red where the sum is open, yellow where it breaks an identity.
    values = {(c.table, c.row, c.column): (c.value, OPEN_FILL if c.value is None else
                                           BROKEN_FILL if c.ref in broken else None) for c in total.cells}
    doc = Document()
    _page(doc)
    unit = total.info.unit or PLACEHOLDER.format("单位名称")
    year = total.info.year or PLACEHOLDER.format("年度")
    doc.add_heading(f"{unit}{year}年政府信息公开工作年度报告", level=0)
    for f in total.findings:
        if f.code in ("aggregate_unreported", "aggregate_unlisted"):
            doc.add_paragraph(PLACEHOLDER.format(say("form.roster", "zh", message=f.text("zh"))))
    tables = {"二": "proactive", "三": "requests", "四": "appeals"}
    for number, name, ask in PARTS:
        doc.add_heading(f"{number}、{name}", level=1)
        if ask is not None:
            doc.add_paragraph(PLACEHOLDER.format(ask))
            continue
        key = tables[number]
        _TABLES[key](doc, template, template.table(key), values)
        _widths(doc.tables[-1], _WIDTHS[(key, template.id)])
        for line in to_settle(total, key):
            doc.add_paragraph(PLACEHOLDER.format(line))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_settle(total: Report, table: str) -> list[str]:
    """What the clerk has to settle in ``table`` before the form is handed on, one line each:
    per input its open cells of the table, then each identity of the table the sum breaks."""
    out = []
    prefix = f"{table}."
    for f in total.findings:
        refs = [c for c in f.cells if c.startswith(prefix)]
        if not refs:
            continue
        if f.code == "aggregate_open":
            out.append(say("form.open_cells", "zh", input=f.args["input"], count=len(refs), status=f.args["status"],
                           listed=_cell_list(total.template, refs)))
        elif f.code in ("aggregate_identity", "identity") and _table_of(f, total.template) == table:
            out.append(say("form.identity", "zh", message=f.text("zh")))
    return out


def _table_of(f: Finding, template_id: str) -> str:
    return get(template_id).identity(f.args["identity"]).table


def _cell_list(template_id: str, refs: list[str]) -> str:
    shown = "、".join(cell_label(template_id, r) for r in refs[:MAX_LISTED])
    return shown + (f"等 {len(refs)} 个" if len(refs) > MAX_LISTED else "")


# Column widths (cm) for an A4 page with 2.5 cm margins: 16 cm of text width.
_WIDTHS = {("proactive", "2021"): [4.0] + [4.0] * 3, ("proactive", "2019"): [4.0] + [2.0] * 6,
           ("requests", "2021"): [1.2, 1.8, 4.6] + [1.2] * 7, ("requests", "2019"): [1.2, 1.8, 4.6] + [1.2] * 7,
           ("appeals", "2021"): [16 / 15] * 15, ("appeals", "2019"): [16 / 15] * 15}


def _page(doc: Any) -> None:
    """A4 with 2.5 cm margins, and a Chinese font for the East Asian text (Word's default
    template names only Latin fonts)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
    for name in ("Normal", "Title", "Heading 1"):
        fonts = doc.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "宋体" if name == "Normal" else "黑体")


def _widths(table: Any, cm: list[float]) -> None:
    """Fixed column widths, on every cell (Word reads the cells' widths, LibreOffice the grid's)."""
    from docx.shared import Cm

    table.autofit = False
    for i, col in enumerate(table.columns):
        col.width = Cm(cm[i])
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(cm[i])


def _show(v: Any) -> str:
    if v is None:
        return ""
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _put(table: Any, r: int, c: int, text: str, *, r2: int | None = None, c2: int | None = None) -> Any:
    cell = table.cell(r, c)
    if r2 is not None or c2 is not None:
        cell = cell.merge(table.cell(r if r2 is None else r2, c if c2 is None else c2))
    cell.text = text
    return cell


def _value(table: Any, r: int, c: int, v: tuple[Any, str | None], *, c2: int | None = None) -> None:
    cell = _put(table, r, c, _show(v[0]), c2=c2)
    if v[1] is not None:
        _shade(cell, v[1])


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{fill}"/>'))


def _proactive(doc: Any, template: Template, spec: TableSpec, values: dict) -> None:
    # Value columns of the grid: 2021 blocks hold 3 or 1 values; 2019 blocks 3 or 2 (six units).
    units = 6 if template.id == "2019" else 3
    groups: list[tuple[str | None, list]] = []
    for row in spec.rows:
        if not groups or groups[-1][0] != row.group:
            groups.append((row.group, []))
        groups[-1][1].append(row)
    nrows = sum(2 + len(rows) for _, rows in groups)
    table = doc.add_table(rows=nrows, cols=1 + units)
    table.style = "Table Grid"
    r = 0
    for group, rows in groups:
        _put(table, r, 0, group or "", c2=units)
        r += 1
        span = units // len(rows[0].columns)
        _put(table, r, 0, "信息内容")
        for i, col in enumerate(rows[0].columns):
            _put(table, r, 1 + i * span, spec.column(col).label, c2=(i + 1) * span)
        r += 1
        for row in rows:
            _put(table, r, 0, row.label or "")
            for i, col in enumerate(row.columns):
                _value(table, r, 1 + i * span, values[(spec.key, row.key, col)], c2=(i + 1) * span)
            r += 1


def _requests(doc: Any, template: Template, spec: TableSpec, values: dict) -> None:
    cols = [c.key for c in spec.columns]
    table = doc.add_table(rows=3 + len(spec.rows), cols=3 + len(cols))
    table.style = "Table Grid"
    _put(table, 0, 0, CORNER, r2=2, c2=2)
    _put(table, 0, 3, "申请人情况", c2=2 + len(cols))
    _put(table, 1, 3, spec.column("natural_person").label, r2=2)
    _put(table, 1, 4, "法人或其他组织", c2=8)
    _put(table, 1, 9, spec.column("total").label, r2=2)
    for i, key in enumerate(ORG_COLUMNS):
        _put(table, 2, 4 + i, spec.column(key).label)
    results = [i for i, row in enumerate(spec.rows) if row.key not in WIDE_ROWS]
    _put(table, 3 + results[0], 0, "三、本年度办理结果", r2=3 + results[-1])
    i = 0
    while i < len(spec.rows):
        row, r = spec.rows[i], 3 + i
        if row.key in WIDE_ROWS:
            _put(table, r, 0, row.label or "", c2=2)
        elif row.group:
            n = sum(1 for other in spec.rows[i:] if other.group == row.group)
            _put(table, r, 1, row.group, r2=r + n - 1)
            for k in range(n):
                _put(table, r + k, 2, spec.rows[i + k].label or "")
                _row_values(table, r + k, spec, spec.rows[i + k].key, cols, values)
            i += n
            continue
        else:
            _put(table, r, 1, row.label or "", c2=2)
        _row_values(table, r, spec, row.key, cols, values)
        i += 1


def _row_values(table: Any, r: int, spec: TableSpec, row: str, cols: list[str], values: dict) -> None:
    for j, col in enumerate(cols):
        _value(table, r, 3 + j, values[(spec.key, row, col)])


def _appeals(doc: Any, template: Template, spec: TableSpec, values: dict) -> None:
    table = doc.add_table(rows=4, cols=15)
    table.style = "Table Grid"
    outcomes = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    _put(table, 0, 0, "行政复议", c2=4)
    _put(table, 0, 5, "行政诉讼", c2=14)
    for i, text in enumerate(outcomes):
        _put(table, 1, i, text, r2=2)
    _put(table, 1, 5, "未经复议直接起诉", c2=9)
    _put(table, 1, 10, "复议后起诉", c2=14)
    for g in range(2):
        for i, text in enumerate(outcomes):
            _put(table, 2, 5 + 5 * g + i, text)
    for i, col in enumerate(spec.columns):
        _value(table, 3, i, values[(spec.key, "all", col.key)])


_TABLES = {"proactive": _proactive, "requests": _requests, "appeals": _appeals}
