"""Totals that part 一 states in words, held against table 三's 总计 column."""
from __future__ import annotations

import re

from ..report import Finding, Report, finding
from . import Context

# Totals that part 一 usually restates, as (pattern, cell of table 三's 总计 column).
_N = r"(\d[\d,]*)\s*(?:件|条|个)"
_GAP = r"[^，。；;,、\d]{0,14}?"
PROSE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:收到|受理|新收|接到|接收)[^，。；;,、\d]{0,14}?申请" + _GAP + _N), "new_received"),
    (re.compile(r"(?:收到|受理|新收|接到|接收)" + _GAP + _N + r"[^，。；;\d]{0,3}?申请"), "new_received"),
    (re.compile(r"上一?年度?结转" + _GAP + _N), "carried_over"),
    (re.compile(r"结转(?:至|到)?下一?年度?(?:继续办理)?" + _GAP + _N), "carried_forward"),
    (re.compile(_N + r"[^，。；;\d]{0,4}?结转(?:至|到)?下一?年度?"), "carried_forward"),
    (re.compile(r"(?:办结|答复|办理完毕)" + _GAP + _N), "total"),
)


def prose_findings(report: Report, context: Context | None = None) -> list[Finding]:
    """Totals stated in part 一 that disagree with table 三's 总计 column."""
    text = report.sections.get("一", "")
    if not text:
        return []
    out = []
    seen = set()
    for pattern, row in PROSE_PATTERNS:
        if row in seen:
            continue
        m = next((m for m in pattern.finditer(text) if not re.search("复议|诉讼|诉求|投诉", m.group(0))), None)
        if m is None:
            continue
        seen.add(row)
        digits = m.group(1).replace(",", "")
        if len(digits) > 18:  # no real total is this long (and int() refuses 4,300+ digits)
            continue
        stated = int(digits)
        try:
            cell = report.cell("requests", row, "total")
        except KeyError:
            continue
        if cell.value is not None and cell.value != stated:
            out.append(finding("prose", [cell.ref], stated=m.group(0), value=cell.value))
    return out
