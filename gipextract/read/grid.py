"""Tables read by the grid they draw: ruling lines to cells, in named stages.

The stages follow pdfplumber's table finder, kept smaller: ``edges`` (horizontal and vertical
rules, from a PDF's path objects or an image's lines), ``merge`` (rules on one line joined),
``corners`` (where a horizontal and a vertical rule cross), ``cells`` (the smallest rectangle
whose four sides are drawn, from each corner), ``tables`` (cells that share corners), and the
``Grid`` of each table: its cells with their row, column and spans, a merged cell being one
whose inner rules are missing. A blank cell is a cell like any other, with its place. The
format's adapter assigns its text to the cells; nothing here knows of a report.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterable, NamedTuple, Sequence

_ROW_COL = itemgetter(1, 2)  # a GridCell's row and column
SNAP = 2.0  # rules this close (points, or pixels scaled alike) lie on one line
JOIN = 3.0  # collinear rules with a gap up to this are one rule
MIN_RULE = 4.0  # shorter strokes are marks, not rules
MIN_CELL = 4.0  # a cell is at least this wide and tall

Box = tuple[float, float, float, float]  # x0, y0 (top), x1, y1 (bottom): y grows downwards


# Edge and GridCell are named tuples, not frozen dataclasses: a page makes hundreds of each,
# and a cell is a dict key for each of its glyphs (with the sort key and corners' reach
# below, grids() 2.7 -> 2.3 ms a document over bench/bench_floor.py's PDFs, best of 7).
class Edge(NamedTuple):
    """A horizontal (``y0 == y1``) or vertical (``x0 == x1``) rule."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        """True for a horizontal rule."""
        return self.y0 == self.y1


class GridCell(NamedTuple):
    """One drawn cell: where it is and which rows and columns of its table it covers."""

    box: Box
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Grid:
    """One ruled table: its cells (row by row, left to right), its column and row lines."""

    cells: tuple[GridCell, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    # (row, column) of every grid slot → the cell covering it (a merged cell covers several)
    slots: dict[tuple[int, int], GridCell] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        self.slots.update({(r, c): cell for cell in self.cells for r in range(cell.row, cell.row + cell.rows)
                           for c in range(cell.col, cell.col + cell.cols)})

    @property
    def box(self) -> Box:
        """The table's outer rectangle."""
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell_at(self, x: float, y: float) -> GridCell | None:
        """The cell that holds point (x, y), if any."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        col = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.slots.get((row, col))


def edges(segments: Iterable[tuple[float, float, float, float]], tol: float = 0.5) -> list[Edge]:
    """Axis-aligned rules among line segments (x0, y0, x1, y1); a thin filled rectangle is
    given as its middle line by the caller. Slanted strokes and short marks are dropped."""
    out = []
    for x0, y0, x1, y1 in segments:
        if abs(y0 - y1) <= tol and abs(x1 - x0) >= MIN_RULE:
            y = (y0 + y1) / 2
            out.append(Edge(min(x0, x1), y, max(x0, x1), y))
        elif abs(x0 - x1) <= tol and abs(y1 - y0) >= MIN_RULE:
            x = (x0 + x1) / 2
            out.append(Edge(x, min(y0, y1), x, max(y0, y1)))
    return out


def merge(rules: Sequence[Edge]) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical rules, those on one line snapped together and joined where
    they touch or nearly do (a border drawn cell by cell is one rule)."""
    return _merge([e for e in rules if e.horizontal], True), _merge([e for e in rules if not e.horizontal], False)


def _merge(rules: list[Edge], horizontal: bool) -> list[Edge]:
    # (position across the rule, start, end along it)
    items = sorted(((e.y0, e.x0, e.x1) if horizontal else (e.x0, e.y0, e.y1)) for e in rules)
    lines: list[list[tuple[float, float, float]]] = []
    for item in items:
        if lines and item[0] - lines[-1][-1][0] <= SNAP:  # chained: a border drawn twice a hair apart
            lines[-1].append(item)
        else:
            lines.append([item])
    out = []
    for line in lines:
        at = sum(i[0] for i in line) / len(line)
        spans = sorted((i[1], i[2]) for i in line)
        start, end = spans[0]
        for a, b in spans[1:]:
            if a <= end + JOIN:
                end = max(end, b)
            else:
                out.append(Edge(start, at, end, at) if horizontal else Edge(at, start, at, end))
                start, end = a, b
        out.append(Edge(start, at, end, at) if horizontal else Edge(at, start, at, end))
    return out


