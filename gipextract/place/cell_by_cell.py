"""Tables a text tool wrote out cell by cell: where the order of the text no longer says whose
a value is.

Plain ``pdftotext`` (and tools like it) writes a ruled table one cell at a time, each on a
line of its own, with no position kept. A long label in a narrow column then comes apart over
several lines, and a value can stand before the label it belongs to, between its pieces, or
after the next table's header words. The identities cannot tell: a value that moves from one
row to the next keeps every row total and every column total. So where the text shows that
it was written so, the rows whose values order alone would place are left open.
"""
from __future__ import annotations

from ..read.normalize import compact
from .labels import noise_pattern
from .state import RowRead, State, TableRead

# Header and heading words shorter than this (其他, 总计) also stand inside row labels
# (不计其他情形), so only the longer ones (信息内容, 本年处理决定数量, 第二十条第（八）项) say
# "a table heading stands here".
_MIN_WORDING = 4
_MAX_PRINTINGS = 8


def unpositioned(rows: list[RowRead]) -> bool:
    """Are the rows' values each on a line of their own, with no page or table position?"""
    tokens = [t for r in rows for t in r.tokens]
    return bool(tokens) and not any(t.prov.bbox is not None or t.prov.table is not None or t.inline
                                    for t in tokens)


def _loose(row: RowRead) -> bool:
    """Is the row's label printed in text or a text tool's table (a line, no box on a page and
    no cell of a DOCX or HTML table)?"""
    p = row.label_prov
    return p is None or p.bbox is None and (p.table is None or p.line is not None)


def _wrapped_labels(state: State, table: TableRead) -> int:
    """How many of the table's labels the text breaks over several lines."""
    flat = state.flat
    return sum(1 for h in table.hits if h.start is not None and h.end is not None and h.row.label
               and flat.wraps(h.start, h.end))


def order_lost(state: State, table: TableRead) -> bool:
    """Was the table written cell by cell, so that no value can be given a row by order?

    Its values stand on lines of their own, and a row prints more values (blank markers
    counted) than it has cells while three rows or more print fewer: values went from row to
    row. Or two labels or more come apart over several lines, and either no blank marker is
    printed while most labels print nothing (the values stand in a few clumps), or three rows
    or more print fewer values than cells while a label prints none (values went to a
    neighbour). A converter that keeps rows together (a DOCX's text, a portal page's) prints
    a row's values after its label, full or with its empty cells only missing, and leaves no
    label bare beside short rows."""
    rows = [r for r in table.rows if r.found and r.row.label]
    valued = [r for r in rows if r.tokens]
    if not valued or not unpositioned(valued):
        return False
    bare = len(rows) - len(valued)
    short = sum(1 for r in valued if len(r.tokens) < len(r.row.columns))
    over = any(len(r.tokens) > len(r.row.columns) for r in valued)
    if over and short >= 3:
        return True
    if _wrapped_labels(state, table) < 2:
        return False
    clumped = not any(t.blank for r in valued for t in r.tokens) and bare >= 0.6 * len(rows)
    return clumped or short >= 3 and bare >= 1


def values_after_wording(state: State, table: TableRead) -> set[int]:
    """Rows (indices into ``all_rows``) whose run prints a value on a line after the form's own
    heading or header words, with the bare rows next to them: a tool writing cells one by
    one puts a row's value after the next block's header (`本年处理决定数量 / 35 / 行政许可`:
    35 is 行政许可's) or after the next heading (`第二十条第（八）项 / 8`: 8 is the row
    before's), and order cannot say which row is whose."""
    rows = table.all_rows()
    if not any(r.found and r.tokens and _loose(r) for r in rows):
        return set()
    flat = state.flat
    noise = noise_pattern(state.template.id, table.spec.key)  # type: ignore[union-attr]
    hits = sorted((h.start, h.end, h.row.key) for h in table.hits
                  if h.start is not None and h.end is not None and h.row.label)
    index = {r.row.key: i for i, r in enumerate(rows)}
    out: set[int] = set()
    for n, (_start, end, key) in enumerate(hits):
        i = index.get(key)
        if i is None or not rows[i].tokens or not _loose(rows[i]):
            continue
        until = hits[n + 1][0] if n + 1 < len(hits) else table.end
        own = flat.provs[flat.frag_of(flat.full_end(end) - 1)].line
        lines = [flat.provs[flat.frag_of(flat.full(m.start()))].line
                 for m in noise.finditer(flat.compact, end, until) if len(m.group(0)) >= _MIN_WORDING]
        # Wording on the label's own line is the rest of the label (a label printed twice).
        after = [x for x in lines if x is not None and own is not None and x > own]
        if after and any(t.number is not None and t.prov.line is not None and t.prov.line > min(after)
                         for t in rows[i].tokens):
            out.add(i)
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(rows) and rows[j].found and not rows[j].tokens:
                    out.add(j)
                    j += step
            # The next row printing fewer values than cells may be missing that very value
            # (`行政事业性收费 / 第二十条第（九）项 / 1 / 政府集中采购 / 3.08`: 1 is 采购's).
            nxt = i + 1
            if nxt < len(rows) and rows[nxt].found and 0 < len(rows[nxt].tokens) < len(rows[nxt].row.columns):
                out.add(nxt)
    return out


