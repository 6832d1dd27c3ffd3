"""Build corpus/html: portal article pages of filled reports, each with its expected result.

Run from the repository root (deterministic: fixed seeds, no network, no clock):

    python corpus/tools/make_html_corpus.py            # (re)write corpus/html/
    python corpus/tools/make_html_corpus.py --check    # rebuild in memory, compare with the files

Uses the standard library, gipextract.templates, docwriters and the stdlib-only
oracle beside this file (corpus/tools/oracle.py, which imports nothing from gipextract).

For every page:
1. a grid is taken from a seed's expected file or drawn from a seeded random.Random, and
   asserted against every identity of the template (the identities as data, from
   gipextract.templates, so this check does not share code with the oracle);
2. the blank cells (``&nbsp;``) and dropped cells (``<td>`` left out) are chosen; both are
   zero cells. Drops in tables 三 and 四 are drawn until the oracle resolves every cell
   (no ambiguity), except where a page means to be ambiguous;
3. the page is rendered with docwriters.render_html;
4. the oracle reads the page's own bytes (its own HTML parsing, its own row finding) and
   places the printed values; its result is the expected file. It is cross-checked here
   against the truth: every fixed value equals the true value, every ambiguous cell has the
   true value among its candidates, and every cell outside a row with dropped cells is
   ``ok`` (``empty`` when printed blank).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from decimal import Decimal
from itertools import combinations
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TOOLS))

import oracle  # noqa: E402  (corpus/tools/oracle.py, stdlib only)
from gipextract import templates  # noqa: E402
from gipextract.templates import Template  # noqa: E402
from docwriters import render_html, render_js_shell  # noqa: E402
from docwriters.layout import show  # noqa: E402

OUT = ROOT / "corpus" / "html"
SEEDS = ROOT / "corpus" / "seeds"
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
NOT_RESULTS = ("new_received", "carried_over", "total", "carried_forward")
GROUPS = ("reconsideration", "litigation_direct", "litigation_after")
OUTCOMES = ("upheld", "corrected", "other", "pending")



# ---------------------------------------------------------------------------------------------
# grids

def seed_grid(stem: str) -> tuple[Template, dict, dict]:
    """(template, grid, expected) of a seed; null cells are left out of the grid."""
    exp = json.loads((SEEDS / f"{stem}.expected.json").read_text(encoding="utf-8"))
    t = templates.get(exp["template"])
    g = {}
    for tk, rows in exp["tables"].items():
        for rk, cols in rows.items():
            for ck, v in cols.items():
                if v is None:
                    continue
                g[(tk, rk, ck)] = Decimal(v) if t.table(tk).column(ck).kind == "amount" else v
    return t, g, exp


def _amount(rng: random.Random, places: int) -> Decimal:
    n = rng.choice([0, rng.randint(1, 999), rng.randint(1000, 99999), rng.randint(100000, 3000000)])
    return Decimal(0) if n == 0 else Decimal(n).scaleb(-places)


def _decisions(rng: random.Random) -> int:
    return rng.choice([0, 0, rng.randint(1, 60), rng.randint(61, 999), rng.randint(1000, 99999)])


def random_grid(t: Template, rng: random.Random) -> dict:
    """A realistic grid satisfying all identities: mostly small counts, many zeros."""
    g: dict = {}
    pro = t.table("proactive")
    for r in pro.rows:
        for c in r.columns:
            kind = pro.column(c).kind
            if kind == "amount":
                v = _amount(rng, 2 if t.id == "2021" else 6)
            elif kind == "signed":
                v = rng.choice([0, 0, rng.randint(-20, -1), rng.randint(1, 30)])
            elif r.key == "regulations":
                v = rng.choice([0, 0, 0, 1, 2, 3])
            elif c in ("issued", "made", "published"):
                v = rng.randint(0, 40)
            elif c == "repealed":
                v = rng.choice([0, rng.randint(1, 25)])
            elif c in ("in_force", "total_published"):
                v = rng.randint(10, 400)
            elif c == "previous_items":
                v = rng.choice([0, rng.randint(1, 60), rng.randint(61, 800)])
            elif c == "items":
                v = rng.randint(0, 90)
            else:
                v = _decisions(rng)
            g[("proactive", r.key, c)] = v
    req = t.table("requests")
    results = [r.key for r in req.rows if r.key not in NOT_RESULTS]
    busy = {"granted": 0.97, "partially_granted": 0.6, "unavailable.not_held": 0.6,
            "denied.internal_affairs": 0.3, "denied.process_information": 0.3, "not_processed.duplicate": 0.3}
    for row in results:
        active = rng.random() < busy.get(row, 0.15)
        for a in APPLICANTS:
            v = 0
            if active:
                if a == "natural_person":
                    v = rng.randint(1, 60 if row == "granted" else 12)
                elif rng.random() < {"commercial": 0.45, "legal_service": 0.2}.get(a, 0.1):
                    v = rng.randint(1, 6)
            g[("requests", row, a)] = v
    for a in APPLICANTS:
        tot = sum(g[("requests", row, a)] for row in results)
        g[("requests", "total", a)] = tot
        over = rng.choice([0, 0, 0, rng.randint(1, 4)]) if a in ("natural_person", "commercial") else 0
        forward = rng.choice([0, 0, rng.randint(1, 5)]) if a in ("natural_person", "commercial") else 0
        forward = max(forward, over - tot)
        g[("requests", "carried_over", a)] = over
        g[("requests", "carried_forward", a)] = forward
        g[("requests", "new_received", a)] = tot + forward - over
    for row in [r.key for r in req.rows]:
        g[("requests", row, "total")] = sum(g[("requests", row, a)] for a in APPLICANTS)
    for grp in GROUPS:
        parts = [0, 0, 0, 0]
        if rng.random() < 0.6:
            parts = [rng.choice([0, 0, rng.randint(1, 6)]) for _ in OUTCOMES]
        for o, v in zip(OUTCOMES, parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)
    return g


def set_appeals(g: dict, *groups: list) -> None:
    """Set table 四 to the given 维持/纠正/其他/尚未审结 of each group, with their totals."""
    for grp, parts in zip(GROUPS, groups):
        for o, v in zip(OUTCOMES, parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)


def check_grid(t: Template, g: dict) -> None:
    """Assert the grid has exactly the template's cells, sane values, and every identity."""
    assert set(g) == set(t.cell_keys()), "grid cells differ from the template"
    for (tk, rk, ck), v in g.items():
        kind = t.table(tk).column(ck).kind
        if kind == "amount":
            assert isinstance(v, Decimal) and v >= 0, (tk, rk, ck, v)
        elif kind == "signed":
            assert isinstance(v, int), (tk, rk, ck, v)
        else:
            assert isinstance(v, int) and not isinstance(v, bool) and v >= 0, (tk, rk, ck, v)
    for ident in t.identities:
        tab = t.table(ident.table)
        if ident.over == "columns":
            cols = tab.rows[0].columns
            for c in cols:
                left = sum(g[(ident.table, r, c)] for r in ident.left)
                right = sum(g[(ident.table, r, c)] for r in ident.right)
                assert left == right, f"{ident.id} fails in column {c}: {left} != {right}"
        else:
            for r in tab.rows:
                if not set(ident.left + ident.right) <= set(r.columns):
                    continue
                left = sum(g[(ident.table, r.key, c)] for c in ident.left)
                right = sum(g[(ident.table, r.key, c)] for c in ident.right)
                assert left == right, f"{ident.id} fails in row {r.key}: {left} != {right}"


