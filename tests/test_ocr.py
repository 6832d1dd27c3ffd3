"""OCR (the optional ``ocr`` extra): scanned corpus documents, the image helpers, the safeguards.

The corpus tests run only when RapidOCR is installed (each page costs seconds of CPU, so
every scan is parsed once per session); without it they skip, and the error a caller
gets names the extra to install.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, flat_cells, same_value

from gipextract import parse
from gipextract.errors import UnreadableInputError, UnsupportedFormatError
from gipextract.limits import Limits

SCANS = sorted(p for p in (CORPUS / "scans").glob("*.*") if p.suffix in (".pdf", ".png"))
HAVE_CV2 = importlib.util.find_spec("cv2") is not None and importlib.util.find_spec("numpy") is not None
HAVE_OCR = HAVE_CV2 and importlib.util.find_spec("rapidocr") is not None
needs_cv2 = pytest.mark.skipif(not HAVE_CV2, reason="opencv (the ocr extra) is not installed")
needs_ocr = pytest.mark.skipif(not HAVE_OCR, reason="the ocr extra (rapidocr) is not installed")


def _png(width: int = 40, height: int = 30) -> bytes:
    """A small white PNG, written without any imaging library."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# --- without OCR, and without the extra ------------------------------------------------

def test_image_without_ocr_flag_says_how() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"ocr=True"):
        parse(_png(), name="table.png")


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import fails as if not installed
    with pytest.raises(UnsupportedFormatError, match=r"gipextract\[ocr\]"):
        parse(_png(), name="table.png", ocr=True)


def test_missing_extra_names_it_for_a_scanned_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    with pytest.raises(UnsupportedFormatError, match=r"gipextract\[ocr\]"):
        parse(CORPUS / "scans" / "01-plain-scan.pdf", ocr=True)


def test_text_layer_pdf_is_not_ocred(monkeypatch: pytest.MonkeyPatch) -> None:
    from gipextract.read import ocr

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page with a good text layer was sent to OCR")

    monkeypatch.setattr(ocr, "read_pdf_page", fail)
    out = parse(CORPUS / "pdf" / "01-seed000-plain.pdf", ocr=True).to_dict()
    assert not [f for f in out["findings"] if f["code"].startswith("ocr_")]
    assert all("confidence" not in (c["source"] or {}) for c in out["cells"])


def test_garbled_and_image_pages_go_to_ocr_good_pages_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 1 has a garbled text layer, page 2 a good one: only page 1 is OCR'd."""
    from gipextract.read import load, ocr, pdf
    from gipextract.limits import Budget
    from gipextract.read.options import ReadOptions
    from gipextract.read.document import Block, Fragment, Provenance

    real = pdf._read_page
    sent: list[int] = []

    def garble_first(page: Any, number: int, *rest: Any) -> Any:
        return ([], "garbled") if number == 1 else real(page, number, *rest)

    def fake_ocr(page: Any, number: int, budget: Any) -> Any:
        sent.append(number)
        return [Block("paragraph", (Fragment("OCR", Provenance(page=number, bbox=(0, 0, 1, 1), confidence=1.0)),))], []

    monkeypatch.setattr(pdf, "_read_page", garble_first)
    monkeypatch.setattr(ocr, "require", lambda name=None: None)
    monkeypatch.setattr(ocr, "read_pdf_page", fake_ocr)
    data = (CORPUS / "pdf" / "01-seed000-plain.pdf").read_bytes()
    doc = load(data, "x.pdf", budget=Budget("x.pdf"), options=ReadOptions(ocr=True))
    assert sent == [1] and doc.ocr is not None and doc.ocr.pages == (1,) and not doc.notices
    assert doc.blocks[0].fragments[0].text == "OCR" and len(doc.fragments()) > 10
    plain = load(data, "x.pdf", budget=Budget("x.pdf"))
    assert sent == [1] and plain.notices[0].code == "garbled_pages" and plain.ocr is None


