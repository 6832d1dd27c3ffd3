"""Writing one compiled grid (``aggregate``'s result) as JSON, XLSX or the national form in Word."""
from __future__ import annotations

import json

from ..messages import Lang
from ..report import Report, Result
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
                json.dump(total.to_dict(lang=lang), f, ensure_ascii=False, indent=2)
                f.write("\n")
        elif suffix == ".xlsx":
            from ..output.xlsx import write_xlsx

            for _ in write_xlsx([Result("aggregate", report=total)], atomic.temp, lang):
                pass
        else:
            from ..output.form_docx import form_docx

            with open(atomic.temp, "wb") as f:
                f.write(form_docx(total))
    except BaseException:
        atomic.discard()
        raise
    atomic.commit()
