"""The placement search on documents built to have many uncertain rows.

    python bench/bench_placement.py [--rows K ...] [--seed S] [--json OUT]

A 2021-form report whose table 三 result rows each hold five non-zero applicant counts and
one zero printed blank (the ``dropped`` text style leaves no trace of it): every such row
then has up to six readings, and only the column identities across rows decide. The search
time (``solve.enumerate_row`` + ``solve.solve``) and the cells' statuses are printed for K
such rows; run before and after a change to the search and compare (statuses must match).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

from gipextract.place import readings as solve_mod  # noqa: E402
try:  # the joint search lives in its own module in newer code
    from gipextract.place import joint as solve_mod  # noqa: E402
    from gipextract import F811
except ImportError:
    pass
from gipextract import templates  # noqa: E402
from gipextract.api import parse  # noqa: E402
from gipextract.limits import Limits  # noqa: E402
from docwriters.text import render_text  # noqa: E402
from bench_slowest import SearchClock  # noqa: E402

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
FIXED = ("new_received", "carried_over", "total", "carried_forward")


def document(k: int, seed: int) -> bytes:
    """The text of a report with ``k`` uncertain result rows in table 三."""
    t = templates.get("2021")
    rng = random.Random(seed)
    grid: dict = {}
    for table in t.tables:
        for r in table.rows:
            for c in r.columns:
                grid[(table.key, r.key, c)] = 0 if table.column(c).kind != "amount" else __import__("decimal").Decimal(0)
    req = t.table("requests")
    results = [r.key for r in req.rows if r.key not in FIXED]
    blanks = set()
    for row in results[:k]:
        zero = rng.randrange(len(APPLICANTS))
        for j, a in enumerate(APPLICANTS):
            grid[("requests", row, a)] = 0 if j == zero else rng.randint(1, 9)
        blanks.add(("requests", row, APPLICANTS[zero]))
    for row in results:
        grid[("requests", row, "total")] = sum(grid[("requests", row, a)] for a in APPLICANTS)
    for a in APPLICANTS + ("total",):
        s = sum(grid[("requests", row, a)] for row in results)
        grid[("requests", "total", a)] = s
        grid[("requests", "new_received", a)] = s
    return render_text(t, grid, "dropped", blanks=blanks).encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="*", default=[2, 4, 6, 8, 10, 12, 14])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json")
    args = ap.parse_args()
    out = []
    for k in args.rows:
        data = document(k, args.seed)
        if hasattr(solve_mod, "_WORK"):
            solve_mod._WORK = []  # state extensions of each joint search (newer code only)
        with SearchClock() as clock:
            t = time.perf_counter()
            report = parse(data, name=f"placement_{k}.txt", limits=Limits(max_seconds=600))
            total = time.perf_counter() - t
        statuses = json.dumps([(c.ref, c.status, str(c.value), [str(x) for x in (c.candidates or ())])
                               for c in report.cells], ensure_ascii=False)
        digest = hashlib.sha256(statuses.encode()).hexdigest()[:12]
        counts = {s: sum(c.status == s for c in report.cells) for s in ("ok", "ambiguous", "missing", "inferred")}
        codes = sorted({f.code for f in report.findings})
        work = max(getattr(solve_mod, "_WORK", None) or [0])
        print(f"rows={k:3} search {clock.total * 1000:9.1f} ms  parse {total * 1000:9.1f} ms  work {work:9}  cells {counts}  "
              f"results {digest}  findings {codes}", flush=True)
        out.append({"rows": k, "search_s": clock.total, "parse_s": total, "digest": digest})
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
