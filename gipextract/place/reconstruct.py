"""The one table reconstructor: labels in reading order → value tokens per grid row.

Works on the fragments of any adapter. Labels are found on the compact text (see
:mod:`normalize`); the text between a row's label and the next label is that row's
*run*, from which known label text is removed and the remaining numbers read.
Placement of the numbers on the row's cells is left to :mod:`solve`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import templates
from .flat import Flat
from .labelsearch import approximate, split_label
from .extras import ExtraRow, adopt_orphans, split_extra
from .order import fill_in_order
from ..read.document import Fragment, Provenance
from ..read.normalize import HAN, LazyPattern, compact, label_core, label_ordinal
from ..templates import GroupSpec, RowSpec, TableSpec, Template, all_templates
from .headers import header_spans as _header_spans
from .tokens import Token, blank_out, tokenize


@dataclass(frozen=True)
class RowRead:
    """What the document prints for one row: its label's place and its value tokens."""

    row: RowSpec
    found: bool
    tokens: tuple[Token, ...] = ()
    label_prov: Provenance | None = None
    fuzzy: bool = False
    by_order: bool = False  # values put here by the form's order (see :mod:`orderfill`)
    displaced: bool = False  # its values stand somewhere near, but nothing says where


@dataclass
class TableRead:
    """All rows of one table as read."""

    spec: TableSpec
    found: bool
    rows: list[RowRead] = field(default_factory=list)
    extra_rows: list[ExtraRow] = field(default_factory=list)
    # Groups whose rows are absent but whose label prints the group's total.
    group_rows: list[tuple[GroupSpec, RowRead]] = field(default_factory=list)
    # Where each column's header label is printed (PDF boxes), by column key.
    header_spans: dict[str, tuple[float, float]] | None = None
    printing: int = 1  # 2: read from a second, complete printing of the table


@dataclass
class Reading:
    """The reconstructor's result before placement: template, tables, notices."""

    template: Template
    flat: Flat
    tables: dict[str, TableRead]
    notices: list[str] = field(default_factory=list)
    # A page a browser laid out (HTML printed to PDF): a row that lost cells has its values
    # packed into the first columns, so where they are printed does not say which were lost.
    reflowed: bool = False


def _alternation(labels: list[str]) -> str:
    alts = []
    for label in labels:
        core = label_core(label)
        ordinal = label_ordinal(label)
        if ordinal and len(core) <= 2:
            # `3.其他` without its number would match inside any label holding 其他.
            alts.append(re.escape(ordinal) + re.escape(core))
        else:
            alts.append((f"(?:{re.escape(ordinal)})?" if ordinal else "") + re.escape(core))
    alts.sort(key=len, reverse=True)
    return "|".join(alts)


_ROW_PATTERNS: dict[int, "re.Pattern[str]"] = {}


def _row_pattern(row: RowSpec) -> "re.Pattern[str]":
    # Row specs live as long as their cached template, so their id() is a stable key
    # (hashing a spec would walk all its fields on every lookup).
    pat = _ROW_PATTERNS.get(id(row))
    if pat is None:
        assert row.label is not None
        pat = _ROW_PATTERNS[id(row)] = re.compile(_alternation([row.label, *row.variants]))
    return pat


def _noise_pattern(spec: TableSpec, template_id: str) -> "re.Pattern[str]":
    return _noise_pattern_for(template_id, spec.key)


