"""XLSX export that keeps the validation: numbers as numbers, each cell that is not ``ok``
coloured by its status with its reason as a comment, a 核查 (findings) sheet, failed inputs."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .. import templates
from ..messages import Lang, show
from ..read.source import display_path
from ..report import Report, Result

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


def _reasons(report: Report, lang: Lang) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in report.cells:
        if c.status == "ok":
            continue
        why = STATUS_ZH[c.status]
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
