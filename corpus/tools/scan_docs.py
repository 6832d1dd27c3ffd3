"""What corpus/scans/varied/ holds: seeded grids drawn as reports, and how each is degraded.

Every document is a grid (blank-heavy like a small unit's, or with values in many cells)
completed so that the form's identities hold (checked from the template data by
``make_layout_corpus._check``, never by gipextract), printed cell by cell (zeros blank, ``0``
or a blank marker) and drawn as a ruled report with ``sparse_pdfs.compose``. Where each table
row stands on which page is recorded while drawing, so that a picture of part of a page knows
exactly which rows it shows.

The degradation of each document is drawn from the issue's ranges by its own seed
(:mod:`scan_degrade`); its *kind* names what it adds to a plain scan, and the benchmark
reports per kind.
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_layout_corpus import _check, _complete_requests  # noqa: E402
from sparse_draw import PdfStyle  # noqa: E402
from sparse_grids import (ALL_BLANK, MIXED, MIXED_DASH, TWO_PRINTED, UNITS, Grid, Sparse,  # noqa: E402
                          build_grid, print_cells, zero_grid)

from gipextract import templates  # noqa: E402

# Kinds of degradation (the benchmark's groups). Documents are image-only PDFs; pictures are
# single images (PNG or JPEG).
DOC_KINDS = ("scan-grey", "scan-colour", "faint", "seal")
PICTURE_KINDS = ("phone", "screenshot", "one-table", "table-tail")
ZEROS = {"blank": ALL_BLANK, "zero": TWO_PRINTED, "mixed": MIXED, "dash": MIXED_DASH}
WIDTHS = ((10.0, 18.0, 40.0), (10.0, 16.0, 58.0), (10.0, 18.0, 34.0))


@dataclass(frozen=True)
class ScanDoc:
    """One output: its name, the truth it draws, the drawing style, the degradation kind and seed."""

    name: str
    truth: Sparse
    style: PdfStyle
    kind: str
    seed: int


def busy_grid(form: str, rng: random.Random) -> Grid:
    """A grid with values in many cells: table 二 mostly filled, a dozen or more result cells of
    table 三 from 1 to 80, table 四 a few appeals per group; identities completed and checked."""
    t = templates.get(form)
    g = zero_grid(form)
    for (table, row, col), v in list(g.items()):
        if table != "proactive" or rng.random() < 0.3:
            continue
        kind = t.table(table).column(col).kind
        if kind == "amount":
            g[(table, row, col)] = Decimal(rng.randint(1, 900_000)).scaleb(-rng.choice((0, 2, 4)))
        elif kind == "signed":
            g[(table, row, col)] = rng.choice((-1, 1)) * rng.randint(1, 60)
        else:
            g[(table, row, col)] = rng.randint(1, 3000)
    spec = t.table("requests")
    outer = ("new_received", "carried_over", "total", "carried_forward")
    results = [r.key for r in spec.rows if r.key not in outer]
    applicants = [c.key for c in spec.columns if c.key != "total"]
    for _ in range(rng.randint(8, 30)):
        g[("requests", rng.choice(results), rng.choice(applicants))] = rng.randint(1, 80)
    for a in rng.sample(applicants, k=rng.randint(1, 3)):
        g[("requests", "carried_forward", a)] = rng.randint(1, 9)
    _complete_requests(t, g)
    for a in applicants:  # carried over: at most what was settled or carried on this year
        room = g[("requests", "total", a)] + g[("requests", "carried_forward", a)]
        if room and rng.random() < 0.5:
            g[("requests", "carried_over", a)] = rng.randint(1, min(room, 12))
    _complete_requests(t, g)
    for group in ("reconsideration", "litigation_direct", "litigation_after"):
        parts = [rng.choice((0, 0, 1, 2, 3, 7)) for _ in range(4)]
        for outcome, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{group}.{outcome}")] = v
        g[("appeals", "all", f"{group}.total")] = sum(parts)
    _check(t, g)
    return g


def truth(name: str, seed: int, form: str, density: str, zeros: str, blank_totals: bool = False) -> Sparse:
    """The document's grid and printed cells: ``density`` is ``blank`` (三 and 四 all zero),
    ``few`` (one to four applications), ``busy`` (:func:`busy_grid`)."""
    rng = random.Random(seed)
    if density == "busy":
        g = busy_grid(form, rng)
    else:
        g = build_grid(form, seed, "none" if density == "blank" else "few", density == "few" and rng.random() < 0.6)
    left_blank: tuple = ()
    if blank_totals:  # a clerk who left the 总计 column blank although its cells are not 0
        left_blank = tuple(k for k, v in g.items() if k[0] == "requests" and k[2] == "total" and v != 0)
    shown = print_cells(g, seed, ZEROS[zeros], "plus", blank_totals=left_blank)
    year = 2020 if form == "2019" else 2021 + seed % 4
    return Sparse(form, g, shown, UNITS[seed % len(UNITS)], year, None,
                  notes=f"{density} grid, zeros {zeros}" + ("; 总计 column left blank" if blank_totals else ""))


def documents() -> list[ScanDoc]:
    """Every document and picture of corpus/scans/varied/, seeded: the same list on every run."""
    out: list[ScanDoc] = []
    rng = random.Random(2025)
    densities = ("blank", "few", "busy")
    zero_styles = tuple(ZEROS)
    n = 20
    # 32 documents: eight of each kind, both forms, every density and zero style.
    for k in range(32):
        kind = DOC_KINDS[k % len(DOC_KINDS)]
        form = "2019" if k % 5 == 3 else "2021"
        density = densities[k % 3]
        zeros = zero_styles[(k // 3) % len(zero_styles)]
        seed = 100 + k
        style = PdfStyle(widths=WIDTHS[k % 3], size=rng.choice((8.0, 8.0, 9.0)),
                         valign=rng.choice(("middle", "middle", "top")), appeal_header=k % 2,
                         paragraphs=rng.randint(1, 5))
        name = f"{n + k}-{kind}-{form}-{density}"
        out.append(ScanDoc(name, truth(name, seed, form, density, zeros, blank_totals=k == 10), style, kind, seed))
    n += 32
    # 20 pictures: five of each kind, 2021 form (a picture of table 四 alone cannot tell the forms apart).
    for k in range(20):
        kind = PICTURE_KINDS[k % len(PICTURE_KINDS)]
        density = densities[(k + 1) % 3]
        zeros = zero_styles[k % len(zero_styles)]
        seed = 200 + k
        style = PdfStyle(widths=WIDTHS[(k + 1) % 3], size=8.0, appeal_header=k % 2, paragraphs=rng.randint(1, 8))
        name = f"{n + k}-{kind}-{density}"
        out.append(ScanDoc(name, truth(name, seed, "2021", density, zeros), style, kind, seed))
    return out
