"""DOCX speed: median ``parse`` time per corpus DOCX and the ratio to python-docx's
``Document()`` load of the same file (load only, no text access).

    python bench/bench_docx.py [--repeat N]
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_pdf import timed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    import docx

    from gipextract import parse

    rows = []
    for p in sorted((ROOT / "corpus" / "docx").glob("*.docx")):
        data = p.read_bytes()
        ours = timed(lambda: parse(data, name=p.name), args.repeat)
        load = timed(lambda: docx.Document(io.BytesIO(data)), args.repeat)
        rows.append((p.name, ours, load))
        print(f"{ours * 1000:7.2f} ms  Document() {load * 1000:7.2f} ms  ratio {ours / load:4.2f}  "
              f"{len(data) // 1024:4d} KB  {p.name}")
    if rows:
        print(f"median parse {statistics.median(r[1] for r in rows) * 1000:.2f} ms; "
              f"median ratio parse / Document(): {statistics.median(r[1] / r[2] for r in rows):.2f}")


if __name__ == "__main__":
    main()
