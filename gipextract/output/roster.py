"""The district's list of units (``aggregate --units``): who has not reported, and which
reports are of units not on the list.

The list is what a clerk keeps: a text file with one unit per line, or the first column of a
CSV or an Excel workbook (a header such as 单位名称 and serial numbers are skipped). Names
match when they are the same after NFKC (full-width letters and spaces folded) with all
whitespace dropped, or when one is the other with a region before it or 人民政府/办事处 after
(通惠街道 and 重庆市綦江区通惠街道办事处).
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Sequence

from ..checks.unitnames import same_unit
from ..errors import OptionError
from ..report import Finding, Report, finding

SUFFIXES = (".txt", ".csv", ".xlsx")
_HEADERS = {"单位", "单位名称", "名称", "单位名", "报送单位", "单位全称", "序号", "unit", "name"}


def key(name: str) -> str:
    """A name as compared: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def read_roster(path: str) -> list[str]:
    """The unit names of a ``.txt`` (one per line; UTF-8 or GB18030), ``.csv`` or ``.xlsx``
    (first column of the first sheet). Raises :class:`OptionError` naming the file when it
    is of another kind, cannot be read, or names no unit."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise OptionError(path, "roster_format")
    try:
        if suffix == ".xlsx":
            cells = _xlsx_first_column(path)
        else:
            text = _decode(Path(path).read_bytes())
            cells = text.splitlines() if suffix == ".txt" else [r[0] if r else "" for r in csv.reader(io.StringIO(text))]
    except OptionError:
        raise
    except Exception:  # any reader's failure on a clerk's file is this file's problem, said in Chinese
        raise OptionError(path, "roster_unreadable") from None
    names = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    names = [n for n in names if key(n).lower() not in _HEADERS and not key(n).isdigit()]
    if not names:
        raise OptionError(path, "roster_empty")
    return list(dict.fromkeys(names))


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", data, 0, 1, "not text")


def _xlsx_first_column(path: str) -> list[object]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [row[0] if row else None for row in wb.worksheets[0].iter_rows(max_col=1, values_only=True)]
    finally:
        wb.close()


def match(roster: Sequence[str], reports: Sequence[Report]) -> tuple[list[str], list[Report]]:
    """The names of ``roster`` no report is of, and the reports of units not on it."""
    keys = {key(n): n for n in roster}
    matched: set[str] = set()
    unlisted: list[Report] = []
    for r in reports:
        unit = r.info.unit
        hit = keys.get(key(unit)) if unit else None
        if hit is None and unit:
            hit = next((n for n in roster if same_unit(key(n), key(unit))), None)
        if hit is None:
            unlisted.append(r)
        else:
            matched.add(hit)
    return [n for n in roster if n not in matched], unlisted


def roster_findings(roster: Sequence[str], reports: Sequence[Report]) -> list[Finding]:
    """``aggregate_unreported`` (units on the list without a report) and ``aggregate_unlisted``
    (reports of units not on it) warnings; none when everything matches."""
    missing, unlisted = match(roster, reports)
    out = []
    if missing:
        out.append(finding("aggregate_unreported", count=len(missing), units=missing))
    if unlisted:
        names = [f"{r.info.unit or '—'}（{r.source.path or r.source.sha256[:12]}）" for r in unlisted]
        out.append(finding("aggregate_unlisted", count=len(unlisted), units=names))
    return out
