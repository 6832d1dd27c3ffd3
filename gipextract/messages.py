"""Findings for people: each finding's message in Chinese (the form's own labels) or English.

A post-pass over a report's findings. The core writes findings with a stable English
``code``, the cell keys and an English message; this module renders the message again from
those keys, the report's own values and the template JSON's labels, so nothing upstream
(grid, identities) needs to know about languages. Codes it does not know (another module's
checks) keep their message as written.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Literal

from . import templates
from .checks.identities import failures
from .read.document import Provenance
from .report import Finding, Report, json_value

Lang = Literal["zh", "en"]
LANGS: tuple[str, ...] = ("zh", "en")
SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
            "en": {"error": "errors", "warning": "warnings", "info": "notes"}}
TABLE_NAMES = {"proactive": "表二（主动公开）", "requests": "表三（申请办理）", "appeals": "表四（复议诉讼）"}
# The columns of table 三 that the form prints under one heading.
_ORG = "法人或其他组织"
_ORG_COLUMNS = frozenset({"commercial", "research", "social_welfare", "legal_service", "other_org"})


@lru_cache(maxsize=None)
def _labels(template_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    t = templates.get(template_id)
    out = {}
    for table in t.tables:
        groups = {g.key: g.label for g in table.groups}
        for row in table.rows:
            row_label = (row.label or "").split("（区分")[0]
            group = groups.get(row.key.split(".")[0]) if "." in row.key else None
            if group:
                row_label = f"{group} / {row_label}"
            for col in row.columns:
                col_label = table.column(col).label
                if table.key == "requests" and col in _ORG_COLUMNS:
                    col_label = f"{_ORG} / {col_label}"
                out[(table.key, row.key, col)] = (row_label, col_label)
    return out


def _split(ref: str, template_id: str) -> tuple[str, str, str] | None:
    # Row keys hold dots (denied.state_secret), and so do the appeals columns: try each cut.
    table, _, rest = ref.partition(".")
    names = _labels(template_id)
    parts = rest.split(".")
    for i in range(1, len(parts)):
        key = (table, ".".join(parts[:i]), ".".join(parts[i:]))
        if key in names:
            return key
    return None


def cell_label(template_id: str, ref: str | tuple[str, str, str], lang: Lang = "zh") -> str:
    """A cell named as the form prints it: ``（三）不予公开 / 1.属于国家秘密 / 自然人``
    (``lang="en"``: its key, ``requests.denied.state_secret.natural_person``)."""
    key = _split(ref, template_id) if isinstance(ref, str) else ref
    if key is None:
        return ref if isinstance(ref, str) else ".".join(ref)
    if lang == "en":
        return ".".join(key)
    row, col = _labels(template_id)[key]
    return f"{row} / {col}" if row else col


def row_label(template_id: str, table: str, row: str, lang: Lang = "zh") -> str:
    """A row named as the form prints it, with its group."""
    if lang == "en":
        return f"{table}.{row}"
    spec = templates.get(template_id).table(table)
    col = spec.row(row).columns[0]
    label = _labels(template_id)[(table, row, col)][0]
    return f"{TABLE_NAMES.get(table, table)} {label}".rstrip()


def where(prov: Provenance | None, lang: Lang = "zh") -> str:
    """Where a cell is printed in the source: page, table and row (1-based), or line."""
    if prov is None:
        return ""
    if prov.line is not None:  # a text file: the line is what an editor shows (its cell grid is ours)
        return f"第{prov.line}行" if lang == "zh" else f"line {prov.line}"
    parts = []
    if lang == "zh":
        if prov.page is not None:
            parts.append(f"第{prov.page}页")
        if prov.table is not None:
            parts.append(f"第{prov.table + 1}个表格")
        if prov.row is not None:
            parts.append(f"第{prov.row + 1}行" + (f"第{prov.col + 1}列" if prov.col is not None else ""))
        if prov.line is not None:
            parts.append(f"第{prov.line}行")
        return "".join(parts)
    if prov.page is not None:
        parts.append(f"page {prov.page}")
    if prov.table is not None:
        parts.append(f"table {prov.table + 1}")
    if prov.row is not None:
        parts.append(f"row {prov.row + 1}" + (f" col {prov.col + 1}" if prov.col is not None else ""))
    if prov.line is not None:
        parts.append(f"line {prov.line}")
    return ", ".join(parts)


def show(v: object) -> str:
    """A value as printed: ints, exact decimals, ``—`` for none."""
    if v is None:
        return "—"
    return str(json_value(v)) if isinstance(v, (int, Decimal)) else str(v)


def localize(report: Report, lang: Lang = "zh") -> Report:
    """The report with every finding's message rendered in ``lang`` (codes and cells unchanged)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    out = []
    for f in report.findings:
        # Render from the core's own (English) message, whatever language ``f`` is in now.
        base = replace(f, message=f.en) if f.en is not None else f
        out.append(replace(f, message=message(report, base, lang), en=base.message))
    return replace(report, findings=tuple(out))