def test_scanned_pdf_without_ocr_is_reported_not_read() -> None:
    with pytest.raises(UnreadableInputError, match="没有文字层") as e:
        parse(CORPUS / "scans" / "01-plain-scan.pdf")
    assert e.value.code == "pdf_no_text" and e.value.params["notices"][0]["notice"] == "image_pages"


def test_max_ocr_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from gipextract.read import ocr
    from gipextract.errors import ResourceLimitError

    monkeypatch.setattr(ocr, "require", lambda name=None: None)  # no engine is reached
    with pytest.raises(ResourceLimitError, match="max_ocr_pages"):
        parse(CORPUS / "scans" / "03-merges-seal.pdf", ocr=True, limits=Limits(max_ocr_pages=0))


# --- image helpers (opencv only, no recogniser) -----------------------------------------

def _grid_page(angle: float = 0.0, seal: bool = False) -> Any:
    """A white page with a ruled 4×3 table whose first column has one merged cell."""
    import cv2
    import numpy as np

    img = np.full((600, 800, 3), 255, np.uint8)
    xs, ys = [100, 300, 450, 600, 700], [100, 150, 200, 250, 300]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), (0, 0, 0), 2)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), (0, 0, 0), 2)
    img[152:248, 102:298] = 255  # rows 2 and 3 of column 1 merged: erase the rule between them
    cv2.putText(img, "12", (360, 185), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    if seal:
        cv2.circle(img, (520, 200), 70, (35, 30, 215), 8)  # BGR red ring over the values
    if angle:
        m = cv2.getRotationMatrix2D((400, 300), angle, 1.0)
        img = cv2.warpAffine(img, m, (800, 600), borderValue=(255, 255, 255))
    return cv2.cvtColor(img, cv2.COLOR_BGR2RGB)


@needs_cv2
def test_skew_is_measured() -> None:
    from gipextract.read.ocr.image import skew_angle, suppress_red

    assert abs(skew_angle(suppress_red(_grid_page(1.2))) + 1.2) <= 0.1
    assert abs(skew_angle(suppress_red(_grid_page(-0.8))) - 0.8) <= 0.1
    assert abs(skew_angle(suppress_red(_grid_page(0.0)))) <= 0.05


@needs_cv2
def test_red_seal_is_removed_and_print_kept() -> None:
    from gipextract.read.ocr.image import suppress_red

    gray = suppress_red(_grid_page(seal=True))
    assert gray[200, 450 + 70 - 1] == 255 or gray[130, 520] == 255  # the ring is gone
    assert (gray[130:135, 520] > 200).all()
    assert gray[100, 500] < 100  # a black rule under nothing stays black
    assert (gray[160:190, 360:400] < 100).any()  # the printed 12 stays


@needs_cv2
def test_cells_come_from_rules_merged_cell_is_one() -> None:
    from gipextract.read.ocr.image import find_tables, suppress_red

    grid, clean = find_tables(suppress_red(_grid_page()), 25)
    assert grid is not None
    boxes = sorted(c.box for c in grid.cells.values())
    # 4 columns × 4 rows, less one for the merged pair in column 1.
    assert len(boxes) == 15
    merged = [b for b in boxes if b[0] < 150 and 140 <= b[1] <= 160]
    assert len(merged) == 1 and merged[0][3] >= 240
    inked = [c for c in grid.cells.values() if c.ink]
    assert len(inked) == 1 and inked[0].box[0] > 300 and inked[0].box[2] < 450  # the cell with 12
    assert clean[100, 400] == 255 and clean[200, 450] == 255  # rules painted out for the recogniser


# --- words, look-alikes, confidence (no recogniser) -------------------------------------

def _glyphs(spec: list[tuple[str, float, float]], line: int = 0, score: float = 0.99) -> list[Any]:
    from gipextract.read.ocr.layout import Glyph

    return [Glyph(t, score, (x0, 10.0, x1, 30.0), line) for t, x0, x1 in spec]


def test_digits_apart_are_two_numbers_and_lookalikes_map() -> None:
    from gipextract.read.ocr.layout import LOW_CONFIDENCE, cell_fragments

    # "1O" then, one cell further, "l2": two numbers, letters read as digits.
    frags = cell_fragments(_glyphs([("1", 0, 10), ("O", 11, 21), ("l", 80, 90), ("2", 91, 101)]), 1, 0.5, 25)
    assert [f.text for f in frags] == ["10", "12"]
    assert all(f.prov.confidence is not None and f.prov.confidence < LOW_CONFIDENCE for f in frags)
    assert frags[0].prov.page == 1 and frags[0].prov.bbox == (0.0, 5.0, 10.5, 15.0)


def test_label_text_is_left_alone_and_wrapped_label_joined() -> None:
    from gipextract.read.ocr.layout import cell_fragments

    glyphs = _glyphs([("其", 0, 20), ("他", 21, 41)], line=0) + [
        g for g in _glyphs([("O", 0, 20), ("l", 21, 41)], line=1)]
    glyphs = glyphs[:2] + [type(g)(g.text, g.score, (g.box[0], 40.0, g.box[2], 60.0), 1) for g in glyphs[2:]]
    frags = cell_fragments(glyphs, 1, 1.0, 25)
    assert [f.text for f in frags] == ["其他", "01"]  # "Ol" alone in a cell is a number
    confident = cell_fragments(_glyphs([("3", 0, 10), ("4", 11, 21)]), 1, 1.0, 25)
    assert [f.text for f in confident] == ["34"] and confident[0].prov.confidence == 0.99


# --- the scanned corpus ------------------------------------------------------------------

@cache
def _parsed(name: str) -> dict[str, Any]:
    return parse(CORPUS / "scans" / name, ocr=True, limits=Limits(max_seconds=600)).to_dict()


def _expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text(encoding="utf-8"))


