"""From rows as read to grid cells: placement search, statuses, identity findings."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from .. import templates
from ..checks.identities import expand, identity_findings, ref_str
from .displaced import displaced_rows, scrambled_table, values_among_headers
from .premises import contradicted, rests_on_absent_cells
from .reconstruct import Reading, RowRead, TableRead
from .positions import column_spans, place, trim_layout
from ..report import Cell, ExtraRowOut, Finding
from .bounds import settle
from .readings import BLANK, FORCED, Equation, Placement, SearchTooLarge, enumerate_row, solve
from ..templates import Template
from .scale import header_unit, with_unit


def build(reading: Reading) -> tuple[list[Cell], list[Finding], list[ExtraRowOut]]:
    """Cells of the whole grid, with findings about placement and identities."""
    cells: list[Cell] = []
    findings: list[Finding] = [Finding("info", "template", n) for n in reading.notices]
    extras: list[ExtraRowOut] = []
    unit = header_unit(reading.flat.compact)
    assumed_rows: set[tuple[str, str]] = set()
    # One table flattened column by column means the whole document was (plain pdftotext).
    flattened = any(scrambled_table(list(t.rows)) for t in reading.tables.values())
    for spec in reading.template.tables:
        table = reading.tables[spec.key]
        if unit not in (None, "万元"):
            amount = {c.key for c in spec.columns if c.kind == "amount"}
            table.rows = [replace(r, tokens=with_unit(r.tokens, unit)) if amount & set(r.row.columns) else r
                          for r in table.rows]
        if not table.found:
            findings.append(Finding("error", "table_missing", f"table {spec.key} ({spec.heading}) was not found",
                                    tuple(ref_str((spec.key, r.key, c)) for r in spec.rows for c in r.columns)))
        tc, tf, assumed = _build_table(reading.template, table, reading.reflowed, flattened)
        assumed_rows |= {(spec.key, key) for key in assumed}
        cells += tc
        findings += tf
        if table.printing == 2:
            findings.append(Finding("info", "second_printing", f"{spec.key}: read from the table's second printing "
                                    "further on, which prints every cell; the first shows fewer values"))
        extras += [ExtraRowOut(e.table, e.label, e.values, e.prov) for e in table.extra_rows]
        for e in table.extra_rows:
            findings.append(Finding("info", "extra_row", f"{spec.key}: row {e.label!r} is not on the national form; "
                                    f"kept under extra_rows with values {', '.join(e.values)}"))
    # Values put on a row by the form's order are printed, but their row is inferred.
    by_order = [(spec.key, r) for spec in reading.template.tables for r in reading.tables[spec.key].rows
                if r.by_order]
    ordered = frozenset((key, r.row.key) for key, r in by_order)
    cells = [replace(c, status="inferred") if (c.table, c.row) in ordered and c.status == "ok" else c
             for c in cells]
    findings += [Finding("warning", "order_filled",
                         f"{key}.{r.row.key}: values printed apart from any label ({' '.join(t.text for t in r.tokens)}) "
                         "put on this row by the form's order; left open if an identity over them fails",
                         _row_refs(key, r)) for key, r in by_order]
    values = {(c.table, c.row, c.column): c.value for c in cells}
    cells, undone = contradicted(reading.template, cells, values, assumed_rows, ordered)
    if undone:  # an inferred finding about cells now left open would name values no longer given
        gone = {ref for f in undone for ref in f.cells}
        findings = [f for f in findings if not (f.code == "inferred" and set(f.cells) <= gone)] + undone
        values = {(c.table, c.row, c.column): c.value for c in cells}
    findings += identity_findings(reading.template, values)
    return cells, findings, extras


def _build_table(template: Template, table: TableRead, reflowed: bool = False, flattened: bool = False
                 ) -> tuple[list[Cell], list[Finding], set[str]]:
    """The table's cells, findings, and the rows whose values rest on absent cells being 0."""
    spec = table.spec
    findings: list[Finding] = []
    # Units: the form's rows, then any group printed only as its total.
    rows = list(table.rows) + [read for _, read in table.group_rows]
    local, cross, standing_in = _equations(template.id, spec.key, tuple(g.key for g, _ in table.group_rows))
    kind_of = {c.key: c.kind for c in spec.columns}
    rows = _placed_by_position(rows, table.header_spans, reflowed)
    domains: list[list[Placement] | None] = []
    displaced = displaced_rows(rows)
    scrambled = scrambled_table(rows, flattened) or values_among_headers(table, flattened)
    if scrambled:
        findings.append(Finding("warning", "table_scrambled",
                                f"{spec.key}: most labels print no value on their line while values stand in "
                                "blocks elsewhere (a table flattened column by column, as plain pdftotext does); "
                                "cells left undetermined",
                                tuple(ref for r in rows if r.found for ref in _row_refs(spec.key, r))))
    for i, r in enumerate(rows):
        if not r.found:
            domains.append(None)
            continue
        if scrambled or r.displaced or i in displaced:
            if r.displaced:
                findings.append(Finding("warning", "rows_unpaired",
                                        f"{spec.key}.{r.row.key}: rows of values and loose labels around this row "
                                        "do not pair up; cells left undetermined", _row_refs(spec.key, r)))
            elif not scrambled:
                findings.append(Finding("warning", "values_displaced",
                                        f"{spec.key}.{r.row.key}: no values follow label {r.row.label!r} while a "
                                        "neighbouring row prints more values than it has cells; cells left "
                                        "undetermined", _row_refs(spec.key, r)))
            domains.append(None)
            continue
        kinds = [kind_of[c] for c in r.row.columns]
        if len(r.tokens) > len(kinds):
            r = rows[i] = replace(r, tokens=trim_layout(r.tokens, len(kinds)))
        try:
            dom = enumerate_row(r.tokens, kinds, local[i])
        except SearchTooLarge:
            findings.append(Finding("warning", "placement_too_large",
                                    f"{spec.key}.{r.row.key}: too many ways to read {len(r.tokens)} printed values; "
                                    "cells left undetermined", _row_refs(spec.key, r)))
            dom = None
        if dom is not None and not dom:
            findings.append(Finding("warning", "placement_none",
                                    f"{spec.key}.{r.row.key}: {len(r.tokens)} printed values "
                                    f"({' '.join(t.text for t in r.tokens) or 'none'}) cannot fill its "
                                    f"{len(r.row.columns)} cells", _row_refs(spec.key, r)))
            dom = None
        domains.append(dom)
    usable = [i for i, d in enumerate(domains) if d]
    remap = {u: j for j, u in enumerate(usable)}
    eqs = [Equation(tuple((remap[u], c, k) for u, c, k in eq.terms))
           for eq in cross if all(u in remap for u, _, _ in eq.terms)]
    sub = [domains[u] for u in usable]
    viable: list[list[int]] | None
    try:
        viable = solve(sub, eqs)  # type: ignore[arg-type]
    except SearchTooLarge:
        viable = None
        findings.append(Finding("warning", "placement_too_large",
                                f"{spec.key}: too many combinations of dropped or fused cells to search jointly"))
    if viable is None:
        viable = [list(range(len(d))) for d in sub]  # type: ignore[arg-type]
        if any(len(d) > 1 for d in sub):  # type: ignore[arg-type]
            findings.append(Finding("warning", "placement_inconsistent",
                                    f"{spec.key}: no reading of the dropped or fused cells satisfies every identity; "
                                    "each such cell keeps all its row's readings"))
    chosen: dict[int, list[Placement]] = {i: [sub[remap[i]][k] for k in viable[remap[i]]]  # type: ignore[index]
                                          for i in remap}
    chosen = _settle_blanks(rows, chosen, local, cross, kind_of)
    assumed = {rows[i].row.key for i, ps in chosen.items() if rests_on_absent_cells(ps, local[i])}
    cells: list[Cell] = []
    for i in range(len(table.rows)):
        r = rows[i]
        unit = standing_in.get(r.row.key)
        if i in chosen:
            cells += _row_cells(spec.key, r, chosen[i], findings)
        elif unit is not None and unit in chosen:
            cells += _group_member_cells(spec.key, r, rows[unit], chosen[unit], findings)
        else:
            cells += [Cell(spec.key, r.row.key, c, None, "missing") for c in r.row.columns]
            if not r.found and table.found:
                findings.append(Finding("warning", "row_missing",
                                        f"{spec.key}.{r.row.key}: label {r.row.label!r} not found",
                                        _row_refs(spec.key, r)))
        if r.fuzzy:
            findings.append(Finding("info", "label_fuzzy",
                                    f"{spec.key}.{r.row.key}: label {r.row.label!r} matched approximately"))
    return cells, findings, assumed