def message(report: Report, finding: Finding, lang: Lang = "zh") -> str:
    """One finding's message in ``lang``; unknown codes keep their own message."""
    render = _RENDER.get(finding.code)
    if render is None:
        return finding.message
    try:
        out = render(report, finding, lang)
    except (KeyError, ValueError, AttributeError):  # a message from elsewhere in another shape
        return finding.message
    return out if out is not None else finding.message


# --- one renderer per code ---------------------------------------------------------------

def _cells(report: Report, f: Finding, lang: Lang) -> str:
    return "、".join(cell_label(report.template, c, lang) for c in f.cells) if lang == "zh" \
        else ", ".join(f.cells)


def _identity(report: Report, f: Finding, lang: Lang) -> str | None:
    tpl = templates.get(report.template)
    values = {(c.table, c.row, c.column): c.value for c in report.cells}
    wanted = set(f.cells)
    for fail in failures(tpl, values)[0]:
        chk = fail.check
        if {".".join(c) for c in chk.left + chk.right} != wanted:
            continue
        diff = fail.left_sum - fail.right_sum  # type: ignore[operator]
        side = [" + ".join(f"{cell_label(tpl.id, c, lang)} {show(values[c])}" for c in cells if values[c])
                or ("0" if lang == "en" else "各项均为 0") for cells in (chk.left, chk.right)]
        table = tpl.table(chk.spec.table)
        about = (table.column(chk.where).label if chk.spec.over == "columns"
                 else (table.row(chk.where).label or "")).split("（区分")[0]
        if lang == "en":
            return (f"{chk.spec.id} [{chk.where}]: {side[0]} = {show(fail.left_sum)}, but {side[1]} = "
                    f"{show(fail.right_sum)} (difference {show(diff)})")
        return (f"勾稽关系不成立：{chk.spec.text}" + (f"（{about}）" if about else "") +
                f"：左边 {side[0]} = {show(fail.left_sum)}，右边 {side[1]} = {show(fail.right_sum)}，"
                f"相差 {show(diff)}")
    return None


def _inferred(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+)\.([\w.]+) (prints (\d+) values for (\d+) cells|leaves a cell blank) \((.*?)\);", f.message)
    got = {c.ref: c.value for c in report.cells}
    fixed = "；".join(f"{cell_label(report.template, c)} = {show(got.get(c))}" for c in f.cells)
    if lang == "en" or m is None:
        return f.message
    label = row_label(report.template, m.group(1), m.group(2))
    why = f"印出 {m.group(4)} 个数值、该行有 {m.group(5)} 个单元格" if m.group(4) else "有单元格留空"
    return f"{label}：{why}（{m.group(6)}），由勾稽关系推定：{fixed}"


def _ambiguous(report: Report, f: Finding, lang: Lang) -> str:
    if lang == "en":
        return f.message
    by_ref = {c.ref: c for c in report.cells}
    m = re.match(r"(\w+)\.([\w.]+) prints '(.*?)';", f.message)
    parts = []
    for ref in f.cells:
        c = by_ref[ref]
        cands = "、".join(show(v) for v in c.candidates) if c.candidates else "无法确定"
        parts.append(f"{cell_label(report.template, ref)} 可能为 {cands}")
    head = f"{row_label(report.template, m.group(1), m.group(2))}：印出“{m.group(3)}”，" if m else ""
    return f"{head}多种填法都符合勾稽关系，以下单元格无法确定：" + "；".join(parts)


