"""The office's overview of a district: one row per report and check (``check -o 总览.csv|.xlsx``).

Each row says, for one unit's report and one check, the worst severity found (``ok`` when
none), the codes, the rule it rests on and the messages. The checks are the form's arithmetic
(勾稽关系: broken identities, part 一's totals against table 三), the reading of the tables
(表格读取: cells inferred, ambiguous or not found), the ``check`` groups of the catalogue
(按时发布, 六个部分 …) and, when similar pairs are given, 内容雷同.

The CSV has one line per row, headed in the language asked for (Chinese by default, results
as 无问题/提示/警告/错误). The workbook has one row per report and one column per check,
each cell coloured by its result with the messages as its comment (核查总览), the rows that
need attention in full (问题清单) and the colours explained (说明).
"""
from __future__ import annotations

import csv
from typing import IO, Any, Iterable, Sequence

from ..checks.similar import SimilarPair
from ..messages import FINDINGS, Lang, say
from ..report import Report
from .office_xlsx import BLUE, GREEN, RED, YELLOW, comment, fill, header_cell, set_widths

COLUMNS = ("document", "unit", "year", "check", "check_label", "rule", "result", "codes", "messages")
_RANK = {"ok": 0, "info": 1, "warning": 2, "error": 3}
COLORS = {"ok": GREEN, "info": BLUE, "warning": YELLOW, "error": RED}
# Codes about several reports or a person's decisions: not a check of one draft's tables.
_ACROSS = ("cross_year", "cross_year_unit", "cross_year_gap", "aggregate_open", "aggregate_identity",
           "aggregate_unreported", "aggregate_unlisted", "copied_prose", "prose_repeated")
_ARITHMETIC = ("identity", "prose")


