"""A label wrapped over lines in a text flattening (#24): the values printed between its pieces
are its own, and the ordinal left before a split label is no value of the row above."""
from __future__ import annotations

from conftest import CORPUS

from gipextract import parse

SEED1 = CORPUS / "seeds" / "001_91b930a4292c284b.txt"
ZEROS = "\t0\n" * 7


def _seed() -> str:
    return SEED1.read_text(encoding="utf-8")


def test_values_between_the_pieces_of_a_wrapped_label_are_its_own() -> None:
    # pymupdf4llm: `（二）部分公开（区分处理的，只` / `- — / 1 1` / `计这一情形，不计其他情形）`.
    # The parenthetical ran over the line of values, which were blanked with it: the row read
    # all blank (empty) while it prints 1 for 其他 and 1 for 总计.
    text = _seed()
    row = "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\t3\n" + "\t0\n" * 5 + "\t3\n"
    assert row in text
    wrapped = "（二）部分公开（区分处理的，只\n- — / 0 0 3 3\n计这一情形，不计其他情形）\n"
    report = parse(text.replace(row, wrapped).encode())
    cells = [report.cell("requests", "partially_granted", c) for c in ("other_org", "total")]
    assert [(c.value, c.status) for c in cells] == [(3, "ok"), (3, "ok")], cells


def test_the_ordinal_before_a_split_label_is_no_value() -> None:
    # pdftotext -layout: `1.属于国家秘密  - - 无 — / 无` (six cells printed), then
    # `2.其他法律行政法规禁止` / values / `公开`. The label is found from its words; its `2.`
    # was read as 1.'s missing 总计, 2 (ok), breaking its identity.
    text = _seed()
    one = "\t1.属于国家秘密\n" + ZEROS
    two = "\t2.其他法律行政法规禁止公开\n" + ZEROS
    assert one + "\n" in text and two in text
    moved = "1.属于国家秘密 - - 无 — / 无\n2.其他法律行政法规禁止\n0 0 0 0 0 0 0\n公开\n"
    report = parse(text.replace(one + "\n", "").replace(two, moved).encode())
    cell = report.cell("requests", "denied.state_secret", "total")
    assert cell.value != 2, cell
