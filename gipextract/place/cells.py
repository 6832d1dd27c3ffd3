"""Step ``cells``: each grid cell from the readings the identities left, with its status.

A cell holding its own printed token is ``ok`` (``empty`` for a blank); a cell that no token
fills but the identities fix is ``inferred``; a cell on which the surviving readings differ
is ``ambiguous`` with its candidates; a cell of a row not read is ``missing``. A row put on
the form by order (:mod:`.order`) is ``inferred`` as a whole: its values are printed, its row
is not.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

from ..read.document import Provenance
from ..report import Cell, ExtraRow, Finding, Status, Value, finding
from .displaced import row_refs
from .placement import BLANK, Placement
from .premises import rests_on_absent_cells
from .state import RowRead, State, TableRead

_CONVERTED = ("元", "亿元")  # amounts printed in another scale, converted to 万元


def make_cells(state: State) -> None:
    """Every cell of the grid, in the form's order, with the findings about how it was read."""
    for spec in state.template.tables:  # type: ignore[union-attr]
        table = state.tables[spec.key]
        if not table.found:
            state.findings.append(finding("table_missing", [f"{spec.key}.{r.key}.{c}" for r in spec.rows
                                                            for c in r.columns], table=spec.key))
        state.cells += _table_cells(state, table)
        if table.printing == 2:
            state.findings.append(finding("second_printing", table=spec.key))
        for e in table.extra_rows:
            state.extra_rows.append(ExtraRow(e.table, e.label, e.values, e.prov))
            state.findings.append(finding("extra_row", table=spec.key, label=e.label, values=list(e.values)))
    ordered = {(t.spec.key, r.row.key) for t in state.tables.values() for r in t.rows if r.read_by == "order"}
    if ordered:
        state.cells = [replace(c, status="inferred") if (c.table, c.row) in ordered and c.status == "ok" else c
                       for c in state.cells]
        state.findings += [finding("order_filled", row_refs(t.spec.key, r), table=t.spec.key, row=r.row.key,
                                   printed=[tok.text for tok in r.tokens])
                           for t in state.tables.values() for r in t.rows if r.read_by == "order"]


def new_cell(table: str, row: str, column: str, value: Value, status: Status, source: Provenance | None = None,
             candidates: tuple[Value, ...] = (), note: str | None = None) -> Cell:
    """``Cell(...)`` for the hundreds of cells of a report: a frozen dataclass's ``__init__``
    sets each field through ``object.__setattr__``; here one dict is set at once (timeit:
    2.4 -> 1.2 us a cell)."""
    c = object.__new__(Cell)
    object.__setattr__(c, "__dict__", {"table": table, "row": row, "column": column, "value": value,
                                       "status": status, "source": source, "candidates": candidates, "note": note})
    return c


def _table_cells(state: State, table: TableRead) -> list[Cell]:
    key = table.spec.key
    local, _, standing_in = table.equations(state.template.id)  # type: ignore[union-attr]
    rows = table.all_rows()
    table.assumed = {rows[i].row.key for i, ps in table.chosen.items() if rests_on_absent_cells(ps, local[i])}
    cells: list[Cell] = []
    for i in range(len(table.rows)):
        r = rows[i]
        total = standing_in.get(r.row.key)
        if i in table.chosen:
            cells += _row_cells(key, r, table.chosen[i], state.findings)
        elif total is not None and total in table.chosen:
            cells += _group_member_cells(key, r, rows[total], table.chosen[total], state.findings)
        else:
            cells += [new_cell(key, r.row.key, c, None, "missing") for c in r.row.columns]
            if not r.found and table.found:
                state.findings.append(finding("row_missing", row_refs(key, r), table=key, row=r.row.key))
        if r.read_by == "approximate":
            state.findings.append(finding("label_fuzzy", table=key, row=r.row.key))
    return cells


