"""A scan document drawn as a PDF, with where every table row stands (page and mm).

The report is composed by ``sparse_pdfs.compose`` (ruled tables, merged labels); the row
placement of ``sparse_draw`` is recorded while it draws, so a crop of a page can name the
rows it shows exactly, from the drawing, not from reading the picture.
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sparse_draw  # noqa: E402
from make_layout_pdfs import MARGIN, PAGE_W  # noqa: E402
from sparse_grids import Sparse, layout  # noqa: E402

TABLE_ORDER = ("proactive", "requests", "appeals")


@dataclass(frozen=True)
class RowSpot:
    """One printed row: its table, its key (None for a caption or header row), page and span in mm."""

    table: str
    row: str | None
    page: int  # 0-based
    top: float
    bottom: float
    x0: float
    x1: float


def _row_keys(doc: Sparse, table: str, n_body: int) -> list[str | None]:
    """The row key of each body row of a drawn table (``sparse_pdfs``'s own order)."""
    spec = layout(doc.form).table(table)
    if table == "requests":
        return [r.key for r in spec.rows]
    if table == "appeals":
        return ["all"]
    keys: list[str | None] = []
    last = None
    for row in spec.rows:  # as sparse_pdfs.proactive_table: caption and header rows per group
        if row.group != last:
            keys += [None, None]
            last = row.group
        keys.append(row.key)
    assert len(keys) == n_body
    return keys


def draw_pdf(doc: Sparse, style: sparse_draw.PdfStyle) -> tuple[bytes, list[RowSpot]]:
    """The report as PDF bytes and every table row's place (header rows have ``row`` None)."""
    from make_layout_pdfs import font_file
    from sparse_pdfs import compose, truetype

    spots: list[RowSpot] = []
    real_place = sparse_draw.place
    calls: list[tuple[int, list]] = []

    def recording(sheet, table, hh, bh):  # type: ignore[no-untyped-def]
        slots = real_place(sheet, table, hh, bh)
        calls.append((sheet.page, slots, table))
        return slots

    with tempfile.TemporaryDirectory() as tmp:
        otf = font_file(Path(tmp))
        chars: set[str] = set()
        sparse_draw.place = recording
        try:
            while True:  # until the font subset holds every character drawn
                calls.clear()
                ttf = truetype(otf, chars, Path(tmp) / "sc.ttf")
                sheet, _ = compose(doc, style, ttf)
                if sheet.chars <= chars:
                    break
                chars |= sheet.chars
        finally:
            sparse_draw.place = real_place
        data = bytes(sheet.pdf.output())
    for name, (page0, slots, table) in zip(TABLE_ORDER, calls):
        keys = _row_keys(doc, name, table.n_body)
        x0 = MARGIN + (PAGE_W - 2 * MARGIN - sum(table.widths)) / 2
        x1 = x0 + sum(table.widths)
        for s in slots:
            row = keys[s.row] if s.kind == "b" else None
            spots.append(RowSpot(name, row, page0 - 1 + s.page, s.y, s.y + s.h, x0, x1))
    return data, spots
