"""OCR accuracy and cost over corpus/scans/ (needs the ``ocr`` extra).

For each scanned document: cells exact (value and status as expected), cells wrong,
cells flagged (named by a finding) and the silently wrong ones (value differs, status
``ok`` or ``empty``, no finding names the cell; goal 0 in every table); seconds per page (wall and CPU:
the machine may be shared) and the peak memory of the process; then the same per degradation
kind (the expected file's ``kind``: ``present`` for the first five scans) with the pictures
refused. A picture's expected file lists the rows it shows (``seen``); the cells of the
others are expected ``missing``. Run from the repository root, one engine thread:

    python bench/bench_ocr.py [NAME ...]           # corpus/scans/ and corpus/scans/varied/
    python bench/bench_ocr.py --present            # only the first five scans
    python bench/bench_ocr.py --varied             # only corpus/scans/varied/
    python bench/bench_ocr.py --peer     # also the real PDFs of ../shared/peer-samples, their
                                         # table pages rendered at 150 dpi as an image-only PDF

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
from gipextract.errors import GipExtractError
from gipextract.limits import Limits

SCANS = ROOT / "corpus" / "scans"
TABLES = {"proactive": "二", "requests": "三", "appeals": "四"}


def _same(want: object, got: object) -> bool:
    if want is None or got is None:
        return want is got
    return Decimal(str(want)) == Decimal(str(got))


PEER = ["huaian2024", "hzq2023", "hzq2024"]


def peer_scan(name: str) -> tuple[bytes, dict[str, object]]:
    """A real peer PDF's table pages as an image-only PDF (needs Pillow), and its expected file."""
    import io

    import pypdfium2 as pdfium

    expected = json.loads((ROOT / "corpus" / "peer" / f"{name}.expected.json").read_text(encoding="utf-8"))
    pdf = pdfium.PdfDocument(str(ROOT.parent / "shared" / "peer-samples" / expected["source"]))
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    first = next(i for i, t in enumerate(texts) if "主动公开政府信息情况" in t)
    last = next((i for i, t in enumerate(texts) if "存在的主要问题" in t and i >= first), len(texts) - 1)
    pages = [pdf[i].render(scale=150 / 72).to_pil().convert("L") for i in range(first, last + 1)]
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=150, save_all=True, append_images=pages[1:], quality=70)
    expected["pages"] = list(range(first + 1, last + 2))
    return buf.getvalue(), expected


def score(path: Path, verbose: bool) -> dict[str, object]:
    """Parse one scan and compare every cell with its expected file."""
    if path.parent.name == "peer":
        data, expected = peer_scan(path.name)
        source: object = data
    else:
        expected = json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text(encoding="utf-8"))
        source = path
    kind = expected.get("kind", "present")
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        report = parse(source, name=path.name, ocr=True, limits=Limits(max_seconds=900))
    except GipExtractError as e:  # a picture that shows a table refused: counted, every cell wrong
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        total = sum(len(cols) for rows in expected["tables"].values() for cols in rows.values())
        if verbose:
            print("    refused:", e.code, str(e)[:200])
        return {"name": path.name, "kind": kind, "pages": len(expected["pages"]), "seconds": seconds, "cpu": cpu,
                "exact": 0, "total": total, "wrong": total, "flagged": 0, "refused": 1,
                "silent": {"二": [], "三": [], "四": []}}
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = report.to_dict()
    named = {c for f in out["findings"] for c in f["cells"]}
    exact = total = flagged = 0
    wrong: list[str] = []
    silent: dict[str, list[str]] = {"二": [], "三": [], "四": []}
    for cell in out["cells"]:
        ref = f"{cell['table']}.{cell['row']}.{cell['column']}"
        want = expected["tables"][cell["table"]][cell["row"]][cell["column"]]
        status = expected["statuses"].get(ref, "ok")
        total += 1
        flagged += ref in named
        if _same(want, cell["value"]) and cell["status"] == status:
            exact += 1
            continue
        wrong.append(f"{ref}: want {want} ({status}) got {cell['value']} ({cell['status']})"
                     + ("" if ref in named else "  [not named]"))
        # A blank read where a value is printed is as silent as a misread number.
        if cell["status"] in ("ok", "empty") and not _same(want, cell["value"]) and ref not in named:
            silent[TABLES.get(cell["table"], cell["table"])].append(ref)
    if verbose:
        for w in wrong:
            print("   ", w)
    return {"name": path.name, "kind": kind, "pages": len(expected["pages"]), "seconds": seconds, "cpu": cpu,
            "exact": exact, "total": total, "wrong": len(wrong), "flagged": flagged, "refused": 0, "silent": silent}


def _paths(argv: list[str]) -> list[Path]:
    names = [a for a in argv if not a.startswith("-")]
    folders = [SCANS] if "--present" in argv else [SCANS / "varied"] if "--varied" in argv else [SCANS, SCANS / "varied"]
    return [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir())
            if p.suffix in (".pdf", ".png", ".jpg", ".tif") and (not names or any(n in p.name for n in names))]


def _line(label: str, rows: list[dict[str, object]]) -> str:
    exact = sum(r["exact"] for r in rows)  # type: ignore[misc]
    total = sum(r["total"] for r in rows)  # type: ignore[misc]
    pages = sum(r["pages"] for r in rows)  # type: ignore[misc]
    silent = sum(len(v) for r in rows for v in r["silent"].values())  # type: ignore[attr-defined]
    return (f"{label:14} {len(rows):3} docs {pages:3} pages  exact {exact:5}/{total:<5} ({100 * exact / max(1, total):6.2f} %)"
            f"  flagged {sum(r['flagged'] for r in rows):4}  silent {silent:3}  refused {sum(r['refused'] for r in rows)}"  # type: ignore[misc]
            f"  {sum(r['cpu'] for r in rows) / max(1, pages):5.1f} CPU-s/page")  # type: ignore[misc]


def main(argv: list[str]) -> None:
    """Score every scan (or those named) and print the totals, per document and per kind."""
    paths = _paths(argv)
    if "--peer" in argv:
        paths += [ROOT / "corpus" / "peer" / n for n in PEER]
    rows = []
    for p in paths:
        r = score(p, "-v" in argv)
        rows.append(r)
        s = r["silent"]
        print(f"{r['name']:36} {r['exact']:4}/{r['total']:<4} exact  wrong {r['wrong']:3}  flagged {r['flagged']:3}  "
              f"silent 三 {len(s['三'])} 四 {len(s['四'])} 二 {len(s['二'])}"
              + ("  REFUSED" if r["refused"] else "")
              + f"  {r['seconds'] / r['pages']:.1f} s/page ({r['cpu'] / r['pages']:.1f} CPU-s)", flush=True)
    print("per degradation kind:")
    for kind in sorted({r["kind"] for r in rows}):
        print("  " + _line(kind, [r for r in rows if r["kind"] == kind]))
    pages = sum(r["pages"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("  " + _line("all", rows))
    print(f"{seconds / max(1, pages):.1f} s/page wall over {pages} pages, peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
