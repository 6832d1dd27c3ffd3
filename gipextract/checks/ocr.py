"""Findings for OCR'd documents: what nothing else checks is named, so no error is silent.

Table 三 and 四 values are held by their identities; table 二 has none, so every OCR'd
value there is named (``ocr_unchecked``). Values the recogniser was unsure of
(``ocr_low_confidence``), cells with marks but no text (``ocr_unread_mark``), cells that
only the identities filled (``ocr_inferred``: a dropped token can make a grid fit) and
the pages that were read by OCR (``ocr_pages``) are reported too.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..read.ocr.layout import LOW_CONFIDENCE
from ..report import Cell, Finding

UNCHECKED_TABLES = ("proactive",)  # tables without identities


def ocr_findings(cells: Sequence[Cell], meta: Mapping[str, str]) -> list[Finding]:
    """The OCR findings of a report whose document ``meta`` names OCR'd pages."""
    pages = meta.get("ocr_pages")
    if not pages:
        return []
    out = [Finding("info", "ocr_pages",
                   f"第 {pages} 页是图片，经文字识别（OCR）读取，数值请与原件核对 "
                   f"(page(s) {pages} were read by OCR; check the values against the page)")]
    ocred = [c for c in cells if c.source is not None and c.source.confidence is not None]
    low = [c.ref for c in ocred if c.source.confidence < LOW_CONFIDENCE]  # type: ignore[union-attr,operator]
    if low:
        out.append(Finding("warning", "ocr_low_confidence",
                           f"{len(low)} 个数值识别置信度低于 {LOW_CONFIDENCE:g}，请核对 "
                           f"({len(low)} OCR'd value(s) below confidence {LOW_CONFIDENCE:g})", tuple(low)))
    unchecked = [c.ref for c in ocred if c.table in UNCHECKED_TABLES and c.ref not in low]
    if unchecked:
        out.append(Finding("warning", "ocr_unchecked",
                           "表二没有勾稽关系可以核对，以下识别出的数值请逐一核对 "
                           "(table 二 has no identities: these OCR'd values are checked by nothing)",
                           tuple(unchecked)))
    inferred = [c.ref for c in cells if c.status == "inferred"]
    if inferred:
        out.append(Finding("warning", "ocr_inferred",
                           "以下单元格由勾稽关系推算，识别时可能漏读了数值 "
                           "(inferred from the identities on an OCR'd page: a value may have been missed)",
                           tuple(inferred)))
    marks = json.loads(meta.get("ocr_marks", "[]"))
    if marks:
        where = "; ".join(f"page {p} at ({b[0]:.0f}, {b[1]:.0f})" for p, b in marks[:20])
        out.append(Finding("warning", "ocr_unread_mark",
                           f"{len(marks)} 个表格单元格有笔迹但未识别出文字 "
                           f"({len(marks)} table cell(s) hold marks but no text was recognised): {where}"))
    return out
