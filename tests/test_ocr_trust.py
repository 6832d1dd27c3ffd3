"""The OCR trust rule (issue #25), without a recogniser: a value read by OCR is trusted only
where an identity that holds over trusted cells confirms it; the rest are named.

The reports here are the dense corpus's text documents (every cell non-zero, every identity
holding: checked by the corpus generator), with their cells' sources turned into OCR'd ones
(a confidence) and values changed the way a recogniser misreads them.
"""
from __future__ import annotations

from dataclasses import replace

from conftest import CORPUS

from gipextract import parse
from gipextract.checks import Context
from gipextract.checks.ocr import confirmed, ocr_findings
from gipextract.read.document import OcrFacts, Provenance
from gipextract.report import Report
from gipextract.templates import get as get_template
from gipextract.templates.identities import evaluate

DENSE = CORPUS / "dense" / "2021-01-text-wanyuan.txt"


def _ocred(report: Report, changes: dict[str, object] | None = None, missing: tuple[str, ...] = (),
           confidence: float = 0.99) -> tuple[Report, Context]:
    """``report`` as if read by OCR, with ``changes`` misread and the ``missing`` tables not shown."""
    changes = changes or {}
    cells = []
    for c in report.cells:
        src = Provenance(page=1, bbox=(0.0, 0.0, 1.0, 1.0), confidence=confidence)
        if c.table in missing:
            cells.append(replace(c, value=None, status="missing", source=None))
        else:
            cells.append(replace(c, value=changes.get(c.ref, c.value), source=src))
    out = replace(report, cells=tuple(cells), findings=())
    values = {(c.table, c.row, c.column): c.value for c in cells}
    context = Context(ocr=OcrFacts((1,)), evaluation=evaluate(get_template(out.template), values))
    return out, context


def _report() -> Report:
    report = parse(DENSE)
    assert report.template == "2021" and all(c.status == "ok" for c in report.cells)
    return report


def test_every_cell_of_a_consistent_grid_is_confirmed() -> None:
    report, context = _ocred(_report())
    checked = confirmed(report, context.evaluation)
    assert {c.ref for c in report.cells if c.table != "proactive"} <= checked
    codes = {f.code for f in ocr_findings(report, context)}
    assert "ocr_unconfirmed" not in codes and "ocr_partial" not in codes
    named = {c for f in ocr_findings(report, context) if f.code == "ocr_unchecked" for c in f.cells}
    assert named == {c.ref for c in report.cells if c.table == "proactive"}  # table 二: nothing checks it


def test_misread_that_keeps_its_row_identity_is_not_trusted() -> None:
    """The issue's case: one value and its row total both read one too high; the row's own
    identity still holds, the column identities fail, so neither cell is trusted."""
    base = _report()
    value = {c.ref: c.value for c in base.cells}
    cell, total = "requests.granted.natural_person", "requests.granted.total"
    report, context = _ocred(base, {cell: value[cell] + 1, total: value[total] + 1})
    checked = confirmed(report, context.evaluation)
    assert cell not in checked and total not in checked
    failing = {r for f in context.evaluation.failed for r in f.check.left + f.check.right}
    assert ("requests", "granted", "natural_person") in failing  # a column identity names the cell
    # Cells of other rows and columns away from the failing identities stay trusted.
    assert "requests.denied.state_secret.commercial" in checked


def test_a_table_without_its_neighbours_is_read_as_part() -> None:
    """Only table 四 shown: its own identities confirm it; 二 and 三 are absent, not zero."""
    report, context = _ocred(_report(), missing=("proactive", "requests"))
    checked = confirmed(report, context.evaluation)
    assert {c.ref for c in report.cells if c.table == "appeals"} <= checked
    partial = [f for f in ocr_findings(report, context) if f.code == "ocr_partial"]
    assert len(partial) == 1 and partial[0].args["tables"] == ["appeals"]
    assert partial[0].args["absent"] == ["proactive", "requests"]


def test_low_confidence_values_confirm_nothing() -> None:
    """A value below the confidence threshold is flagged on its own and cannot confirm others."""
    report, context = _ocred(_report(), confidence=0.5)
    assert not confirmed(report, context.evaluation)
    low = [f for f in ocr_findings(report, context) if f.code == "ocr_low_confidence"]
    assert len(low) == 1 and set(low[0].cells) == {c.ref for c in report.cells}
