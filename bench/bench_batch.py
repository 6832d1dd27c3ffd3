"""Batch speed and memory: the corpus repeated to N documents, read by the CLI.

    python bench/bench_batch.py [--counts 500 2000] [--jobs 1 2]

For each count and --jobs value: wall time, documents per second, and the peak resident
memory of the parent and of the largest worker (from getrusage), writing JSON Lines to
/dev/null. The speed-up is jobs=2 over jobs=1 at the largest count.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import resource, sys, time
from gipextract.__main__ import main
t = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - t
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{wall} {own} {kids} {code}", file=sys.stderr)
"""


def documents() -> list[Path]:
    return sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".txt", ".html", ".docx", ".pdf")
                  and "tools" not in p.parts)


def run(count: int, jobs: int, folder: Path) -> tuple[float, int, int]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), "--format", "jsonl", "-o", os.devnull,
                          "--jobs", str(jobs), "--no-progress"], capture_output=True, text=True, cwd=ROOT)
    last = out.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]), int(last[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    docs = documents()
    results = {}
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for i in range(count):
                src = docs[i % len(docs)]
                os.symlink(src, folder / f"{i:05d}{src.suffix}")
            for jobs in args.jobs:
                wall, own_kb, kid_kb = run(count, jobs, folder)
                results[(count, jobs)] = wall
                print(f"{count:5d} docs  --jobs {jobs}: {wall:7.2f} s  {count / wall:7.1f} docs/s  "
                      f"peak RSS parent {own_kb / 1024:6.1f} MiB, largest worker {kid_kb / 1024:6.1f} MiB")
    top = max(args.counts)
    if (top, 1) in results and (top, 2) in results:
        print(f"speed-up --jobs 2 over --jobs 1 at {top} docs: {results[(top, 1)] / results[(top, 2)]:.2f}x "
              f"({len(docs)} distinct corpus documents, repeated)")


if __name__ == "__main__":
    main()