@needs_ocr
@pytest.mark.parametrize("path", SCANS, ids=lambda p: p.name)
def test_scan_cells(path: Path) -> None:
    """Nearly every cell exact; none wrong in tables 三 and 四 without a finding naming it."""
    expected = _expected(path)
    out = _parsed(path.name)
    assert out["template"] == expected["template"]
    want = flat_cells(expected["tables"])
    got = flat_cells(out["tables"])
    assert set(got) == set(want)
    flagged = {c for f in out["findings"] for c in f["cells"]}
    status = {f"{c['table']}.{c['row']}.{c['column']}": c["status"] for c in out["cells"]}
    exact = [k for k in want if same_value(want[k], got[k]) and status[k] == expected["statuses"].get(k, "ok")]
    assert len(exact) >= 0.97 * len(want), sorted(set(want) - set(exact))
    silent = [k for k in want if not same_value(want[k], got[k]) and status[k] == "ok" and k not in flagged
              and not k.startswith("proactive.")]
    assert silent == []


@needs_ocr
@pytest.mark.parametrize("path", SCANS, ids=lambda p: p.name)
def test_scan_findings(path: Path) -> None:
    """The OCR'd pages are named, table 二's values flagged, every value carries a confidence."""
    out = _parsed(path.name)
    codes = {f["code"]: f for f in out["findings"]}
    pages = _expected(path)["pages"]
    assert "ocr_pages" in codes
    if path.suffix == ".pdf":
        assert codes["ocr_pages"]["args"]["pages"] == list(range(1, len(pages) + 1))
        assert codes["ocr_pages"]["message"].startswith(f"第 {'、'.join(str(p) for p in range(1, len(pages) + 1))} 页")
    named = {c for f in out["findings"] if f["code"] in ("ocr_unchecked", "ocr_low_confidence") for c in f["cells"]}
    for cell in out["cells"]:
        src = cell["source"]
        if cell["status"] == "ok" and src and "bbox" in src:
            assert 0 <= src["confidence"] <= 1
            if cell["table"] == "proactive":
                assert f"proactive.{cell['row']}.{cell['column']}" in named
    assert out["source"]["format"] == ("pdf" if path.suffix == ".pdf" else "image")


