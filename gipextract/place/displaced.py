"""Step ``displaced``: rows whose values a converter moved away from their labels are left open.

A bare label beside a row that prints too many values, a table flattened column by column,
and table 四's row broken up among its header words all say the same thing: the values are
in the document, but not where order would put them.
"""
from __future__ import annotations

from ..report import finding
from .cell_by_cell import (order_lost, printed_again, rows_apart, rows_pieced, short_and_next,
                           value_lines_beside_bare, values_after_wording)
from .extras import is_form_wording
from .labels import noise_pattern
from .rows import read_run
from .tables import next_part
from .state import RowRead, State, TableRead


def blank_table(state: State, table: TableRead, until: int) -> bool:
    """A table printed blank: every labelled row found prints nothing, and no number stands
    anywhere from the table's first words to ``until`` (where the next table's rows begin):
    a column-by-column flattening leaves its values in a block somewhere in the table's text,
    or past its last label among the next table's header words; a blank table has none."""
    found = [h for h in table.hits if h.start is not None and h.row.label]
    if not table.found or not found or any(r.tokens for r in table.rows if r.found and r.row.label):
        return False
    return not _numbers(state, table, min([table.start] + [h.start for h in found]), until)  # type: ignore[type-var]


def _numbers(state: State, table: TableRead, start: int, until: int) -> bool:
    """Does a number stand between compact positions ``start`` and ``until`` (label words,
    ordinals and page furniture aside)?"""
    noise = noise_pattern(state.template.id, table.spec.key)  # type: ignore[union-attr]
    tokens, extras = read_run(state.flat, noise, start, max(start, until), False, table.spec.key, None)
    return any(t.number is not None for t in [*tokens, *(t for e in extras for t in e.tokens)])


def values_unplaced(state: State, table: TableRead) -> bool:
    """Does the table print numbers that no row of the form takes: before its first row label
    (after the header words), after the form's wording out of place, or on a row printing more
    values than it has cells? (A row the form does not have keeps its own values: its label
    says whose they are.) Then a converter moved values, and a bare label is no proof of
    a blank row: markitdown and plain pdftotext print a row's values before its label, or
    a block's values after the next block's header."""
    found = [h.start for h in table.hits if h.start is not None and h.row.label]
    if not table.found or not found:
        return False
    if any(r.found and sum(1 for t in r.tokens if not t.blank) > len(r.row.columns) for r in table.rows):
        return True
    # Values after the form's own wording out of place (a wrapped label cut apart: `无法提`; a
    # label printed a second time; a piece of a header: `法律服务机`) are some row's, and order
    # cannot say whose; a row the form lacks (依法转办) keeps its own.
    if any(is_form_wording(table.spec, e.label) and any(t.number is not None for t in e.tokens)
           for e in table.extra_rows):
        return True
    return _numbers(state, table, table.start, min(found))  # type: ignore[type-var]


def short_beside_wording(table: TableRead) -> set[int]:
    """Rows printing fewer values than cells just before or after numbers that stand after the
    form's wording out of place (markitdown splits a row in two: `| | 15 | | 28 |` under a
    piece of the header, then `| 行政许可 | | －13 | |`): the numbers may be theirs."""
    rows = table.all_rows()
    lines = [(r.label_prov.line, i) for i, r in enumerate(rows)
             if r.found and r.row.label and r.label_prov is not None and r.label_prov.line is not None]
    out: set[int] = set()
    for e in table.extra_rows:
        at = e.prov.line if e.prov is not None else None
        if at is None or not is_form_wording(table.spec, e.label) or not any(t.number is not None for t in e.tokens):
            continue
        before = [i for line, i in lines if line <= at]
        after = [i for line, i in lines if line > at]
        for i in (before[-1:] + after[:1]):
            if len(rows[i].tokens) < len(rows[i].row.columns):
                out.add(i)
    return out


def _next_rows(state: State, key: str) -> int:
    """Where the rows of the table after ``key`` begin (its first label; its header words,
    where a flattening may have left ``key``'s values, come before; its start where it has no
    row label), but no further than the next part's heading; the end of ``key``'s own span
    for the last table or where the next one is not printed."""
    keys = list(state.tables)
    table = state.tables[key]
    later = [state.tables[k] for k in keys[keys.index(key) + 1:keys.index(key) + 2]]
    if not later or not later[0].found:
        return table.end
    starts = [h.start for h in later[0].hits if h.start is not None]
    until = min(starts) if starts else later[0].start
    part = next_part(state.flat, key, table.start)
    return until if part is None else max(table.end, min(until, part))  # type: ignore[type-var]


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
    blank = {k for k, t in state.tables.items() if blank_table(state, t, _next_rows(state, k))}
    state.flattened = any(scrambled_table(t.rows) for k, t in state.tables.items() if k not in blank)
    lost_order = {k for k, t in state.tables.items() if k not in blank and order_lost(state, t)}
    for table in state.tables.values():
        key, rows = table.spec.key, table.all_rows()
        table.displaced = displaced_rows(rows) | value_lines_beside_bare(table) | printed_again(state, table) | \
            rows_pieced(table) | rows_apart(table)
        if values_unplaced(state, table):
            table.displaced |= {i for i, r in enumerate(rows) if r.found and r.row.label and not r.tokens}
            table.displaced |= short_beside_wording(table)
        if lost_order:
            table.displaced |= short_and_next(table)
        after = values_after_wording(state, table) - table.displaced
        table.displaced |= after
        lost = key in lost_order
        table.scrambled = key not in blank and scrambled_table(rows, state.flattened) or \
            values_among_headers(table, state.flattened) or lost
        if table.scrambled:
            state.findings.append(finding("table_order_lost" if lost else "table_scrambled",
                                          [ref for r in rows if r.found for ref in row_refs(key, r)], table=key))
        for i, r in enumerate(rows):
            if r.found and r.read_by == "unpaired":
                state.findings.append(finding("rows_unpaired", row_refs(key, r), table=key, row=r.row.key))
            elif r.found and not table.scrambled and i in table.displaced:
                state.findings.append(finding("values_after_wording" if i in after else "values_displaced",
                                              row_refs(key, r), table=key, row=r.row.key))


def row_refs(table: str, r: RowRead) -> list[str]:
    """``table.row.column`` of each cell of the row."""
    return [f"{table}.{r.row.key}.{c}" for c in r.row.columns]
