"""Slowest document over the median, per format, and the placement search's share.

    python bench/bench_slowest.py [--repeat N] [--json OUT] [--code DIR]

For every corpus document (and the shared peer samples when present) the best parse
time of N runs (the minimum: on a shared machine the least disturbed run); per format the median, the slowest and their ratio (goal: at most 3x);
and, on the document where the placement search (solve.enumerate_row + solve.solve) takes
longest, that search time. Run it before and after a change to compare.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --code DIR: time another checkout's package (e.g. the code before a change, exported with
# `git archive`) on this checkout's documents.
_code = sys.argv[sys.argv.index("--code") + 1] if "--code" in sys.argv else str(ROOT)
sys.path.insert(0, _code)

from gipextract import GipExtractError, parse  # noqa: E402
from gipextract.place import joint, readings_step  # noqa: E402

# The placement search's two entry points, where the steps call them: every row's readings
# (readings_step.enumerate_row) and the table's joint search (joint.solve).
SEARCH = ((readings_step, "enumerate_row"), (joint, "solve"))

SUFFIX_FORMAT = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def documents() -> list[Path]:
    """Corpus files of every format, plus the shared peer samples if they are there."""
    docs = sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file() and p.suffix in SUFFIX_FORMAT
                  and "tools" not in p.parts)
    shared = ROOT.parent / "shared" / "peer-samples"
    if shared.is_dir():
        docs += sorted(p for p in shared.rglob("*") if p.is_file() and p.suffix in SUFFIX_FORMAT)
    return docs


class SearchClock:
    """Wraps the placement search's entry points (``SEARCH``) and sums their time."""

    def __init__(self) -> None:
        self.total = 0.0
        self._saved = [getattr(m, name) for m, name in SEARCH]

    def _wrap(self, fn):  # type: ignore[no-untyped-def]
        def timed(*a, **k):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                self.total += time.perf_counter() - t
        return timed

    def __enter__(self) -> "SearchClock":
        for (m, name), fn in zip(SEARCH, self._saved):
            setattr(m, name, self._wrap(fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for (m, name), fn in zip(SEARCH, self._saved):
            setattr(m, name, fn)


def measure(path: Path, repeat: int) -> tuple[float, float]:
    """Best parse time and best placement-search time of one document, in seconds."""
    parse_t, search_t = [], []
    for _ in range(repeat):
        with SearchClock() as clock:
            t = time.perf_counter()
            try:
                parse(path)
            except GipExtractError:
                pass
            parse_t.append(time.perf_counter() - t)
        search_t.append(clock.total)
    return min(parse_t), min(search_t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--code", help="directory holding the gipextract package to time")
    args = ap.parse_args()
    rows = []
    for p in documents():
        pt, st = measure(p, args.repeat)
        rows.append({"doc": str(p.relative_to(ROOT.parent) if ROOT.parent in p.parents else p),
                     "format": SUFFIX_FORMAT[p.suffix], "parse_s": pt, "search_s": st})
    print(f"{'format':6} {'docs':>4} {'median ms':>10} {'slowest ms':>11} {'ratio':>6}  slowest document")
    for fmt in ("text", "html", "docx", "pdf"):
        sub = [r for r in rows if r["format"] == fmt]
        if not sub:
            continue
        med = statistics.median(r["parse_s"] for r in sub)
        worst = max(sub, key=lambda r: r["parse_s"])
        print(f"{fmt:6} {len(sub):4} {med * 1000:10.1f} {worst['parse_s'] * 1000:11.1f} "
              f"{worst['parse_s'] / med:6.1f}  {worst['doc']}")
    worst = max(rows, key=lambda r: r["search_s"])
    med_search = statistics.median(r["search_s"] for r in rows)
    print(f"placement search: median {med_search * 1000:.2f} ms; slowest {worst['search_s'] * 1000:.1f} ms "
          f"({worst['doc']}, parse {worst['parse_s'] * 1000:.1f} ms)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
