"""What the library says about each report, over every document whose truth was written by hand
(corpus/tools/metadata_truth.py: the real development set, the peer samples, the corpus
documents, the compliance and metadata variants with their tool conversions, the committed tool
outputs): the year and unit it prints, the publication date it states, no accusation that is
not true of it, every one that is, and each accusation's evidence quoted from the document."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from gipextract import GipExtractError, load_document
from gipextract.messages import FINDINGS
from gipextract.report import Report

from conftest import parsed
from metadata_truth import SHARED, documents

DOCUMENTS = list(documents())
ACCUSING = {code for code, entry in FINDINGS.items() if entry.accuses}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _read(path: Path) -> tuple[Report, str] | None:
    """The report and the document's own text (every fragment, squeezed); None for a tool's
    output that holds no report (markitdown without its PDF extra writes nothing)."""
    try:
        doc = load_document(path)
        report = parsed(path)  # read once a session (conftest), its time limit lifted as here
    except GipExtractError:
        return None
    return report, _squeeze("".join(f.text for b in doc.blocks for f in b.fragments))


def _id(case: tuple[str, Path, dict[str, Any], set[str]]) -> str:
    group, path, _facts, _true = case
    return f"{group}:{path.parent.name}/{path.name}"


@pytest.fixture(params=DOCUMENTS, ids=[_id(c) for c in DOCUMENTS])
def case(request: pytest.FixtureRequest) -> tuple[str, Path, dict[str, Any], set[str]]:
    group, path, _facts, _true = request.param
    if group in ("real-dev", "peer") and not SHARED.exists():
        pytest.skip("../shared absent")
    return request.param


def test_documents_are_there() -> None:
    groups = {c[0] for c in DOCUMENTS}
    assert {"corpus", "compliance", "metadata", "metadata:markitdown", "tool:trafilatura"} <= groups
    assert len(DOCUMENTS) > 400
    # the evidence checks below bite: many documents are accused, truly
    assert sum(1 for c in DOCUMENTS if c[3]) >= 20


def test_what_it_says_about_the_report(case: tuple[str, Path, dict[str, Any], set[str]]) -> None:
    group, path, facts, true = case
    read = _read(path)
    if read is None:
        assert group.startswith("tool:"), "only a tool's output may hold no report"
        return
    report, text = read
    unit, year = facts.get("unit"), facts.get("year")
    if unit and year and _squeeze(unit) in text and str(year) in text:
        assert report.info.year == year
        got = _squeeze(report.info.unit or "")
        assert got and (_squeeze(unit) in got or got in _squeeze(unit)), (report.info.unit, unit)
    if facts.get("published"):
        assert report.info.published == facts["published"]
    raised = {f.code for f in report.findings if f.code in ACCUSING and f.severity != "info"}
    assert raised - true == set(), "accused without being true of the document"
    if group in ("compliance", "metadata"):  # the variants: each still caught
        assert true <= raised
    findings = report.to_dict()["findings"]
    for k, f in enumerate(report.findings):
        if f.code not in ACCUSING:
            continue
        evidence = f.args.get("evidence")
        assert isinstance(evidence, dict) and evidence.get("text"), (f.code, f.args)
        if evidence.get("from") != "meta":
            assert _squeeze(evidence["text"]) in text, (f.code, evidence)
        assert findings[k]["args"]["evidence"] == evidence
