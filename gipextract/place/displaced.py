"""Step ``displaced``: rows whose values a converter moved away from their labels are left open.

A bare label beside a row that prints too many values, a table flattened column by column,
and table 四's row broken up among its header words all say the same thing: the values are
in the document, but not where order would put them.
"""
from __future__ import annotations

from ..report import finding
from .flat import Flat
from .state import RowRead, State, TableRead


def blank_table(flat: Flat, table: TableRead) -> bool:
    """A table printed blank: every labelled row found prints nothing, and no number stands in
    its header either (a column-by-column flattening leaves its values in a block somewhere in
    the table's text; a blank table has none)."""
    found = [h for h in table.hits if h.start is not None and h.row.label]
    if not table.found or not found or any(r.tokens for r in table.rows if r.found and r.row.label):
        return False
    head = flat.text[flat.full(table.start):flat.full(min(h.start for h in found))]  # type: ignore[type-var]
    return not any(ch.isdigit() for ch in head)


def scrambled_table(rows: list[RowRead], another: bool = False) -> bool:
    """Does the table read as flattened column by column: of four labelled rows or more, most
    print nothing on their own and a row holds more values than it has cells, or none prints
    anything? (Reports that drop their blank cells leave at most two rows in three bare in the
    corpus; plain pdftotext leaves five in six and more.) When ``another`` table of the same
    document reads so, most rows bare is enough: the whole document was flattened that way,
    and a table's values may have landed on another table's few rows."""
    found = [r for r in rows if r.found and r.row.label]
    if len(found) < 4:
        return False
    bare = sum(1 for r in found if not r.tokens)
    over = any(sum(1 for t in r.tokens if not t.blank) > len(r.row.columns) for r in found)
    return bare == len(found) or bare >= 0.6 * len(found) and (over or another)


def values_among_headers(table: TableRead, flattened: bool = False) -> bool:
    """Table 四 has one row and no label: values standing after its header words further on
    (plain pdftotext: `未经复议直接起诉 … 纠正 结果 审结 2 5 0`) mean its row was flattened in
    pieces; so does a row printing fewer values than cells in a document another table of
    which was ``flattened`` column by column."""
    if not table.found or any(r.row.label is not None for r in table.rows):
        return False
    short = any(r.found and len(r.tokens) < len(r.row.columns) for r in table.rows)
    return flattened and short or any(any(ch.isdigit() for v in e.values for ch in v) for e in table.extra_rows)


def displaced_rows(rows: list[RowRead]) -> set[int]:
    """Rows whose label prints no value at all, in a run of such rows next to a row printing
    more values than it has cells: a converter moved the values (a value line between the
    lines of a wrapped label; plain ``pdftotext`` prints a table column by column, all its
    labels first), so the bare labels are not blank rows (a printed blank cell is a token and
    does not count)."""
    def bare(i: int) -> bool:
        return rows[i].found and not rows[i].tokens

    out: set[int] = set()
    for j, r in enumerate(rows):
        if r.found and sum(1 for t in r.tokens if not t.blank) > len(r.row.columns):
            for step in (-1, 1):
                i = j + step
                while 0 <= i < len(rows) and bare(i):
                    out.add(i)
                    i += step
    return out


def open_displaced(state: State) -> None:
    """Mark tables flattened column by column and rows beside an over-long row as left open,
    each with its finding; rows that order could not pair (:mod:`.order`) get theirs."""
    blank = {k for k, t in state.tables.items() if blank_table(state.flat, t)}
    state.flattened = any(scrambled_table(t.rows) for k, t in state.tables.items() if k not in blank)
    for table in state.tables.values():
        key, rows = table.spec.key, table.all_rows()
        table.displaced = displaced_rows(rows)
        table.scrambled = key not in blank and scrambled_table(rows, state.flattened) or \
            values_among_headers(table, state.flattened)
        if table.scrambled:
            state.findings.append(finding("table_scrambled", [ref for r in rows if r.found for ref in row_refs(key, r)],
                                          table=key))
        for i, r in enumerate(rows):
            if r.found and r.read_by == "unpaired":
                state.findings.append(finding("rows_unpaired", row_refs(key, r), table=key, row=r.row.key))
            elif r.found and not table.scrambled and i in table.displaced:
                state.findings.append(finding("values_displaced", row_refs(key, r), table=key, row=r.row.key))


def row_refs(table: str, r: RowRead) -> list[str]:
    """``table.row.column`` of each cell of the row."""
    return [f"{table}.{r.row.key}.{c}" for c in r.row.columns]
