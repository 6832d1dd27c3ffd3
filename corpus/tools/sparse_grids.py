"""The grids of corpus/sparse/ and what each document prints in every cell.

A small unit's report: table 二 with a few values, tables 三 and 四 empty or nearly so.
Every grid is built from a seed, completed so that the form's identities hold (checked
here from the template data, never by gipextract's reading), then printed cell by cell:
a zero as a blank, ``0`` or a blank marker (``-``, ``—``, ``无``, ``/``), a signed 2019
本年增/减 as ``-13``, ``+5`` or ``－13``. The expected file comes from the grid and the
printed texts only:

- every cell's value is the grid's;
- a zero printed blank or as a marker is ``empty``; a non-zero cell printed blank (a 总计
  the unit did not fill in) is ``inferred``; every printed number is ``ok`` (not listed).
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from docwriters.forms import official_form  # noqa: E402
from make_layout_corpus import _check, _complete_requests  # noqa: E402

from gipextract import templates  # noqa: E402  (identities and kinds only)

Ref = tuple[str, str, str]
Grid = dict[Ref, "int | Decimal"]
MARKERS = ("-", "—", "无", "/")
UNITS = ("某某县档案馆", "某某镇人民政府", "某某街道办事处", "某某县退役军人事务局", "某某县机关事务服务中心",
         "某某县地方志编纂委员会办公室", "某某乡人民政府", "某某县供销合作社联合社")


@dataclass
class Sparse:
    """One document's truth: the form, the grid, the text printed in every cell, the metadata."""

    form: str
    grid: Grid
    shown: dict[Ref, str]
    unit: str
    year: int
    published: str | None = None
    notes: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The title as printed."""
        return f"{self.unit}{self.year}年政府信息公开工作年度报告"


def zero_grid(form: str) -> Grid:
    """Every cell of ``form`` at 0 (amounts as Decimal)."""
    t = templates.get(form)
    return {k: (Decimal(0) if t.table(k[0]).column(k[2]).kind == "amount" else 0) for k in t.cell_keys()}


def proactive_2021(g: Grid, rng: random.Random) -> None:
    """A few documents, decisions and (sometimes) a fee amount in table 二 of the 2021 form."""
    issued = rng.randint(1, 6)
    g[("proactive", "normative_documents", "issued")] = issued
    g[("proactive", "normative_documents", "in_force")] = issued + rng.randint(3, 40)
    if rng.random() < 0.5:
        g[("proactive", "normative_documents", "repealed")] = rng.randint(1, 3)
    if rng.random() < 0.6:
        g[("proactive", "licensing", "decisions")] = rng.randint(1, 60)
    if rng.random() < 0.5:
        g[("proactive", "penalty", "decisions")] = rng.randint(1, 12)
    if rng.random() < 0.3:
        g[("proactive", "fees", "amount")] = Decimal(rng.choice(("0.35", "1.2", "12.06", "3")))


def proactive_2019(g: Grid, rng: random.Random, changes: tuple[int, ...] = (-13, 5)) -> None:
    """Table 二 of the 2019 form: documents, items with signed 本年增/减 ``changes``, a purchase."""
    made = rng.randint(1, 5)
    g[("proactive", "normative_documents", "made")] = made
    g[("proactive", "normative_documents", "published")] = made
    g[("proactive", "normative_documents", "total_published")] = made + rng.randint(5, 30)
    rows = ("licensing", "other_services", "penalty", "fees")
    for row, change in zip(rows, changes):
        previous = abs(change) + rng.randint(2, 20)
        g[("proactive", row, "previous_items")] = previous
        g[("proactive", row, "change")] = change
        if row != "fees":
            g[("proactive", row, "decisions")] = rng.randint(1, 90)
    if rng.random() < 0.5:
        g[("proactive", "procurement", "items")] = rng.randint(1, 4)
        g[("proactive", "procurement", "amount")] = Decimal(rng.choice(("12.5", "258.181269", "3.08")))


def few_requests(form: str, g: Grid, rng: random.Random, other_rows: bool = False) -> None:
    """Table 三 with one to four applications (and, when ``other_rows``, values in the （六） rows)."""
    results = ["granted", "unavailable.not_held", "not_processed.duplicate", "partially_granted"]
    if other_rows:
        results = (["other.no_correction", "other.unpaid_fee"] if form == "2021" else ["other"]) + results[:1]
    chosen = rng.sample(results, k=min(len(results), rng.randint(1, 3)))
    if other_rows and results[0] not in chosen:
        chosen[0] = results[0]
    for row in chosen:
        col = rng.choice(("natural_person", "natural_person", "commercial", "other_org"))
        g[("requests", row, col)] = rng.randint(1, 2)
    if rng.random() < 0.4:
        g[("requests", "carried_forward", "natural_person")] = 1
    natural = sum(v for (t, r, c), v in g.items() if t == "requests" and c == "natural_person")
    if rng.random() < 0.4 and natural:  # carried over from last year: never more than were settled or carried on
        g[("requests", "carried_over", "natural_person")] = 1
    _complete_requests(templates.get(form), g)


def few_appeals(g: Grid, rng: random.Random) -> None:
    """One or two appeals: a 行政复议 upheld or pending, perhaps a direct 诉讼."""
    for group in rng.sample(("reconsideration", "litigation_direct"), k=rng.randint(1, 2)):
        outcome = rng.choice(("upheld", "pending"))
        g[("appeals", "all", f"{group}.{outcome}")] = 1
        g[("appeals", "all", f"{group}.total")] = 1


def build_grid(form: str, seed: int, requests: str, appeals: bool, changes: tuple[int, ...] = (-13, 5)) -> Grid:
    """A checked grid: ``requests`` is ``"none"`` (table 三 all zero), ``"few"`` or ``"other"``
    (a few, in the （六） rows); ``appeals`` adds one or two appeals to table 四."""
    rng = random.Random(seed)
    g = zero_grid(form)
    if form == "2021":
        proactive_2021(g, rng)
    else:
        proactive_2019(g, rng, changes)
    if requests != "none":
        few_requests(form, g, rng, other_rows=requests == "other")
    if appeals:
        few_appeals(g, rng)
    _check(templates.get(form), g)
    return g


def signed_text(value: int, style: str) -> str:
    """A 本年增/减 value as printed: ``"plain"`` (-13, 5), ``"plus"`` (-13, +5) or ``"wide"`` (－13, +5)."""
    if value > 0:
        return f"+{value}" if style in ("plus", "wide") else str(value)
    return f"－{-value}" if style == "wide" else str(value)


def value_text(value: "int | Decimal") -> str:
    """A non-zero value as a clerk prints it."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def print_cells(g: Grid, seed: int, zeros: dict[str, tuple[str, ...]], signed: str = "plus",
                blank_totals: tuple[Ref, ...] = ()) -> dict[Ref, str]:
    """The text of every cell: a zero of table T as one of ``zeros[T]`` (``""`` for blank)
    chosen by the seed, other values as printed (signed ones in ``signed`` style), and the
    non-zero cells ``blank_totals`` left blank."""
    rng = random.Random(seed * 7919 + 1)
    out: dict[Ref, str] = {}
    for ref in sorted(g):
        v = g[ref]
        if ref in blank_totals:
            out[ref] = ""
        elif v == 0:
            out[ref] = rng.choice(zeros[ref[0]])
        elif ref[2] == "change":
            out[ref] = signed_text(int(v), signed)
        else:
            out[ref] = value_text(v)
    return {ref: out[ref] for ref in g}


