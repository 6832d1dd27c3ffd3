"""A wide row printing only 0s and blank markers, with cells dropped (portal pages drop empty
cells): its readings are the shifts of its tokens, not every placement (#24). The steps after
``readings`` must see the same thing either way: each cell's values, whether one printed token,
several or none fill it, the value vectors the joint search weighs, and whether a reading rests
on absent cells."""
from __future__ import annotations

import random

import pytest

from gipextract import templates
from gipextract.place import readings
from gipextract.place.equations import equations
from gipextract.place.placement import Placement
from gipextract.place.premises import rests_on_absent_cells
from gipextract.place.tokens import Token
from gipextract.place.values import Number
from gipextract.read.document import Provenance


def _token(text: str) -> Token:
    number = None if text in ("-", "—", "/", "无") else Number(text, None)
    return Token(number, text, Provenance(table=0, row=1, col=0), False)


def _summary(ps: list[Placement], n: int, local) -> tuple:  # type: ignore[no-untyped-def]
    cells = []
    for j in range(n):
        values = tuple((type(v), v) for v in dict.fromkeys(p.values[j] for p in ps))
        origins = {p.origin[j] for p in ps}
        cells.append((values, next(iter(origins)) if len(origins) == 1 else "several"))
    return tuple(cells), {p.values for p in ps}, rests_on_absent_cells(ps, local)


CASES = [(form, table) for form in ("2021", "2019") for table in ("requests", "appeals")]


@pytest.mark.parametrize("form,table", CASES)
def test_the_shifts_say_what_every_placement_says(form: str, table: str) -> None:
    spec = templates.get(form).table(table)
    local_all = equations(form, table, ())[0]
    rng = random.Random(24)
    checked = 0
    for i, row in enumerate(spec.rows):
        kinds = [c.kind for c in spec.columns if c.key in row.columns]
        n = len(kinds)
        for k in range(1, n):
            texts = ["0"] * k if k % 2 else [rng.choice(["0", "0", "-", "/", "无"]) for _ in range(k)]
            tokens = [_token(t) for t in texts]
            local = local_all[i]
            if not readings._zeros_only(tokens, kinds, local):  # k > 0 here: a bare row is read as before
                continue
            every = readings._search(tokens, kinds, local, 10 ** 6, split=False)
            assert len(every) > n - k + 1 or k == n - 1 or n - k + 1 == len(every)
            shifts = readings.enumerate_row(tokens, kinds, local)
            assert len(shifts) == n - k + 1
            assert _summary(shifts, n, local) == _summary(every, n, local), (row.key, texts)
            checked += 1
    assert checked > 0


def test_a_row_with_a_non_zero_value_is_searched_in_full() -> None:
    spec = templates.get("2021").table("appeals")
    kinds = [c.kind for c in spec.columns]
    local = equations("2021", "appeals", ())[0][0]
    tokens = [_token(t) for t in ["0", "1", "1", "0", "2", "2"]]
    assert not readings._zeros_only(tokens, kinds, local)
    assert len(readings.enumerate_row(tokens, kinds, local)) == 348  # as before the shortcut


def test_a_report_whose_table_four_drops_half_its_zeros_reads_as_before(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import CORPUS

    from gipextract import parse

    text = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_text(encoding="utf-8")
    fifteen = "\t0\n" * 15
    assert fifteen in text
    text = text.replace(fifteen, "\t0\n" * 7, 1)  # a portal page that dropped 8 empty cells
    fast = parse(text.encode())
    monkeypatch.setattr(readings, "_zeros_only", lambda *a: False)
    full = parse(text.encode())
    assert fast.to_dict() == full.to_dict()
    row = [c for c in fast.cells if c.table == "appeals"]
    assert len(row) == 15 and {c.value for c in row} == {0}
