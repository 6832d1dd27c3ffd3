"""Reading one printed value: counts, signed counts, amounts in 万元, blanks."""
from __future__ import annotations

from decimal import Context, Decimal, Inexact, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from ..templates import Kind

# Money scales printed inside amount cells, as the factor that turns them into 万元.
SCALE_TO_WAN: dict[str, Decimal] = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}
COUNT_WORDS = frozenset({"件", "个", "项", "条", "次", "人"})
# No cell of the forms holds a number this long; a longer run is not a value (and int()
# refuses strings over 4,300 digits, Decimal arithmetic rounds past 28 digits).
MAX_NUMBER_DIGITS = 40
# Unit conversion is exact or refused: enough precision for any number we accept, and an
# inexact result is an error rather than a rounded amount.
_EXACT = Context(prec=MAX_NUMBER_DIGITS + 20, traps=[Inexact, InvalidOperation])


class Number(NamedTuple):
    """A printed number as read: its digits (with sign and decimal part) and the word printed
    after them, a measure word (件) or a money scale (万元, 元)."""

    digits: str  # e.g. "-18", "258.181269", "1234"
    measure: str | None = None

    @property
    def is_decimal(self) -> bool:
        """True when the number has a decimal point."""
        return "." in self.digits


@lru_cache(maxsize=4096)
def convert(number: Number, kind: Kind) -> int | Decimal | None:
    """The value of ``number`` in a column of ``kind``, or None when it cannot be one."""
    digits = number.digits
    if len(digits) > MAX_NUMBER_DIGITS + 2:  # sign and decimal point
        return None
    if kind == "amount":
        if number.measure is not None and number.measure not in SCALE_TO_WAN:
            return None
        try:
            value = Decimal(digits)
        except InvalidOperation:
            return None
        if value < 0:
            return None
        factor = SCALE_TO_WAN.get(number.measure or "万元", Decimal(1))
        if factor != 1:
            try:
                value = _EXACT.multiply(value, factor)
                value = (_EXACT.quantize(value, Decimal(1)) if value == value.to_integral_value()
                         else _EXACT.normalize(value))
            except (Inexact, InvalidOperation):
                return None
        return value
    if number.is_decimal or (number.measure is not None and number.measure not in COUNT_WORDS):
        return None
    value_i = int(digits)
    if kind == "count" and value_i < 0:
        return None
    return value_i


def blank_value(kind: Kind) -> int | Decimal:
    """The value a blank cell stands for."""
    return Decimal(0) if kind == "amount" else 0


def valid_digit_piece(piece: str) -> bool:
    """A piece of a fused digit run is a number only if it has no leading zero (``0`` itself is fine)."""
    body = piece.lstrip("-")
    head = body.split(".", 1)[0]
    return bool(head) and (head == "0" or head[0] != "0")
