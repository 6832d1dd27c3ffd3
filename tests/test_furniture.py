"""Running headers and footers of printed pages (hand-made documents)."""
from __future__ import annotations

from gipextract.read.furniture import strip
from gipextract.read.document import Block, Document, Fragment, Provenance


def _line(page: int, y: float, *texts: str) -> Block:
    return Block("paragraph", tuple(Fragment(t, Provenance(page=page, bbox=(10.0 + 50 * k, y, 40.0 + 50 * k, y + 8)))
                                    for k, t in enumerate(texts)))


def _doc(pages: int) -> Document:
    blocks = []
    for p in range(1, pages + 1):
        blocks += [_line(p, 100, "行政许可", str(p)), _line(p, 120, "行政处罚", "0")]
        blocks += [_line(p, 16, "12/1/26,", "5:42", "AM", "某某街道2022年政府信息公开工作年度报告")]
        blocks += [_line(p, 770, "file:///tmp/report.html", f"{p}/{pages}")]
    return Document("pdf", tuple(blocks))


def test_browser_header_and_footer_removed_body_kept() -> None:
    out = strip(_doc(3))
    texts = [b.text for b in out.blocks]
    assert texts == ["行政许可 1", "行政处罚 0", "行政许可 2", "行政处罚 0", "行政许可 3", "行政处罚 0"]


def test_single_page_stamps_removed() -> None:
    assert [b.text for b in strip(_doc(1)).blocks] == ["行政许可 1", "行政处罚 0"]


def test_repeated_edge_line_without_stamp_removed_only_when_on_two_pages() -> None:
    blocks = [_line(1, 10, "某某区人民政府"), _line(1, 100, "行政许可", "4"), _line(1, 120, "行政处罚", "5"),
              _line(2, 10, "某某区人民政府"), _line(2, 100, "行政强制", "6"), _line(2, 120, "收费", "7")]
    out = strip(Document("pdf", tuple(blocks)))
    assert [b.text for b in out.blocks] == ["行政许可 4", "行政处罚 5", "行政强制 6", "收费 7"]
    one = strip(Document("pdf", tuple(blocks[:3])))
    assert [b.text for b in one.blocks] == ["某某区人民政府", "行政许可 4", "行政处罚 5"]


def test_documents_without_pages_untouched() -> None:
    doc = Document("text", (Block("paragraph", (Fragment("1/3", Provenance.at_line(1)),)),))
    assert strip(doc) is doc
