"""Placing a short row's values by where they are printed (PDF boxes).

When a table has rows that print every cell, their values mark out where each column
lies on the page. A row that prints fewer values can then be read by position: each
value falls inside one column's span, and the columns left over are blank cells at
known places. Used only when every value lands in exactly one column, in order.
"""
from __future__ import annotations

from typing import Sequence

from ..read.document import Provenance
from .tokens import EMPTY_CELL, Token


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
