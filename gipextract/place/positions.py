"""Step ``positions``: a short row's values placed by where they are printed (PDF boxes).

When a table has rows that print every cell, their values mark out where each column
lies on the page. A row that prints fewer values can then be read by position: each
value falls inside one column's span, and the columns left over are blank cells at
known places. Used only when every value lands in exactly one column, in order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..read.document import Provenance
from .state import RowRead, State
from .tokens import Token


def place_by_position(state: State) -> None:
    """Short rows whose values' printed positions fix their columns get explicit blanks.

    Columns are located from rows that print every value, else from the header labels.
    Values packed into the first columns are what a browser draws for a row whose cells were
    dropped (a reflowed page, or text padded into character columns): there positions say
    nothing, and the row is left to the readings.
    """
    packs = state.layout in ("reflowed", "columns")
    for table in state.tables.values():
        rows = table.all_rows()
        placed = _placed(rows, table.header_spans, packs)
        n = len(table.rows)
        table.rows = placed[:n]
        table.group_rows = [(g, r) for (g, _), r in zip(table.group_rows, placed[n:])]


def _placed(rows: list[RowRead], header_spans: dict[str, tuple[float, float]] | None,
            reflowed: bool) -> list[RowRead]:
    by_width: dict[tuple[str, ...], list[RowRead]] = {}
    for r in rows:
        if r.found:
            by_width.setdefault(r.row.columns, []).append(r)
    out = list(rows)
    for cols, group in by_width.items():
        short = [r for r in group if 0 < len(r.tokens) < len(cols)]
        if not short:
            continue
        spans = column_spans([r.tokens for r in group], len(cols))
        if spans is None:
            # The small tables of table 二 stand on one grid: rows of another as wide mark it too.
            spans = column_spans([r.tokens for r in rows if r.found and len(r.row.columns) == len(cols)], len(cols))
        # Header words mark columns only on a page (PDF geometry); in character-column text
        # they are centred over right- or left-aligned values and say less than the values do.
        paged = any(t.prov.page is not None for r in group for t in r.tokens)
        if spans is None and header_spans and all(c in header_spans for c in cols):
            spans = [header_spans[c] for c in cols]
            if any(spans[j][1] >= spans[j + 1][0] for j in range(len(spans) - 1)):
                spans = None
            elif not paged:
                spans = _left_aligned(group, spans)
        if spans is None:
            continue
        for r in short:
            placed = place(r.tokens, spans)
            packed = reflowed and placed is not None and all(not t.blank for t in placed[:len(r.tokens)])
            if placed is not None and not packed:
                out[out.index(r)] = replace(r, tokens=placed)
    return out


def _left_aligned(rows: list[RowRead], header: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """Columns reaching from each header word to the next, when every value of the rows
    starts exactly where a header word starts (pandoc plain pads each cell to the left edge
    of its column); else None."""
    starts = [a for a, _ in header]
    values = [t for r in rows for t in r.tokens if not t.blank and t.prov.bbox is not None]
    if len(values) < 3 or any(t.prov.bbox[0] not in starts for t in values):  # type: ignore[index]
        return None
    return [(a, b - 1) for a, b in zip(starts, starts[1:] + [float("inf")])]


def column_spans(rows: Sequence[Sequence[Token]], width: int) -> list[tuple[float, float]] | None:
    """Horizontal extent of each of ``width`` columns, from rows that print all of them."""
    # A printed blank marker (—, /) has a box like a number and marks its column as well.
    full = [r for r in rows if len(r) == width and all(t.prov.bbox is not None for t in r)]
    if len(full) < 2:
        return None
    spans = []
    for j in range(width):
        xs0 = [t.prov.bbox[0] for t in (r[j] for r in full)]  # type: ignore[index]
        xs1 = [t.prov.bbox[2] for t in (r[j] for r in full)]  # type: ignore[index]
        spans.append((min(xs0), max(xs1)))
    # Columns must stand apart, left to right; otherwise positions say nothing.
    if any(spans[j][1] >= spans[j + 1][0] for j in range(width - 1)):
        return None
    return spans


def place(tokens: Sequence[Token], spans: list[tuple[float, float]]) -> tuple[Token, ...] | None:
    """``tokens`` (numbers and printed blank markers) spread over the columns by position,
    empty cells where nothing is printed."""
    if not tokens or len(tokens) >= len(spans) or any(t.prov.bbox is None for t in tokens):
        return None
    slots: list[Token | None] = [None] * len(spans)
    last = -1
    gaps = [spans[j + 1][0] - spans[j][1] for j in range(len(spans) - 1)]
    slack = min(gaps) / 2 if gaps else 0.0
    for t in tokens:
        x0, _, x1, _ = t.prov.bbox  # type: ignore[misc]
        centre = (x0 + x1) / 2
        hits = [j for j, (a, b) in enumerate(spans) if a - slack <= centre <= b + slack]
        if len(hits) != 1 or hits[0] <= last:
            return None
        last = hits[0]
        slots[last] = t
    page = tokens[0].prov.page
    return tuple(t if t is not None else Token(None, "", Provenance(page=page), False) for t in slots)
