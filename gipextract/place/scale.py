"""Step ``scale``: the money scale an amount column declares in its header (``本年收费金额（单位：元）``).

The form prints fees in 万元, but some reports change the header to 元 (or 亿元). A value
printed without its own scale then takes the header's: read as 万元 it would be 10,000 times
too large. A value that prints its own scale keeps it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .state import State
from .tokens import Token
from .values import Number

_HEADER_RE = re.compile(r"收费金额\((?:单位)?:?(万元|亿元|元)\)")


def header_scale(compact_text: str) -> str | None:
    """The money scale named by the fees column's header in the compact text (None when the
    header names none); the first header printed decides."""
    m = _HEADER_RE.search(compact_text)
    return m.group(1) if m else None


def with_scale(tokens: Sequence[Token], scale: str) -> tuple[Token, ...]:
    """``tokens`` with every number that prints no scale of its own carrying ``scale``."""
    return tuple(t._replace(number=Number(t.number.digits, scale))
                 if t.number is not None and t.number.measure is None else t for t in tokens)


def money_scale(state: State) -> None:
    """Amounts of a table whose header names 元 or 亿元 carry that scale."""
    state.scale = header_scale(state.flat.compact)
    if state.scale in (None, "万元"):
        return
    for table in state.tables.values():
        amount = {c.key for c in table.spec.columns if c.kind == "amount"}
        table.rows = [replace(r, tokens=with_scale(r.tokens, state.scale)) if amount & set(r.row.columns) else r
                      for r in table.rows]
