"""Page images before and around OCR: red seals out, skew out, ruling lines found.

Pure image work on numpy arrays with OpenCV (which arrives with the ``ocr`` extra);
nothing here reads text. The table cells come from the page's own ruling lines: the
regions the lines enclose are the cells, so a merged cell is one region whatever its
span, and a label wrapped over three lines stays one cell with its values beside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Image = Any  # numpy.ndarray; typed loosely so that this module imports without numpy


@dataclass(frozen=True)
class CellBox:
    """One table cell found from ruling lines: its region label and pixel box."""

    table: int
    label: int
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels
    ink: bool  # dark pixels inside, away from the borders
    row: int | None = None  # the table row of its top rule, from the cell-grid model (see .cells)
    col: int | None = None
    rows: int = 1  # rows it spans


@dataclass(frozen=True)
class TableGrid:
    """The ruled tables of a page: a label image (cell region per pixel) and the cells."""

    labels: Image  # int32 array, 0 outside every cell
    cells: dict[int, CellBox]


def suppress_red(rgb: Image) -> Image:
    """Grey page with red and orange ink (a seal, a red header) turned white.

    A seal stamped over a table is red; read as text it gives stray digits and
    characters. Black print under a translucent seal stays dark and is kept.
    """
    import cv2
    import numpy as np

    rgb16 = rgb.astype(np.int16)
    r = rgb16[..., 0]
    redness = r - np.maximum(rgb16[..., 1], rgb16[..., 2])
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    # In the red channel a red stroke is as light as paper and black print stays black,
    # also where the two overlap (a seal is multiplied over the page): red pixels take
    # their red value, the light ones (seal over paper, its pinkish JPEG halo) paper white.
    red = redness > 25
    gray[red] = np.where(r[red] >= 140, 255, r[red]).astype(np.uint8)
    return gray


TEXT_PX = (14, 44)  # glyph heights the recogniser reads well; outside, the picture is rescaled


def text_height(gray: Image) -> float | None:
    """The typical height in pixels of the page's characters (median of the ink blobs of
    glyph size), or None on a page without text."""
    import cv2
    import numpy as np

    small = gray if gray.shape[1] <= 2000 else None
    f = 1.0
    if small is None:
        f = 2000 / gray.shape[1]
        small = cv2.resize(gray, (2000, max(1, int(gray.shape[0] * f))), interpolation=cv2.INTER_AREA)
    ink = (darkness(small) > 60).astype(np.uint8)
    # Strokes of one character join when closed a little; rules are dropped by their length.
    ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    glyph = (h >= 4) & (h <= 120) & (w <= 2.5 * h) & (w >= 0.3 * h)
    if int(glyph.sum()) < 20:
        return None
    return float(np.percentile(h[glyph], 75)) / f


def rescale_factor(gray: Image) -> float:
    """How much to scale a picture so that its characters stand 14–44 px high: a small
    screenshot is enlarged before recognition, a fine scan reduced (it costs CPU and reads
    no better); 1 for a page already in range."""
    height = text_height(gray)
    if height is None or TEXT_PX[0] <= height <= TEXT_PX[1]:
        return 1.0
    return (sum(TEXT_PX) / 2) / height


def darkness(gray: Image) -> Image:
    """How much darker each pixel is than the paper around it (0 on blank paper).

    The paper's level is taken locally (a max filter wider than any stroke), so uneven
    light and grey paper do not matter, and a faint rule stays a rule where text crowds it
    (a locally adaptive threshold loses it there).
    """
    import cv2
    import numpy as np

    paper = cv2.dilate(gray, np.ones((15, 15), np.uint8))
    return cv2.subtract(paper, gray)


def _binary(gray: Image, level: int = 60) -> Image:
    import cv2

    return cv2.threshold(darkness(gray), level, 255, cv2.THRESH_BINARY)[1]


def skew_angle(gray: Image) -> float:
    """The page's rotation in degrees (within ±3°), from the sharpness of its row profile."""
    import cv2
    import numpy as np

    small_w = 1000
    scale = small_w / gray.shape[1]
    small = cv2.resize(gray, (small_w, max(1, int(gray.shape[0] * scale))), interpolation=cv2.INTER_AREA)
    ink = _binary(small)
    centre = (small.shape[1] / 2, small.shape[0] / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = rot.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(rows) ** 2))

    # Ties (angles too small to move a pixel) go to the smaller turn.
    best = max(np.arange(-3.0, 3.01, 0.25), key=lambda a: (score(a), -abs(a)))
    return round(float(max(np.arange(best - 0.25, best + 0.26, 0.05), key=lambda a: (score(a), -abs(a)))), 2)


