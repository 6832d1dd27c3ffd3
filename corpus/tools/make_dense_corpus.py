"""Build corpus/dense/: reports where every row of both forms is non-zero, amounts carry six
decimals, and amounts are printed in 万元, 元 and 亿元. Run from the repository root:

    python corpus/tools/make_dense_corpus.py          # write the files
    python corpus/tools/make_dense_corpus.py --check  # compare with the files on disk

The real corpus is mostly zeros (eight table 三 rows are non-zero in at most 3 of 44 expected
files), so a reader that swapped two such rows would pass it. Here each grid is drawn from a
seeded ``random.Random`` with every cell non-zero (table 三's result rows 1-30 per applicant,
totals and the balance computed; table 四 1-9 per outcome), checked against every identity of
TEMPLATES.md, and written with the package's writers (laid out from their own description of
the form, corpus/tools/docwriters/forms.py). Each document's expected JSON is that grid: every
cell printed, so every status is ``ok``. An amount printed in 元 is the grid's 万元 value times
10 000, in 亿元 divided by 10 000: the reader must convert it back exactly.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from docwriters import render_html, render_text  # noqa: E402
from docwriters.docx import render_docx  # noqa: E402
from docwriters.forms import official_form  # noqa: E402
from make_docx_corpus import expected, identity_failures  # noqa: E402

OUT = ROOT / "corpus" / "dense"
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
NOT_RESULTS = ("new_received", "carried_over", "total", "carried_forward")
UNIT_SCALE = {"": Decimal(1), "万元": Decimal(1), "元": Decimal(10000), "亿元": Decimal("0.0001")}


def dense_grid(form_id: str, rng: random.Random) -> dict:
    """A grid with every cell non-zero that satisfies every identity; amounts with 6 decimals."""
    form = official_form(form_id)
    g: dict = {}
    pro = form.table("proactive")
    for r in pro.rows:
        for c in r.columns:
            kind = pro.column(c).kind
            if kind == "amount":
                g[("proactive", r.key, c)] = Decimal(rng.randint(10**6, 9 * 10**8)).scaleb(-6)
            elif kind == "signed":
                g[("proactive", r.key, c)] = rng.choice([-1, 1]) * rng.randint(1, 400)
            else:
                g[("proactive", r.key, c)] = rng.randint(1, 5000)
    results = [r.key for r in form.table("requests").rows if r.key not in NOT_RESULTS]
    for r in results:
        for a in APPLICANTS:
            g[("requests", r, a)] = rng.randint(1, 30)
    for a in APPLICANTS:
        total = sum(g[("requests", r, a)] for r in results)
        g[("requests", "total", a)] = total
        g[("requests", "carried_over", a)] = rng.randint(1, 9)
        g[("requests", "carried_forward", a)] = rng.randint(1, 9)
        g[("requests", "new_received", a)] = (total + g[("requests", "carried_forward", a)]
                                              - g[("requests", "carried_over", a)])
    for r in form.table("requests").rows:
        g[("requests", r.key, "total")] = sum(g[("requests", r.key, a)] for a in APPLICANTS)
    for grp in ("reconsideration", "litigation_direct", "litigation_after"):
        parts = [rng.randint(1, 9) for _ in range(4)]
        for o, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)
    assert all(v != 0 for v in g.values())
    assert not identity_failures(form, g), identity_failures(form, g)
    return g


def printed(grid: dict, unit: str) -> dict:
    """The grid as printed: amounts in ``unit`` (the suffix the writer puts after them)."""
    return {k: (v * UNIT_SCALE[unit] if isinstance(v, Decimal) else v) for k, v in grid.items()}


def documents() -> list[dict]:
    """Name, form, format, amount unit, grid and report metadata of every document."""
    docs = []
    plan = [("text", ""), ("html", "元"), ("docx", "亿元"), ("html", "亿元"), ("docx", "元"), ("text", "")]
    for form_id, seed0 in (("2021", 2100), ("2019", 1900)):
        for k, (fmt, unit) in enumerate(plan):
            rng = random.Random(seed0 + k)
            year = int(form_id) + 1 + k % 2
            name = f"{form_id}-{k + 1:02d}-{fmt}-{unit and {'元': 'yuan', '亿元': 'yiyuan'}[unit] or 'wanyuan'}"
            docs.append(dict(name=name, form=form_id, fmt=fmt, unit=unit, grid=dense_grid(form_id, rng),
                             report={"unit": "临江市密集区人民政府", "year": year,
                                     "title": f"临江市密集区人民政府{year}年政府信息公开工作年度报告",
                                     "published": None}))
    return docs


def build(doc: dict) -> tuple[bytes, bytes]:
    """(document bytes, expected JSON bytes)."""
    form = official_form(doc["form"])
    unit, year = doc["report"]["unit"], doc["report"]["year"]
    grid = printed(doc["grid"], doc["unit"])
    if doc["fmt"] == "text":
        data = render_text(form, grid, "tabs", unit=unit, year=year).encode("utf-8")
    elif doc["fmt"] == "html":
        data = render_html(form, grid, unit=unit, year=year, amount_suffix=doc["unit"])
    else:
        data = render_docx(form, grid, unit=unit, year=year, amount_suffix=doc["unit"], seed=7)
    notes = (f"Every cell non-zero; amounts with six decimals, printed in {doc['unit'] or '万元 (no unit)'} "
             "and given here in 万元. Written by corpus/tools/make_dense_corpus.py.")
    exp = expected(form, doc["grid"], doc["report"], [], notes)
    return data, (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


SUFFIX = {"text": ".txt", "html": ".html", "docx": ".docx"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare with the files on disk")
    args = ap.parse_args(argv)
    files = {}
    for doc in documents():
        data, exp = build(doc)
        files[doc["name"] + SUFFIX[doc["fmt"]]] = data
        files[doc["name"] + ".expected.json"] = exp
    if args.check:
        diff = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        print("differ:", diff or "none")
        return 1 if diff else 0
    OUT.mkdir(exist_ok=True)
    for n, b in files.items():
        (OUT / n).write_bytes(b)
    print(f"wrote {len(files)} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
