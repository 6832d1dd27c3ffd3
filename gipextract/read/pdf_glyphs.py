"""A PDF text page's glyph boxes, fetched from pdfium as cheaply as Python can: each through
a prototype taking plain addresses, many into one array, rounded without decimal strings."""
from __future__ import annotations

from .pdf_rules import plain


class Boxes:
    """Glyph boxes of one text page (top-down, rounded to 0.01 pt), each fetched from pdfium
    once, when first asked for, and kept for the page: the ruled-table pass and the line
    reader share them, and a label line fetches only the boxes its words' ends need. A
    whitespace glyph's box is never asked for (words, cells and lines are made of the others).

    pdfium has no call giving many glyphs' boxes at once (``FPDFText_GetRect`` merges a
    range into one rectangle), so each glyph costs one C call; it goes through a prototype
    taking plain addresses: 0.8 µs a call against 1.5 µs through pypdfium2's typed binding,
    and 2.3 µs a box with the rounding against 3.1 µs (03-seed002-random-merges.pdf, 1204
    glyphs, best of 7; rounding is the rest)."""

    def __init__(self, tp, text: str, height: float) -> None:
        import ctypes

        self.get, self.raw = _char_box(), ctypes.cast(tp.raw, ctypes.c_void_p).value
        self.text, self.height = text, height
        self.buf = (ctypes.c_double * 4)()
        self.vals = memoryview(self.buf).cast("B").cast("d")
        self.addrs = [ctypes.addressof(self.buf) + k * ctypes.sizeof(ctypes.c_double) for k in range(4)]
        self.got: list[tuple[float, float, float, float] | None] = [None] * len(text)

    def at(self, i: int) -> tuple[float, float, float, float]:
        """The box of glyph ``i``."""
        got = self.got[i]
        if got is None:
            if not self.get(self.raw, i, *self.addrs):
                raise ValueError(f"pdfium has no box for glyph {i}")
            left, right, bottom, top = self.vals  # yes, left right bottom top
            h = self.height
            got = self.got[i] = (round(left, 2), round(h - top, 2), round(right, 2), round(h - bottom, 2))
        return got

    def line(self, start: int, n: int) -> list[tuple[float, float, float, float]]:
        """Boxes of glyphs ``start`` … ``start + n - 1``."""
        return [self.at(i) for i in range(start, start + n)]

    def every(self) -> list[tuple[float, float, float, float] | None]:
        """The boxes of all glyphs but whitespace (None there), by glyph index. Fetched into
        one array and rounded in bulk: 2.6 -> 2.0 ms for 03-seed002-random-merges.pdf's page
        (1204 glyphs, 980 not whitespace; best of 7), 1.7 ms with :func:`round2`."""
        import ctypes

        got, text = self.got, self.text
        todo = [i for i, ch in enumerate(text) if got[i] is None and not ch.isspace()]
        if not todo:
            return got
        size = ctypes.sizeof(ctypes.c_double)
        buf = (ctypes.c_double * (4 * len(todo)))()
        get, raw, at = self.get, self.raw, ctypes.addressof(buf)
        for i in todo:
            if not get(raw, i, at, at + size, at + 2 * size, at + 3 * size):
                raise ValueError(f"pdfium has no box for glyph {i}")
            at += 4 * size
        vals, h = buf[:], self.height
        boxes = zip(round2(vals[0::4]), round2([h - v for v in vals[3::4]]),
                    round2(vals[1::4]), round2([h - v for v in vals[2::4]]))
        for i, box in zip(todo, boxes):
            got[i] = box
        return got


def round2(values: list[float]) -> list[float]:
    """``[round(v, 2) for v in values]``, bit for bit, without its decimal string (a glyph's
    box is four values: ``Boxes.every`` 2.2 -> 1.75 µs a glyph, 03-seed002-random-merges.pdf,
    best of 15 interleaved; 1.85 with ``round(y)`` for the floor below).

    ``round(v, 2)`` is the double nearest to K/100, K the integer nearest to v·100 (ties to
    even), worked out through a decimal string. Where ``y = v * 100.0`` (off v·100 by at most
    half a unit in its last place) lies clearly inside K's half-unit, K is y's floor or the
    integer above it (the fraction says which) and ``K / 100.0``, being correctly rounded, is
    that same double; near a tie, at zero (its sign) or out of range the value goes to
    ``round`` itself."""
    out = []
    add = out.append
    for v in values:
        y = v * 100.0
        if -1e9 < y < 1e9:
            k = y // 1.0  # y's floor, exact
            f = y - k  # exact, in [0, 1)
            if f < 0.4999:
                if k:
                    add(k / 100.0)
                    continue
            elif f > 0.5001 and k != -1.0:
                add((k + 1.0) / 100.0)
                continue
        add(round(v, 2))
    return out


_CHAR_BOX: list = []


def _char_box():  # type: ignore[no-untyped-def]
    """``FPDFText_GetCharBox`` with plain addresses (made once per process)."""
    if not _CHAR_BOX:
        import pypdfium2.raw as raw

        _CHAR_BOX.append(plain(raw.FPDFText_GetCharBox))
    return _CHAR_BOX[0]
