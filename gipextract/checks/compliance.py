"""The regulation's checks and the national notice's, beyond the arithmetic.

Each rule is a function of a parsed report and its :class:`~gipextract.checks.Context` that
returns findings; :data:`RULES` lists them. A finding that accuses the unit carries the text it
rests on and where (``evidence``) and is raised only on that positive evidence: a rule that
lacks what it needs (no publication date, no year, too little text) says so in an ``info``
finding, never a guess. The rule each code rests on, and the overview column it counts in,
are in the code's catalogue entry.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date
from typing import Any, Callable

from .. import templates
from ..errors import OptionError
from ..read.normalize import LazyPattern, compact, label_core, label_ordinal
from ..report import Finding, Report, finding
from . import Context
from .sections import section_findings
from .unitnames import other_unit_findings, unit_level

# 第四十九条: departments by 1月31日, the 本级政府's report by 3月31日. It names no date for
# townships and 街道 (their reports are compiled into the county's, due 3月31日), so 3月31日 is
# the outer limit there; local notices set earlier dates (``deadline=``).
DEADLINES: dict[str, tuple[int, int]] = {"government": (3, 31), "department": (1, 31),
                                         "township": (3, 31), "subdistrict": (3, 31)}
DEADLINE_CODES = ("late_publication", "published_before_year_end", "deadline_unchecked")
_OWN_NAME = ("title", "signature", "opening", "text")


def _iso(text: str | None) -> date | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _fact(report: Report, name: str) -> dict[str, Any] | None:
    e = report.info.evidence.get(name)
    return e.to_dict() if e is not None else None


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
    year, when = report.info.year, _iso(report.info.published)
    if year is None or when is None:
        return [finding("deadline_unchecked", missing="date" if when is None else "year")]
    evidence = _fact(report, "published") or {"text": report.info.published, "source": None, "from": "other"}
    date_from = evidence["from"] if evidence["from"] in ("field", "meta", "signature") else "other"
    # The level only from a name the report gives itself (its title, signature, opening): the page's
    # 来源 or publisher may be the office that posted it.
    named = report.info.evidence.get("unit")
    lvl = level or (unit_level(report.info.unit) if named is not None and named.origin in _OWN_NAME else None)
    month, day = (int(m[1]), int(m[2])) if deadline else DEADLINES[lvl] if lvl else DEADLINES["government"]
    due = _iso(f"{year + 1}-{month}-{day}") or date(year + 1, 2, 28)  # 02-29 in a common year
    if when < date(year + 1, 1, 1):
        return [finding("published_before_year_end", date_from=date_from, published=when.isoformat(), year=year,
                        evidence=evidence, year_evidence=_fact(report, "year"))]
    if when <= due:
        return []
    severity = "warning" if lvl in ("township", "subdistrict") and not deadline and not level else "error"
    return [finding("late_publication", severity=severity, date_from=date_from, published=when.isoformat(),  # type: ignore[arg-type]
                    deadline=due.isoformat(), due="local" if deadline else "level" if lvl else "unknown",
                    level=lvl, evidence=evidence)]


_DATE = r"(?:(?P<{0}y>20\d{{2}})\s*年\s*)?(?P<{0}m>\d{{1,2}})\s*月\s*(?P<{0}d>\d{{1,2}})\s*日"
_PERIOD = LazyPattern(r"(?:统计|数据)[^.\n]{0,24}?" + _DATE.format("a") + r"\s*(?:起)?\s*(?:至|到|-|~)\s*"
                      + _DATE.format("b"))
_CUTOFF = re.compile(r"(?:核定|截止|截至)[^.\n]{0,12}?(?P<y>20\d{2})\s*年\s*12\s*月\s*31\s*日")
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
_SELF_YEAR = re.compile(r"(?:公布|公开|发布)[^.,\n]{2,30}?(20\d{2})\s*年\s*度?\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?年度报告")


_RUN = re.compile(r"\S+")


def _squeezed(text: str) -> str:
    """The text without whitespace (PDF lines break sentences: 统计期限自 2023 年 1 月 1 日起\\n至 …);
    ``str.split`` drops exactly what ``str.isspace`` calls whitespace."""
    return "".join(text[:400_000].split())


def _unsqueezed(text: str, k: int) -> int:
    """Where in ``text`` the ``k``-th character of its squeezed form stands (one step per run
    of non-space characters, and only up to the hit: the period found and placed in 0.04 ms
    a text against 0.36 ms with every character's place listed, over real-dev, seeds and
    corpus/pdf)."""
    seen = 0
    for run in _RUN.finditer(text):
        n = run.end() - run.start()
        if seen + n > k:
            return run.start() + k - seen
        seen += n
    raise ValueError(k)


def _title_year(report: Report, text: str = "") -> tuple[int | None, dict[str, Any] | None]:
    """The year the report names itself by, with its evidence: its title, else 现公布…2022年…年度报告."""
    m = _TITLE_YEAR.search(report.info.title or "")
    if m:
        return int(m[1]), _fact(report, "title")
    s = _SELF_YEAR.search(text[:20_000])
    return (int(s[1]), {"text": s.group(0), "source": None, "from": "text"}) if s else (None, None)


def _period(context: Context) -> tuple["re.Match[str] | None", "re.Match[str] | None", dict[str, Any] | None]:
    """The statistical period (or the 截至…12月31日 cut-off), and its evidence."""
    m, cut, at = _period_in(context.text)
    hit = m or cut
    evidence = context.evidence_at(at, hit.group(0)[:60], "period") if hit and at is not None else None
    return m, cut, evidence


@functools.lru_cache(maxsize=4)
def _period_in(text: str) -> tuple["re.Match[str] | None", "re.Match[str] | None", int | None]:
    """The period's match (or the cut-off's) in the squeezed text, and where it starts in
    ``text``; kept for the next rule that asks about the same text (form and period both do)."""
    squeezed = _squeezed(text)
    m = _PERIOD.search(squeezed)
    cut = _CUTOFF.search(squeezed) if m is None else None
    hit = m or cut
    return m, cut, _unsqueezed(text, hit.start()) if hit else None


def form_findings(report: Report, context: Context) -> list[Finding]:
    """The form of the year (2021 form from 2021 on, 2019 form for 2019 and 2020) and a year
    that the title and the statistical period disagree on."""
    out: list[Finding] = []
    title_year, title_evidence = _title_year(report, context.text)
    period, _cut, period_evidence = _period(context)
    period_year = int(period["ay"]) if period and period["ay"] else None
    if title_year and period_year and title_year != period_year:
        out.append(finding("year_mismatch", title_year=title_year, period_year=period_year,
                           period=period[0][:60], evidence=title_evidence, period_evidence=period_evidence))  # type: ignore[index]
    year = title_year or report.info.year
    year_evidence = title_evidence or _fact(report, "year")
    if year is None:
        out.append(finding("form_unchecked", unchecked="no_year"))
    elif year < 2019:
        out.append(finding("form_unchecked", unchecked="before_2019", year=year))
    elif (year >= 2021) == (report.template == "2019"):
        out.append(finding("wrong_form", year=year, mismatch="old_form" if year >= 2021 else "new_form",
                           evidence=year_evidence, form_evidence=_form_evidence(report, context)))
    return out


def _form_evidence(report: Report, context: Context) -> dict[str, Any] | None:
    """Where the report's tables print a label only its form has (本年新制作数量, 本年制发件数 …)."""
    for marker in templates.get(report.template).markers:
        at = context.text.find(marker)
        if at >= 0:
            return context.evidence_at(at, marker, "table")
    return None


