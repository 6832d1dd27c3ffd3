"""Build corpus/layout/: reports whose blank cells only the layout (or the bounds) decide.

Run from the repository root:

    python corpus/tools/make_layout_corpus.py           # writes corpus/layout/
    python corpus/tools/make_layout_corpus.py --check   # rebuilds in memory, compares byte for byte

Deterministic; uses only the standard library, the template data and ``docwriters``.
Each document is rendered from a grid written out below, whose identities are checked here
from the template JSON (not by gipextract). The expected file is derived from that grid and
from the set of cells the document leaves blank, never from gipextract's output:

- every cell's value is the grid's;
- a cell printed as a number is ``ok``; a zero cell printed blank (empty, or a marker such
  as ``—``) is ``empty``; a non-zero cell left blank (a 总计 the report did not fill in) is
  ``inferred``: only the identities, with counts never negative, give its value.
"""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gipextract import templates  # noqa: E402  (the template data and the writers only)
from docwriters import render_html, render_text  # noqa: E402
from docwriters.docx import render_docx  # noqa: E402

OUT = ROOT / "corpus" / "layout"
UNIT = "某某县某某局"
YEAR = 2022
Ref = tuple[str, str, str]


class Marked(int):
    """A zero the writers print as a blank marker (``—``, ``/``, ``无``): writers print
    ``str(value)``, and the value stays 0 for every identity."""

    def __new__(cls, value: int, mark: str) -> "Marked":
        obj = super().__new__(cls, value)
        obj.mark = mark  # type: ignore[attr-defined]
        return obj

    def __str__(self) -> str:
        return self.mark  # type: ignore[attr-defined,no-any-return]


def grid_2021() -> dict[Ref, int | Decimal]:
    """Table 二 with a few values, table 三 with rows such as 7 _ _ _ _ _ 7, table 四 small."""
    t = templates.get("2021")
    g: dict[Ref, int | Decimal] = {k: (Decimal(0) if t.table(k[0]).column(k[2]).kind == "amount" else 0)
                                   for k in t.cell_keys()}
    g[("proactive", "regulations", "issued")] = 2
    g[("proactive", "regulations", "in_force")] = 15
    g[("proactive", "normative_documents", "issued")] = 7
    g[("proactive", "normative_documents", "in_force")] = 66
    g[("proactive", "licensing", "decisions")] = 12
    g[("proactive", "coercion", "decisions")] = 3
    g[("proactive", "fees", "amount")] = Decimal("1.5")
    results = {("granted", "natural_person"): 7, ("partially_granted", "commercial"): 2,
               ("unavailable.not_held", "natural_person"): 1, ("unavailable.not_held", "research"): 1,
               ("other.other", "other_org"): 3}
    for (row, col), v in results.items():
        g[("requests", row, col)] = v
    g[("requests", "carried_over", "natural_person")] = 1
    g[("requests", "carried_forward", "natural_person")] = 2
    _complete_requests(t, g)
    for group, parts in (("reconsideration", (1, 0, 0, 1)), ("litigation_after", (1, 0, 0, 0))):
        for o, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{group}.{o}")] = v
        g[("appeals", "all", f"{group}.total")] = sum(parts)
    _check(t, g)
    return g


def grid_2019() -> dict[Ref, int | Decimal]:
    """The 2019 form: signed 本年增/减, an amount, zeros everywhere else."""
    t = templates.get("2019")
    g: dict[Ref, int | Decimal] = {k: (Decimal(0) if t.table(k[0]).column(k[2]).kind == "amount" else 0)
                                   for k in t.cell_keys()}
    g[("proactive", "licensing", "previous_items")] = 9
    g[("proactive", "licensing", "change")] = -3
    g[("proactive", "licensing", "decisions")] = 40
    g[("proactive", "procurement", "items")] = 2
    g[("proactive", "procurement", "amount")] = Decimal("258.18")
    g[("requests", "granted", "natural_person")] = 4
    g[("requests", "not_processed.duplicate", "legal_service")] = 1
    _complete_requests(t, g)
    g[("appeals", "all", "litigation_direct.pending")] = 2
    g[("appeals", "all", "litigation_direct.total")] = 2
    _check(t, g)
    return g


def _complete_requests(t: templates.Template, g: dict[Ref, int | Decimal]) -> None:
    """Row totals, the 总计 row and 本年新收 from the result rows, 上年结转 and 结转下年度."""
    spec = t.table("requests")
    applicants = [c.key for c in spec.columns if c.key != "total"]
    outer = ("new_received", "carried_over", "total", "carried_forward")
    results = [r.key for r in spec.rows if r.key not in outer]
    for a in applicants:
        g[("requests", "total", a)] = sum(g[("requests", r, a)] for r in results)
        g[("requests", "new_received", a)] = (g[("requests", "total", a)] + g[("requests", "carried_forward", a)]
                                              - g[("requests", "carried_over", a)])
    for r in spec.rows:
        g[("requests", r.key, "total")] = sum(g[("requests", r.key, a)] for a in applicants)


