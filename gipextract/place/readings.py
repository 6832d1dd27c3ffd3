"""Step ``readings``: every way a row's printed tokens can go on its cells.

A row's tokens keep their printed order. When a row prints fewer values than it has
cells, blanks were dropped somewhere; when digits of several cells are fused, the run
must be split. Every placement the identities allow is kept: one survivor fixes the
cells, several leave the cells on which they disagree ambiguous. Nothing here guesses.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..limits import checkpoint
from ..templates import Kind
from .placement import BLANK, FORCED, MAX_PIECE_DIGITS, Placement, SearchTooLarge
from .tokens import EMPTY_CELL, Token
from .values import Number, blank_value, convert, valid_digit_piece

Value = int | Decimal

def enumerate_row(tokens: Sequence[Token], kinds: Sequence[Kind], local: Sequence[Sequence[tuple[int, int]]],
                  cap: int = 20000) -> list[Placement]:
    """All placements of ``tokens`` on cells of ``kinds`` that satisfy the row-local equations.

    ``local`` holds each equation as (column, coefficient) pairs. Blanks count as 0; only
    if no placement works that way may a single blank in an equation take the value the
    equation forces (a report that leaves a 总计 blank).

    Character-column converters (inscriptis) may print one cell's number in two pieces one
    column apart (``4 1`` for 41, ``7 08`` for 708). Where the row read as printed fits its
    equations only by forcing a blank, or not at all, or a piece cannot stand alone (``08``),
    the readings with such pieces joined are searched too, and those that fit are kept.
    """
    plain = _readings(tokens, kinds, local, cap)
    pairs = _joinable(tokens)
    if not pairs:
        return plain
    lone_piece = any(_leading_zero(tokens[i + 1]) for i in pairs)
    if not lone_piece and any(FORCED not in p.origin and _holds(p.values, local) for p in plain):
        return plain
    joined: list[Placement] = []
    for chosen in _join_choices(pairs):
        merged, index = _merge(tokens, chosen)
        for q in _readings(merged, kinds, local, cap):
            if FORCED in q.origin or not _holds(q.values, local):
                continue
            # A joined number is the reading's, not one printed token: its cell is inferred.
            origin = tuple(FORCED if o >= 0 and index[o][1] else (index[o][0] if o >= 0 else o) for o in q.origin)
            pieces = tuple(merged[o].number.digits if o >= 0 and index[o][1] else pc  # type: ignore[union-attr]
                           for o, pc in zip(q.origin, q.pieces))
            joined.append(Placement(q.values, origin, pieces))
    if not joined:
        return plain
    keep = [] if lone_piece else [p for p in plain if FORCED not in p.origin and _holds(p.values, local)]
    return dedupe(keep + joined)


def _joinable(tokens: Sequence[Token]) -> list[int]:
    """Indices i where tokens i and i+1 may be the two pieces of one printed integer: on the
    same text line, exactly one character column apart, the first not 0 and neither signed
    on the right, decimal or with a measure word."""
    out = []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        pa, pb = a.prov, b.prov
        if (a.number is None or b.number is None or pa.bbox is None or pb.bbox is None
                or pa.page is not None or pa.line is None or pa.line != pb.line):
            continue
        if a.number.measure or b.number.measure or a.number.is_decimal or b.number.is_decimal:
            continue
        if a.number.digits in ("0", "-0") or b.number.digits.startswith("-") or a.text != a.number.digits \
                or b.text != b.number.digits:
            continue
        if pb.bbox[0] - pa.bbox[2] == 1:
            out.append(i)
    return out


def _leading_zero(t: Token) -> bool:
    d = t.number.digits if t.number is not None else ""
    return len(d) > 1 and d.startswith("0") and not d.startswith("0.")


def _join_choices(pairs: list[int]) -> list[tuple[int, ...]]:
    """Non-overlapping sets of one or two pairs to join (more is never seen in practice, and
    each set is a full search)."""
    singles: list[tuple[int, ...]] = [(i,) for i in pairs]
    return (singles + [(i, j) for i in pairs for j in pairs if j > i + 1])[:64]


def _merge(tokens: Sequence[Token], chosen: tuple[int, ...]) -> tuple[list[Token], list[tuple[int, bool]]]:
    """``tokens`` with each chosen pair joined; per merged token, its first original index and
    whether it was joined."""
    out: list[Token] = []
    index: list[tuple[int, bool]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if i in chosen:
            u = tokens[i + 1]
            digits = t.number.digits + u.number.digits  # type: ignore[union-attr]
            out.append(t._replace(number=Number(digits), text=digits, inline=False))
            index.append((i, True))
            i += 2
            continue
        out.append(t)
        index.append((i, False))
        i += 1
    return out, index


def _readings(tokens: Sequence[Token], kinds: Sequence[Kind], local: Sequence[Sequence[tuple[int, int]]],
              cap: int = 20000) -> list[Placement]:
    """:func:`enumerate_row` without joining pieces."""
    n = len(kinds)
    # Empty cells beyond the row's width at either end are layout (unmerged padding cells).
    lead = 0
    end = len(tokens)
    while end - lead > n and tokens[end - 1].blank:
        end -= 1
    while end - lead > n and tokens[lead].blank:
        lead += 1
    if lead or end < len(tokens):
        inner = _readings(tokens[lead:end], kinds, local, cap)
        return [Placement(p.values, tuple(o + lead if o >= 0 else o for o in p.origin), p.pieces) for p in inner]
    if not tokens and n:
        # A row printing nothing: every cell blank, the one reading, which fits every identity
        # (0s sum to 0); the search would walk the n cells to find it. Over a third of the
        # rows searched in the text corpus (with _search's tables below: enumerate_row 0.77 -> 0.58 ms
        # a text report, its calls replayed over the corpus).
        return [Placement(tuple(blank_value(k) for k in kinds), (BLANK,) * n, (None,) * n)]
    fusable = len(tokens) < n and any(t.fusable for t in tokens)
    if len(tokens) > n and not fusable:
        return []
    if len(tokens) == n and not fusable:
        vals = []
        for t, kind in zip(tokens, kinds):
            v = blank_value(kind) if t.number is None else convert(t.number, kind)
            if v is None:
                return []
            vals.append(v)
        origin = tuple(range(n))
        p = Placement(tuple(vals), origin, (None,) * n)
        if _holds(p.values, local):
            return [p]
        forced = _force(p, local, kinds, tokens)
        if forced and any(t.blank for t in tokens):
            # A blank that an identity would fill may also be a converter's padding of a row
            # that lost a cell elsewhere (its values shifted): that reading is kept beside the
            # forced one, and the identities of the whole table choose or leave it ambiguous.
            keep = [i for i, t in enumerate(tokens) if not t.blank]
            shifted = _readings([tokens[i] for i in keep], kinds, local, cap)
            return dedupe([forced] + [Placement(q.values, tuple(keep[o] if o >= 0 else o for o in q.origin), q.pieces)
                                       for q in shifted if FORCED not in q.origin])
        return [forced] if forced else [p]  # printed values stand even when they break an identity
    if 0 < len(tokens) < n and _zeros_only(tokens, kinds, local):
        return _zero_shifts(tokens, kinds)
    # Two readings of a short row: whole numbers with blanks dropped, or (when digits of
    # neighbouring cells may be fused) every cell printed and the digits split. Both are kept.
    out = _search(tokens, kinds, local, cap, split=False)
    if any(_guessed_empty(t) for t in tokens):
        keep = [i for i, t in enumerate(tokens) if not _guessed_empty(t)]
        out += [Placement(q.values, tuple(keep[o] if o >= 0 else o for o in q.origin), q.pieces)
                for q in _search([tokens[i] for i in keep], kinds, local, cap, split=False)]
    if fusable:
        out += _search(tokens, kinds, local, cap, split=True)
    if out:
        return dedupe(out)
    loose = _search(tokens, kinds, (), cap, split=False)
    forced = [f for p in loose if (f := _force(p, local, kinds, tokens)) is not None]
    return dedupe(forced)


def _guessed_empty(t: Token) -> bool:
    """An empty cell of a text table (a line, no box): a row that keeps some empty cells yet
    drops others was laid out by a converter's column guess (markitdown's pipe tables of a
    PDF), so such a cell may be no cell. A ruled PDF cell is one (it has its box); an HTML or
    DOCX cell is the source's own."""
    return t.text == EMPTY_CELL and t.prov.bbox is None and t.prov.line is not None


