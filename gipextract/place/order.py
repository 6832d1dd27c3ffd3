"""Step ``order``: each row's tokens, and rows of values printed apart from their labels put on
the form's rows by order.

A converter of a PDF to Markdown (the peer sample kewei-2024) prints some rows' values as
pipe rows of their own: after a label that already holds its own values, or after loose
label lines that the search cannot place. Where such value rows stand between two rows that
are read (each with its values on its label's line), and there are exactly as many of them
as form rows between those two that print nothing, each exactly as long as its row, they go
on those rows in the form's order. Nothing else is attached by order; the grid marks these
rows and leaves them open if an identity over them fails. Where value rows and loose labels
do not pair up, the loose rows of that stretch are left open: markitdown on a PDF prints each
row's values before its label, and read after it every row would be one row off.
"""
from __future__ import annotations

from typing import Sequence

from ..read.document import Provenance
from ..templates import TableSpec
from .extras import ExtraRowRead, is_form_fragment
from .state import LabelHit, RowRead, State, TableRead
from .tokens import Token

Run = tuple[LabelHit, "Provenance | None", list[Token], list[ExtraRowRead]]


def _line(p: Provenance) -> tuple[object, ...] | None:
    """The source line a token stands on: a table row, or a text line."""
    if p.table is not None:
        return ("row", p.table, p.row)
    if p.line is not None:
        return ("line", p.line)
    return None


def _source_lines(tokens: Sequence[Token]) -> list[list[Token]] | None:
    """Tokens cut into their source lines; None where a token has no line."""
    out: list[list[Token]] = []
    key: object = None
    for t in tokens:
        k = _line(t.prov)
        if k is None:
            return None
        if not out or k != key:
            out.append([])
            key = k
        out[-1].append(t)
    return out


def fill_in_order(spec: TableSpec, runs: Sequence[Run]) -> tuple[dict[str, tuple[Token, ...]], set[int], set[str]]:
    """The rows filled by order (row key → tokens), the ids of the tokens taken from where they
    were read, and the rows left open: those of a gap that order cannot fill (markitdown on a
    PDF prints each row's values before its label, so a value row after a loose label may as
    well be the next row's; read after it, every row of the gap would be one row off).

    ``runs`` are the table's found rows in text order. Only tables where some values stand
    apart (a row with values on more than one line, or a piece of the form's wording holding
    values) are looked at. A row counts as read when values stand on its label's own line; a
    loose label is one of the rows to fill. Nothing is filled where the read rows are out of
    the form's order, or where a gap's counts do not match.
    """
    if all(len(tokens) <= len(hit.row.columns) and not extras for hit, _, tokens, extras in runs):
        return {}, set(), set()  # the common case: no row holds more values than cells, nothing apart
    index = {r.key: i for i, r in enumerate(spec.rows)}
    cut: list[tuple[int, Provenance | None, list[list[Token]], list[list[Token]]]] = []
    for hit, label_prov, tokens, extras in runs:
        row = hit.row
        lines = _source_lines(tokens)
        if lines is None:
            return {}, set(), set()
        if row.key not in index:  # a group printed as its total: no row of it to fill
            cut.append((-1, None, [], []))
            continue
        orphans: list[list[Token]] = []
        for e in extras:
            # Two characters will do here (`情形`, the tail of 部分公开's note): a row of values
            # goes anywhere only where the counts match and the identities hold.
            if e.tokens and is_form_fragment(spec, e.label, 2):
                more = _source_lines(e.tokens)
                if more is None:
                    return {}, set(), set()
                orphans += more
        cut.append((index[row.key], label_prov, lines, orphans))
    def whole(u: list[Token], k: int) -> bool:
        return len(u) == len(spec.rows[k].columns)

    if not any(at >= 0 and sum(whole(u, at) for u in lines) > 1 or orphans for at, _, lines, orphans in cut):
        return {}, set(), set()  # no row of values stands apart from its label
    seq: list[tuple[int, list[Token]] | list[Token] | None] = []  # a read row, a value row, or a barrier
    for at, label_prov, lines, orphans in cut:
        if at < 0:
            seq.append(None)
            continue
        if lines and label_prov is not None and _line(lines[0][0].prov) == _line(label_prov):
            seq.append((at, lines[0]))
            seq.extend(lines[1:])
        else:  # a loose label: the value rows after it may be its own or the rows' around it
            seq.append((at, []))
            seq.extend(lines)
        seq.extend(orphans)
    read = {item[0] for item in seq if isinstance(item, tuple) and item[1]}
    loose = {item[0] for item in seq if isinstance(item, tuple) and not item[1]}
    filled: dict[str, tuple[Token, ...]] = {}
    taken: list[list[Token]] = []
    unsure: set[str] = set()
    last = -1
    pending: list[list[Token]] = []
    for item in seq + [(len(spec.rows), [])]:
        if item is None:
            pending = []  # nothing is filled across a group printed as its total
            continue
        if not isinstance(item, tuple):
            pending.append(item)
            continue
        at, own = item
        if not own and at < len(spec.rows):
            continue  # a bare label: one of the gap's rows
        if at <= last:
            return {}, set(), set()  # rows read out of the form's order
        gap = [k for k in range(last + 1, at) if k not in read]
        # Whole rows of values only: a line of another length (a page number, one value of a
        # row printed a value per line) is left where it was read.
        rows = [u for u in pending if gap and all(whole(u, k) for k in gap)]
        if rows and len(rows) == len(gap):
            filled.update((spec.rows[k].key, tuple(u)) for u, k in zip(rows, gap))
            taken += rows
        elif rows and any(k in loose for k in gap):
            # Rows of values and loose labels that do not pair up: no row of the gap is known.
            unsure.update(spec.rows[k].key for k in gap if k in loose)
            taken += rows
        last, pending = at, []
    return filled, {id(t) for u in taken for t in u}, unsure


def fill_order(state: State) -> None:
    """The rows of every table being read: tokens after the label, or put there by order."""
    for table in state.tables.values():
        table_rows(table)


def table_rows(table: TableRead) -> None:
    """Fill ``table.rows``, ``table.extra_rows`` and ``table.group_rows`` from its runs."""
    spec = table.spec
    if not table.found:
        table.rows = [RowRead(r, False) for r in spec.rows]
        return
    filled, taken, unsure = fill_in_order(spec, table.runs)
    reads: dict[str, RowRead] = {}
    groups: list[tuple[LabelHit, RowRead]] = []
    for hit, label_prov, tokens, extras in table.runs:
        own = tuple(t for t in tokens if id(t) not in taken)
        read = RowRead(hit.row, True, own, label_prov, "approximate" if hit.approximate else "label")
        if hit.group is not None:
            groups.append((hit, read))
        else:
            reads[hit.row.key] = read
        table.extra_rows.extend(e for e in extras if not (e.tokens and all(id(t) in taken for t in e.tokens)))
    for row in spec.rows:
        if row.key in filled:
            table.rows.append(RowRead(row, True, filled[row.key], read_by="order"))
        elif row.key in unsure:
            table.rows.append(RowRead(row, True, (), reads[row.key].label_prov, "unpaired"))
        else:
            table.rows.append(reads.get(row.key, RowRead(row, False)))
    # A bare group label prints no total: its rows are not printed at all.
    table.group_rows = [(hit.group, read) for hit, read in sorted(groups, key=lambda g: _group_index(spec, g[0]))
                        if read.tokens]  # type: ignore[misc]


def _group_index(spec: TableSpec, hit: LabelHit) -> int:
    return [g.key for g in spec.groups].index(hit.group.key)  # type: ignore[union-attr]
