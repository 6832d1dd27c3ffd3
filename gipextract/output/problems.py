"""``gipextract check``: what a draft report gets wrong, for the office writing it.

Every finding of the report, grouped by severity (so checks added by other modules flow
through); each broken identity with its two sides, their difference, only the non-zero
terms and where each is printed; a cell shared by several broken identities named once as
the likely culprit.
"""
from __future__ import annotations

from collections import Counter

from .. import templates
from ..checks.identities import CellRef, Failure, failures
from ..messages import SEVERITY, Lang, cell_label, localize, show, where
from ..report import Cell, Report

# Marks that every Chinese console encoding has (GBK holds × and √, not ✗ and ✓).
MARKS = {"error": "×", "warning": "!", "info": "·"}
OK_MARK = "√"


def broken(report: Report) -> list[Failure]:
    """The identity instances the report's values break."""
    values = {(c.table, c.row, c.column): c.value for c in report.cells}
    return failures(templates.get(report.template), values)[0]


def culprits(failed: list[Failure]) -> list[tuple[CellRef, int]]:
    """Cells that sit in more than one broken identity, most shared first: the likely error."""
    counts = Counter(c for f in failed for c in set(f.check.left + f.check.right))
    return [(c, n) for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n > 1]


def identity_lines(report: Report, f: Failure, lang: Lang = "zh") -> list[str]:
    """One broken identity: what it says, each side's non-zero terms with where they are
    printed, each side's sum and the difference."""
    tpl = templates.get(report.template)
    cells = {(c.table, c.row, c.column): c for c in report.cells}
    chk = f.check
    table = tpl.table(chk.spec.table)
    about = (table.column(chk.where).label if chk.spec.over == "columns"
             else (table.row(chk.where).label or "")).split("（区分")[0]
    zh = lang == "zh"
    head = f"{MARKS['error']} " + (f"勾稽关系不成立：{chk.spec.text}" if zh else f"identity {chk.spec.id} fails")
    out = [head + (f"（{about}）" if zh and about else f" [{chk.where}]" if not zh else "")]
    for name, refs, total in (("左边" if zh else "left", chk.left, f.left_sum),
                              ("右边" if zh else "right", chk.right, f.right_sum)):
        terms = [_term(tpl.id, r, cells[r], lang) for r in refs if cells[r].value]
        zeros = len(refs) - len(terms)
        if not terms and len(refs) <= 2:  # a side of one or two cells: name them, zeros or not
            terms, zeros = [_term(tpl.id, r, cells[r], lang) for r in refs], 0
        if not terms:
            body = "各项均为 0" if zh else "every term is 0"
        else:
            body = " + ".join(terms) + ((f"（另有 {zeros} 项为 0）" if zh else f" (and {zeros} terms of 0)")
                                        if zeros else "")
        out.append(f"    {name}：{body} = {show(total)}" if zh else f"    {name}: {body} = {show(total)}")
    diff = f.left_sum - f.right_sum  # type: ignore[operator]
    out.append(f"    相差 {show(diff)}" if zh else f"    difference {show(diff)}")
    return out


def _term(template_id: str, ref: CellRef, cell: Cell, lang: Lang) -> str:
    at = where(cell.source, lang)
    return f"{cell_label(template_id, ref, lang)} {show(cell.value)}" + (
        (f"［{at}］" if lang == "zh" else f" [{at}]") if at else "")


def problems(report: Report, lang: Lang = "zh") -> list[str]:
    """Readable lines, grouped by severity: broken identities in detail (with the likely
    culprit), then every other finding; empty when nothing is wrong."""
    report = localize(report, lang)
    zh = lang == "zh"
    failed = broken(report)
    out: list[str] = []
    for severity in ("error", "warning", "info"):
        lines: list[str] = []
        count = 0
        if severity == "error":
            for f in failed:
                lines += identity_lines(report, f, lang)
                count += 1
            for ref, n in culprits(failed):
                cell = next(c for c in report.cells if (c.table, c.row, c.column) == ref)
                at = where(cell.source, lang)
                lines.append((f"  → 可能出错的单元格：{cell_label(report.template, ref)} {show(cell.value)}"
                              + (f"［{at}］" if at else "") + f"，同时出现在 {n} 条不成立的勾稽关系中") if zh else
                             (f"  → likely culprit: {'.'.join(ref)} = {show(cell.value)}" + (f" [{at}]" if at else "")
                              + f", in {n} broken identities"))
        for finding in report.findings:
            if finding.severity != severity or finding.code == "identity":
                continue
            lines.append(f"{MARKS[severity]} [{finding.code}] {finding.message}")
            count += 1
        if count:
            out.append(f"{SEVERITY[lang][severity]}（{count}）" if zh else f"{SEVERITY[lang][severity]} ({count})")
            out += ["  " + x if not x.startswith("  ") else x for x in lines]
    return out


def needs_fixing(report: Report) -> bool:
    """True when the report breaks an identity or has an error or warning finding."""
    return bool(broken(report)) or any(f.severity in ("error", "warning") for f in report.findings)
