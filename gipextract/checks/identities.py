"""The form's identities that the printed numbers break: one ``identity`` error each.

The identities are evaluated once per grid (:func:`gipextract.templates.identities.evaluate`);
this turns an evaluation into findings that carry both sides' terms, sums and difference,
so that nothing downstream adds them up again.
"""
from __future__ import annotations

from typing import Mapping

from ..report import Finding, finding
from ..templates import Template
from ..templates.identities import CellRef, Evaluation, evaluate, ref_str


def identity_findings(evaluation: Evaluation, values: Mapping[CellRef, object]) -> list[Finding]:
    """One ``identity`` error per failing instance, naming its cells and both sides."""
    out = []
    for f in evaluation.failed:
        check = f.check
        out.append(finding("identity", [ref_str(c) for c in check.left + check.right],
                           identity=check.spec.id, where=check.where,
                           left=[[ref_str(c), values[c]] for c in check.left],
                           right=[[ref_str(c), values[c]] for c in check.right],
                           left_sum=f.left_sum, right_sum=f.right_sum,
                           difference=f.left_sum - f.right_sum))  # type: ignore[operator]
    return out


def grid_findings(template: Template, values: Mapping[CellRef, object]) -> list[Finding]:
    """Evaluate the identities over ``values`` and report those that fail (a grid made
    elsewhere: a sum of reports)."""
    return identity_findings(evaluate(template, values), values)
