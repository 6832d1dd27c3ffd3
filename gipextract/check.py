"""``python -m gipextract check``: what a draft report gets wrong, for the office writing it."""
from __future__ import annotations

from . import templates
from .export import labels
from .identities import failures
from .report import Report, json_value


def problems(report: Report) -> list[str]:
    """Readable lines: every identity the numbers break (both sides, with Chinese labels),
    every cell the document leaves undetermined, and other warnings."""
    template = templates.get(report.template)
    names = labels(report.template)
    values = {(c.table, c.row, c.column): c.value for c in report.cells}
    out = []
    failed, _ = failures(template, values)
    for f in failed:
        check = f.check
        left = " + ".join(f"{_name(names, c)} {json_value(values[c])}" for c in check.left)  # type: ignore[arg-type]
        right = " + ".join(f"{_name(names, c)} {json_value(values[c])}" for c in check.right)  # type: ignore[arg-type]
        table = template.table(check.spec.table)
        where = (table.column(check.where).label if check.spec.over == "columns"
                 else (table.row(check.where).label or "")).split("（区分")[0]
        out.append(f"✗ {check.spec.text}" + (f"（{where}）" if where else "") + "\n"
                   f"    {left} = {json_value(f.left_sum)}\n"  # type: ignore[arg-type]
                   f"    {right} = {json_value(f.right_sum)}")  # type: ignore[arg-type]
    for c in report.cells:
        if c.status in ("ambiguous", "missing"):
            what = ("可能为 " + "、".join(str(json_value(v)) for v in c.candidates)) if c.candidates else "无法确定"
            out.append(f"? {_name(names, (c.table, c.row, c.column))}：{what}（{c.status}）")
    for f in report.findings:
        if f.code in ("prose", "cross_year", "group_total", "source", "table_missing"):
            out.append(f"! {f.message}")
    return out


def _name(names: dict, ref: tuple[str, str, str]) -> str:
    row, col = names[ref]
    return f"{row.split('（区分')[0]}/{col}" if row else col
