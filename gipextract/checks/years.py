"""Checks across reports and against the report's own prose, and sums of reports."""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from typing import Iterable, Sequence

from .. import templates
from .identities import identity_findings
from ..report import Cell, Finding, Report, ReportInfo, SourceInfo, Value

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")

# Totals that part 一 usually restates, as (pattern, cell of table 三's 总计 column).
_N = r"(\d[\d,]*)\s*(?:件|条|个)"
_GAP = r"[^，。；;,、\d]{0,14}?"
PROSE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:收到|受理|新收|接到|接收)[^，。；;,、\d]{0,14}?申请" + _GAP + _N), "new_received"),
    (re.compile(r"(?:收到|受理|新收|接到|接收)" + _GAP + _N + r"[^，。；;\d]{0,3}?申请"), "new_received"),
    (re.compile(r"上一?年度?结转" + _GAP + _N), "carried_over"),
    (re.compile(r"结转(?:至|到)?下一?年度?(?:继续办理)?" + _GAP + _N), "carried_forward"),
    (re.compile(_N + r"[^，。；;\d]{0,4}?结转(?:至|到)?下一?年度?"), "carried_forward"),
    (re.compile(r"(?:办结|答复|办理完毕)" + _GAP + _N), "total"),
)


def prose_findings(report: Report) -> list[Finding]:
    """Totals stated in part 一 that disagree with table 三's 总计 column."""
    text = report.sections.get("一", "")
    if not text:
        return []
    out = []
    seen = set()
    for pattern, row in PROSE_PATTERNS:
        if row in seen:
            continue
        m = next((m for m in pattern.finditer(text) if not re.search("复议|诉讼|诉求|投诉", m.group(0))), None)
        if m is None:
            continue
        seen.add(row)
        digits = m.group(1).replace(",", "")
        if len(digits) > 18:  # no real total is this long (and int() refuses 4,300+ digits)
            continue
        stated = int(digits)
        try:
            cell = report.cell("requests", row, "total")
        except KeyError:
            continue
        if cell.value is not None and cell.value != stated:
            out.append(Finding("warning", "prose",
                               f"part 一 says {m.group(0)!r} but table 三 has {cell.value} in "
                               f"requests.{row}.total", (cell.ref,)))
    return out


def cross_year(previous: Report, current: Report) -> list[Finding]:
    """This year's 上年结转 must equal last year's 结转下年度, column by column, for the same unit."""
    out = []
    if previous.template and current.template and (previous.info.unit or "") != (current.info.unit or ""):
        a, b = _bare(previous.info.unit), _bare(current.info.unit)
        if a and b and not (a.endswith(b) or b.endswith(a)):
            out.append(Finding("warning", "cross_year_unit",
                               f"the reports are of different units: {previous.info.unit} and {current.info.unit}"))
    if previous.info.year is not None and current.info.year is not None and current.info.year != previous.info.year + 1:
        out.append(Finding("warning", "cross_year_gap",
                           f"the reports cover {previous.info.year} and {current.info.year}, not consecutive years"))
    for col in APPLICANTS:
        try:
            before = previous.cell("requests", "carried_forward", col).value
            now = current.cell("requests", "carried_over", col)
        except KeyError:
            continue
        if before is not None and now.value is not None and before != now.value:
            out.append(Finding("error", "cross_year",
                               f"上年结转 {now.value} in {current.info.year} (requests.carried_over.{col}) but "
                               f"结转下年度 {before} in {previous.info.year}", (now.ref,)))
    return out


def _bare(unit: str | None) -> str:
    return re.sub(r"人民政府$|办事处$", "", unit or "")


class IncompatibleReportsError(ValueError):
    """Reports that cannot be added up: different forms or years, or the same document twice."""