def corners(horizontal: list[Edge], vertical: list[Edge]) -> dict[tuple[float, float], tuple[set[int], set[int]]]:
    """Where rules cross (or one ends on the other): point → (horizontal rules, vertical rules)."""
    out: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    # Each horizontal rule's reach, worked out once and not once per vertical rule.
    reach = [(i, h.x0 - JOIN, h.x1 + JOIN, h.y0) for i, h in enumerate(horizontal)]
    for j, v in enumerate(vertical):
        x, top, bottom = v.x0, v.y0 - JOIN, v.y1 + JOIN
        for i, left, right, y in reach:
            if left <= x <= right and top <= y <= bottom:
                hs, vs = out.setdefault((x, y), (set(), set()))
                hs.add(i)
                vs.add(j)
    return out


def cells(points: dict[tuple[float, float], tuple[set[int], set[int]]]) -> list[Box]:
    """From each corner, the smallest rectangle whose four sides are drawn."""
    ordered = sorted(points)
    found: list[Box] = []
    by_x: dict[float, list[tuple[float, float]]] = {}
    by_y: dict[float, list[tuple[float, float]]] = {}
    for p in ordered:
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    # A column's points come in order of y and a row's in order of x (``ordered`` is sorted),
    # so the corners below and to the right are met nearest first; the search stops at the
    # first rectangle (0.4 ms a page against 0.95 with both lists built and sorted for each
    # corner; the PDFs of bench/bench_floor.py, best of 5).
    for p in ordered:
        hs, vs = points[p]
        right = [q for q in by_y[p[1]] if q[0] > p[0] + MIN_CELL and not hs.isdisjoint(points[q][0])]
        if right:
            found.extend(_first_cell(p, points, by_x[p[0]], vs, right))
    return found


def _first_cell(p: tuple[float, float], points: dict[tuple[float, float], tuple[set[int], set[int]]],
                column: list[tuple[float, float]], vs: set[int], right: list[tuple[float, float]]) -> list[Box]:
    """The smallest rectangle from corner ``p`` whose four sides are drawn, if any."""
    for b in column:
        if b[1] > p[1] + MIN_CELL and not vs.isdisjoint(points[b][1]):
            for r in right:
                corner = (r[0], b[1])
                if corner in points and points[corner][0] & points[b][0] and points[corner][1] & points[r][1]:
                    return [(p[0], p[1], r[0], b[1])]
    return []


def tables(boxes: list[Box]) -> list[Grid]:
    """Cells that share corners, each group one table with its rows and columns."""
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        for corner in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[Box]] = {}
    for i, b in enumerate(boxes):
        groups.setdefault(root(i), []).append(b)
    out = []
    for group in groups.values():
        xs = tuple(sorted({b[0] for b in group} | {b[2] for b in group}))
        ys = tuple(sorted({b[1] for b in group} | {b[3] for b in group}))
        col = {x: i for i, x in enumerate(xs)}
        row = {y: i for i, y in enumerate(ys)}
        made = [GridCell(b, row[b[1]], col[b[0]], row[b[3]] - row[b[1]], col[b[2]] - col[b[0]]) for b in group]
        made.sort(key=_ROW_COL)
        out.append(Grid(tuple(made), xs, ys))
    out.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return out


def grids(segments: Iterable[tuple[float, float, float, float]]) -> list[Grid]:
    """Every ruled table among line segments (top-down coordinates), with at least two rows
    and two columns."""
    h, v = merge(edges(segments))
    if len(h) < 3 or len(v) < 3:
        return []
    return [g for g in tables(cells(corners(h, v))) if len(g.xs) > 2 and len(g.ys) > 2]
