"""A PDF page's ruling lines: the straight strokes and thin filled bars of its path objects,
form XObjects included, in page coordinates with y growing downwards (as glyph boxes).

Word and WPS draw a table's borders as thin filled rectangles, LibreOffice and browsers as
stroked lines or rectangles, fpdf2 as one stroked rectangle per cell: each becomes the line
segments :mod:`.grid` turns into cells. Curves, large filled areas (shading) and pages with
more drawing than any table (a vector chart) give nothing.
"""
from __future__ import annotations

import ctypes
import struct
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
    api = _Api(_calls())
    page_raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    out: list[Segment] = []
    try:
        _walk(api, page_raw, api.FPDFPage_CountObjects(page_raw), api.FPDFPage_GetObject, _IDENTITY, height, out, 0)
    except _TooMuch:
        return []
    return out


def plain(fn: Any) -> Any:
    """pypdfium2's binding of a pdfium function with every pointer argument and result a
    plain address (an int): a call costs about half as much, since ctypes no longer checks
    and converts pointer types (0.8 µs against 1.5 µs for ``FPDFText_GetCharBox``; a page's
    rules in 8.6 ms against 11.1 on the Chromium prints of corpus/sparse/toolout, 1.7 against
    2.5 over bench/bench_floor.py's PDFs, best of 5 on a loaded machine). A path's points
    still cost four calls each: pdfium gives them one at a time."""
    def kind(t: Any) -> Any:
        return ctypes.c_void_p if t is not None and issubclass(t, ctypes._Pointer) else t  # type: ignore[attr-defined]

    proto = ctypes.CFUNCTYPE(kind(fn.restype), *(kind(t) for t in fn.argtypes))
    return proto(ctypes.cast(fn, ctypes.c_void_p).value)


class _Calls:
    """The pdfium calls the rules need, as :func:`plain` bindings (made once per process)."""

    NAMES = ("FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFFormObj_CountObjects",
             "FPDFFormObj_GetObject", "FPDFPageObj_GetMatrix", "FPDFPath_GetDrawMode", "FPDFPath_CountSegments",
             "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType",
             "FPDFPathSegment_GetClose")

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        for name in self.NAMES:
            setattr(self, name, plain(getattr(raw, name)))
        self.FORM, self.PATH = raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH
        self.MOVETO, self.BEZIERTO = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
        self.FS_MATRIX = raw.FS_MATRIX


class _Api:
    """The calls, and the buffers they fill for one page (a page of its own per thread)."""

    def __init__(self, calls: _Calls) -> None:
        self.__dict__.update(calls.__dict__)
        self.matrix = calls.FS_MATRIX()
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        # The point's x and y side by side, read with one unpacking of a memoryview.
        self.point = (ctypes.c_float * 2)()
        self.xy = memoryview(self.point).cast("B").cast("f")
        self.at = {name: ctypes.addressof(getattr(self, name)) for name in ("matrix", "fill", "stroke")}
        self.at["x"] = ctypes.addressof(self.point)
        self.at["y"] = self.at["x"] + ctypes.sizeof(ctypes.c_float)


_CALLS: list[_Calls] = []


def _calls() -> _Calls:
    if not _CALLS:
        _CALLS.append(_Calls())
    return _CALLS[0]