def rotate(gray: Image, angle: float) -> Image:
    """``gray`` turned by ``angle`` degrees about its centre, new corners white."""
    import cv2

    if abs(angle) < 0.05:
        return gray
    m = cv2.getRotationMatrix2D((gray.shape[1] / 2, gray.shape[0] / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (gray.shape[1], gray.shape[0]), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def ruling_lines(gray: Image, line_px: int) -> Image:
    """Mask of the table rules on ``gray``; ``line_px`` is about one text line's height in pixels.

    A rule is a straight dark run longer than any glyph's stroke: horizontal ones at
    least a narrow cell wide, vertical ones over two lines high. A vertical rule is seldom
    shorter: it runs on through the rows above or below. Where one is
    missed, two cells read as one, and their numbers still stand apart (see ocr._words).
    """
    import cv2
    import numpy as np

    dark = darkness(gray)
    level = 45  # a blurred hairline rule is faint; text is much darker
    horiz = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, max(20, 5 * line_px // 2)), np.uint8))
    # Over two rows: in tight rows, strokes of labels stacked over a row rule join up.
    vert = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((max(20, 11 * line_px // 5), 1), np.uint8))
    return cv2.threshold(np.maximum(horiz, vert), level, 255, cv2.THRESH_BINARY)[1]


def find_tables(gray: Image, line_px: int) -> tuple[TableGrid | None, Image]:
    """The ruled tables of a page and the page with their rules painted white.

    A table is a group of rules at least a fifth of the page wide holding at least
    four cells; its cells are the regions its rules enclose.
    """
    import cv2
    import numpy as np

    lines = ruling_lines(gray, line_px)
    clean = gray.copy()
    n, comp, stats, _ = cv2.connectedComponentsWithStats((lines > 0).astype(np.uint8), connectivity=8)
    labels = np.zeros(gray.shape, np.int32)
    cells: dict[int, CellBox] = {}
    ink = _binary(gray)
    table_no = 0
    next_label = 1
    for i in sorted(range(1, n), key=lambda k: stats[k, cv2.CC_STAT_TOP]):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < gray.shape[1] // 5 or h < 2 * line_px:
            continue
        region = comp[y:y + h, x:x + w] == i
        walls = cv2.dilate(region.astype(np.uint8), np.ones((3, 3), np.uint8))
        # The table's frame closed along its extent: an outer rule faded or cut off (faint ink
        # at a page's edge, light falling off in a photo) leaves its edge cells open, and an
        # open cell would lose its label. Outside a rectangular frame only slivers remain.
        closed = walls.copy()
        closed[0, :] = closed[-1, :] = closed[:, 0] = closed[:, -1] = 1
        k, inner, cstats, _ = cv2.connectedComponentsWithStats((closed == 0).astype(np.uint8), connectivity=4)
        found = []
        for j in range(1, k):
            cx, cy, cw, ch = (int(v) for v in cstats[j, :4])
            if cw < line_px // 2 or ch < line_px // 2:
                continue  # a sliver outside the outer border or between double rules
            found.append((j, cx, cy, cw, ch))
        if len(found) < 4:
            continue
        table_no += 1
        # Rules read as text give 1s and |s: paint this table's rules white for the recogniser.
        clean[y:y + h, x:x + w][walls > 0] = 255
        for j, cx, cy, cw, ch in found:
            sel = inner == j
            labels[y:y + h, x:x + w][sel] = next_label
            m = max(2, line_px // 8)
            inside = ink[y + cy + m:y + cy + ch - m, x + cx + m:x + cx + cw - m]
            has_ink = inside.size > 0 and int((inside > 0).sum()) >= max(12, line_px * line_px // 25)
            cells[next_label] = CellBox(table_no, next_label, (x + cx, y + cy, x + cx + cw, y + cy + ch), has_ink)
            next_label += 1
    return (TableGrid(labels, cells) if cells else None), clean



def marker_in(gray: Image, box: tuple[int, int, int, int], line_px: int) -> tuple[str, tuple[int, int, int, int]] | None:
    """A lone blank marker filling a cell, told by its shape: ``-`` (a dash, ``—``) or ``/``,
    with its box; None for anything else.

    The recogniser reads a short bar as 一, 二, _, 1 or nothing, and a slash as 1; no digit
    is a thin horizontal bar or one straight stroke leaning right, so a number is never taken
    for a blank. All the cell's marks (noise specks aside) must be that one shape, and nothing
    else in the cell even faintly dark: a digit in faint ink may show only its boldest stroke.
    """
    import cv2
    import numpy as np

    m = max(2, line_px // 8)
    x0, y0, x1, y1 = box[0] + m, box[1] + m, box[2] - m, box[3] - m
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    dark = darkness(gray[y0:y1, x0:x1])
    n, labels, stats, _ = cv2.connectedComponentsWithStats((dark > 50).astype(np.uint8), connectivity=8)
    marks = [i for i in range(1, n) if stats[i, cv2.CC_STAT_WIDTH] > 3 or stats[i, cv2.CC_STAT_HEIGHT] > 3]
    if not marks or len(marks) > 2:
        return None
    bx0 = min(int(stats[i, 0]) for i in marks)
    by0 = min(int(stats[i, 1]) for i in marks)
    bx1 = max(int(stats[i, 0] + stats[i, 2]) for i in marks)
    by1 = max(int(stats[i, 1] + stats[i, 3]) for i in marks)
    thin = max(3, line_px // 4)  # a blurred bar; digits stand twice as high
    # Two pieces are one bar broken by noise only side by side (one above the other is =).
    side_by_side = len(marks) == 1 or (stats[marks[0], 0] + stats[marks[0], 2] <= stats[marks[1], 0]
                                       or stats[marks[1], 0] + stats[marks[1], 2] <= stats[marks[0], 0])
    if side_by_side and by1 - by0 <= thin and all(
            stats[i, 3] <= thin and stats[i, 2] >= max(4, 1.5 * stats[i, 3]) for i in marks):
        text = "-"
    elif len(marks) == 1 and _slash(labels == marks[0], line_px):
        text = "/"
    else:
        return None
    # Around the mark, where the rest of a faint character would stand (noise specks further
    # off in the cell do not matter).
    faint = dark > 25
    faint[max(0, by0 - 2):by1 + 2, max(0, bx0 - 2):bx1 + 2] = False
    reach = line_px // 2
    up = reach + (line_px // 4 if text == "-" else 0)
    near = faint[max(0, by0 - up):by1 + up, max(0, bx0 - reach):bx1 + reach]
    n, _, stats, _ = cv2.connectedComponentsWithStats(near.astype(np.uint8), connectivity=8)
    stroke = max(4, line_px // 3)  # a third of a character: more than a speck of noise
    if any(stats[i, cv2.CC_STAT_AREA] >= stroke and max(stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]) >= stroke
           for i in range(1, n)):
        return None
    return text, (x0 + bx0, y0 + by0, x0 + bx1, y0 + by1)


def _slash(mask: Image, line_px: int) -> bool:
    """Is this one straight thin stroke leaning right (``/``), as tall as a character?"""
    import numpy as np

    ys, xs = np.nonzero(mask)
    if len(xs) < 8 or ys.max() - ys.min() < line_px // 3:
        return False
    cov = np.cov(np.vstack([xs, ys]).astype(np.float64))
    values, vectors = np.linalg.eigh(cov)
    if values[1] <= 0 or values[0] / values[1] > 0.04:  # not straight: 1 with its flag, 7, 4
        return False
    dx, dy = vectors[0, 1], vectors[1, 1]
    angle = np.degrees(np.arctan2(abs(dy), abs(dx)))
    return bool(50 <= angle <= 82 and dx * dy < 0)  # y grows downwards: / rises to the right
