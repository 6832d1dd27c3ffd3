"""Two years of one unit: the 结转 chain (this year's 上年结转 = last year's 结转下年度) and the
cells that changed."""
from __future__ import annotations

import re

from ..errors import IncompatibleReportsError
from ..report import Finding, Report, Value, finding

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def cross_year(previous: Report, current: Report) -> list[Finding]:
    """This year's 上年结转 must equal last year's 结转下年度, column by column, for the same unit."""
    out = []
    if previous.template and current.template and (previous.info.unit or "") != (current.info.unit or ""):
        a, b = _bare(previous.info.unit), _bare(current.info.unit)
        if a and b and not (a.endswith(b) or b.endswith(a)):
            out.append(finding("cross_year_unit", previous_unit=previous.info.unit, unit=current.info.unit))
    if previous.info.year is not None and current.info.year is not None and current.info.year != previous.info.year + 1:
        out.append(finding("cross_year_gap", previous_year=previous.info.year, year=current.info.year))
    for col in APPLICANTS:
        try:
            before = previous.cell("requests", "carried_forward", col).value
            now = current.cell("requests", "carried_over", col)
        except KeyError:
            continue
        if before is not None and now.value is not None and before != now.value:
            out.append(finding("cross_year", [now.ref], year=current.info.year, previous_year=previous.info.year,
                               column=col, now=now.value, before=before))
    return out


def _bare(unit: str | None) -> str:
    return re.sub(r"人民政府$|办事处$", "", unit or "")


def changes(old: Report, new: Report) -> list[tuple[str, Value, Value]]:
    """Every cell whose value differs between two reports of one form: (``table.row.column``,
    old value, new value), in form order."""
    if old.template != new.template:
        raise IncompatibleReportsError(None, "different_forms", forms=f"{old.template}, {new.template}",
                                       listing=f"{old.source.path}: {old.template}; {new.source.path}: {new.template}")
    before = {c.ref: c.value for c in old.cells}
    return [(c.ref, before.get(c.ref), c.value) for c in new.cells if before.get(c.ref) != c.value]