def _check(t: templates.Template, g: dict[Ref, int | Decimal]) -> None:
    """Every identity of the template data holds on ``g`` (checked here, not by gipextract)."""
    data = json.loads((ROOT / "gipextract" / "templates" / f"form{t.id}.json").read_text(encoding="utf-8"))
    for ident in data["identities"]:
        table = t.table(ident["table"])
        if ident["over"] == "columns":
            for col in table.columns:
                refs = [(table.key, r, col.key) for r in ident["left"] + ident["right"]]
                if all(ref in g for ref in refs):
                    left = sum(g[(table.key, r, col.key)] for r in ident["left"])
                    right = sum(g[(table.key, r, col.key)] for r in ident["right"])
                    assert left == right, (ident["id"], col.key, left, right)
        else:
            for row in table.rows:
                refs = [(table.key, row.key, c) for c in ident["left"] + ident["right"]]
                if all(ref in g for ref in refs):
                    left = sum(g[(table.key, row.key, c)] for c in ident["left"])
                    right = sum(g[(table.key, row.key, c)] for c in ident["right"])
                    assert left == right, (ident["id"], row.key, left, right)
    assert all(v >= 0 or t.table(k[0]).column(k[2]).kind == "signed" for k, v in g.items())


def zeros(g: dict[Ref, int | Decimal]) -> set[Ref]:
    """Every zero cell."""
    return {k for k, v in g.items() if v == 0}


def marked(g: dict[Ref, int | Decimal], marks: str) -> dict[Ref, int | Decimal]:
    """``g`` with its zero counts printed as the blank markers in ``marks``, in turn."""
    out: dict[Ref, int | Decimal] = {}
    k = 0
    for ref, v in g.items():
        if v == 0 and not isinstance(v, Decimal):
            out[ref] = Marked(0, marks[k % len(marks)])
            k += 1
        else:
            out[ref] = v
    return out


def expected(template: str, g: dict[Ref, int | Decimal], blank: set[Ref], notes: str,
             title: str | None = None, unit: str = UNIT, published: str | None = None) -> dict:
    """The expected file, from the grid and the cells the document prints blank."""
    tables: dict[str, dict[str, dict[str, object]]] = {}
    statuses: dict[str, str] = {}
    for (t, r, c), v in g.items():
        tables.setdefault(t, {}).setdefault(r, {})[c] = str(v) if isinstance(v, Decimal) else int(v)
        if (t, r, c) in blank:
            statuses[f"{t}.{r}.{c}"] = "empty" if v == 0 else "inferred"
    return {"template": template,
            "report": {"unit": unit, "year": YEAR, "title": title or f"{unit}{YEAR}年政府信息公开工作年度报告",
                       "published": published},
            "tables": tables, "statuses": dict(sorted(statuses.items())), "candidates": {}, "notes": notes}


