"""PDF speed: median ``parse`` time per real PDF, and the ratio to pdfplumber reading the text.

    python bench/bench_pdf.py [--repeat N]

The reference is ``pdfplumber.open(p)`` + ``page.extract_text()`` on every page of the
same file (text only, no tables). Real PDFs are read from ../shared/peer-samples; PDFs
under corpus/pdf are timed too when present.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "peer-samples"


def timed(fn, repeat: int) -> float:
    fn()
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    finally:
        gc.enable()
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    import pdfplumber

    from gipextract import parse

    pdfs = [SHARED / "KIROGOVCOMPARE" / "hzq2023_working.pdf", SHARED / "KIROGOVCOMPARE" / "hzq2024_working.pdf",
            SHARED / "govnianbao" / "szfgs2024.pdf"]
    pdfs = [p for p in pdfs if p.exists()] + sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    ratios = []
    for p in pdfs:
        ours = timed(lambda: parse(p), args.repeat)

        def plumber() -> None:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()

        ref = timed(plumber, max(3, args.repeat // 3))
        with pdfplumber.open(p) as pdf:
            pages = len(pdf.pages)
        ratios.append(ours / ref)
        print(f"{ours * 1000:8.1f} ms  pdfplumber text {ref * 1000:8.1f} ms  ratio {ours / ref:5.2f}  "
              f"{pages} pp  {p.name}")
    if ratios:
        print(f"median ratio parse / pdfplumber-text: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
