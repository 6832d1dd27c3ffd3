"""XLSX exports that keep the validation: numbers as numbers, each cell that is not ``ok``
coloured by its status with its reason as a comment.

:func:`write_workbook` is the parse command's workbook: the tidy tables (``reports``,
``cells``, ``findings``, optionally ``indicators``), one sheet each with one header row, so
``pd.read_excel`` types its columns. :func:`write_xlsx` is the wide layout (one sheet per
table and form, one row per report, a second header row of Chinese labels) that the
district's sum is written in.
"""
from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any, Iterable, Iterator

from .. import templates
from ..messages import Lang, show
from ..read.source import display_path
from ..report import Report, Result
from .tables import TABLES, columns
from .tables import records as table_records

# Fill colours by status (ok cells stay plain): the reader sees at a glance what was printed.
FILLS = {"empty": "EDEDED", "inferred": "FFF2CC", "ambiguous": "F8CBAD", "missing": "FF9999"}
STATUS_ZH = {"empty": "原文留空（按 0 计）", "inferred": "由勾稽关系推定", "ambiguous": "有多种可能",
             "missing": "无法确定"}
FINDINGS_SHEET = "核查"
LEGEND_SHEET = "说明"


def write_xlsx(results: Iterable[Result], path: str, lang: Lang = "zh") -> Iterator[Result]:
    """One sheet per table and form (one row per report, one column per cell), a 核查 sheet of
    findings, an ``errors`` sheet for failed inputs; yields each result once added. Writes in
    openpyxl's streaming mode, so memory stays flat; the file appears when the workbook is saved."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    wb = Workbook(write_only=True)
    fills = {k: PatternFill("solid", start_color=v, end_color=v) for k, v in FILLS.items()}
    legend = wb.create_sheet(LEGEND_SHEET)
    sheets: dict[str, Any] = {}
    findings = wb.create_sheet(FINDINGS_SHEET)
    findings.append(["document", "unit", "year", "severity", "code", "cells", "message"])
    errors = None

    def styled(ws: Any, value: Any, status: str | None = None, reason: str | None = None) -> Any:
        cell = WriteOnlyCell(ws, value=value)
        if status in fills:
            cell.fill = fills[status]
            cell.comment = Comment(reason or STATUS_ZH[status], "gipextract")
        return cell

    for result in results:
        report = result.report
        if report is None:
            if errors is None:
                errors = wb.create_sheet("errors")
                errors.append(["document", "error"])
            errors.append([display_path(result.path), f"{result.error_type}: {result.error.message(lang) if result.error else ''}"])
            yield result
            continue
        doc = display_path(report.source.path)
        reasons = _reasons(report, lang)
        t = templates.get(report.template)
        by_key = {(c.table, c.row, c.column): c for c in report.cells}
        for table in t.tables:
            name = f"{table.key}_{t.id}"
            keys = [(r.key, c) for r in table.rows for c in r.columns]
            if name not in sheets:
                ws = sheets[name] = wb.create_sheet(name)
                ws.append([WriteOnlyCell(ws, value=v) for v in
                           ["document", "sha256", "unit", "year", "template"] + [f"{r}.{c}" for r, c in keys]])
                head = [f"{table.row(r).label or ''} {table.column(c).label}".strip() for r, c in keys]
                ws.append(["", "", "", "", ""] + head)
            ws = sheets[name]
            row = [doc, report.source.sha256, report.info.unit, report.info.year, report.template]
            for r, c in keys:
                cell = by_key[(table.key, r, c)]
                status = None if cell.status == "ok" else cell.status
                # Decimal goes in as a number: openpyxl writes its exact digits into the sheet XML.
                row.append(styled(ws, cell.value, status, reasons.get(cell.ref)))
            ws.append(row)
        for f in report.findings:
            findings.append([doc, report.info.unit, report.info.year, f.severity, f.code, " ".join(f.cells),
                             f.text(lang)])
        yield result
    for line in _legend(lang):
        legend.append([styled(legend, text, status) for text, status in line])
    wb.save(path)


MAX_TEXT = 32767  # characters an Excel cell holds
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot hold


def write_workbook(results: Iterable[Result | Report], path: str, lang: Lang = "zh",
                   indicators: bool = False) -> Iterator[Result | Report]:
    """The tidy tables as sheets ``reports``, ``cells``, ``findings`` (and ``indicators``),
    each with one header row of column names, and a 说明 sheet explaining the colours; yields
    each item once added. Failed inputs keep their row in ``reports`` (and ``cells``). In
    the ``cells`` sheet a value that is not ``ok`` is coloured by its status, with its reason
    as a comment. Streams (openpyxl's write-only mode); the file appears when saved."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    from .indicators import report_indicators, with_previous

    wb = Workbook(write_only=True)
    fills = {k: PatternFill("solid", start_color=v, end_color=v) for k, v in FILLS.items()}
    names = TABLES + (("indicators",) if indicators else ())
    sheets = {name: wb.create_sheet(name) for name in names}
    for name, ws in sheets.items():
        ws.append(columns(name))
    value_at = columns("cells").index("value")

    def cell(ws: Any, value: Any) -> Any:
        if isinstance(value, str):
            value = _ILLEGAL.sub("", value)[:MAX_TEXT]
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        return c

    figures: list[list[Any]] = []
    for item in results:
        report = item.report if isinstance(item, Result) else item
        reasons = _reasons(report, lang) if report is not None else {}
        for name in TABLES:
            ws = sheets[name]
            for rec in table_records(item, name, lang):
                row = [cell(ws, v) for v in rec.values()]
                status = rec.get("status") if name == "cells" else None
                if status in fills:
                    row[value_at].fill = fills[status]
                    ref = f"{rec['table']}.{rec['row']}.{rec['column']}"
                    row[value_at].comment = Comment(reasons.get(ref) or STATUS_ZH[status], "gipextract")
                ws.append(row)
        if indicators and report is not None:
            figures.append(report_indicators(report, lang))
        yield item
    if indicators:
        for f in with_previous(figures):
            sheets["indicators"].append([cell(sheets["indicators"], v) for v in asdict(f).values()])
    legend = wb.create_sheet(LEGEND_SHEET)
    legend.append(["status", "说明"])
    for status, meaning in [("ok", "原文印出的数值（无底色）"), *STATUS_ZH.items()]:
        value = WriteOnlyCell(legend, value=status)
        if status in fills:
            value.fill = fills[status]
        legend.append([value, meaning])
    wb.save(path)


def _reasons(report: Report, lang: Lang) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in report.cells:
        if c.status == "ok":
            continue
        why = STATUS_ZH.get(c.status, c.status)
        if c.candidates:
            why += "：可能为 " + "、".join(show(v) for v in c.candidates)
        if c.note:
            why += f"（{c.note}）"
        out[c.ref] = why
    for f in report.findings:
        message = f.text(lang)
        for ref in f.cells:
            if ref in out and message not in out[ref] and len(out[ref]) < 900:
                out[ref] += "\n" + message[:400]
    return out


def _legend(lang: Lang) -> list[list[tuple[str, str | None]]]:
    rows: list[list[tuple[str, str | None]]] = [[("每个单元格的状态（颜色）", None)]]
    rows += [[(f"{k}：{v}", k)] for k, v in STATUS_ZH.items()]
    rows += [[("ok：原文印出的数值（无底色）", None)], [(f"各条核查结果见“{FINDINGS_SHEET}”工作表", None)]]
    return rows
