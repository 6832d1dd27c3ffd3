"""HTML speed: median ``parse`` time per portal page and the ratio to ``lxml.html``
alone parsing the same bytes (``lxml.html.document_fromstring``).

    python bench/bench_html.py [--repeat N]

Each round runs ``parse`` and then ``lxml.html`` on the same bytes; the ratio is the median
of the per-round ratios, which this noisy machine disturbs less than a ratio of medians.

Times every corpus page and a ~100 KB page (chrome, Word markup, long prose) rendered by
the page writer, the size of a real portal article.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))


def paired(ours, ref, repeat: int) -> tuple[float, float, float]:
    """Median times of ``ours`` and ``ref`` and the median of their per-round ratios. The two
    run alternately, so that a slow spell of this machine hits both sides alike."""
    import gc
    import time

    ours(), ref()
    a, b = [], []
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            ours()
            a.append(time.perf_counter() - t)
            t = time.perf_counter()
            ref()
            b.append(time.perf_counter() - t)
    finally:
        gc.enable()
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b))


def big_page() -> bytes:
    from gipextract import templates
    from docwriters.html import render_html

    tables = json.loads((ROOT / "corpus" / "seeds" / "001_91b930a4292c284b.expected.json").read_text("utf-8"))["tables"]
    grid = {(t, r, c): (Decimal(v) if isinstance(v, str) else v)
            for t, rows in tables.items() for r, cols in rows.items() for c, v in cols.items()}
    prose = "我单位坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。" * 60
    return render_html(templates.get("2021"), grid, chrome=True, word_markup=True, layout_table=True,
                       prose_extra=prose)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    import lxml.html

    from gipextract import GipExtractError, parse

    pages = [(p.name, p.read_bytes()) for p in sorted((ROOT / "corpus" / "html").glob("*.html"))]
    pages.append(("generated-100KB.html", big_page()))
    rows = []
    for name, data in pages:
        def ours() -> None:
            try:
                parse(data, name=name)
            except GipExtractError:
                pass
        t, ref, ratio = paired(ours, lambda: lxml.html.document_fromstring(data), args.repeat)
        rows.append((name, len(data), t, ref, ratio))
        print(f"{t * 1000:7.2f} ms  lxml {ref * 1000:6.2f} ms  ratio {ratio:5.1f}  {len(data) // 1024:4d} KB  {name}")
    big = rows[-1]
    print(f"median over {len(rows)} pages: {statistics.median(r[2] for r in rows) * 1000:.2f} ms, "
          f"ratio {statistics.median(r[4] for r in rows):.1f}; "
          f"~100 KB page: {big[2] * 1000:.2f} ms, {big[4]:.1f}x lxml ({big[1] // 1024} KB)")


if __name__ == "__main__":
    main()
