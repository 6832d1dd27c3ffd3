"""OCR'd characters to rows of fragments: cells, reading order, numbers kept apart.

Every recognised character goes to the table cell under it; a table row's cells become
one row of fragments, left to right by where each is printed. Text outside tables is
grouped into lines by position. Inside a number, letters that look like digits become
digits, and the value's confidence is lowered so that it is flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import Fragment, Provenance
from ..normalize import HAN
from .image import CellBox, TableGrid

LOW_CONFIDENCE = 0.9  # below this an OCR'd value is flagged (ocr_low_confidence)
_NUMBERISH = re.compile(r"[\dOoDlI|,.，]+")
_HAN_RE = re.compile(f"[{HAN}]")
_LABEL_BEFORE_SPECK = re.compile(f"[{HAN})）]")
_ORDINAL_MISREAD = re.compile(f"(\\d{{1,2}})[:：;；,，](?=[{HAN}])")
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "，": ","})


@dataclass(frozen=True)
class Glyph:
    """One recognised character (or a run of Latin/digits the recogniser boxed whole)."""

    text: str
    score: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in page pixels
    line: int  # index of the recognised text line it belongs to


def cell_at(grid: TableGrid, g: Glyph) -> int:
    """The cell label under a glyph's centre (or next to it: the centre may sit on a rule)."""
    x, y = int((g.box[0] + g.box[2]) / 2), int((g.box[1] + g.box[3]) / 2)
    h, w = grid.labels.shape
    for dx, dy in ((0, 0), (-3, 0), (3, 0), (0, -3), (0, 3)):
        xx, yy = min(max(x + dx, 0), w - 1), min(max(y + dy, 0), h - 1)
        label = int(grid.labels[yy, xx])
        if label:
            return label
    return 0


def table_rows(grid: TableGrid, in_cell: dict[int, list[Glyph]], line_px: int, page: int, pt_per_px: float,
               inked_empty: list[tuple[float, float, float, float]]) -> list[tuple[float, list[Fragment]]]:
    """Fragments of each table row, left to right, the rows top to bottom.

    A cell belongs to the row of its top rule (a group label spanning rows comes before
    its first sub-row, as in a text layer), except a number inside a cell that spans
    rows: it goes to the row it is printed in, beside its own label. Every fragment names
    its table and row (as a PDF's ruled table does), and a ruled cell with no mark in it
    is an empty fragment at its place: a blank cell, where the page prints it. A cell with
    marks but no text read gives nothing (its value is not known, never 0) and is reported.
    """
    rows = grid_rows(grid, line_px)
    tops: dict[int, list[float]] = {}
    for top, cells in rows:
        tops.setdefault(cells[0].table, []).append(top)
    placed: dict[tuple[int, float], list[tuple[float, list[Fragment]]]] = {}
    for top, cells in rows:
        for cell in cells:
            table = page * 100 + cell.table  # unique in the document: pages never share a table
            content = in_cell.get(cell.label)
            if not content:
                if cell.ink:
                    inked_empty.append(to_pt(cell.box, pt_per_px))
                else:
                    prov = Provenance(page=page, bbox=to_pt(cell.box, pt_per_px), table=table,
                                      row=tops[cell.table].index(top))
                    placed.setdefault((cell.table, top), []).append((cell.box[0], [Fragment("", prov)]))
                continue
            by_row: dict[float, list[Glyph]] = {}
            for line in by_line(content):
                where = top
                if is_number(line):
                    mid = (min(g.box[1] for g in line) + max(g.box[3] for g in line)) / 2
                    where = max([t for t in tops[cell.table] if top <= t <= mid - line_px / 4] or [top])
                by_row.setdefault(where, []).extend(line)
            for where, glyphs in by_row.items():
                row = tops[cell.table].index(where)
                frags = [Fragment(f.text, replace(f.prov, table=table, row=row))
                         for f in cell_fragments(glyphs, page, pt_per_px, line_px)]
                placed.setdefault((cell.table, where), []).append((cell.box[0], frags))
    # Left to right by where each value is printed: cells merged by a missed rule (under a
    # seal, say) hold values of several columns.
    out = []
    for (_, where), entries in sorted(placed.items()):
        frags = sorted((f for _, fs in entries for f in fs), key=lambda f: f.prov.bbox[0])  # type: ignore[index]
        out.append((where, [replace(f, prov=replace(f.prov, col=k)) for k, f in enumerate(frags)]))
    return out


