"""One way of putting a row's printed tokens on its cells, as the readings and the joint search weigh it."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Value = int | Decimal

# Where a cell's value came from in one placement.
MAX_PIECE_DIGITS = 12  # a cell split out of fused digits holds at most this many (counts stay below 10^12)
BLANK = -1  # no token: a dropped (or printed-blank) cell, read as 0
FORCED = -2  # no token, and a row identity forces a value other than 0


class SearchTooLarge(Exception):
    """More placements than the search is allowed to look at."""


@dataclass(frozen=True)
class Placement:
    """One way of putting a row's tokens on its cells."""

    values: tuple[Value, ...]
    origin: tuple[int, ...]  # token index per cell, or BLANK / FORCED
    pieces: tuple[str | None, ...]  # the digits a cell took from a split token