def documents() -> dict[str, tuple[bytes, dict]]:
    """Every document of corpus/layout/ with its expected file."""
    docs: dict[str, tuple[bytes, dict]] = {}
    t21, t19 = templates.get("2021"), templates.get("2019")
    g = grid_2021()
    blank = zeros(g)

    # 1. One cell per line; every zero an indentation-only line; the title wrapped (…年度报 / 告)
    #    after a prose line that holds 年度报告 behind a fragment of the unit's name.
    text = render_text(t21, g, "cells", blanks=blank)
    title = f"{UNIT}{YEAR}年政府信息公开工作年度报告"
    lines = text.split("\n")
    assert lines[0] == title
    lines[0:1] = ["根据要求，现将局" + title[len(UNIT):] + "全文公布如下。", "", title[:-1], "告"]
    docs["01-text-cells-blanks.txt"] = ("\n".join(lines).encode("utf-8"), expected(
        "2021", g, blank, "One cell per line (seed 000's flattening); every zero cell is a line holding only its "
        "tab. Rows such as 7 _ _ _ _ _ 7 are read by position. The title is wrapped after 年度报, and an earlier "
        "prose line holds 局2022年政府信息公开工作年度报告."))

    # 2. Tab-separated rows; every zero an empty field.
    docs["02-text-tabs-blanks.txt"] = (render_text(t21, g, "tabs", blanks=blank).encode("utf-8"), expected(
        "2021", g, blank, "Tab-separated rows (seed 004's flattening); every zero cell is an empty field, rows "
        "shifted by one field against their header."))

    # 3. Every zero printed as a blank marker, in turn — - － / 无, tab-separated.
    docs["03-text-tabs-markers.txt"] = (render_text(t21, marked(g, "—-－/无"), "tabs").encode("utf-8"), expected(
        "2021", g, blank, "Every zero count printed as a blank marker (—, -, －, /, 无 in turn); the amount 0 "
        "is printed 0."))

    # 4. 四、结转下年度继续办理 printing nothing at all (its cells empty, its total 0).
    g4 = dict(g)
    for a in ("natural_person", "total"):
        g4[("requests", "carried_forward", a)] = 0
    g4[("requests", "carried_over", "natural_person")] = 0
    g4[("requests", "carried_over", "total")] = 0
    _complete_requests(t21, g4)
    _check(t21, g4)
    blank4 = zeros(g4)
    assert all(g4[("requests", "carried_forward", c.key)] == 0 for c in t21.table("requests").columns)
    docs["04-text-cells-empty-carried-forward.txt"] = (
        render_text(t21, g4, "cells", blanks=blank4).encode("utf-8"),
        expected("2021", g4, blank4, "One cell per line; 四、结转下年度继续办理 prints no value at all, so its "
                 "label runs straight into the heading of part 四."))

    # 5. Blank totals only bounds decide: row totals of table 三 left blank although not 0.
    blank5 = blank | {("requests", r, "total") for r in ("granted", "partially_granted", "unavailable.not_held",
                                                         "other.other", "new_received")}
    docs["05-text-tabs-bounds.txt"] = (render_text(t21, g, "tabs", blanks=blank5).encode("utf-8"), expected(
        "2021", g, blank5, "Tab-separated; every zero blank and five row totals of table 三 left blank too "
        "(7, 2, 2, 3 and 本年新收 15). The printed column totals pin every other blank of their columns to 0 (counts are "
        "never negative), which then fixes each blank row total."))

    # 6. DOCX, the 2019 form, a report of zeros only, every one printed as —.
    g19 = {k: (Decimal(0) if t19.table(k[0]).column(k[2]).kind == "amount" else 0) for k in t19.cell_keys()}
    _check(t19, g19)
    blank19 = set(g19)
    docx = render_docx(t19, g19, blanks=blank19, blank_marks=("—",), seed=11)
    docs["06-docx-2019-all-dashes.docx"] = (docx, expected(
        "2019", g19, blank19, "DOCX of the 2019 form whose every value cell prints —: a report of zeros, "
        "not a blank form."))

    # 6b. The same grid with signed and amount values, every zero printed as —.
    g19 = grid_2019()
    blank19 = {k for k, v in g19.items() if v == 0}
    docs["08-docx-2019-dashes.docx"] = (render_docx(t19, g19, blanks=blank19, blank_marks=("—",), seed=12), expected(
        "2019", g19, blank19, "DOCX of the 2019 form with — in every zero cell (signed -3 and the amount "
        "258.18 printed)."))

    # 7. An HTML body fragment: no <html>/<body>, paragraphs first, the first <table> many KB in.
    page = render_html(t21, g, blanks=blank, mention_counts=False).decode("utf-8")
    body = page[page.index('<div class="content">') + len('<div class="content">'):page.rindex("</div>")]
    prose = "".join(f"<p>本年度，我局坚持以公开为常态、不公开为例外，第{i}项工作稳步推进，公开内容不断丰富。</p>\n"
                    for i in range(1, 80))
    first_table = body.index("<table")
    fragment = body[:first_table] + prose + body[first_table:]
    assert fragment.lstrip().startswith("<h1") and "<div" not in fragment[:fragment.index("<table")]
    assert len(fragment[:fragment.index("<table")].encode("utf-8")) > 8192 and "<html" not in fragment and "<body" not in fragment.replace("<tbody", "")
    docs["07-html-body-fragment.html"] = (fragment.encode("utf-8"), expected(
        "2021", g, blank, "A portal page saved as a body fragment: no <html>, <head> or <body>, paragraphs "
        "first, the first <table> more than 8 KB in; zeros printed as &nbsp;."))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    bad = []
    for name, (data, exp) in documents().items():
        stem = name.rsplit(".", 1)[0]
        exp_bytes = (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        for path, content in ((OUT / name, data), (OUT / f"{stem}.expected.json", exp_bytes)):
            if args.check:
                if not path.exists() or path.read_bytes() != content:
                    bad.append(path.name)
            else:
                path.write_bytes(content)
    if bad:
        sys.exit(f"differs from the generator: {', '.join(bad)}")
    print("checked" if args.check else f"wrote {OUT}")


if __name__ == "__main__":
    main()
