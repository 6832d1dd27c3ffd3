"""The district's workbook (``aggregate -o 区.xlsx``): what a clerk opens in Excel or WPS.

One sheet per table of the form (表二, 表三, 表四), headed as the form prints it in two levels
(the row's label over its columns, then the column's label); one row per unit's report, the
units on the list that did not report (grey), and the sum. Cells are marked where the clerk
has to act, each with a comment saying why: red where a value is not determined (the sum's
comment names the units responsible), blue where the identities inferred it, yellow where the
figures break an identity (the identity, both sides, the difference; on the sum, each unit's
own difference), orange for the likely culprit (a cell in several broken identities). A
问题清单 sheet lists every error and warning by unit, and 说明 explains the colours. Header
rows and the unit columns are frozen; widths are set. Needs openpyxl.
"""
from __future__ import annotations

from typing import Any, Sequence

from ..messages import Lang, say, show, where
from .problems import culprits
from ..report import Cell, Finding, Report
from ..templates import get
from ..templates.labels import cell_label, cell_labels, table_name
from .district import identity_differences, input_name, marked_cells

RED, BLUE, YELLOW, ORANGE, GREY, GREEN = "FFC7CE", "DDEBF7", "FFEB9C", "F4B084", "D9D9D9", "C6EFCE"
HEAD = "F2F2F2"
UNIT_WIDTH, FILE_WIDTH, VALUE_WIDTH = 24, 34, 11
AUTHOR = "gipextract"


def fill(color: str) -> Any:
    """A solid fill of ``color`` (RGB hex)."""
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


