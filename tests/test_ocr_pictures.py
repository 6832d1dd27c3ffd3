"""Poor scans and pictures (issue #25), without the recogniser: blank markers told by their
shape, a phone photo's sheet found and flattened, a picture of a table's last rows placed.

Each image is drawn here, so what it shows is known exactly: the marker or digit drawn, the
sheet's corners where it was put on the desk.
"""
from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from conftest import CORPUS

from gipextract import parse

HAVE_CV2 = importlib.util.find_spec("cv2") is not None and importlib.util.find_spec("numpy") is not None
needs_cv2 = pytest.mark.skipif(not HAVE_CV2, reason="needs the ocr extra (OpenCV)")

LINE_PX = 25  # a 12 pt line at 150 dpi, as for a PDF page


def _cell(draw: str, blur: float = 0.0, speck: bool = False) -> Any:
    """A 120×40 px cell (ruled box 0..119 × 0..39) with one mark drawn in its middle."""
    import cv2
    import numpy as np

    img = np.full((40, 120), 235, np.uint8)  # grey paper
    if draw == "-":
        cv2.line(img, (56, 20), (63, 20), 40, 2)
    elif draw == "—":
        cv2.line(img, (50, 20), (70, 20), 40, 2)
    elif draw == "/":
        cv2.line(img, (54, 28), (62, 12), 40, 2)
    elif draw:
        cv2.putText(img, draw, (52, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.55, 40, 2)
    if speck:
        img[5:7, 10:12] = 60  # a speck of noise far from the mark
    if blur:
        img = cv2.GaussianBlur(img, (0, 0), blur)
    return img


@needs_cv2
@pytest.mark.parametrize("mark,blur", [("-", 0.0), ("-", 0.8), ("—", 0.0), ("—", 1.0), ("/", 0.0), ("/", 0.6)])
def test_blank_markers_are_told_by_their_shape(mark: str, blur: float) -> None:
    from gipextract.read.ocr.image import marker_in

    found = marker_in(_cell(mark, blur, speck=True), (0, 0, 120, 40), LINE_PX)
    assert found is not None and found[0] == ("/" if mark == "/" else "-")
    x0, y0, x1, y1 = found[1]
    assert 48 <= x0 and x1 <= 73 and 10 <= y0 and y1 <= 31  # where it was drawn


@needs_cv2
@pytest.mark.parametrize("digit", ["0", "1", "4", "7", "11", "=", ""])
def test_digits_and_empty_cells_are_no_blank_markers(digit: str) -> None:
    from gipextract.read.ocr.image import marker_in

    assert marker_in(_cell(digit, 0.6), (0, 0, 120, 40), LINE_PX) is None


@needs_cv2
def test_a_faint_digit_showing_one_bold_stroke_is_no_dash() -> None:
    """Only a 7's top bar is dark; its stem is faint but there: not a blank marker."""
    import cv2

    from gipextract.read.ocr.image import marker_in

    img = _cell("")
    cv2.line(img, (55, 12), (65, 12), 40, 2)  # the bar, dark
    cv2.line(img, (65, 12), (58, 29), 200, 2)  # the stem, faint (35 below the paper)
    assert marker_in(img, (0, 0, 120, 40), LINE_PX) is None


def _photo(corners: list[tuple[float, float]]) -> Any:
    """A white A4-shaped sheet with a ruled table, put on a brown desk at ``corners``."""
    import cv2
    import numpy as np

    sheet = np.full((1400, 1000, 3), 232, np.uint8)
    for y in range(300, 901, 60):
        cv2.line(sheet, (100, y), (900, y), (30, 30, 30), 2)
    for x in (100, 400, 650, 900):
        cv2.line(sheet, (x, 300), (x, 900), (30, 30, 30), 2)
    src = np.float32([[0, 0], [1000, 0], [1000, 1400], [0, 1400]])
    m = cv2.getPerspectiveTransform(src, np.float32(corners))
    desk = np.empty((1600, 1200, 3), np.uint8)
    desk[:] = (120, 85, 60)
    return cv2.warpPerspective(sheet, m, (1200, 1600), dst=desk, borderMode=cv2.BORDER_TRANSPARENT)


@needs_cv2
def test_a_photo_s_sheet_is_found_and_flattened() -> None:
    import numpy as np

    from gipextract.read.ocr.photo import flatten, sheet_corners

    corners = [(110.0, 95.0), (1105.0, 112.0), (1120.0, 1510.0), (92.0, 1490.0)]  # 1–2 % off, tilted
    found = sheet_corners(_photo(corners))
    assert found is not None and np.abs(found - np.float32(corners)).max() < 8
    flat = flatten(_photo(corners), found)
    h, w = flat.shape[:2]
    assert abs(w / h - 1000 / 1400) < 0.03
    # Flattened, the table's first rule is one straight horizontal line.
    row = flat[:, w // 2, 0]
    dark = np.nonzero(row < 100)[0]
    assert len(dark) and dark.min() > 0.15 * h
    y = int(dark.min())
    band = flat[max(0, y - 4):y + 6, int(0.15 * w):int(0.85 * w), 0]
    assert (band.min(axis=0) < 100).mean() > 0.95


@needs_cv2
def test_a_scan_or_screenshot_is_no_photo() -> None:
    """The paper fills the frame: nothing to cut out."""
    import numpy as np

    from gipextract.read.ocr.photo import sheet_corners

    page = np.full((1400, 1000, 3), 240, np.uint8)
    page[300:302, 100:900] = 20
    assert sheet_corners(page) is None


def test_the_last_rows_of_table_three_alone_are_read(tmp_path: Any) -> None:
    """A table printed without header words or heading (a picture of its last rows) is found by
    its own row labels: the rows shown are read, the others missing (absent, not zero)."""
    dense = CORPUS / "dense" / "2021-01-text-wanyuan.txt"
    lines = dense.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("5.属于三类内部事务信息"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("四、结转下年度继续办理"))
    part = tmp_path / "tail.txt"
    part.write_text("\n".join(lines[start:end + 1]) + "\n", encoding="utf-8")
    whole = {c.ref: c.value for c in parse(dense).cells}
    report = parse(part)
    shown = [c for c in report.cells if c.table == "requests" and c.status != "missing"]
    assert {c.row for c in shown} >= {"denied.internal_affairs", "total", "carried_forward"}
    assert all(c.value == whole[c.ref] for c in shown)
    assert all(c.status == "missing" for c in report.cells if c.table == "requests" and c.row == "new_received")


@needs_cv2
def test_the_cell_grid_model_reads_the_cells_drawn() -> None:
    """A ruled table on a page image read by grid.py (rules as segments, as a PDF's paths give
    them): the cells the rules draw, merged ones included, with their rows and columns."""
    import cv2
    import numpy as np

    from gipextract.read.ocr.cells import find_grid
    from gipextract.read.ocr.image import find_tables

    img = np.full((600, 800), 255, np.uint8)
    xs, ys = [100, 300, 450, 600, 700], [100, 150, 200, 250, 300]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, 2)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 0, 2)
    img[152:248, 102:298] = 255  # rows 2 and 3 of column 1 merged: the rule between them erased
    cv2.line(img, (450, 220), (450, 232), 255, 4)  # a rule broken (a seal removed over it)
    grid, _ = find_grid(img, 25)
    regions, _ = find_tables(img, 25)
    assert grid is not None and regions is not None
    cells = sorted(grid.cells.values(), key=lambda c: (c.row, c.col))
    # The regions run together through the broken rule; the segments are bridged across it.
    assert len(cells) == 15 and len(regions.cells) == 14
    merged = [c for c in cells if c.rows == 2]
    assert len(merged) == 1 and (merged[0].row, merged[0].col) == (1, 0)
    assert {(c.row, c.col) for c in cells} == {(r, k) for r in range(4) for k in range(4)} - {(2, 0)}
    for c in cells:  # each cell lies inside the rules drawn around it
        x0, y0, x1, y1 = c.box
        assert xs[c.col] < x0 < x1 < xs[c.col + 1] and ys[c.row] < y0 < y1 < ys[c.row + c.rows]
