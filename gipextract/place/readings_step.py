"""Step ``readings``: every reading of every row not left open (see :mod:`.readings`).

A 总计 column left blank: clerks leave a row's 总计 cell blank (FORM-NOTES: 上海 2019's
（一）予以公开), and a flattening that drops empty cells then prints a row of one value and
nothing for its total. Read with its blanks as 0 such a row fits no placement; read with its
total as the one absent cell it does. Where a table has such a row, any short row of it may
have lost its total the same way, so those readings stand beside the others, and the table's
identities choose between them or leave the cells ambiguous.
"""
from __future__ import annotations

from dataclasses import replace

from ..report import finding
from .placement import Placement, SearchTooLarge
from .readings import dedupe, blank_total_readings, enumerate_row
from .state import RowRead, State, TableRead
from .tokens import EMPTY_CELL, Token


def trim_layout(tokens: tuple[Token, ...], width: int) -> tuple[Token, ...]:
    """A row of more than ``width`` tokens without the empty layout cells at its edges
    (padding and merged label columns), the trailing ones first; printed blank markers
    (—, /) are kept, for the placement to weigh."""
    if len(tokens) <= width:
        return tokens
    lead, end = 0, len(tokens)
    while end - lead > width and tokens[end - 1].text == EMPTY_CELL:
        end -= 1
    while end - lead > width and tokens[lead].text == EMPTY_CELL:
        lead += 1
    return tokens[lead:end]


def row_readings(state: State) -> None:
    """Every reading of every row that is not left open, as placements of its tokens; a row
    with too many readings, or none, is reported and left open."""
    for table in state.tables.values():
        key = table.spec.key
        local = table.equations(state.template.id)[0]  # type: ignore[union-attr]
        kind_of = {c.key: c.kind for c in table.spec.columns}
        rows = table.all_rows()
        found: dict[int, list[Placement] | None] = {}
        for i, r in enumerate(rows):
            if not r.found or table.scrambled or r.read_by == "unpaired" or i in table.displaced:
                continue
            kinds = [kind_of[c] for c in r.row.columns]
            if len(r.tokens) > len(kinds):
                r = replace(r, tokens=trim_layout(r.tokens, len(kinds)))
                _set_row(table, i, r)
            try:
                found[i] = enumerate_row(r.tokens, kinds, local[i])
            except SearchTooLarge:
                state.findings.append(finding("placement_too_large", _refs(key, r), table=key, row=r.row.key))
                found[i] = None
        rows = table.all_rows()  # with layout padding trimmed

        def blank_total(i: int) -> list[Placement]:
            return blank_total_readings(rows[i].tokens, [kind_of[c] for c in rows[i].row.columns], local[i])

        # Most of the short rows (two at least) must fit only with their 总计 blank: one such
        # row alone may be a value a converter moved from its row. Rows that fit nowhere are
        # few, so they are searched first, the others only when two of them fit that way.
        only = {i: b for i, p in found.items() if p == [] and (b := blank_total(i))}
        if len(only) >= 2:
            blank = {i: only[i] if i in only else blank_total(i) for i in found}
            if 2 * len(only) >= sum(1 for b in blank.values() if b):
                found = {i: dedupe((p or []) + blank[i]) if blank[i] else p for i, p in found.items()}
        table.readings = []
        for i, r in enumerate(rows):
            p = found.get(i)
            if p == []:
                state.findings.append(finding("placement_none", _refs(key, r), table=key, row=r.row.key,
                                              printed=[t.text for t in r.tokens], count=len(r.tokens),
                                              width=len(r.row.columns)))
            table.readings.append(p or None)


def _refs(key: str, r: RowRead) -> list[str]:
    return [f"{key}.{r.row.key}.{c}" for c in r.row.columns]


def _set_row(table: TableRead, i: int, r: RowRead) -> None:
    if i < len(table.rows):
        table.rows[i] = r
    else:
        g = i - len(table.rows)
        table.group_rows[g] = (table.group_rows[g][0], r)
