"""Build corpus/docx/: filled annual reports as Word files, each with its expected result.

Run from the repository root:

    python corpus/tools/make_docx_corpus.py

Deterministic: fixed seeds, fixed package timestamps and core properties, so two runs write
byte-identical files (``--check`` rebuilds in memory and compares with what is on disk).
Uses only the standard library, python-docx/lxml (through ``docwriters.docx``) and
``gipextract.templates`` / ``docwriters.layout``; nothing under ../shared.

The grids are either a seed document's values (corpus/seeds/*.expected.json) or random but
valid grids from a seeded ``random.Random``. Every grid is checked here against the identities
of shared/spec/TEMPLATES.md (hand-coded below, independently of gipextract's identity code, and
again through the template's own identity list) before anything is written.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gipextract.templates import Template, get  # noqa: E402
from docwriters.docx import render_docx  # noqa: E402
from docwriters.layout import show  # noqa: E402

OUT = ROOT / "corpus" / "docx"
SEEDS = ROOT / "corpus" / "seeds"

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
REQ_COLS = APPLICANTS + ["total"]
EDGE_ROWS = ("new_received", "carried_over", "total", "carried_forward")
GROUPS = ["reconsideration", "litigation_direct", "litigation_after"]
OUTCOMES = ["upheld", "corrected", "other", "pending"]


# ------------------------------------------------------------------------------------------
# Identities (TEMPLATES.md), hand-coded.

def identity_failures(template: Template, grid: dict) -> list[str]:
    """Every identity of TEMPLATES.md that ``grid`` breaks (empty list: all hold)."""
    bad = []
    keys = set(template.cell_keys())
    if set(grid) != keys:
        bad.append(f"cells differ from the template: {sorted(set(grid) ^ keys)[:3]}")
        return bad
    req = template.table("requests")
    results = [r.key for r in req.rows if r.key not in EDGE_ROWS]
    q = lambda r, c: grid[("requests", r, c)]  # noqa: E731
    for r in req.rows:
        if q(r.key, "total") != sum(q(r.key, a) for a in APPLICANTS):
            bad.append(f"requests.{r.key}: total != sum of applicants")
    for c in REQ_COLS:
        if q("new_received", c) + q("carried_over", c) != q("total", c) + q("carried_forward", c):
            bad.append(f"requests column {c}: new_received + carried_over != total + carried_forward")
        if q("total", c) != sum(q(r, c) for r in results):
            bad.append(f"requests column {c}: total row != sum of result rows")
    for g in GROUPS:
        if grid[("appeals", "all", f"{g}.total")] != sum(grid[("appeals", "all", f"{g}.{o}")] for o in OUTCOMES):
            bad.append(f"appeals {g}: total != upheld + corrected + other + pending")
    pro = template.table("proactive")
    for (t, r, c), v in grid.items():
        kind = pro.column(c).kind if t == "proactive" else "count"
        if kind == "amount":
            if not isinstance(v, Decimal) or v < 0:
                bad.append(f"{t}.{r}.{c}: amount {v!r} is not a non-negative Decimal")
        elif not isinstance(v, int) or isinstance(v, bool) or (kind == "count" and v < 0):
            bad.append(f"{t}.{r}.{c}: {v!r} is not a valid {kind}")
    # The same again through the template's own identity list (form2021.json / form2019.json).
    for ident in template.identities:
        table = template.table(ident.table)
        if ident.over == "columns":
            for c in REQ_COLS:
                left = sum(grid[(ident.table, r, c)] for r in ident.left)
                right = sum(grid[(ident.table, r, c)] for r in ident.right)
                if left != right:
                    bad.append(f"{ident.id} fails in column {c}")
        else:
            for row in table.rows:
                if all(c in row.columns for c in ident.left + ident.right):
                    left = sum(grid[(ident.table, row.key, c)] for c in ident.left)
                    right = sum(grid[(ident.table, row.key, c)] for c in ident.right)
                    if left != right:
                        bad.append(f"{ident.id} fails in row {row.key}")
    return bad


# ------------------------------------------------------------------------------------------
# Grids.

def seed_grid(stem: str, template: Template, fill: dict | None = None) -> dict:
    """The grid of a seed's expected file; ``fill`` gives values for its null cells."""
    data = json.loads((SEEDS / f"{stem}.expected.json").read_text(encoding="utf-8"))
    assert data["template"] == template.id
    fill = fill or {}
    grid = {}
    for t, r, c in template.cell_keys():
        v = data["tables"][t][r][c]
        if v is None:
            v = fill[(t, r, c)]
        grid[(t, r, c)] = Decimal(v) if isinstance(v, str) else v
    missing = [k for k in fill if data["tables"][k[0]][k[1]][k[2]] is not None]
    assert not missing, f"fill given for cells the seed already knows: {missing}"
    return grid


