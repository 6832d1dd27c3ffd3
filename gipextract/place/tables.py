"""Step ``tables``: where each table of the form starts and ends in the text.

A table starts at its anchor (the first header words only it prints) or, where a converter
cut the header words apart, at its heading; it ends at the next table's anchor or the next
part's heading. A later printing of the same table (pymupdf4llm prints a page's tables twice)
is located too, for :mod:`.printing` to weigh.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..read.normalize import compact, label_core
from ..templates import TableSpec
from .flat import Flat
from .state import State, TableRead

_HEADING_NEXT = {
    "proactive": re.compile(r"三\.收到和处理政府信息公开申请"),
    # No digits inside a heading: `四、结转下年度继续办理 0 0 …` is a row, not part 四, and
    # so is that row when it prints nothing at all (its label runs straight into part 四).
    "requests": re.compile(r"四\.(?!结转)[^\d\n]{0,20}?行政(?:法)?复议"),
    "appeals": re.compile(r"五\.[^\d\n]{0,20}?存在的?主要问题|六\.其他需要报告"),
}
_PART_TWO = re.compile(r"二\.主动公开政府信息情况")


@lru_cache(maxsize=None)
def _anchors(anchors: tuple[str, ...]) -> "re.Pattern[str]":
    return re.compile("|".join(re.escape(label_core(a)) for a in anchors))


def anchor_pattern(spec: TableSpec) -> "re.Pattern[str]":
    """The header words that start ``spec``'s table."""
    return _anchors(spec.anchors)


@lru_cache(maxsize=None)
def _heading_pattern(spec: TableSpec) -> "re.Pattern[str]":
    """The table's own heading: where a converter cut every header word apart (pdftotext on
    merged header cells: 行政 / 复议), the heading is all that marks the table's start."""
    return re.compile("|".join(re.escape(compact(h)) for h in (spec.heading,) + spec.heading_variants))


def table_end(flat: Flat, specs: tuple[TableSpec, ...], i: int, after: int) -> int:
    """Where table ``i`` that starts before ``after`` ends: at the next table's anchor or the next part's heading."""
    end = len(flat.compact)
    if i + 1 < len(specs):
        nxt = anchor_pattern(specs[i + 1]).search(flat.compact, after)
        if nxt is not None:
            end = nxt.start()
    heading = _HEADING_NEXT[specs[i].key].search(flat.compact, after, end)
    return heading.start() if heading is not None else end


def next_part(flat: Flat, key: str, after: int) -> int | None:
    """Where the part after table ``key``'s part begins (its heading), from ``after`` on."""
    m = _HEADING_NEXT[key].search(flat.compact, after)
    return m.start() if m is not None else None


ROWS_TO_FIND = 3  # a table known by its rows alone prints at least this many of its own labels
_OWN_LABEL = 6  # compact characters: shorter labels (规章, 其他) may stand in any table or prose


def rows_start(flat: Flat, spec: TableSpec, cursor: int) -> int | None:
    """Where a table printed without header words or heading starts (a picture of its last rows):
    at the first of its rows' own labels, when at least three of them are printed after ``cursor``,
    or one in a table's cell (a picture of the last row alone above the next table)."""
    found = []
    in_cell = False
    for row in spec.rows:
        core = label_core(row.label) if row.label else ""
        at = flat.compact.find(core, cursor) if len(core) >= _OWN_LABEL else -1
        if at >= 0:
            found.append(at)
            in_cell = in_cell or flat.provs[flat.frag_of(flat.full(at))].table is not None
    return min(found) if len(found) >= ROWS_TO_FIND or in_cell else None


def find_tables(state: State) -> None:
    """Each table's span (and a later printing's), in the form's order; stops where none is found."""
    flat, specs = state.flat, state.template.tables  # type: ignore[union-attr]
    m = _PART_TWO.search(flat.compact)
    cursor = m.start() if m else 0
    for i, spec in enumerate(specs):
        anchor = anchor_pattern(spec).search(flat.compact, cursor)
        by_heading = anchor is None
        if by_heading:
            anchor = _heading_pattern(spec).search(flat.compact, cursor)
        if anchor is None:
            # A picture of a table's last rows prints neither its header words nor its heading.
            start = rows_start(flat, spec, cursor)
            if start is not None:
                state.tables[spec.key] = TableRead(spec, True, start, table_end(flat, specs, i, start))
                cursor = state.tables[spec.key].end
                continue
            state.tables[spec.key] = TableRead(spec, False)
            continue
        end = table_end(flat, specs, i, anchor.end())
        table = TableRead(spec, True, anchor.start(), end, by_heading)
        if not by_heading:
            # Between the heading and the header words: where a producer that wrote the values
            # before the header (in its text layer's order) put them (see :mod:`.labels`).
            heading = _heading_pattern(spec).search(flat.compact, cursor, anchor.start())
            table.lead = heading.end() if heading is not None else None
        state.tables[spec.key] = table
        again = anchor_pattern(spec).search(flat.compact, end)
        if again is not None:
            state.reprints[spec.key] = TableRead(spec, True, again.start(), table_end(flat, specs, i, again.end()))
        cursor = end
    state.done = not state.found()