def comment(text: str) -> Any:
    """A cell comment, sized to show a few lines without opening it."""
    from openpyxl.comments import Comment

    c = Comment(text[:30000], AUTHOR)
    c.width, c.height = 360, min(400, 60 + 18 * (text.count("\n") + len(text) // 40))
    return c


def header_cell(ws: Any, row: int, col: int, text: str) -> Any:
    """A bold, wrapped, centred header cell on a light grey ground."""
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=row, column=col, value=text)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    cell.fill = fill(HEAD)
    return cell


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    """Column widths, from column A."""
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _headers(template_id: str, table: str, lang: Lang) -> list[tuple[tuple[str, str, str], str, str]]:
    """Each value cell of ``table`` with its two header levels: the row's label (or, in table
    四, the column's group) over the column's own label."""
    out = []
    for key, (row_label, col_label) in cell_labels(template_id, lang).items():
        if key[0] != table:
            continue
        if row_label:
            out.append((key, row_label, col_label.split(" / ")[-1]))
        else:  # table 四: one unlabelled row; its columns are 行政复议 结果维持 …
            top, _, low = col_label.rpartition(" ")
            out.append((key, top or col_label, low if top else ""))
    return out


def write_district(reports: Sequence[Report], total: Report, path: str, lang: Lang = "zh",
                   unreported: Sequence[str] = ()) -> None:
    """The district's workbook at ``path``: ``reports`` (one row each), the ``unreported``
    units of a roster (grey rows) and their sum ``total`` (from :func:`.district.aggregate`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    template = get(total.template)
    for spec in template.tables:
        ws = wb.create_sheet(table_name(spec.key, lang))
        heads = _headers(template.id, spec.key, lang)
        header_cell(ws, 1, 1, say("office.unit", lang))
        header_cell(ws, 1, 2, say("office.file", lang))
        ws.merge_cells(start_row=1, end_row=2, start_column=1, end_column=1)
        ws.merge_cells(start_row=1, end_row=2, start_column=2, end_column=2)
        start = 0
        for i, (_, top, low) in enumerate(heads):
            header_cell(ws, 2, 3 + i, low)
            if i + 1 == len(heads) or heads[i + 1][1] != top:
                header_cell(ws, 1, 3 + start, top)
                if i > start:
                    ws.merge_cells(start_row=1, end_row=1, start_column=3 + start, end_column=3 + i)
                start = i + 1
        ws.row_dimensions[1].height = 48
        ws.row_dimensions[2].height = 36
        keys = [k for k, _, _ in heads]
        r = 3
        for report in reports:
            _unit_row(ws, r, report, keys, lang)
            r += 1
        for name in unreported:
            ws.cell(row=r, column=1, value=name).fill = fill(GREY)
            ws.cell(row=r, column=2, value=say("office.unreported", lang)).fill = fill(GREY)
            for j in range(len(keys)):
                ws.cell(row=r, column=3 + j).fill = fill(GREY)
            r += 1
        _sum_row(ws, r, total, reports, keys, lang)
        for cell in ws[r]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "C3"
        set_widths(ws, [UNIT_WIDTH, FILE_WIDTH] + [VALUE_WIDTH] * len(keys))
    _findings_sheet(wb, reports, total, lang)
    _legend_sheet(wb, lang)
    wb.save(path)


def _unit_row(ws: Any, r: int, report: Report, keys: list, lang: Lang) -> None:
    ws.cell(row=r, column=1, value=report.info.unit or "—")
    ws.cell(row=r, column=2, value=report.source.path or report.source.sha256[:12])
    cells = {(c.table, c.row, c.column): c for c in report.cells}
    notes = _identity_notes(report, report.findings, lang)
    for j, key in enumerate(keys):
        c = cells[key]
        _value_cell(ws.cell(row=r, column=3 + j), c, notes.get(c.ref), lang)


def _sum_row(ws: Any, r: int, total: Report, reports: Sequence[Report], keys: list, lang: Lang) -> None:
    ws.cell(row=r, column=1, value=total.info.unit or say("office.sum", lang))
    ws.cell(row=r, column=2, value=say("office.sum_of", lang, count=len(reports)))
    cells = {(c.table, c.row, c.column): c for c in total.cells}
    open_in = [{(c.table, c.row, c.column) for c in rep.cells if c.value is None} for rep in reports]
    failed = [f for f in total.findings if f.code == "aggregate_identity"]
    notes = _identity_notes(total, failed, lang)
    for f in failed:  # each unit's own difference, on every cell of the identity
        by = "；".join(say("office.unit_difference", lang, unit=input_name(reports[i]), difference=d)
                      for i, d in identity_differences(f, reports))
        for ref in marked_cells(f):
            notes.setdefault(ref, (YELLOW, []))[1].append(say("office.from_units", lang, listed=by))
    for j, key in enumerate(keys):
        c = cells[key]
        note = notes.get(c.ref)
        if c.value is None:
            names = [input_name(rep) for rep, gaps in zip(reports, open_in) if key in gaps]
            note = (RED, [say("office.open_in", lang, listed="、".join(names))])
        _value_cell(ws.cell(row=r, column=3 + j), c, note, lang)


def _identity_notes(report: Report, findings: Sequence[Finding], lang: Lang) -> dict[str, tuple[str, list[str]]]:
    """Cell → (fill, comment lines) for every cell of a broken identity: the identity, its
    sides and difference; the likely culprit orange, with why."""
    failed = [f for f in findings if f.code in ("identity", "aggregate_identity") and "left" in f.args]
    out: dict[str, tuple[str, list[str]]] = {}
    for f in failed:
        line = say("office.identity", lang, identity=f.args["identity"], where=f.args["where"],
                   template_id=report.template, left_sum=f.args["left_sum"], right_sum=f.args["right_sum"],
                   difference=f.args["difference"])
        for ref in marked_cells(f):
            out.setdefault(ref, (YELLOW, []))[1].append(line)
    values = {c.ref: c.value for c in report.cells}
    for ref, n in culprits(failed):
        lines = out[ref][1] if ref in out else []
        lines.append(say("check.culprit", lang, cell=cell_label(report.template, ref, lang), value=show(values[ref]),
                         at="", count=n))
        out[ref] = (ORANGE, lines)
    return out


def _value_cell(cell: Any, c: Cell, note: tuple[str, list[str]] | None, lang: Lang) -> None:
    cell.value = c.value
    lines = list(note[1]) if note else []
    color = note[0] if note else None
    if c.value is None:
        color = RED
        if c.status in ("missing", "ambiguous") and not lines:
            lines.append(say(f"office.status.{c.status}", lang, listed="、".join(show(v) for v in c.candidates)))
    elif c.status == "inferred" and color is None:
        color = BLUE
        lines.insert(0, say("office.status.inferred", lang))
    elif c.status == "confirmed" and color is None:
        color = GREEN
        lines.insert(0, where(c.source, lang))
    if color:
        cell.fill = fill(color)
    if lines:
        cell.comment = comment("\n".join(dict.fromkeys(x for x in lines if x)))


def _findings_sheet(wb: Any, reports: Sequence[Report], total: Report, lang: Lang) -> None:
    ws = wb.create_sheet(say("office.findings_sheet", lang))
    heads = [say(f"office.{k}", lang) for k in ("unit", "file", "severity", "code", "message")]
    for i, text in enumerate(heads, start=1):
        header_cell(ws, 1, i, text)
    colors = {"error": RED, "warning": YELLOW, "info": BLUE}
    rows = [(r.info.unit or "—", r.source.path or r.source.sha256[:12], f) for r in reports for f in r.findings]
    rows += [(total.info.unit or say("office.sum", lang), say("office.sum_of", lang, count=len(reports)), f)
             for f in total.findings]
    n = 2
    for unit, doc, f in rows:
        if f.severity not in ("error", "warning"):
            continue
        for i, v in enumerate((unit, doc, say(f"overview.result.{f.severity}", lang), f.code, f.text(lang)), start=1):
            ws.cell(row=n, column=i, value=v)
        ws.cell(row=n, column=3).fill = fill(colors[f.severity])
        n += 1
    ws.freeze_panes = "A2"
    set_widths(ws, [UNIT_WIDTH, FILE_WIDTH, 8, 22, 100])


def _legend_sheet(wb: Any, lang: Lang) -> None:
    ws = wb.create_sheet(say("office.legend_sheet", lang))
    header_cell(ws, 1, 1, say("office.colour", lang))
    header_cell(ws, 1, 2, say("office.meaning", lang))
    for i, (color, key) in enumerate(((RED, "open"), (BLUE, "inferred"), (YELLOW, "broken"), (ORANGE, "culprit"),
                                      (GREY, "unreported"), (GREEN, "confirmed")), start=2):
        ws.cell(row=i, column=1).fill = fill(color)
        ws.cell(row=i, column=2, value=say(f"office.legend.{key}", lang))
    set_widths(ws, [10, 100])
