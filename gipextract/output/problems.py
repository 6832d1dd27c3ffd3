"""``gipextract check``: what a draft report gets wrong, for the office writing it.

Every finding of the report, grouped by severity (so checks added by other modules flow
through); each broken identity with its two sides, their difference, only the non-zero
terms and where each is printed; a cell shared by several broken identities named once as
the likely culprit. The identities are not added up again: the ``identity`` findings carry
both sides.
"""
from __future__ import annotations

from collections import Counter

from ..messages import Lang, say, show, where
from ..report import Cell, Finding, Report
from ..templates.labels import cell_label

# Marks that every Chinese console encoding has (GBK holds × and √, not ✗ and ✓).
MARKS = {"error": "×", "warning": "!", "info": "·"}
OK_MARK = "√"


def broken(report: Report) -> list[Finding]:
    """The report's ``identity`` findings: the identity instances its values break."""
    return [f for f in report.findings if f.code == "identity" and "left" in f.args]


def culprits(failed: list[Finding]) -> list[tuple[str, int]]:
    """Cells that sit in more than one broken identity, most shared first: the likely error."""
    counts = Counter(c for f in failed for c in set(f.cells))
    return [(c, n) for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n > 1]


def identity_lines(report: Report, f: Finding, lang: Lang = "zh") -> list[str]:
    """One broken identity: what it says, each side's non-zero terms with where they are
    printed, each side's sum and the difference."""
    cells = {c.ref: c for c in report.cells}
    args = f.args
    out = [f"{MARKS['error']} " + say("check.identity", lang, template_id=report.template, identity=args["identity"],
                                      where=args["where"])]
    for side, total in (("left", args["left_sum"]), ("right", args["right_sum"])):
        refs = [ref for ref, _ in args[side]]
        terms = [_term(report.template, ref, cells[ref], lang) for ref in refs if cells[ref].value]
        zeros = len(refs) - len(terms)
        if not terms and len(refs) <= 2:  # a side of one or two cells: name them, zeros or not
            terms, zeros = [_term(report.template, ref, cells[ref], lang) for ref in refs], 0
        body = " + ".join(terms) + (say("check.zeros", lang, count=zeros) if zeros else "") if terms else \
            say("check.all_zero", lang)
        out.append("    " + say(f"check.{side}", lang, terms=body, total=show(total)))
    out.append("    " + say("check.difference", lang, difference=show(args["difference"])))
    return out


def _term(template_id: str, ref: str, cell: Cell, lang: Lang) -> str:
    at = where(cell.source, lang)
    return f"{cell_label(template_id, ref, lang)} {show(cell.value)}" + (
        (f"［{at}］" if lang == "zh" else f" [{at}]") if at else "")


def problems(report: Report, lang: Lang = "zh") -> list[str]:
    """Readable lines, grouped by severity: broken identities in detail (with the likely
    culprit), then every other finding; empty when nothing is wrong."""
    failed = broken(report)
    detailed = {id(f) for f in failed}
    cells = {c.ref: c for c in report.cells}
    out: list[str] = []
    for severity in ("error", "warning", "info"):
        lines: list[str] = []
        count = 0
        if severity == "error":
            for f in failed:
                lines += identity_lines(report, f, lang)
                count += 1
            for ref, n in culprits(failed):
                cell = cells[ref]
                at = where(cell.source, lang)
                lines.append("  → " + say("check.culprit", lang, cell=cell_label(report.template, ref, lang),
                                          value=show(cell.value), at=(f"［{at}］" if lang == "zh" else f" [{at}]")
                                          if at else "", count=n))
        for finding in report.findings:
            if finding.severity != severity or id(finding) in detailed:
                continue
            lines.append(f"{MARKS[severity]} [{finding.code}] {finding.text(lang)}")
            count += 1
        if count:
            out.append(say(f"severity.{severity}", lang, count=count))
            out += ["  " + x if not x.startswith("  ") else x for x in lines]
    return out


def needs_fixing(report: Report) -> bool:
    """True when the report breaks an identity or has an error or warning finding."""
    return any(f.severity in ("error", "warning") for f in report.findings)
