"""Checks against the regulation and the national notice, not only the arithmetic.

Each check is a pure function of a parsed :class:`~gipextract.report.Report`, the document's
normalised text and its source metadata, and returns :class:`~gipextract.report.Finding`
objects with a stable English code and a Chinese message that ends with the rule it rests on
(``〔依据：条例第四十九条〕``). :data:`RULES` maps every code to that rule and :data:`CHECKS`
groups the codes by check for the office overview (:mod:`gipextract.output.overview`).

A check that lacks what it needs (no publication date, no year) says so in an ``info``
finding; it never guesses.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Literal, Mapping

from .. import templates
from ..report import Finding, Report
from .unitnames import other_unit_findings, unit_level

ART49 = "条例第四十九条"
ART50 = "条例第五十条"
N2021 = "国办公开办函〔2021〕30号"
N2019 = "国办公开办函〔2019〕60号"

# code → the rule it rests on (the overview's `rule` column).
RULES: dict[str, str] = {
    "late_publication": ART49, "published_before_year_end": ART49, "deadline_unchecked": ART49,
    "section_missing": ART50, "section_renamed": N2021, "section_misnumbered": N2021,
    "section_order": N2021,
    "wrong_form": N2021, "year_mismatch": N2021, "form_unchecked": N2021,
    "period_missing": N2021, "period_wrong": N2021,
    "other_unit_name": N2021,
    "rows_not_printed": N2021,
}
# check → its codes, in the order an overview lists them.
CHECKS: dict[str, tuple[str, ...]] = {
    "deadline": ("late_publication", "published_before_year_end", "deadline_unchecked"),
    "sections": ("section_missing", "section_renamed", "section_misnumbered", "section_order"),
    "form": ("wrong_form", "year_mismatch", "form_unchecked"),
    "period": ("period_missing", "period_wrong"),
    "unit_name": ("other_unit_name",),
    "rows": ("rows_not_printed",),
}
CHECK_LABELS: dict[str, str] = {
    "deadline": "按时发布", "sections": "六个部分", "form": "年度格式", "period": "统计期限",
    "unit_name": "单位名称", "rows": "表格完整",
}
Level = Literal["government", "department", "township", "subdistrict"]
# 第四十九条: departments by 1月31日, the 本级政府's report by 3月31日. It names no date for
# townships and 街道 (their reports are compiled into the county's, due 3月31日), so 3月31日 is
# the outer limit there; local notices set earlier dates (``deadline=``).
DEADLINES: dict[str, tuple[int, int]] = {"government": (3, 31), "department": (1, 31),
                                         "township": (3, 31), "subdistrict": (3, 31)}
LEVEL_NAMES = {"government": "本级人民政府", "department": "政府部门", "township": "乡镇人民政府",
               "subdistrict": "街道办事处"}


def _f(severity: str, code: str, message: str, cells: tuple[str, ...] = ()) -> Finding:
    return Finding(severity, code, f"{message}〔依据：{RULES[code]}〕", cells)  # type: ignore[arg-type]


def _iso(text: str | None) -> date | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def deadline_findings(report: Report, meta: Mapping[str, str], level: str | None = None,
                      deadline: str | None = None) -> list[Finding]:
    """Published after the 第四十九条 deadline for its level (``level`` overrides the level read
    from the unit's name; ``deadline`` as ``"MM-DD"`` overrides the date, for local notices)."""
    if level is not None and level not in DEADLINES:
        raise ValueError(f"level must be one of {', '.join(DEADLINES)}, not {level!r}")
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", deadline or "01-31")
    if m is None or _iso(f"2024-{deadline or '01-31'}") is None:  # 2024: a leap year allows 02-29
        raise ValueError(f"deadline must be a day of the year as 'MM-DD', not {deadline!r}")
    year = report.info.year
    when = _iso(meta.get("published")) or _iso(report.info.published)
    source = ("页面发布日期" if _iso(meta.get("published")) else "文中落款或发布日期" if meta or report.source.format == "text"
              else "发布日期")
    if year is None or when is None:
        missing = "发布日期" if when is None else "报告年度"
        return [_f("info", "deadline_unchecked", f"未找到{missing}，无法检查是否按时发布")]
    lvl = level or unit_level(report.info.unit or report.info.publisher)
    month, day = (int(m[1]), int(m[2])) if deadline else DEADLINES[lvl] if lvl else DEADLINES["government"]
    due = _iso(f"{year + 1}-{month}-{day}") or date(year + 1, 2, 28)  # 02-29 in a common year
    if when < date(year + 1, 1, 1):
        return [_f("warning", "published_before_year_end",
                   f"{source}{_cn(when)}早于{year}年度结束，年度报告应报告上一年度的情况：日期或年度有误")]
    if when <= due:
        return []
    what = (f"本地规定的期限{_cn(due)}" if deadline else
            f"{LEVEL_NAMES[lvl]}年度报告的期限{_cn(due)}" if lvl else
            f"任何层级的最晚期限{_cn(due)}（未能从单位名称判断层级）")
    severity = "warning" if lvl in ("township", "subdistrict") and not deadline and not level else "error"
    return [_f(severity, "late_publication", f"{source}{_cn(when)}晚于{what}")]


# The six parts (条例第五十条; the headings of the national form), as titles after an ordinal.
TITLES: tuple[tuple[str, str, str], ...] = (
    ("一", "总体情况", r"(?:20\d{2}\s*年\s*度?)?[^\n]{0,8}?总体情况"),
    ("二", "主动公开政府信息情况", r"主动公开政府信息(?:的)?情况"),
    ("三", "收到和处理政府信息公开申请情况", r"收到和处理政府信息公开申请(?:的)?情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况", r"[^\d\n]{0,20}?行政(?:法)?复议[^\d\n]{0,14}?情况"),
    ("五", "存在的主要问题及改进情况", r"[^\d\n]{0,16}?存在的?主要问题[^\d\n]{0,8}?(?:情况|措施)"),
    ("六", "其他需要报告的事项", r"其他需要报告的事项"),
)
_TITLE_RES = [(k, name, re.compile(p)) for k, name, p in TITLES]
_ORD_LINE = re.compile(r"^[\s#*>|]*(?P<ord>[一二三四五六七八九十]{1,2})\s*[.、．,]\s*(?P<rest>[^\n]*)$", re.M)
_BARE_LINE = re.compile(r"^[\s#*>|]*(?P<rest>其他需要报告的事项)\s*$", re.M)
# Row labels of table 三 that carry the same ordinals as the parts.
_ROW_LABEL = re.compile(r"本年新收|上年结转|本年度办理结果|办理结果|结转下年度|本年度办|本法提供")


def _heading_scan(text: str) -> tuple[dict[str, tuple[int, str | None, str]], list[tuple[int, str, str]]]:
    """Canonical headings found (key → position, printed ordinal, printed line) and the other
    ordinal lines (position, ordinal, rest) that could be renamed headings."""
    found: dict[str, tuple[int, str | None, str]] = {}
    others: list[tuple[int, str, str]] = []
    for m in _ORD_LINE.finditer(text):
        rest = m["rest"].strip()
        for key, _name, rx in _TITLE_RES:
            if rx.match(rest):
                found.setdefault(key, (m.start(), m["ord"], f"{m['ord']}、{rest[:30]}"))
                break
        else:
            if len(rest) <= 30 and not rest.endswith(".") and not _ROW_LABEL.search(rest) \
                    and re.match(r"[^\d\s]", rest or "0"):
                others.append((m.start(), m["ord"], rest))
    bare = _BARE_LINE.search(text)
    if bare and "六" not in found:
        found["六"] = (bare.start(), None, bare["rest"])
    # Text flattened without line breaks (portal pages saved as text): a numbered title anywhere.
    for key, name, rx in _TITLE_RES:
        if key not in found:
            m = re.search(f"(?P<ord>[一二三四五六七八九十]{{1,2}})\\s*[.、．]\\s*(?:{rx.pattern})", text)
            if m is not None:
                found[key] = (m.start(), m["ord"], m.group(0)[:30])
    return found, others


def section_findings(report: Report, text: str) -> list[Finding]:
    """Parts 一 to 六 missing, renamed, misnumbered or out of order (条例第五十条, 30号)."""
    found, others = _heading_scan(text)
    out: list[Finding] = []
    keys = [k for k, _, _ in TITLES]
    for i, (key, name, _rx) in enumerate(TITLES):
        if key in found:
            _pos, ordinal, line = found[key]
            if ordinal != key:
                printed = f"编号为“{ordinal}”" if ordinal else "未编号"
                out.append(_f("warning", "section_misnumbered", f"第{key}部分“{name}”{printed}（{line}）"))
            continue
        lo = max((found[k][0] for k in keys[:i] if k in found), default=-1)
        hi = min((found[k][0] for k in keys[i + 1:] if k in found and found[k][0] > lo), default=len(text) + 1)
        renamed = next((o for o in others if o[1] == key and lo < o[0] < hi), None)
        if renamed is not None:
            out.append(_f("warning", "section_renamed",
                          f"第{key}部分的标题为“{key}、{renamed[2]}”，格式规定为“{key}、{name}”"))
        else:
            out.append(_f("error", "section_missing", f"未找到第{key}部分“{key}、{name}”"))
    order = [k for k in keys if k in found]
    by_pos = sorted(order, key=lambda k: found[k][0])
    if by_pos != order:
        pdf = report.source.format == "pdf"
        out.append(_f("info" if pdf else "warning", "section_order",
                      "各部分顺序为" + "、".join(by_pos) + "，应为" + "、".join(order)
                      + ("（PDF 文字层的顺序可能与版面不同）" if pdf else "")))
    return out


_TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
_DATE = r"(?:(?P<{0}y>20\d{{2}})\s*年\s*)?(?P<{0}m>\d{{1,2}})\s*月\s*(?P<{0}d>\d{{1,2}})\s*日"
_PERIOD = re.compile(r"(?:统计|数据)[^.\n]{0,24}?" + _DATE.format("a") + r"\s*(?:起)?\s*(?:至|到|-|~)\s*"
                     + _DATE.format("b"))
_CUTOFF = re.compile(r"(?:核定|截止|截至)[^.\n]{0,12}?(?P<y>20\d{2})\s*年\s*12\s*月\s*31\s*日")


@lru_cache(maxsize=4)  # form_findings and period_findings read the same squeezed text
def _squeeze(text: str) -> str:
    """The text without whitespace: PDF lines break sentences (统计期限自 2023 年 1 月 1 日起\\n至 …)."""
    return re.sub(r"\s+", "", text[:400_000])


_SELF_YEAR = re.compile(r"(?:公布|公开|发布)[^.,\n]{2,30}?(20\d{2})\s*年\s*度?\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?年度报告")


def _title_year(report: Report, text: str = "") -> int | None:
    """The year the report names itself by: its title, else 现公布…2022年…年度报告 in the text."""
    m = _TITLE_YEAR.search(report.info.title or "") or _SELF_YEAR.search(text[:20_000])
    return int(m[1]) if m else None


def form_findings(report: Report, text: str) -> list[Finding]:
    """The form of the year (2021 form from 2021 on, 2019 form for 2019 and 2020) and a year
    that the title and the statistical period disagree on."""
    out: list[Finding] = []
    title_year = _title_year(report, text)
    period = _PERIOD.search(_squeeze(text))
    period_year = int(period["ay"]) if period and period["ay"] else None
    if title_year and period_year and title_year != period_year:
        out.append(_f("warning", "year_mismatch",
                      f"报告自称{title_year}年度报告，统计期限却是{period_year}年（“{period[0][:60]}”）"))  # type: ignore[index]
    year = title_year or report.info.year
    if year is None:
        out.append(_f("info", "form_unchecked", "未找到报告年度，无法检查表格格式"))
    elif year >= 2021 and report.template == "2019":
        out.append(_f("error", "wrong_form", f"{year}年度报告应使用{N2021}印发的格式，本报告的表格是"
                                             f"{N2019}的2019年格式（试行）"))
    elif year in (2019, 2020) and report.template == "2021":
        out.append(_f("error", "wrong_form", f"{year}年度报告应使用{N2019}的格式，本报告的表格是{N2021}"
                                             "的2021年格式（该格式2021年9月才印发，报告年度可能有误）"))
    elif year < 2019:
        out.append(_f("info", "form_unchecked", f"{year}年度早于现行条例施行，全国统一格式不适用"))
    return out


def period_findings(report: Report, text: str) -> list[Finding]:
    """The statistical period stated and equal to 1月1日–12月31日 of the report's year."""
    flat = _squeeze(text)
    m = _PERIOD.search(flat)
    year = _title_year(report, text) or report.info.year
    if m is None:
        cut = _CUTOFF.search(flat)
        if cut is not None:
            if year and int(cut["y"]) != year:
                return [_f("warning", "period_wrong", f"数据核定时间为{cut['y']}年12月31日，报告年度为{year}年")]
            return []
        return [_f("warning", "period_missing", "未写明数据的统计期限（应为报告年度1月1日至12月31日）")]
    y1 = int(m["ay"]) if m["ay"] else None
    y2 = int(m["by"]) if m["by"] else y1
    full = (int(m["am"]), int(m["ad"]), int(m["bm"]), int(m["bd"])) == (1, 1, 12, 31)
    # A whole year that is not the report's is year_mismatch (form_findings), not reported twice.
    if y1 is None or not full or y1 != y2:
        want = f"{year}年1月1日至12月31日" if year else "报告年度的1月1日至12月31日"
        return [_f("warning", "period_wrong", f"统计期限为“{m[0][m[0].find(m['ay'] or m['am']):]}”，应为{want}")]
    return []


def rows_findings(report: Report) -> list[Finding]:
    """Rows of the form's tables that the document does not print at all (label not found, or
    label printed with no value), as opposed to rows printed with zeros or blanks."""
    refs = {ref for f in report.findings
            if f.code in ("table_missing", "row_missing") or (f.code == "placement_none" and "(none)" in f.message)
            for ref in f.cells}
    if not refs:
        return []
    try:
        template = templates.get(report.template)
    except Exception:  # an unknown template id: nothing to compare with
        return []
    out = []
    for spec in template.tables:
        rows = [r for r in spec.rows if any(f"{spec.key}.{r.key}.{c}" in refs for c in r.columns)]
        if not rows:
            continue
        labels = [(r.label or "复议诉讼数据行").split("（区分")[0] for r in rows]
        shown = "、".join(labels[:5]) + ("等" if len(rows) > 5 else "")
        cells = tuple(f"{spec.key}.{r.key}.{c}" for r in rows for c in r.columns)
        out.append(_f("warning", "rows_not_printed",
                      f"表{spec.heading.split('、')[0]}有{len(rows)}行在文中未找到（{shown}）：若确未印出，"
                      "格式要求逐行填报，无数据的填0", cells))
    return out


def compliance_findings(report: Report, text: str, meta: Mapping[str, str] | None = None,
                        level: str | None = None, deadline: str | None = None) -> list[Finding]:
    """Every compliance finding for one parsed report. ``text`` is the document's normalised
    text (``reading.flat.text``), ``meta`` its source metadata; ``level`` (``government``,
    ``department``, ``township``, ``subdistrict``) and ``deadline`` (``"MM-DD"``) override the
    deadline read from the unit's name."""
    meta = meta or {}
    return (deadline_findings(report, meta, level, deadline) + section_findings(report, text)
            + form_findings(report, text) + period_findings(report, text)
            + [_f(s, "other_unit_name", msg) for s, msg in other_unit_findings(report, text, meta)]
            + rows_findings(report))


def with_deadline(report: Report, level: str | None = None, deadline: str | None = None) -> Report:
    """The report with its deadline findings redone for ``level``/``deadline`` (what ``check
    --level/--deadline`` needs after ``parse``, which reads the level from the unit's name)."""
    from dataclasses import replace

    kept = tuple(f for f in report.findings if f.code not in CHECKS["deadline"])
    return replace(report, findings=kept + tuple(deadline_findings(report, {}, level, deadline)))