def _amount(rng: random.Random, places: int = 2, top: int = 3_000_000) -> Decimal:
    if rng.random() < 0.3:
        return Decimal(0)
    return Decimal(rng.randrange(1, top)).scaleb(-places)


def _count(rng: random.Random, p_zero: float, small: int, big: int | None = None) -> int:
    x = rng.random()
    if x < p_zero:
        return 0
    if big is None or x < p_zero + (1 - p_zero) * 0.6:
        return rng.randint(1, small)
    return rng.randint(small + 1, big)


# How often each result row is used, per application (a rough picture of real reports).
ROW_WEIGHT = {"granted": 0.7, "partially_granted": 0.35, "unavailable.not_held": 0.4,
              "unavailable.needs_creation": 0.1, "unavailable.unclear_after_correction": 0.08,
              "not_processed.complaint": 0.12, "not_processed.duplicate": 0.1,
              "denied.third_party_rights": 0.08, "denied.process_information": 0.08,
              "denied.internal_affairs": 0.06, "other.no_correction": 0.1, "other.other": 0.1, "other": 0.15}
APPLICANT_WEIGHT = {"natural_person": 1.0, "commercial": 0.35, "research": 0.05, "social_welfare": 0.05,
                    "legal_service": 0.12, "other_org": 0.08}


def random_grid(template: Template, rng: random.Random, busy: float = 1.0) -> dict:
    """A realistic grid (small counts, many zeros) that satisfies every identity."""
    g: dict = {}
    pro = template.table("proactive")
    for row in pro.rows:
        cols = row.columns
        for c in cols:
            kind = pro.column(c).kind
            if kind == "amount":
                g[("proactive", row.key, c)] = _amount(rng, rng.choice((2, 2, 2, 4, 6)) if row.key == "procurement"
                                                       else 2)
            elif kind == "signed":
                g[("proactive", row.key, c)] = rng.choice((0, 0, 0, rng.randint(-12, -1), rng.randint(1, 25)))
            else:
                g[("proactive", row.key, c)] = 0
        if row.key in ("regulations", "normative_documents"):
            active = row.key == "normative_documents" or rng.random() < 0.25
            if not active:
                continue
            if template.id == "2021":
                issued, repealed = rng.randint(0, 18), rng.randint(0, 12)
                g[("proactive", row.key, "issued")] = issued
                g[("proactive", row.key, "repealed")] = repealed
                g[("proactive", row.key, "in_force")] = issued + rng.randint(0, 220)
            else:
                made = rng.randint(0, 15)
                g[("proactive", row.key, "made")] = made
                g[("proactive", row.key, "published")] = max(0, made - rng.choice((0, 0, 1)))
                g[("proactive", row.key, "total_published")] = made + rng.randint(0, 300)
        elif "decisions" in cols:
            big = {"licensing": 80000, "penalty": 250000, "coercion": 12000, "other_services": 20000}[row.key]
            g[("proactive", row.key, "decisions")] = _count(rng, 0.35, 60, big)
        if "previous_items" in cols:
            prev = _count(rng, 0.3, 40, 400)
            g[("proactive", row.key, "previous_items")] = prev
            change = g[("proactive", row.key, "change")]
            if prev + change < 0:
                g[("proactive", row.key, "change")] = -prev
        if "items" in cols:
            g[("proactive", row.key, "items")] = _count(rng, 0.3, 90)
            if g[("proactive", row.key, "items")] == 0:
                g[("proactive", row.key, "amount")] = Decimal(0)
    req = template.table("requests")
    results = [r.key for r in req.rows if r.key not in EDGE_ROWS]
    totals = dict.fromkeys(APPLICANTS, 0)
    for row in results:
        for a in APPLICANTS:
            p = ROW_WEIGHT.get(row, 0.02) * APPLICANT_WEIGHT[a] * busy
            v = 0
            if rng.random() < min(p, 0.95):
                v = rng.randint(1, 4) if a != "natural_person" else rng.choice((1, 2, 3, 5, 8, 13, 21, 40))
            g[("requests", row, a)] = v
            totals[a] += v
        g[("requests", row, "total")] = sum(g[("requests", row, a)] for a in APPLICANTS)
    for a in APPLICANTS:
        g[("requests", "total", a)] = totals[a]
        carried_over = rng.choice((0, 0, 0, 1, 2)) if totals[a] else 0
        forward = rng.choice((0, 0, 0, 1, 3)) if totals[a] or carried_over else 0
        carried_over = min(carried_over, totals[a] + forward)
        g[("requests", "carried_over", a)] = carried_over
        g[("requests", "carried_forward", a)] = forward
        g[("requests", "new_received", a)] = totals[a] + forward - carried_over
    for row in EDGE_ROWS:
        g[("requests", row, "total")] = sum(g[("requests", row, a)] for a in APPLICANTS)
    for grp in GROUPS:
        parts = [0, 0, 0, 0]
        if rng.random() < 0.45 * busy:
            parts = [rng.choice((0, 0, 1, 2, 5)) for _ in OUTCOMES]
        for o, v in zip(OUTCOMES, parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)
    return g


