"""Two years of one unit: the 结转 chain (this year's 上年结转 = last year's 结转下年度) and the
cells that changed, across the change of form too.

A 2020 report is on the 2019 form and its 2021 successor on the 2021 form: the year the chain
most needs checking. Table 三's rows 二、上年结转 and 四、结转下年度继续办理 and its seven
columns are the same in both forms, so the chain is checked whatever the forms. Cells are
compared only where the forms share a concept (FORM-NOTES §3.4): table 三 and 四 row for row,
the 2019 （六）其他处理 against the sum of the 2021 （六）'s three rows, and in table 二 the
documents made this year (本年新制作数量 → 本年制发件数) and the decisions (处理决定数量 →
本年处理决定数量). 对外公开总数量 is not 现行有效件数 (published so far, not in force), and
the 2019 items, changes and procurement have no 2021 counterpart: they are not compared.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..report import Finding, Report, Value, finding
from ..templates import get

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
_OTHER_2021 = ("other.no_correction", "other.unpaid_fee", "other.other")
# Table 二 of 2019 → 2021, where the two columns count the same thing.
_PROACTIVE = (("regulations", "made", "issued"), ("normative_documents", "made", "issued"),
              ("licensing", "decisions", "decisions"), ("penalty", "decisions", "decisions"),
              ("coercion", "decisions", "decisions"))

Pair = tuple[tuple[str, ...], tuple[str, ...]]  # old cells, new cells (each side summed)


def cross_year(previous: Report, current: Report) -> list[Finding]:
    """This year's 上年结转 must equal last year's 结转下年度, column by column, for the same
    unit (both forms have these rows and columns)."""
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


@lru_cache(maxsize=None)
def cell_pairs(old_template: str, new_template: str) -> tuple[Pair, ...]:
    """The cells two forms share, in the new form's order: (old cells, new cells), each side
    summed when it has several (the 2019 （六）其他处理 is the sum of the 2021 （六）'s rows)."""
    if old_template == new_template:
        return tuple(((k,), (k,)) for k in (".".join(c) for c in get(new_template).cell_keys()))
    if {old_template, new_template} != {"2019", "2021"}:
        return ()
    pairs = [((f"proactive.{row}.{a}",), (f"proactive.{row}.{b}",)) for row, a, b in _PROACTIVE]
    rows_2019 = {r.key for r in get("2019").table("requests").rows}
    for row in get("2021").table("requests").rows:
        if row.key in rows_2019:
            pairs += [((f"requests.{row.key}.{c}",),) * 2 for c in APPLICANTS]  # type: ignore[misc]
        elif row.key == _OTHER_2021[0]:
            pairs += [((f"requests.other.{c}",), tuple(f"requests.{r}.{c}" for r in _OTHER_2021)) for c in APPLICANTS]
    pairs += [((f"appeals.all.{c.key}",),) * 2 for c in get("2021").table("appeals").columns]  # type: ignore[misc]
    if old_template == "2021":  # a later report on the older form: the same pairs the other way
        pairs = [(b, a) for a, b in pairs]
    return tuple(pairs)


def pair_ref(pair: Pair, old_template: str, new_template: str) -> tuple[str, str]:
    """The cell that names a pair for people, and its form: the new form's cell, or the old
    form's where several new cells stand for one old one."""
    old, new = pair
    return (new[0], new_template) if len(new) == 1 else (old[0], old_template)


def _total(values: dict[str, Value], refs: tuple[str, ...]) -> Value:
    got = [values.get(r) for r in refs]
    if any(v is None for v in got):
        return None
    return sum(got[1:], got[0])  # type: ignore[arg-type, return-value]


def changes(old: Report, new: Report) -> list[tuple[str, Value, Value]]:
    """Every cell the two reports' forms share whose value differs: (``table.row.column`` as
    :func:`pair_ref` names it, old value, new value), in the new form's order."""
    before = {c.ref: c.value for c in old.cells}
    after = {c.ref: c.value for c in new.cells}
    out = []
    for pair in cell_pairs(old.template, new.template):
        a, b = _total(before, pair[0]), _total(after, pair[1])
        if a != b:
            out.append((pair_ref(pair, old.template, new.template)[0], a, b))
    return out
