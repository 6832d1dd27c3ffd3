"""PDF reports with a text layer, read through pypdfium2 (fast: no pdfminer parsing).

Text comes in the content stream's order, which for WPS/Word exports keeps a table
row's label before its values even when the label wraps. Lines holding digits are split
into words from the character boxes (so that numbers of neighbouring cells never fuse),
and fake-bold text (each glyph drawn twice) is de-duplicated where it happens.
Garbled text layers and image-only pages are reported, never read as empty tables.
"""
from __future__ import annotations

import re
from typing import Callable

from ..errors import UnreadableInputError
from ..limits import Budget, checkpoint, limit_glyphs
from .document import Block, Document, Fragment, Notice, OcrFacts, PageFacts, Provenance
from .grid import grids
from .options import DEFAULT_OPTIONS, ReadOptions
from .pdf_glyphs import Boxes
from .pdf_rules import segments
from .pdf_tables import assign, cell_text, table_block, usable

_PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页(?:\s*[,/，]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")
_DIGIT_RE = re.compile(r"\d")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
_ODD_RE = re.compile("[\u0080-\u0084\u0086-\u009f\u00a1-\u024f\ue000-\uf8ff\ufffd]")  # no whitespace (NEL, NBSP)


def _garbled(text: str) -> bool:
    """Mojibake or undecodable glyphs: little CJK, much Latin-1/private-use/replacement."""
    # Counted by str.split (splits at str.isspace) and regular expressions, not glyph by glyph
    # in Python: 0.26 -> 0.14 ms a document over bench/bench_floor.py's PDFs, best of 7.
    chars = sum(map(len, text.split()))
    if chars < 20:
        return False
    cjk = len(_CJK_RE.findall(text))
    odd = len(_ODD_RE.findall(text))
    return odd > 0.2 * chars and cjk < 0.2 * chars


# Producers that reflow a page as they print it (a row that lost a cell is drawn left-packed).
_BROWSER_RE = re.compile(r"Skia/PDF|HeadlessChrome|Chrome/|Chromium|Firefox|Safari|wkhtmltopdf|WebKit|Prince", re.I)


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn a PDF into the shared document model (page and bbox provenance)."""
    import pypdfium2 as pdfium

    budget = budget or Budget(name)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            try:
                pdf = pdfium.PdfDocument(data, password="")
            except pdfium.PdfiumError:
                raise UnreadableInputError(name, "pdf_encrypted") from None
        else:
            raise UnreadableInputError(name, "pdf_unreadable", detail=msg) from None
    try:
        n = len(pdf)
        budget.check("pages", n, budget.limits.max_pages, "max_pages")
        producer = _producer(pdf)
        reflowed = bool(producer and _BROWSER_RE.search(producer))
        tables = 0  # ruled tables read so far: each table block is numbered in the document
        blocks: list[Block] = []
        garbled, imageonly = [], []
        ocred: list[int] = []
        inked: list = []
        for index in range(n):
            budget.tick()
            page = pdf[index]
            try:
                page_blocks, state = _read_page(page, index + 1, tables, reflowed)
                tables += sum(1 for b in page_blocks if b.kind == "table")
                if options.ocr and state != "text":  # no usable text layer: read the page image
                    page_blocks, marks = _ocr_page(page, index + 1, budget, len(ocred))
                    state = "ocr"
                    ocred.append(index + 1)
                    inked.extend(marks)
            finally:
                page.close()
            if state == "garbled":
                garbled.append(index + 1)
            elif state == "image":
                imageonly.append(index + 1)
            blocks.extend(page_blocks)
    finally:
        pdf.close()
    notices = []
    if garbled:
        notices.append(Notice("garbled_pages", {"pages": garbled[:20]}))
    if imageonly:
        notices.append(Notice("image_pages", {"pages": imageonly[:20]}))
    if n and len(garbled) + len(imageonly) == n:
        raise UnreadableInputError(name, "pdf_no_text", notices=[{"notice": x.code, **x.args} for x in notices])
    ocr: OcrFacts | None = None
    if ocred:
        from .ocr import ocr_facts

        ocr = ocr_facts(ocred, inked)
    layout = "reflowed" if reflowed else "flow"
    return Document(format="pdf", blocks=tuple(blocks), page=PageFacts(producer=producer), layout=layout, ocr=ocr,
                    notices=tuple(notices))


def _producer(pdf) -> str | None:
    """The program that wrote the PDF (a browser's print lays tables out differently)."""
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # noqa: BLE001 - metadata is optional; a broken info dictionary is ignored
        return None
    found = " ".join(str(info.get(k) or "") for k in ("Producer", "Creator")).strip()
    return found[:200] or None


def _ocr_page(page, number: int, budget: Budget, done: int) -> tuple[list[Block], list]:
    from .ocr import read_pdf_page, require

    require(budget.name)
    budget.check("ocr_pages", done + 1, budget.limits.max_ocr_pages, "max_ocr_pages")
    return read_pdf_page(page, number, budget)


def _read_page(page, number: int, tables: int = 0, reflowed: bool = False) -> tuple[list[Block], str]:
    """The page's blocks (its ruled tables as table blocks numbered from ``tables``) and what
    its text layer is: ``text``, ``garbled``, ``image`` (no text, a picture) or ``empty``."""
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        count = tp.count_chars()
        limit_glyphs(count, number)  # counted before any box is fetched
        text = tp.get_text_range(0, count) if count > 0 else ""
        if not text.strip():
            images = sum(1 for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            return [], "image" if images else "empty"
        if _garbled(text):
            return [], "garbled"
        height = page.get_height()
        boxes_ok = len(text) == count  # char index ↔ string index (no surrogate pairs)
        fetch = Boxes(tp, text, height)
        lines = re.split(r"\r\n|\n|\r", text)
        filled = [ln for ln in lines if ln.strip()]
        ruled = _ruled(page, text, fetch, height, number, tables, reflowed) if boxes_ok else None
        pending: list[tuple[int, float, Block]] = []
        if ruled is not None:
            text, pending = ruled  # the tables' glyphs blanked out of the text; each table placed below
        if boxes_ok and len(filled) >= 20 and sum(1 for ln in filled if len(ln.strip()) == 1) > len(filled) / 2:
            # Lines rebuilt top to bottom: each table goes below the lines above it.
            rebuilt = list(enumerate(_glyph_lines(text, fetch, number)))
            return _with_tables(rebuilt, [(-1, t, b) for _, t, b in pending]), "text"
        lines: list[tuple[int, Block]] = []
        pos = 0
        for line in re.split(r"\r\n|\n|\r", text):
            start, pos = pos, pos + len(line) + (2 if text.startswith("\r\n", pos + len(line)) else 1)
            if not line.strip():
                continue
            frags = _line_fragments(tp, line, start, number, height, boxes_ok, fetch)
            if frags:
                lines.append((start, Block("paragraph", tuple(frags))))
        return _with_tables(lines, pending), "text"
    finally:
        tp.close()


def _ruled(page, text: str, fetch: "Boxes", height: float, number: int, tables: int, reflowed: bool
           ) -> tuple[str, list[tuple[int, float, Block]]] | None:
    """The page's ruled tables: the text with their glyphs blanked, and each table's block
    with where its text starts in the text layer and the top of its frame; None without any."""
    found = grids(segments(page, height))
    if not found:
        return None
    boxes = fetch.every()
    box = boxes.__getitem__
    placed, torn = assign(text, box, found)
    chars = list(text)
    table_at: list[tuple[int, float, Block]] = []
    for k, grid in enumerate(found):
        if k in torn:
            continue
        cells = placed.get(k, {})
        texts = {cell: cell_text(text, glyphs, box) for cell, glyphs in cells.items()}
        if not usable(texts):
            continue
        where = {cell: _extent([boxes[i] for i in g]) for cell, g in cells.items()}
        first = min(i for g in cells.values() for i in g)
        table_at.append((first, grid.box[1], table_block(grid, texts, where, number, tables + len(table_at), reflowed)))
        for g in cells.values():
            for i in g:
                chars[i] = " "
    return ("".join(chars), table_at) if table_at else None


def _extent(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The rectangle around glyph boxes."""
    x0, y0, x1, y1 = zip(*boxes)
    return min(x0), min(y0), max(x1), max(y1)


def _with_tables(lines: list[tuple[int, Block]], tables: list[tuple[int, float, Block]]) -> list[Block]:
    """The page's lines (each with where it starts in the text layer) with its tables put in
    reading order: where the table's text starts in the layer, past any line printed above the
    table (a browser's print puts a table's text before the lines above it)."""
    out = [b for _, b in lines]
    starts = [s for s, _ in lines]
    for first, top, table in sorted(tables, key=lambda t: (t[0], t[1]), reverse=True):
        at = next((k for k, s in enumerate(starts) if s > first), len(out))
        while at < len(out) and out[at].kind == "paragraph" and _bottom(out[at]) <= top + 1:
            at += 1
        out.insert(at, table)
        starts.insert(at, first)
    return out


def _bottom(block: Block) -> float:
    boxes = [f.prov.bbox for f in block.fragments]
    return max(b[3] for b in boxes) if all(boxes) else float("inf")  # type: ignore[index]


def _glyph_lines(text: str, fetch: "Boxes", page: int) -> list[Block]:
    """Lines rebuilt from the glyphs' boxes, for a page whose text layer breaks after nearly
    every glyph (a browser's print of a page with spaced-out letters): glyphs whose vertical
    middles fall in one line's band form that line, left to right, with a space where the
    gap is wider than half a glyph."""
    glyphs = [(fetch.line(i, 1)[0], ch) for i, ch in enumerate(text) if not ch.isspace()]
    glyphs.sort(key=lambda g: (g[0][1] + g[0][3]) / 2)
    bands: list[list[tuple[tuple[float, float, float, float], str]]] = []
    top = bottom = 0.0
    for g in glyphs:
        middle = (g[0][1] + g[0][3]) / 2
        if bands and top <= middle <= bottom:
            bands[-1].append(g)
            top, bottom = min(top, g[0][1]), max(bottom, g[0][3])
        else:
            bands.append([g])
            top, bottom = g[0][1], g[0][3]
    blocks = []
    for band in bands:
        checkpoint()
        band.sort(key=lambda g: g[0][0])
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []
        for b, ch in band:
            if boxes and b[0] - boxes[-1][2] > 0.5 * max(b[3] - b[1], boxes[-1][3] - boxes[-1][1]):
                chars.append(" ")
                boxes.append(b)
            chars.append(ch)
            boxes.append(b)
        frags = _fragments(chars, boxes.__getitem__, page)
        if frags:
            blocks.append(Block("paragraph", tuple(frags)))
    return blocks


def _line_fragments(tp, line: str, start: int, page: int, height: float, boxes_ok: bool,
                    fetch: Boxes | None = None) -> list[Fragment]:
    checkpoint()  # a page can hold 200,000 lines: the time limit is checked per line
    chars = list(line)
    boxes = fetch or Boxes(tp, tp.get_text_range(), height)

    def box(k: int) -> tuple[float, float, float, float]:
        return boxes.at(start + k)

    if not boxes_ok:
        return [Fragment(line.strip(), Provenance(page=page))] if line.strip() else []
    return _fragments(chars, box, page)


def _fragments(chars: list[str], box: Callable[[int], tuple[float, float, float, float]], page: int) -> list[Fragment]:
    """The fragments of one line of glyphs ``chars``, whose boxes ``box(k)`` gives (spaces need none)."""
    keep = [True] * len(chars)
    # Fake bold: the same glyph drawn twice at (almost) the same place.
    for k in range(len(chars) - 1):
        if chars[k] == chars[k + 1] and not chars[k].isspace() and _overlap(box(k), box(k + 1)) > 0.5:
            keep[k + 1] = False
    text = "".join(ch for ch, ok in zip(chars, keep) if ok)
    idx = [k for k, ok in enumerate(keep) if ok]
    if _PAGE_NUMBER_RE.match(text):
        s = next(k for k, ch in zip(idx, text) if not ch.isspace())
        e = next(k for k, ch in zip(reversed(idx), reversed(text)) if not ch.isspace())
        return [Fragment(text.strip(), Provenance(page=page, bbox=_union(box(s), box(e))))]
    if not _DIGIT_RE.search(text):
        # Words of label lines: the text layer joins neighbouring cells into one line.
        out, word = [], []
        for k in idx + [None]:  # type: ignore[list-item]
            if k is None or chars[k].isspace():
                if word:
                    out.append(Fragment("".join(chars[j] for j in word),
                                        Provenance(page=page, bbox=_union(box(word[0]), box(word[-1])))))
                    word = []
            else:
                word.append(k)
        return out
    # Words: split at spaces, and between digits whose glyphs stand apart (narrow cells
    # sometimes get no space from the text layer).
    words: list[list[int]] = []
    current: list[int] = []
    glyph = 0.0  # tallest digit seen in the word: the dot or comma of a number is no yardstick
    for k in idx:
        ch = chars[k]
        if ch.isspace():
            if current:
                words.append(current)
                current, glyph = [], 0.0
            continue
        if current and (ch.isdigit() or chars[current[-1]].isdigit()):
            prev = box(current[-1])
            here = box(k)
            if ch.isdigit():
                glyph = max(glyph, here[3] - here[1])
            # Digits of one number sit a fraction of a glyph apart; neighbouring cells much further.
            if here[0] - prev[2] > max(glyph, here[3] - here[1], prev[3] - prev[1], 4.0):
                words.append(current)
                current, glyph = [], 0.0
        elif ch.isdigit():
            glyph = max(glyph, box(k)[3] - box(k)[1])
        current.append(k)
    if current:
        words.append(current)
    return [Fragment("".join(chars[k] for k in w), Provenance(page=page, bbox=_union(box(w[0]), box(w[-1]))))
            for w in words]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    area = max(1e-6, min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])))
    return (w * h) / area


def _union(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
