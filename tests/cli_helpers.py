"""Shared helpers for the command-line tests: run the CLI, make a draft that breaks identities."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, ROOT

SEED0 = CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt"
SEED1 = CORPUS / "seeds" / "001_91b930a4292c284b.txt"
SEED2 = CORPUS / "seeds" / "002_d3904e969f46d18d.txt"
SEED3 = CORPUS / "seeds" / "003_9456aa479e8413ba.txt"


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
        text: bool = True) -> subprocess.CompletedProcess:
    """``python -m gipextract ARGS`` from the worktree root."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "gipextract", *args], capture_output=True, cwd=ROOT,
                          env=full_env, input=stdin if stdin is not None else None, text=text and stdin is None,
                          timeout=300)


def broken_draft(folder: Path, name: str = "draft.txt") -> Path:
    """Seed 001's grid as a cells-per-line text with （七）总计/自然人 raised from its printed
    value by 1: that cell sits in three identities (the column balance, the row total and
    the results total), so all three break and it is the one cell they share."""
    import json

    from gipextract import templates
    from docwriters.text import render_text

    expected = json.loads((CORPUS / "seeds" / "001_91b930a4292c284b.expected.json").read_text(encoding="utf-8"))
    grid = {}
    for table, rows in expected["tables"].items():
        for row, cols in rows.items():
            for col, v in cols.items():
                grid[(table, row, col)] = v if isinstance(v, int) else __import__("decimal").Decimal(v)
    grid[("requests", "total", "natural_person")] += 1
    path = folder / name
    path.write_text(render_text(templates.get("2021"), grid, "cells", unit="某某街道", year=2023), encoding="utf-8")
    return path
