"""Photos of a sheet lying on a desk: the sheet found and turned into a flat, upright page.

A phone photo shows the sheet smaller than the frame, seen a little from the side (its
corners off a rectangle by a few per cent) and tilted. The sheet's edge against the darker
desk is no ruling line, but read as one it frames the whole page as one table; and the
perspective bends the table's rules so that no one angle deskews them. The sheet's four
corners are found from its bright region, and the quadrilateral they make is mapped onto a
rectangle. A scan or a screenshot, whose paper fills the frame, is left as it is.
"""
from __future__ import annotations

from typing import Any

Image = Any  # numpy.ndarray

SMALL = 1000  # the sheet is looked for on the picture scaled to this longer side
MIN_SHEET = 0.3  # of the frame's area: a smaller bright region is not the sheet
INSET = 0.004  # of the sheet's size, cut off its edges: no sliver of desk stays to look like a rule


def sheet_corners(rgb: Image) -> Image | None:
    """The sheet's corners in the picture (top-left, top-right, bottom-right, bottom-left, as
    a 4×2 float32 array), or None when no sheet stands apart from a background."""
    import cv2
    import numpy as np

    h, w = rgb.shape[:2]
    f = SMALL / max(h, w)
    small = cv2.resize(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), (max(1, int(w * f)), max(1, int(h * f))),
                       interpolation=cv2.INTER_AREA)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Text and rules are dark holes in the sheet: closed, the sheet is one region.
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    sheet = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(sheet)
    sh, sw = small.shape
    if not MIN_SHEET * sh * sw <= area <= 0.97 * sh * sw:
        return None
    x, y, bw, bh = cv2.boundingRect(sheet)
    if x <= 1 and y <= 1 and x + bw >= sw - 1 and y + bh >= sh - 1:
        return None  # the paper fills the frame: a scan or a screenshot
    hull = cv2.convexHull(sheet)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(quad) != 4 or cv2.contourArea(quad) < 0.9 * area:
        return None  # not a four-cornered sheet (a folded page, a hand over it): left as it is
    pts = quad.reshape(4, 2).astype(np.float32) / f
    # Corners in order: the smallest x+y is top-left, the largest bottom-right; y−x tells the others.
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return np.float32([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]])


def flatten(rgb: Image, corners: Image) -> Image:
    """The sheet inside ``corners`` mapped onto an upright rectangle as large as its longer
    sides, a thin strip of its edge left out."""
    import cv2
    import numpy as np

    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    dx, dy = INSET * width, INSET * height
    target = np.float32([[-dx, -dy], [width + dx, -dy], [width + dx, height + dy], [-dx, height + dy]])
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(rgb, m, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
