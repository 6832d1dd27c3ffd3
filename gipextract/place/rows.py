"""Step ``rows``: the value tokens printed after each row's label.

The text between a row's label and the next label is that row's *run*: known label text,
page footers and (in a table's last row) the prose that follows are blanked out, the rest
is cut into tokens (:mod:`.tokens`), and label text after the values starts a row the form
does not have (:mod:`.extras`).
"""
from __future__ import annotations

import re

from ..read.document import Provenance
from ..read.normalize import HAN, LazyPattern
from .extras import ExtraRowRead, adopt_orphans, split_extra
from .flat import Flat
from .labels import noise_pattern
from .state import State, TableRead
from .tokens import Token, blank_out, tokenize

_ORDINAL_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}[.、]\s*$")
_TRAILING_TEXT_RE = LazyPattern(f"[{HAN}]{{6,}}")
_HAN_AT_RE = LazyPattern(f"[{HAN}]")


def read_rows(state: State) -> None:
    """Each found label's run of tokens, in text order, for every table being read."""
    for table in state.tables.values():
        if table.found:
            table_runs(state.flat, table, state.template.id)  # type: ignore[union-attr]


def table_runs(flat: Flat, table: TableRead, template_id: str) -> None:
    """Fill ``table.runs``: (label hit, the label's provenance, tokens, extra rows) per found label."""
    noise = noise_pattern(template_id, table.spec.key)
    found = sorted((h for h in table.hits if h.start is not None), key=lambda h: h.start)  # type: ignore[arg-type,return-value]
    table.runs = []
    for j, hit in enumerate(found):
        run_end = found[j + 1].start if j + 1 < len(found) else table.end
        label_prov = flat.fragments[flat.frag_of(flat.full(hit.start))].prov if hit.row.label is not None else None  # type: ignore[arg-type]
        tokens, extras = read_run(flat, noise, hit.end, run_end, run_end == table.end,  # type: ignore[arg-type]
                                  table.spec.key, label_prov)
        if hit.row.label is not None and flat.wraps(hit.start, hit.end):  # type: ignore[arg-type]
            # A label wrapped over lines owns the values printed between its pieces (pymupdf4llm:
            # `（二）部分公开（区分处理的，只` / `- — / 1 1` / `计这一情形，不计其他情形）`).
            # Only lines strictly between its first and last: the first may hold its ordinal (`1.`).
            inner, _ = read_run(flat, noise, hit.start, hit.end, False, table.spec.key, label_prov)  # type: ignore[arg-type]
            first = flat.frag_of(flat.full(hit.start))  # type: ignore[arg-type]
            last_f = flat.frag_of(flat.full_end(hit.end) - 1)  # type: ignore[arg-type]
            lines = {flat.provs[first].line, flat.provs[last_f].line}
            tokens = [t for t in inner if t.prov.line is not None and t.prov.line not in lines] + tokens
        table.runs.append((hit, label_prov, tokens, extras))
    adopt_orphans(table.spec, [(tokens, extras) for _, _, tokens, extras in table.runs])


def read_run(flat: Flat, noise: "re.Pattern[str]", cstart: int, cend: int, last: bool,
             table_key: str, label_prov: Provenance | None) -> tuple[list[Token], list[ExtraRowRead]]:
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
    spans += [(x - a, y - a) for x, y in flat.stamps if x < b and y > a]
    # The run ends where the next label's hit begins; a split label is found from its words
    # (其他法律…公开), and its ordinal `2.` just before is no value of this row.
    tail = _ORDINAL_BEFORE_RE.search(flat.text, max(a, b - 4), b)
    if tail is not None and b < len(flat.text) and _HAN_AT_RE.match(flat.text, b):
        spans.append((tail.start() - a, b - a))
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
