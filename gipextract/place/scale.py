"""The unit an amount column declares in its header (``本年收费金额（单位：元）``).

The form prints fees in 万元, but some reports change the header to 元 (or 亿元). A value
printed without its own unit then takes the header's: read as 万元 it would be 10,000 times
too large. A value that prints its own unit keeps it.
"""
from __future__ import annotations

import re
from typing import Sequence

from .tokens import Token
from .values import Number

_HEADER_RE = re.compile(r"收费金额\((?:单位)?:?(万元|亿元|元)\)")


def header_unit(compact_text: str) -> str | None:
    """The unit named by the fees column's header in the compact text (None when the header
    names none); the first header printed decides."""
    m = _HEADER_RE.search(compact_text)
    return m.group(1) if m else None


def with_unit(tokens: Sequence[Token], unit: str) -> tuple[Token, ...]:
    """``tokens`` with every unit-less number carrying ``unit``."""
    return tuple(t._replace(number=Number(t.number.digits, unit))
                 if t.number is not None and t.number.unit is None else t for t in tokens)
