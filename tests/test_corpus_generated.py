"""Every generated corpus document (HTML, DOCX, PDF) gives exactly its expected cells.

The expected files hold the grids the documents were generated from, with statuses for
blank and dropped cells worked out by the independent oracle in corpus/tools.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import gipextract
from conftest import CORPUS, assert_matches_expected, load_expected, parsed

CASES = sorted(p for fmt in ("html", "docx", "pdf") for p in (CORPUS / fmt).glob("*.expected.json"))
SUFFIX = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}


def _document(expected_path: Path) -> Path:
    return expected_path.with_name(expected_path.name.replace(".expected.json", SUFFIX[expected_path.parent.name]))


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_generated_document_exact(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    doc = _document(expected_path)
    if "error" in expected:
        with pytest.raises(getattr(gipextract, expected["error"])):
            parsed(doc)  # read once a session (conftest)
        return
    out = parsed(doc).to_dict()
    assert out["source"]["format"] == expected_path.parent.name
    assert_matches_expected(out, expected)
    assert not [f for f in out["findings"] if f["code"] == "identity"]


def test_corpus_has_enough_documents() -> None:
    counts = {fmt: len(list((CORPUS / fmt).glob("*.expected.json"))) for fmt in ("html", "docx")}
    assert counts["html"] >= 12 and counts["docx"] >= 10, counts
