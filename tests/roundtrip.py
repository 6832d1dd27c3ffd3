"""What a round trip must give back: every cell, none missing, exactly the oracle's ambiguity."""
from __future__ import annotations

import re
from typing import Collection

from docwriters import form_rows
from placement_oracle import Ref, undecidable


def printed_rows(template, grid, dropped: Collection[Ref] = ()) -> dict:
    """Each row's printed values (as printed) in order, the ``dropped`` cells left out."""
    rows: dict = {}
    for sec in form_rows(template, grid):
        for row in sec.rows:
            for item in row:
                if item.is_value:
                    cells = rows.setdefault(item.ref[:2], [])
                    if item.ref not in dropped:
                        cells.append(item.text)
    return rows


def fused_runs(template, grid, spaces: Collection[int], appeal_header: int = 0) -> dict:
    """Each row's digit runs on a fused page: the writer keeps a space after item ``p % n``
    (n items in all, headings and labels counted) for each ``p`` in ``spaces``."""
    sections = list(form_rows(template, grid, appeal_header))
    n = sum(1 + sum(len(r) for r in sec.rows) for sec in sections)
    keep = {p % n for p in spaces}
    runs: dict = {}
    k = 0
    for sec in sections:
        k += 1
        for row in sec.rows:
            current = ""
            for item in row:
                if item.is_value:
                    cells = runs.setdefault(item.ref[:2], [])
                    current += item.text
                    if k in keep and current:
                        cells.append(current)
                        current = ""
                elif current:
                    raise AssertionError("a label after a value inside one row")
                k += 1
            if current:
                runs[row[-1].ref[:2]].append(current)
    # a '-' starts a number: the reader cuts a run there as surely as at a space
    return {k: [p for r in v for p in re.split(r"(?=-)", r) if p] for k, v in runs.items()}


def check_round_trip(report, grid, blanks: Collection[Ref], expected_ambiguous: dict) -> None:
    """Every cell of ``grid`` is read back: none ``missing``; ``ambiguous`` exactly where the
    oracle finds the page undecidable, with the oracle's candidates; all others the true
    value (type included); a ``blanks`` cell never ``ok``; no identity finding."""
    cells = {(c.table, c.row, c.column): c for c in report.cells}
    assert set(cells) == set(grid)
    assert [r for r, c in cells.items() if c.status == "missing"] == []
    got = {r: sorted(c.candidates) for r, c in cells.items() if c.status == "ambiguous"}
    differ = {r: (got.get(r), expected_ambiguous.get(r)) for r in set(got) | set(expected_ambiguous)
              if got.get(r) != expected_ambiguous.get(r)}
    assert not differ, ("ambiguous (read, oracle)", differ, len(got), len(expected_ambiguous))
    for ref, cell in cells.items():
        truth = grid[ref]
        if cell.status != "ambiguous":
            assert cell.value == truth and type(cell.value) is type(truth), (ref, truth, cell.value, cell.status)
        if ref in blanks:
            assert cell.status != "ok", ref
    assert not [f for f in report.findings if f.code == "identity"], [f.message for f in report.findings]


__all__ = ["check_round_trip", "fused_runs", "printed_rows", "undecidable"]
