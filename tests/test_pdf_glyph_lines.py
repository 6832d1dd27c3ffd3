"""A PDF page whose text layer breaks after nearly every glyph (Chromium's print of a page
with spaced-out letters: corpus/toolout/chromium-pdf/02_seed001_word_gbk_layout.pdf, page 3)
is read as lines rebuilt from the glyph boxes."""
from __future__ import annotations

from gipextract.read.pdf import _glyph_lines
from conftest import CORPUS


class _Fetch:
    """Glyph boxes by index, as pdfium gives them (left, top, right, bottom; top-down)."""

    def __init__(self, boxes: dict[int, tuple[float, float, float, float]]) -> None:
        self.boxes = boxes

    def line(self, start: int, n: int) -> list[tuple[float, float, float, float]]:
        return [self.boxes[i] for i in range(start, start + n)]


def test_glyphs_in_one_band_form_one_line_with_cells_apart() -> None:
    # "4.无正" and its row's values 0 0, each glyph on a text line of its own, in stream order
    # values first; "当理由" wraps onto the next band.
    glyphs = [("0", (216, 716, 220, 723)), ("0", (261, 716, 265, 723)), ("4", (157, 716, 161, 723)),
              (".", (161, 716, 163, 723)), ("无", (163, 715, 172, 724)), ("正", (172, 715, 181, 724)),
              ("当", (156, 729, 165, 739)), ("理", (165, 730, 174, 738)), ("由", (174, 729, 183, 739))]
    text = "\r\n".join(ch for ch, _ in glyphs)
    boxes = {}
    pos = 0
    for ch, box in glyphs:
        boxes[pos] = box
        pos += 3  # the glyph and \r\n
    lines = _glyph_lines(text, _Fetch(boxes), 3)  # type: ignore[arg-type]
    assert [[f.text for f in b.fragments] for b in lines] == [["4.无正", "0", "0"], ["当理由"]]
    assert lines[0].fragments[1].prov.bbox == (216, 716, 220, 723)
    assert {f.prov.page for b in lines for f in b.fragments} == {3}


def test_the_chromium_page_reads_its_rows() -> None:
    from gipextract import parse

    report = parse(CORPUS / "toolout" / "chromium-pdf" / "02_seed001_word_gbk_layout.pdf")
    excessive = [(c.value, c.status) for c in report.cells if c.row == "not_processed.excessive"]
    # The report prints 0 in every cell of 4.无正当理由大量反复申请 (the page's row above).
    assert excessive == [(0, "ok")] * 7