# ---------------------------------------------------------------------------------------------
# printed tokens, blanks and drops

def printed_tokens(t: Template, g: dict, blanks: set, dropped: set, suffix: str = "") -> dict:
    """The value tokens each row prints, as the oracle reads them ('' for a blank cell)."""
    out: dict = {"proactive": {}, "requests": {}, "appeals": {}}
    for tab in t.tables:
        for r in tab.rows:
            toks = []
            for c in r.columns:
                ref = (tab.key, r.key, c)
                if ref in dropped:
                    continue
                if ref in blanks:
                    toks.append("")
                else:
                    text = show(g[ref])
                    if suffix and tab.column(c).kind == "amount":
                        text += suffix
                    toks.append(text)
            out[tab.key][r.key] = toks
    return out


def zero_cells(t: Template, g: dict, table: str, exclude: set) -> dict:
    """{row: [zero cells]} of a table, in form order, leaving out ``exclude``."""
    out = {}
    for r in t.table(table).rows:
        z = [(table, r.key, c) for c in r.columns if g[(table, r.key, c)] == 0 and (table, r.key, c) not in exclude]
        if z:
            out[r.key] = z
    return out


def choose_blanks(t: Template, g: dict, rng: random.Random, share: dict) -> list:
    """Zero cells printed as ``&nbsp;``: a share of the zero cells of each table."""
    out = []
    for table, p in share.items():
        for _row, cells in zero_cells(t, g, table, set()).items():
            out += [c for c in cells if rng.random() < p]
    return out


def choose_drops(t: Template, g: dict, rng: random.Random, *, blanks: list, t3_rows: int = 0, t3_max: int = 2,
                 full_rows: int = 0, appeals: int = 0, fixed: list = (), suffix: str = "",
                 tries: int = 200) -> list:
    """Zero cells whose ``<td>`` is dropped, drawn until the oracle resolves tables 三 and 四.

    Table 四: every set of ``appeals`` zero cells is tried with the oracle and one of the sets
    that leave no cell ambiguous is drawn. Table 三: ``t3_rows`` rows that carry non-zero values
    (and no blank) each lose 1 to ``t3_max`` zero cells, and ``full_rows`` all-zero rows lose
    all seven cells (only their labels are left), redrawn until no cell of tables 三/四 is
    ambiguous. The ``fixed`` drops (table 二) are added as they are, ambiguous or not.
    """
    blank_set = set(blanks)
    a4: list = []
    if appeals:
        z4 = zero_cells(t, g, "appeals", blank_set).get("all", [])
        good = []
        for sub in combinations(z4, appeals):
            res = oracle.solve(t.id, printed_tokens(t, g, blank_set, set(sub), suffix))
            if not any(s == "ambiguous" for k, s in res["statuses"].items() if k.startswith("appeals.")):
                good.append(list(sub))
        if not good:
            raise RuntimeError("no resolvable drop set in table 四")
        a4 = rng.choice(good)
    z3 = zero_cells(t, g, "requests", blank_set)
    clean = [r for r in z3 if not any((("requests", r, c) in blank_set) for c in t.table("requests").row(r).columns)]
    mixed = [r for r in clean if len(z3[r]) < 7]
    zero_rows = [r for r in clean if len(z3[r]) == 7]
    for _ in range(tries):
        drops = list(fixed) + a4
        for r in rng.sample(mixed, t3_rows):
            cells = z3[r]
            drops += rng.sample(cells, rng.randint(1, min(t3_max, len(cells))))
        for r in rng.sample(zero_rows, full_rows):
            drops += z3[r]
        res = oracle.solve(t.id, printed_tokens(t, g, blank_set, set(drops), suffix))
        bad = [k for k, s in res["statuses"].items() if s == "ambiguous" and not k.startswith("proactive.")]
        if not bad:
            return sorted(drops, key=_order(t))
    raise RuntimeError("no resolvable drop set found")


