"""Report metadata (unit, year, title, publication date) and the text of parts 一 to 六."""
from __future__ import annotations

import re

from ..read.document import PageFacts
from ..read.normalize import HAN, LazyPattern
from ..report import ReportInfo

_YEAR_TITLE = r"(?P<year>20\d{2})\s*年\s*度?\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?年度报告"
_TITLE_RE = LazyPattern(f"(?P<unit>[{HAN}A-Za-z0-9()（）·]{{2,40}}?)\\s*" + _YEAR_TITLE)
_YEAR_FIRST_RE = LazyPattern(r"^\s*(?P<year>20\d{2})\s*年\s*度?\s*(?P<unit>[" + HAN + r"()（）·]{2,40}?)(?:政府|政务)信息公开(?:工作)?年度报告\s*$")
_BARE_TITLE_RE = LazyPattern(r"^\s*" + _YEAR_TITLE + r"\s*$")
_SELF_NAME_RE = LazyPattern(r"(?:公布|公开|发布)(?P<unit>[" + HAN + r"]{2,30}?)" + _YEAR_TITLE)
# Where no title names the body: the sentence that says who compiled the report
# (`…要求，锦屏街道编制本报告`), then a publisher field of the page (`发布机构：白沙县财政局`).
_COMPILED_RE = LazyPattern(r"(?:^|[,:;\s])(?P<unit>[" + HAN + r"()（）]{2,30}?)(?:编制|编写)了?本(?:年度)?报告")
_PUBLISHER_RE = LazyPattern(r"(?:发布机构|发布单位|发文机关|发文单位)\s*[:：]?\s*\|?\s*(?P<unit>[" + HAN + r"()（）]{2,30})")
_PERIOD_RE = re.compile(r"(?:统计期限|统计时限|起止时间|数据统计|统计时间)[^。\n]{0,12}?(?P<year>20\d{2})\s*年\s*1\s*月\s*1\s*日")
_DATE_RE = re.compile(r"(?:发布|发文|成文|印发)?(?:日期|时间)\s*[:：]\s*(?P<y>20\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})")
_DATE_LINE_RE = re.compile(r"^\s*(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$")
_REGION_END = ("省", "市", "区", "县", "州", "旗", "盟")
_LABEL_PREFIX_RE = re.compile(r"^\s*(?:标题|题名|名称)\s*[:：]\s*")

# Sentence punctuation as the lines arrive here: folded, so 。 is "." and ， is ",".
_SENTENCE_RE = re.compile(r"[。，；！？.,;!?](?!\d)")


def _is_prose(line: str) -> bool:
    """A sentence rather than a title: long, or punctuated (an ordinal such as ``一.`` aside)."""
    body = _LABEL_PREFIX_RE.sub("", line).strip()
    return len(body) >= 60 or _SENTENCE_RE.search(body, 3) is not None


def _clean_title(text: str) -> str:
    return re.sub(r"\s+", "", _LABEL_PREFIX_RE.sub("", text))


def extract_info(lines: list[str], text: str, page: PageFacts = PageFacts()) -> ReportInfo:
    """Unit, year, title and publication date from the first lines, the body and the page's facts."""
    title = unit = None
    year: int | None = None
    head = [ln for ln in lines if ln.strip()][:25]
    candidates = [page.title] if page.title else []
    candidates += head
    # Title-like lines first, then a title wrapped onto a second line (…年度报 / 告) read
    # joined, and only then prose, where 年度报告 may follow a fragment of the name.
    prose = [_is_prose(line) for line in candidates]
    tries: list[tuple[int, str]] = [(k, line) for k, line in enumerate(candidates) if not prose[k]]
    tries += [(k, line.rstrip() + candidates[k + 1].strip()) for k, line in enumerate(candidates[:-1])
              if not prose[k] and not prose[k + 1]]
    tries += [(k, line) for k, line in enumerate(candidates) if prose[k]]
    # A title that a converter ran into the first sentence (one layout cell): its first words.
    tries += [(k, line.split()[0]) for k, line in enumerate(candidates) if prose[k] and line.split()]
    for k, line in tries:
        line_c = _LABEL_PREFIX_RE.sub("", line)
        if len(line_c.strip()) > 80:
            continue
        m = _YEAR_FIRST_RE.search(line_c)
        if m:
            title, unit, year = _clean_title(line_c), m.group("unit"), int(m.group("year"))
            break
        m = _TITLE_RE.search(line_c)
        if m:
            title, unit, year = _clean_title(line_c[m.start():m.end()]), m.group("unit"), int(m.group("year"))
            break
        if _BARE_TITLE_RE.match(line_c) and k > 0 and len(candidates[k - 1].strip()) <= 40 \
                and not prose[k - 1]:
            prev = _clean_title(candidates[k - 1])
            m2 = _BARE_TITLE_RE.match(line_c)
            title, unit, year = prev + _clean_title(line_c), prev, int(m2.group("year"))  # type: ignore[union-attr]
            break
    if unit is None:
        m = _SELF_NAME_RE.search(text)
        if m:
            unit, year = m.group("unit"), year or int(m.group("year"))
    if unit is None:
        m = _COMPILED_RE.search(text, 0, 3000) or _PUBLISHER_RE.search(text, 0, 3000)
        if m and not m.group("unit").startswith(("本", "我")):
            unit = m.group("unit")
    if unit is not None:
        unit = _clean_title(unit)
        if unit.endswith(_REGION_END) and not unit.endswith("人民政府"):
            tails = {unit} | {unit[i:] for i in range(1, len(unit) - 1) if unit[i - 1] in "省市"}
            if any(f"{t}人民政府" in text for t in tails if len(t) >= 2):
                unit += "人民政府"
    period = _PERIOD_RE.search(text)
    if period:
        year = int(period.group("year"))
    published = page.published or _published(head, lines)
    return ReportInfo(unit=unit or page.publisher, year=year, title=title, published=published,
                      publisher=page.publisher, index_no=page.index_no)


def _published(head: list[str], lines: list[str]) -> str | None:
    for line in head:
        m = _DATE_RE.search(line)
        if m:
            return f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    for line in reversed([ln for ln in lines if ln.strip()][-6:]):
        m = _DATE_LINE_RE.match(line)
        if m:
            return f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    return None
