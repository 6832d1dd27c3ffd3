"""Step ``premises``: cells read on a premise, and what undoes them.

A row that prints fewer values than it has cells is read with its absent cells as blanks
(0), or with what a row identity then forces. That holds only if the identities hold: where
one over such cells fails, the premise is broken and the cells are left open.
"""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from functools import lru_cache
from typing import Sequence

from ..report import Cell, Finding, finding
from ..templates.identities import Evaluation, evaluate, ref_str
from .placement import Placement
from .state import State


def rests_on_absent_cells(placements: Sequence[Placement], local: Sequence[tuple[tuple[int, int], ...]]) -> bool:
    """Does a reading leave more cells unprinted than the row's own identities can fix?

    One cell missing from a row that sums to its total is fixed whatever it is; six missing
    are 0 only because absent cells are read as 0.
    """
    for p in placements:
        absent = tuple(j for j, o in enumerate(p.origin) if o < 0 and p.pieces[j] is None)
        if absent and _fixable(absent, tuple(local)) < len(absent):
            return True
    return False


@lru_cache(maxsize=4096)
def _fixable(absent: tuple[int, ...], local: tuple[tuple[tuple[int, int], ...], ...]) -> int:
    # Rows repeat the same few (absent cells, identities) pairs: the rank with Fractions is
    # worked out once each (cells step 0.88 -> 0.69 ms a text report, bench/bench_steps.py).
    return _rank([[dict(eq).get(j, 0) for j in absent] for eq in local])


def _rank(matrix: list[list[int]]) -> int:
    rows = [[Fraction(x) for x in r] for r in matrix if any(r)]
    rank = 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                f = rows[r][col] / rows[rank][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank])]
        rank += 1
    return rank


def undo_contradicted(state: State) -> None:
    """Evaluate the identities over the cells; where one fails over cells read on a premise,
    those cells become ``missing`` and the identities are evaluated again over the new grid.
    The last evaluation is the report's (see :mod:`gipextract.checks.identities`)."""
    template = state.template
    assert template is not None
    evaluation = evaluate(template, _values(state.cells))
    assumed = {(t.spec.key, key) for t in state.tables.values() for key in t.assumed}
    ordered = frozenset((t.spec.key, r.row.key) for t in state.tables.values() for r in t.rows
                        if r.read_by == "order")
    cells, undone = contradicted(evaluation, state.cells, assumed, ordered)
    cells, unsure = unconfirmed_totals(evaluation, cells)
    undone += unsure
    if undone:  # an inferred finding about cells now left open would name values no longer given
        gone = {ref for f in undone for ref in f.cells}
        state.findings = [f for f in state.findings if not (f.code == "inferred" and set(f.cells) <= gone)] + undone
        state.cells = cells
        evaluation = evaluate(template, _values(cells))
    state.evaluation = evaluation


def unconfirmed_totals(evaluation: Evaluation, cells: list[Cell]) -> tuple[list[Cell], list[Finding]]:
    """A total read blank from a bare label ((七)总计 printing nothing: ``empty``, no source)
    whose parts include cells left open is no confirmed 0: an identity that would confirm it
    is unchecked, and a converter that moved the parts' values may have moved the total's.
    Such cells become ``missing``."""
    by_ref = {(c.table, c.row, c.column): c for c in cells}
    open_totals: dict[tuple[str, str, str], str] = {}
    for check in evaluation.unchecked:
        if len(check.left) != 1:
            continue
        total = by_ref.get(check.left[0])
        if total is None or total.status != "empty" or total.source is not None:
            continue
        if any(ref in by_ref and by_ref[ref].value is None for ref in check.right):
            open_totals.setdefault(check.left[0], check.spec.id)
    if not open_totals:
        return cells, []
    out = [replace(c, value=None, status="missing", note="a blank total over open cells")
           if (c.table, c.row, c.column) in open_totals else c for c in cells]
    return out, [finding("total_unconfirmed", [ref_str(ref)], identity=ident) for ref, ident in open_totals.items()]


def _values(cells: list[Cell]) -> dict[tuple[str, str, str], object]:
    return {(c.table, c.row, c.column): c.value for c in cells}


def contradicted(evaluation: Evaluation, cells: list[Cell], assumed: set[tuple[str, str]],
                 ordered: frozenset[tuple[str, str]] = frozenset()) -> tuple[list[Cell], list[Finding]]:
    """Cells read on a premise, named by a failing identity, become ``missing``: the unprinted
    cells of a row that rests on absent cells (``assumed``), and the cells of a row whose
    values were put there by the form's order (``ordered``, see :mod:`.order`).

    Such values hold only if absent cells are blanks, or the order is the form's, and the
    identities hold. A failing identity over them breaks that premise (pdftotext printed a
    row's values beside the wrong line, and its label stood bare), so nothing fixes them any
    more. The identity finding still reports the sums as read.
    """
    def unprinted(c: Cell) -> bool:
        row = (c.table, c.row)
        return c.status in ("inferred", "empty") and (row in ordered or c.source is None and row in assumed)

    if not assumed and not ordered or not evaluation.failed:
        return cells, []
    by_ref = {(c.table, c.row, c.column): c for c in cells}
    rows: dict[tuple[str, str], list[str]] = {}
    for f in evaluation.failed:
        for ref in f.check.left + f.check.right:
            if ref in by_ref and unprinted(by_ref[ref]):
                ids = rows.setdefault(ref[:2], [])
                if f.check.spec.id not in ids:
                    ids.append(f.check.spec.id)
    if not rows:
        return cells, []
    out = [replace(c, value=None, status="missing", note="contradicted by an identity")
           if (c.table, c.row) in rows and unprinted(c) else c for c in cells]
    return out, [finding("inferred_contradicted", [ref_str((c.table, c.row, c.column)) for c in cells
                                                   if (c.table, c.row) == (table, row) and unprinted(c)],
                         table=table, row=row, identities=ids)
                 for (table, row), ids in sorted(rows.items())]
