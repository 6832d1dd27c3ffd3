"""The form's identities as equations over cells, evaluated over a grid's values.

:func:`evaluate` is the one place that adds up both sides of every identity instance; the
placement (premises), the identity findings and everything that shows a broken identity
use its :class:`Evaluation`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from . import IdentitySpec, Template, get

CellRef = tuple[str, str, str]  # (table, row, column)


def ref_str(ref: CellRef) -> str:
    """``table.row.column`` as used in JSON output."""
    return ".".join(ref)


@dataclass(frozen=True)
class Check:
    """One instance of an identity: ``sum(left) == sum(right)``."""

    spec: IdentitySpec
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    where: str  # the column or row the instance is about


def expand(template: Template) -> tuple[Check, ...]:
    """Every instance of every identity of ``template``."""
    return _expand(template.id)


@lru_cache(maxsize=None)
def _expand(template_id: str) -> tuple[Check, ...]:
    template = get(template_id)
    out: list[Check] = []
    for ident in template.identities:
        table = template.table(ident.table)
        if ident.over == "columns":
            for col in table.columns:
                rows = [table.row(r) for r in ident.left + ident.right]
                if all(col.key in r.columns for r in rows):
                    out.append(Check(ident, tuple((table.key, r, col.key) for r in ident.left),
                                     tuple((table.key, r, col.key) for r in ident.right), col.key))
        else:
            for row in table.rows:
                if all(c in row.columns for c in ident.left + ident.right):
                    out.append(Check(ident, tuple((table.key, row.key, c) for c in ident.left),
                                     tuple((table.key, row.key, c) for c in ident.right), row.key))
    return tuple(out)


@dataclass(frozen=True)
class Failure:
    """An identity instance that the values break."""

    check: Check
    left_sum: object
    right_sum: object


@dataclass(frozen=True)
class Evaluation:
    """Every identity instance of a grid: those that fail, and those a cell without a value
    leaves unchecked (the others hold)."""

    failed: tuple[Failure, ...]
    unchecked: tuple[Check, ...]


def evaluate(template: Template, values: Mapping[CellRef, object]) -> Evaluation:
    """Add up both sides of every identity instance of ``template`` over ``values``."""
    failed: list[Failure] = []
    unchecked: list[Check] = []
    for check in expand(template):
        try:
            ls = sum(values[c] for c in check.left)  # type: ignore[misc]
            rs = sum(values[c] for c in check.right)  # type: ignore[misc]
        except (KeyError, TypeError):  # a cell without a value (None, or not in the grid)
            unchecked.append(check)
            continue
        if ls != rs:
            failed.append(Failure(check, ls, rs))
    return Evaluation(tuple(failed), tuple(unchecked))