def _order(t: Template):
    index = {ref: k for k, ref in enumerate(t.cell_keys())}
    return lambda ref: index[ref]


# ---------------------------------------------------------------------------------------------
# pages

def pages() -> list[dict]:
    """Every page: grid, writer options, report block, traps."""
    out = []

    # 01 — seed 000: chrome, UTF-8 declared, &nbsp; blanks, <h3> headings.
    t, g, _ = seed_grid("000_c5799cdcd1c8417a")
    rng = random.Random(101)
    out.append(dict(
        name="01_seed000_chrome_utf8_blanks", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"requests": 0.45, "appeals": 0.8}),
        report=dict(unit="通惠街道", year=2022, title="通惠街道2022年政府信息公开工作年度报告", published="2023-01-16"),
        options=dict(chrome=True, encoding="utf-8", declared="auto", heading_style="h3", written="2023-01-12",
                     portal="某某区人民政府网", column="街道年报", index_no="11500000MB1234567X/2023-00012"),
        traps=["grid of seed 000 (every cell 0)", "UTF-8, <meta charset=\"utf-8\">", "portal chrome (nav, breadcrumb, "
               "metadata block with 成文日期 before 发布日期, share, related links to other years' reports, footer, "
               "<script>, <style>)", "&nbsp; blanks in tables 三 and 四", "<h3> part headings",
               "one <table> per part", "table 四 header order 0"]))

    # 02 — seed 001: Word markup, GBK (GB18030 bytes) declared gbk, nested layout tables.
    t, g, _ = seed_grid("001_91b930a4292c284b")
    out.append(dict(
        name="02_seed001_word_gbk_layout", template=t, grid=g, blanks=[],
        report=dict(unit="锦屏街道", year=2022, title="锦屏街道2022年政府信息公开年度报告", published=None),
        options=dict(word_markup=True, layout_table=True, encoding="gbk", declared="auto", heading_style="p"),
        traps=["grid of seed 001", "GB18030 bytes, <meta ... charset=gbk>", "Word-exported cells (unquoted "
               "attributes, inline styles, <o:p>, labels broken by <br> and split over two <p>, numbers split across "
               "<span> runs, supportMisalignedColumns rows of empty <td>)", "article inside two nested layout tables",
               "title without 工作 (…政府信息公开年度报告)", "no chrome: no publication date"]))

    # 03 — seed 002: the portal page that dropped its empty cells.
    t, g, exp002 = seed_grid("002_d3904e969f46d18d")
    truth4 = [5, 0, 1, 1, 7, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5]
    for col, v in zip([c.key for c in t.table("appeals").columns], truth4):
        g[("appeals", "all", col)] = v
    drops002 = ([("requests", "new_received", "other_org"), ("requests", "other.other", "other_org")]
                + [("appeals", "all", f"litigation_direct.{o}") for o in OUTCOMES + ("total",)]
                + [("appeals", "all", "litigation_after.corrected"), ("appeals", "all", "litigation_after.other")])
    out.append(dict(
        name="03_seed002_chrome_dropped_cells", template=t, grid=g, blanks=[], dropped=drops002,
        must_equal=exp002,
        report=dict(exp002["report"]),
        options=dict(chrome=True, encoding="utf-8", declared="auto", heading_style="strong",
                     written="2023-03-28", portal="重庆市綦江区人民政府网",
                     publisher="重庆市綦江区人民政府", column="区政府信息公开年报",
                     index_no="11500222009277893C/2023-00041", unit="重庆市綦江区人民政府",
                     row_labels={"normative_documents": "规范性文件"}),
        traps=["printed values of seed 002 (table 三 row 一 prints 6 of 7, row （六）3 prints 6 of 7, table 四 prints "
               "8 of 15: the <td>s of empty cells are missing)", "2021 form with the short label 规范性文件",
               "chrome, UTF-8", "title names the region only (重庆市綦江区); the unit 重庆市綦江区人民政府 is the "
               "发布机构 and is named in the prose, as in seed 002's expected file"]))

    # 04 — seed 003: 2019 form, one big table, header order 1, no charset declaration.
    t, g, _ = seed_grid("003_9456aa479e8413ba")
    out.append(dict(
        name="04_seed003_2019_one_table_undeclared", template=t, grid=g, blanks=[], suffix="万元",
        report=dict(unit="重庆市大渡口区茄子溪街道办事处", year=2020,
                    title="重庆市大渡口区茄子溪街道办事处2020年政府信息公开工作年度报告", published=None),
        options=dict(one_table=True, appeal_header=1, encoding="utf-8", declared=None, title_break=True,
                     heading_style="strong", amount_suffix="万元"),
        traps=["grid of seed 003 (2019 form)", "UTF-8 with no charset declaration", "all three tables in one <table> "
               "(headings of 三 and 四 are rows inside it; rows of 4, 10 and 15 columns)", "table 四 header order 1",
               "amount printed with its unit in the cell (258.181269万元)", "title broken by <br> after the unit"]))

    # 05 — seed 004: malformed spans, metadata block as a <table>.
    t, g, _ = seed_grid("004_726dcaf4535fd957")
    rng = random.Random(105)
    out.append(dict(
        name="05_seed004_malformed_spans_meta_table", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"proactive": 0.5, "requests": 0.2}),
        report=dict(unit="红旗区渠东街道办事处", year=2023, title="红旗区渠东街道办事处2023年政府信息公开工作年度报告",
                    published="2024-01-19"),
        options=dict(chrome=True, meta_table=True, malformed_spans=True, appeal_header=1, encoding="utf-8",
                     declared="UTF-8", written="2024-01-15", portal="新乡市红旗区人民政府网", column="街道办事处年报",
                     index_no="11410702MB1C12345Y/2024-00007"),
        traps=["grid of seed 004", "malformed spans: colspan=\"2;\", colspan=\"2 \", colspan=\"3;\", colspan=\"5;\", "
               "rowspan=\"8;\", rowspan=\"22 \"; table 二 caption rows colspan=\"5\" in a 4-column table",
               "the 索引号/发布机构/发布日期 block is itself a <table>", "&nbsp; blanks in tables 二 and 三",
               "table 四 header order 1", "<meta charset=\"UTF-8\">"]))

    # 06 — GB18030 bytes declared gb2312 (wrong: 堃 and 镕 are not in GB2312, 䶮 not even in GBK).
    t = templates.get("2021")
    rng = random.Random(106)
    g = random_grid(t, rng)
    out.append(dict(
        name="06_gb2312_declared_wrongly", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"requests": 0.3}),
        report=dict(unit="莲花县堃田镇人民政府", year=2022, title="莲花县堃田镇人民政府2022年政府信息公开工作年度报告",
                    published="2023-01-28"),
        options=dict(chrome=True, encoding="gbk", declared="gb2312", written="2023-01-20", portal="莲花县人民政府网",
                     column="乡镇年报", index_no="114303210061234567/2023-00003",
                     prose_extra="本年度政府信息公开工作联络员为镇党政办公室王䶮同志，镕溪村信息公开栏已完成更新。"),
        traps=["GB18030 bytes declared charset=gb2312: the unit name holds 堃 and the prose 镕 (both outside GB2312) "
               "and 䶮 (outside GBK too); a gb2312 or gbk decoder fails", "chrome", "&nbsp; blanks in table 三"]))

    # 07 — 2019 form, Word markup, GBK, dropped cells in 三 and 四 that the identities resolve.
    t = templates.get("2019")
    rng = random.Random(107)
    g = random_grid(t, rng)
    set_appeals(g, [2, 1, 0, 1], [0, 0, 0, 0], [1, 0, 0, 0])
    out.append(dict(
        name="07_2019_word_gbk_dropped_resolved", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=3, t3_max=2, appeals=2), rng=rng,
        report=dict(unit="临江市自然资源和规划局", year=2019, title="临江市自然资源和规划局2019年政府信息公开工作年度报告",
                    published=None),
        options=dict(word_markup=True, encoding="gbk", declared="auto", heading_style="strong"),
        traps=["2019 form", "Word-exported cells", "GB18030 bytes declared gbk", "<td>s of zero cells dropped in "
               "three rows of table 三 and in table 四; the identities fix every cell"]))

    # 08 — table 二 loses a cell: no identity can place it, the row comes out ambiguous.
    t = templates.get("2021")
    rng = random.Random(108)
    g = random_grid(t, rng)
    g[("proactive", "normative_documents", "issued")] = 12
    g[("proactive", "normative_documents", "repealed")] = 0
    g[("proactive", "normative_documents", "in_force")] = 86
    out.append(dict(
        name="08_table2_cell_dropped_ambiguous", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=2, t3_max=2, appeals=0, fixed=[("proactive", "normative_documents", "repealed")]),
        rng=rng, mention_counts=True,
        report=dict(unit="安宁区卫生健康委员会", year=2023, title="安宁区卫生健康委员会2023年政府信息公开工作年度报告",
                    published="2024-01-25"),
        options=dict(chrome=True, encoding="utf-8", declared="auto", heading_style="p", written="2024-01-22",
                     portal="安宁区人民政府网", column="部门年报", index_no="000014349/2024-00021"),
        traps=["table 二 row 行政规范性文件 prints 2 values for 3 cells (12, 86): no identity applies, so all three "
               "cells are ambiguous", "<td>s dropped in two rows of table 三 (resolved by the identities)", "chrome"]))

    # 09 — nested layout tables + one big table + header order 1 + metadata table.
    t = templates.get("2021")
    rng = random.Random(109)
    g = random_grid(t, rng)
    out.append(dict(
        name="09_nested_layout_one_table", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"requests": 0.5, "appeals": 0.5}),
        report=dict(unit="青山县人民政府办公室", year=2021, title="青山县人民政府办公室2021年政府信息公开工作年度报告",
                    published="2022-01-27"),
        options=dict(chrome=True, meta_table=True, layout_table=True, one_table=True, appeal_header=1,
                     encoding="utf-8", declared="auto", heading_style="strong", written="2022-01-24",
                     portal="青山县人民政府门户网站", column="部门年报", index_no="QSX-2022-000117"),
        traps=["the whole page body (article, share, related links) inside two nested layout tables",
               "the three tables in one <table>", "metadata block is a <table>", "table 四 header order 1",
               "&nbsp; blanks in tables 三 and 四"]))

    # 10 — 2019 form, GB18030 with no declaration, blanks everywhere, negative 本年增/减.
    t = templates.get("2019")
    rng = random.Random(110)
    g = random_grid(t, rng)
    g[("proactive", "licensing", "change")] = -7
    g[("proactive", "penalty", "change")] = 12
    out.append(dict(
        name="10_2019_gb18030_undeclared_blanks", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"proactive": 0.6, "requests": 0.6, "appeals": 0.6}),
        report=dict(unit="石桥镇人民政府", year=2020, title="石桥镇人民政府2020年政府信息公开工作年度报告",
                    published=None),
        options=dict(encoding="gbk", declared=None, heading_style="h3"),
        traps=["2019 form", "GB18030 bytes with no charset declaration", "&nbsp; blanks in all three tables",
               "negative 本年增/减 (-7)"]))

    # 11 — Word + dropped cells + malformed spans + layout table; GB2312 declared and correct.
    t = templates.get("2021")
    rng = random.Random(111)
    g = random_grid(t, rng)
    set_appeals(g, [2, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0])
    out.append(dict(
        name="11_word_dropped_malformed_gb2312", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=4, t3_max=2, appeals=1), rng=rng, gb2312=True,
        report=dict(unit="江州区市场监督管理局", year=2022, title="江州区市场监督管理局2022年政府信息公开工作年度报告",
                    published=None),
        options=dict(word_markup=True, malformed_spans=True, layout_table=True, encoding="gbk", declared="gb2312",
                     heading_style="p"),
        traps=["Word-exported cells", "malformed spans", "nested layout tables", "GB18030 bytes declared gb2312 "
               "(correct here: every character is in GB2312)", "<td>s dropped in four rows of table 三 and in "
               "table 四 (resolved by the identities)"]))

    # 12 — the 2019 form still used for a 2021 report; dropped cells in 三.
    t = templates.get("2019")
    rng = random.Random(112)
    g = random_grid(t, rng)
    out.append(dict(
        name="12_2019_form_2021_report_dropped", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=3, t3_max=2, full_rows=1, appeals=0), rng=rng,
        report=dict(unit="南湖区教育局", year=2021, title="南湖区教育局2021年政府信息公开工作年度报告",
                    published="2022-01-21"),
        options=dict(chrome=True, encoding="utf-8", declared="auto", heading_style="strong", written="2022-01-18",
                     portal="南湖区人民政府网", column="部门年报", index_no="NH-JYJ-2022-0004"),
        traps=["2019 form for a 2021 report (the template follows the labels, not the year)", "<td>s dropped in "
               "three rows of table 三, and one all-zero row of table 三 lost all seven <td>s (only its labels are "
               "left); resolved by the identities", "chrome"]))

    # 13 — UTF-8 bytes declared gbk; the 2021 form used for a 2020 report; drops in 四 only.
    t = templates.get("2021")
    rng = random.Random(113)
    g = random_grid(t, rng)
    set_appeals(g, [2, 1, 0, 1], [0, 0, 0, 0], [1, 0, 0, 0])
    out.append(dict(
        name="13_utf8_declared_gbk_2021_form_2020", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=0, appeals=2), rng=rng,
        report=dict(unit="北塘区住房和城乡建设局", year=2020, title="北塘区住房和城乡建设局2020年政府信息公开工作年度报告",
                    published="2021-01-29"),
        options=dict(chrome=True, encoding="utf-8", declared="gbk", heading_style="strong", written="2021-01-26",
                     portal="北塘区人民政府网", column="部门年报", index_no="BT-ZJJ-2021-0002"),
        traps=["UTF-8 bytes declared charset=gbk (wrong the other way)", "2021 form for a 2020 report",
               "two <td>s dropped in table 四 (resolved by the identities)", "chrome"]))

    # 14 — year-first title, one big table, blanks.
    t = templates.get("2021")
    rng = random.Random(114)
    g = random_grid(t, rng)
    out.append(dict(
        name="14_year_first_title_one_table", template=t, grid=g,
        blanks=choose_blanks(t, g, rng, {"proactive": 0.5, "requests": 0.35, "appeals": 0.35}),
        report=dict(unit="白沙县财政局", year=2024, title="2024年白沙县财政局政府信息公开工作年度报告",
                    published="2025-01-17"),
        options=dict(chrome=True, one_table=True, encoding="utf-8", declared="auto", heading_style="h3",
                     written="2025-01-15", portal="白沙县人民政府网", column="部门年报", index_no="BSX-CZJ-2025-0001"),
        traps=["year-first title (2024年白沙县财政局…)", "the three tables in one <table>", "&nbsp; blanks", "chrome"]))

    # 15 — 2019 form, Word + nested layout + malformed spans + blanks + drops in 四.
    t = templates.get("2019")
    rng = random.Random(115)
    g = random_grid(t, rng)
    set_appeals(g, [0, 0, 0, 0], [3, 1, 0, 2], [0, 0, 0, 0])
    blanks15 = choose_blanks(t, g, rng, {"proactive": 0.5, "requests": 0.4})
    out.append(dict(
        name="15_2019_word_layout_malformed_blanks_dropped", template=t, grid=g, blanks=blanks15,
        drops=dict(t3_rows=0, appeals=3), rng=rng,
        report=dict(unit="清河区司法局", year=2020, title="清河区司法局2020年政府信息公开工作年度报告",
                    published="2021-01-22"),
        options=dict(chrome=True, word_markup=True, layout_table=True, malformed_spans=True, encoding="utf-8",
                     declared="auto", heading_style="strong", written="2021-01-20", portal="清河区人民政府网",
                     column="部门年报", index_no="QHQ-SFJ-2021-0003"),
        traps=["2019 form", "Word-exported cells", "nested layout tables", "malformed spans (rowspan=\"20 \")",
               "&nbsp; blanks in tables 二 and 三", "three <td>s dropped in table 四 (resolved)"]))

    # 16 — 2019 form, table 二 row 行政许可 loses its 本年增/减 cell: ambiguous.
    t = templates.get("2019")
    rng = random.Random(116)
    g = random_grid(t, rng)
    g[("proactive", "licensing", "previous_items")] = 46
    g[("proactive", "licensing", "change")] = 0
    g[("proactive", "licensing", "decisions")] = 1375
    out.append(dict(
        name="16_2019_table2_cell_dropped_ambiguous", template=t, grid=g, blanks=[],
        drops=dict(t3_rows=2, t3_max=1, appeals=0, fixed=[("proactive", "licensing", "change")]), rng=rng,
        report=dict(unit="平川区人力资源和社会保障局", year=2019,
                    title="平川区人力资源和社会保障局2019年政府信息公开工作年度报告", published=None),
        options=dict(encoding="gbk", declared="auto", heading_style="p"),
        traps=["2019 form", "table 二 row 行政许可 prints 2 values for 3 cells (46, 1375): ambiguous",
               "<td>s dropped in two rows of table 三 (resolved)", "GB18030 declared gbk"]))

    # 17 — no report table: a JavaScript shell.
    out.append(dict(
        name="17_no_table_js_shell", error="NoReportFoundError",
        shell=dict(title="东湖区交通运输局2023年政府信息公开工作年度报告", portal="东湖区人民政府网"),
        traps=["JavaScript shell: <div id=\"app\"></div> and an inline script that would fetch the article; the "
               "page holds no table at all"]))

    # 18 — the tables are images.
    t = templates.get("2021")
    rng = random.Random(118)
    g = random_grid(t, rng)
    out.append(dict(
        name="18_tables_as_images", template=t, grid=g, blanks=[], error="NoReportFoundError",
        report=dict(unit="西岭镇人民政府", year=2023, title="西岭镇人民政府2023年政府信息公开工作年度报告",
                    published="2024-01-30"),
        options=dict(chrome=True, tables_as_images=True, encoding="utf-8", declared="auto", written="2024-01-26",
                     portal="某某县人民政府网", column="乡镇年报", index_no="XLZ-2024-0001"),
        traps=["full article with headings 一 to 六 and prose, but the three tables are <img src=\"tableN.png\">",
               "chrome"]))
    return out


