"""Scanned pages and pictures of tables, read by OCR (the optional ``ocr`` extra).

The recogniser is RapidOCR (PP-OCR models inside its wheel, run by onnxruntime on one
thread, offline). A page image is cleaned first (red seal out, skew out, see
:mod:`.ocr_image`); its table cells come from its ruling lines, and every recognised
character goes to the cell it sits in, so a label wrapped over lines stays whole and
its values stay beside it. The result is the same fragments the PDF text layer gives:
one block per table row (or text line), fragments with page and bbox in PDF points,
split where digits meet, each carrying the recogniser's confidence.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

from ...errors import ResourceLimitError, UnreadableInputError, UnsupportedFormatError
from ...limits import Budget
from ..document import Block, Document, Fragment, OcrFacts
from ..options import DEFAULT_OPTIONS, ReadOptions
from .image import find_tables, marker_in, rescale_factor, rotate, skew_angle, suppress_red, text_height
from .layout import (
    LOW_CONFIDENCE,
    Glyph,
    cell_at,
    fragment,
    is_number,
    split_words,
    table_rows,
    text_rows,
)
from .photo import flatten, sheet_corners
from .cells import find_grid

__all__ = ["LOW_CONFIDENCE", "Glyph", "ocr_facts", "read", "read_html_images", "read_image",
           "read_page", "read_pdf_page", "recognise", "require"]

PDF_DPI = 150  # rendering resolution for PDF pages: digits ≈ 20 px high
REREAD_BLANKS = ("无", "-", "—", "/", "－")
MARKER_SCORE = 0.95  # a blank marker told by its shape: sure, and only ever a blank
A4_WIDTH_PT = 595.3  # a picture's scale: its width taken as an A4 page's
_ENGINE: Any = None
_RECENT: dict[str, list[Glyph]] = {}  # the last pages recognised in this process, by image hash


@dataclass
class PageResult:
    """What reading one page image gives: blocks, and what a reader must be told."""

    blocks: list[Block] = field(default_factory=list)
    inked_empty: list[tuple[float, float, float, float]] = field(default_factory=list)
    angle: float = 0.0


def require(name: str | None = None) -> None:
    """Raise :class:`UnsupportedFormatError` naming the extra when RapidOCR is not installed."""
    try:
        import cv2  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        raise UnsupportedFormatError(name, "ocr_extra_missing") from None


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        from rapidocr import RapidOCR

        # One thread: a batch runs one document per worker, and the machine is shared.
        _ENGINE = RapidOCR(params={
            "Global.log_level": "error",
            "Global.return_word_box": True,
            "Global.return_single_char_box": True,
            "Global.max_side_len": 4000,  # a long picture of two pages keeps its text size
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        })
    return _ENGINE


def recognise(gray: Any) -> list[Glyph]:
    """Characters on a grey page image, with scores and pixel boxes.

    With ``GIPEXTRACT_OCR_CACHE`` set to a folder, results are kept there by image hash
    (for development and benchmarks: a page costs seconds of CPU).
    """
    key = hashlib.sha256(gray.tobytes() + repr(gray.shape).encode()).hexdigest()[:32]
    if key in _RECENT:  # the same picture twice in a process (an HTML page and its image)
        return _RECENT[key]
    cache = os.environ.get("GIPEXTRACT_OCR_CACHE")
    path = None
    if cache:
        path = os.path.join(cache, f"{key}.json")
        try:
            with open(path, encoding="utf-8") as f:
                return [Glyph(t, s, tuple(b), ln) for t, s, b, ln in json.load(f)]  # type: ignore[arg-type]
        except (OSError, ValueError):  # not there, or cut short by a run that was stopped
            pass
    import cv2

    # Every step named: RapidOCR keeps the flags of the previous call (see _reread).
    out = _engine()(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), use_det=True, use_cls=True, use_rec=True)
    glyphs: list[Glyph] = []
    for ln, (_text, score, chars) in enumerate(zip(out.txts or (), out.scores or (), out.word_results or ())):
        for word in chars:
            text, wscore, pts = word[0], word[1], word[2]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if text and text.strip():
                glyphs.append(Glyph(text.strip(), round(float(wscore if wscore is not None else score), 4),
                                    (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))), ln))
    if path:
        os.makedirs(cache, exist_ok=True)  # type: ignore[arg-type]
        with open(path + ".part", "w", encoding="utf-8") as f:  # whole or not at all
            json.dump([(g.text, g.score, g.box, g.line) for g in glyphs], f, ensure_ascii=False)
        os.replace(path + ".part", path)
    if len(_RECENT) >= 16:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[key] = glyphs
    return glyphs


def read_page(rgb: Any, page: int, pt_per_px: float, picture: bool = False) -> PageResult:
    """Read one page image (RGB array): tables by their cells, other text by lines.

    A ``picture`` (not a PDF page rendered at a known resolution) may be of any size: a
    screenshot cropped to a table, a fine scan, a phone photo of a sheet on a desk (the
    sheet is cut out and flattened first, see :mod:`.photo`). Its scale is taken from its
    characters' height, and it is enlarged or reduced so that they stand 14–44 px high.
    """
    if picture:
        corners = sheet_corners(rgb)
        if corners is not None:  # a photo of a sheet on a desk: the sheet alone, flat and upright
            rgb = flatten(rgb, corners)
            pt_per_px = A4_WIDTH_PT / rgb.shape[1]
    gray = suppress_red(rgb)
    line_px = max(8, round(12 / pt_per_px))  # a 12 pt line in pixels
    if picture:
        import cv2

        factor = rescale_factor(gray)
        if factor != 1.0:
            gray = cv2.resize(gray, None, fx=factor, fy=factor,
                              interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA)
            pt_per_px /= factor
        height = text_height(gray)
        if height is not None:
            line_px = max(8, round(1.1 * height))
    angle = skew_angle(gray)
    gray = rotate(gray, angle)
    # The regions the rules enclose; GIPEXTRACT_OCR_GRID=1 reads the cells by the cell-grid
    # model of ruled PDFs instead (rules bridged where broken). It is not yet the default: on
    # photos and skewed pictures its straight rows and columns misplace values (docs/ocr.md).
    grid, clean = find_grid(gray, line_px) if os.environ.get("GIPEXTRACT_OCR_GRID") else find_tables(gray, line_px)
    glyphs = recognise(clean)
    result = PageResult(angle=angle)
    in_cell: dict[int, list[Glyph]] = {}
    loose: dict[int, list[Glyph]] = {}
    for g in glyphs:
        label = cell_at(grid, g) if grid is not None else 0
        (in_cell.setdefault(label, []) if label else loose.setdefault(g.line, [])).append(g)
    rows: list[tuple[float, list[Fragment]]] = []
    if grid is not None:
        _markers(clean, grid, in_cell, line_px)
        _reread(clean, grid, in_cell, line_px)
        for top, frags in table_rows(grid, in_cell, line_px, page, pt_per_px, result.inked_empty):
            rows.append((top, frags))
    for line in text_rows(list(loose.values()), line_px):
        frags = [fragment(word, page, pt_per_px, numeric_only=True) for word in split_words(line, line_px)]
        rows.append((min(g.box[1] for g in line), frags))
    rows.sort(key=lambda r: r[0])
    result.blocks = [Block("paragraph", tuple(frags)) for _, frags in rows if frags]
    return result


def _markers(clean: Any, grid: Any, in_cell: dict[int, list[Glyph]], line_px: int) -> None:
    """Cells holding a lone blank marker (``-``, ``—``, ``/``) read by its shape, whatever the
    recogniser made of it (一, 二, _, 1 or nothing)."""
    for cell in grid.cells.values():
        found = marker_in(clean, cell.box, line_px)
        if found is not None:
            text, box = found
            in_cell[cell.label] = [Glyph(text, MARKER_SCORE, tuple(float(v) for v in box), -cell.label)]  # type: ignore[arg-type]


def _reread(clean: Any, grid: Any, in_cell: dict[int, list[Glyph]], line_px: int) -> None:
    """Cells with marks but no recognised text, read again on their own.

    The detector's usual miss is a lone ``0`` in a narrow column; the recogniser alone,
    given the cell's marks, reads it. What it reads joins the cell with its own score;
    a cell that still gives nothing is reported (``ocr_unread_mark``).
    """
    import cv2
    import numpy as np

    from .image import darkness

    for cell in grid.cells.values():
        if not cell.ink or cell.label in in_cell:
            continue
        m = max(2, line_px // 8)
        x0, y0, x1, y1 = cell.box[0] + m, cell.box[1] + m, cell.box[2] - m, cell.box[3] - m
        ys, xs = np.nonzero(darkness(clean[y0:y1, x0:x1]) > 60)
        if len(xs) == 0:
            continue
        bx0, by0, bx1, by1 = x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1
        pad = max(4, (by1 - by0) // 3)
        crop = cv2.copyMakeBorder(clean[by0:by1, bx0:bx1], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        out = _engine()(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True)
        text = (out.txts or ("",))[0].strip().replace(" ", "")
        score = round(float((out.scores or (0.0,))[0]), 4)
        # Read alone, a cell's marks are a value, a blank marker or a label read with
        # confidence; other text is a guess at a rule's remnant or a smudge (行一 at 0.28,
        # 。。), and the cell stays unread.
        value = is_number([Glyph(text, score, (0, 0, 0, 0), 0)]) or text in REREAD_BLANKS
        if text and (value or (len(text) >= 2 and score >= LOW_CONFIDENCE)):
            in_cell[cell.label] = [Glyph(text, score, (float(bx0), float(by0), float(bx1), float(by1)), -cell.label)]


def read_image(data: bytes, name: str, budget: Budget | None = None,
               options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A picture (PNG, JPEG, TIFF; a multi-page TIFF page by page) read by OCR."""
    require(name)
    import cv2

    budget = budget or Budget(name)
    frames = _decode(data)
    if not frames:
        raise UnreadableInputError(name, "not_an_image")
    budget.check("ocr_pages", len(frames), budget.limits.max_ocr_pages, "max_ocr_pages")
    blocks: list[Block] = []
    inked: list[tuple[int, tuple[float, ...]]] = []
    for number, frame in enumerate(frames, start=1):
        h, w = frame.shape[:2]
        if h * w > 60_000_000:
            raise ResourceLimitError(name, "image_too_large", index=number, width=w, height=h)
        budget.tick()
        budget.grant(budget.limits.ocr_seconds_per_page)
        page = read_page(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), number, A4_WIDTH_PT / w, picture=True)
        blocks.extend(page.blocks)
        inked.extend((number, b) for b in page.inked_empty)
        budget.tick()
    pages = list(range(1, len(frames) + 1))
    return Document(format="image", blocks=tuple(blocks), ocr=ocr_facts(pages, inked))