@lru_cache(maxsize=None)
def _equations(template_id: str, table_key: str, groups: tuple[str, ...]
               ) -> tuple[tuple[tuple[tuple[tuple[int, int], ...], ...], ...], tuple[Equation, ...], dict[str, int]]:
    """The table's identities over its units (rows, then the groups printed only as a total):
    per unit its row-local equations as (column, coefficient) pairs, the equations across
    units, and which unit stands in for each sub-row of those groups. A function of the
    template alone, so it is worked out once per table shape."""
    template = templates.get(template_id)
    spec = template.table(table_key)
    by_key = {g.key: g for g in spec.groups}
    all_columns = {c.key: j for j, c in enumerate(spec.columns)}
    row_index = {r.key: i for i, r in enumerate(spec.rows)}
    standing_in: dict[str, int] = {}  # sub-row key -> unit of its group's total
    for k, key in enumerate(groups):
        for row_key in by_key[key].rows:
            standing_in[row_key] = len(spec.rows) + k
    col_index = [{c: j for j, c in enumerate(r.columns)} for r in spec.rows] + [all_columns for _ in groups]
    local: list[list[tuple[tuple[int, int], ...]]] = [[] for _ in col_index]
    cross: list[Equation] = []
    for check in expand(template):
        if check.spec.table != table_key:
            continue
        signed = [(r, c, 1) for _, r, c in check.left] + [(r, c, -1) for _, r, c in check.right]
        terms = _terms(signed, row_index, standing_in, col_index)
        if terms is None:
            continue
        units = {u for u, _, _ in terms}
        if len(units) == 1:
            local[terms[0][0]].append(tuple((c, k) for _, c, k in terms))
            # A group's total obeys the row identities of its rows.
            for key, unit in standing_in.items():
                if terms[0][0] == row_index[key] and not local[unit]:
                    local[unit].append(tuple((c, k) for _, c, k in terms))
        else:
            cross.append(Equation(tuple(terms)))
    return tuple(tuple(eqs) for eqs in local), tuple(cross), standing_in


