"""Drawing for the PDFs of corpus/sparse/: merged-cell tables placed row by row over pages.

A table is a list of boxes over a grid of column widths and virtual rows (a row broken by a
page break is two virtual rows). Rows are first placed on pages (a forced break, a repeated
header, the footer's page number), then every box is drawn as one fragment per page it
covers: its rules in the document's style (every rule, horizontal rules only, none) and its
text in its first fragment. Text is laid out with ``make_layout_pdfs.Sheet``'s coordinates.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_layout_pdfs import MARGIN, PAGE_H, PAGE_W, Sheet, _wrap  # noqa: E402

LINE = 3.6  # mm between the baselines of a cell's lines (at 8 pt; scaled with the size)
FOOTERS = {"dash": "- {n} -", "page": "第 {n} 页", "bare": "{n}", None: ""}


@dataclass(frozen=True)
class PdfStyle:
    """How one PDF draws its tables and pages."""

    rules: str = "all"            # "all" (every cell ruled), "h" (horizontal rules only), "none"
    valign: str = "middle"        # values in their row: "top", "middle", "bottom"
    footer: str | None = "dash"   # the page number: "dash" - 3 -, "page" 第 3 页, "bare" 3, None
    repeat_header: bool = False   # table 三's header printed again on every new page
    size: float = 8.0             # font size of the tables (pt)
    widths: tuple[float, float, float] = (10.0, 18.0, 34.0)  # 三、本年度办理结果, group and row label (mm)
    break_before: str | None = None          # a row key of table 三 that starts a new page
    split: str | None = None      # a row key of table 三 broken across pages inside its label
    row_min: float = 7.0          # least row height (mm)
    paragraphs: int = 3           # prose paragraphs in part 一 (moves the page breaks)
    appeal_header: int = 0        # which header order of table 四


@dataclass
class Box:
    """One cell: columns ``c0..c1`` and virtual rows ``r0..r1`` (inclusive), its text lines."""

    c0: int
    c1: int
    r0: int
    r1: int
    text: str
    value: bool = False
    lines: list[str] = field(default_factory=list)


@dataclass
class Table:
    """Boxes of the header (drawn again where repeated) and of the body, over ``widths``."""

    widths: list[float]
    head: list[Box]
    body: list[Box]
    n_head: int
    n_body: int
    breaks: set[int] = field(default_factory=set)   # body rows that start a new page
    repeat: bool = False
    split_row: int | None = None   # a body row that may break across pages (its label shared out)
    split_k: int | None = None     # label lines printed before the break, once placed


@dataclass(frozen=True)
class Slot:
    """Where a header (``"h"``) or body (``"b"``) row, or part ``part`` of a broken row, stands."""

    kind: str
    row: int
    page: int
    y: float
    h: float
    part: int = 0


class Page(Sheet):
    """A ``Sheet`` whose footer follows the style and which remembers every character written."""

    def __init__(self, font: Path, style: PdfStyle) -> None:
        self.style = style
        self.measure = style.size
        self.chars: set[str] = set()
        super().__init__(font)

    def need(self, height: float) -> None:
        """A new page unless ``height`` mm still fit above the footer."""
        if self.y + height > self.bottom():
            self.new_page()

    def bottom(self) -> float:
        """The lowest y the body may reach."""
        return PAGE_H - MARGIN - 8

    def new_page(self) -> None:
        """Start a page and print its number in the style's footer."""
        self.pdf.add_page()
        self.page += 1
        text = FOOTERS[self.style.footer].format(n=self.page)
        if text:
            self.write((PAGE_W - self.width(text)) / 2, PAGE_H - 10, text, self.style.size)
        self.y = MARGIN

    def write(self, x: float, y: float, text: str, size: float | None = None) -> None:
        """Text at (x, y) mm, its characters kept for the font subset."""
        self.chars.update(text)
        self.pdf.set_font("cjk", size=size or self.style.size)
        self.pdf.text(x, y, text)

    def width(self, text: str, size: float | None = None) -> float:
        """Width of ``text`` in mm at ``size`` (the measuring size by default)."""
        self.pdf.set_font("cjk", size=size or self.measure)
        return self.pdf.get_string_width(text)

    def paragraph(self, text: str, size: float = 10.0, indent: bool = True) -> None:
        """Prose wrapped over the text width."""
        lead = "\u3000\u3000" if indent else ""
        self.measure = size
        lines = _wrap(lead + text, PAGE_W - 2 * MARGIN, self)
        self.measure = self.style.size
        for line in lines:
            self.need(6)
            self.write(MARGIN, self.y + 4.5, line, size)
            self.y += 6

    def centred(self, text: str, size: float) -> None:
        """A centred line (the title)."""
        self.need(10)
        self.write((PAGE_W - self.width(text, size)) / 2, self.y + 7, text, size)
        self.y += 12

    def hline(self, x0: float, x1: float, y: float) -> None:
        """A horizontal rule."""
        self.pdf.set_line_width(0.2)
        self.pdf.line(x0, y, x1, y)


def _lh(style: PdfStyle) -> float:
    return LINE * style.size / 8.0


def wrap_boxes(sheet: Page, table: Table) -> None:
    """Each box's text broken into lines that fit its columns (values are never broken)."""
    sheet.pdf.set_font("cjk", size=sheet.style.size)
    for box in table.head + table.body:
        if box.lines:
            continue
        w = sum(table.widths[box.c0:box.c1 + 1])
        box.lines = [box.text] if box.value or not box.text else _wrap(box.text, w, sheet)


