"""The reading steps, in order: the one place that says what runs when.

Each step is ``step(state) -> None`` in a module of its own, named for what it does; it
reads what earlier steps left in the :class:`~.state.State` and adds its part. A step that
finds nothing to do returns at once. ``docs/reading-model.md`` lists the same steps (a test
holds the two together). A converter's quirk is handled by the step whose input it spoils,
or by its format's adapter; a new kind of reading is a new entry here.
"""
from __future__ import annotations

from typing import Callable

from ..limits import checkpoint
from ..read.document import Document
from .bounds import settle_by_bounds
from .cells import make_cells
from .displaced import open_displaced
from .flat import Flat
from .form import detect_form
from .headers import locate_headers
from .joint import joint_search
from .labels import find_labels
from .order import fill_order
from .positions import place_by_position
from .premises import undo_contradicted
from .printing import choose_printing
from .readings_step import row_readings
from .rows import read_rows
from .scale import money_scale
from .state import State, TableRead
from .tables import find_tables

Step = Callable[[State], None]

STEPS: list[tuple[str, Step]] = [
    ("form", detect_form),             # which national form: the marker labels printed most
    ("tables", find_tables),           # each table's span (anchor or heading → next table or part)
    ("labels", find_labels),           # row labels: verbatim, split, approximate, out of order, groups
    ("rows", read_rows),               # each label's run of value tokens; rows a local variant adds
    ("order", fill_order),             # rows of values printed apart from their labels, by the form's order
    ("headers", locate_headers),       # where each column's header words are printed (PDF boxes)
    ("printing", choose_printing),     # a table's second, complete printing where the first lost values
    ("scale", money_scale),            # 元 / 亿元 named in the fee column's header
    ("displaced", open_displaced),     # tables flattened column by column, rows whose values moved
    ("positions", place_by_position),  # a short row's values placed by where they are printed
    ("readings", row_readings),        # every placement of a row's tokens: dropped blanks, fused digits
    ("joint", joint_search),           # the placements a table's identities allow together
    ("bounds", settle_by_bounds),      # blanks fixed by non-negativity over all of a table's identities
    ("cells", make_cells),             # the grid's cells and their statuses
    ("premises", undo_contradicted),   # cells read on a premise that a failing identity refutes
]


def place(doc: Document) -> State:
    """Run the steps over ``doc``'s fragments; a step that finds no form or no table ends the run."""
    state = State(Flat(doc.fragments()), layout=doc.layout, reread=read_again)
    for _name, step in STEPS:
        checkpoint()
        step(state)
        if state.done:
            break
    return state


def read_again(state: State, table: TableRead) -> None:
    """Read one more printing of a table with the steps that read the first (those after
    ``tables`` and before ``printing``), for the ``printing`` step to weigh."""
    names = [name for name, _ in STEPS]
    one = State(state.flat, state.layout, state.template, {table.spec.key: table})
    for _name, step in STEPS[names.index("tables") + 1:names.index("printing")]:
        step(one)