def by_line(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by recognised line, each left to right, the lines top to bottom."""
    by_line: dict[int, list[Glyph]] = {}
    for g in glyphs:
        by_line.setdefault(g.line, []).append(g)
    return sorted((sorted(v, key=lambda g: g.box[0]) for v in by_line.values()), key=lambda v: v[0].box[1])


def grid_rows(grid: TableGrid, line_px: int) -> list[tuple[float, list[CellBox]]]:
    """Cells grouped into rows, left to right; a tall cell goes with its top row.

    Neighbours whose tops meet are in one row, step by step along the row, so that a
    skew left after deskewing (a picture of two sheets, each turned its own way) does not
    cut a row in two.
    """
    cells = sorted(grid.cells.values(), key=lambda c: c.box[0])
    if cells and all(c.row is not None for c in cells):  # the cell-grid model numbered the rows
        by_row: dict[tuple[int, int], list[CellBox]] = {}
        for c in cells:
            by_row.setdefault((c.table, c.row), []).append(c)  # type: ignore[arg-type]
        return sorted(((sum(c.box[1] for c in g) / len(g), g) for g in by_row.values()),
                      key=lambda r: (r[1][0].table, r[0]))
    parent = {c.label: c.label for c in cells}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    gap = max(6, line_px // 3)
    for i, a in enumerate(cells):
        for b in cells[i + 1:]:
            if b.box[0] - a.box[2] > gap:
                break
            if b.table == a.table and b.box[0] - a.box[2] >= -gap and abs(b.box[1] - a.box[1]) <= line_px / 3:
                parent[root(b.label)] = root(a.label)
    groups: dict[int, list[CellBox]] = {}
    for c in cells:
        groups.setdefault(root(c.label), []).append(c)
    rows = [(sum(c.box[1] for c in g) / len(g), g) for g in groups.values()]
    rows.sort(key=lambda r: (r[1][0].table, r[0]))
    return rows


def text_rows(lines: list[list[Glyph]], line_px: int) -> list[list[Glyph]]:
    """Recognised lines outside tables merged into rows where they share a baseline."""
    lines = sorted((sorted(ln, key=lambda g: g.box[0]) for ln in lines if ln), key=lambda ln: ln[0].box[1])
    rows: list[list[Glyph]] = []
    for ln in lines:
        mid = (ln[0].box[1] + ln[0].box[3]) / 2
        if rows and abs(mid - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) <= line_px / 3:
            rows[-1] = sorted(rows[-1] + ln, key=lambda g: g.box[0])
        else:
            rows.append(ln)
    return rows


def split_words(glyphs: list[Glyph], line_px: int) -> list[list[Glyph]]:
    """Glyphs of one line split where digits meet across a gap (two cells' numbers never fuse)."""
    words: list[list[Glyph]] = []
    for g in glyphs:
        if words:
            prev = words[-1][-1]
            height = max(prev.box[3] - prev.box[1], g.box[3] - g.box[1], line_px / 2)
            gap = g.box[0] - prev.box[2]
            digit_edge = prev.text[-1].isdigit() or g.text[0].isdigit()
            if g.line == prev.line and gap <= (0.6 if digit_edge else 1.5) * height:
                words[-1].append(g)
                continue
        words.append([g])
    return words


def cell_fragments(glyphs: list[Glyph], page: int, pt_per_px: float, line_px: int) -> list[Fragment]:
    """The text of one cell: its lines top to bottom joined, numbers kept apart."""
    words = [w for ln in by_line(glyphs) for w in split_words(ln, line_px)]
    # Label text wrapped over lines is one label; numbers stay one fragment each.
    merged: list[list[Glyph]] = []
    for w in words:
        if merged and not is_number(merged[-1]) and not is_number(w):
            merged[-1] = merged[-1] + w
        else:
            merged.append(w)
    # A cell holding one number alone is a value cell: a dot or comma at its edge is a speck
    # (a value never starts or ends with one; an ordinal 1. stands beside its label's text).
    alone = len(merged) == 1 and is_number(merged[0])
    return [fragment(_despeck(w) if not is_number(w) else w, page, pt_per_px, numeric_only=False, trim=alone)
            for w in merged]


def _despeck(word: list[Glyph]) -> list[Glyph]:
    """A label's text without the specks read as ``.`` between a closing bracket or a Han
    character and a Han character (``(七).总计``): the form prints none there, and one keeps
    the label from being found; an ordinal's dot read as ``:`` or ``,`` is a dot."""
    out: list[Glyph] = []
    for k, g in enumerate(word):
        nxt = word[k + 1].text[:1] if k + 1 < len(word) else ""
        if g.text in (".", "·", "。") and out and _LABEL_BEFORE_SPECK.match(out[-1].text[-1:]) and _HAN_RE.match(nxt):
            continue
        out.append(g)
    # An ordinal's dot read as a colon or comma (8:属于…): the label would not be found and its
    # 8 would be read as a value. The form prints only 8. or 8、 there.
    m = _ORDINAL_MISREAD.match("".join(g.text for g in out))
    if m:
        at = m.end(1)
        for k, g in enumerate(out):
            if at < len(g.text):
                out[k] = Glyph(g.text[:at] + "." + g.text[at + 1:], g.score, g.box, g.line)
                break
            at -= len(g.text)
    return out


def is_number(word: list[Glyph]) -> bool:
    """Digits (or look-alike letters with a digit, or a lone O) and separators only."""
    text = "".join(g.text for g in word)
    return bool(_NUMBERISH.fullmatch(text)) and any(ch.isdigit() or ch in "Oo" for ch in text)


def fragment(word: list[Glyph], page: int, pt_per_px: float, numeric_only: bool, trim: bool = False) -> Fragment:
    """A fragment for ``word``; look-alike letters inside a number become digits; with
    ``trim`` (a value alone in its cell), separators at its edges are dropped as specks."""
    text = "".join(g.text for g in word)
    score = min(g.score for g in word)
    if trim and text.strip(".,，") != text and any(ch.isdigit() for ch in text.strip(".,，")):
        # A guess about what is printed: flagged like a look-alike.
        text, score = text.strip(".,，"), min(score, LOW_CONFIDENCE / 2)
    if _NUMBERISH.fullmatch(text) and (any(ch.isdigit() for ch in text) or not numeric_only):
        mapped = text.translate(_LOOKALIKE)
        if mapped != text:
            # A letter read where a digit stands is a guess: below the threshold, so flagged.
            score = min(score, LOW_CONFIDENCE / 2)
            text = mapped
    box = (min(g.box[0] for g in word), min(g.box[1] for g in word),
           max(g.box[2] for g in word), max(g.box[3] for g in word))
    return Fragment(text, Provenance(page=page, bbox=to_pt(box, pt_per_px), confidence=round(score, 3)))


def to_pt(box: tuple[float, ...], pt_per_px: float) -> tuple[float, float, float, float]:
    """A pixel box in PDF points."""
    return tuple(round(v * pt_per_px, 2) for v in box)  # type: ignore[return-value]
