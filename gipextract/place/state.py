"""The one state the reading steps share (see :mod:`.steps` for their order).

Each step reads what earlier steps left here and adds its own part: the form, each table's
span, its row labels, each row's printed tokens, the readings of each row, the placements
the identities allow, the cells and the findings. Nothing else carries reading state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal

from ..read.document import Layout, Provenance
from ..report import Cell, ExtraRow, Finding
from ..templates import GroupSpec, RowSpec, TableSpec, Template
from ..templates.identities import Evaluation
from .equations import Equation, Local, equations
from .extras import ExtraRowRead
from .flat import Flat
from .placement import Placement
from .tokens import EMPTY_CELL, Token

# How a row's values were found: after its label ("label"), after a label matched only
# approximately ("approximate"), put there by the form's order ("order", see
# :mod:`.order`), or not at all because value rows and loose labels around it do not pair
# up ("unpaired").
ReadBy = Literal["label", "approximate", "order", "unpaired"]


@dataclass(frozen=True)
class RowRead:
    """What the document prints for one row: its label's place and its value tokens."""

    row: RowSpec
    found: bool
    tokens: tuple[Token, ...] = ()
    label_prov: Provenance | None = None
    read_by: ReadBy = "label"


@dataclass(frozen=True)
class LabelHit:
    """Where a row's label stands in the compact text (``start`` None: not found)."""

    row: RowSpec
    start: int | None
    end: int | None
    approximate: bool = False
    group: GroupSpec | None = None  # a group's own label, standing for its absent rows


@dataclass
class TableRead:
    """One printing of one table, as the steps read and place it."""

    spec: TableSpec
    found: bool
    start: int = 0  # the table's span in the compact text
    end: int = 0
    by_heading: bool = False  # found by its heading, no anchor printed
    lead: int | None = None  # where its heading ends, when the header words follow it
    hits: list[LabelHit] = field(default_factory=list)
    runs: list[tuple[LabelHit, Provenance | None, list[Token], list[ExtraRowRead]]] = field(default_factory=list)
    rows: list[RowRead] = field(default_factory=list)
    extra_rows: list[ExtraRowRead] = field(default_factory=list)
    # Groups whose rows are absent but whose label prints the group's total.
    group_rows: list[tuple[GroupSpec, RowRead]] = field(default_factory=list)
    # Where each column's header label is printed (PDF boxes), by column key.
    header_spans: dict[str, tuple[float, float]] | None = None
    printing: int = 1  # 2: read from a second, complete printing of the table
    scrambled: bool = False  # flattened column by column: nothing on it is placed
    displaced: set[int] = field(default_factory=set)  # rows (of all_rows) whose values a converter moved
    readings: list[list[Placement] | None] = field(default_factory=list)  # per row of all_rows
    chosen: dict[int, list[Placement]] = field(default_factory=dict)  # the readings the identities allow
    assumed: set[str] = field(default_factory=set)  # rows whose cells rest on absent cells being 0

    def equations(self, template_id: str) -> tuple[tuple[Local, ...], tuple[Equation, ...], dict[str, int]]:
        """The table's identities over :meth:`all_rows` (see :func:`.equations.equations`)."""
        return equations(template_id, self.spec.key, tuple(g.key for g, _ in self.group_rows))

    def all_rows(self) -> list[RowRead]:
        """The form's rows, then each group printed only as its total (one row for the search)."""
        return self.rows + [read for _, read in self.group_rows]

    def complete(self) -> bool:
        """Does every row of the table print exactly one value per cell?"""
        return all(r.found and len(r.tokens) == len(r.row.columns) for r in self.rows)

    def prints_values(self) -> bool:
        """Does any row print a value (a blank marker such as — or / counts; an empty cell does not)?"""
        return any(t.text != EMPTY_CELL for r in self.rows for t in r.tokens)


@dataclass
class State:
    """Everything the reading steps know about one document."""

    flat: Flat
    layout: Layout = "flow"
    template: Template | None = None
    tables: dict[str, TableRead] = field(default_factory=dict)
    # Later printings of tables (pymupdf4llm prints a page's tables twice): located with the
    # tables, read only where the first printing lost values (see :mod:`.printing`) by
    # ``reread``, which runs the steps before ``printing`` over one table.
    reprints: dict[str, TableRead] = field(default_factory=dict)
    reread: Callable[["State", TableRead], None] | None = field(default=None, repr=False)
    scale: str | None = None  # the money scale the fee column's header names (万元, 元, 亿元)
    flattened: bool = False  # one table reads as flattened column by column: the whole document was
    cells: list[Cell] = field(default_factory=list)
    extra_rows: list[ExtraRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    evaluation: Evaluation | None = None  # the identities over the final cells
    done: bool = False  # nothing more to read (no form or no table found)

    def found(self) -> bool:
        """Is any table of the form there?"""
        return any(t.found for t in self.tables.values())

    def prints_values(self) -> bool:
        """Does any table print a value?"""
        return any(t.prints_values() for t in self.tables.values())
