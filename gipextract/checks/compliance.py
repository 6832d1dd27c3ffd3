"""The regulation's checks and the national notice's, beyond the arithmetic.

Each rule is a function of a parsed report and its :class:`~gipextract.checks.Context` that
returns findings; :data:`RULES` lists them. A rule that lacks what it needs (no publication
date, no year) says so in an ``info`` finding; it never guesses. The rule each code rests
on, and the overview group it counts in, are in the code's catalogue entry.
"""
from __future__ import annotations

import re
from dataclasses import astuple, replace
from datetime import date
from functools import lru_cache
from typing import Callable

from .. import templates
from ..errors import OptionError
from ..report import Finding, Report, finding
from . import Context
from .unitnames import other_unit_findings, unit_level

Level = str
# 第四十九条: departments by 1月31日, the 本级政府's report by 3月31日. It names no date for
# townships and 街道 (their reports are compiled into the county's, due 3月31日), so 3月31日 is
# the outer limit there; local notices set earlier dates (``deadline=``).
DEADLINES: dict[str, tuple[int, int]] = {"government": (3, 31), "department": (1, 31),
                                         "township": (3, 31), "subdistrict": (3, 31)}


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


def deadline_findings(report: Report, context: Context) -> list[Finding]:
    """Published after the 第四十九条 deadline for its level (``context.level`` overrides the
    level read from the unit's name; ``context.deadline`` as ``"MM-DD"`` overrides the date,
    for local notices)."""
    level, deadline = context.level, context.deadline
    if level is not None and level not in DEADLINES:
        raise OptionError(None, "bad_level", level=level)
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", deadline or "01-31")
    if m is None or _iso(f"2024-{deadline or '01-31'}") is None:  # 2024: a leap year allows 02-29
        raise OptionError(None, "bad_deadline", deadline=deadline)
    year = report.info.year
    page_date = _iso(context.page.published)
    when = page_date or _iso(report.info.published)
    date_from = "page" if page_date else "text" if any(astuple(context.page)) or report.source.format == "text" \
        else "other"
    if year is None or when is None:
        return [finding("deadline_unchecked", missing="date" if when is None else "year")]
    lvl = level or unit_level(report.info.unit or report.info.publisher)
    month, day = (int(m[1]), int(m[2])) if deadline else DEADLINES[lvl] if lvl else DEADLINES["government"]
    due = _iso(f"{year + 1}-{month}-{day}") or date(year + 1, 2, 28)  # 02-29 in a common year
    if when < date(year + 1, 1, 1):
        return [finding("published_before_year_end", date_from=date_from, published=when.isoformat(), year=year)]
    if when <= due:
        return []
    severity = "warning" if lvl in ("township", "subdistrict") and not deadline and not level else "error"
    return [finding("late_publication", severity=severity, date_from=date_from, published=when.isoformat(),  # type: ignore[arg-type]
                    deadline=due.isoformat(), due="local" if deadline else "level" if lvl else "unknown",
                    level=lvl)]


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


def section_findings(report: Report, context: Context) -> list[Finding]:
    """Parts 一 to 六 missing, renamed, misnumbered or out of order (条例第五十条, 30号)."""
    text = context.text
    found, others = _heading_scan(text)
    out: list[Finding] = []
    keys = [k for k, _, _ in TITLES]
    for i, (key, name, _rx) in enumerate(TITLES):
        if key in found:
            _pos, ordinal, line = found[key]
            if ordinal != key:
                out.append(finding("section_misnumbered", part=key, name=name, ordinal=ordinal, line=line,
                                   numbering="other" if ordinal else "none"))
            continue
        lo = max((found[k][0] for k in keys[:i] if k in found), default=-1)
        hi = min((found[k][0] for k in keys[i + 1:] if k in found and found[k][0] > lo), default=len(text) + 1)
        renamed = next((o for o in others if o[1] == key and lo < o[0] < hi), None)
        if renamed is not None:
            out.append(finding("section_renamed", part=key, printed=renamed[2], name=name))
        else:
            out.append(finding("section_missing", part=key, name=name))
    order = [k for k in keys if k in found]
    by_pos = sorted(order, key=lambda k: found[k][0])
    if by_pos != order:
        pdf = report.source.format == "pdf"
        out.append(finding("section_order", severity="info" if pdf else "warning", found=by_pos, expected=order,
                           layer="pdf" if pdf else "other"))
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


