"""The district's grid: one year's reports of its units added up, cell by cell."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Iterable, Sequence

from .. import templates
from ..checks.identities import grid_findings
from ..errors import IncompatibleReportsError
from ..report import Cell, Finding, Report, ReportInfo, SourceInfo, finding


def input_name(report: Report) -> str:
    """An input as a clerk knows it: its unit with the file (``锦屏街道（a/b.txt）``), or the
    file (or the start of its hash) when the unit is unknown."""
    path = report.source.path or report.source.sha256[:12]
    return f"{report.info.unit}（{path}）" if report.info.unit else path


def aggregate(reports: Sequence[Report] | Iterable[Report], unit: str | None = None,
              extra: Sequence[Finding] = ()) -> Report:
    """Sum reports of one template and one year into one grid (as a district compiles its units').

    A cell is summed only when every input has a value; otherwise it is ``missing`` (or
    ``ambiguous`` when an input's cell is), its note names the inputs responsible, and one
    ``aggregate_open`` finding per such input lists its open cells. The sum's identities are
    checked afresh: each broken one is an ``aggregate_identity`` error naming the inputs that
    break it themselves (the identities are linear, so a sum breaks one only where an input
    does). ``extra`` findings (a roster's, see :mod:`.roster`) are added. Raises
    :class:`IncompatibleReportsError` for reports of different forms or years, or for the
    same document given twice (same SHA-256).
    """
    reports = list(reports)
    if not reports:
        raise IncompatibleReportsError(None, "nothing_to_add")
    _refuse_mixed(reports)
    template = templates.get(reports[0].template)
    by_ref = [{(c.table, c.row, c.column): c for c in r.cells} for r in reports]
    names = [input_name(r) for r in reports]
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
    maps = [{c.ref: c.value for c in r.cells} for r in reports]
    findings = [_traced(f, maps, names) for f in grid_findings(template, values)]
    for i, by_status in sorted(open_by_input.items()):
        for status, refs in by_status.items():
            findings.append(finding("aggregate_open", refs, input=names[i], count=len(refs), status=status))
    findings += extra
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


def identity_differences(f: Finding, reports: Sequence[Report]) -> list[tuple[int, object]]:
    """For an identity finding of a sum, each input (by index) whose own values break the same
    identity instance, with its difference (left minus right)."""
    return _differences(f, [{c.ref: c.value for c in r.cells} for r in reports])


def _differences(f: Finding, maps: list[dict]) -> list[tuple[int, object]]:
    out = []
    for i, values in enumerate(maps):
        try:
            diff = sum(values[ref] for ref, _ in f.args["left"]) - sum(values[ref] for ref, _ in f.args["right"])
        except (KeyError, TypeError):  # an input's cell without a value: the sum's cell is open
            continue
        if diff:
            out.append((i, diff))
    return out


def _traced(f: Finding, maps: list[dict], names: list[str]) -> Finding:
    """The sum's ``identity`` finding as ``aggregate_identity``, naming the inputs behind it."""
    found = _differences(f, maps)
    return finding("aggregate_identity", f.cells, **{**f.args, "units": [names[i] for i, _ in found],
                                                     "differences": [[names[i], d] for i, d in found]})


def marked_cells(f: Finding) -> list[str]:
    """The cells of a broken identity worth a clerk's look (as ``check`` names them): every
    cell of a side of one or two cells, and the non-zero terms of a longer side (its zeros
    cannot explain the difference unless they should not be zero: the totals say so)."""
    out = []
    for side in ("left", "right"):
        terms = f.args.get(side, ())
        out += [ref for ref, v in terms if len(terms) <= 2 or v not in (0, None)]
    return out


def _refuse_mixed(reports: list[Report]) -> None:
    def who(r: Report) -> str:
        return r.source.path or r.source.sha256[:12]

    ids = {r.template for r in reports}
    if len(ids) != 1:
        raise IncompatibleReportsError(None, "different_forms", found=sorted(ids),
                                       names=[f"{who(r)}（{r.template}）" for r in reports])
    years = {r.info.year for r in reports}
    if len(years) != 1:
        raise IncompatibleReportsError(None, "different_years",
                                       names=[f"{who(r)}（{r.info.year or '—'}）" for r in reports])
    seen: dict[str, Report] = {}
    for r in reports:
        if r.source.sha256 in seen:
            raise IncompatibleReportsError(None, "same_document", first=who(seen[r.source.sha256]), second=who(r),
                                           digest=r.source.sha256[:12])
        seen[r.source.sha256] = r
