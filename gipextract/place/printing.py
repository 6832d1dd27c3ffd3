"""Step ``printing``: which printing of each table to read.

pymupdf4llm prints a page's tables twice: as text lines, where a value can go missing, and
again as a pipe table after the page's text. A table whose first printing lost values is
read from its second when that prints every cell and holds every value of the first. A
table found only by its heading, with no value after it, is no table (pandoc's ``[TABLE]``).
"""
from __future__ import annotations

from .state import RowRead, State, TableRead


def choose_printing(state: State) -> None:
    """Keep one printing per table; a later one is read (by the steps before this one) only
    where the first lost values."""
    for key, table in state.tables.items():
        if table.by_heading and not any(not t.blank for r in table.rows for t in r.tokens):
            state.tables[key] = TableRead(table.spec, False, rows=[RowRead(r, False) for r in table.spec.rows])
            continue
        copy = state.reprints.get(key)
        if not table.found or table.complete() or copy is None or state.reread is None:
            continue
        state.reread(state, copy)
        if copy.complete() and _holds(copy, table):
            copy.printing = 2
            state.tables[key] = copy
    state.reprints.clear()
    state.done = not state.found()


def _holds(copy: TableRead, first: TableRead) -> bool:
    """Does each row of ``copy`` print, in order, every value the first printing shows for it?"""
    for a, b in zip(first.rows, copy.rows):
        printed = iter(t.text for t in b.tokens)
        if not all(any(t.text == u for u in printed) for t in a.tokens if not t.blank):
            return False
    return True
