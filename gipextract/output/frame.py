"""One table of one report as a DataFrame in the form's own layout (its rows down, its
columns across, labelled as the form prints them), for a notebook."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..report import Report
from ..templates import get
from ..templates.labels import cell_labels
from .tidy import pandas_module

if TYPE_CHECKING:  # pragma: no cover
    import pandas

Labels = Literal["zh", "en", "key", "all"]
What = Literal["value", "status"]


def table_frame(report: Report, table: str, labels: Labels = "zh", what: What = "value") -> "pandas.DataFrame":
    """``report``'s table ``table`` (``proactive``, ``requests``, ``appeals``) as a frame laid
    out like the form: rows and columns in its order, labelled in Chinese (``labels="zh"``,
    the default, groups included: ``（三）不予公开 / 1.属于国家秘密``), in English (``"en"``),
    by key (``"key"``), or by all three as index levels (``"all"``: key, 中文, English).

    ``what="value"`` gives the values: counts as ``Int64`` columns, amounts as exact
    ``Decimal``; a cell the document does not determine, or that the form does not have
    (table 二's shaded cells), is missing (``<NA>``/``None``).
    ``what="status"`` gives each cell's status (``ok``, ``inferred``, ``ambiguous`` …).
    :meth:`Report.table` still gives the plain ``{row: {column: value}}`` dict."""
    pd = pandas_module()
    spec = get(report.template).table(table)
    cells = {(c.row, c.column): c for c in report.cells if c.table == table}
    zh, en = cell_labels(report.template, "zh", full=True), cell_labels(report.template, "en", full=True)
    cols = [c.key for c in spec.columns if any((r.key, c.key) in cells for r in spec.rows)]
    rows = [r.key for r in spec.rows if any((r.key, c) in cells for c in cols)]

    # Each row's label from any of its cells, each column's from any cell under it.
    row_cell = {r: (table, r, next(c for c in cols if (r, c) in cells)) for r in rows}
    col_cell = {c: (table, next(r for r in rows if (r, c) in cells), c) for c in cols}

    def axis(keys: list[str], at: int, name: str) -> "pandas.Index":
        where = row_cell if at == 0 else col_cell
        names = {"zh": [zh[where[k]][at] or k for k in keys], "en": [en[where[k]][at] or k for k in keys],
                 "key": keys}
        if labels == "all":
            return pd.MultiIndex.from_arrays([keys, names["zh"], names["en"]], names=[name, "中文", "English"])
        return pd.Index(names[labels], name=name)

    data = {}
    for c in cols:
        values = [getattr(cells[(r, c)], what) if (r, c) in cells else None for r in rows]
        kind = spec.column(c).kind
        data[c] = pd.array(values, dtype="Int64") if what == "value" and kind != "amount" else \
            pd.Series(values, dtype=object).array if what == "value" else pd.array(values, dtype="string")
    frame = pd.DataFrame(data, index=axis(rows, 0, "row"))
    frame.columns = axis(cols, 1, "column")
    return frame
