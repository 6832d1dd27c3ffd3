"""The PDF adapter's speed tricks (#28) give what the plain code gives, bit for bit."""
from __future__ import annotations

import math
import random
import struct

from gipextract.read.pdf import _round2


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
