"""The checks every report gets, in order (see :mod:`gipextract.checks`)."""
from __future__ import annotations

from typing import Callable

from ..report import Finding, Report, finding
from . import Context
from .compliance import compliance_findings
from .identities import identity_findings
from .prose import prose_findings

Check = Callable[[Report, Context], list[Finding]]


def arithmetic(report: Report, context: Context) -> list[Finding]:
    """The form's identities that the cells break (evaluated once, by the placement)."""
    if context.evaluation is None:
        return []
    return identity_findings(context.evaluation, {(c.table, c.row, c.column): c.value for c in report.cells})


def source_notices(report: Report, context: Context) -> list[Finding]:
    """What the reader noticed about the document itself (garbled or image-only pages …)."""
    return [finding("source", notice=n.code, **n.args) for n in context.notices]


def ocr_trust(report: Report, context: Context) -> list[Finding]:
    """What nothing checks on OCR'd pages (:mod:`.ocr`, imported only for such a document:
    it brings the OCR layout module with it: 22 ms of the cold import)."""
    if context.ocr is None:  # no page was read by OCR
        return []
    from .ocr import ocr_findings

    return ocr_findings(report, context)


CHECKS: list[tuple[str, Check]] = [
    ("identities", arithmetic),            # the form's identities over the placed cells
    ("prose", prose_findings),             # part 一's totals against table 三
    ("source", source_notices),            # the adapter's notices
    ("compliance", compliance_findings),   # the regulation and the national notice (compliance.RULES)
    ("ocr", ocr_trust),                     # what nothing checks on an OCR'd page
]


def check(report: Report, context: Context) -> list[Finding]:
    """Every check's findings for ``report``, in :data:`CHECKS` order."""
    return [f for _name, run in CHECKS for f in run(report, context)]
