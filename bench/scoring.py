"""What the corpus benches share: a cell's value against the truth, and the truth's cells flat.
No gipextract import here: bench/sparse.py may time another checkout's package (--code)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any


def same(want: Any, got: Any) -> bool:
    """Counts and amounts compare exactly, whatever their type; a null only equals a null."""
    if want is None or got is None:
        return want is got
    return Decimal(str(want)) == Decimal(str(got))


def flat(tables: dict[str, Any]) -> dict[str, Any]:
    """``{table: {row: {col: v}}}`` as ``{"table.row.col": v}``."""
    return {f"{t}.{r}.{c}": v for t, rows in tables.items() for r, cols in rows.items() for c, v in cols.items()}
