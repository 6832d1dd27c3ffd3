"""Report metadata (unit, year, title, publication date), each with the evidence it rests on.

Year from the title, then from the statistical period; unit from the title, then the
signature, the 来源： line, the opening sentence, the page's publisher; the publication date
as :mod:`.dates` says. A fact without evidence is None, never a guess.
"""
from __future__ import annotations

import re

from ..read.document import Document, PageFacts
from ..read.normalize import HAN, LazyPattern
from ..report import Evidence, ReportInfo
from .dates import published
from .lines import Line, back, front
from .title import find_title
from .unit import opening_unit, signature_unit, source_unit

_PUBLISHER_RE = LazyPattern(r"(?:发布机构|发布单位|发文机关|发文单位)\s*[:：]?\s*\|?\s*(?P<unit>[" + HAN + r"()（）]{2,30})")
_PERIOD_RE = LazyPattern(r"(?:统计期限|统计时限|起止时间|数据统计|统计时间)[^。\n]{0,12}?(?P<year>20\d{2})\s*年\s*1\s*月\s*1\s*日")
_REGION_END = ("省", "市", "区", "县", "州", "旗", "盟")


def describe_document(doc: Document, text: str) -> ReportInfo:
    """The report's facts from ``doc``'s lines, its normalised ``text`` and the page's own facts."""
    return extract_info(front(doc), back(doc), text, doc.page)


def extract_info(head: list[Line], tail: list[Line], text: str, page: PageFacts = PageFacts()) -> ReportInfo:
    """Unit, year, title and publication date from the front lines (``head``), the last lines
    (``tail``, last first), the body's ``text`` and the page's facts."""
    evidence: dict[str, Evidence] = {}
    title = find_title(head, page, text)
    unit = year = None
    if title is not None:
        year, evidence["year"] = title.year, title.evidence
        if title.text is not None:
            evidence["title"] = title.evidence
        if title.unit:
            unit, evidence["unit"] = title.unit, title.evidence
    if unit is None:
        found = signature_unit(tail) or source_unit(head)
        opening = opening_unit(text)
        # 来源：X办公室 is the office that posted the page of X's report, where the text names X.
        if found is None or opening is not None and found[1].origin == "source_line" and \
                found[0].startswith(opening[0]) and found[0][len(opening[0]):] in ("办公室", "办公厅"):
            found = opening
        if found is not None:
            unit, evidence["unit"] = found
    if unit is None:
        m = _PUBLISHER_RE.search(text, 0, 3000)
        if m and not m.group("unit").startswith(("本", "我")):
            unit, evidence["unit"] = m.group("unit"), Evidence(m.group(0).strip(), None, "field")
        elif page.publisher:
            unit, evidence["unit"] = page.publisher, Evidence(page.publisher, None, "meta")
    if unit is not None:
        unit = _with_government(re.sub(r"\s+", "", unit), text)
    if year is None:
        period = _PERIOD_RE.search(re.sub(r"\s+", "", text[:200_000]))
        if period:
            year, evidence["year"] = int(period.group("year")), Evidence(period.group(0), None, "period")
    title_index = next((line.index for line in head if title is not None and title.evidence.origin == "title"
                        and line.prov == title.evidence.source and title.evidence.text in line.text), None)
    date = published(head, tail, page, title_index)
    if date is not None:
        evidence["published"] = date[1]
    return ReportInfo(unit=unit, year=year, title=title.text if title else None,
                      published=date[0] if date else None,
                      publisher=page.publisher, index_no=page.index_no, evidence=evidence)


def _with_government(unit: str, text: str) -> str:
    """A region's name that the text calls ``…人民政府`` is that government (平潭综合实验区 aside)."""
    if unit.endswith(_REGION_END) and not unit.endswith("人民政府"):
        tails = {unit} | {unit[i:] for i in range(1, len(unit) - 1) if unit[i - 1] in "省市"}
        if any(f"{t}人民政府" in text for t in tails if len(t) >= 2):
            return unit + "人民政府"
    return unit
