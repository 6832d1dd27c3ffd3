"""Shared test helpers: where the corpus and ../shared live, and how results are compared."""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
# The test-document writers live with the corpus tools that use them (corpus/tools/docwriters).
sys.path.insert(0, str(CORPUS / "tools"))


_READINGS: dict[Path, Any] = {}


def reading(path: Path) -> Any:
    """``parse(path)`` once per session: the report, or the GipExtractError it raised.

    The corpus-wide tests (messages, exports, metadata, compliance, provenance, generated
    documents, tool outputs, sparse tables) read the same documents, each for checks of its
    own, and a report is frozen, so one reading serves them all (each document was read up
    to six times a run). The time limit is lifted so that a loaded machine cannot turn a slow
    document into an error in one test and not in another."""
    key = path.resolve()
    if key not in _READINGS:
        from gipextract import GipExtractError, Limits, parse

        try:
            _READINGS[key] = parse(path, limits=Limits(max_seconds=600.0))
        except GipExtractError as e:
            _READINGS[key] = e
    return _READINGS[key]


def parsed(path: Path) -> Any:
    """The session's report of ``path``; raises its error as ``parse`` does."""
    got = reading(path)
    if isinstance(got, BaseException):
        raise got
    return got


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


def assert_matches_expected(out: dict[str, Any], expected: dict[str, Any]) -> None:
    """A report's dict equals a hand-read expected file: template, metadata, every cell's
    value and status (non-ok statuses and candidates as listed), each ok cell sourced."""
    assert out["template"] == expected["template"]
    for key in ("unit", "year", "published"):
        assert out["report"][key] == expected["report"][key], key
    assert squash(out["report"]["title"]) == squash(expected["report"]["title"])
    want = flat_cells(expected["tables"])
    got = flat_cells(out["tables"])
    assert set(got) == set(want)
    assert {k: (want[k], got[k]) for k in want if not same_value(want[k], got[k])} == {}
    for cell in out["cells"]:
        ref = f"{cell['table']}.{cell['row']}.{cell['column']}"
        assert cell["status"] == expected["statuses"].get(ref, "ok"), ref
        if cell["status"] == "ambiguous":
            assert cell["candidates"] == expected["candidates"][ref], ref
        if cell["status"] == "ok":
            src = cell["source"]
            if out["source"]["format"] == "pdf":
                assert src["page"] >= 1 and len(src["bbox"]) == 4, ref
            elif out["source"]["format"] == "text":
                assert src["line"] >= 1, ref
            else:
                assert {"table", "row", "col"} <= set(src), ref


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The hostile inputs run up to their time limit each by design: ``slow`` for the quick
    developer run (``-m "not slow"``); CI runs them with everything else."""
    for item in items:
        if item.path.name == "test_hostile.py":
            item.add_marker(pytest.mark.slow)