def _zeros_only(tokens: Sequence[Token], kinds: Sequence[Kind], local: Sequence[Sequence[tuple[int, int]]]) -> bool:
    """A wide row of counts printing only 0s and blank markers, with some cells dropped, whose
    first two cells share an identity (table 三's and 四's rows)."""
    return len(kinds) >= 7 and all(k != "amount" for k in kinds) and \
        all(t.number is None or (t.number.digits == "0" and not t.number.measure) for t in tokens) and \
        any({0, 1} <= {c for c, _ in eq} for eq in local)


def _zero_shifts(tokens: Sequence[Token], kinds: Sequence[Kind]) -> list[Placement]:
    """The readings of a row of 0s with dropped cells, one per shift of its tokens.

    Every placement of k zeros on n cells gives every cell 0 and fits every identity: C(15, 7)
    = 6435 of them on a table 四 row (84 ms, and the joint search multiplies them; a portal
    page's such row took 20,000 search steps). What the later steps read from the placements —
    each cell's values, whether one printed token or several or none fill it, whether some
    reading rests on two absent cells of one identity — is the same over the n-k+1 shifts of the
    tokens as over all placements (tests/test_readings_zero_rows.py compares them)."""
    n, k = len(kinds), len(tokens)
    values = tuple(blank_value(kind) for kind in kinds)
    out = []
    for s in range(n - k + 1):
        origin = tuple(j - s if s <= j < s + k else BLANK for j in range(n))
        out.append(Placement(values, origin, (None,) * n))
    return out


