"""The three tidy tables a researcher loads, as plain records with one schema each:
``reports`` (one row per input, failed ones included), ``cells`` (one row per grid cell) and
``findings`` (one row per finding). Every writer (CSV, XLSX, Parquet, pandas) takes its
columns and their kinds from :data:`SCHEMAS`, so the four agree.

Records hold Python values: text, ``int``, ``Decimal`` (cell values, exact) or ``None``.
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterable, Literal, Union

from ..messages import Lang
from ..read.document import Provenance
from ..read.source import display_path
from ..report import Report, Result, jsonable
from ..templates import get
from ..templates.identities import evaluate, expand
from ..templates.labels import cell_labels

Kind = Literal["text", "int", "decimal"]
Item = Union[Report, Result]
TABLES = ("reports", "cells", "findings")
CANDIDATE_SEP = "|"
STATUSES = ("ok", "empty", "inferred", "ambiguous", "missing", "confirmed")
FACTS = ("unit", "year", "title", "published")

_DOC = [("document", "text"), ("sha256", "text"), ("unit", "text"), ("year", "int"), ("template", "text")]
SCHEMAS: dict[str, list[tuple[str, Kind]]] = {
    "reports": [("document", "text"), ("sha256", "text"), ("format", "text"), ("status", "text"),
                ("error_type", "text"), ("error_code", "text"), ("error", "text"),
                ("unit", "text"), ("unit_from", "text"), ("year", "int"), ("year_from", "text"),
                ("template", "text"), ("title", "text"), ("title_from", "text"),
                ("published", "text"), ("published_from", "text"), ("publisher", "text"), ("index_no", "text"),
                ("cells", "int"), *[(s, "int") for s in STATUSES],
                ("identities_held", "int"), ("identities_failed", "int"), ("identities_unchecked", "int"),
                ("errors", "int"), ("warnings", "int"), ("infos", "int")],
    "cells": [*_DOC, ("table", "text"), ("row", "text"), ("column", "text"), ("row_label", "text"),
              ("column_label", "text"), ("value", "decimal"), ("status", "text"), ("candidates", "text"),
              ("note", "text"), ("page", "int"), ("line", "int"), ("source_table", "int"), ("source_row", "int"),
              ("source_col", "int"), ("findings", "text"), ("error", "text")],
    "findings": [*_DOC, ("n", "int"), ("severity", "text"), ("code", "text"), ("rule", "text"), ("cells", "text"),
                 ("args", "text"), ("message", "text")],
}


def columns(table: str) -> list[str]:
    """The column names of ``table`` (``reports``, ``cells``, ``findings``, ``indicators``), in order."""
    return [name for name, _ in schema(table)]


def schema(table: str) -> list[tuple[str, Kind]]:
    """(column, kind) of ``table``; kinds are ``text``, ``int`` (counts, years, positions) and
    ``decimal`` (exact values)."""
    if table == "indicators":
        from .indicators import SCHEMA

        return SCHEMA
    return SCHEMAS[table]


def _split(item: Item) -> tuple[Report | None, Result | None]:
    if isinstance(item, Report):
        return item, None
    if isinstance(item, Result):
        return item.report, item
    raise TypeError(f"expected a Report or a batch Result, not {type(item).__name__}")


def _error_text(result: Result, lang: Lang) -> str:
    return f"{result.error_type}: {result.error.message(lang) if result.error else ''}"


def document_fields(report: Report) -> dict[str, Any]:
    """The columns every table starts with: which document, unit, year and form."""
    return {"document": display_path(report.source.path), "sha256": report.source.sha256,
            "unit": report.info.unit, "year": report.info.year, "template": report.template}


def report_record(item: Item, lang: Lang = "zh") -> dict[str, Any]:
    """The ``reports`` row of one input: what was read (metadata and where each fact came
    from), or the error that stopped it; counts of cells by status, identities and findings."""
    report, result = _split(item)
    out: dict[str, Any] = dict.fromkeys(columns("reports"))
    if report is None:
        assert result is not None
        error = result.error
        out.update(document=display_path(result.path), status="error", error_type=result.error_type,
                   error_code=error.code if error else None, error=error.message(lang) if error else None)
        return out
    info = report.info
    out.update(document_fields(report), format=report.source.format, title=info.title, published=info.published,
               publisher=info.publisher, index_no=info.index_no, cells=len(report.cells))
    for fact in FACTS:
        evidence = info.evidence.get(fact)
        out[f"{fact}_from"] = evidence.origin if evidence is not None else None
    for status in STATUSES:
        out[status] = sum(1 for c in report.cells if c.status == status)
    evaluation = evaluate(get(report.template), {(c.table, c.row, c.column): c.value for c in report.cells})
    total = len(expand(get(report.template)))
    out.update(identities_failed=len(evaluation.failed), identities_unchecked=len(evaluation.unchecked),
               identities_held=total - len(evaluation.failed) - len(evaluation.unchecked))
    for severity, column in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        out[column] = sum(1 for f in report.findings if f.severity == severity)
    flagged = any(f.severity in ("error", "warning") for f in report.findings)
    out["status"] = "flagged" if flagged else "clean"
    return out


def cell_findings(report: Report) -> dict[str, list[str]]:
    """``table.row.column`` → the codes of the findings that name that cell."""
    out: dict[str, list[str]] = {}
    for f in report.findings:
        for ref in f.cells:
            codes = out.setdefault(ref, [])
            if f.code not in codes:
                codes.append(f.code)
    return out


def cell_records(item: Item, lang: Lang = "zh") -> list[dict[str, Any]]:
    """The ``cells`` rows of one input: one per grid cell with its Chinese labels, exact value,
    status, candidates (``|``-separated), note, where it is printed and the codes of the
    findings that name it; a failed input is one row with status ``error``."""
    report, result = _split(item)
    if report is None:
        assert result is not None
        return [{**dict.fromkeys(columns("cells")), "document": display_path(result.path), "status": "error",
                 "error": _error_text(result, lang)}]
    names = cell_labels(report.template, "zh", full=True)
    named = cell_findings(report)
    base = document_fields(report)
    out = []
    for c in report.cells:
        row_label, col_label = names[(c.table, c.row, c.column)]
        # A confirmed cell's source is a person's decision, not a place in the document.
        p = c.source if isinstance(c.source, Provenance) else None
        out.append({**base, "table": c.table, "row": c.row, "column": c.column, "row_label": row_label,
                    "column_label": col_label, "value": exact_value(c.value), "status": c.status,
                    "candidates": CANDIDATE_SEP.join(text(v) for v in c.candidates) or None,
                    "note": c.note, "page": p.page if p else None, "line": p.line if p else None,
                    "source_table": p.table if p else None, "source_row": p.row if p else None,
                    "source_col": p.col if p else None, "findings": ";".join(named.get(c.ref, ())) or None,
                    "error": None})
    return out


def finding_records(item: Item, lang: Lang = "zh") -> list[dict[str, Any]]:
    """The ``findings`` rows of one input: code, severity, the rule it rests on, the cells it
    names (``;``-separated), its arguments as JSON and its message in ``lang``."""
    report, _ = _split(item)
    if report is None:
        return []
    base = document_fields(report)
    return [{**base, "n": n, "severity": f.severity, "code": f.code, "rule": f.rule, "cells": ";".join(f.cells) or None,
             "args": json.dumps(jsonable(f.args), ensure_ascii=False, sort_keys=True), "message": f.text(lang)}
            for n, f in enumerate(report.findings, 1)]


def records(item: Item, table: str = "cells", lang: Lang = "zh") -> list[dict[str, Any]]:
    """The rows of ``table`` for one report or batch result."""
    if table == "reports":
        return [report_record(item, lang)]
    if table == "cells":
        return cell_records(item, lang)
    if table == "findings":
        return finding_records(item, lang)
    raise KeyError(f"unknown table {table!r}; known: {', '.join(TABLES)}")


def items_of(items: Item | Iterable[Item]) -> list[Item]:
    """One report or result, or several, as a list."""
    if isinstance(items, (Report, Result)):
        return [items]
    return list(items)


def exact_value(v: Any) -> Decimal | None:
    """A cell value as the ``decimal`` kind holds it: counts and amounts as exact ``Decimal``."""
    if v is None:
        return None
    return v if isinstance(v, Decimal) else Decimal(int(v))


def text(value: Any) -> str:
    """A record's value as CSV text: empty for None, decimals with every digit and no exponent."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
