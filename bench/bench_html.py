"""HTML speed: median ``parse`` time per portal page and the ratio to ``lxml.html``
alone parsing the same bytes (``lxml.html.document_fromstring``).

    python bench/bench_html.py [--repeat N]

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
from bench_pdf import timed  # noqa: E402


def big_page() -> bytes:
    from gipextract import templates
    from gipextract.writers.html import render_html

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
        t = timed(ours, args.repeat)
        ref = timed(lambda: lxml.html.document_fromstring(data), args.repeat)
        rows.append((name, len(data), t, ref))
        print(f"{t * 1000:7.2f} ms  lxml {ref * 1000:6.2f} ms  ratio {t / ref:5.1f}  {len(data) // 1024:4d} KB  {name}")
    big = rows[-1]
    print(f"median over {len(rows)} pages: {statistics.median(r[2] for r in rows) * 1000:.2f} ms, "
          f"ratio {statistics.median(r[2] / r[3] for r in rows):.1f}; "
          f"~100 KB page: {big[2] * 1000:.2f} ms, {big[2] / big[3]:.1f}x lxml ({big[1] // 1024} KB)")


if __name__ == "__main__":
    main()
