"""Bare ``<td></td>`` that pandoc pads a short row with are not printed blanks
(corpus/toolout/pandoc-gfm/html-07, -11, -15 hold such rows)."""
from __future__ import annotations

from gipextract.read import html

_STYLED = '<td width="62" style="border:solid 1pt">{}</td>'


def _cells(rows: list[str]) -> list[tuple[int | None, int | None, str]]:
    page = "<html><body><table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table></body></html>"
    doc = html.read(page.encode("utf-8"), "t.html")
    return [(f.prov.row, f.prov.col, f.text) for b in doc.blocks if b.kind == "table" for f in b.fragments]


def test_bare_trailing_cells_of_a_styled_row_are_padding() -> None:
    row = "".join(_STYLED.format(v) for v in ("（七）总计", "32", "4", "41")) + "<td></td><td></td>"
    assert _cells([row]) == [(0, 0, "（七）总计"), (0, 1, "32"), (0, 2, "4"), (0, 3, "41")]


def test_styled_empty_cells_and_bare_cells_before_a_value_stay() -> None:
    row = "".join(_STYLED.format(v) for v in ("规章", "1", "")) + "<td></td><td>3</td>"
    assert [t for _, _, t in _cells([row])] == ["规章", "1", "", "", "3"]


def test_a_table_of_bare_cells_keeps_its_empty_cells() -> None:
    assert [t for _, _, t in _cells(["<td>规章</td><td>1</td><td></td><td></td>"])] == ["规章", "1", "", ""]
