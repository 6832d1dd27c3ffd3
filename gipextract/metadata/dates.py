"""When the report was published, from the document's own evidence only.

Strongest first: a publication field near the title (发布时间：, 发布日期：, 成文日期：, or a
bare 时间：/日期： in the page's information bar beside 来源：), the page's own metadata, the
date of the signature (落款) at the end. Never a page clock (a date beside 星期X, 今天是…), a
crawl or save stamp (采集时间, 保存时间 …), a copyright line, or a date inside the prose.
"""
from __future__ import annotations

import re

from ..read.document import PageFacts
from ..read.normalize import LazyPattern
from ..report import Evidence
from .lines import Line, signature_lines

_DATE = r"(?P<y>20\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})\s*日?"
_NAMED = LazyPattern(r"(?P<name>发布时间|发布日期|发文日期|成文日期|印发日期|公开日期|生成日期|发布|日期|时间)\s*[:：]\s*"
                     + _DATE)
_BARE_NAMES = ("日期", "时间", "发布")
# Fields that name the publication, then those that name when the text was written or issued.
_RANK = {"发布时间": 0, "发布日期": 0, "公开日期": 0, "发布": 2, "日期": 2, "时间": 2, "成文日期": 3, "发文日期": 3,
         "印发日期": 3, "生成日期": 3}
META_RANK = 1
# A field whose name says it is no publication: when the page was crawled, saved, printed …
_STAMP = LazyPattern(r"(?:采集|保存|抓取|爬取|下载|打印|更新|修改|访问|浏览|刷新|获取|截止|统计|当前|今天|生效|失效|有效)\s*$")
_INFO_BAR = re.compile(r"来源|作者|字号|浏览|阅读|点击|信息来源|发布机构|索引号")
_CLOCK = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:星期|周|礼拜)[一二三四五六日天]")
_NOT_CONTENT = re.compile(r"©|版权所有|Copyright|copyright|ICP备|主办单位|承办单位|网站标识码|今天是|当前时间|采集时间|保存时间")
_DATE_ALONE = re.compile(r"^\s*" + _DATE + r"\s*$")
_DATE_AT_END = LazyPattern(r"(?P<unit>[\u3400-\u9fff()（）]{2,30}(?:局|委员会|委|办公室|办公厅|厅|中心|署|院|政府|办事处|街道|镇|乡|"
                           r"管委会))\s+" + _DATE + r"\s*$")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_DATE = LazyPattern(r"^\s*(?P<y>[〇○零O一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*"
                       r"(?P<d>[一二三四五六七八九十]{1,3})\s*日\s*$")
NEAR_TITLE = 3  # lines after the title where a bare 时间：/日期： belongs to it


def _iso(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def _field_dates(line: Line, near_title: bool) -> list[tuple[int, str, Evidence]]:
    if _NOT_CONTENT.search(line.text):
        return []
    out = []
    for m in _NAMED.finditer(line.text):
        before = line.text[max(0, m.start() - 8):m.start()]
        if _STAMP.search(before) or _CLOCK.match(line.text, m.end()):
            continue
        if m["name"] in _BARE_NAMES and not (near_title or _INFO_BAR.search(line.text)):
            continue
        iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso is not None:
            out.append((_RANK[m["name"]], iso, Evidence(m.group(0).strip(), line.prov, "field")))
    return out


def field_dates(lines: list[Line], title_index: int | None) -> list[tuple[int, str, Evidence]]:
    """The date fields among the front lines, each with its rank (0: it names the publication;
    3: when the text was written or issued); a bare 时间： only beside the title or in the page's
    information bar."""
    return [found for line in lines
            for found in _field_dates(line, title_index is not None and 0 <= line.index - title_index <= NEAR_TITLE)]


def signature_date(tail: list[Line]) -> tuple[str, Evidence] | None:
    """The date of the signature: a date standing alone (or after the unit's name) at the end
    of the article, as the 落款 prints it (``2024年1月17日``, ``二〇二四年一月十七日``)."""
    for line in signature_lines(tail):
        if _NOT_CONTENT.search(line.text):
            continue
        m = _DATE_ALONE.match(line.text) or _DATE_AT_END.search(line.text[-80:])
        if m is not None:
            iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if iso is not None:
                return iso, Evidence(line.text[-60:].strip(), line.prov, "signature")
        c = _CN_DATE.match(line.text)
        if c is not None:
            year = int("".join(str(_CN_DIGITS[ch]) for ch in c["y"]))
            iso = _iso(year, _cn_number(c["m"]), _cn_number(c["d"]))
            if iso is not None:
                return iso, Evidence(line.text.strip(), line.prov, "signature")
    return None


def published(front: list[Line], back: list[Line], page: PageFacts, title_index: int | None
              ) -> tuple[str, Evidence] | None:
    """The publication date and what it rests on, strongest evidence first."""
    found = field_dates(front, title_index)
    if page.published:
        found.append((META_RANK, page.published, Evidence(page.published, None, "meta")))
    if found:
        _rank, iso, evidence = min(found, key=lambda f: f[0])
        return iso, evidence
    return signature_date(back)
