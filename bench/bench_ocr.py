"""OCR accuracy and cost over corpus/scans/ (needs the ``ocr`` extra).

For each scanned document: cells exact (value and status as expected), cells wrong,
and the silently wrong ones (value differs, status ``ok``, no finding names the cell)
in tables 三 and 四 (goal 0) and overall; seconds per page (wall and CPU: the machine may be
shared) and the peak memory of the process. Run from the repository root, one engine thread:

    python bench/bench_ocr.py [NAME ...]

``GIPEXTRACT_OCR_CACHE=/tmp/ocr-cache`` reuses recognition results between runs (then the
timings measure everything but the recogniser).
"""
from __future__ import annotations

import json
import resource
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipextract import parse
from gipextract.limits import Limits

SCANS = ROOT / "corpus" / "scans"
TABLES = {"proactive": "二", "requests": "三", "appeals": "四"}


def _same(want: object, got: object) -> bool:
    if want is None or got is None:
        return want is got
    return Decimal(str(want)) == Decimal(str(got))


def score(path: Path, verbose: bool) -> dict[str, object]:
    """Parse one scan and compare every cell with its expected file."""
    expected = json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text(encoding="utf-8"))
    t0, c0 = time.perf_counter(), time.process_time()
    report = parse(path, ocr=True, limits=Limits(max_seconds=600))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = report.to_dict()
    flagged = {c for f in out["findings"] for c in f["cells"]}
    exact = total = 0
    wrong: list[str] = []
    silent: dict[str, list[str]] = {"二": [], "三": [], "四": []}
    for cell in out["cells"]:
        ref = f"{cell['table']}.{cell['row']}.{cell['column']}"
        want = expected["tables"][cell["table"]][cell["row"]][cell["column"]]
        status = expected["statuses"].get(ref, "ok")
        total += 1
        if _same(want, cell["value"]) and cell["status"] == status:
            exact += 1
            continue
        wrong.append(f"{ref}: want {want} ({status}) got {cell['value']} ({cell['status']})")
        if cell["status"] == "ok" and not _same(want, cell["value"]) and ref not in flagged:
            silent[TABLES.get(cell["table"], cell["table"])].append(ref)
    if verbose:
        for w in wrong:
            print("   ", w)
    return {"name": path.name, "pages": len(expected["pages"]), "seconds": seconds, "cpu": cpu, "exact": exact,
            "total": total, "wrong": len(wrong), "silent": silent}


def main(argv: list[str]) -> None:
    """Score every scan (or those named) and print the totals."""
    names = [a for a in argv if not a.startswith("-")]
    paths = sorted(p for p in SCANS.iterdir() if p.suffix in (".pdf", ".png", ".jpg", ".tif")
                   and (not names or any(n in p.name for n in names)))
    rows = [score(p, "-v" in argv) for p in paths]
    for r in rows:
        s = r["silent"]
        print(f"{r['name']:28} {r['exact']:4}/{r['total']:<4} exact  wrong {r['wrong']:3}  silent 三 {len(s['三'])} "
              f"四 {len(s['四'])} 二 {len(s['二'])}  {r['seconds'] / r['pages']:.1f} s/page "
              f"({r['cpu'] / r['pages']:.1f} CPU-s)")
    exact = sum(r["exact"] for r in rows)
    total = sum(r["total"] for r in rows)
    pages = sum(r["pages"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    cpu = sum(r["cpu"] for r in rows)
    silent34 = sum(len(r["silent"]["三"]) + len(r["silent"]["四"]) for r in rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"all: {exact}/{total} cells exact ({100 * exact / max(1, total):.2f} %), silently wrong in 三/四: {silent34}, "
          f"{seconds / max(1, pages):.1f} s/page ({cpu / max(1, pages):.1f} CPU-s) over {pages} pages, "
          f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