def form_findings(report: Report, context: Context) -> list[Finding]:
    """The form of the year (2021 form from 2021 on, 2019 form for 2019 and 2020) and a year
    that the title and the statistical period disagree on."""
    text = context.text
    out: list[Finding] = []
    title_year = _title_year(report, text)
    period = _PERIOD.search(_squeeze(text))
    period_year = int(period["ay"]) if period and period["ay"] else None
    if title_year and period_year and title_year != period_year:
        out.append(finding("year_mismatch", title_year=title_year, period_year=period_year,
                           period=period[0][:60]))  # type: ignore[index]
    year = title_year or report.info.year
    if year is None:
        out.append(finding("form_unchecked", unchecked="no_year"))
    elif year >= 2021 and report.template == "2019":
        out.append(finding("wrong_form", year=year, mismatch="old_form"))
    elif year in (2019, 2020) and report.template == "2021":
        out.append(finding("wrong_form", year=year, mismatch="new_form"))
    elif year < 2019:
        out.append(finding("form_unchecked", unchecked="before_2019", year=year))
    return out


def period_findings(report: Report, context: Context) -> list[Finding]:
    """The statistical period stated and equal to 1月1日–12月31日 of the report's year."""
    text = context.text
    flat = _squeeze(text)
    m = _PERIOD.search(flat)
    year = _title_year(report, text) or report.info.year
    if m is None:
        cut = _CUTOFF.search(flat)
        if cut is not None:
            if year and int(cut["y"]) != year:
                return [finding("period_wrong", period_problem="cutoff", cut_year=int(cut["y"]), year=year)]
            return []
        return [finding("period_missing")]
    y1 = int(m["ay"]) if m["ay"] else None
    y2 = int(m["by"]) if m["by"] else y1
    full = (int(m["am"]), int(m["ad"]), int(m["bm"]), int(m["bd"])) == (1, 1, 12, 31)
    # A whole year that is not the report's is year_mismatch (form_findings), not reported twice.
    if y1 is None or not full or y1 != y2:
        return [finding("period_wrong", period_problem="range", printed_period=m[0][m[0].find(m["ay"] or m["am"]):],
                        want="year" if year else "any", year=year)]
    return []


def rows_findings(report: Report, context: Context) -> list[Finding]:
    """Rows of the form's tables that the document does not print at all (label not found, or
    label printed with no value), as opposed to rows printed with zeros or blanks."""
    refs = {ref for f in report.findings
            if f.code in ("table_missing", "row_missing") or (f.code == "placement_none" and f.args.get("count") == 0)
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
        cells = [f"{spec.key}.{r.key}.{c}" for r in rows for c in r.columns]
        out.append(finding("rows_not_printed", cells, ordinal=spec.heading.split("、")[0], count=len(rows),
                           labels=labels[:5]))
    return out


def unit_name_findings(report: Report, context: Context) -> list[Finding]:
    """Other units' names where the report names itself, or of its own kind anywhere."""
    return other_unit_findings(report, context.text, context.page.publisher)


Rule = Callable[[Report, Context], list[Finding]]
RULES: list[Rule] = [deadline_findings, section_findings, form_findings, period_findings, unit_name_findings,
                     rows_findings]


def compliance_findings(report: Report, context: Context) -> list[Finding]:
    """Every compliance finding for one parsed report."""
    return [f for rule in RULES for f in rule(report, context)]


def with_deadline(report: Report, level: str | None = None, deadline: str | None = None) -> Report:
    """The report with its deadline findings redone for ``level``/``deadline`` (what ``check
    --level/--deadline`` needs after ``parse``, which reads the level from the unit's name)."""
    kept = tuple(f for f in report.findings if f.code not in DEADLINE_CODES)
    return replace(report, findings=kept + tuple(deadline_findings(report, Context(level=level, deadline=deadline))))


DEADLINE_CODES = ("late_publication", "published_before_year_end", "deadline_unchecked")
