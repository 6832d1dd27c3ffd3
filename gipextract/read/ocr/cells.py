"""A page image's ruled tables by the shared cell-grid model (:mod:`gipextract.read.grid`).

The ruling lines are found on the (flattened, deskewed, de-sealed) image by morphology: long
dark runs, horizontal and vertical. Each run is one rule segment; pieces of one rule broken by
a seal, a fold or faint ink are bridged first (gaps up to a text line), and each table's
outer frame is drawn along its extent (a faded outer rule would leave its edge cells open).
The segments go to :func:`gipextract.read.grid.grids` in points, as a PDF's path objects do,
which gives the cells with their rows, columns and spans. So a scanned table is read with the
very model of a ruled PDF, and a ruled cell with nothing in it is a blank cell at its place.
"""
from __future__ import annotations

from typing import Any

from ..grid import Grid, cells as drawn_cells, corners, edges, merge, tables
from .image import CellBox, TableGrid, _binary, darkness, find_tables

Image = Any  # numpy.ndarray
Segment = tuple[float, float, float, float]
LEVEL = 45  # a blurred hairline rule is faint; text is much darker


def rule_masks(gray: Image, line_px: int) -> tuple[Image, Image]:
    """Masks of the horizontal and vertical rules, collinear pieces bridged.

    A rule is a straight dark run longer than any glyph's stroke: horizontal ones at least a
    narrow cell wide, vertical ones over two lines high (in tight rows, strokes of labels
    stacked over a row rule join up).
    """
    import cv2
    import numpy as np

    dark = darkness(gray)
    horiz = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, max(20, 5 * line_px // 2)), np.uint8))
    vert = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((max(20, 11 * line_px // 5), 1), np.uint8))
    horiz = cv2.threshold(horiz, LEVEL, 255, cv2.THRESH_BINARY)[1]
    vert = cv2.threshold(vert, LEVEL, 255, cv2.THRESH_BINARY)[1]
    # Only long runs are left: closing them along their direction joins the pieces of one rule
    # (a seal's red removed over it, a speck of paper) and nothing else.
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, np.ones((1, line_px), np.uint8))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, np.ones((line_px, 1), np.uint8))
    return horiz, vert


def segments(horiz: Image, vert: Image, min_width: int) -> list[Segment]:
    """Each rule as a segment (pixels, top-down), and the outer frame of each group of rules
    at least ``min_width`` wide (a table)."""
    import cv2
    import numpy as np

    out: list[Segment] = []
    for mask, horizontal in ((horiz, True), (vert, False)):
        n, _, stats, centres = cv2.connectedComponentsWithStats((mask > 0).astype(np.uint8), connectivity=8)
        for i in range(1, n):
            x, y, w, h = (int(v) for v in stats[i, :4])
            cx, cy = (float(v) for v in centres[i])
            out.append((x, cy, x + w - 1, cy) if horizontal else (cx, y, cx, y + h - 1))
    union = ((horiz > 0) | (vert > 0)).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(union, connectivity=8)
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= min_width:
            x1, y1 = x + w - 1, y + h - 1
            out += [(x, y, x1, y), (x, y1, x1, y1), (x, y, x, y1), (x1, y, x1, y1)]
    return out


def tables_of(segs: list[Segment]) -> list[Grid]:
    """Every ruled table among the segments, by grid.py's stages; one row is enough (a picture
    may show a table's last row alone), where :func:`grids` wants two for a PDF page."""
    h, v = merge(edges(segs))
    if len(h) < 2 or len(v) < 3:
        return []
    return [g for g in tables(drawn_cells(corners(h, v))) if len(g.xs) > 2 and len(g.ys) > 1]


def find_grid(gray: Image, line_px: int) -> tuple[TableGrid | None, Image]:
    """The ruled tables of a page by the cell-grid model, and the page with their rules
    painted white (read as text they give 1s and |s; painted as :func:`.image.find_tables`
    does). A page where the model finds no table keeps the regions its rules enclose.

    A table is at least a fifth of the page wide and holds at least four cells.
    """
    import cv2
    import numpy as np

    regions, clean = find_tables(gray, line_px)
    horiz, vert = rule_masks(gray, line_px)
    pt = 12 / line_px  # pixels to points: grid.py's tolerances are in points
    found = [g for g in tables_of([tuple(v * pt for v in s) for s in segments(horiz, vert, gray.shape[1] // 5)])
             if (g.xs[-1] - g.xs[0]) / pt >= gray.shape[1] // 5 and len(g.cells) >= 4]
    if not found:
        return regions, clean
    labels = np.zeros(gray.shape, np.int32)
    cells: dict[int, CellBox] = {}
    # A rule's edge is no mark in a cell: ink is counted off the rules (as inside a region).
    ink = _binary(gray)
    ink[cv2.dilate(((horiz > 0) | (vert > 0)).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0] = 0
    m = max(2, line_px // 8)
    rule = max(2, line_px // 10)  # half a rule's width, blurred
    for table, grid in enumerate(found, start=1):
        for cell in grid.cells:
            bx0, by0, bx1, by1 = (int(round(v / pt)) for v in cell.box)
            label = len(cells) + 1
            labels[by0:by1, bx0:bx1] = label
            # The grid runs along the rules' middles; the cell is what lies inside them (as the
            # regions give it), so that a rule's edge is no mark in an empty cell.
            bx0, by0, bx1, by1 = bx0 + rule, by0 + rule, bx1 - rule, by1 - rule
            inside = ink[by0 + m:by1 - m, bx0 + m:bx1 - m]
            has_ink = inside.size > 0 and int((inside > 0).sum()) >= max(12, line_px * line_px // 25)
            cells[label] = CellBox(table, label, (bx0, by0, bx1, by1), has_ink, cell.row, cell.col, cell.rows)
    return TableGrid(labels, cells), clean