def pick_blanks(grid: dict, rng: random.Random, share: float) -> list:
    zeros = sorted(k for k, v in grid.items() if v == 0)
    return sorted(rng.sample(zeros, int(len(zeros) * share)))


# ------------------------------------------------------------------------------------------
# Expected files.

def tables_of(template: Template, grid: dict) -> dict:
    """``tables`` of an expected file: every cell, in form order; amounts as exact strings."""
    out: dict = {}
    for t in template.tables:
        out[t.key] = {}
        for r in t.rows:
            out[t.key][r.key] = {}
            for c in r.columns:
                v = grid[(t.key, r.key, c)]
                out[t.key][r.key][c] = show(v) if isinstance(v, Decimal) else v
    return out


def expected(template: Template, grid: dict, report: dict, blanks: list, notes: str) -> dict:
    order = {k: i for i, k in enumerate(template.cell_keys())}
    statuses = {".".join(k): "empty" for k in sorted(blanks, key=order.__getitem__)}
    return {"template": template.id, "report": report, "tables": tables_of(template, grid),
            "statuses": statuses, "candidates": {}, "notes": notes}


# ------------------------------------------------------------------------------------------
# The documents.

T21, T19 = get("2021"), get("2019")
SEED002_APPEALS = {  # one of the 38 valid placements of seed 002's printed '5 0 1 1 7 0 5 5'
    ("appeals", "all", "reconsideration.upheld"): 5, ("appeals", "all", "reconsideration.other"): 1,
    ("appeals", "all", "reconsideration.pending"): 1, ("appeals", "all", "reconsideration.total"): 7,
    ("appeals", "all", "litigation_direct.upheld"): 0, ("appeals", "all", "litigation_direct.corrected"): 5,
    ("appeals", "all", "litigation_direct.other"): 0, ("appeals", "all", "litigation_direct.pending"): 0,
    ("appeals", "all", "litigation_direct.total"): 5, ("appeals", "all", "litigation_after.upheld"): 0,
    ("appeals", "all", "litigation_after.corrected"): 0, ("appeals", "all", "litigation_after.other"): 0,
    ("appeals", "all", "litigation_after.pending"): 0, ("appeals", "all", "litigation_after.total"): 0,
}


