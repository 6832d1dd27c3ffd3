"""The printed layout of the three tables, as rows of label and value cells."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Mapping

from gipextract.templates import Template
from .forms import form_of

CellRef = tuple[str, str, str]
Grid = Mapping[CellRef, "int | Decimal"]

REQUEST_GROUP_TOP = "三、本年度办理结果"
APPEAL_HEADERS = (
    (("行政复议", "行政诉讼"),
     ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"),
     ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2),
    (("行政复议", "行政诉讼"),
     ("未经复议直接起诉", "复议后起诉"),
     ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 3),
)
REQUEST_HEADER = (
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"),
    ("自然人", "法人或其他组织", "总计"),
    ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
)


@dataclass(frozen=True)
class Item:
    """One printed cell: label text, or a value (with the grid cell it shows)."""

    text: str
    ref: CellRef | None = None

    @property
    def is_value(self) -> bool:
        """True for a value cell."""
        return self.ref is not None


@dataclass(frozen=True)
class Section:
    """A part heading followed by the table's printed rows."""

    heading: str
    rows: tuple[tuple[Item, ...], ...]


def show(value: "int | Decimal") -> str:
    """A value as a clerk prints it."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def form_rows(template: Template, grid: Grid, appeal_header: int = 0) -> Iterator[Section]:
    """The three table sections of ``template`` filled with ``grid`` (laid out from the
    writers' own description of the form, :mod:`.forms`, never from the template JSON)."""
    template = form_of(template)
    pro = template.table("proactive")
    rows: list[tuple[Item, ...]] = []
    last_group = None
    for r in pro.rows:
        if r.group != last_group:
            rows.append((Item(r.group or ""),))
            rows.append((Item("信息内容"), *(Item(pro.column(c).label) for c in r.columns)))
            last_group = r.group
        rows.append((Item(r.label or ""), *(_value(grid, "proactive", r.key, c) for c in r.columns)))
    yield Section(pro.heading, tuple(rows))

    req = template.table("requests")
    rows = [tuple(Item(t) for t in line) for line in REQUEST_HEADER]
    last_group = None
    for r in req.rows:
        lead: list[Item] = []
        if r.key == "granted":
            lead.append(Item(REQUEST_GROUP_TOP))
        if r.group and r.group != last_group:
            lead.append(Item(r.group))
        last_group = r.group
        rows.append((*lead, Item(r.label or ""), *(_value(grid, "requests", r.key, c) for c in r.columns)))
    yield Section(req.heading, tuple(rows))

    app = template.table("appeals")
    header = APPEAL_HEADERS[appeal_header % len(APPEAL_HEADERS)]
    rows = [tuple(Item(t) for t in line) for line in header]
    rows.append(tuple(_value(grid, "appeals", "all", c.key) for c in app.columns))
    yield Section(app.heading, tuple(rows))


def _value(grid: Grid, table: str, row: str, col: str) -> Item:
    return Item(show(grid[(table, row, col)]), (table, row, col))