def _group_member_cells(table: str, r: RowRead, group: RowRead, placements: Sequence[Placement],
                        findings: list[Finding]) -> list[Cell]:
    """A row of a group that the report prints only as a total: 0 if the total is 0, else open."""
    out = []
    for j, col in enumerate(r.row.columns):
        totals = sorted({p.values[j] for p in placements})
        if totals == [0]:
            out.append(new_cell(table, r.row.key, col, 0, "inferred"))
        else:
            top = max(totals)
            out.append(new_cell(table, r.row.key, col, None, "ambiguous", None,
                            tuple(range(0, int(top) + 1)) if top <= 50 else ()))
    if not any(f.code == "group_total" and f.args.get("table") == table and f.args.get("group") == group.row.key
               for f in findings):
        findings.append(finding("group_total", [c.ref for c in out if c.status == "ambiguous"], table=table,
                                group=group.row.key, printed=[t.text for t in group.tokens]))
    return out


def _row_cells(table: str, r: RowRead, placements: Sequence[Placement], findings: list[Finding]) -> list[Cell]:
    if len(placements) == 1 and all(o >= 0 for o in placements[0].origin) and \
            not any(t.number is not None and t.number.measure in _CONVERTED for t in r.tokens):
        # Every cell holds its own printed token: the common case, kept cheap.
        p = placements[0]
        key = r.row.key
        return [new_cell(table, key, col, p.values[j], "empty" if (tok := r.tokens[p.origin[j]]).number is None
                     else "ok", tok.prov, (), tok.note) for j, col in enumerate(r.row.columns)]
    out: list[Cell] = []
    inferred: dict[str, object] = {}
    ambiguous: dict[str, list[object]] = {}
    if len(placements) == 1:
        # One reading with blanks or forced cells (a short row, a row printing nothing): each
        # cell straight from it, as the loop below would read it (_row_cells 0.32 -> 0.26 ms a text
        # report, old and new alternated over the corpus rows).
        p = placements[0]
        for col, v, o in zip(r.row.columns, p.values, p.origin):
            if o >= 0:
                tok = r.tokens[o]
                out.append(new_cell(table, r.row.key, col, v, "empty" if tok.blank else "ok", tok.prov, (), tok.note))
            elif o == BLANK:
                out.append(new_cell(table, r.row.key, col, v, "empty"))
            else:
                out.append(new_cell(table, r.row.key, col, v, "inferred"))
                inferred[f"{table}.{r.row.key}.{col}"] = v
        by_column: Iterator[tuple[str, tuple, tuple]] = iter(())
    else:
        # The placements' values and origins column by column, transposed in C once.
        by_column = zip(r.row.columns, zip(*(p.values for p in placements)), zip(*(p.origin for p in placements)))
    for col, column_values, column_origins in by_column:
        vals = list(dict.fromkeys(column_values))
        origins = set(column_origins)
        if len(vals) > 1:
            cands = tuple(sorted(vals))  # type: ignore[type-var]
            out.append(new_cell(table, r.row.key, col, None, "ambiguous", None, cands))
            ambiguous[f"{table}.{r.row.key}.{col}"] = list(cands)
            continue
        v = vals[0]
        if len(origins) == 1:
            o = next(iter(origins))
            if o >= 0:
                tok = r.tokens[o]
                out.append(new_cell(table, r.row.key, col, v, "empty" if tok.blank else "ok", tok.prov, (), tok.note))
                continue
            if o == BLANK:
                out.append(new_cell(table, r.row.key, col, v, "empty"))
                continue
        out.append(new_cell(table, r.row.key, col, v, "inferred"))
        inferred[f"{table}.{r.row.key}.{col}"] = v
    printed = [t.text for t in r.tokens]
    converted = [t for t in r.tokens if t.number is not None and t.number.measure in _CONVERTED]
    if converted:
        refs = [f"{table}.{r.row.key}.{c}" for j, c in enumerate(r.row.columns)
                if any(p.origin[j] >= 0 and r.tokens[p.origin[j]] in converted for p in placements)]
        findings.append(finding("unit", refs, table=table, row=r.row.key, printed=[t.text for t in converted]))
    if inferred:
        short = len(r.tokens) < len(r.row.columns)
        findings.append(finding("inferred", list(inferred), table=table, row=r.row.key, printed=printed,
                                why="short" if short else "blank", count=len(r.tokens), width=len(r.row.columns),
                                fixed=inferred))
    if ambiguous:
        findings.append(finding("ambiguous", list(ambiguous), table=table, row=r.row.key, printed=printed,
                                candidates=ambiguous))
    return out