def _holds(values: Sequence[Value], local: Sequence[Sequence[tuple[int, int]]]) -> bool:
    return all(sum(values[c] * k for c, k in eq) == 0 for eq in local)


def _force(p: Placement, local: Sequence[Sequence[tuple[int, int]]], kinds: Sequence[Kind],
           tokens: Sequence[Token]) -> Placement | None:
    """Fill blanks that an equation pins down on its own; None if the equations still fail."""
    values = list(p.values)
    origin = [BLANK if o >= 0 and tokens[o].blank else o for o in p.origin]
    for _ in range(len(local) + 1):
        changed = False
        for eq in local:
            residual = sum(values[c] * k for c, k in eq)
            if residual == 0:
                continue
            free = [(c, k) for c, k in eq if origin[c] == BLANK]
            if len(free) != 1:
                continue
            c, k = free[0]
            if residual % k != 0:
                continue
            v = -residual // k
            if v < 0 and kinds[c] != "signed":
                continue
            values[c] = v
            origin[c] = FORCED
            changed = True
        if not changed:
            break
    if not _holds(values, local) or FORCED not in origin:
        return None
    origin = [o if o == FORCED else p.origin[c] for c, o in enumerate(origin)]
    return Placement(tuple(values), tuple(origin), p.pieces)


