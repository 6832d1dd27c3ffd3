"""Time ``parse`` on every corpus document, and the import time of gipextract.

    python bench/bench_parse.py [--repeat N]

Prints the median per document (warm, in-process, garbage collector paused as timeit does) and the cold import time measured in
a fresh interpreter, plus whether parsing text imported pdfplumber.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_documents() -> list[Path]:
    docs = sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm", ".docx", ".pdf"))
    shared = ROOT.parent / "shared" / "peer-samples" / "pingtan-gov-zwgk-archive"
    docs += sorted(shared.glob("*/page.txt"))
    return docs


def import_time() -> tuple[float, bool]:
    code = ("import time,sys; t=time.perf_counter(); import gipextract; d=time.perf_counter()-t; "
            "gipextract.parse(sys.argv[1]); print(d, 'pdfplumber' in sys.modules or 'docx' in sys.modules)")
    sample = str(ROOT / "corpus" / "seeds" / "000_c5799cdcd1c8417a.txt")
    runs = []
    heavy = False
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code, sample], capture_output=True, text=True, cwd=ROOT, check=True)
        secs, loaded = out.stdout.split()
        runs.append(float(secs))
        heavy = heavy or loaded == "True"
    return statistics.median(runs), heavy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    from gipextract import GipExtractError
    from gipextract import parse as _parse

    def parse(data: bytes, name: str) -> None:
        try:
            _parse(data, name=name)
        except GipExtractError:
            pass  # pages without report tables are timed too

    rows = []
    for doc in corpus_documents():
        data = doc.read_bytes()
        parse(data, name=doc.name)  # warm caches (compiled patterns, templates)
        times = []
        gc.collect()
        gc.disable()  # as timeit does: the figure is parse's own work, not a collector pause it happens to meet
        try:
            for _ in range(args.repeat):
                t = time.perf_counter()
                parse(data, name=doc.name)
                times.append(time.perf_counter() - t)
        finally:
            gc.enable()
        rows.append((doc, statistics.median(times), min(times)))
    for doc, med, best in rows:
        name = doc.relative_to(doc.parents[2]) if "shared" in doc.parts else doc.relative_to(ROOT)
        print(f"{med * 1000:8.2f} ms median {best * 1000:8.2f} ms best  {name}")
    seeds = [(m, b) for d, m, b in rows if d.parent.name == "seeds"]
    print(f"median over {len(rows)} documents: {statistics.median(m for _, m, _ in rows) * 1000:.2f} ms; "
          f"seed texts: median {statistics.median(m for m, _ in seeds) * 1000:.2f} ms, "
          f"best {min(b for _, b in seeds) * 1000:.2f} ms")
    imp, heavy = import_time()
    print(f"import gipextract (cold, median of 5): {imp * 1000:.1f} ms; "
          f"pdfplumber/docx imported while parsing text: {heavy}")


if __name__ == "__main__":
    main()