@lru_cache(maxsize=None)
def _noise_pattern_for(template_id: str, table_key: str) -> "re.Pattern[str]":
    spec = templates.get(template_id).table(table_key)
    labels = list(spec.noise) + [spec.heading, *spec.heading_variants]
    for c in spec.columns:
        labels += [c.label, *c.variants]
        labels += c.label.split(" ")  # appeals header words
    cores = {compact(x) for x in labels if x} | {label_core(x) for x in labels if x}
    cores.discard("")
    return re.compile("|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)))


@lru_cache(maxsize=None)
def _anchors(anchors: tuple[str, ...]) -> "re.Pattern[str]":
    return re.compile("|".join(re.escape(label_core(a)) for a in anchors))


def _anchor_pattern(spec: TableSpec) -> "re.Pattern[str]":
    return _anchors(spec.anchors)


@lru_cache(maxsize=None)
def _heading_pattern(spec: TableSpec) -> "re.Pattern[str]":
    """The table's own heading: where a converter cut every header word apart (pdftotext on
    merged header cells: 行政 / 复议), the heading is all that marks the table's start."""
    return re.compile("|".join(re.escape(compact(h)) for h in (spec.heading,) + spec.heading_variants))


_HEADING_NEXT = {
    "proactive": re.compile(r"三\.收到和处理政府信息公开申请"),
    # No digits inside a heading: `四、结转下年度继续办理 0 0 …` is a row, not part 四, and
    # so is that row when it prints nothing at all (its label runs straight into part 四).
    "requests": re.compile(r"四\.(?!结转)[^\d\n]{0,20}?行政(?:法)?复议"),
    "appeals": re.compile(r"五\.[^\d\n]{0,20}?存在的?主要问题|六\.其他需要报告"),
}
_TRAILING_TEXT_RE = LazyPattern(f"[{HAN}]{{6,}}")


def detect_template(flat: Flat) -> tuple[Template | None, dict[str, int]]:
    """The template whose marker labels the document prints most; None when neither."""
    scores = {t.id: sum(1 for m in t.markers if compact(m) in flat.compact) for t in all_templates()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return None, scores
    if list(scores.values()).count(scores[best]) > 1:
        return None, scores
    return next(t for t in all_templates() if t.id == best), scores


def read_tables(fragments: list[Fragment], template: Template | None = None) -> Reading | None:
    """Find every table of the template in the fragments and read each row's tokens."""
    flat = Flat(fragments)
    notices: list[str] = []
    if template is None:
        template, scores = detect_template(flat)
        if template is None:
            # Tables 三 and 四 are the same in both forms; without table 二's labels, fall back
            # to 2021 only if the requests table is there at all.
            if _anchor_pattern(all_templates()[0].table("requests")).search(flat.compact) is None:
                return None
            template = all_templates()[0]
            notices.append("template: table 二 labels of neither form were found; read as the 2021 form")
    tables: dict[str, TableRead] = {}
    cursor = _start_cursor(flat)
    specs = template.tables
    for i, spec in enumerate(specs):
        anchor = _anchor_pattern(spec).search(flat.compact, cursor)
        by_heading = anchor is None
        if by_heading:
            anchor = _heading_pattern(spec).search(flat.compact, cursor)
        if anchor is None:
            tables[spec.key] = TableRead(spec, False, [RowRead(r, False) for r in spec.rows])
            continue
        end = _table_end(flat, specs, i, anchor.end())
        table = _read_table(flat, spec, template.id, anchor.start(), end)
        if by_heading and not any(not t.blank for r in table.rows for t in r.tokens):
            # A heading over no values: the converter dropped the table (pandoc's [TABLE]).
            table = TableRead(spec, False, [RowRead(r, False) for r in spec.rows])
        elif not _complete(table):
            # pymupdf4llm prints a page's tables twice: as text lines (where a value can go
            # missing) and again as a pipe table after the page's text.
            again = _anchor_pattern(spec).search(flat.compact, end)
            if again is not None:
                copy = _read_table(flat, spec, template.id, again.start(), _table_end(flat, specs, i, again.end()))
                if _complete(copy) and _holds(copy, table):
                    table, copy.printing = copy, 2
        tables[spec.key] = table
        cursor = end
    return Reading(template, flat, tables, notices)


def _table_end(flat: Flat, specs: tuple[TableSpec, ...], i: int, after: int) -> int:
    """Where table ``i`` that starts before ``after`` ends: at the next table's anchor or the next part's heading."""
    end = len(flat.compact)
    if i + 1 < len(specs):
        nxt = _anchor_pattern(specs[i + 1]).search(flat.compact, after)
        if nxt is not None:
            end = nxt.start()
    heading = _HEADING_NEXT[specs[i].key].search(flat.compact, after, end)
    return heading.start() if heading is not None else end


def _complete(table: TableRead) -> bool:
    """Does every row of the table print exactly one value per cell?"""
    return all(r.found and len(r.tokens) == len(r.row.columns) for r in table.rows)


def _holds(copy: TableRead, first: TableRead) -> bool:
    """Does each row of ``copy`` print, in order, every value the first printing shows for it?"""
    for a, b in zip(first.rows, copy.rows):
        printed = iter(t.text for t in b.tokens)
        if not all(any(t.text == u for u in printed) for t in a.tokens if not t.blank):
            return False
    return True


def _start_cursor(flat: Flat) -> int:
    m = re.search(r"二\.主动公开政府信息情况", flat.compact)
    return m.start() if m else 0


def _read_table(flat: Flat, spec: TableSpec, template_id: str, start: int, end: int) -> TableRead:
    matches: list[tuple[RowSpec, int, int, bool] | tuple[RowSpec, None, None, bool]] = []
    pos = start
    for row in spec.rows:
        if row.label is None:
            matches.append((row, start, start, False))
            continue
        m = _row_pattern(row).search(flat.compact, pos, end)
        if m is not None:
            matches.append((row, m.start(), m.end(), False))
            pos = m.end()
        else:
            matches.append((row, None, None, False))
    # Labels not found verbatim (truncated, misspelt): look between the neighbours found.
    noise = _noise_pattern(spec, template_id)
    for k, (row, s, e, _) in enumerate(matches):
        if s is not None or row.label is None:
            continue
        lo = next((m[2] for m in reversed(matches[:k]) if m[2] is not None), start)
        hi = next((m[1] for m in matches[k + 1:] if m[1] is not None), end)
        if hi > lo:
            split = split_label(flat, _row_pattern(row), lo, hi)
            if split is not None:
                matches[k] = (row, split[0], split[1], False)
                continue
            found_at = approximate(flat, row.label or "", noise, lo, hi)
            if found_at is not None:
                fs, fe = found_at
                while fs < fe and flat.compact[fs] in ".()":
                    fs += 1
                # The ordinal printed before the label (`2.`) belongs to it, not to the row above.
                ordinal = label_ordinal(row.label or "")
                if ordinal and fs >= len(ordinal) and flat.compact.startswith(ordinal, fs - len(ordinal)):
                    fs -= len(ordinal)
                matches[k] = (row, fs, fe, True)
    # Labels printed out of the form's order (a converter put table 二's small tables before its
    # first): anywhere in the table, outside the labels already placed, and only with a value on
    # the label's own line. A bare label out of order says nothing about which values are its.
    taken = [(m[1], m[2]) for m in matches if m[1] is not None and m[0].label is not None]
    for k, (row, s, e, _) in enumerate(matches):
        if s is None and row.label is not None:
            hit = next((m for m in _row_pattern(row).finditer(flat.compact, start, end)
                        if not any(m.start() < b and a < m.end() for a, b in taken)  # type: ignore[operator]
                        and flat.value_on_line(m.end())), None)
            if hit is not None:
                matches[k] = (row, hit.start(), hit.end(), False)
                taken.append((hit.start(), hit.end()))
    table = TableRead(spec, True)
    # A group none of whose rows is printed may print its total on its own label's line.
    pseudo: dict[int, GroupSpec] = {}
    for group in spec.groups:
        ks = [k for k, m in enumerate(matches) if m[0].key in group.rows]
        if not ks or any(matches[k][1] is not None for k in ks):
            continue
        lo = next((m[2] for m in reversed(matches[:ks[0]]) if m[2] is not None), start)
        hi = next((m[1] for m in matches[ks[-1] + 1:] if m[1] is not None), end)
        gm = re.compile(_alternation([group.label])).search(flat.compact, lo, hi)
        if gm is not None:
            row = RowSpec(group.key, group.label, (), tuple(c.key for c in spec.columns))
            pseudo[id(row)] = group
            matches.append((row, gm.start(), gm.end(), False))
    found = sorted((m for m in matches if m[1] is not None), key=lambda m: m[1])
    next_start = {id(found[j][0]): (found[j + 1][1] if j + 1 < len(found) else end) for j in range(len(found))}
    runs = []
    for row, s, e, fuzzy in found:
        run_end = next_start[id(row)]
        last = run_end == end
        label_prov = flat.fragments[flat.frag_of(flat.full(s))].prov if row.label is not None else None
        runs.append((row, label_prov, fuzzy, *_read_run(flat, noise, e, run_end, last, spec.key, label_prov)))
    adopt_orphans(spec, [(tokens, extras) for *_, tokens, extras in runs])
    filled, taken, unsure = fill_in_order(spec, runs)
    reads: dict[int, RowRead] = {}
    for row, label_prov, fuzzy, tokens, extras in runs:
        own = tuple(t for t in tokens if id(t) not in taken)
        reads[id(row)] = RowRead(row, True, own, label_prov, fuzzy)
        table.extra_rows.extend(e for e in extras if not (e.tokens and all(id(t) in taken for t in e.tokens)))
    for row in spec.rows:
        if row.key in filled:
            table.rows.append(RowRead(row, True, filled[row.key], by_order=True))
        elif row.key in unsure:
            table.rows.append(RowRead(row, True, (), reads[id(row)].label_prov, displaced=True))
        else:
            table.rows.append(reads.get(id(row), RowRead(row, False)))
    for rid, group in pseudo.items():
        if reads[rid].tokens:  # a bare group label prints no total: its rows are not printed at all
            table.group_rows.append((group, reads[rid]))
    first_value = min((m[2] for m in found if m[0].label is not None), default=end)
    table.header_spans = _header_spans(flat, spec, template_id, start, first_value if first_value > start else end)
    return table


_ORDINAL_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}[.、]\s*$")


def _read_run(flat: Flat, noise: "re.Pattern[str]", cstart: int, cend: int, last: bool,
              table_key: str, label_prov: Provenance | None) -> tuple[list[Token], list[ExtraRow]]:
    """Tokens printed between compact positions ``cstart`` and ``cend``."""
    a = flat.full_end(cstart) if cstart > 0 else 0
    b = flat.full(cend)
    spans = []
    for m in noise.finditer(flat.compact, cstart, cend):
        x = flat.full(m.start())
        # The ordinal printed just before a known label (`2.其他法律…`) is part of it.
        ordinal = _ORDINAL_BEFORE_RE.search(flat.text, max(a, x - 4), x)
        spans.append(((ordinal.start() if ordinal else x) - a, flat.full_end(m.end()) - a))
    # Page footers inside a table are not values.
    f0, f1 = flat.frag_of(a), flat.frag_of(max(a, b - 1))
    for f in flat.footers:
        if f0 <= f <= f1:
            spans.append((flat.starts[f] - a, flat.starts[f] + len(flat.frag_texts[f]) + 1 - a))
    text = blank_out(flat.text[a:b], [(max(0, x), min(b - a, y)) for x, y in spans])
    toks, pieces = tokenize(text, a, flat.starts, flat.frag_texts, flat.provs)
    if any(t.blank and t.prov.table is not None for _, t in toks):
        # Empty cells count as blanks only on the label's own table row or on a row of values;
        # elsewhere (header rows, the label columns of the next row) they are layout.
        valued = {(t.prov.table, t.prov.row) for _, t in toks if not t.blank}
        if label_prov is not None and label_prov.table is not None:
            own = (label_prov.table, label_prov.row)
            # A row that prints values on its label's own line is read by position on that
            # line: empty cells of the next row's label columns are not its blanks.
            valued = {own} if own in valued else valued | {own}
        toks = [(p, t) for p, t in toks
                if not t.blank or t.prov.table is None or (t.prov.table, t.prov.row) in valued]
    if last:
        # The last row of a table runs into whatever follows: stop at prose.
        cut = next((p.start for p in pieces if _TRAILING_TEXT_RE.match(p.text) and any(t[0] < p.start for t in toks)), None)
        if cut is not None:
            toks = [t for t in toks if t[0] < cut]
            pieces = [p for p in pieces if p.start < cut]
    return split_extra(toks, pieces, lambda pos: flat.fragments[flat.frag_of(pos + a)].prov, table_key)
