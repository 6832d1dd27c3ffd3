"""The form's identities as equations over cells, and the check every report gets."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from .. import templates
from ..report import Finding
from ..templates import IdentitySpec, Template

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
    template = templates.get(template_id)
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


def failures(template: Template, values: Mapping[CellRef, object]) -> tuple[list[Failure], list[Check]]:
    """Identity instances that fail, and those that cannot be checked (a cell has no value)."""
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
    return failed, unchecked


@lru_cache(maxsize=None)
def _labels(template_id: str) -> dict[CellRef, str]:
    t = templates.get(template_id)
    return {(tb.key, r.key, c): f"{r.label or ''}/{tb.column(c).label}".lstrip("/")
            for tb in t.tables for r in tb.rows for c in r.columns}


def identity_findings(template: Template, values: Mapping[CellRef, object]) -> list[Finding]:
    """One ``identity`` error per failing instance, naming its cells (Chinese labels) and both sides."""
    failed, _ = failures(template, values)
    labels = _labels(template.id) if failed else {}
    out = []
    for f in failed:
        check = f.check
        lhs = " + ".join(f"{labels[c]}({values[c]})" for c in check.left)
        rhs = " + ".join(f"{labels[c]}({values[c]})" for c in check.right)
        out.append(Finding("error", "identity",
                           f"{check.spec.id} [{check.where}]: {lhs} = {f.left_sum}, but {rhs} = {f.right_sum}",
                           tuple(ref_str(c) for c in check.left + check.right)))
    return out
