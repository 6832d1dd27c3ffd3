"""Which documents corpus/sparse/ holds: a grid recipe, a way of printing it, a style, a note.

``pdf_documents()`` lists the generated PDFs (drawn by :mod:`sparse_pdfs`), ``page_documents()``
the portal pages (written by :mod:`sparse_pages`, then printed by Chromium and LibreOffice).
Every recipe is seeded, so the same grid and the same printed texts come back on every run.
"""
from __future__ import annotations

from dataclasses import dataclass

from sparse_draw import PdfStyle
from sparse_grids import ALL_BLANK, MIXED, MIXED_DASH, TWO_PRINTED, UNITS, Grid, Ref, Sparse, build_grid, print_cells
from sparse_pages import PageStyle


@dataclass(frozen=True)
class Recipe:
    """A grid and how its cells are printed."""

    form: str = "2021"
    seed: int = 1
    requests: str = "none"            # "none" (table 三 all zero), "few", "other" (values in the （六） rows)
    appeals: bool = False
    zeros: tuple = ()                 # a zero-style dict of sparse_grids, as items
    signed: str = "plus"
    changes: tuple[int, ...] = (-13, 5)
    blank: str = ""                   # "total-column" / "total-row": non-zero totals of table 三 left blank
    year: int = 2022
    published: str | None = None


def make(name: str, r: Recipe, what: str) -> Sparse:
    """The document's truth from its recipe; ``what`` becomes its notes."""
    g = build_grid(r.form, r.seed, r.requests, r.appeals, r.changes)
    shown = print_cells(g, r.seed, dict(r.zeros), r.signed, blank_totals=_blank_totals(g, r.blank))
    unit = UNITS[r.seed % len(UNITS)]
    return Sparse(r.form, g, shown, unit, r.year, r.published, notes=what, extra={"name": name})


def _blank_totals(g: Grid, how: str) -> tuple[Ref, ...]:
    if how == "total-column":
        return tuple(k for k, v in g.items() if k[0] == "requests" and k[2] == "total" and v != 0)
    if how == "total-row":
        return tuple(k for k, v in g.items() if k[:2] == ("requests", "total") and v != 0)
    return ()


BLANK = tuple(ALL_BLANK.items())
TWO = tuple(TWO_PRINTED.items())
MIX = tuple(MIXED.items())
DASH = tuple(MIXED_DASH.items())
NARROW = (8.0, 14.0, 30.0)      # （六）1 and 2 over four lines at 8 pt
MEDIUM = (10.0, 18.0, 40.0)     # over three lines
WIDE = (10.0, 16.0, 58.0)       # over two lines

_PDFS: list[tuple[str, Recipe, PdfStyle, str]] = [
    ("01-blank-ruled", Recipe(seed=1, zeros=BLANK), PdfStyle(widths=MEDIUM),
     "Tables 三 and 四 print nothing at all: every cell ruled and empty; table 二 a few values, its zeros empty."),
    ("02-blank-borderless", Recipe(seed=2, zeros=BLANK, year=2023), PdfStyle(rules="none", valign="top", footer="page"),
     "As 01 with no rules at all, values at the top of their rows, footer 第 n 页."),
    ("03-blank-hrules", Recipe(seed=3, zeros=TWO, year=2021, published="2022-01-25"),
     PdfStyle(rules="h", valign="bottom", footer="bare", widths=WIDE),
     "Horizontal rules only; table 二's zeros printed 0, tables 三 and 四 empty; bare page numbers; signed and dated."),
    ("04-blank-split-six", Recipe(seed=4, zeros=BLANK), PdfStyle(widths=NARROW, split="other.no_correction"),
     "Everything in 三 and 四 empty; the page ends inside the four-line label （六）1.申请人无正当理由…, "
     "its rest on the next page after the footer - n -, the header not repeated."),
    ("05-few-blank-repeat", Recipe(seed=5, requests="few", zeros=BLANK, year=2023),
     PdfStyle(repeat_header=True, break_before="unavailable.not_held", widths=MEDIUM),
     "A few applications; every zero empty; a page break before （四）1 with table 三's header repeated."),
    ("06-few-mixed-ruled", Recipe(seed=6, requests="few", appeals=True, zeros=MIX, published="2023-01-18"),
     PdfStyle(footer="page"),
     "Zeros printed blank, 0, -, —, 无 or / at random; one or two appeals in table 四."),
    ("07-few-mixed-borderless", Recipe(seed=7, requests="few", appeals=True, zeros=MIX, year=2024),
     PdfStyle(rules="none", widths=NARROW, row_min=5.0),
     "As 06 with no rules, tight rows and narrow label columns (the （六） labels over four lines)."),
    ("08-few-dashes-hrules-repeat", Recipe(seed=8, requests="few", zeros=DASH),
     PdfStyle(rules="h", repeat_header=True, footer="page", break_before="other.no_correction", widths=MEDIUM),
     "Horizontal rules; zeros blank, — or -; a page break before the （六） rows, header repeated."),
    ("09-six-values-narrow", Recipe(seed=9, requests="other", zeros=BLANK), PdfStyle(widths=NARROW),
     "Values in the （六） rows, whose labels wrap over four lines in a narrow column; every zero empty."),
    ("10-six-values-borderless-split", Recipe(seed=10, requests="other", zeros=BLANK, year=2023),
     PdfStyle(rules="none", footer="page", widths=NARROW, split="other.unpaid_fee"),
     "As 09 without rules; the page ends inside the label （六）2.申请人逾期未按收费通知…, footer 第 n 页 between its halves."),
    ("11-six-values-hrules-bottom", Recipe(seed=11, requests="other", zeros=MIX), PdfStyle(rules="h", valign="bottom",
                                                                                          widths=MEDIUM),
     "Values in the （六） rows printed on the last line of their three-line labels; zeros mixed."),
    ("12-blank-total-column", Recipe(seed=12, requests="few", appeals=True, zeros=BLANK, blank="total-column"),
     PdfStyle(widths=MEDIUM),
     "Every zero empty and table 三's 总计 column left blank too, although some of its cells are not 0 (inferred)."),
    ("13-2019-blank-signed", Recipe(form="2019", seed=13, zeros=BLANK, year=2020, changes=(-13, 5)),
     PdfStyle(widths=MEDIUM),
     "The 2019 form: 本年增/减 printed -13 and +5, every zero empty, tables 三 and 四 empty."),
    ("14-2019-fullwidth-borderless", Recipe(form="2019", seed=14, requests="few", zeros=MIX, signed="wide", year=2020,
                                            changes=(5, -13, -2)),
     PdfStyle(rules="none", footer="page", valign="top"),
     "The 2019 form without rules: 本年增/减 printed +5, －13 (full-width minus) and －2; zeros mixed."),
    ("15-2019-hrules-repeat", Recipe(form="2019", seed=15, requests="few", appeals=True, zeros=DASH, signed="plain",
                                     year=2019, changes=(-4, 13, 0, -1), published="2020-01-21"),
     PdfStyle(rules="h", repeat_header=True, break_before="not_processed.complaint", widths=WIDE),
     "The 2019 form, horizontal rules, a page break before （五）1 with the header repeated; 本年增/减 -4, 13 (no plus sign) and -1."),
    ("16-2019-split-partial", Recipe(form="2019", seed=16, requests="other", zeros=BLANK, year=2020),
     PdfStyle(widths=(8.0, 12.0, 24.0), split="partially_granted", footer="dash"),
     "The 2019 form; the page ends inside （二）部分公开（区分处理的…）; the （六）其他处理 row holds values."),
    ("17-small-font-narrow", Recipe(seed=17, requests="few", zeros=TWO),
     PdfStyle(size=7.0, widths=(7.0, 12.0, 26.0), footer="bare", appeal_header=1),
     "7 pt text, narrow label columns; table 二's zeros printed 0; table 四's header in its second order."),
    ("18-blank-borderless-repeat", Recipe(seed=18, zeros=BLANK, year=2024),
     PdfStyle(rules="none", valign="top", footer=None, repeat_header=True, appeal_header=1, widths=NARROW),
     "No rules, no page numbers, table 三's header repeated on its second page; 三 and 四 all empty."),
]

