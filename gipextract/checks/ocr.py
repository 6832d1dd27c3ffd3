"""Findings for OCR'd documents: what nothing else checks is named, so no error is silent.

Table 三 and 四 values are held by their identities; table 二 has none, so every OCR'd
value there is named (``ocr_unchecked``). Values the recogniser was unsure of
(``ocr_low_confidence``), cells with marks but no text (``ocr_unread_mark``), cells that
only the identities filled (``ocr_inferred``: a dropped token can make a grid fit) and
the pages that were read by OCR (``ocr_pages``) are reported too.
"""
from __future__ import annotations

from ..read.ocr.layout import LOW_CONFIDENCE
from ..report import Finding, Report, finding
from . import Context

UNCHECKED_TABLES = ("proactive",)  # tables without identities


def ocr_findings(report: Report, context: Context) -> list[Finding]:
    """The OCR findings of a report whose document had pages read by OCR."""
    if context.ocr is None or not context.ocr.pages:
        return []
    cells = report.cells
    out = [finding("ocr_pages", pages=list(context.ocr.pages))]
    ocred = [c for c in cells if getattr(c.source, "confidence", None) is not None]  # a Decision has none
    low = [c.ref for c in ocred if c.source.confidence < LOW_CONFIDENCE]  # type: ignore[union-attr,operator]
    if low:
        out.append(finding("ocr_low_confidence", low, count=len(low), threshold=f"{LOW_CONFIDENCE:g}"))
    unchecked = [c.ref for c in ocred if c.table in UNCHECKED_TABLES and c.ref not in low]
    if unchecked:
        out.append(finding("ocr_unchecked", unchecked))
    inferred = [c.ref for c in cells if c.status == "inferred"]
    if inferred:
        out.append(finding("ocr_inferred", inferred))
    marks = context.ocr.marks
    if marks:
        out.append(finding("ocr_unread_mark", count=len(marks), marks=[[p, list(b)] for p, b in marks[:20]]))
    return out
