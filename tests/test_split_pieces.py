"""A number printed in two pieces one column apart (inscriptis draws ``<span>4</span><span>1</span>``
as ``4 1``): the joined reading is searched when the row as printed does not fit its identity,
or when a piece cannot stand alone (``08``). Rows hand-written from the inscriptis outputs of
corpus/html/07 and /15 (corpus/toolout/inscriptis/)."""
from __future__ import annotations

from gipextract.read.document import Provenance
from gipextract.place.readings import FORCED, enumerate_row
from gipextract.place.tokens import Token
from gipextract.place.values import Number

_ROW_SUM = [[(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, -1)]]  # six columns add up to 总计
_KINDS = ("count",) * 7


def _line(printed: str, line: int = 1) -> list[Token]:
    """Tokens of ``printed`` with boxes by character column, as the column adapter gives them."""
    out, col = [], 0
    for word in printed.split(" "):
        if word:
            out.append(Token(Number(word), word, Provenance(line=line, bbox=(col, line, col + len(word), line + 0.8)),
                             False))
        col += len(word) + 1
    return out


def test_a_split_total_is_joined_when_only_that_fits() -> None:
    # 总计 row of corpus/html/07 (32, blank, 4, blank, 5, 0, 41) as inscriptis draws it: the
    # printed reading fits only by forcing a blank 总计 of 46; the joined one fits as printed.
    readings = enumerate_row(_line("32  4  5  0  4 1"), _KINDS, _ROW_SUM)
    assert {p.values[-1] for p in readings} == {41}
    assert all(p.origin[-1] == FORCED for p in readings)  # the joined number is inferred, not printed
    assert all(sum(p.values[:6]) == 41 for p in readings)


def test_a_piece_with_a_leading_zero_never_stands_alone() -> None:
    # 行政处罚: 0, blank, 708 drawn as `0  7 08`; no identity on the row.
    readings = enumerate_row(_line("0  7 08"), ("count", "signed", "count"), [])
    assert readings and all(708 in p.values for p in readings)


def test_numbers_two_columns_apart_are_never_joined() -> None:
    readings = enumerate_row(_line("32  4  5  0  4  1"), _KINDS, _ROW_SUM)
    assert readings and all(41 not in p.values for p in readings)


def test_a_row_that_fits_as_printed_is_not_joined() -> None:
    readings = enumerate_row(_line("1 2 0 0 0 0 3"), _KINDS, _ROW_SUM)
    assert [p.values for p in readings] == [(1, 2, 0, 0, 0, 0, 3)]


def test_a_short_row_that_fits_with_a_blank_dropped_is_not_joined() -> None:
    readings = enumerate_row(_line("1 2 0 0 3"), ("count",) * 6, [[(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, -1)]])
    assert readings and all(12 not in p.values and p.values[-1] == 3 for p in readings)


def test_a_short_row_whose_empty_cells_may_be_the_converters() -> None:
    # markitdown's pipe row `| | 1 | - | - | - | 1 |` for 7 cells: it keeps one empty cell and
    # drops another, so the empty cell may be its column guess, not a cell of the form (#24):
    # the reading with 1 on 自然人 stands beside those with the empty cell kept.
    from gipextract.place.equations import equations
    from gipextract.place.tokens import EMPTY_CELL, Token
    from gipextract.place.values import Number
    from gipextract.read.document import Provenance
    prov = Provenance(line=1, table=0, row=1)
    tokens = [Token(None, EMPTY_CELL, prov, False), Token(Number("1"), "1", prov, False),
              *[Token(None, "-", prov, False)] * 3, Token(Number("1"), "1", prov, False)]
    values = {p.values for p in enumerate_row(tokens, ["count"] * 7, equations("2021", "requests", ())[0][0])}
    assert (1, 0, 0, 0, 0, 0, 1) in values and (0, 1, 0, 0, 0, 0, 1) in values
