"""corpus/sparse/ (#24): small units' reports whose tables 三 and 四 are blank or nearly so,
as generated PDFs (ruled, borderless, horizontal rules only, split across pages), portal pages
with narrow label columns, the pages printed by Chromium and LibreOffice, and what text tools
made of every PDF. Expected JSON comes from the generator's grids (corpus/tools/sparse_grids.py).

A cell is *right* when its status is ok/empty/inferred and its value is the truth, *flagged*
when ambiguous/missing (or no report was read), *silently wrong* when it claims a wrong value.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gipextract import parse
from gipextract.errors import GipExtractError
from conftest import CORPUS, flat_cells, parsed, same_value

SPARSE = CORPUS / "sparse"
_FINE = ("ok", "empty", "inferred")
PDFS = sorted((SPARSE / "pdf").glob("*.pdf"))
PAGES = sorted((SPARSE / "pages").glob("*.html"))
MANIFEST = json.loads((SPARSE / "toolout" / "manifest.json").read_text(encoding="utf-8"))

# tool -> (outputs, cells right at least, silently wrong at most), from bench/sparse.py. No
# tool may claim a wrong cell: where a flattening moved values between rows while every
# identity still holds, the rows are left open (place/cell_by_cell.py).
FLOOR = {
    "chromium-pdf": (8, 1596, 0),
    "libreoffice-pdf": (8, 1596, 0),
    # Page numbers `- 2 -` are no list items; a short row's empty cells may be the converter's;
    # rows split over two pipe rows, or printed on a pipe row apart from their label, are open.
    "markitdown": (34, 5448, 0),
    # A 总计 column printed blank is read so (readings_step): its last silent cell is gone.
    "pdftotext-layout": (34, 5759, 0),
    # A table written cell by cell is left open (table_order_lost, values_after_wording), and
    # in such a document the other tables' short rows with the rows after them: 98 silent
    # cells became 0, at the price of 2,293 cells right (4440 → 2147) that order had happened
    # to place well.
    "pdftotext-plain": (34, 2147, 0),
    # 6116 → 5907 right, 14 → 0 silent: a pipe table after a block of loose labels; a blank 总计
    # column; two lines of values under a wrapped label beside a bare one; labels printed again
    # with values past the next part's heading; a bare total over open rows.
    "pymupdf4llm": (34, 5907, 0),
}


def score(path: Path, expected: dict[str, Any]) -> tuple[int, list[str], list[str]]:
    """(cells right, refs flagged, refs silently wrong) of one document, and nothing read = all flagged."""
    truth = flat_cells(expected["tables"])
    try:
        report = parsed(path)  # read once a session (conftest), with this limit
    except GipExtractError:
        return 0, list(truth), []
    got = {f"{c.table}.{c.row}.{c.column}": c for c in report.cells}
    right, flagged, silent = 0, [], []
    for ref, want in truth.items():
        cell = got.get(ref)
        if cell is None or cell.status not in _FINE:
            flagged.append(ref)
        elif same_value(want, cell.value):
            right += 1
        else:
            silent.append(f"{ref}: want {want}, got {cell.value} ({cell.status})")
    return right, flagged, silent


def _expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PDFS + PAGES, ids=lambda p: p.name)
def test_generated_pdfs_and_pages_right_or_flagged(path: Path) -> None:
    """No silently wrong cell and no scrambled table on a ruled or borderless blank-heavy PDF or page."""
    expected = _expected(path)
    right, flagged, silent = score(path, expected)
    assert silent == []
    report = parsed(path)
    assert not [f for f in report.findings if f.code == "table_scrambled"]
    assert report.info.year == expected["report"]["year"] and report.info.unit == expected["report"]["unit"]
    # What a blank table prints is read as blank, with its position: nothing is left open.
    assert flagged == []


def test_a_fully_blank_ruled_table_is_blank_cells_with_their_rectangles() -> None:
    report = parse(SPARSE / "pdf" / "01-blank-ruled.pdf")
    requests = [c for c in report.cells if c.table == "requests"]
    assert requests and all(c.status == "empty" and c.value == 0 for c in requests)
    assert all(c.source is not None and c.source.page is not None and c.source.bbox is not None for c in requests)
    boxes = {c.source.bbox for c in requests}
    assert len(boxes) == len(requests)  # each blank cell has a rectangle of its own


@pytest.mark.parametrize("tool", sorted(FLOOR))
def test_tool_outputs_of_sparse_pdfs(tool: str) -> None:
    outputs, min_right, max_silent = FLOOR[tool]
    entries = [(n, e) for n, e in MANIFEST.items() if e["tool"] == tool]
    assert len(entries) == outputs
    right, silent = 0, []
    for name, entry in entries:
        r, _, s = score(SPARSE / "toolout" / name, json.loads((CORPUS / entry["expected"]).read_text(encoding="utf-8")))
        right += r
        silent += [f"{name}: {x}" for x in s]
    assert len(silent) <= max_silent, silent
    assert right >= min_right
