"""A 总计 column left blank (#24): a short row that fits only with its total absent makes the
table's other short rows read that way too, beside their other readings."""
from __future__ import annotations

import json

from conftest import CORPUS

from gipextract import parse
from gipextract.place.equations import equations
from gipextract.place.placement import FORCED
from gipextract.place.readings import blank_total_readings, total_column
from gipextract.place.tokens import Token
from gipextract.place.values import Number
from gipextract.read.document import Provenance

SPARSE = CORPUS / "sparse"
KINDS = ["count"] * 7


def _tokens(*digits: str) -> list[Token]:
    return [Token(Number(d), d, Provenance(line=1), False) for d in digits]


def test_the_total_is_the_column_the_row_identity_sums_to() -> None:
    local = equations("2021", "requests", ())[0]
    assert total_column(local[0], 7) == 6
    assert total_column(equations("2021", "proactive", ())[0][0], 3) is None


def test_a_lone_value_reads_on_each_column_with_its_total_forced() -> None:
    local = equations("2021", "requests", ())[0][0]
    readings = blank_total_readings(_tokens("3"), KINDS, local)
    assert sorted(p.values for p in readings) == sorted(tuple(3 if j in (c, 6) else 0 for j in range(7))
                                                        for c in range(6))
    assert all(p.origin[6] == FORCED for p in readings)
    assert blank_total_readings(_tokens(*"1234567"), KINDS, local) == []  # every cell printed


def test_a_table_printing_its_total_column_blank() -> None:
    # The PDF leaves every 总计 cell blank; pdftotext -layout prints each row's one value
    # nearer the 总计 header than 其他's. Before, （七）总计's `1 … 1` read as 自然人 1 and
    # 总计 1 (ok, silently wrong): its 总计 is 2, which the 总计 column's identity now forces.
    path = SPARSE / "toolout" / "pdftotext-layout" / "pdf-12-blank-total-column.txt"
    report = parse(path)
    total = report.cell("requests", "total", "total")
    assert (total.value, total.status) == (2, "inferred")
    expected = json.loads((SPARSE / "pdf" / "12-blank-total-column.expected.json").read_text(encoding="utf-8"))
    wrong = [(row, col) for row, cols in expected["tables"]["requests"].items() for col, want in cols.items()
             if (c := report.cell("requests", row, col)).status in ("ok", "empty", "inferred") and c.value != want]
    assert wrong == []


def test_a_blank_total_column_in_a_pipe_table_with_the_converters_empty_cells() -> None:
    # markitdown of the same PDF: （七）总计 reads `| 1 | | | 1 |`; its empty cells are the
    # converter's column guess, so the reading with 总计 left blank stands beside the others.
    report = parse(SPARSE / "toolout" / "markitdown" / "pdf-12-blank-total-column.md")
    total = report.cell("requests", "total", "total")
    assert total.value != 1 or total.status not in ("ok", "empty", "inferred"), total