def documents() -> list[dict]:
    """Every document of the corpus: name, template, grid, render options, report, notes."""
    docs = []

    def add(name: str, template: Template, grid: dict, report: dict, what: str, blanks: list = (), **opts):
        bad = identity_failures(template, grid)
        assert not bad, (name, bad)
        docs.append(dict(name=name, template=template, grid=grid, report=report, what=what,
                         blanks=sorted(blanks), opts=opts))

    def rep(unit: str, year: int, title: str | None = None, published: dt.date | None = None) -> dict:
        return {"unit": unit, "year": year, "title": title or f"{unit}{year}年政府信息公开工作年度报告",
                "published": published.isoformat() if published else None}

    # -- the five seeds' values -----------------------------------------------------------
    add("01-seed000-plain", T21, seed_grid("000_c5799cdcd1c8417a", T21), rep("通惠街道", 2022),
        "Seed 000's values (all 0). The form as published: merged label cells (gridSpan/vMerge), "
        "plain headings, every cell printed.", unit="通惠街道", year=2022, seed=1)
    add("02-seed001-repeated", T21, seed_grid("001_91b930a4292c284b", T21),
        rep("锦屏街道", 2022, "锦屏街道2022年政府信息公开年度报告"),
        "Seed 001's values. Every merged label cell written as separate cells with the label repeated "
        "(no gridSpan/vMerge on labels); value cells of table 二's one-value blocks stay merged.",
        unit="锦屏街道", year=2022, title="锦屏街道2022年政府信息公开年度报告", merges="repeated", seed=2)
    add("03-seed002-random-merges", T21, seed_grid("002_d3904e969f46d18d", T21, SEED002_APPEALS),
        rep("重庆市綦江区人民政府", 2022, "重庆市綦江区2022年政府信息公开工作年度报告", dt.date(2023, 3, 31)),
        "Seed 002's values with every cell printed. The seed's portal page dropped empty cells, so its "
        "table 四 is ambiguous there; here table 四 takes one of the 38 placements that "
        "corpus/tools/enumerate_placements.py finds valid (5 0 1 1 7 | 0 5 0 0 5 | 0 0 0 0 0: the "
        "printed values filled from the left), and the cells the seed infers as 0 are printed 0, so "
        "every cell is 'ok'. Title names the bare region; the intro names the unit. Label "
        "'规范性文件' (short form) in a 2021 table 二. Merged vs repeated decided at random per label "
        "region. Date line 2023年3月31日.",
        unit="重庆市綦江区人民政府", year=2022, title="重庆市綦江区2022年政府信息公开工作年度报告",
        intro_extra="本报告由重庆市綦江区人民政府办公室根据本级各行政机关政府信息公开工作情况编制而成。",
        labels={"行政规范性文件": "规范性文件"}, merges="random", date=dt.date(2023, 3, 31), seed=3)
    add("04-seed003-form2019", T19, seed_grid("003_9456aa479e8413ba", T19),
        rep("重庆市大渡口区茄子溪街道办事处", 2020),
        "Seed 003's values on the 2019 form (table 二 with five blocks incl. 第二十条第（九）项 政府集中采购; "
        "table 三 with one （六）其他处理 row). Title over two paragraphs (unit / year…). The "
        "procurement amount printed with its unit in the cell ('258.181269万元').",
        unit="重庆市大渡口区茄子溪街道办事处", year=2020, title_lines=2, amount_suffix="万元", seed=4)
    add("05-seed004-title-spaces", T21, seed_grid("004_726dcaf4535fd957", T21),
        rep("红旗区渠东街道办事处", 2023, "红旗区渠东街道办事处 2023 年政府信息公开工作年度报告"),
        "Seed 004's values. Title with spaces around the year, as the seed prints it. Headings as a "
        "numbered list (w:numPr, chineseCounting).",
        unit="红旗区渠东街道办事处", year=2023, title="红旗区渠东街道办事处 2023 年政府信息公开工作年度报告",
        headings="numbered", seed=5)

    # -- random grids, one trap (family) per document ------------------------------------
    rng = random.Random(20240501)

    g = random_grid(T19, rng)
    add("06-form2019-random", T19, g, rep("临江市白石镇人民政府", 2019, published=dt.date(2020, 1, 20)),
        "A random grid on the 2019 form (signed 本年增/减 values, procurement amount with 4-6 decimals "
        "possible), random merges, labels and numbers split over runs, a few zero cells blank.",
        blanks=pick_blanks(g, rng, 0.08), unit="临江市白石镇人民政府", year=2019, merges="random",
        split_runs=True, date=dt.date(2020, 1, 20), seed=6)
    add("07-split-table-paragraph", T21, random_grid(T21, rng), rep("青山区人民政府办公室", 2022),
        "Table 三 split into two tables by an empty paragraph before row 7.属于行政执法案卷; no header "
        "in the second part; the merged labels 三、本年度办理结果 and （三）不予公开 restart empty there.",
        unit="青山区人民政府办公室", year=2022, split_table="paragraph", split_before="denied.enforcement_files",
        seed=7)
    add("08-split-table-page", T21, random_grid(T21, rng, busy=1.5),
        rep("南溪县市场监督管理局", 2023, published=dt.date(2024, 1, 26)),
        "Table 三 split by a page break (w:br w:type=\"page\") before row 2.重复申请 of （五）不予处理.",
        unit="南溪县市场监督管理局", year=2023, split_table="page", split_before="not_processed.duplicate",
        date=dt.date(2024, 1, 26), seed=8)
    add("09-content-controls", T21, random_grid(T21, rng), rep("东湖街道办事处", 2022),
        "Content controls: table 三 inside a block-level w:sdt, two of its rows in row-level w:sdt, "
        "five value cells in run-, block- or cell-level w:sdt (python-docx skips all of these).",
        unit="东湖街道办事处", year=2022, content_control=("table", "rows", "cells"), seed=9)
    g = random_grid(T21, rng, busy=1.5)
    add("10-tracked-changes", T21, g, rep("江北县交通运输局", 2022),
        "Tracked changes in ten value cells: the real value in w:ins, an old value in w:del/w:delText "
        "(ignore it); orders del+ins, ins+del, and a partial edit (plain prefix + del + ins).",
        unit="江北县交通运输局", year=2022, tracked=_tracked_cells(g, rng, 10), seed=10)
    add("11-nested-layout", T21, random_grid(T21, rng), rep("西岭县生态环境局", 2021,
                                                          published=dt.date(2022, 1, 28)),
        "The whole report inside a one-cell layout table; the three form tables are nested in its cell.",
        unit="西岭县生态环境局", year=2021, nested=True, date=dt.date(2022, 1, 28), seed=11)
    add("12-headings-numbered", T21, random_grid(T21, rng), rep("北塘区教育委员会", 2022),
        "Part headings 一…六 as list paragraphs: the text is '总体情况' etc., the '一、' comes from "
        "w:numPr (chineseCounting, '%1、'). Random merges.",
        unit="北塘区教育委员会", year=2022, headings="numbered", merges="random", seed=12)
    add("13-heading-textbox", T21, random_grid(T21, rng), rep("金水区卫生健康委员会", 2023),
        "Heading 四、政府信息公开行政复议、行政诉讼情况 inside a text box (mc:AlternateContent: a "
        "DrawingML wps:txbx and the VML v:textbox fallback each hold the same w:txbxContent); the other "
        "headings are plain paragraphs.",
        unit="金水区卫生健康委员会", year=2023, headings="textbox", textbox_heading="四", seed=13)
    add("14-runs-bookmarks", T21, random_grid(T21, rng, busy=1.5), rep("石门县人民政府", 2022),
        "Labels and numbers split over several runs (with rsid and w:lang differences), some labels "
        "over two paragraphs; a _GoBack bookmark inside a number, _Hlk bookmarks in cells and prose; "
        "a w:hyperlink and a w:fldSimple (HYPERLINK mailto) in the intro; comments on the intro and "
        "on one value cell.",
        unit="石门县人民政府", year=2022, split_runs=True, bookmarks=True, seed=14)
    g = random_grid(T21, rng)
    add("15-blank-cells", T21, g, rep("长河镇人民政府", 2022, published=dt.date(2023, 1, 18)),
        "Half of the zero cells left empty (nothing, an ideographic space U+3000, or a space); each "
        "is 0 with status 'empty'.",
        blanks=pick_blanks(g, rng, 0.5), blank_marks=("", "\u3000", " "), unit="长河镇人民政府", year=2022,
        date=dt.date(2023, 1, 18), seed=15)
    add("16-tall-table", T21, random_grid(T21, rng, busy=2.0),
        rep("云台市人力资源和社会保障局", 2022, published=dt.date(2023, 1, 30)),
        "Table 三's data rows at least 0.8 cm tall, so that the table breaks across pages when printed "
        "(for the PDF corpus); otherwise the plain form.",
        unit="云台市人力资源和社会保障局", year=2022, row_height=460, date=dt.date(2023, 1, 30), seed=16)
    g = random_grid(T21, rng, busy=1.5)
    blanks = pick_blanks(g, rng, 0.15)
    add("17-everything", T21, g, rep("松江县财政局", 2022, published=dt.date(2023, 1, 31)),
        "Every trap at once: random merges, split runs and paragraphs, bookmarks/hyperlink/field/"
        "comments, content controls (table, rows, cells), tracked changes, table 三 split by a page "
        "break, the report nested in a layout table, numbered headings, blank zero cells.",
        blanks=blanks, unit="松江县财政局", year=2022, merges="random", split_runs=True, bookmarks=True,
        content_control=("table", "rows", "cells"), tracked=_tracked_cells(g, rng, 6, exclude=blanks),
        split_table="page", split_before="unavailable.needs_creation", nested=True, headings="numbered",
        date=dt.date(2023, 1, 31), seed=17)
    g = random_grid(T19, rng, busy=1.5)
    add("18-form2019-traps", T19, g, rep("临江市财政局", 2020),
        "A random grid on the 2019 form with a split table 三 (empty paragraph before （六）其他处理), "
        "the 四 heading in a text box, tracked changes and content-controlled cells.",
        unit="临江市财政局", year=2020, split_table="paragraph", split_before="other", headings="textbox",
        tracked=_tracked_cells(g, rng, 4), content_control="cells", seed=18)
    return docs


