"""The PDF adapter's speed tricks (#28) give what the plain code gives, bit for bit."""
from __future__ import annotations

import math
import random
import struct

from gipextract.read.pdf_glyphs import round2 as _round2


def _same(a: float, b: float) -> bool:
    return (a != a and b != b) or (a == b and math.copysign(1.0, a) == math.copysign(1.0, b))


def test_round2_is_round_to_two_places() -> None:
    rnd = random.Random(28)

    def f32(x: float) -> float:  # pdfium's boxes are floats widened to doubles
        return struct.unpack("f", struct.pack("f", x))[0]

    values = [f32(rnd.uniform(-50, 1200)) for _ in range(50_000)]
    values += [f32(842.0) - f32(rnd.uniform(-5, 842)) for _ in range(50_000)]  # top-down y
    values += [rnd.uniform(-1e4, 1e4) for _ in range(50_000)]
    values += [k / 8 for k in range(-800, 800)] + [k / 200 for k in range(-2000, 2000)]  # exact ties
    values += [k / 1000 for k in range(-1000, 1000)] + [2.675, 1.005, 0.285, -0.004, -0.005, -0.006]
    values += [0.0, -0.0, 1e9, -1e9, 1e12, 5e-324, float("nan"), float("inf"), -float("inf")]
    got = _round2(values)
    assert len(got) == len(values)
    assert all(_same(g, round(v, 2)) for g, v in zip(got, values))


def test_assign_puts_each_glyph_in_the_cell_cell_at_finds() -> None:
    from gipextract.read.grid import grids
    from gipextract.read.pdf_tables import assign

    # A 4 x 3 table with the middle rule of its second row missing (a merged cell).
    xs, ys = [50.0, 120.0, 200.0, 260.0, 330.0], [100.0, 120.0, 140.0, 175.5]
    segs = [(xs[0], y, xs[-1], y) for y in ys]
    segs += [(x, ys[0], x, ys[-1]) for x in (xs[0], xs[1], xs[-1])]
    segs += [(x, y0, x, y1) for x in xs[2:4] for y0, y1 in ((ys[0], ys[1]), (ys[2], ys[3]))]
    (grid,) = grids(segs)
    rnd = random.Random(7)
    points = [(rnd.uniform(40, 340), rnd.uniform(90, 185)) for _ in range(3000)]
    points += [(x, y) for x in xs for y in ys]  # on the rules themselves, the frame's edges included
    boxes = [(x - 1.0, y - 1.0, x + 1.0, y + 1.0) for x, y in points]
    placed, torn = assign("x" * len(boxes), boxes.__getitem__, [grid])
    got = {i: cell for cell, glyphs in placed.get(0, {}).items() for i in glyphs}
    for i, (x, y) in enumerate(points):
        inside = xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]
        assert got.get(i) == (grid.cell_at(x, y) if inside else None)
    assert not torn


def test_path_points_read_in_one_piece_are_those_the_calls_give(monkeypatch) -> None:
    import pypdfium2 as pdfium

    from conftest import CORPUS
    from gipextract.read import pdf_rules

    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))[:3] + sorted((CORPUS / "sparse" / "pdf").glob("*.pdf"))[:2]
    rules = 0
    for path in pdfs:
        doc = pdfium.PdfDocument(str(path))
        try:
            for page in doc:
                height = page.get_height()
                monkeypatch.setitem(pdf_rules._LAYOUT, "checked", pdf_rules._CHECKS)  # records trusted
                monkeypatch.setitem(pdf_rules._LAYOUT, "wrong", False)
                fast = pdf_rules.segments(page, height)
                monkeypatch.setitem(pdf_rules._LAYOUT, "wrong", True)  # four calls a point
                assert repr(fast) == repr(pdf_rules.segments(page, height))  # -0.0 included
                rules += len(fast)
        finally:
            doc.close()
    assert rules > 100