def check_groups() -> dict[str, tuple[str, ...]]:
    """check → its codes, in the catalogue's order."""
    out: dict[str, list[str]] = {}
    for code, entry in FINDINGS.items():
        if entry.check is not None:
            out.setdefault(entry.check, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def overview_groups() -> dict[str, tuple[str, ...]]:
    """The overview's checks and their codes: 勾稽关系, 表格读取 (every other code about one
    report's tables), then :func:`check_groups`."""
    grouped = {c for codes in check_groups().values() for c in codes}
    reading = tuple(c for c, e in FINDINGS.items()
                    if e.check is None and c not in grouped and c not in _ARITHMETIC and c not in _ACROSS
                    and not c.startswith("decision"))
    return {"identities": _ARITHMETIC, "reading": reading, **check_groups()}


def overview_rows(reports: Iterable[Report], pairs: Sequence[SimilarPair] = (), lang: Lang = "zh",
                  unreadable: Sequence[tuple[str, str, str]] = ()) -> list[dict[str, Any]]:
    """One dict per report and check, in report order then :func:`overview_groups` order;
    with ``pairs`` (from :func:`gipextract.checks.similar.similar_pairs`) a ``copied_prose``
    row per report too; then a ``readable`` error row per ``unreadable`` file (path, error
    code, reason): a file that could not be read is on the overview, not only on the console."""
    rows: list[dict[str, Any]] = []
    groups = overview_groups()
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
    for doc, code, reason in unreadable:
        rows.append({"document": doc, "unit": None, "year": None, "check": "readable",
                     "check_label": say("overview.readable", lang), "rule": "", "result": "error", "codes": code,
                     "messages": reason})
    return rows


def csv_columns(lang: Lang = "zh") -> tuple[str, ...]:
    """The CSV's columns: every key in English; in Chinese the check's code is left out (its
    label is there)."""
    return COLUMNS if lang == "en" else tuple(c for c in COLUMNS if c != "check")


def _shown(row: dict[str, Any], key: str, lang: Lang) -> Any:
    v = row.get(key)
    if v is None:
        return ""
    return say(f"overview.result.{v}", lang) if key == "result" and lang != "en" else v


def write_csv(rows: Iterable[dict[str, Any]], fp: IO[str], lang: Lang = "zh") -> None:
    """The rows as CSV, headed in ``lang`` (see :func:`csv_columns`); open the file with
    ``newline=""`` (and ``utf-8-sig`` for Excel and WPS)."""
    cols = csv_columns(lang)
    w = csv.writer(fp)
    w.writerow(cols if lang == "en" else [say(f"overview.col.{c}", lang) for c in cols])
    for row in rows:
        w.writerow([_shown(row, k, lang) for k in cols])


def write_xlsx(rows: Iterable[dict[str, Any]], path: str, lang: Lang = "zh") -> None:
    """The rows as the office's workbook: 核查总览 (a report per row, a check per column,
    coloured by result, the messages as comments), 问题清单 and 说明."""
    from openpyxl import Workbook

    rows = list(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = say("overview.sheet", lang)
    checks = list(dict.fromkeys(r["check"] for r in rows))
    labels = {r["check"]: r["check_label"] for r in rows}
    heads = [say("office.unit", lang), say("office.year", lang), say("office.file", lang)]
    heads += [labels[c] for c in checks] + [say("overview.needs_fixing", lang)]
    for i, text in enumerate(heads, start=1):
        header_cell(ws, 1, i, text)
    by_doc: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["document"], {})[r["check"]] = r
    for n, (doc, mine) in enumerate(by_doc.items(), start=2):
        first = next(iter(mine.values()))
        ws.cell(row=n, column=1, value=first["unit"] or "—")
        ws.cell(row=n, column=2, value=first["year"])
        ws.cell(row=n, column=3, value=doc)
        worst = "ok"
        for j, check in enumerate(checks, start=4):
            r = mine.get(check)
            if r is None:
                continue
            cell = ws.cell(row=n, column=j, value=say(f"overview.result.{r['result']}", lang))
            cell.fill = fill(COLORS[r["result"]])
            if r["messages"]:
                cell.comment = comment(r["messages"])
            worst = max(worst, r["result"], key=_RANK.__getitem__)
        fixing = _RANK[worst] >= _RANK["warning"]
        cell = ws.cell(row=n, column=len(heads), value=say("overview.yes" if fixing else "overview.no", lang))
        cell.fill = fill(RED if fixing else GREEN)
    ws.freeze_panes = "D2"
    ws.row_dimensions[1].height = 32
    set_widths(ws, [24, 7, 34] + [11] * len(checks) + [10])
    _details(wb, rows, lang)
    _legend(wb, lang)
    wb.save(path)


def _details(wb: Any, rows: list[dict[str, Any]], lang: Lang) -> None:
    ws = wb.create_sheet(say("overview.details_sheet", lang))
    cols = csv_columns(lang)
    for i, c in enumerate(cols, start=1):
        header_cell(ws, 1, i, c if lang == "en" else say(f"overview.col.{c}", lang))
    n = 2
    for r in rows:
        if r["result"] == "ok":
            continue
        for i, c in enumerate(cols, start=1):
            ws.cell(row=n, column=i, value=_shown(r, c, lang))
        ws.cell(row=n, column=cols.index("result") + 1).fill = fill(COLORS[r["result"]])
        n += 1
    ws.freeze_panes = "A2"
    set_widths(ws, [34, 24, 7] + ([14] if lang == "en" else []) + [11, 26, 8, 24, 100])


def _legend(wb: Any, lang: Lang) -> None:
    ws = wb.create_sheet(say("office.legend_sheet", lang))
    header_cell(ws, 1, 1, say("office.colour", lang))
    header_cell(ws, 1, 2, say("office.meaning", lang))
    for i, result in enumerate(("error", "warning", "info", "ok"), start=2):
        ws.cell(row=i, column=1, value=say(f"overview.result.{result}", lang)).fill = fill(COLORS[result])
        ws.cell(row=i, column=2, value=say(f"overview.legend.{result}", lang))
    set_widths(ws, [10, 100])