def aggregate(reports: Sequence[Report] | Iterable[Report], unit: str | None = None) -> Report:
    """Sum reports of one template and one year into one grid (as a district compiles its units').

    A cell is summed only when every input has a value; otherwise it is ``missing`` (or
    ``ambiguous`` when an input's cell is), its note names the inputs responsible, and one
    ``aggregate_open`` finding per such input lists its open cells. The sum's identities are
    checked afresh. Raises :class:`IncompatibleReportsError` for reports of different forms or
    years, or for the same document given twice (same SHA-256).
    """
    reports = list(reports)
    if not reports:
        raise ValueError("aggregate() needs at least one report")
    _refuse_mixed(reports)
    template = templates.get(reports[0].template)
    by_ref = [{(c.table, c.row, c.column): c for c in r.cells} for r in reports]
    names = [r.source.path or r.source.sha256[:12] for r in reports]
    cells = []
    open_by_input: dict[int, dict[str, list[str]]] = {}
    for key in template.cell_keys():
        parts = [m[key] for m in by_ref]
        if any(p.value is None for p in parts):
            status = "ambiguous" if any(p.status == "ambiguous" for p in parts) else "missing"
            culprits = [i for i, p in enumerate(parts) if p.value is None]
            for i in culprits:
                open_by_input.setdefault(i, {}).setdefault(parts[i].status, []).append(".".join(key))
            cells.append(Cell(*key, None, status,  # type: ignore[arg-type]
                              note="not determined in: " + ", ".join(names[i] for i in culprits)))
            continue
        total = sum((p.value for p in parts), Decimal(0) if isinstance(parts[0].value, Decimal) else 0)
        status = "inferred" if any(p.status == "inferred" for p in parts) else "ok"
        cells.append(Cell(*key, total, status))  # type: ignore[arg-type]
    values = {(c.table, c.row, c.column): c.value for c in cells}
    findings = identity_findings(template, values)
    for i, by_status in sorted(open_by_input.items()):
        for status, refs in by_status.items():
            findings.append(Finding("warning", "aggregate_open",
                                    f"{names[i]} leaves {len(refs)} cell{'s' if len(refs) > 1 else ''} {status}; "
                                    "the sum leaves them open", tuple(refs)))
    inputs = tuple(r.source.path or r.source.sha256 for r in reports)
    digest = hashlib.sha256("".join(r.source.sha256 for r in reports).encode()).hexdigest()
    return Report(
        source=SourceInfo(path=None, format="aggregate", sha256=digest),
        template=template.id,
        info=ReportInfo(unit=unit, year=reports[0].info.year),
        cells=tuple(cells),
        findings=tuple(findings),
        inputs=inputs,
    )


def _refuse_mixed(reports: list[Report]) -> None:
    def who(r: Report) -> str:
        return r.source.path or r.source.sha256[:12]

    ids = {r.template for r in reports}
    if len(ids) != 1:
        listing = "; ".join(f"{who(r)}: {r.template}" for r in reports)
        raise IncompatibleReportsError(f"cannot add reports of different forms ({', '.join(sorted(ids))}): {listing}")
    years = {r.info.year for r in reports}
    if len(years) != 1:
        listing = "; ".join(f"{who(r)}: {r.info.year or 'year unknown'}" for r in reports)
        raise IncompatibleReportsError(f"cannot add reports of different years: {listing}")
    seen: dict[str, Report] = {}
    for r in reports:
        if r.source.sha256 in seen:
            raise IncompatibleReportsError(f"the same document is given twice: {who(seen[r.source.sha256])} and "
                                           f"{who(r)} (sha256 {r.source.sha256[:12]}…)")
        seen[r.source.sha256] = r


def changes(old: Report, new: Report) -> list[tuple[str, Value, Value]]:
    """Every cell whose value differs between two reports of one form: (``table.row.column``,
    old value, new value), in form order."""
    if old.template != new.template:
        raise IncompatibleReportsError(f"the reports use different forms ({old.template}, {new.template})")
    before = {c.ref: c.value for c in old.cells}
    return [(c.ref, before.get(c.ref), c.value) for c in new.cells if before.get(c.ref) != c.value]