def _group_total(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+)\.([\w.]+): the report prints only the total of (.+?) \((.*?)\), not its rows", f.message)
    if lang == "en" or m is None:
        return f.message
    open_ = f"；无法确定：{_cells(report, f, lang)}" if f.cells else ""
    return f"{m.group(3)}：报告只印了合计（{m.group(4)}），未分列各项；合计为 0 的各项推定为 0{open_}"


def _table_missing(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"table (\w+) \((.+)\) was not found", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"未找到表格“{m.group(2)}”，其单元格均无法确定"


def _row_missing(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+)\.([\w.]+): label", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"未找到行“{row_label(report.template, m.group(1), m.group(2))}”，该行单元格无法确定"


def _about_row(pattern: str, zh: Callable[[Report, "re.Match[str]"], str]) -> Callable[[Report, Finding, Lang], str]:
    """A renderer for a finding whose message starts ``table.row: `` and then ``pattern``."""
    rx = re.compile(r"(\w+)\.([\w.]+): " + pattern)

    def render(report: Report, f: Finding, lang: Lang) -> str:
        m = rx.match(f.message)
        if lang == "en" or m is None:
            return f.message
        return f"{row_label(report.template, m.group(1), m.group(2))}：{zh(report, m)}"
    return render


def _broken(report: Report, m: "re.Match[str]") -> str:
    texts = {i.id: i.text for i in templates.get(report.template).identities}
    broken = "；".join(texts.get(i, i) for i in m.group(3).split(", "))
    return f"该行单元格系按未印出即留空（0）或按全国格式的行序读取，但勾稽关系“{broken}”随之不成立，这些单元格无法确定"


def _scrambled(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+): most labels print no value", f.message)
    if lang == "en" or m is None:
        return f.message
    return (f"{TABLE_NAMES.get(m.group(1), m.group(1))}：多数行名所在行没有数值，数值成块印在别处"
            "（表格被逐列展开，如 pdftotext 默认模式），单元格无法确定")


def _second_printing(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+): read from the table's second printing", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"{TABLE_NAMES.get(m.group(1), m.group(1))}：文中先印出的该表缺少数值，按其后完整印出的同一表格读取"


_contradicted = _about_row(r"cells read on a premise .*, but (.+) then fails", _broken)
_order_filled = _about_row(r"values printed apart from any label \((.*?)\)", lambda report, m: (
    f"数值（{m.group(3)}）印在行名之外，按全国格式的行序归入该行，并经勾稽关系核对"))
_unpaired = _about_row(r"rows of values and loose labels around this row do not pair up", lambda report, m: (
    "该行附近的数值行与行名无法一一对应，单元格无法确定"))
_displaced = _about_row(r"no values follow label", lambda report, m: (
    "行名后没有数值，而相邻一行印出的数值多于其单元格（转换工具可能把数值移到了别的行），该行单元格无法确定"))


def _placement(report: Report, f: Finding, lang: Lang) -> str:
    if lang == "en":
        return f.message
    m = re.match(r"(\w+)(?:\.([\w.]+))?:", f.message)
    if m is None:
        return f.message
    what = row_label(report.template, m.group(1), m.group(2)) if m.group(2) else TABLE_NAMES.get(m.group(1), "")
    if f.code == "placement_none":
        p = re.search(r"(\d+) printed values \((.*?)\) cannot fill its (\d+) cells", f.message)
        detail = f"印出的 {p.group(1)} 个数值（{p.group(2)}）无法填入该行的 {p.group(3)} 个单元格" if p else \
            "印出的数值无法填入该行"
        return f"{what}：{detail}，该行单元格无法确定"
    if f.code == "placement_too_large":
        return f"{what}：可能的填法过多，相关单元格未确定"
    return f"{what}：省略或粘连的数值没有一种读法能满足全部勾稽关系，相关单元格保留该行的所有读法"


def _label_fuzzy(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+)\.([\w.]+): label", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"{row_label(report.template, m.group(1), m.group(2))}：行名与全国格式略有出入，按近似匹配读取"


def _unit(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+)\.([\w.]+): amounts printed in (.+) converted exactly to 万元", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"{row_label(report.template, m.group(1), m.group(2))}：金额印为 {m.group(3)}，已精确换算为万元"


def _extra_row(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(\w+): row (.+) is not on the national form; kept under extra_rows with values (.*)$", f.message)
    if lang == "en" or m is None:
        return f.message
    return f"{TABLE_NAMES.get(m.group(1), m.group(1))}：“{m.group(2).strip(chr(39))}”不是全国格式中的行，" \
           f"已原样保留（数值 {m.group(3)}）"


def _prose(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"part 一 says '(.+)' but table 三 has (\S+) in", f.message)
    if lang == "en" or m is None or not f.cells:
        return f.message
    return f"第一部分写明“{m.group(1)}”，但表三 {cell_label(report.template, f.cells[0])} 为 {m.group(2)}"


def _cross_year(report: Report, f: Finding, lang: Lang) -> str:
    if lang == "en":
        return f.message
    m = re.match(r"上年结转 (\S+) in (\S+) \(.*?\) but 结转下年度 (\S+) in (\S+)$", f.message)
    if f.code == "cross_year" and m and f.cells:
        col = cell_label(report.template, f.cells[0]).rsplit(" / ", 1)[-1]
        return (f"{m.group(2)} 年“二、上年结转政府信息公开申请数量”（{col}）为 {m.group(1)}，"
                f"但 {m.group(4)} 年“四、结转下年度继续办理”为 {m.group(3)}")
    m = re.match(r"the reports are of different units: (.+) and (.+)$", f.message)
    if f.code == "cross_year_unit" and m:
        return f"两份报告的单位不同：{m.group(1)} 与 {m.group(2)}"
    m = re.match(r"the reports cover (\S+) and (\S+), not consecutive years", f.message)
    if f.code == "cross_year_gap" and m:
        return f"两份报告分别为 {m.group(1)} 年和 {m.group(2)} 年，不是相邻年度"
    return f.message


def _prefixed(zh: str) -> Callable[[Report, Finding, Lang], str]:
    def render(report: Report, f: Finding, lang: Lang) -> str:
        if lang == "en" or f.message.startswith(zh):
            return f.message
        return f"{zh}{f.message}"
    return render


def _aggregate_open(report: Report, f: Finding, lang: Lang) -> str:
    m = re.match(r"(.+?) leaves (\d+) cells? (missing|ambiguous)", f.message)
    if lang == "en" or m is None:
        return f.message
    status = "无法确定" if m.group(3) == "missing" else "有多种可能"
    shown = "、".join(cell_label(report.template, c) for c in f.cells[:8]) + ("等" if len(f.cells) > 8 else "")
    return f"输入 {m.group(1)} 有 {m.group(2)} 个单元格{status}，合计中这些单元格空缺：{shown}"


_RENDER: dict[str, Callable[[Report, Finding, Lang], str | None]] = {
    "identity": _identity, "inferred": _inferred, "ambiguous": _ambiguous, "group_total": _group_total,
    "table_missing": _table_missing, "row_missing": _row_missing, "placement_none": _placement,
    "placement_too_large": _placement, "placement_inconsistent": _placement, "label_fuzzy": _label_fuzzy,
    "unit": _unit, "extra_row": _extra_row, "prose": _prose, "cross_year": _cross_year,
    "cross_year_unit": _cross_year, "cross_year_gap": _cross_year, "template": _prefixed("格式说明："),
    "source": _prefixed("来源提示："), "aggregate_open": _aggregate_open,
    "inferred_contradicted": _contradicted, "values_displaced": _displaced, "order_filled": _order_filled,
    "second_printing": _second_printing, "table_scrambled": _scrambled, "rows_unpaired": _unpaired,
}