def period_findings(report: Report, context: Context) -> list[Finding]:
    """The statistical period stated and equal to 1月1日–12月31日 of the report's year."""
    m, cut, evidence = _period(context)
    year = _title_year(report, context.text)[0] or report.info.year
    if m is None:
        if cut is not None:
            if year and int(cut["y"]) != year:
                return [finding("period_wrong", period_problem="cutoff", cut_year=int(cut["y"]), year=year,
                                evidence=evidence)]
            return []
        stated = _STATED.search(context.text[:200_000])
        if stated is not None:  # the period is named, its dates taken apart (markitdown's table cells)
            return [finding("period_unchecked", unread="scrambled",
                            evidence=context.evidence_at(stated.start(), stated.group(0), "period"))]
        opening = _opening(context)
        return [finding("period_missing", evidence=opening)] if opening else \
            [finding("period_unchecked", unread="no_opening")]
    y1 = int(m["ay"]) if m["ay"] else None
    y2 = int(m["by"]) if m["by"] else y1
    full = (int(m["am"]), int(m["ad"]), int(m["bm"]), int(m["bd"])) == (1, 1, 12, 31)
    # A whole year that is not the report's is year_mismatch (form_findings), not reported twice.
    if y1 is None or not full or y1 != y2:
        return [finding("period_wrong", period_problem="range", printed_period=m[0][m[0].find(m["ay"] or m["am"]):],
                        want="year" if year else "any", year=year, evidence=evidence)]
    return []


