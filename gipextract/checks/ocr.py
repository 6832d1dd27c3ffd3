"""Findings for OCR'd documents: an OCR'd value is trusted only where an identity checks it.

A value read by OCR is taken as checked only when an identity that holds confirms it and
every other cell of that identity is checked too (the largest such set, found by dropping
cells until none is left without a confirming identity); a cell of an identity that fails is
never checked. So a misread that keeps its own row identity true (a ``0`` read as ``1`` in a
cell and in its row total) is caught by the column identities, or stays flagged. Every
other OCR'd value is named with its confidence: table 二, which has no identities
(``ocr_unchecked``), and values of tables 三 and 四 that nothing confirms
(``ocr_unconfirmed``). Values the recogniser was unsure of (``ocr_low_confidence``), cells
with marks but no text (``ocr_unread_mark``), cells that only the identities filled
(``ocr_inferred``), the tables and rows a picture of part of a report shows
(``ocr_partial``) and the pages read by OCR (``ocr_pages``) are reported too.
"""
from __future__ import annotations

from ..read.ocr.layout import LOW_CONFIDENCE
from ..report import Cell, Finding, Report, finding
from ..templates import get as get_template
from ..templates.identities import Evaluation, expand, ref_str
from . import Context

UNCHECKED_TABLES = ("proactive",)  # tables without identities
READ = ("ok", "empty")  # statuses of cells read from the page (not filled in by the identities)


def confirmed(report: Report, evaluation: Evaluation | None) -> set[str]:
    """The cells (``table.row.column``) that the identities check: each in an identity that
    holds whose other cells are all checked too, none in an identity that fails."""
    if evaluation is None:
        return set()
    checks = expand(get_template(report.template))
    failed = {id(f.check) for f in evaluation.failed}
    open_ = {id(c) for c in evaluation.unchecked}
    broken = {ref_str(r) for f in evaluation.failed for r in f.check.left + f.check.right}
    trusted = {c.ref for c in report.cells if c.status in READ and c.ref not in broken
               and (_confidence(c) is None or _confidence(c) >= LOW_CONFIDENCE)}  # type: ignore[operator]
    holding = [tuple(ref_str(r) for r in c.left + c.right) for c in checks if id(c) not in failed | open_]
    while True:
        keep = {ref for refs in holding if all(r in trusted for r in refs) for ref in refs}
        if keep == trusted:
            return trusted
        trusted = keep


def _confidence(cell: Cell) -> float | None:
    return getattr(cell.source, "confidence", None)  # a Decision has none


def _seen(report: Report) -> tuple[dict[str, list[str]], list[str]]:
    """The rows of each table that hold a cell not ``missing``, and the tables with none."""
    seen: dict[str, list[str]] = {}
    tables: list[str] = []
    for c in report.cells:
        if c.table not in tables:
            tables.append(c.table)
        if c.status != "missing" and c.row not in seen.setdefault(c.table, []):
            seen[c.table].append(c.row)
    return {t: rows for t, rows in seen.items() if rows}, [t for t in tables if not seen.get(t)]


def ocr_findings(report: Report, context: Context) -> list[Finding]:
    """The OCR findings of a report whose document had pages read by OCR."""
    if context.ocr is None or not context.ocr.pages:
        return []
    cells = report.cells
    out = [finding("ocr_pages", pages=list(context.ocr.pages))]
    ocred = [c for c in cells if _confidence(c) is not None]
    low = [c.ref for c in ocred if c.source.confidence < LOW_CONFIDENCE]  # type: ignore[union-attr,operator]
    if low:
        out.append(finding("ocr_low_confidence", low, count=len(low), threshold=f"{LOW_CONFIDENCE:g}"))
    unchecked = [c for c in ocred if c.table in UNCHECKED_TABLES and c.ref not in low]
    if unchecked:
        out.append(finding("ocr_unchecked", [c.ref for c in unchecked],
                           confidence={c.ref: _confidence(c) for c in unchecked}))
    checked = confirmed(report, context.evaluation)
    loose = [c for c in ocred if c.table not in UNCHECKED_TABLES and c.status == "ok" and c.ref not in low
             and c.ref not in checked]
    if loose:
        out.append(finding("ocr_unconfirmed", [c.ref for c in loose], count=len(loose),
                           confidence={c.ref: _confidence(c) for c in loose}))
    inferred = [c.ref for c in cells if c.status == "inferred"]
    if inferred:
        out.append(finding("ocr_inferred", inferred))
    marks = context.ocr.marks
    if marks:
        out.append(finding("ocr_unread_mark", count=len(marks), marks=[[p, list(b)] for p, b in marks[:20]]))
    seen, absent = _seen(report)
    partial = {t: rows for t, rows in seen.items()
               if len(rows) < len({c.row for c in cells if c.table == t})}
    if absent or partial:
        out.append(finding("ocr_partial", tables=list(seen), absent=absent, rows=partial))
    return out
