"""corpus/scans/varied/ (issue #25): what the generator promises, checked without OCR.

The expected files come from the grids drawn (corpus/tools/scan_docs.py), never from
gipextract's output; here they are held to the form's identities (evaluated from the
template data over the expected values) and to the issue's counts and ranges.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS

from gipextract.templates import get as get_template
from gipextract.templates.identities import evaluate

VARIED = CORPUS / "scans" / "varied"
EXPECTED = sorted(VARIED.glob("*.expected.json"))
PICTURES = ("phone", "screenshot", "one-table", "table-tail")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_counts_and_kinds() -> None:
    kinds = [_load(p)["kind"] for p in EXPECTED]
    assert sum(k not in PICTURES for k in kinds) >= 30
    assert sum(k in PICTURES for k in kinds) >= 15
    assert set(kinds) == {"scan-grey", "scan-colour", "faint", "seal", *PICTURES}
    for p in EXPECTED:  # every expected file has its picture or document beside it
        stem = p.name[: -len(".expected.json")]
        assert len([q for q in VARIED.glob(stem + ".*") if q != p]) == 1, stem


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_expected_grid_is_consistent(path: Path) -> None:
    """The grid drawn satisfies every identity; a picture's unseen rows are null and missing."""
    exp = _load(path)
    values = {(t, r, c): v for t, rows in exp["tables"].items() for r, cols in rows.items() for c, v in cols.items()}
    seen = exp.get("seen")
    if seen is None:
        assert all(v is not None for v in values.values())
        assert not evaluate(get_template(exp["template"]), values).failed
        return
    for (t, r, c), v in values.items():
        shown = r in seen.get(t, ())
        assert (v is not None) == shown, (t, r, c)
        assert (exp["statuses"].get(f"{t}.{r}.{c}") == "missing") == (not shown)
    assert seen, "a picture shows at least one row"
    # The identities whose cells are all shown hold.
    evaluation = evaluate(get_template(exp["template"]), values)
    assert not evaluation.failed


def test_degradations_stay_in_the_issue_ranges() -> None:
    for path in EXPECTED:
        exp = _load(path)
        d = exp["degradation"]
        pages = d.get("per_page", [d])
        if exp["kind"] == "screenshot":
            assert 96 <= d["dpi"] <= 130
            continue
        assert 150 <= d["dpi"] <= 300
        for p in pages:
            assert 35 <= p["quality"] <= 85 and 2 <= p["noise"] <= 6 and 0.4 <= p["blur"] <= 1.0
            assert 0.1 <= p["salt_pepper_pct"] <= 0.3 and 225 <= p["paper"] <= 240 and abs(p["angle"]) <= 2
        if exp["kind"] == "phone":
            assert 1 <= d["corner_jitter_pct"] <= 2 and 1 <= abs(d["tilt"]) <= 2 and 15 <= d["falloff_pct"] <= 20
        if exp["kind"] == "seal":
            assert any("seal_at_px" in p for p in pages)
        if exp["kind"] == "faint":
            assert all(p["ink"] < 0.7 for p in pages)