# ---------------------------------------------------------------------------------------------
# building one page

def build(spec: dict) -> tuple[bytes, dict, dict]:
    """(page bytes, expected file, summary) of one page spec."""
    name = spec["name"]
    if "shell" in spec:
        data = render_js_shell(spec["shell"]["title"], portal=spec["shell"]["portal"])
        try:
            oracle.solve_page(data)
        except oracle.NoReportTables:
            pass
        else:
            raise AssertionError(f"{name}: the oracle found report tables")
        return data, {"error": spec["error"]}, {"name": name, "traps": spec["traps"], "drops": [], "log": []}

    t: Template = spec["template"]
    g = spec["grid"]
    check_grid(t, g)
    blanks = list(spec.get("blanks", []))
    suffix = spec.get("suffix", "")
    if "drops" in spec:
        d = dict(spec["drops"])
        dropped = choose_drops(t, g, spec["rng"], blanks=blanks, suffix=suffix, **d)
    else:
        dropped = list(spec.get("dropped", []))
    rep = spec["report"]
    opts = dict(spec["options"])
    opts.setdefault("unit", rep["unit"])
    opts.setdefault("publisher", opts["unit"])
    data = render_html(t, g, year=rep["year"], title=rep["title"], published=rep["published"],
                       blanks=blanks, dropped=dropped, **opts)
    if spec.get("gb2312"):
        data.decode("gb18030").encode("gb2312")  # every character really is in GB2312
    if opts.get("declared") == "gb2312" and not spec.get("gb2312"):
        try:
            data.decode("gb18030").encode("gb2312")
        except UnicodeEncodeError:
            pass
        else:
            raise AssertionError(f"{name}: meant to hold characters outside GB2312")

    if spec.get("error"):
        try:
            oracle.solve_page(data)
        except oracle.NoReportTables:
            pass
        else:
            raise AssertionError(f"{name}: the oracle found report tables")
        return data, {"error": spec["error"]}, {"name": name, "traps": spec["traps"], "drops": [], "log": []}

    res = oracle.solve_page(data)
    assert res["template"] == t.id, (name, res["template"])
    want_tokens = printed_tokens(t, g, set(blanks), set(dropped), suffix)
    assert res["printed"] == want_tokens, f"{name}: the page does not print the intended cells"
    _cross_check(name, t, g, set(blanks), set(dropped), res)
    if "must_equal" in spec:
        m = spec["must_equal"]
        assert res["tables"] == m["tables"], f"{name}: tables differ from the seed's"
        assert res["statuses"] == m["statuses"], f"{name}: statuses differ from the seed's"
        assert res["candidates"] == m["candidates"], f"{name}: candidates differ from the seed's"
    if spec.get("mention_counts", True):
        for ref in ("requests.new_received.total", "requests.granted.total"):
            assert res["statuses"].get(ref) != "ambiguous", f"{name}: the prose quotes an ambiguous cell"
    expected = {
        "template": t.id,
        "report": {k: rep[k] for k in ("unit", "year", "title", "published")},
        "tables": res["tables"],
        "statuses": res["statuses"],
        "candidates": res["candidates"],
        "notes": _notes(spec, t, blanks, dropped, res, opts),
    }
    summary = {"name": name, "traps": spec["traps"], "drops": dropped, "log": res["log"], "res": res,
               "template": t.id}
    return data, expected, summary