def _apart(r: RowRead) -> bool:
    """Does the row print its values on a row of a text tool's table that is not its label's?"""
    rows = {(t.prov.table, t.prov.row) for t in r.tokens}
    if not rows or any(t.prov.table is None or t.prov.bbox is not None or t.prov.line is None for t in r.tokens):
        return False
    p = r.label_prov
    return p is None or (p.table, p.row) not in rows


def _value_lines(r: RowRead) -> bool:
    """Does the row print its values on two lines or more of their own, one holding two values
    at least (text without table cells or boxes)?"""
    if any(t.prov.bbox is not None or t.prov.table is not None for t in r.tokens):
        return False
    per_line: dict[int, int] = {}
    for t in r.tokens:
        if t.prov.line is not None and (r.label_prov is None or t.prov.line != r.label_prov.line):
            per_line[t.prov.line] = per_line.get(t.prov.line, 0) + 1
    return len(per_line) >= 2 and max(per_line.values()) >= 2


def value_lines_beside_bare(table: TableRead) -> set[int]:
    """A row whose values stand on two lines of values or more, apart from its label (`1 1`,
    then `2 2`, under a label wrapped over lines), or on a table row without its label
    (markitdown: `8.属于行政查询事项`, then `| | | 1 | | | 1 |`, then `| （四） | 1.本机关不掌握… |`
    bare), beside labels printing nothing: the values may be a neighbour's, so the row and
    the bare rows next to it are left open (indices into ``all_rows``)."""
    rows = table.all_rows()
    out: set[int] = set()
    if all(r.tokens or not r.found for r in rows):
        return out  # no bare label: the common case of a table's cells
    for i, r in enumerate(rows):
        if not r.found or not (_value_lines(r) or _apart(r)):
            continue
        bare = [j for j in (i - 1, i + 1) if 0 <= j < len(rows) and rows[j].found and not rows[j].tokens]
        if bare:
            out |= {i, *bare}
    return out


def printed_again(state: State, table: TableRead) -> set[int]:
    """Bare rows (indices into ``all_rows``) whose label is printed a second time elsewhere in
    the document with a value on its line: pymupdf4llm writes a table's labels as text, then
    some of its rows again as a pipe table further on (`|2.重复申请|1||||||1|`), past the next
    part's heading; the bare first printing is no proof of a blank row."""
    flat = state.flat
    rows = table.all_rows()
    hits = {h.row.key: h for h in table.hits if h.start is not None and h.end is not None and h.row.label}
    out: set[int] = set()
    for i, r in enumerate(rows):
        h = hits.get(r.row.key)
        if not r.found or r.tokens or h is None:
            continue
        label = compact(r.row.label or "")
        at = flat.compact.find(label)
        # A report prints a label a few times at most; a text repeating it endlessly is no
        # report, and is not searched through.
        for _ in range(_MAX_PRINTINGS):
            if at < 0:
                break
            if at != h.start and flat.value_on_line(at + len(label)):
                out.add(i)
                break
            at = flat.compact.find(label, at + 1)
    return out


def rows_pieced(table: TableRead) -> set[int]:
    """Rows (indices into ``all_rows``) whose values come from two rows or more of a text
    tool's table and do not fill the row exactly: markitdown splits a PDF's row in two
    (`| （七）总计 | | 无 | / | 0 | 1 |`, then `| | 1 | — | 0 |`), and whether the second
    piece is this row's or the next one's, order cannot say."""
    out: set[int] = set()
    rows = table.all_rows()
    for i, r in enumerate(rows):
        if not r.found or len(r.tokens) == len(r.row.columns):
            continue
        pieces = {(t.prov.table, t.prov.row) for t in r.tokens
                  if t.prov.table is not None and t.prov.bbox is None and t.prov.line is not None}
        if len(pieces) > 1:
            out.add(i)
            # The piece after the label's own row may be the next row's, when that prints short.
            if i + 1 < len(rows) and rows[i + 1].found and len(rows[i + 1].tokens) < len(rows[i + 1].row.columns):
                out.add(i + 1)
    return out


def short_and_next(table: TableRead) -> set[int]:
    """In a document another table of which was written cell by cell, the rows of this one
    printing fewer values than cells, and the row after each (indices into ``all_rows``):
    the missing values may stand on the next row, and its own on this one (plain pdftotext:
    `行政处罚 / 20 / 行政强制 / — 83 —`, 83 being 行政处罚's)."""
    rows = table.all_rows()
    if not unpositioned([r for r in rows if r.found]):
        return set()
    out: set[int] = set()
    for i, r in enumerate(rows):
        if r.found and 0 < len(r.tokens) < len(r.row.columns):
            out.add(i)
            if i + 1 < len(rows) and rows[i + 1].found:
                out.add(i + 1)
    return out


def rows_apart(table: TableRead) -> set[int]:
    """Where three rows or more print their values on a text tool's table row apart from their
    label line, those rows (indices into ``all_rows``): markitdown writes a PDF table's labels
    as lines of text between rows of values, and whether a row of values belongs to the label
    above it or the one below, order cannot say (one report's labels follow their values)."""
    rows = table.all_rows()
    apart = {i for i, r in enumerate(rows) if r.found and _apart(r)}
    found = [r for r in rows if r.found and r.row.label]
    # Values after their labels leave none for the last label to go without: a bare last
    # label says the values may come before theirs.
    if len(apart) < 3 or not found or found[-1].tokens:
        return set()
    return apart
