"""Step ``labels``: where each row's label stands in its table's span.

Labels are searched on the compact text (see :mod:`gipextract.read.normalize`), in the form's
order: verbatim (with the template's variants), then, between the neighbours found, a label
cut in two by values or truncated and misspelt (:mod:`.labelsearch`), then a label printed
out of the form's order, where a value stands on its own line. A group none of whose rows
is printed may print its total on its own label. A row-label variant goes into the
template's JSON (``variants``), not here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import templates
from ..read.normalize import compact, label_core, label_ordinal
from ..templates import RowSpec, TableSpec
from .flat import Flat
from .labelsearch import approximate, split_label
from .state import LabelHit, State, TableRead


def alternation(labels: list[str]) -> str:
    """A regex matching any of ``labels`` on the compact text, its ordinal optional."""
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


def row_pattern(row: RowSpec) -> "re.Pattern[str]":
    """The row's label and its variants."""
    # Row specs live as long as their cached template, so their id() is a stable key
    # (hashing a spec would walk all its fields on every lookup).
    pat = _ROW_PATTERNS.get(id(row))
    if pat is None:
        assert row.label is not None
        pat = _ROW_PATTERNS[id(row)] = re.compile(alternation([row.label, *row.variants]))
    return pat


@lru_cache(maxsize=None)
def noise_pattern(template_id: str, table_key: str) -> "re.Pattern[str]":
    """Every label and header word of the table: text that is never a value."""
    spec = templates.get(template_id).table(table_key)
    labels = list(spec.noise) + [spec.heading, *spec.heading_variants]
    for c in spec.columns:
        labels += [c.label, *c.variants]
        labels += c.label.split(" ")  # appeals header words
    cores = {compact(x) for x in labels if x} | {label_core(x) for x in labels if x}
    cores.discard("")
    return re.compile("|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)))


def find_labels(state: State) -> None:
    """Every row label of every table being read (first and later printings)."""
    for table in state.tables.values():
        if table.found:
            table.hits = table_labels(state.flat, table, state.template.id)  # type: ignore[union-attr]


def table_labels(flat: Flat, table: TableRead, template_id: str) -> list[LabelHit]:
    """The label hits of one table's span: the form's rows, then groups printed as their total."""
    spec, start, end = table.spec, table.start, table.end
    hits: list[LabelHit] = []
    pos = start
    for row in spec.rows:
        if row.label is None:
            at = _unlabelled_start(flat, table)
            hits.append(LabelHit(row, at, at))
            continue
        m = row_pattern(row).search(flat.compact, pos, end)
        if m is not None:
            hits.append(LabelHit(row, m.start(), m.end()))
            pos = m.end()
        else:
            hits.append(LabelHit(row, None, None))
    _inexact(flat, spec, template_id, hits, start, end)
    _out_of_order(flat, hits, start, end)
    return hits + _group_totals(flat, spec, hits, start, end)


_DIGIT = re.compile(r"\d")


def _unlabelled_start(flat: Flat, table: TableRead) -> int | None:
    """Where the row without a label (table 四's) is read from: after the header words; or,
    when nothing numeric follows them but numbers stand between the heading and the header
    (a producer that wrote the values first), from the heading if the page shows those numbers
    below the header; otherwise nowhere (the row is not taken for blank)."""
    if table.lead is None:
        return table.start
    a, s, e = flat.full(table.lead), flat.full(table.start), flat.full(table.end)
    if _DIGIT.search(flat.text, s, e) or not _DIGIT.search(flat.text, a, s):
        return table.start
    numbers = [flat.provs[f] for f in range(flat.frag_of(a), flat.frag_of(max(a, s - 1)) + 1)
               if _DIGIT.search(flat.frag_texts[f])]
    header = [flat.provs[f] for f in range(flat.frag_of(s), flat.frag_of(max(s, e - 1)) + 1)
              if flat.frag_texts[f].strip()]
    boxes = numbers + header
    if boxes and all(p.bbox is not None and p.page == boxes[0].page for p in boxes) and \
            min(p.bbox[1] for p in numbers) >= max(p.bbox[3] for p in header) - 1:  # type: ignore[index]
        return table.lead
    return None


def _inexact(flat: Flat, spec: TableSpec, template_id: str, hits: list[LabelHit], start: int, end: int) -> None:
    """Labels not found verbatim (split, truncated, misspelt): looked for between the neighbours found."""
    noise = noise_pattern(template_id, spec.key)
    for k, hit in enumerate(hits):
        row = hit.row
        if hit.start is not None or row.label is None:
            continue
        lo = next((h.end for h in reversed(hits[:k]) if h.end is not None), start)
        hi = next((h.start for h in hits[k + 1:] if h.start is not None), end)
        if hi <= lo:
            continue
        split = split_label(flat, row_pattern(row), lo, hi)
        if split is not None:
            hits[k] = LabelHit(row, split[0], split[1])
            continue
        found_at = approximate(flat, row.label, noise, lo, hi)
        if found_at is not None:
            fs, fe = found_at
            while fs < fe and flat.compact[fs] in ".()":
                fs += 1
            # The ordinal printed before the label (`2.`) belongs to it, not to the row above.
            ordinal = label_ordinal(row.label)
            if ordinal and fs >= len(ordinal) and flat.compact.startswith(ordinal, fs - len(ordinal)):
                fs -= len(ordinal)
            hits[k] = LabelHit(row, fs, fe, approximate=True)


def _out_of_order(flat: Flat, hits: list[LabelHit], start: int, end: int) -> None:
    """Labels printed out of the form's order (a converter put table 二's small tables before
    its first): anywhere in the table, outside the labels already placed, and only with a
    value on the label's own line. A bare label out of order says nothing about which values
    are its."""
    taken = [(h.start, h.end) for h in hits if h.start is not None and h.row.label is not None]
    for k, hit in enumerate(hits):
        if hit.start is not None or hit.row.label is None:
            continue
        m = next((m for m in row_pattern(hit.row).finditer(flat.compact, start, end)
                  if not any(m.start() < b and a < m.end() for a, b in taken)  # type: ignore[operator]
                  and flat.value_on_line(m.end())), None)
        if m is not None:
            hits[k] = LabelHit(hit.row, m.start(), m.end())
            taken.append((m.start(), m.end()))


def _group_totals(flat: Flat, spec: TableSpec, hits: list[LabelHit], start: int, end: int) -> list[LabelHit]:
    """A group none of whose rows is printed may print its total on its own label's line."""
    out = []
    for group in spec.groups:
        ks = [k for k, h in enumerate(hits) if h.row.key in group.rows]
        if not ks or any(hits[k].start is not None for k in ks):
            continue
        lo = next((h.end for h in reversed(hits[:ks[0]]) if h.end is not None), start)
        hi = next((h.start for h in hits[ks[-1] + 1:] + out if h.start is not None), end)
        m = re.compile(alternation([group.label])).search(flat.compact, lo, hi)
        if m is not None:
            row = RowSpec(group.key, group.label, (), tuple(c.key for c in spec.columns))
            out.append(LabelHit(row, m.start(), m.end(), group=group))
    return out