def _cross_check(name: str, t: Template, g: dict, blanks: set, dropped: set, res: dict) -> None:
    short = {(tab.key, r.key) for tab in t.tables for r in tab.rows
             if any((tab.key, r.key, c) in dropped for c in r.columns)}
    for ref in t.cell_keys():
        tk, rk, ck = ref
        key = f"{tk}.{rk}.{ck}"
        st = res["statuses"].get(key, "ok")
        v = res["tables"][tk][rk][ck]
        truth = g[ref]
        if st == "ambiguous":
            assert v is None and key in res["candidates"], (name, key)
            assert any(Decimal(str(c)) == Decimal(truth) for c in res["candidates"][key]), (name, key, truth)
        else:
            assert Decimal(str(v)) == Decimal(truth), (name, key, v, truth)
        if (tk, rk) not in short:
            assert st == ("empty" if ref in blanks else "ok"), (name, key, st)
        if ref in dropped:
            assert st != "ok", (name, key, st)


def _ref(ref) -> str:
    return ".".join(ref)


def _notes(spec: dict, t: Template, blanks: list, dropped: list, res: dict, opts: dict) -> str:
    parts = [f"Synthetic portal page written by corpus/tools/make_html_corpus.py (docwriters.render_html); "
             f"template {t.id}. Traps: " + "; ".join(spec["traps"]) + "."]
    rep = spec["report"]
    if rep["unit"] in rep["title"]:
        unit_note = "unit as written in the article title"
    else:
        unit_note = (f"unit {rep['unit']}: the title names only the region, the unit is the 发布机构 and is named "
                     f"in the prose (as in seed 002's expected file)")
    parts.append(f"report: {unit_note}; title = the article title (without the portal suffix of <title>); "
                 f"year {rep['year']} from the title and the statistics period (自{rep['year']}年1月1日起至"
                 f"{rep['year']}年12月31日止); published = "
                 + (f"the 发布日期 {rep['published']} (成文日期 {opts.get('written')} is printed before it)"
                    if rep["published"] else "null (the page prints no publication date)") + ".")
    if blanks:
        parts.append(f"{len(blanks)} zero cells printed as &nbsp; (status empty): "
                     + ", ".join(_ref(b) for b in blanks) + ".")
    if dropped:
        parts.append(f"{len(dropped)} zero cells whose <td> was dropped: " + ", ".join(_ref(d) for d in dropped)
                     + ". Placed by corpus/tools/oracle.py (independent, stdlib only; reads this page's bytes): "
                     + "; ".join(res["log"]) + ".")
        amb = sorted(k for k, s in res["statuses"].items() if s == "ambiguous")
        parts.append("Ambiguous cells: " + (", ".join(amb) if amb else "none") + ".")
    parts.append("Every grid identity holds on the true values (checked when the page was made).")
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# README

