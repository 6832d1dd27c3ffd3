"""Tidy exports: one record per cell; CSV streams, XLSX sheets, pandas frames."""
from __future__ import annotations

import csv
from decimal import Decimal
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from . import templates
from .report import Report, json_value

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .batch import Result

RECORD_FIELDS = ("document", "unit", "year", "template", "table", "row", "column", "row_label", "column_label",
                 "value", "status", "error")


@lru_cache(maxsize=None)
def labels(template_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Chinese (row label, column label) of every cell of a template."""
    t = templates.get(template_id)
    out = {}
    for table in t.tables:
        for row in table.rows:
            for col in row.columns:
                out[(table.key, row.key, col)] = (row.label or "", table.column(col).label)
    return out


def records(report: Report) -> list[dict[str, Any]]:
    """One dict per grid cell, with the report's identity and the Chinese labels."""
    names = labels(report.template)
    base = {"document": report.source.path, "unit": report.info.unit, "year": report.info.year,
            "template": report.template}
    out = []
    for c in report.cells:
        row_label, col_label = names[(c.table, c.row, c.column)]
        out.append({**base, "table": c.table, "row": c.row, "column": c.column, "row_label": row_label,
                    "column_label": col_label, "value": c.value, "status": c.status, "error": None})
    return out


def result_records(result: "Result") -> list[dict[str, Any]]:
    """A batch result as records; a failed input is one record carrying its error."""
    if result.report is not None:
        return records(result.report)
    return [{**dict.fromkeys(RECORD_FIELDS), "document": result.path, "status": "error",
             "error": f"{result.error_type}: {result.error}"}]


def write_csv(results: Iterable["Result"], out: IO[str]) -> Iterator["Result"]:
    """Stream results to ``out`` as tidy CSV; yields each result once written."""
    writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        for rec in result_records(result):
            rec["value"] = _csv_value(rec["value"])
            writer.writerow(rec)
        yield result


def _csv_value(v: Any) -> Any:
    return format(v, "f") if isinstance(v, Decimal) else v


def write_xlsx(results: Iterable["Result"], path: str) -> Iterator["Result"]:
    """One sheet per table and form (one row per report), and a sheet of failed inputs."""
    try:
        from openpyxl import Workbook
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("xlsx output needs openpyxl: pip install 'gipextract[xlsx]'") from None
    wb = Workbook(write_only=True)
    sheets: dict[str, Any] = {}
    errors = None
    for result in results:
        report = result.report
        if report is None:
            if errors is None:
                errors = wb.create_sheet("errors")
                errors.append(["document", "error"])
            errors.append([result.path, f"{result.error_type}: {result.error}"])
            yield result
            continue
        t = templates.get(report.template)
        for table in t.tables:
            name = f"{table.key}_{t.id}"
            keys = [(r.key, c) for r in table.rows for c in r.columns]
            if name not in sheets:
                ws = sheets[name] = wb.create_sheet(name)
                ws.append(["document", "unit", "year", "template"] + [f"{r}.{c}" for r, c in keys])
                ws.append(["", "", "", ""] + [f"{table.row(r).label or ''} {table.column(c).label}".strip()
                                               for r, c in keys])
            grid = report.table(table.key)
            sheets[name].append([report.source.path, report.info.unit, report.info.year, report.template]
                                + [_xlsx_value(grid[r][c]) for r, c in keys])
        yield result
    if not sheets and errors is None:
        wb.create_sheet("empty")
    wb.save(path)


def _xlsx_value(v: Any) -> Any:
    # Excel has no exact decimal type; the exact figure goes in as text.
    return json_value(v) if isinstance(v, Decimal) else v


def to_frame(reports: Report | Iterable[Report]) -> "pandas.DataFrame":
    """A pandas DataFrame of the tidy records of one or several reports."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("to_frame() needs pandas: pip install 'gipextract[pandas]'") from None
    if isinstance(reports, Report):
        reports = [reports]
    rows = [r for rep in reports for r in records(rep)]
    return pd.DataFrame(rows, columns=list(RECORD_FIELDS))