read = read_image  # the adapter entry point (see adapters.ADAPTERS)


def _decode(data: bytes) -> list[Any]:
    """The frames of a PNG/JPEG/TIFF (several for a multi-page TIFF); none if undecodable."""
    import cv2
    import numpy as np

    buf = np.frombuffer(data, np.uint8)
    try:
        ok, frames = cv2.imdecodemulti(buf, cv2.IMREAD_COLOR)
    except cv2.error:
        ok, frames = False, None
    if ok and frames:
        return list(frames)
    frame = cv2.imdecode(buf, cv2.IMREAD_COLOR) if len(buf) else None
    return [frame] if frame is not None else []


def read_html_images(body: Any, name: str, budget: Budget) -> tuple[list[Block], OcrFacts | None]:
    """The pictures of a portal page read by OCR (tables pasted as images), in page order.

    Only ``data:`` URIs and files beside the page (when ``name`` is its path) are read;
    a URL is never fetched. Pictures smaller than a table (icons, QR codes) are skipped.
    Each picture counts as a page (its number is the page of its fragments).
    """
    import base64
    import binascii
    from pathlib import Path
    from urllib.parse import unquote

    require(name)
    import cv2

    base = Path(name).parent if Path(name).is_file() else None
    blocks: list[Block] = []
    pages: list[int] = []
    inked: list[tuple[int, tuple[float, ...]]] = []
    for img in body.iter("img"):
        src = (img.get("src") or "").strip()
        data = b""
        if src.startswith("data:image/") and ";base64," in src[:80]:
            try:
                data = base64.b64decode(src.split(",", 1)[1], validate=False)
            except (binascii.Error, ValueError):
                continue
        elif src and base is not None and "://" not in src and not src.startswith("//"):
            path = (base / unquote(src.split("?", 1)[0])).resolve()
            if path.is_file() and path.stat().st_size <= budget.limits.max_bytes:
                data = path.read_bytes()
        for frame in _decode(data):
            h, w = frame.shape[:2]
            if w < 300 or h < 100 or h * w > 60_000_000:
                continue
            budget.check("ocr_pages", len(pages) + 1, budget.limits.max_ocr_pages, "max_ocr_pages")
            budget.tick()
            budget.grant(budget.limits.ocr_seconds_per_page)
            number = len(pages) + 1
            page = read_page(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), number, A4_WIDTH_PT / w, picture=True)
            blocks.extend(page.blocks)
            inked.extend((number, b) for b in page.inked_empty)
            pages.append(number)
            budget.tick()
    return blocks, (ocr_facts(pages, inked) if pages else None)


def read_pdf_page(pdf_page: Any, number: int, budget: Budget) -> tuple[list[Block], list[tuple[int, tuple[float, ...]]]]:
    """A PDF page without a usable text layer, rendered with pypdfium2 and read by OCR."""
    budget.tick()
    budget.grant(budget.limits.ocr_seconds_per_page)
    bitmap = pdf_page.render(scale=PDF_DPI / 72)
    try:
        import numpy as np

        rgb = np.array(bitmap.to_numpy()[..., :3][..., ::-1])  # pdfium renders BGR(A)
    finally:
        bitmap.close()
    page = read_page(rgb, number, 72 / PDF_DPI)
    budget.tick()
    return page.blocks, [(number, b) for b in page.inked_empty]


def ocr_facts(pages: list[int], inked: list[tuple[int, tuple[float, ...]]]) -> OcrFacts:
    """The pages read by OCR and the cells with marks but no text (turned into findings by
    :mod:`gipextract.checks.ocr`)."""
    return OcrFacts(tuple(pages), tuple((p, tuple(round(v) for v in b)) for p, b in inked))
