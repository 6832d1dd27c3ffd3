"""Tidy exports that keep the validation: one record per cell with its status, candidates,
note, where it is printed and the findings that name it; CSV streams and pandas frames.
(XLSX lives in :mod:`gipextract.output.xlsx`.)"""
from __future__ import annotations

import csv
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import MissingExtraError
from ..read.source import display_path
from ..report import Report, Result, json_value
from ..templates.labels import cell_labels

if TYPE_CHECKING:  # pragma: no cover
    import pandas

RECORD_FIELDS = ("document", "sha256", "unit", "year", "template", "table", "row", "column", "row_label",
                 "column_label", "value", "status", "candidates", "note", "page", "line", "source_table",
                 "source_row", "source_col", "findings", "error")
CANDIDATE_SEP = "|"


def labels(template_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Chinese (row label, column label) of every cell of a template, as printed (a row inside
    a group carries it: ``（三）不予公开 / 1.属于国家秘密``)."""
    return cell_labels(template_id, "zh", full=True)


def cell_findings(report: Report) -> dict[str, list[str]]:
    """``table.row.column`` → the codes of the findings that name that cell."""
    out: dict[str, list[str]] = {}
    for f in report.findings:
        for ref in f.cells:
            codes = out.setdefault(ref, [])
            if f.code not in codes:
                codes.append(f.code)
    return out


def records(report: Report) -> list[dict[str, Any]]:
    """One dict per grid cell, with the report's identity, the Chinese labels, the cell's
    status, candidates (``|``-separated), note, source position and finding codes."""
    names = labels(report.template)
    named = cell_findings(report)
    base = {"document": display_path(report.source.path), "sha256": report.source.sha256,
            "unit": report.info.unit, "year": report.info.year, "template": report.template}
    out = []
    for c in report.cells:
        row_label, col_label = names[(c.table, c.row, c.column)]
        p = c.source
        out.append({**base, "table": c.table, "row": c.row, "column": c.column, "row_label": row_label,
                    "column_label": col_label, "value": c.value, "status": c.status,
                    "candidates": CANDIDATE_SEP.join(str(json_value(v)) for v in c.candidates) or None,
                    "note": c.note, "page": p.page if p else None, "line": p.line if p else None,
                    "source_table": p.table if p else None, "source_row": p.row if p else None,
                    "source_col": p.col if p else None, "findings": ";".join(named.get(c.ref, ())) or None,
                    "error": None})
    return out


def result_records(result: Result) -> list[dict[str, Any]]:
    """A batch result as records; a failed input is one record carrying its error."""
    if result.report is not None:
        return records(result.report)
    return [{**dict.fromkeys(RECORD_FIELDS), "document": display_path(result.path), "status": "error",
             "error": f"{result.error_type}: {result.error.reason if result.error else ''}"}]


def write_csv(results: Iterable[Result], out: IO[str]) -> Iterator[Result]:
    """Stream results to ``out`` as tidy CSV, flushed after each document (an interrupted run
    leaves whole rows); yields each result once written. Open ``out`` with
    ``encoding="utf-8-sig"`` so that Excel and WPS read the Chinese right."""
    writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    out.flush()
    for result in results:
        for rec in result_records(result):
            rec["value"] = json_value(rec["value"])
            writer.writerow(rec)
        out.flush()
        yield result


def to_frame(reports: Report | Iterable[Report]) -> "pandas.DataFrame":
    """A pandas DataFrame of the tidy records of one or several reports, with typed columns:
    ``value`` as float64 (NaN where a cell has no value), ``value_exact`` the exact figure as
    text (amounts keep every digit), ``year`` and the positions as nullable integers. Writes to
    Parquet as it is (``frame.to_parquet(path)``, with pyarrow)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise MissingExtraError(None, feature="to_frame()", extra="pandas") from None
    if isinstance(reports, Report):
        reports = [reports]
    rows = [r for rep in reports for r in records(rep)]
    exact = [None if r["value"] is None else str(json_value(r["value"])) for r in rows]
    frame = pd.DataFrame(rows, columns=list(RECORD_FIELDS))
    frame["value"] = pd.array([float(v) if v is not None else None for v in frame["value"]], dtype="float64")
    frame.insert(frame.columns.get_loc("value") + 1, "value_exact", pd.array(exact, dtype="string"))
    for col in ("year", "page", "line", "source_table", "source_row", "source_col"):
        frame[col] = frame[col].astype("Int64")
    for col in ("document", "sha256", "unit", "template", "table", "row", "column", "row_label", "column_label",
                "status", "candidates", "note", "findings", "error"):
        frame[col] = frame[col].astype("string")
    return frame


def exact(value: Any) -> Decimal | int | None:
    """A ``value_exact`` string from :func:`to_frame` back to an int or a ``Decimal``."""
    s = "" if value is None else str(value)
    if s in ("", "<NA>", "nan", "None"):
        return None
    return Decimal(s) if "." in s else int(s)