_STATED = re.compile(r"(?:统计|数据)\s*(?:期限|时限|周期|时间|区间)")
_OPENING = re.compile(r"(?:根据|依据|按照)[^\n]{0,40}?条例|本报告|一\s*[、.．]\s*(?:20\d{2}\s*年\s*度?)?[^\n]{0,8}?总体情况")


def _opening(context: Context) -> dict[str, Any] | None:
    """Where the report's opening (the preface that cites the regulation, or part 一) is printed:
    a period that is missing is missing from there; a text without it is no report's prose."""
    m = _OPENING.search(context.text[:200_000])
    return context.evidence_at(m.start(), m.group(0)[:40], "opening") if m else None


def rows_findings(report: Report, context: Context) -> list[Finding]:
    """Rows of a table the document prints whose label is nowhere in the text and none of whose
    cells was read from it (each missing, or inferred from the identities), between printed
    rows: left out, as opposed to rows printed with zeros or blanks, or the start or end of a
    table that a converter cut off (pandoc's ``[TABLE]``)."""
    unread: dict[tuple[str, str], bool] = {}
    for c in report.cells:
        if c.status in ("missing", "inferred"):
            unread.setdefault((c.table, c.row), True)
        else:
            unread[c.table, c.row] = False
    if not any(unread.values()):
        return []
    template = templates.get(report.template)
    whole = compact(context.text)
    out = []
    for spec in template.tables:
        absent = [bool(r.label) and unread.get((spec.key, r.key), False)
                  and not any(_printed(v, whole) for v in (r.label, *r.variants)) for r in spec.rows]  # type: ignore[arg-type]
        rows = [r for i, r in enumerate(spec.rows) if absent[i] and _between_printed(absent, i)]
        if not rows:
            continue
        at = context.text.find(spec.heading[2:8])
        cells = [f"{spec.key}.{r.key}.{c}" for r in rows for c in r.columns]
        out.append(finding("rows_not_printed", cells, ordinal=spec.heading.split("、")[0], count=len(rows),
                           labels=[r.label.split("（区分")[0] for r in rows][:5],  # type: ignore[union-attr]
                           evidence=context.evidence_at(at, spec.heading, "table") if at >= 0 else None))
    return out


def _between_printed(absent: list[bool], i: int) -> bool:
    """Does the run of absent rows around row ``i`` have a printed row on both sides?"""
    lo = i
    while lo > 0 and absent[lo - 1]:
        lo -= 1
    hi = i
    while hi + 1 < len(absent) and absent[hi + 1]:
        hi += 1
    return lo > 0 and hi + 1 < len(absent)


def _printed(label: str, whole: str) -> bool:
    """Is the label in the (compact) text, wrapped or cut as converters print it? Its ordinal
    and first two characters are enough (a label wrapped in a narrow column keeps its start on
    one line: 1.信访 / 举报投 / 诉类申请); a label without an ordinal needs its first three
    (行政规 / 范性文件)."""
    return _label_start(label) in whole


@functools.lru_cache(maxsize=None)
def _label_start(label: str) -> str:
    """What :func:`_printed` looks for, worked out once a form's label, not once a report
    (with the unread rows keyed by tuples: rows_findings 0.13 -> 0.07 ms a text report, old and
    new alternated)."""
    core, ordinal = label_core(label), label_ordinal(label)
    return compact(ordinal + core[:2] if ordinal else core[:3])


def unit_name_findings(report: Report, context: Context) -> list[Finding]:
    """Other units' names where the report names itself, or of its own kind anywhere."""
    return other_unit_findings(report, context)


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