def heights(boxes: list[Box], n: int, style: PdfStyle, least: float) -> list[float]:
    """Row heights: each row as tall as its one-row boxes need, spanning boxes made to fit."""
    lh = _lh(style)
    h = [least] * n
    for b in boxes:
        if b.r0 == b.r1:
            h[b.r0] = max(h[b.r0], len(b.lines) * lh + 1.6)
    for b in boxes:
        need = len(b.lines) * lh + 1.6
        have = sum(h[b.r0:b.r1 + 1])
        if b.r1 > b.r0 and have < need:
            h[b.r1] += need - have
    return h


def place(sheet: Page, table: Table, hh: list[float], bh: list[float]) -> list[Slot]:
    """Slots of every header and body row on the pages from the current one (offset 0);
    the row ``table.split_row`` is broken where the page ends if part of its label fits."""
    slots: list[Slot] = []
    page, y = 0, sheet.y
    if y + sum(hh) + (bh[0] if bh else 0) > sheet.bottom():
        page, y = 1, MARGIN

    def header() -> None:
        nonlocal y
        for j, h in enumerate(hh):
            slots.append(Slot("h", j, page, y, h))
            y += h

    header()
    lh = _lh(sheet.style)
    for i, h in enumerate(bh):
        if i in table.breaks:
            page, y = page + 1, MARGIN
            if table.repeat:
                header()
        elif y + h > sheet.bottom():
            fit = int((sheet.bottom() - y - 1.6) // lh)
            lines = max((len(b.lines) for b in table.body if b.r0 == b.r1 == i), default=1)
            if i == table.split_row and 1 <= fit < lines:
                table.split_k = fit
                slots.append(Slot("b", i, page, y, fit * lh + 1.6, 0))
                page, y = page + 1, MARGIN
                if table.repeat:
                    header()
                rest = max(sheet.style.row_min, (lines - fit) * lh + 1.6)
                slots.append(Slot("b", i, page, y, rest, 1))
                y += rest
                continue
            page, y = page + 1, MARGIN
            if table.repeat:
                header()
        slots.append(Slot("b", i, page, y, h))
        y += h
    return slots


def _fragments(box: Box, slots: list[Slot]) -> list[tuple[int, float, float, int]]:
    """(page, top, bottom, part) of each part of ``box`` on one page."""
    parts: dict[int, list[float]] = {}
    for s in slots:
        if box.r0 <= s.row <= box.r1:
            span = parts.setdefault(s.page, [s.y, s.y + s.h, s.part])
            span[0], span[1] = min(span[0], s.y), max(span[1], s.y + s.h)
    return [(p, a, b, int(k)) for p, (a, b, k) in sorted(parts.items())]


def _text_of(box: Box, part: int, k: int | None, valign: str) -> list[str]:
    """The lines of ``box`` drawn in its fragment ``part`` (a split row shares them out)."""
    if k is None or box.r0 != box.r1:
        return box.lines if part == 0 else []
    if box.value:
        return box.lines if part == (1 if valign == "bottom" else 0) else []
    return box.lines[:k] if part == 0 else box.lines[k:]


def _draw_box(sheet: Page, table: Table, box: Box, top: float, bottom: float, lines: list[str], x: float) -> None:
    x0 = x + sum(table.widths[:box.c0])
    x1 = x0 + sum(table.widths[box.c0:box.c1 + 1])
    rules = sheet.style.rules
    if rules == "all":
        sheet.rule(x0, top, x1, bottom)
    elif rules == "h":
        sheet.hline(x0, x1, top)
        sheet.hline(x0, x1, bottom)
    if not lines or lines == [""]:
        return
    lh = _lh(sheet.style)
    block = len(lines) * lh
    where = sheet.style.valign if box.value else "middle"
    y = {"top": top + 0.8, "middle": (top + bottom - block) / 2, "bottom": bottom - block - 0.8}[where]
    for k, line in enumerate(lines):
        w = sheet.width(line)
        left = x0 + 0.6 if (len(box.lines) > 1 and not box.value) else (x0 + x1 - w) / 2
        sheet.write(left, y + lh * (k + 0.78), line)


def draw(sheet: Page, table: Table, least: float | None = None) -> None:
    """Place ``table`` from the sheet's current y, then draw it page by page."""
    wrap_boxes(sheet, table)
    least = sheet.style.row_min if least is None else least
    hh = heights(table.head, table.n_head, sheet.style, least)
    bh = heights(table.body, table.n_body, sheet.style, least)
    slots = place(sheet, table, hh, bh)
    x = MARGIN + (PAGE_W - 2 * MARGIN - sum(table.widths)) / 2
    items: list[tuple[int, float, float, Box, list[str]]] = []
    body = [s for s in slots if s.kind == "b"]
    k = table.split_k
    for box in table.body:
        for p, a, b, part in _fragments(box, body):
            items.append((p, a, b, box, _text_of(box, part, k if box.r0 == table.split_row else None,
                                                  sheet.style.valign)))
    for p in sorted({s.page for s in slots if s.kind == "h"}):
        rows = [s for s in slots if s.kind == "h" and s.page == p]
        for box in table.head:
            for _, a, b, _ in _fragments(box, rows):
                items.append((p, a, b, box, box.lines))
    last = max(s.page for s in slots)
    for page in range(last + 1):
        if page:
            sheet.new_page()
        for p, a, b, box, lines in items:
            if p == page:
                _draw_box(sheet, table, box, a, b, lines, x)
    sheet.y = max(s.y + s.h for s in slots if s.page == last) + 2
