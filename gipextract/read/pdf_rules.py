"""A PDF page's ruling lines: the straight strokes and thin filled bars of its path objects,
form XObjects included, in page coordinates with y growing downwards (as glyph boxes).

Word and WPS draw a table's borders as thin filled rectangles, LibreOffice and browsers as
stroked lines or rectangles, fpdf2 as one stroked rectangle per cell: each becomes the line
segments :mod:`.grid` turns into cells. Curves, large filled areas (shading) and pages with
more drawing than any table (a vector chart) give nothing.
"""
from __future__ import annotations

import ctypes
from typing import Any

from ..limits import checkpoint

THIN = 3.0  # a filled bar thinner than this (points) is a rule
MAX_SEGMENTS = 20_000  # per page: past this the page is a drawing, and its rules are not read
Segment = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _TooMuch(Exception):
    pass


def segments(page: Any, height: float) -> list[Segment]:
    """The page's straight rules as segments (x0, y0, x1, y1), top-down; [] for a drawing."""
    import pypdfium2.raw as raw

    out: list[Segment] = []
    try:
        for k in range(raw.FPDFPage_CountObjects(page.raw)):
            _walk(raw, raw.FPDFPage_GetObject(page.raw, k), _IDENTITY, height, out, 0)
    except _TooMuch:
        return []
    return out


def _compose(m: Matrix, parent: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    pa, pb, pc, pd, pe, pf = parent
    return (a * pa + b * pc, a * pb + b * pd, c * pa + d * pc, c * pb + d * pd, e * pa + f * pc + pe,
            e * pb + f * pd + pf)


def _matrix(raw: Any, obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _walk(raw: Any, obj: Any, parent: Matrix, height: float, out: list[Segment], depth: int) -> None:
    kind = raw.FPDFPageObj_GetType(obj)
    if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
        m = _compose(_matrix(raw, obj), parent)
        for k in range(raw.FPDFFormObj_CountObjects(obj)):
            _walk(raw, raw.FPDFFormObj_GetObject(obj, k), m, height, out, depth + 1)
    elif kind == raw.FPDF_PAGEOBJ_PATH:
        _path(raw, obj, _compose(_matrix(raw, obj), parent), height, out)
        if len(out) > MAX_SEGMENTS:
            raise _TooMuch


def _path(raw: Any, obj: Any, m: Matrix, height: float, out: list[Segment]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []  # points, straight
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append(([(px, py)], True))
        else:
            points, straight = subpaths[-1]
            points.append((px, py))
            if kind == raw.FPDF_SEGMENT_BEZIERTO:
                subpaths[-1] = (points, False)
        if raw.FPDFPathSegment_GetClose(seg):
            points = subpaths[-1][0]
            points.append(points[0])
    checkpoint()
    for points, straight in subpaths:
        if not straight or len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if fill.value and (w < THIN or h < THIN):
            # A filled bar: its middle line is the rule.
            if w < h:
                mid = (min(xs) + max(xs)) / 2
                out.append((mid, min(ys), mid, max(ys)))
            else:
                mid = (min(ys) + max(ys)) / 2
                out.append((min(xs), mid, max(xs), mid))
        elif stroke.value:
            out.extend((p[0], p[1], q[0], q[1]) for p, q in zip(points, points[1:]))
