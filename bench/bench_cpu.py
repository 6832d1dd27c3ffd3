"""Per-format median CPU time of ``parse`` over the corpus, for before/after comparisons.

    python bench/bench_cpu.py [--repeat N] [--code DIR] [--skip-layout]

Wall-clock medians (``bench_parse.py``) swing by 2x when other jobs share the machine's
cores; the process's own CPU time (``time.process_time``) barely moves, so a change's cost
shows through. ``--code DIR`` imports gipextract from another checkout (e.g. an unpacked
``git archive`` of the base commit) while reading this tree's corpus, so both versions
are timed on the same documents. Prints the median per document and per format.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def corpus_documents(skip_layout: bool) -> list[Path]:
    docs = sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file() and p.suffix in FORMATS)
    if skip_layout:
        docs = [d for d in docs if d.parent.name != "layout"]
    docs += sorted((ROOT.parent / "shared" / "peer-samples" / "pingtan-gov-zwgk-archive").glob("*/page.txt"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--code", help="directory holding the gipextract package to time (default: this tree)")
    ap.add_argument("--skip-layout", action="store_true", help="leave out corpus/layout/")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve() if args.code else ROOT))
    from gipextract import GipExtractError, parse

    per_format: dict[str, list[float]] = {}
    for doc in corpus_documents(args.skip_layout):
        data = doc.read_bytes()
        times = []
        for k in range(args.repeat + 1):
            gc.collect()
            gc.disable()
            t = time.process_time()
            try:
                parse(data, name=doc.name)
            except GipExtractError:
                pass  # pages without report tables are timed too
            finally:
                spent = time.process_time() - t
                gc.enable()
            if k:  # the first run warms caches
                times.append(spent)
        med = statistics.median(times)
        per_format.setdefault(FORMATS[doc.suffix], []).append(med)
        print(f"{med * 1000:8.2f} ms cpu  {doc.relative_to(doc.parents[2])}")
    for fmt, meds in sorted(per_format.items()):
        print(f"{fmt:5s}: {len(meds):3d} documents, median {statistics.median(meds) * 1000:.2f} ms cpu")


if __name__ == "__main__":
    main()
