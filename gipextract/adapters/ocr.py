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
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ResourceLimitError, UnreadableInputError, UnsupportedFormatError
from ..limits import Budget
from ..model import Block, Document, Fragment, Provenance
from .ocr_image import CellBox, TableGrid, find_tables, rotate, skew_angle, suppress_red

EXTRA_ADVICE = "OCR needs the optional extra: pip install 'gipextract[ocr]'"
LOW_CONFIDENCE = 0.9  # below this an OCR'd value is flagged (ocr_low_confidence)
PDF_DPI = 150  # rendering resolution for PDF pages: digits ≈ 20 px high
A4_WIDTH_PT = 595.3  # a picture's scale: its width taken as an A4 page's
_NUMBERISH = re.compile(r"[\dOoDlI|,.，]+")
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "，": ","})
_ENGINE: Any = None
_RECENT: dict[str, list["Glyph"]] = {}  # the last pages recognised in this process, by image hash


@dataclass(frozen=True)
class Glyph:
    """One recognised character (or a run of Latin/digits the recogniser boxed whole)."""

    text: str
    score: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in page pixels
    line: int  # index of the recognised text line it belongs to


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
        raise UnsupportedFormatError(name, EXTRA_ADVICE) from None


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
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return [Glyph(t, s, tuple(b), ln) for t, s, b, ln in json.load(f)]  # type: ignore[arg-type]
    import cv2

    out = _engine()(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    glyphs: list[Glyph] = []
    for ln, (txt, score, words) in enumerate(zip(out.txts or (), out.scores or (), out.word_results or ())):
        for word in words:
            text, wscore, pts = word[0], word[1], word[2]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if text and text.strip():
                glyphs.append(Glyph(text.strip(), round(float(wscore if wscore is not None else score), 4),
                                    (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))), ln))
    if path:
        os.makedirs(cache, exist_ok=True)  # type: ignore[arg-type]
        with open(path, "w", encoding="utf-8") as f:
            json.dump([(g.text, g.score, g.box, g.line) for g in glyphs], f, ensure_ascii=False)
    if len(_RECENT) >= 16:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[key] = glyphs
    return glyphs


def read_page(rgb: Any, page: int, pt_per_px: float) -> PageResult:
    """Read one page image (RGB array): tables by their cells, other text by lines."""
    gray = suppress_red(rgb)
    angle = skew_angle(gray)
    gray = rotate(gray, angle)
    unit = max(8, round(12 / pt_per_px))  # a 12 pt line in pixels
    grid, clean = find_tables(gray, unit)
    glyphs = recognise(clean)
    result = PageResult(angle=angle)
    in_cell: dict[int, list[Glyph]] = {}
    loose: dict[int, list[Glyph]] = {}
    for g in glyphs:
        label = _cell_at(grid, g) if grid is not None else 0
        (in_cell.setdefault(label, []) if label else loose.setdefault(g.line, [])).append(g)
    rows: list[tuple[float, list[Fragment]]] = []
    if grid is not None:
        for top, frags in _table_rows(grid, in_cell, unit, page, pt_per_px, result):
            rows.append((top, frags))
    for line in _text_rows(list(loose.values()), unit):
        frags = [_fragment(word, page, pt_per_px, numeric_only=True) for word in _words(line, unit)]
        rows.append((min(g.box[1] for g in line), frags))
    rows.sort(key=lambda r: r[0])
    result.blocks = [Block("paragraph", tuple(frags)) for _, frags in rows if frags]
    return result


def _cell_at(grid: TableGrid, g: Glyph) -> int:
    """The cell label under a glyph's centre (or next to it: the centre may sit on a rule)."""
    x, y = int((g.box[0] + g.box[2]) / 2), int((g.box[1] + g.box[3]) / 2)
    h, w = grid.labels.shape
    for dx, dy in ((0, 0), (-3, 0), (3, 0), (0, -3), (0, 3)):
        xx, yy = min(max(x + dx, 0), w - 1), min(max(y + dy, 0), h - 1)
        label = int(grid.labels[yy, xx])
        if label:
            return label
    return 0


