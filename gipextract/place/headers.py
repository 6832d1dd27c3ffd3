"""Step ``headers``: where each column of a table lies on the page (PDF boxes), from its header words.

Header words are found on the compact text first; a header whose words wrap inside their
cells (自然 / 人, with 总计 on the first line) comes apart in the text's order, so the
words stacked in one cell are then joined by their boxes and matched again. A column whose
word is missing lies between its neighbours, or one pitch beyond its neighbour at an edge.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import templates
from ..read.normalize import compact, label_core
from ..templates import TableSpec
from .flat import Flat
from .state import State


@lru_cache(maxsize=None)
def _header_pattern(template_id: str, table_key: str) -> "re.Pattern[str]":
    spec = templates.get(template_id).table(table_key)
    heads = {label_core(c.label.split(" ")[-1]) for c in spec.columns}
    others = {label_core(x) for x in spec.noise} - heads
    alts = sorted(heads | others, key=len, reverse=True)
    return re.compile("|".join(f"(?P<h{i}>{re.escape(a)})" if a in heads else re.escape(a) for i, a in enumerate(alts)))


def locate_headers(state: State) -> None:
    """Column spans of every table being read, from the header words before its first row label."""
    for table in state.tables.values():
        if not table.found:
            continue
        labelled = [h for h in table.hits if h.end is not None and h.row.label is not None]
        first = min((h.end for h in labelled), default=table.end)
        spans = header_spans(state.flat, table.spec, state.template.id,  # type: ignore[union-attr]
                             table.start, first if first > table.start else table.end)
        if (spans is None or len(spans) < len(table.spec.columns)) and labelled:
            # A producer that writes merged and header cells after the rows (fpdf2, some
            # exports) puts the header words later in the text layer: on the first row's page,
            # above it, they are the header wherever the text layer has them.
            top = state.flat.provs[state.flat.frag_of(state.flat.full(min(h.start for h in labelled)))]  # type: ignore[type-var]
            if top.bbox is not None:
                above = header_spans(state.flat, table.spec, state.template.id,  # type: ignore[union-attr]
                                     table.start if table.lead is None else table.lead, table.end,
                                     above=(top.page, top.bbox[1]))
                if above is not None and (spans is None or len(above) > len(spans)):
                    spans = above
        table.header_spans = spans


def header_spans(flat: Flat, spec: TableSpec, template_id: str, start: int, end: int,
                 above: tuple[int | None, float] | None = None) -> dict[str, tuple[float, float]] | None:
    """Horizontal extent of each column (by key), from where the header labels are printed
    between compact positions ``start`` and ``end``; with ``above`` (page, y), only words
    printed on that page above that height count."""
    pattern = _header_pattern(template_id, spec.key)
    found: dict[str, list[tuple[float, float]]] = {}
    for m in pattern.finditer(flat.compact, start, end):
        if m.lastgroup is None:
            continue  # a longer label holding a header word (法人或其他组织)
        f0, f1 = flat.frag_of(flat.full(m.start())), flat.frag_of(flat.full_end(m.end()) - 1)
        bbs = [flat.fragments[f].prov.bbox for f in range(f0, f1 + 1)]
        if any(b is None for b in bbs):
            return None
        if above is not None and any(flat.provs[f].page != above[0] or flat.provs[f].bbox[3] > above[1]  # type: ignore[index]
                                     for f in range(f0, f1 + 1)):
            continue
        found.setdefault(m.group(0), []).append((min(b[0] for b in bbs), max(b[2] for b in bbs)))  # type: ignore[index]
    words = [label_core(c.label.split(" ")[-1]) for c in spec.columns]
    spans = _spans_from(found, words, spec)
    if spans is None or len(spans) < len(spec.columns):
        # Header words wrapped inside their cells (自然 / 人 with 总计 on the first line) come
        # apart in the text's order: join the words stacked in one cell, then match again.
        stacked: dict[str, list[tuple[float, float]]] = {}
        for text, x0, x1 in _stacked_words(flat, start, end, above):
            for m in pattern.finditer(text):
                if m.lastgroup is not None and m.group(0) == text[m.start():m.end()] and len(m.group(0)) * 2 >= len(text):
                    stacked.setdefault(m.group(0), []).append((x0, x1))
        better = _spans_from(stacked, words, spec)
        if better is not None and (spans is None or len(better) > len(spans)):
            spans = better
    return spans or None


def _spans_from(found: dict[str, list[tuple[float, float]]], words: list[str],
                spec: TableSpec) -> dict[str, tuple[float, float]] | None:
    """Column spans from where each header word was found (see :func:`_header_spans`)."""
    if len(set(words)) == len(words):
        # One header word per column: a word printed several times (repeated down a merge)
        # is one column; a column whose word is missing lies between its neighbours, and an
        # edge column one pitch beyond its neighbour.
        spans: list[tuple[float, float] | None] = []
        for w in words:
            boxes = _merge_boxes(found.get(w, []))
            spans.append(boxes[0] if len(boxes) == 1 else None)
        for j, sp in enumerate(spans):
            if sp is None and 0 < j < len(spans) - 1 and spans[j - 1] and spans[j + 1]:
                left, right = spans[j - 1], spans[j + 1]
                spans[j] = (left[1] + 0.5, right[0] - 0.5)  # type: ignore[index]
        n = len(spans)
        if n >= 3:
            for j, a, b in ((0, 1, 2), (n - 1, n - 2, n - 3)):
                na, nb = spans[a], spans[b]
                if spans[j] is None and na is not None and nb is not None:
                    pitch = (na[0] + na[1]) / 2 - (nb[0] + nb[1]) / 2
                    x0, x1 = na[0] + pitch, na[1] + pitch
                    if pitch > 0:
                        x0 = max(x0, na[1] + 0.5)
                    else:
                        x1 = min(x1, na[0] - 0.5)
                    if x1 > x0:
                        spans[j] = (x0, x1)
        out = {c.key: sp for c, sp in zip(spec.columns, spans) if sp is not None}
        return out or None
    # The same outcome words head several groups (table 四): columns are the distinct
    # places they are printed at, left to right.
    result = _merge_boxes([b for boxes in found.values() for b in boxes])
    if len(result) != len(spec.columns):
        return None
    return {c.key: sp for c, sp in zip(spec.columns, result)}


def _stacked_words(flat: Flat, start: int, end: int,
                   above: tuple[int | None, float] | None = None) -> list[tuple[str, float, float]]:
    """The header's words (PDF boxes), those stacked in one cell joined top to bottom: a
    word continues the one above it when it starts within a line's gap below it and
    their horizontal extents overlap by half the narrower one."""
    f0, f1 = flat.frag_of(flat.full(start)), flat.frag_of(max(flat.full(start), flat.full(end) - 1))
    if f1 - f0 > 400:
        return []  # not a header: no geometry search over a page of text
    cells: list[list] = []  # [compact text, x0, y0, x1, y1, page]
    for f in range(f0, f1 + 1):
        prov = flat.provs[f]
        text = compact(flat.frag_texts[f])
        if prov.bbox is None or not text or any(ch.isdigit() for ch in text):
            continue
        if above is not None and (prov.page != above[0] or prov.bbox[3] > above[1]):
            continue
        x0, y0, x1, y1 = prov.bbox
        for cell in reversed(cells):
            cx0, _, cx1, cy1, page = cell[1], cell[2], cell[3], cell[4], cell[5]
            overlap = min(x1, cx1) - max(x0, cx0)
            gap = y0 - cy1
            if page == prov.page and overlap >= 0.5 * min(x1 - x0, cx1 - cx0) and -0.5 <= gap <= 0.6 * (y1 - y0):
                cell[0] += text
                cell[1], cell[3], cell[4] = min(cx0, x0), max(cx1, x1), y1
                break
        else:
            cells.append([text, x0, y0, x1, y1, prov.page])
    return [(c[0], c[1], c[3]) for c in cells]


def _merge_boxes(boxes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Horizontal spans that overlap by more than half are one column."""
    merged: list[tuple[float, float]] = []
    for b in sorted(boxes):
        if merged and min(b[1], merged[-1][1]) - max(b[0], merged[-1][0]) > 0.5 * (b[1] - b[0]):
            merged[-1] = (min(b[0], merged[-1][0]), max(b[1], merged[-1][1]))
        else:
            merged.append(b)
    return merged
