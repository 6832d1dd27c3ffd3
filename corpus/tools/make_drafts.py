"""Write corpus/drafts/: drafts an office might pass to `gipextract check` (docs/guide.md).

``2023-draft-broken.txt`` is seed 001's hand-read grid (corpus/seeds/001_….expected.json) as a
cells-per-line text with （七）总计/自然人 raised by one (5 → 6): the column balance, the row
total and the results total all break, and that cell is the one they share.

    python corpus/tools/make_drafts.py
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gipextract import templates  # noqa: E402
from docwriters.text import render_text  # noqa: E402


def main() -> None:
    """Write the drafts."""
    expected = json.loads((ROOT / "corpus/seeds/001_91b930a4292c284b.expected.json").read_text(encoding="utf-8"))
    grid = {(t, r, c): (v if isinstance(v, int) else Decimal(v))
            for t, rows in expected["tables"].items() for r, cols in rows.items() for c, v in cols.items()}
    grid[("requests", "total", "natural_person")] += 1
    out = ROOT / "corpus/drafts"
    out.mkdir(exist_ok=True)
    text = render_text(templates.get("2021"), grid, "cells", unit="某某街道办事处", year=2023)
    (out / "2023-draft-broken.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
