"""The office's overview of a district: one row per report and check (``check --format csv|xlsx``).

Each row says, for one unit's report and one check (the ``check`` group of the codes'
catalogue entries, plus 内容雷同 when similar pairs are given), the worst severity found
(``ok`` when none), the codes, the rule it rests on and the messages.
"""
from __future__ import annotations

import csv
from typing import IO, Any, Iterable, Sequence

from ..checks.similar import SimilarPair
from ..messages import FINDINGS, Lang, say
from ..report import Report

COLUMNS = ("document", "unit", "year", "check", "check_label", "rule", "result", "codes", "messages")
_RANK = {"ok": 0, "info": 1, "warning": 2, "error": 3}


def check_groups() -> dict[str, tuple[str, ...]]:
    """check → its codes, in the catalogue's order."""
    out: dict[str, list[str]] = {}
    for code, entry in FINDINGS.items():
        if entry.check is not None:
            out.setdefault(entry.check, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def overview_rows(reports: Iterable[Report], pairs: Sequence[SimilarPair] = (), lang: Lang = "zh"
                  ) -> list[dict[str, Any]]:
    """One dict per report and check, in report order then catalogue order; with ``pairs``
    (from :func:`gipextract.checks.similar.similar_pairs`) a ``copied_prose`` row per report too."""
    rows: list[dict[str, Any]] = []
    groups = check_groups()
    for report in reports:
        doc = report.source.path or report.source.sha256
        base = {"document": doc, "unit": report.info.unit, "year": report.info.year}
        for check, codes in groups.items():
            found = [f for f in report.findings if f.code in codes]
            result = max((f.severity for f in found), key=_RANK.__getitem__, default="ok")
            rules = sorted({FINDINGS[c].rule for c in (codes if not found else [f.code for f in found])} - {None})
            rows.append({**base, "check": check, "check_label": say(f"overview.{check}", lang),
                         "rule": "；".join(rules),  # type: ignore[arg-type]
                         "result": result, "codes": ";".join(dict.fromkeys(f.code for f in found)),
                         "messages": "\n".join(f.text(lang) for f in found)})
        if pairs:
            mine = [p for p in pairs if doc in (p.a, p.b)]
            rows.append({**base, "check": "copied_prose", "check_label": say("overview.copied_prose", lang),
                         "rule": FINDINGS["copied_prose"].rule, "result": "warning" if mine else "ok",
                         "codes": "copied_prose" if mine else "",
                         "messages": "\n".join(p.finding().text(lang) for p in mine)})
    return rows


def write_csv(rows: Iterable[dict[str, Any]], fp: IO[str]) -> None:
    """The rows as CSV with :data:`COLUMNS` (UTF-8 text; open the file with ``newline=""``)."""
    w = csv.DictWriter(fp, fieldnames=COLUMNS)
    w.writeheader()
    for row in rows:
        w.writerow({k: "" if row.get(k) is None else row[k] for k in COLUMNS})


def write_xlsx(rows: Iterable[dict[str, Any]], path: str) -> None:
    """The rows as one ``overview`` sheet (needs openpyxl)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "overview"
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append(["" if row.get(k) is None else row[k] for k in COLUMNS])
    wb.save(path)
