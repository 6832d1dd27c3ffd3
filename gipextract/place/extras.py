"""Rows the form does not have: a local variant's own rows, kept as read, and the pieces of
the form's own wording that only look like one.

pdftotext draws a label that wraps in its cell line by line, and a row's values on the line
where the cell's middle falls. So the values of ``2.没有现成信息需要另行制作`` can come out
before that label, right after ``法提供`` (the tail of the group label ``（四）无法提供`` of the
row above). Read in text order they start a row labelled ``法提供``, and the form's row is
left bare. A piece of the form's wording is no row of a local variant: its values belong to
the bare row that follows (:func:`adopt_orphans`), and to nothing else.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..limits import checkpoint
from ..read.document import Provenance
from ..read.normalize import HAN
from ..templates import TableSpec
from .tokens import Piece, Token

_NOT_HAN = re.compile(f"[^{HAN}]")


@dataclass(frozen=True)
class ExtraRowRead:
    """A row a local variant adds to the form (e.g. 其他主动公开文件): kept, not placed."""

    table: str
    label: str
    values: tuple[str, ...]
    prov: Provenance | None
    tokens: tuple[Token, ...] = field(default=(), compare=False, repr=False)


def split_extra(toks: list[tuple[int, Token]], pieces: list[Piece], prov_at: Callable[[int], Provenance],
                table_key: str) -> tuple[list[Token], list[ExtraRowRead]]:
    """Label text after a row's values starts a row the form does not have.

    ``toks`` and ``pieces`` are positioned in the run; ``prov_at`` gives the provenance of a
    run position.
    """
    if not pieces or not toks:
        return [t for _, t in toks], []
    first_tok = toks[0][0]
    labels = [p for p in pieces if p.start > first_tok]
    if not labels:
        return [t for _, t in toks], []
    # Tokens come in text order: each label's values are found by bisection, so 20,000
    # label-like lines cost 20,000 look-ups, not 20,000 scans of every token.
    own = [t for pos, t in toks if pos < labels[0].start]
    positions = [pos for pos, _ in toks]
    if any(a > b for a, b in zip(positions, positions[1:])):
        order = sorted(range(len(toks)), key=lambda i: positions[i])
        toks = [toks[i] for i in order]
        positions = [positions[i] for i in order]
    extras = []
    for k, p in enumerate(labels):
        if not k & 0x3FF:
            checkpoint()
        stop = labels[k + 1].start if k + 1 < len(labels) else None
        i = bisect_right(positions, p.start)
        j = bisect_left(positions, stop) if stop is not None else len(positions)
        if i < j:
            row_toks = tuple(t for _, t in toks[i:j])
            extras.append(ExtraRowRead(table_key, p.text, tuple(t.text for t in row_toks), prov_at(p.start), row_toks))
    return own, extras


@lru_cache(maxsize=None)
def _wording(spec: TableSpec) -> str:
    labels = [r.label or "" for r in spec.rows] + [g.label for g in spec.groups]
    return "\n".join(_NOT_HAN.sub("", label) for label in labels)


@lru_cache(maxsize=None)
def _whole_labels(spec: TableSpec) -> frozenset[str]:
    return frozenset(_NOT_HAN.sub("", r.label or "") for r in spec.rows) | \
        frozenset(_NOT_HAN.sub("", g.label) for g in spec.groups)


@lru_cache(maxsize=None)
def _form_words(spec: TableSpec) -> str:
    heads = [w for c in spec.columns for w in (c.label, *c.variants)]
    return _wording(spec) + "\n" + "\n".join(_NOT_HAN.sub("", w) for w in heads)


def is_form_wording(spec: TableSpec, text: str, shortest: int = 2) -> bool:
    """Is ``text`` (``shortest`` Han characters or more) the table's own wording: a piece of a
    row or group label, a whole label, or a piece of its column headers?"""
    han = _NOT_HAN.sub("", text)
    return len(han) >= shortest and han in _form_words(spec)


def is_form_fragment(spec: TableSpec, text: str, shortest: int = 3) -> bool:
    """Is ``text`` (``shortest`` Han characters or more: `其他` alone may be a local row's name)
    a piece of one of the table's own labels, and not a whole label (that is another row,
    printed out of the form's order, whose values are its own)?"""
    han = _NOT_HAN.sub("", text)
    return len(han) >= shortest and han in _wording(spec) and han not in _whole_labels(spec)


def adopt_orphans(spec: TableSpec, runs: list[tuple[list[Token], list[ExtraRowRead]]]) -> None:
    """Runs in text order, each a row's tokens and the extra rows after them: the values of a
    form-fragment extra row that ends a run move to the next row when it prints nothing (in place)."""
    for (_, extras), (there, _) in zip(runs, runs[1:]):
        if extras and not there and is_form_fragment(spec, extras[-1].label) \
                and any(not t.blank for t in extras[-1].tokens):
            there.extend(extras.pop().tokens)