def readme(summaries: list[dict]) -> str:
    lines = [
        "# HTML corpus: portal article pages",
        "",
        "Synthetic 政府信息公开工作年度报告 pages as Chinese government portals publish them, each",
        "`NAME.html` with `NAME.expected.json` beside it (the format of `corpus/seeds/*.expected.json`:",
        "`template`, `report`, every cell in `tables`, non-`ok` `statuses`, `candidates` of ambiguous",
        "cells, `notes`; pages that hold no report table have `{\"error\": \"NoReportFoundError\"}`).",
        "",
        "## How they were made",
        "",
        "    python corpus/tools/make_html_corpus.py           # writes this folder",
        "    python corpus/tools/make_html_corpus.py --check   # rebuilds in memory, compares byte for byte",
        "    python corpus/tools/oracle.py --check corpus/html/*.html",
        "",
        "`corpus/tools/make_html_corpus.py` is deterministic (fixed `random.Random` seeds, no network,",
        "no clock) and uses only the standard library, `gipextract.templates`, `docwriters` and",
        "`corpus/tools/oracle.py`. For each page it:",
        "",
        "1. takes the values of a seed (`corpus/seeds/*.expected.json`) or draws a realistic random grid",
        "   (mostly small counts, many zeros, amounts such as `16197.02`), and asserts every identity of",
        "   `shared/spec/TEMPLATES.md` on it (read from the template data, not from the oracle);",
        "2. picks zero cells to print as `&nbsp;` (blank) and zero cells whose `<td>` is dropped. Drops in",
        "   tables 三 and 四 are redrawn until the oracle resolves every cell; the two pages that drop a",
        "   cell of table 二 (no identities there) are ambiguous on purpose;",
        "3. renders the page with `docwriters.render_html` (`render_js_shell` for page 17);",
        "4. runs the oracle on the page's bytes and writes its result as the expected file, after checking",
        "   it against the true grid: fixed values equal the truth, ambiguous cells list the truth among",
        "   their candidates, cells outside rows with dropped `<td>`s are `ok` (`empty` when blank). Page 03",
        "   is also asserted to give exactly the cells, statuses and candidates of seed 002.",
        "",
        "`corpus/tools/oracle.py` imports nothing from gipextract. It decodes the bytes (UTF-8 if valid,",
        "else GB18030; the declared charset is ignored), collects the cell texts of every innermost table",
        "row with `html.parser`, finds the form's rows by their last label, and treats each row that",
        "prints fewer values than it has cells as having lost `<td>`s: printed values keep their order,",
        "missing cells are blank (0), every placement is enumerated (table 三 jointly over its short rows)",
        "and kept if all identities hold. Per cell: same printed value in every valid placement → `ok`;",
        "same value but blank in some → `inferred`; blank in all → `empty`; values differ → `ambiguous`",
        "(value null, sorted `candidates`). A cell printed `&nbsp;` is `empty` (value 0).",
        "",
        "Conventions of the expected `report` block: `unit` as written in the article title (page 03",
        "follows seed 002: the title names the region 重庆市綦江区, the unit 重庆市綦江区人民政府 is the",
        "发布机构 and is named in the prose); `year` the year covered; `title` the article title without",
        "the portal suffix of `<title>`; `published` the printed 发布日期 (ISO), or null when the page",
        "prints none (pages without chrome). Chrome pages print 成文日期 before 发布日期 with a different",
        "date, and link older reports of the same unit (other years) under 相关链接.",
        "",
        "## Pages",
        "",
        "| page | template | traps |",
        "|---|---|---|",
    ]
    for s in summaries:
        lines.append(f"| `{s['name']}` | {s.get('template', '—')} | " + "; ".join(s["traps"]).replace("|", "\\|")
                     + " |")
    lines += ["", "## Oracle results for pages with dropped cells", ""]
    for s in summaries:
        if not s["drops"]:
            continue
        res = s["res"]
        lines.append(f"### `{s['name']}`")
        lines.append("")
        lines.append("Dropped: " + ", ".join(f"`{_ref(d)}`" for d in s["drops"]) + ".")
        lines.append("")
        for line in res["log"]:
            lines.append(f"- {line}")
        shown = [f"`{k}` {v}" + (f" {res['candidates'][k]}" if k in res["candidates"] else "")
                 for k, v in res["statuses"].items() if _in_short_row(k, s)]
        lines.append("- non-ok cells of those rows: " + (", ".join(shown) if shown else "none"))
        lines.append("")
    return "\n".join(lines) + "\n"


def _in_short_row(key: str, s: dict) -> bool:
    rows = {(d[0], d[1]) for d in s["drops"]}
    return any(key.startswith(f"{t}.{r}.") for t, r in rows)


# ---------------------------------------------------------------------------------------------

def render_all() -> dict[str, bytes]:
    """Every output file's name and bytes."""
    files: dict[str, bytes] = {}
    summaries = []
    for spec in pages():
        data, expected, summary = build(spec)
        files[f"{spec['name']}.html"] = data
        files[f"{spec['name']}.expected.json"] = (json.dumps(expected, ensure_ascii=False, indent=2) + "\n").encode()
        summaries.append(summary)
    files["README.md"] = readme(summaries).encode()
    return files


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    args = ap.parse_args(argv)
    files = render_all()
    if args.check:
        bad = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        extra = sorted(p.name for p in OUT.glob("*") if p.name not in files)
        for n in bad:
            print(f"differs: {n}")
        for n in extra:
            print(f"not made by this script: {n}")
        print(f"{len(files)} files, {len(bad)} differ")
        return 1 if bad else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for n, b in files.items():
        (OUT / n).write_bytes(b)
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
