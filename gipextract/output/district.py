"""The district's grid: one year's reports of its units added up, cell by cell."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Iterable, Sequence

from .. import templates
from ..checks.identities import grid_findings
from ..errors import IncompatibleReportsError
from ..report import Cell, Report, ReportInfo, SourceInfo, finding


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
        raise IncompatibleReportsError(None, "nothing_to_add")
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
                              note="未能确定此格的报告：" + "、".join(names[i] for i in culprits)))
            continue
        total = sum((p.value for p in parts), Decimal(0) if isinstance(parts[0].value, Decimal) else 0)
        status = "inferred" if any(p.status == "inferred" for p in parts) else "ok"
        cells.append(Cell(*key, total, status))  # type: ignore[arg-type]
    values = {(c.table, c.row, c.column): c.value for c in cells}
    findings = grid_findings(template, values)
    for i, by_status in sorted(open_by_input.items()):
        for status, refs in by_status.items():
            findings.append(finding("aggregate_open", refs, input=names[i], count=len(refs), status=status))
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
        raise IncompatibleReportsError(None, "different_forms", forms=", ".join(sorted(ids)), listing=listing)
    years = {r.info.year for r in reports}
    if len(years) != 1:
        listing = "; ".join(f"{who(r)}: {r.info.year or '年度不明'}" for r in reports)
        raise IncompatibleReportsError(None, "different_years", listing=listing)
    seen: dict[str, Report] = {}
    for r in reports:
        if r.source.sha256 in seen:
            raise IncompatibleReportsError(None, "same_document", first=who(seen[r.source.sha256]), second=who(r),
                                           digest=r.source.sha256[:12])
        seen[r.source.sha256] = r
