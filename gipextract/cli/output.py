"""Writing one compiled grid (``aggregate``'s result) as JSON, XLSX or the national form in Word."""
from __future__ import annotations

import json
import sys

from ..batch import Result
from ..messages import Lang
from ..report import Report
from .sinks import Atomic


def write_total(total: Report, out: str | None, suffix: str, lang: Lang) -> None:
    """``total`` to ``out`` by its suffix (``.json``, ``.xlsx``, ``.docx``), or the view to stdout."""
    if out in (None, "-"):
        from ..output.view import render

        print(render(total, lang))
        return
    atomic = Atomic(out)  # type: ignore[arg-type]
    try:
        if suffix == ".json":
            with open(atomic.temp, "w", encoding="utf-8", errors="backslashreplace") as f:
                json.dump(total.to_dict(), f, ensure_ascii=False, indent=2)
                f.write("\n")
        elif suffix == ".xlsx":
            from ..output.xlsx import write_xlsx

            for _ in write_xlsx([Result("aggregate", report=total)], atomic.temp, lang):
                pass
        else:
            with open(atomic.temp, "wb") as f:
                f.write(form_docx(total))
    except BaseException:
        atomic.discard()
        raise
    atomic.commit()


def form_docx(total: Report) -> bytes:
    """The national form's three tables filled in with ``total``'s values, as a .docx file.

    A cell the sum leaves open (an input did not determine it) is written empty, and the
    ``aggregate_open`` findings say which; nothing is made up."""
    try:
        from ..writers.docx import render_docx
    except ImportError:  # pragma: no cover - depends on the optional extra
        print("gipextract: writing .docx needs python-docx: pip install 'gipextract[docx]'", file=sys.stderr)
        raise
    from .. import templates

    template = templates.get(total.template)
    grid = {(c.table, c.row, c.column): (c.value if c.value is not None else 0) for c in total.cells}
    blanks = [(c.table, c.row, c.column) for c in total.cells if c.value is None]
    unit = total.info.unit or "汇总"
    year = total.info.year or 0
    return render_docx(template, grid, unit=unit, year=year, blanks=blanks, blank_marks=("",))
