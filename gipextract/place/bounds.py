"""Step ``bounds``: blank cells settled by bounds, since counts are never negative.

A report may leave cells blank that are not 0 (a 总计 it did not fill in). One identity
with one blank fixes that blank on its own; several blanks need the others first: a
printed column total pins every other blank of its column to 0 once the printed values
already add up, and that in turn fixes each row's blank total. This module propagates
lower and upper bounds over all identities of a table until nothing changes, and says
which blanks are then fixed. It never changes a printed value.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from .placement import FORCED, Placement
from .state import State

Value = int | Decimal
Var = tuple[int, int]  # (row, column)
Term = tuple[int, int, int]  # (row, column, coefficient)
Bound = tuple[Value | None, Value | None]  # (low, high); None is unbounded

_MAX_PASSES = 64  # bounds shrink by whole steps; a table settles in a few passes


def propagate(values: Mapping[Var, Value], free: set[Var], signed: set[Var],
              equations: Sequence[Sequence[Term]]) -> dict[Var, Bound] | None:
    """Bounds of each free cell under ``sum(coef * cell) == 0`` for every equation.

    ``values`` holds every known cell; ``free`` cells start at [0, ∞), or unbounded when
    in ``signed``. Returns None when the bounds cross (no values fit the equations).
    """
    bounds: dict[Var, Bound] = {v: ((None, None) if v in signed else (0, None)) for v in free}
    eqs = [eq for eq in equations if any((u, c) in free for u, c, _ in eq)]
    for _ in range(_MAX_PASSES):
        changed = False
        for eq in eqs:
            const = sum(values[(u, c)] * k for u, c, k in eq if (u, c) not in free)
            for u, c, k in eq:
                var = (u, c)
                if var not in free:
                    continue
                # k * var == -(const + sum of the other free terms): bound that sum.
                lo_rest: Value | None = const
                hi_rest: Value | None = const
                for u2, c2, k2 in eq:
                    other = (u2, c2)
                    if other == var or other not in free:
                        continue
                    lo, hi = bounds[other]
                    a, b = (lo, hi) if k2 > 0 else (hi, lo)
                    lo_rest = None if lo_rest is None or a is None else lo_rest + k2 * a
                    hi_rest = None if hi_rest is None or b is None else hi_rest + k2 * b
                # var == -rest / k; coefficients are ±1 in the forms (a term that would
                # need a division is left to the others, which keeps the arithmetic exact).
                if k == 1:
                    new_lo = None if hi_rest is None else -hi_rest
                    new_hi = None if lo_rest is None else -lo_rest
                elif k == -1:
                    new_lo, new_hi = lo_rest, hi_rest
                else:
                    continue
                lo, hi = bounds[var]
                if new_lo is not None and (lo is None or new_lo > lo):
                    lo, changed = new_lo, True
                if new_hi is not None and (hi is None or new_hi < hi):
                    hi, changed = new_hi, True
                if lo is not None and hi is not None and lo > hi:
                    return None
                bounds[var] = (lo, hi)
        if not changed:
            break
    return bounds


def settle(values: Mapping[Var, Value], blanks: set[Var], signed: set[Var],
           equations: Sequence[Sequence[Term]]) -> dict[Var, Value] | None:
    """New values for blank cells that the bounds fix, when the equations then all hold.

    ``values`` holds every cell, ``blanks`` at their blank reading (0). A blank reads 0
    unless an identity it takes part in fails; those blanks are left open and the bounds
    over every identity decide them (and, if that breaks another identity, the blanks of
    that one too). Returns only the cells whose value changes; None when a failing identity
    keeps an open blank, the bounds cross, or the printed numbers themselves disagree
    (a finding, never a fix).
    """
    # A total left blank is the likeliest reading: first only the blanks that stand alone on
    # their side of a failing identity (the 总计 of a row whose parts are printed or blank) are
    # opened, the other blanks kept at 0; only if that does not settle is every blank opened.
    return _settle(values, blanks, signed, equations, lone_only=True) or \
        _settle(values, blanks, signed, equations, lone_only=False)


def _lone(eq: Sequence[Term]) -> set[Var]:
    """The term alone on its side of ``sum(coef * cell) == 0`` (the total), if one is."""
    plus = [(u, c) for u, c, k in eq if k > 0]
    minus = [(u, c) for u, c, k in eq if k < 0]
    return set(plus) if len(plus) == 1 else set(minus) if len(minus) == 1 else set()


def _settle(values: Mapping[Var, Value], blanks: set[Var], signed: set[Var], equations: Sequence[Sequence[Term]],
            lone_only: bool) -> dict[Var, Value] | None:
    current = dict(values)
    free: set[Var] = set()
    for _ in range(4):
        failing = [eq for eq in equations if sum(current[(u, c)] * k for u, c, k in eq) != 0]
        if not failing:
            break
        grow = {(u, c) for eq in failing for u, c, _ in eq if (u, c) in blanks
                and (not lone_only or (u, c) in _lone(eq))} - free
        if not grow:
            return None
        free |= grow
        bounds = propagate(values, free, signed, equations)
        if bounds is None:
            return None
        for v in free:
            lo, hi = bounds[v]
            x = _exact(lo, values[v]) if lo is not None and lo == hi else None
            current[v] = x if x is not None else values[v]
    else:
        return None
    if any(sum(current[(u, c)] * k for u, c, k in eq) != 0 for eq in equations):
        return None
    out = {v: x for v, x in current.items() if x != values[v]}
    return out or None


def _exact(x: Value, like: Value) -> Value | None:
    """``x`` in the type of the cell it fills: counts stay whole ``int``, amounts ``Decimal``."""
    if isinstance(like, int):
        if isinstance(x, int):
            return x
        return int(x) if x == x.to_integral_value() else None
    return x if isinstance(x, Decimal) else Decimal(x)


def settle_by_bounds(state: State) -> None:
    """Blank cells that bounds over all of a table's identities fix (``inferred``), where every
    row has one reading and the blanks read as 0 break an identity; everything else as read."""
    for table in state.tables.values():
        chosen = table.chosen
        if not chosen or any(len(ps) != 1 for ps in chosen.values()):
            continue
        local, cross, _ = table.equations(state.template.id)  # type: ignore[union-attr]
        rows = table.all_rows()
        kind_of = {c.key: c.kind for c in table.spec.columns}
        values: dict[Var, Value] = {}
        free: set[Var] = set()
        signed: set[Var] = set()
        for i, ps in chosen.items():
            p, r = ps[0], rows[i]
            for j, v in enumerate(p.values):
                values[(i, j)] = v
                o = p.origin[j]
                if o < 0 and p.pieces[j] is None or o >= 0 and r.tokens[o].blank:
                    free.add((i, j))
                    if kind_of[r.row.columns[j]] == "signed":
                        signed.add((i, j))
        if not free:
            continue
        eqs = [tuple((i, c, k) for c, k in eq) for i in chosen for eq in local[i]]
        eqs += [eq.terms for eq in cross if all(u in chosen for u, _, _ in eq.terms)]
        if all(sum(values[(u, c)] * k for u, c, k in eq) == 0 for eq in eqs):
            continue  # the common case: the blanks read as 0 already fit
        fixed = settle(values, free, signed, eqs)
        if not fixed:
            continue
        for i in {u for u, _ in fixed}:
            p = chosen[i][0]
            vals, origin = list(p.values), list(p.origin)
            for (u, j), v in fixed.items():
                if u == i:
                    vals[j], origin[j] = v, FORCED
            chosen[i] = [Placement(tuple(vals), tuple(origin), p.pieces)]
