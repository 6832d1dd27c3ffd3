"""A table's identities as equations over its rows' cells, for the readings and the joint search.

The rows are the form's rows, then each group printed only as its total, which stands in
for all of that group's rows at once. A function of the template and the groups alone, so
each table shape is worked out once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import templates
from ..templates.identities import expand

Local = tuple[tuple[tuple[int, int], ...], ...]  # per row: its own equations as (column, coefficient) pairs


@dataclass(frozen=True)
class Equation:
    """``sum(coef * cell) == 0`` over cells given as (row, column) pairs."""

    terms: tuple[tuple[int, int, int], ...]  # (row index, column index, coefficient)


@lru_cache(maxsize=None)
def equations(template_id: str, table_key: str, groups: tuple[str, ...]
              ) -> tuple[tuple[Local, ...], tuple[Equation, ...], dict[str, int]]:
    """The table's identities over its rows (the form's, then the groups printed only as a
    total): per row its row-local equations, the equations across rows, and which row stands
    in for each sub-row of those groups."""
    template = templates.get(template_id)
    spec = template.table(table_key)
    by_key = {g.key: g for g in spec.groups}
    all_columns = {c.key: j for j, c in enumerate(spec.columns)}
    row_index = {r.key: i for i, r in enumerate(spec.rows)}
    standing_in: dict[str, int] = {}  # sub-row key -> row of its group's total
    for k, key in enumerate(groups):
        for row_key in by_key[key].rows:
            standing_in[row_key] = len(spec.rows) + k
    col_index = [{c: j for j, c in enumerate(r.columns)} for r in spec.rows] + [all_columns for _ in groups]
    local: list[list[tuple[tuple[int, int], ...]]] = [[] for _ in col_index]
    cross: list[Equation] = []
    for check in expand(template):
        if check.spec.table != table_key:
            continue
        signed = [(r, c, 1) for _, r, c in check.left] + [(r, c, -1) for _, r, c in check.right]
        terms = _terms(signed, row_index, standing_in, col_index)
        if terms is None:
            continue
        rows = {u for u, _, _ in terms}
        if len(rows) == 1:
            local[terms[0][0]].append(tuple((c, k) for _, c, k in terms))
            # A group's total obeys the row identities of its rows.
            for key, total in standing_in.items():
                if terms[0][0] == row_index[key] and not local[total]:
                    local[total].append(tuple((c, k) for _, c, k in terms))
        else:
            cross.append(Equation(tuple(terms)))
    return tuple(tuple(eqs) for eqs in local), tuple(cross), standing_in


def _terms(signed: list[tuple[str, str, int]], row_index: dict[str, int], standing_in: dict[str, int],
           col_index: list[dict[str, int]]) -> list[tuple[int, int, int]] | None:
    """An identity's terms over rows; a group's total stands in for all its rows at once."""
    terms: dict[tuple[int, int], int] = {}
    seen_group: dict[tuple[int, int], int] = {}
    for r, c, k in signed:
        if r in standing_in:
            row = standing_in[r]
            key = (row, col_index[row][c])
            if key in seen_group:
                if seen_group[key] != k:
                    return None
                continue
            seen_group[key] = k
        else:
            row = row_index[r]
            key = (row, col_index[row][c])
        terms[key] = terms.get(key, 0) + k
    # Every row of a group must be in the identity for its total to stand in for them.
    return [(u, c, k) for (u, c), k in terms.items() if k]
