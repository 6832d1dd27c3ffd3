"""A PDF page's ruled tables as table blocks: each glyph goes to the drawn cell its centre falls
in, a cell's glyphs become its text (a label wrapped over several lines is one text), and a
cell with no glyph is a blank cell with its place — as DOCX and HTML tables give them.

A grid is trusted only where it separates the values: a drawn "cell" holding two numbers is
not a cell of the table (its inner rules are not drawn, or it is a frame around the page),
and such a grid is left to the line reader.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from .document import Block, Fragment, Provenance
from .grid import Box, Grid, GridCell

_NUMBER = re.compile(r"[-+－]?\d[\d,，]*(?:\.\d+)?")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
GlyphBox = Callable[[int], tuple[float, float, float, float]]


def assign(text: str, box: GlyphBox, grids: list[Grid]) -> tuple[dict[int, dict[GridCell, list[int]]], set[int]]:
    """Glyph indices of ``text`` in each cell of each grid (by grid index), and the grids with
    a glyph inside their frame but in no drawn cell (some of their rules are not drawn: the
    line reader reads them). Spaces go nowhere."""
    placed: list[dict[GridCell, list[int]]] = [{} for _ in grids]
    torn: set[int] = set()
    # Grid.cell_at worked inline with each grid's lines fetched once, its clamping done by
    # bisect's bounds: inside the frame, bisect_right(xs, x, 0, len(xs) - 1) - 1 is the column
    # cell_at finds, the right edge included (assign() 1.4 -> 1.0 ms a document over
    # bench/bench_floor.py's PDFs, best of 5).
    frames = [(k, g.xs[0], g.ys[0], g.xs[-1], g.ys[-1], g.xs, g.ys, len(g.xs) - 1, len(g.ys) - 1, g.slots, placed[k])
              for k, g in enumerate(grids)]
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        b = box(i)
        x, y = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        for k, x0, y0, x1, y1, xs, ys, cols, rows, slots, cells in frames:
            if x0 <= x <= x1 and y0 <= y <= y1:
                cell = slots.get((bisect_right(ys, y, 0, rows) - 1, bisect_right(xs, x, 0, cols) - 1))
                if cell is None:
                    torn.add(k)
                else:
                    glyphs = cells.get(cell)
                    if glyphs is None:
                        cells[cell] = [i]
                    else:
                        glyphs.append(i)
                break
    out = {k: cells for k, cells in enumerate(placed) if cells}
    return out, torn


def cell_text(text: str, glyphs: list[int], box: GlyphBox) -> str:
    """A cell's glyphs as its text: lines top to bottom, glyphs left to right, a space where
    glyphs stand apart; lines of Han text joined without one (a label wrapped in its cell)."""
    if len(glyphs) == 1:  # a one-glyph cell is that glyph (never whitespace: see assign)
        return text[glyphs[0]]
    items = sorted(((box(i), text[i]) for i in glyphs), key=lambda g: (g[0][1] + g[0][3]) / 2)
    lines: list[list[tuple[tuple[float, float, float, float], str]]] = []
    bottom = -1e9
    for b, ch in items:
        middle = (b[1] + b[3]) / 2
        if lines and middle <= bottom:
            lines[-1].append((b, ch))
            bottom = max(bottom, b[3])
        else:
            lines.append([(b, ch)])
            bottom = b[3]
    parts: list[str] = []
    for line in lines:
        line.sort(key=lambda g: g[0][0])
        chars: list[str] = []
        prev: tuple[float, float, float, float] | None = None
        for b, ch in line:
            if prev is not None:
                if chars and ch == chars[-1] and _overlap(prev, b) > 0.5:
                    continue  # fake bold: the glyph drawn twice
                if b[0] - prev[2] > 0.5 * max(b[3] - b[1], prev[3] - prev[1]):
                    chars.append(" ")
            chars.append(ch)
            prev = b
        piece = "".join(chars).strip()
        if parts and piece and not (_CJK.match(parts[-1][-1]) and _CJK.match(piece[0])):
            parts.append(" ")
        parts.append(piece)
    return "".join(parts)


def usable(texts: dict[GridCell, str]) -> bool:
    """Does the grid hold text and keep values apart (no cell holds two numbers standing alone)?"""
    filled = [t for t in texts.values() if t]
    return bool(filled) and all(sum(1 for w in t.split() if _NUMBER.fullmatch(w)) <= 1 for t in filled)


def table_block(grid: Grid, texts: dict[GridCell, str], boxes: dict[GridCell, Box], page: int, table: int,
                reflowed: bool) -> Block:
    """The grid's cells, row by row, as one table block; a blank cell keeps its rectangle.

    ``reflowed``: a browser printed the page, and draws a row whose page left out cells with
    its cells packed to the left; the place after them, one wide box or boxes like any cell,
    says nothing about blanks. Only blanks between a row's printed cells are blanks there."""
    last: dict[int, int] = {}
    for cell in grid.cells:
        if texts.get(cell):
            last[cell.row] = max(last.get(cell.row, -1), cell.col)
    frags = []
    for cell in grid.cells:
        text = texts.get(cell, "")
        if not text and reflowed and cell.col > last.get(cell.row, -1):
            continue
        prov = Provenance(page=page, bbox=boxes.get(cell, cell.box), table=table, row=cell.row, col=cell.col)
        frags.append(Fragment(text, prov))
    return Block("table", tuple(frags))


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / max(1e-6, min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])))
