"""The national form's three tables laid out as the form prints them, from the template's own
labels: rows of slots with their spans, each slot a printed label or a grid cell.

Table 二 is a block per 第二十条 item (a caption, 信息内容 and its column labels, the rows);
table 三 has the corner note, three header rows and its label columns merged as printed; table
四 two header levels over one row of values. A writer (the report page) turns the slots into
its own markup; nothing here knows of a report's values.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ..templates import TableSpec, get

CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORG_COLUMNS = ("commercial", "research", "social_welfare", "legal_service", "other_org")
WIDE_ROWS = ("new_received", "carried_over", "carried_forward")  # labels across all three label columns
RESULTS = "三、本年度办理结果"
OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass(frozen=True)
class Slot:
    """One printed cell of the form: a label (``text``) or a grid cell (``ref``), spanning
    ``rows`` × ``cols``; ``head`` for header and caption cells."""

    text: str = ""
    ref: str | None = None
    rows: int = 1
    cols: int = 1
    head: bool = False


Row = tuple[Slot, ...]


@lru_cache(maxsize=None)
def layout(template_id: str, table: str) -> tuple[Row, ...]:
    """The rows of slots of one table (``proactive``, ``requests``, ``appeals``) of a form."""
    spec = get(template_id).table(table)
    return tuple(tuple(r) for r in _BUILDERS[table](spec))


def _proactive(spec: TableSpec) -> list[list[Slot]]:
    groups: list[tuple[str, list]] = []
    for row in spec.rows:
        if not groups or groups[-1][0] != row.group:
            groups.append((row.group or "", []))
        groups[-1][1].append(row)
    width = math.lcm(*(len(r.columns) for r in spec.rows))  # value columns every block divides evenly
    out: list[list[Slot]] = []
    for caption, rows in groups:
        out.append([Slot(caption, cols=1 + width, head=True)])
        span = width // len(rows[0].columns)
        out.append([Slot("信息内容", head=True)] + [Slot(spec.column(c).label, cols=span, head=True)
                                                  for c in rows[0].columns])
        for row in rows:
            span = width // len(row.columns)
            out.append([Slot(row.label or "")] + [Slot(ref=f"{spec.key}.{row.key}.{c}", cols=span)
                                                  for c in row.columns])
    return out


def _requests(spec: TableSpec) -> list[list[Slot]]:
    cols = [c.key for c in spec.columns]
    orgs = [c for c in cols if c in ORG_COLUMNS]
    out: list[list[Slot]] = [
        [Slot(CORNER, rows=3, cols=3, head=True), Slot("申请人情况", cols=len(cols), head=True)],
        [Slot(spec.column("natural_person").label, rows=2, head=True), Slot("法人或其他组织", cols=len(orgs), head=True),
         Slot(spec.column("total").label, rows=2, head=True)],
        [Slot(spec.column(c).label, head=True) for c in orgs],
    ]
    results = [row for row in spec.rows if row.key not in WIDE_ROWS]
    i = 0
    while i < len(spec.rows):
        row = spec.rows[i]
        values = [Slot(ref=f"{spec.key}.{row.key}.{c}") for c in cols]
        if row.key in WIDE_ROWS:
            out.append([Slot(row.label or "", cols=3), *values])
            i += 1
            continue
        lead = [Slot(RESULTS, rows=len(results))] if row is results[0] else []
        if row.group:
            members = [r for r in spec.rows[i:] if r.group == row.group]
            for k, member in enumerate(members):
                group = [Slot(row.group, rows=len(members))] if k == 0 else []
                out.append([*(lead if k == 0 else []), *group, Slot(member.label or ""),
                            *(Slot(ref=f"{spec.key}.{member.key}.{c}") for c in cols)])
            i += len(members)
            continue
        out.append([*lead, Slot(row.label or "", cols=2), *values])
        i += 1
    return out


def _appeals(spec: TableSpec) -> list[list[Slot]]:
    return [
        [Slot("行政复议", cols=5, head=True), Slot("行政诉讼", cols=10, head=True)],
        [*(Slot(o, rows=2, head=True) for o in OUTCOMES), Slot("未经复议直接起诉", cols=5, head=True),
         Slot("复议后起诉", cols=5, head=True)],
        [Slot(o, head=True) for o in OUTCOMES * 2],
        [Slot(ref=f"{spec.key}.all.{c.key}") for c in spec.columns],
    ]


_BUILDERS = {"proactive": _proactive, "requests": _requests, "appeals": _appeals}


def grid_width(rows: tuple[Row, ...]) -> int:
    """How many columns the table spans (its first row's spans)."""
    return sum(s.cols for s in rows[0])