def _placed_by_position(rows: list[RowRead], header_spans: dict[str, tuple[float, float]] | None,
                        reflowed: bool = False) -> list[RowRead]:
    """Short rows whose values' printed positions fix their columns get explicit blanks.

    Columns are located from rows that print every value, else from the header labels.
    """
    by_width: dict[tuple[str, ...], list[RowRead]] = {}
    for r in rows:
        if r.found:
            by_width.setdefault(r.row.columns, []).append(r)
    out = list(rows)
    for cols, group in by_width.items():
        short = [r for r in group if 0 < len(r.tokens) < len(cols)]
        if not short:
            continue
        spans = column_spans([r.tokens for r in group], len(cols))
        if spans is None:
            # The small tables of table 二 stand on one grid: rows of another as wide mark it too.
            spans = column_spans([r.tokens for r in rows if r.found and len(r.row.columns) == len(cols)], len(cols))
        # Header words mark columns only on a page (PDF geometry); in character-column text
        # they are centred over right- or left-aligned values and say less than the values do.
        paged = any(t.prov.page is not None for r in group for t in r.tokens)
        if spans is None and header_spans and all(c in header_spans for c in cols):
            spans = [header_spans[c] for c in cols]
            if any(spans[j][1] >= spans[j + 1][0] for j in range(len(spans) - 1)):
                spans = None
            elif not paged:
                spans = _left_aligned(group, spans)
        if spans is None:
            continue
        for r in short:
            placed = place(r.tokens, spans)
            # Values packed into the first columns are what a browser draws for a row whose
            # cells were dropped: there positions say nothing, and the row is left to the search.
            packed = reflowed and placed is not None and all(not t.blank for t in placed[:len(r.tokens)])
            if placed is not None and not packed:
                out[out.index(r)] = replace(r, tokens=placed)
    return out