def blank_set(doc: Sparse) -> set[Ref]:
    """The cells printed blank or as a blank marker."""
    return {ref for ref, text in doc.shown.items() if text == "" or text in MARKERS}


def expected(doc: Sparse) -> dict:
    """The expected file, in the format of corpus/layout/*.expected.json."""
    tables: dict[str, dict[str, dict[str, object]]] = {}
    statuses: dict[str, str] = {}
    blanks = blank_set(doc)
    for (t, r, c), v in doc.grid.items():
        tables.setdefault(t, {}).setdefault(r, {})[c] = str(v) if isinstance(v, Decimal) else int(v)
        if (t, r, c) in blanks:
            statuses[f"{t}.{r}.{c}"] = "empty" if v == 0 else "inferred"
    return {"template": doc.form,
            "report": {"unit": doc.unit, "year": doc.year, "title": doc.title, "published": doc.published},
            "tables": tables, "statuses": dict(sorted(statuses.items())), "candidates": {}, "notes": doc.notes}


def layout(form: str):
    """The printed layout of ``form`` (the writers' own description, not the parser's template)."""
    return official_form(form)


ALL_BLANK = {"proactive": ("",), "requests": ("",), "appeals": ("",)}
TWO_PRINTED = {"proactive": ("0",), "requests": ("",), "appeals": ("",)}
MIXED = {"proactive": ("0", "", "-"), "requests": ("", "", "0", "-", "—", "无", "/"),
         "appeals": ("", "0", "-", "—", "无", "/")}
MIXED_DASH = {"proactive": ("", "—"), "requests": ("", "—", "-"), "appeals": ("—", "")}