_PAGES: list[tuple[str, Recipe, PageStyle, str]] = [
    ("p01-blank-portal", Recipe(seed=21, zeros=BLANK, published="2023-01-16"),
     PageStyle(label_px=(28, 60, 150), chrome=True),
     "Portal page: tables 三 and 四 all &nbsp;, label column 150 px (（六） labels over four lines)."),
    ("p02-few-blank", Recipe(seed=22, requests="few", zeros=BLANK, year=2023), PageStyle(label_px=(28, 64, 180)),
     "A few applications, every zero &nbsp;, label column 180 px."),
    ("p03-few-mixed-layout", Recipe(seed=23, requests="few", appeals=True, zeros=MIX, published="2023-01-30"),
     PageStyle(label_px=(26, 56, 140), chrome=True, layout_table=True),
     "Zeros printed blank, 0, -, —, 无 or / at random, inside the portal's layout tables."),
    ("p04-2019-signed", Recipe(form="2019", seed=24, zeros=BLANK, year=2020, changes=(-13, 5)),
     PageStyle(label_px=(28, 64, 160)),
     "The 2019 form: 本年增/减 -13 and +5; every zero &nbsp;."),
    ("p05-2019-fullwidth", Recipe(form="2019", seed=25, requests="few", zeros=DASH, signed="wide", year=2020,
                                  changes=(-13, 5, -2), published="2021-01-28"),
     PageStyle(label_px=(28, 60, 150), chrome=True),
     "The 2019 form: 本年增/减 －13 (full-width minus), +5, －2; zeros blank, — or -."),
    ("p06-six-values", Recipe(seed=26, requests="other", zeros=BLANK, year=2024), PageStyle(label_px=(24, 52, 130)),
     "Values in the （六） rows, whose labels wrap in a 130 px column; every zero &nbsp;."),
    ("p07-blank-total-row", Recipe(seed=27, requests="few", zeros=BLANK, blank="total-row"),
     PageStyle(label_px=(28, 60, 170)),
     "Every zero &nbsp; and the （七）总计 row left blank although not 0 (inferred)."),
    ("p08-zeros-printed-two", Recipe(seed=28, zeros=TWO, year=2021, published="2022-01-20"),
     PageStyle(label_px=(30, 64, 220), chrome=True, meta_table=True, appeal_header=1),
     "Table 二's zeros printed 0, tables 三 and 四 empty; a metadata table first; 四's header in its second order."),
]


def pdf_documents() -> list[tuple[str, Sparse, PdfStyle]]:
    """(name, truth, style) of every generated PDF."""
    return [(name, make(name, r, what), style) for name, r, style, what in _PDFS]


def page_documents() -> list[tuple[str, Sparse, PageStyle]]:
    """(name, truth, style) of every portal page."""
    return [(name, make(name, r, what), style) for name, r, style, what in _PAGES]