def _compose(m: Matrix, parent: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    pa, pb, pc, pd, pe, pf = parent
    return (a * pa + b * pc, a * pb + b * pd, c * pa + d * pc, c * pb + d * pd, e * pa + f * pc + pe,
            e * pb + f * pd + pf)


def _matrix(api: _Api, obj: int) -> Matrix:
    m = api.matrix
    if not api.FPDFPageObj_GetMatrix(obj, api.at["matrix"]):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _walk(api: _Api, owner: int, count: int, get: Any, parent: Matrix, height: float, out: list[Segment],
          depth: int) -> None:
    """The path objects among ``owner``'s ``count`` objects (a page's or a form's), forms
    entered to depth 4."""
    get_type, form, path = api.FPDFPageObj_GetType, api.FORM, api.PATH
    for k in range(count):
        obj = get(owner, k)
        kind = get_type(obj)
        if kind == path:
            _path(api, obj, _compose(_matrix(api, obj), parent), height, out)
            if len(out) > MAX_SEGMENTS:
                raise _TooMuch
        elif kind == form and depth < 4:
            _walk(api, obj, api.FPDFFormObj_CountObjects(obj), api.FPDFFormObj_GetObject,
                  _compose(_matrix(api, obj), parent), height, out, depth + 1)


def _path(api: _Api, obj: int, m: Matrix, height: float, out: list[Segment]) -> None:
    at = api.at
    api.fill.value = api.stroke.value = 0  # as fresh buffers: a call that fails leaves them untouched
    api.FPDFPath_GetDrawMode(obj, at["fill"], at["stroke"])
    fill, stroke = api.fill.value, api.stroke.value
    moveto, bezierto = api.MOVETO, api.BEZIERTO
    a, b, c, d, e, f = m
    subpaths: list[list[tuple[float, float]]] = []
    curved: set[int] = set()  # subpaths with a curve
    points: list[tuple[float, float]] = []
    for x, y, kind, close in _points(api, obj):
        if kind == moveto or not subpaths:
            points = [(a * x + c * y + e, height - (b * x + d * y + f))]
            subpaths.append(points)
        else:
            points.append((a * x + c * y + e, height - (b * x + d * y + f)))
            if kind == bezierto:
                curved.add(len(subpaths) - 1)
        if close:
            points.append(points[0])
    checkpoint()
    for k, points in enumerate(subpaths):
        if k in curved or len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if fill and (w < THIN or h < THIN):
            # A filled bar: its middle line is the rule.
            if w < h:
                mid = (min(xs) + max(xs)) / 2
                out.append((mid, min(ys), mid, max(ys)))
            else:
                mid = (min(ys) + max(ys)) / 2
                out.append((min(xs), mid, max(xs), mid))
        elif stroke:
            out.extend((p[0], p[1], q[0], q[1]) for p, q in zip(points, points[1:]))


# pdfium's own record of a path point (CFX_Path::Point): x, y (float), type, close (one byte
# each), padded to 12 bytes. FPDFPath_GetPathSegment gives the address of the record in the
# path's array, so the array can be read at once instead of with four calls a point.
_POINT = struct.Struct("=ffBB2x")


def _points(api: _Api, obj: int) -> list[tuple[float, float, int, int]]:
    """The path's points as (x, y, segment type, closes): its point array read in one piece
    where the records lie where :data:`_POINT` says (checked against the calls on the first
    paths of the process, and on every path by where its last point is); else point by point.
    segments() 4.5 -> 3.1 ms a document over bench/bench_floor.py's PDFs (best of 5; 4.5 with
    the calls), most pages' paths being rectangles of five points."""
    n = api.FPDFPath_CountSegments(obj)
    if n <= 0:
        return []
    get_segment = api.FPDFPath_GetPathSegment
    first = get_segment(obj, 0)
    if first and not _LAYOUT["wrong"] and (n == 1 or get_segment(obj, n - 1) == first + _POINT.size * (n - 1)):
        got = list(_POINT.iter_unpack(ctypes.string_at(first, _POINT.size * n)))
        if _LAYOUT["checked"] >= _CHECKS:
            return got
        called = _called(api, obj, n)
        if got == called:
            _LAYOUT["checked"] += 1
        else:
            _LAYOUT["wrong"] = True  # not pdfium's layout here: the calls from now on
        return called
    return _called(api, obj, n)


_CHECKS = 8  # paths whose records are checked against the calls before the records are trusted
_LAYOUT = {"checked": 0, "wrong": False}  # for the process (threads racing here only check more)


def _called(api: _Api, obj: int, n: int) -> list[tuple[float, float, int, int]]:
    """The path's points, four pdfium calls each."""
    xy, px_at, py_at = api.xy, api.at["x"], api.at["y"]
    xy[0] = xy[1] = 0.0  # as fresh buffers: a call that fails leaves them untouched
    get_segment, get_point = api.FPDFPath_GetPathSegment, api.FPDFPathSegment_GetPoint
    get_type, get_close = api.FPDFPathSegment_GetType, api.FPDFPathSegment_GetClose
    out = []
    for i in range(n):
        seg = get_segment(obj, i)
        get_point(seg, px_at, py_at)
        x, y = xy
        out.append((x, y, get_type(seg), get_close(seg)))
    return out