def _left_aligned(rows: list[RowRead], header: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """Columns reaching from each header word to the next, when every value of the rows
    starts exactly where a header word starts (pandoc plain pads each cell to the left edge
    of its column); else None."""
    starts = [a for a, _ in header]
    values = [t for r in rows for t in r.tokens if not t.blank and t.prov.bbox is not None]
    if len(values) < 3 or any(t.prov.bbox[0] not in starts for t in values):  # type: ignore[index]
        return None
    return [(a, b - 1) for a, b in zip(starts, starts[1:] + [float("inf")])]


def _settle_blanks(rows: list[RowRead], chosen: dict[int, list[Placement]],
                   local: Sequence[Sequence[tuple[tuple[int, int], ...]]], cross: Sequence[Equation],
                   kind_of: dict[str, str]) -> dict[int, list[Placement]]:
    """Blank cells that bounds over all the table's identities fix (see :mod:`bounds`).

    Only when every row has one reading and the blanks read as 0 break an identity; the
    cells the bounds fix get their value (``inferred``), everything else is left as read.
    """
    if not chosen or any(len(ps) != 1 for ps in chosen.values()):
        return chosen
    values: dict[tuple[int, int], object] = {}
    free: set[tuple[int, int]] = set()
    signed: set[tuple[int, int]] = set()
    for i, ps in chosen.items():
        p, r = ps[0], rows[i]
        for j, v in enumerate(p.values):
            values[(i, j)] = v
            o = p.origin[j]
            if o < 0 and p.pieces[j] is None or o >= 0 and r.tokens[o].blank:
                free.add((i, j))
                if kind_of[r.row.columns[j]] == "signed":
                    signed.add((i, j))
    if not free:
        return chosen
    eqs = [tuple((i, c, k) for c, k in eq) for i in chosen for eq in local[i]]
    eqs += [eq.terms for eq in cross if all(u in chosen for u, _, _ in eq.terms)]
    if all(sum(values[(u, c)] * k for u, c, k in eq) == 0 for eq in eqs):  # type: ignore[misc]
        return chosen  # the common case: the blanks read as 0 already fit
    fixed = settle(values, free, signed, eqs)  # type: ignore[arg-type]
    if not fixed:
        return chosen
    out = dict(chosen)
    for i in {u for u, _ in fixed}:
        p = chosen[i][0]
        vals, origin = list(p.values), list(p.origin)
        for (u, j), v in fixed.items():
            if u == i:
                vals[j], origin[j] = v, FORCED
        out[i] = [Placement(tuple(vals), tuple(origin), p.pieces)]
    return out


def _terms(signed: list[tuple[str, str, int]], row_index: dict[str, int], standing_in: dict[str, int],
           col_index: list[dict[str, int]]) -> list[tuple[int, int, int]] | None:
    """An identity's terms over units; a group's total stands in for all its rows at once."""
    terms: dict[tuple[int, int], int] = {}
    seen_group: dict[tuple[int, int], int] = {}
    for r, c, k in signed:
        if r in standing_in:
            unit = standing_in[r]
            key = (unit, col_index[unit][c])
            if key in seen_group:
                if seen_group[key] != k:
                    return None
                continue
            seen_group[key] = k
        else:
            unit = row_index[r]
            key = (unit, col_index[unit][c])
        terms[key] = terms.get(key, 0) + k
    # Every row of a group must be in the identity for its total to stand in for them.
    return [(u, c, k) for (u, c), k in terms.items() if k]


def _group_member_cells(table: str, r: RowRead, group: RowRead, placements: Sequence[Placement],
                        findings: list[Finding]) -> list[Cell]:
    """A row of a group that the report prints only as a total: 0 if the total is 0, else open."""
    out = []
    for j, col in enumerate(r.row.columns):
        totals = sorted({p.values[j] for p in placements})
        if totals == [0]:
            out.append(Cell(table, r.row.key, col, 0, "inferred"))
        else:
            top = max(totals)
            out.append(Cell(table, r.row.key, col, None, "ambiguous", None,
                            tuple(range(0, int(top) + 1)) if top <= 50 else ()))
    if not any(f.code == "group_total" and f"{table}.{group.row.key}:" in f.message for f in findings):
        findings.append(Finding("warning", "group_total",
                                f"{table}.{group.row.key}: the report prints only the total of {group.row.label} "
                                f"({' '.join(t.text for t in group.tokens)}), not its rows; rows whose total is 0 "
                                "are inferred 0, the others are open",
                                tuple(c.ref for c in out if c.status == "ambiguous")))
    return out


def _row_refs(table: str, r: RowRead) -> tuple[str, ...]:
    return tuple(f"{table}.{r.row.key}.{c}" for c in r.row.columns)


def _row_cells(table: str, r: RowRead, placements: Sequence[Placement], findings: list[Finding]) -> list[Cell]:
    if len(placements) == 1 and all(o >= 0 for o in placements[0].origin) and \
            not any(t.number is not None and t.number.unit in ("元", "亿元") for t in r.tokens):
        # Every cell holds its own printed token: the common case, kept cheap.
        p = placements[0]
        key = r.row.key
        return [Cell(table, key, col, p.values[j], "empty" if (tok := r.tokens[p.origin[j]]).number is None
                     else "ok", tok.prov, (), tok.note) for j, col in enumerate(r.row.columns)]
    out: list[Cell] = []
    short = len(r.tokens) < len(r.row.columns)
    inferred, ambiguous = [], []
    for j, col in enumerate(r.row.columns):
        vals = list(dict.fromkeys(p.values[j] for p in placements))
        origins = {p.origin[j] for p in placements}
        ref = f"{table}.{r.row.key}.{col}"
        if len(vals) > 1:
            cands = tuple(sorted(vals))
            out.append(Cell(table, r.row.key, col, None, "ambiguous", None, cands))
            ambiguous.append(f"{ref} ∈ {{{', '.join(str(v) for v in cands)}}}")
            continue
        v = vals[0]
        if len(origins) == 1:
            o = next(iter(origins))
            if o >= 0:
                tok = r.tokens[o]
                status = "empty" if tok.blank else "ok"
                out.append(Cell(table, r.row.key, col, v, status, tok.prov, (), tok.note))
                continue
            if o == BLANK:
                out.append(Cell(table, r.row.key, col, v, "empty"))
                continue
        out.append(Cell(table, r.row.key, col, v, "inferred"))
        inferred.append(f"{ref} = {v}")
    printed = " ".join(t.text for t in r.tokens)
    converted = [t for t in r.tokens if t.number is not None and t.number.unit in ("元", "亿元")]
    if converted:
        findings.append(Finding("info", "unit", f"{table}.{r.row.key}: amounts printed in "
                                f"{', '.join(t.text for t in converted)} converted exactly to 万元",
                                tuple(f"{table}.{r.row.key}.{c}" for c in r.row.columns
                                      if any(p.origin[r.row.columns.index(c)] >= 0
                                             and r.tokens[p.origin[r.row.columns.index(c)]] in converted
                                             for p in placements))))
    if inferred:
        why = (f"prints {len(r.tokens)} values for {len(r.row.columns)} cells" if short
               else "leaves a cell blank")
        findings.append(Finding("warning", "inferred",
                                f"{table}.{r.row.key} {why} ({printed}); the identities fix: {'; '.join(inferred)}",
                                tuple(x.split(" = ")[0] for x in inferred)))
    if ambiguous:
        findings.append(Finding("warning", "ambiguous",
                                f"{table}.{r.row.key} prints {printed!r}; several placements fit the identities: "
                                + "; ".join(ambiguous), tuple(x.split(" ∈ ")[0] for x in ambiguous)))
    return out
