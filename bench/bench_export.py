"""Export cost and size: the corpus's reports written N times in each format.

    python bench/bench_export.py [--copies 20]

Parses every corpus document once, then times writing the reports (repeated ``--copies``
times) as full JSON Lines, compact JSON Lines, CSV and XLSX, plus the Chinese message pass
(``messages.localize``) and ``Report.from_dict``; prints bytes per report and reports per second.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gipextract import parse  # noqa: E402
from gipextract.batch import Result  # noqa: E402
from gipextract.output.export import write_csv  # noqa: E402
from gipextract.messages import localize  # noqa: E402
from gipextract.report import Report  # noqa: E402


def main() -> None:
    """Run the benchmark and print one line per measure."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    args = ap.parse_args()
    reports = []
    for p in sorted((ROOT / "corpus").rglob("*")):
        if p.suffix in {".txt", ".html", ".docx", ".pdf"} and "drafts" not in p.parts:
            try:
                reports.append(parse(p))
            except Exception:
                pass
    batch = reports * args.copies
    n = len(batch)
    print(f"{len(reports)} corpus reports x {args.copies} = {n}")

    def timed(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        size = fn()
        dt = time.perf_counter() - t
        print(f"{name:<22} {n / dt:8.0f} reports/s" + (f"   {size / n:9.0f} bytes/report" if size else ""))

    timed("jsonl full", lambda: sum(len(json.dumps(r.to_dict(), ensure_ascii=False).encode()) + 1 for r in batch))
    timed("jsonl --compact", lambda: sum(len(json.dumps(r.to_dict(compact=True), ensure_ascii=False,
                                                       separators=(",", ":")).encode()) + 1 for r in batch))
    dicts = [r.to_dict() for r in batch]
    timed("Report.from_dict", lambda: [Report.from_dict(d) for d in dicts] and 0)
    timed("localize zh", lambda: [localize(r) for r in batch] and 0)

    def csv_size() -> int:
        buf = io.StringIO()
        for _ in write_csv((Result(r.source.path or "", report=r) for r in batch), buf):
            pass
        return len(buf.getvalue().encode())

    timed("csv", csv_size)
    try:
        from gipextract.output.xlsx import write_xlsx
    except ImportError:
        return
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "x.xlsx")

        def xlsx_size() -> int:
            for _ in write_xlsx((Result(r.source.path or "", report=r) for r in batch), target):
                pass
            return os.path.getsize(target)

        timed("xlsx", xlsx_size)


if __name__ == "__main__":
    main()
