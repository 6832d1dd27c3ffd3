"""The independent oracle of the round trips: which cells a printed page leaves undecidable.

It knows what the writer printed on each row (the values in order, blanks dropped, or the
digit runs of a fused page) and nothing of gipextract's reader. Rows are expanded by brute
force -- dropped cells by ``placements`` of corpus/tools/enumerate_placements.py (the
enumerator that checked seed 002), fused runs by every digit split -- and a combination is
kept when the identities of shared/spec/TEMPLATES.md hold; they are written out below again
(not read from the template JSON). A cell whose value differs between kept combinations is
undecidable: the reader must call it ``ambiguous`` with exactly those candidates, and every
other cell must come back with its true value.
"""
from __future__ import annotations

import re
import sys
from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Iterable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus" / "tools"))
from enumerate_placements import placements  # noqa: E402  (the seed-002 brute-force enumerator)

from docwriters.forms import official_form  # noqa: E402  (the writers' own form, not the template)

Value = int | Decimal
Ref = tuple[str, str, str]
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
REQUEST_NOT_RESULTS = ("new_received", "carried_over", "total", "carried_forward")
APPEAL_GROUPS = ("reconsideration", "litigation_direct", "litigation_after")
OUTCOMES = ("upheld", "corrected", "other", "pending")
MAX_COMBINATIONS = 200_000
MAX_DIGITS = 12
_PIECE = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")


class TooMany(Exception):
    """More combinations than the oracle is willing to enumerate."""


def _row_ok(table: str, cols: Sequence[str], values: Sequence[Value]) -> bool:
    """The identities inside one row (TEMPLATES.md): 三 总计 = the six applicants; 四 each group's 总计."""
    v = dict(zip(cols, values))
    if table == "requests":
        return v["total"] == sum(v[a] for a in APPLICANTS)
    if table == "appeals":
        return all(v[f"{g}.total"] == sum(v[f"{g}.{o}"] for o in OUTCOMES) for g in APPEAL_GROUPS)
    return True  # table 二 has no identities


def _columns_ok(rows: dict[str, Sequence[Value]]) -> bool:
    """Table 三 down each column: 一 + 二 = 总计 + 四; 总计 = the sum of the result rows."""
    results = [r for r in rows if r not in REQUEST_NOT_RESULTS]
    for c in range(len(APPLICANTS) + 1):
        if rows["new_received"][c] + rows["carried_over"][c] != rows["total"][c] + rows["carried_forward"][c]:
            return False
        if rows["total"][c] != sum(rows[r][c] for r in results):
            return False
    return True


def _value(piece: str, kind: str, split: bool = False) -> Value | None:
    """A printed piece as a value of ``kind``, or None where the form forbids it there (a
    piece cut out of fused digits holds at most ``MAX_DIGITS``; a whole printed number any)."""
    m = _PIECE.fullmatch(piece)
    if not m or (split and len(piece.replace("-", "").replace(".", "")) > MAX_DIGITS):
        return None
    if piece.startswith("-") and kind != "signed":
        return None
    if m.group(2) and kind != "amount":
        return None
    return Decimal(piece) if kind == "amount" else int(piece)


def _zero(kind: str) -> Value:
    return Decimal(0) if kind == "amount" else 0


def _fused_rows(runs: Sequence[str], kinds: Sequence[str], group: int = 0) -> set[tuple[Value, ...]]:
    """A fused row: every cell printed with its digits split, or its runs whole with blanks dropped."""
    out: set[tuple[Value, ...]] = set()
    if len(runs) <= len(kinds):  # whole numbers, dropped blanks anywhere between them
        for cells in placements(list(runs), len(kinds)):
            vals = tuple(_zero(k) if c is None else _value(c, k) for c, k in zip(cells, kinds))
            if not any(v is None for v in vals):
                out.add(vals)  # type: ignore[arg-type]
    out.update(_digit_splits(runs, kinds, group))
    return out


def _digit_splits(runs: Sequence[str], kinds: Sequence[str], group: int) -> Iterable[tuple[Value, ...]]:
    """Every cell printed: each run cut into one or more whole cells, in order; a prefix is
    dropped as soon as one of its complete groups of ``group`` cells breaks its row identity."""
    n = len(kinds)

    def rec(i: int, pos: int, vals: tuple[Value, ...]) -> Iterable[tuple[Value, ...]]:
        if len(vals) == n:
            if i == len(runs):
                yield vals
            return
        if i == len(runs) or n - len(vals) < len(runs) - i:
            return
        run = runs[i]
        for end in range(pos + 1, len(run) + 1):
            v = _value(run[pos:end], kinds[len(vals)], split=True)
            if v is None:
                continue
            nv = vals + (v,)
            if group and len(nv) % group == 0 and nv[-1] != sum(nv[-group:-1]):
                continue
            yield from (rec(i + 1, 0, nv) if end == len(run) else rec(i, end, nv))

    return rec(0, 0, ())


def _dropped_rows(printed: Sequence[str], kinds: Sequence[str]) -> set[tuple[Value, ...]]:
    """A row that lost cells: the printed values in order (each where its form fits: a sign
    only in a signed column, a decimal point only in an amount column), missing cells 0."""
    out = set()
    for cells in placements(list(printed), len(kinds)):
        vals = tuple(_zero(k) if c is None or c == "" else _value(c, k) for c, k in zip(cells, kinds))
        if not any(v is None for v in vals):
            out.add(vals)
    return out


def undecidable(form_id: str, printed: dict[tuple[str, str], Sequence], fused: bool = False) -> dict[Ref, list]:
    """The cells left undecidable, with their sorted candidate values.

    ``printed[(table, row)]`` is the row as the page shows it: the printed values in order
    (a blank cell whose ``<td>`` is kept given as ``""``, dropped cells left out), or, when ``fused``,
    the row's digit runs (the printed text between the spaces the page kept).
    Raises :class:`TooMany` when the combinations exceed ``MAX_COMBINATIONS``.
    """
    form = official_form(form_id)
    options: dict[tuple[str, str], list[tuple[Value, ...]]] = {}
    for table in form.tables:
        for row in table.rows:
            kinds = [table.column(c).kind for c in row.columns]
            got = printed[(table.key, row.key)]
            # cells in groups whose last is the sum of the others: 四's five, 三's seven
            group = {"appeals": 5, "requests": 7}.get(table.key, 0)
            rows = _fused_rows(got, kinds, group) if fused else _dropped_rows(got, kinds)
            options[(table.key, row.key)] = sorted((r for r in rows if _row_ok(table.key, row.columns, r)), key=str)
    req = [r.key for r in form.table("requests").rows]
    combos = 1
    for r in req:
        combos *= max(1, len(options[("requests", r)]))
    if combos > MAX_COMBINATIONS:
        raise TooMany(combos)
    seen: dict[str, set] = {r: set() for r in req}
    for combo in product(*(options[("requests", r)] for r in req)):
        rows = dict(zip(req, combo))
        if _columns_ok(rows):
            for r, vals in rows.items():
                seen[r].add(vals)
    for r in req:
        options[("requests", r)] = sorted(seen[r], key=str)
    out: dict[Ref, list] = {}
    for table in form.tables:
        for row in table.rows:
            for i, c in enumerate(row.columns):
                values = {o[i] for o in options[(table.key, row.key)]}
                if len(values) > 1:
                    out[(table.key, row.key, c)] = sorted(values)
    return out