def _table_rows(grid: TableGrid, in_cell: dict[int, list[Glyph]], unit: int, page: int, pt_per_px: float,
                result: PageResult) -> list[tuple[float, list[Fragment]]]:
    """Fragments of each table row, left to right, the rows top to bottom.

    A cell belongs to the row of its top rule (a group label spanning rows comes before
    its first sub-row, as in a text layer), except a number inside a cell that spans
    rows: it goes to the row it is printed in, beside its own label.
    """
    rows = _grid_rows(grid, unit)
    tops: dict[int, list[float]] = {}
    for top, cells in rows:
        tops.setdefault(cells[0].table, []).append(top)
    placed: dict[tuple[int, float], list[tuple[float, list[Fragment]]]] = {}
    for top, cells in rows:
        for cell in cells:
            content = in_cell.get(cell.label)
            if not content:
                if cell.ink:
                    result.inked_empty.append(_pt(cell.box, pt_per_px))
                continue
            by_row: dict[float, list[Glyph]] = {}
            for line in _lines(content):
                where = top
                if _is_number(line):
                    mid = (min(g.box[1] for g in line) + max(g.box[3] for g in line)) / 2
                    where = max([t for t in tops[cell.table] if top <= t <= mid - unit / 4] or [top])
                by_row.setdefault(where, []).extend(line)
            for where, glyphs in by_row.items():
                placed.setdefault((cell.table, where), []).append(
                    (cell.box[0], _cell_fragments(glyphs, page, pt_per_px, unit)))
    # Left to right by where each value is printed: cells merged by a missed rule (under a
    # seal, say) hold values of several columns.
    return [(where, sorted((f for _, frags in entries for f in frags), key=lambda f: f.prov.bbox[0]))  # type: ignore[index]
            for (_, where), entries in sorted(placed.items())]


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by recognised line, each left to right, the lines top to bottom."""
    by_line: dict[int, list[Glyph]] = {}
    for g in glyphs:
        by_line.setdefault(g.line, []).append(g)
    return sorted((sorted(v, key=lambda g: g.box[0]) for v in by_line.values()), key=lambda v: v[0].box[1])


def _grid_rows(grid: TableGrid, unit: int) -> list[tuple[float, list[CellBox]]]:
    """Cells grouped into rows, left to right; a tall cell goes with its top row.

    Neighbours whose tops meet are in one row, step by step along the row, so that a
    skew left after deskewing (a picture of two sheets, each turned its own way) does not
    cut a row in two.
    """
    cells = sorted(grid.cells.values(), key=lambda c: c.box[0])
    parent = {c.label: c.label for c in cells}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    gap = max(6, unit // 3)
    for i, a in enumerate(cells):
        for b in cells[i + 1:]:
            if b.box[0] - a.box[2] > gap:
                break
            if b.table == a.table and b.box[0] - a.box[2] >= -gap and abs(b.box[1] - a.box[1]) <= unit / 3:
                parent[root(b.label)] = root(a.label)
    groups: dict[int, list[CellBox]] = {}
    for c in cells:
        groups.setdefault(root(c.label), []).append(c)
    rows = [(sum(c.box[1] for c in g) / len(g), g) for g in groups.values()]
    rows.sort(key=lambda r: (r[1][0].table, r[0]))
    return rows


def _text_rows(lines: list[list[Glyph]], unit: int) -> list[list[Glyph]]:
    """Recognised lines outside tables merged into rows where they share a baseline."""
    lines = sorted((sorted(ln, key=lambda g: g.box[0]) for ln in lines if ln), key=lambda ln: ln[0].box[1])
    rows: list[list[Glyph]] = []
    for ln in lines:
        mid = (ln[0].box[1] + ln[0].box[3]) / 2
        if rows and abs(mid - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) <= unit / 3:
            rows[-1] = sorted(rows[-1] + ln, key=lambda g: g.box[0])
        else:
            rows.append(ln)
    return rows


def _words(glyphs: list[Glyph], unit: int) -> list[list[Glyph]]:
    """Glyphs of one line split where digits meet across a gap (two cells' numbers never fuse)."""
    words: list[list[Glyph]] = []
    for g in glyphs:
        if words:
            prev = words[-1][-1]
            height = max(prev.box[3] - prev.box[1], g.box[3] - g.box[1], unit / 2)
            gap = g.box[0] - prev.box[2]
            digit_edge = prev.text[-1].isdigit() or g.text[0].isdigit()
            if g.line == prev.line and gap <= (0.6 if digit_edge else 1.5) * height:
                words[-1].append(g)
                continue
        words.append([g])
    return words


def _cell_fragments(glyphs: list[Glyph], page: int, pt_per_px: float, unit: int) -> list[Fragment]:
    """The text of one cell: its lines top to bottom joined, numbers kept apart."""
    words = [w for ln in _lines(glyphs) for w in _words(ln, unit)]
    # Label text wrapped over lines is one label; numbers stay one fragment each.
    merged: list[list[Glyph]] = []
    for w in words:
        if merged and not _is_number(merged[-1]) and not _is_number(w):
            merged[-1] = merged[-1] + w
        else:
            merged.append(w)
    return [_fragment(w, page, pt_per_px, numeric_only=False) for w in merged]


def _is_number(word: list[Glyph]) -> bool:
    text = "".join(g.text for g in word)
    return bool(_NUMBERISH.fullmatch(text)) and any(ch.isdigit() or ch in "Oo" for ch in text)


def _fragment(word: list[Glyph], page: int, pt_per_px: float, numeric_only: bool) -> Fragment:
    """A fragment for ``word``; look-alike letters inside a number become digits."""
    text = "".join(g.text for g in word)
    score = min(g.score for g in word)
    if _NUMBERISH.fullmatch(text) and (any(ch.isdigit() for ch in text) or not numeric_only):
        mapped = text.translate(_LOOKALIKE)
        if mapped != text:
            # A letter read where a digit stands is a guess: below the threshold, so flagged.
            score = min(score, LOW_CONFIDENCE / 2)
            text = mapped
    box = (min(g.box[0] for g in word), min(g.box[1] for g in word),
           max(g.box[2] for g in word), max(g.box[3] for g in word))
    return Fragment(text, Provenance(page=page, bbox=_pt(box, pt_per_px), confidence=round(score, 3)))


def _pt(box: tuple[float, ...], pt_per_px: float) -> tuple[float, float, float, float]:
    return tuple(round(v * pt_per_px, 2) for v in box)  # type: ignore[return-value]


def read_image(data: bytes, name: str, budget: Budget | None = None) -> Document:
    """A picture (PNG, JPEG, TIFF; a multi-page TIFF page by page) read by OCR."""
    require(name)
    import cv2

    budget = budget or Budget(name)
    frames = _decode(data)
    if not frames:
        raise UnreadableInputError(name, "not a readable PNG, JPEG or TIFF image")
    budget.check("OCR pages", len(frames), budget.limits.max_ocr_pages, "max_ocr_pages")
    blocks: list[Block] = []
    inked: list[tuple[int, tuple[float, ...]]] = []
    for number, frame in enumerate(frames, start=1):
        h, w = frame.shape[:2]
        if h * w > 60_000_000:
            raise ResourceLimitError(name, f"image {number} is {w}×{h} pixels; at most 60 million are read")
        budget.tick()
        budget.grant(budget.limits.ocr_seconds_per_page)
        page = read_page(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), number, A4_WIDTH_PT / w)
        blocks.extend(page.blocks)
        inked.extend((number, b) for b in page.inked_empty)
        budget.tick()
    pages = list(range(1, len(frames) + 1))
    return Document(format="image", blocks=tuple(blocks), meta=page_meta(pages, inked))


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


def read_html_images(body: Any, name: str, budget: Budget) -> tuple[list[Block], dict[str, str]]:
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
            budget.check("OCR pages", len(pages) + 1, budget.limits.max_ocr_pages, "max_ocr_pages")
            budget.tick()
            budget.grant(budget.limits.ocr_seconds_per_page)
            number = len(pages) + 1
            page = read_page(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), number, A4_WIDTH_PT / w)
            blocks.extend(page.blocks)
            inked.extend((number, b) for b in page.inked_empty)
            pages.append(number)
            budget.tick()
    return blocks, (page_meta(pages, inked) if pages else {})


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


def page_meta(pages: list[int], inked: list[tuple[int, tuple[float, ...]]]) -> dict[str, str]:
    """Document metadata naming the OCR'd pages and the cells with marks but no text
    (turned into findings by :mod:`gipextract.ocrcheck`)."""
    return {"ocr_pages": ", ".join(map(str, pages)),
            "ocr_marks": json.dumps([(p, [round(v) for v in b]) for p, b in inked])}
