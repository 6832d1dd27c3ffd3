"""The dense corpus (corpus/dense/): every row of both forms non-zero, six-decimal amounts
printed in 万元, 元 and 亿元; each document reads back exactly as the grid it was written from."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gipextract import parse
from conftest import CORPUS, assert_matches_expected, load_expected

DENSE = CORPUS / "dense"
CASES = sorted(DENSE.glob("*.expected.json"))


def _document(expected_path: Path) -> Path:
    stem = expected_path.name.removesuffix(".expected.json")
    return next(p for p in DENSE.glob(stem + ".*") if p.suffix != ".json")


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.split(".")[0])
def test_dense_document_exact(expected_path: Path) -> None:
    out = parse(_document(expected_path)).to_dict()
    assert_matches_expected(out, load_expected(expected_path))
    assert not [f for f in out["findings"] if f["code"] == "identity"]


@pytest.mark.parametrize("form_id", ["2021", "2019"])
def test_every_row_is_non_zero_in_several_documents(form_id: str) -> None:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in CASES]
    docs = [d for d in docs if d["template"] == form_id]
    assert len(docs) >= 3
    rows = {(t, r) for t, table in docs[0]["tables"].items() for r in table}
    for t, r in rows:
        non_zero = sum(any(Decimal(str(v)) != 0 for v in d["tables"][t][r].values()) for d in docs)
        assert non_zero >= 3, (t, r)


def test_amounts_have_six_decimals_and_every_unit_is_printed() -> None:
    for p in CASES:
        exp = json.loads(p.read_text(encoding="utf-8"))
        amounts = [v for rows in exp["tables"]["proactive"].values() for k, v in rows.items() if k == "amount"]
        assert amounts and all(len(str(a).split(".")[1]) == 6 for a in amounts), p.name
    names = {p.name for p in DENSE.iterdir()}
    assert any("-yuan." in n for n in names) and any("-yiyuan." in n for n in names) and any("-wanyuan." in n for n in names)
    yuan = (DENSE / "2021-02-html-yuan.html").read_bytes().decode("utf-8")
    assert "元</" in yuan or "元<" in yuan


def test_small_whole_amount_in_yuan_is_converted() -> None:
    """An amount printed as a small whole number of 元 (``500元``) is 0.05 万元, not 500."""
    from gipextract import templates
    from docwriters import render_html
    template = templates.get("2021")
    grid = {k: (Decimal(0) if k[2] == "amount" else 0) for k in template.cell_keys()}
    grid[("proactive", "fees", "amount")] = Decimal(500)  # printed as 500元
    page = render_html(template, grid, amount_suffix="元")
    assert "500元" in page.decode("utf-8")
    cell = parse(page, name="fees.html").cell("proactive", "fees", "amount")
    assert cell.status == "ok" and cell.value == Decimal("0.05"), (cell.status, cell.value)