def _tracked_cells(grid: dict, rng: random.Random, n: int, exclude=()) -> list:
    cells = sorted(k for k, v in grid.items() if v != 0 and k not in exclude)
    return sorted(rng.sample(cells, min(n, len(cells))))


def build(doc: dict) -> tuple[bytes, bytes]:
    """(docx bytes, expected JSON bytes) of one corpus document."""
    log: list[str] = []
    opts = dict(doc["opts"])
    data = render_docx(doc["template"], doc["grid"], blanks=doc["blanks"], log=log, **opts)
    notes = doc["what"]
    if log:
        notes += " Placed by the writer (seed %d): %s." % (opts["seed"], "; ".join(log))
    exp = expected(doc["template"], doc["grid"], doc["report"], doc["blanks"], notes)
    return data, (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


README_HEAD = """# DOCX corpus

Filled 政府信息公开工作年度报告 as Word files, written by `corpus/tools/make_docx_corpus.py`
(do not edit by hand; rerun the script, which is deterministic: fixed seeds, fixed zip timestamps
and core properties, so a rerun gives byte-identical files; `--check` verifies that).

The tables follow the real merged-cell structure of the blank official form in Word
(`政务公开年报模版.docx`, see `../shared/peer-samples/MANIFEST.md`): grid widths, every
`w:gridSpan`/`w:vMerge`, the header texts and line breaks. That structure is encoded in
`corpus/tools/docwriters/docx.py`; the 2019 form gets the analogous structure (FORM-NOTES §3).

Each `NAME.docx` has `NAME.expected.json` beside it, in the seeds' format: `template`, `report`
(unit, year, title, published), `tables` (every cell of the template's grid; counts are ints,
amounts exact decimal strings), `statuses` (only cells that are not `ok`: a zero cell left empty in
the document is `empty`), `candidates` (always empty here: every value is determined) and `notes`
(what the document exercises, and where the writer put each trap). `published` is the date line
at the end of the document when there is one, else null; the package's core-property dates are a
fixed 2000-01-01 and say nothing about the report. Values in tracked changes are the inserted
(`w:ins`) ones; deleted text (`w:delText`) is not part of the document.

Every grid satisfies every identity of TEMPLATES.md; the script asserts it before writing.
Grids are either a seed's values (corpus/seeds) or random from a seeded `random.Random`.

| document | form | what it exercises |
|---|---|---|
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare with the files on disk")
    args = ap.parse_args(argv)
    files: dict[str, bytes] = {}
    rows = []
    for doc in documents():
        data, exp = build(doc)
        files[doc["name"] + ".docx"] = data
        files[doc["name"] + ".expected.json"] = exp
        rows.append(f"| `{doc['name']}` | {doc['template'].id} | {doc['what']} |")
    files["README.md"] = (README_HEAD + "\n".join(rows) + "\n").encode("utf-8")
    if args.check:
        diff = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        for n in diff:
            print("differs:", n)
        print(f"{len(files) - len(diff)} of {len(files)} files identical")
        return 1 if diff else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for n, b in files.items():
        (OUT / n).write_bytes(b)
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
