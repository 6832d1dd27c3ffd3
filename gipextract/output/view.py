"""A readable terminal view of a report: the three tables as aligned grids."""
from __future__ import annotations

import unicodedata

from .. import templates
from ..messages import Lang, say
from ..report import Cell, Report, json_value

MARKS = {"ok": "", "empty": "·", "inferred": "*", "ambiguous": "?", "missing": "", "confirmed": "✓"}
TITLES = {"proactive": "二、主动公开政府信息情况", "requests": "三、收到和处理政府信息公开申请情况",
          "appeals": "四、政府信息公开行政复议、行政诉讼情况"}
SHORT_COLUMNS = {
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "social_welfare": "社会公益组织",
    "legal_service": "法律服务机构", "other_org": "其他", "total": "总计",
}


def width(s: str) -> int:
    """Display width: wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, w: int, right: bool = False) -> str:
    """``s`` padded with spaces to display width ``w``."""
    fill = " " * max(0, w - width(s))
    return fill + s if right else s + fill


def show_cell(c: Cell) -> str:
    """A cell's value with its status mark."""
    if c.status == "missing":
        return "—"
    if c.status == "ambiguous":
        return "?{" + ",".join(str(json_value(v)) for v in c.candidates) + "}"
    return f"{json_value(c.value)}{MARKS[c.status]}"


def _short_label(label: str | None, limit: int = 18) -> str:
    label = (label or "").split("（区分")[0]
    return label if width(label) <= limit * 2 else label[: limit - 1] + "…"


def _grid(rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(pad(v, widths[i], right=i >= numeric_from and k > 0) for i, v in enumerate(r)).rstrip()
            for k, r in enumerate(rows)]


def render(report: Report, lang: Lang = "zh") -> str:
    """The report as text: metadata, three grids, findings (headings, legend and messages in ``lang``)."""
    tpl = templates.get(report.template)
    info = report.info
    out = [say("view.source", lang, path=report.source.path or "<input>", format=report.source.format,
               template=report.template, document=tpl.document),
           say("view.info", lang, unit=info.unit or "?", year=info.year or "?", published=info.published or "?"),
           say("view.title", lang, title=info.title or "?"), ""]
    cells = {(c.table, c.row, c.column): c for c in report.cells}
    for spec in tpl.tables:
        out.append(TITLES.get(spec.key, spec.heading))
        if spec.key == "appeals":
            groups = ["行政复议", "诉讼：未经复议直接起诉", "诉讼：复议后起诉"]
            outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
            rows = [["", *outcomes]]
            for g, gl in zip(("reconsideration", "litigation_direct", "litigation_after"), groups):
                rows.append([gl, *[show_cell(cells[("appeals", "all", f"{g}.{o}")])
                                   for o in ("upheld", "corrected", "other", "pending", "total")]])
            out += _grid(rows)
        elif spec.key == "requests":
            cols = [c.key for c in spec.columns]
            rows = [["", *[SHORT_COLUMNS.get(c, c) for c in cols]]]
            heads = {g.rows[0]: g.label for g in spec.groups}
            for r in spec.rows:
                if r.key in heads:  # the group heading (（三）不予公开 …) above its numbered rows
                    rows.append([heads[r.key], *[""] * len(cols)])
                label = _short_label(r.label)
                rows.append(["  " + label if r.group else label,
                             *[show_cell(cells[(spec.key, r.key, c)]) for c in cols]])
            out += _grid(rows)
        else:
            rows = []
            for r in spec.rows:
                vals = [f"{spec.column(c).label.split('（')[0]}={show_cell(cells[(spec.key, r.key, c)])}"
                        for c in r.columns]
                rows.append([r.label or "", *vals, *[""] * (3 - len(vals))])
            out += _grid(rows, numeric_from=99)
        out.append("")
    for e in report.extra_rows:
        out.append(say("view.extra_row", lang, table=e.table, label=e.label, values=" ".join(e.values)))
    out.append(say("view.legend", lang))
    if report.findings:
        out.append("")
        out.append(say("view.findings", lang, count=len(report.findings)))
        for f in report.findings:
            out.append(f"  [{f.severity}] {f.code}: {f.text(lang)}")
    else:
        out.append(say("view.no_findings", lang))
    return "\n".join(out)