def _search(tokens: Sequence[Token], kinds: Sequence[Kind], local: Sequence[Sequence[tuple[int, int]]],
            cap: int, split: bool) -> list[Placement]:
    """Placements with dropped blanks and whole tokens, or (``split``) fused tokens and no blanks."""
    n = len(kinds)
    nt = len(tokens)
    # Equations are checked as soon as their last cell is placed.
    closing: list[list[Sequence[tuple[int, int]]]] = [[] for _ in range(n)]
    for eq in local:
        closing[max(c for c, _ in eq)].append(eq)
    out: list[Placement] = []
    values: list[Value] = [0] * n
    origin: list[int] = [BLANK] * n
    pieces: list[str | None] = [None] * n
    texts = [_digits(t) for t in tokens]
    # Per token and per column what the search asks again and again, worked out once: its
    # blank and fusable properties, the blank value of each column, a whole token's value in a
    # column of each kind (enumerate_row 0.77 -> 0.70 ms a text report, its calls replayed).
    blank = [t.blank for t in tokens]
    splits = [split and t.fusable for t in tokens]
    blanks = [blank_value(k) for k in kinds]
    whole_values: dict[tuple[int, Kind], Value | None] = {}
    # Digits still to place after each token (for pruning splits that cannot fill the row).
    after = [0] * (nt + 1)
    for i in range(nt - 1, -1, -1):
        after[i] = after[i + 1] + len(texts[i].lstrip("-").split(".", 1)[0])
    steps = 0

    def whole_value(ti: int, col: int) -> Value | None:
        key = (ti, kinds[col])
        if key not in whole_values:
            tok = tokens[ti]
            v = convert(tok.number, kinds[col])  # type: ignore[arg-type]
            whole_values[key] = v if v is not None and (not tok.inline or valid_digit_piece(texts[ti])) else None
        return whole_values[key]

    def closes_ok(col: int) -> bool:
        eqs = closing[col]
        return not eqs or all(sum(values[c] * k for c, k in eq) == 0 for eq in eqs)

    def rec(col: int, ti: int, off: int) -> None:
        nonlocal steps
        steps += 1
        if not steps & 0xFFF:
            checkpoint()
        if steps > cap * 10:  # ~0.2 s of search; beyond that the row is reported, not solved
            raise SearchTooLarge
        if col == n:
            if ti == nt:
                out.append(Placement(tuple(values), tuple(origin), tuple(pieces)))
                if len(out) > cap:
                    raise SearchTooLarge
            return
        remaining_tokens = nt - ti
        if remaining_tokens > n - col:
            return
        if not split and remaining_tokens < n - col:
            values[col], origin[col], pieces[col] = blanks[col], BLANK, None
            if closes_ok(col):
                rec(col + 1, ti, off)
        if remaining_tokens == 0:
            return
        if blank[ti]:
            values[col], origin[col], pieces[col] = blanks[col], ti, None
            if closes_ok(col):
                rec(col + 1, ti + 1, 0)
            return
        if not splits[ti]:
            v = whole_value(ti, col)
            if v is not None:
                values[col], origin[col], pieces[col] = v, ti, None
                if closes_ok(col):
                    rec(col + 1, ti + 1, 0)
            return
        tok = tokens[ti]
        rest = texts[ti][off:]
        sign = ""
        if rest.startswith("-"):
            sign, rest = "-", rest[1:]
        int_part = rest.split(".", 1)[0]
        left = len(int_part) + after[ti + 1]  # digits for this and the remaining cells
        cells_left = n - col
        if left < cells_left or left > cells_left * MAX_PIECE_DIGITS:
            return
        for length in range(1, min(len(int_part), MAX_PIECE_DIGITS) + 1):
            steps += 1
            if steps > cap * 10:
                raise SearchTooLarge
            if left - length < cells_left - 1 or left - length > (cells_left - 1) * MAX_PIECE_DIGITS:
                continue
            piece = rest[:length] if length < len(int_part) else rest
            if not valid_digit_piece(piece):
                break
            whole = length == len(int_part)
            measure = tok.number.measure if whole else None  # type: ignore[union-attr]
            v = convert(Number(sign + piece, measure), kinds[col])
            if v is None:
                continue
            values[col], origin[col], pieces[col] = v, ti, sign + piece
            if closes_ok(col):
                if whole:
                    rec(col + 1, ti + 1, 0)
                else:
                    rec(col + 1, ti, off + len(sign) + length)

    rec(0, 0, 0)
    return dedupe(out)


def _digits(t: Token) -> str:
    return t.number.digits if t.number is not None else ""


def dedupe(ps: list[Placement]) -> list[Placement]:
    seen: dict[tuple, Placement] = {}
    for p in ps:
        seen.setdefault((p.values, p.origin, p.pieces), p)
    return list(seen.values())


def total_column(local: Sequence[Sequence[tuple[int, int]]], n: int) -> int | None:
    """The column a row identity makes the sum of all the others (table 三's 总计), if any."""
    for eq in local:
        if len(eq) == n:
            plus = [c for c, k in eq if k == 1]
            if len(plus) == 1 and all(k == -1 for c, k in eq if c != plus[0]):
                return plus[0]
    return None


def blank_total_readings(tokens: Sequence[Token], kinds: Sequence[Kind],
                         local: Sequence[Sequence[tuple[int, int]]], cap: int = 20000) -> list[Placement]:
    """Readings of a short row whose total cell was left blank: the tokens on the other cells
    (their dropped cells 0), the total forced by the identity; none for a row without such
    a total or printing every cell."""
    n = len(kinds)
    t = total_column(local, n)
    keep = [i for i, tok in enumerate(tokens) if not _guessed_empty(tok)]
    if t is None or not keep or len(tokens) >= n or any(tokens[i].blank for i in keep):
        return []
    others = [k for j, k in enumerate(kinds) if j != t]
    out = []
    for p in _search([tokens[i] for i in keep], others, (), cap, split=False):
        values, pieces = list(p.values), list(p.pieces)
        origin = [keep[o] if o >= 0 else o for o in p.origin]
        total = sum(values)
        if total == 0:
            continue  # a zero total is the blank reading already
        values.insert(t, total)
        origin.insert(t, FORCED)
        pieces.insert(t, None)
        q = Placement(tuple(values), tuple(origin), tuple(pieces))
        if _holds(q.values, local):
            out.append(q)
    return out