@needs_ocr
def test_seal_gives_no_digits() -> None:
    """Under the red seal the values are read as printed: no extra token from its strokes."""
    for path in SCANS:
        if "seal" not in path.name:
            continue
        out = _parsed(path.name)
        assert not [f for f in out["findings"] if f["code"] == "identity"], path.name


@needs_ocr
def test_html_with_tables_as_pictures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A portal page whose tables are pictures: a data: URI and a file beside the page are
    read, a URL is never fetched; the cells are those of the picture alone."""
    import base64
    import urllib.request

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a URL was fetched")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    png = CORPUS / "scans" / "15-blank-photo.png"
    uri = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
    html = ("<html><body><h1>2022年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
            f'<p><img src="{uri}"></p><img src="https://example.gov.cn/t.png"><img src="logo.png"></body></html>')
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    out = parse(page, ocr=True, limits=Limits(max_seconds=600)).to_dict()
    assert out["source"]["format"] == "html"
    assert {f["code"] for f in out["findings"]} >= {"ocr_pages"}
    assert flat_cells(out["tables"]) == flat_cells(_parsed(png.name)["tables"])
    # The same picture as a file next to the page.
    (tmp_path / "t.png").write_bytes(png.read_bytes())
    page.write_text(html.replace(uri, "t.png"), encoding="utf-8")
    again = parse(page, ocr=True, limits=Limits(max_seconds=600)).to_dict()
    assert flat_cells(again["tables"]) == flat_cells(out["tables"])


@needs_ocr
def test_cell_with_marks_but_no_detected_text_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detector misses a lone value: the cell's marks are recognised on their own."""
    from gipextract.read import ocr

    monkeypatch.setattr(ocr, "recognise", lambda gray: [])  # the page-wide pass finds nothing
    page = ocr.read_page(_grid_page(), 1, 0.5)
    frags = [f for b in page.blocks for f in b.fragments]
    assert [f.text for f in frags if f.text] == ["12"] and not page.inked_empty
    frag = next(f for f in frags if f.text)
    assert 0 < frag.prov.confidence <= 1 and 150 < frag.prov.bbox[0] < 225  # the cell at x 300–450 px
    monkeypatch.undo()
    # The engine is shared: a whole page is still detected after a recogniser-only call.
    again = ocr.read_page(_grid_page(), 1, 0.5)
    assert [f.text for b in again.blocks for f in b.fragments if f.text] == ["12"]


@needs_ocr
def test_blank_ruled_cells_are_empty_cells_at_their_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ruled cell with nothing in it is a blank cell with its table, row and position (as a
    PDF's ruled table gives it); a cell with marks but no text read gives nothing (never 0)."""
    from gipextract.read import ocr

    monkeypatch.setattr(ocr, "recognise", lambda gray: [])
    page = ocr.read_page(_grid_page(), 1, 0.5)
    frags = [f for b in page.blocks for f in b.fragments]
    # _grid_page draws 4 rows of 4 columns, two cells of column 1 merged: 15 cells, "12" in one.
    assert len(frags) == 15 and sum(1 for f in frags if not f.text) == 14
    assert {f.prov.row for f in frags} == {0, 1, 2, 3} and len({f.prov.table for f in frags}) == 1
    row1 = sorted((f for f in frags if f.prov.row == 1), key=lambda f: f.prov.col)
    assert [f.text for f in row1] == ["", "12", "", ""]  # the value in the second of four columns
    # The recogniser reads nothing in the cell, even alone: marks but no value, so no fragment.
    monkeypatch.setattr(ocr, "_reread", lambda *a: None)
    page = ocr.read_page(_grid_page(), 1, 0.5)
    frags = [f for b in page.blocks for f in b.fragments]
    assert len(frags) == 14 and not any(f.text for f in frags) and len(page.inked_empty) == 1
