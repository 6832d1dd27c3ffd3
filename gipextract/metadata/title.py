"""The report's title among whatever surrounds it: who reports, and for which year.

A title names a body, a year and 政府信息公开工作年度报告, in either order, printed with spaces,
full-width digits or over two lines; on a portal page it stands after the navigation, in a
breadcrumb and in the page's ``<title>``. A line that is a title by itself is the strongest
evidence; the page's own title next; a title inside a longer line (a breadcrumb, a crawler's
one-line page) after that; the sentence that names the report (现公布…2022年度…年度报告) last.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.document import PageFacts
from ..read.normalize import HAN, LazyPattern
from ..report import Evidence
from .lines import Line

_TAIL = r"(?:的)?(?:政府|政务)?信息公开(?:工作)?年度报告"
_NAME = f"[{HAN}A-Za-z0-9()（）·]"
_FULL = LazyPattern(rf"^(?:标题|题名|名称|文章标题|主题)?:?(?P<u1>{_NAME}{{0,60}}?)(?P<year>20\d{{2}})年度?"
                    rf"(?P<u2>[{HAN}()（）·]{{0,40}}?){_TAIL}$")
_SELF_NAME = LazyPattern(rf"(?:公布|公开|发布)(?P<unit>[{HAN}]{{2,30}}?)(?P<year>20\d{{2}})年度?{_TAIL}")
_SPACE = re.compile(r"\s+")
_SEGMENTS = re.compile(r"[\s|>»›/\\]+|当前位置[:：]?|您现在的位置[:：]?|首页")
# Words of a site's navigation that run into a title without a space: the name starts after them.
_NAV = re.compile(r".*(?:年报|政务公开|信息公开|首页|当前位置|栏目|专栏|正文|通知公告|工作动态|主动公开)")
_NOT_NAME = re.compile(r"^(?:关于|我|本|的)|^[A-Za-z0-9]+$")


@dataclass(frozen=True)
class Title:
    """The title as printed, the unit and year it names, and where it stands."""

    text: str | None  # None where a sentence, not a title, names the report
    unit: str | None
    year: int
    evidence: Evidence


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _unit(u1: str, u2: str) -> str | None:
    name = u1 or u2
    name = _NAV.sub("", name) if _NAV.match(name) else name
    name = name.strip("()（）·")
    if len(name) < 2 or _NOT_NAME.search(name):
        return None
    return name


def _as_title(text: str) -> tuple[str, str | None, int] | None:
    """(title, unit, year) when ``text`` is a title and nothing else."""
    squeezed = _squeeze(text)
    m = _FULL.match(squeezed)
    if m is None:
        return None
    title = re.sub(r"^(?:标题|题名|名称|文章标题|主题)?:", "", squeezed)
    return title, _unit(m["u1"], m["u2"]), int(m["year"])


def find_title(lines: list[Line], page: PageFacts, text: str = "") -> Title | None:
    """The strongest title among the front lines, the page's own title and the text."""
    # A line that is the title, or the title wrapped over it and the next (…信息公开 / 工作年度报告).
    for k, line in enumerate(lines):
        printed = line.text
        found = _as_title(printed)
        if found is None and k + 1 < len(lines) and len(line.text) <= 60 and len(lines[k + 1].text) <= 40:
            printed = line.text + lines[k + 1].text
            found = _as_title(printed)
        if found is not None:
            title, unit, year = found
            if unit is None and k > 0 and len(lines[k - 1].text) <= 40:
                unit = _unit(_squeeze(lines[k - 1].text), "")  # 单位 / 2024年政府信息公开工作年度报告
                if unit is not None:
                    title, printed, line = unit + title, lines[k - 1].text + printed, lines[k - 1]
            return Title(title, unit, year, Evidence(printed[:120], line.prov, "title"))
    if page.title:
        found = _as_title(page.title)
        if found is not None:
            return Title(found[0], found[1], found[2], Evidence(page.title[:120], None, "meta"))
    # Inside a longer line: a breadcrumb, a crawler's one-line page.
    for line in lines:
        for segment in _SEGMENTS.split(line.text):
            found = _as_title(segment) if 8 <= len(segment) <= 100 else None
            if found is not None:
                return Title(found[0], found[1], found[2], Evidence(segment[:120], line.prov, "title"))
    m = _SELF_NAME.search(_squeeze(text[:20_000]))
    if m is not None:
        return Title(None, m["unit"], int(m["year"]), Evidence(m.group(0)[:120], None, "text"))
    return None
