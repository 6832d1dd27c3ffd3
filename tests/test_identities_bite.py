"""Every identity of both forms does its work: a printed sum broken by one cell is reported
under that identity's id. Documents are written from a grid built here (independently of the
template JSON); the failures expected are worked out by hand from TEMPLATES.md."""
from __future__ import annotations

from decimal import Decimal

import pytest

from gipextract import parse
from docwriters import render_text
from docwriters.forms import official_form
from strategies import APPLICANTS, RESULT_EXCLUDED


def valid_grid(form_id: str) -> dict:
    """A grid with non-zero cells everywhere the form has them, satisfying every identity."""
    form = official_form(form_id)
    g: dict = {}
    for i, r in enumerate(form.table("proactive").rows):
        for j, c in enumerate(r.columns):
            kind = form.table("proactive").column(c).kind
            g[("proactive", r.key, c)] = (Decimal(f"{i + 1}.{j + 1}03456") if kind == "amount"
                                          else -(i + j + 1) if kind == "signed" else 10 * i + j + 1)
    results = [r.key for r in form.table("requests").rows if r.key not in RESULT_EXCLUDED]
    for i, r in enumerate(results):
        for j, a in enumerate(APPLICANTS):
            g[("requests", r, a)] = (i + 2 * j) % 4
    for j, a in enumerate(APPLICANTS):
        g[("requests", "total", a)] = total = sum(g[("requests", r, a)] for r in results)
        g[("requests", "carried_over", a)] = j % 3
        g[("requests", "carried_forward", a)] = (j + 1) % 2
        g[("requests", "new_received", a)] = total + (j + 1) % 2 - j % 3
    for r in form.table("requests").rows:
        g[("requests", r.key, "total")] = sum(g[("requests", r.key, a)] for a in APPLICANTS)
    for k, grp in enumerate(("reconsideration", "litigation_direct", "litigation_after")):
        parts = (k + 1, 2, k, 3 - k)
        for o, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)
    return g


def form_labels(form_id: str) -> dict[str, tuple[str, str]]:
    """``table.row.column`` -> the form's own row label and column label (``（一）予以公开``,
    ``自然人``; table 四's unlabelled row: no row label)."""
    form = official_form(form_id)
    return {f"{t.key}.{r.key}.{c}": (r.label or "", t.column(c).label)
            for t in form.tables for r in t.rows for c in r.columns}


def failing_ids(form_id: str, grid: dict) -> set[str]:
    """The ids of the identities reported broken; each finding carries every cell's printed
    value, and its message names each non-zero term by the form's own labels, followed by the
    value printed there."""
    report = parse(render_text(official_form(form_id), grid, "cells").encode("utf-8"), name="sums.txt")
    got = {(c.table, c.row, c.column): c.value for c in report.cells}
    assert all(got[k] == v for k, v in grid.items()), "the printed grid is read back as printed"
    labels = form_labels(form_id)
    value = {".".join(k): v for k, v in grid.items()}
    for f in report.findings:
        if f.code == "identity":
            assert f.cells, f.message
            terms = dict(f.args["left"] + f.args["right"])
            assert terms == {ref: value[ref] for ref in f.cells}
            assert f.args["difference"] == f.args["left_sum"] - f.args["right_sum"] != 0
            for ref in f.cells:
                row, col = labels[ref]
                if value[ref]:
                    assert f"{col} {value[ref]}" in f.message and row.split("（区分")[0] in f.message, (ref, f.message)
    return {f.args["identity"] for f in report.findings if f.code == "identity"}


# One printed cell raised by 1, and the identities that then fail (worked out by hand).
BREAKS = [
    (("requests", "carried_forward", "commercial"), {"requests.balance", "requests.row_total"}),
    (("requests", "carried_forward", "total"), {"requests.balance", "requests.row_total"}),
    (("requests", "granted", "total"), {"requests.row_total", "requests.results_total"}),
    (("requests", "total", "research"), {"requests.balance", "requests.row_total", "requests.results_total"}),
    (("requests", "denied.state_secret", "natural_person"), {"requests.row_total", "requests.results_total"}),
    (("appeals", "all", "reconsideration.pending"), {"appeals.reconsideration_total"}),
    (("appeals", "all", "litigation_direct.upheld"), {"appeals.litigation_direct_total"}),
    (("appeals", "all", "litigation_after.total"), {"appeals.litigation_after_total"}),
    (("appeals", "all", "litigation_after.corrected"), {"appeals.litigation_after_total"}),
    (("proactive", "regulations", "in_force"), set()),  # 现行有效件数 is not an identity (TEMPLATES.md)
]
IDENTITIES = {"requests.balance", "requests.row_total", "requests.results_total", "appeals.reconsideration_total",
              "appeals.litigation_direct_total", "appeals.litigation_after_total"}


@pytest.mark.parametrize("form_id", ["2021", "2019"])
def test_a_valid_grid_breaks_nothing(form_id: str) -> None:
    assert failing_ids(form_id, valid_grid(form_id)) == set()


@pytest.mark.parametrize("form_id", ["2021", "2019"])
@pytest.mark.parametrize("cell, broken", BREAKS, ids=[".".join(c[1:]) for c, _ in BREAKS])
def test_one_broken_sum_is_reported_under_its_identity(form_id: str, cell, broken) -> None:
    grid = valid_grid(form_id)
    if form_id == "2019" and cell[0] == "proactive":
        cell = ("proactive", "regulations", "total_published")  # 对外公开总数量: not an identity either
    grid[cell] += 1
    assert failing_ids(form_id, grid) == broken


def test_every_identity_is_broken_somewhere() -> None:
    assert set().union(*(b for _, b in BREAKS)) == IDENTITIES


@pytest.mark.parametrize("form_id", ["2021", "2019"])
def test_results_total_counts_every_result_row(form_id: str) -> None:
    """Each result row of table 三 is a term of 总计 = 各项办理结果之和: raise one cell of each
    (with its row total) and only that identity (and the balance, through 总计) can fail."""
    results = [r.key for r in official_form(form_id).table("requests").rows if r.key not in RESULT_EXCLUDED]
    for r in results:
        grid = valid_grid(form_id)
        grid[("requests", r, "other_org")] += 1
        grid[("requests", r, "total")] += 1
        assert failing_ids(form_id, grid) == {"requests.results_total"}, r
