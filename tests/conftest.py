"""Shared test helpers: where the corpus and ../shared live, and how results are compared."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when ../shared is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared absent)")
    return p


def load_expected(path: Path) -> dict[str, Any]:
    """An expected-result JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def same_value(expected: Any, got: Any) -> bool:
    """Counts compare as ints; amounts compare as exact decimals (``"258.18"`` == ``Decimal("258.180")``)."""
    if expected is None or got is None:
        return expected is got
    if isinstance(expected, str) or isinstance(got, (str, Decimal)):
        return Decimal(str(expected)) == Decimal(str(got))
    return type(expected) is type(got) and expected == got


def flat_cells(tables: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """``{table: {row: {col: v}}}`` as ``{"table.row.col": v}``."""
    return {f"{t}.{r}.{c}": v for t, rows in tables.items() for r, cols in rows.items() for c, v in cols.items()}


def squash(s: str | None) -> str | None:
    """A string without whitespace, for titles printed with stray spaces."""
    return None if s is None else "".join(s.split())
