"""Reports from before the national tables: 2008–2018 annual reports have no 2019/2021 grid."""
from __future__ import annotations

import re

from ..read.document import Document
from ..read.normalize import nfkc

# The national tables start with the 2019 reports (国办公开办函〔2019〕60号); reports for the
# years 2008 (the first under the 2007 regulations) to 2018 print their own statistics.
_TITLE_YEAR_RE = re.compile(r"(20[01]\d)\s*年度?[^。\n]{0,40}?政府信息公开[^。\n]{0,12}?年度?报告")
_FIRST, _LAST = 2008, 2018


def pre_national_year(doc: Document) -> int | None:
    """The report year when ``doc`` is titled as a 2008–2018 annual report, else None."""
    head = nfkc(" ".join(b.text[:200] for b in doc.blocks[:30]))
    for m in _TITLE_YEAR_RE.finditer(head):
        year = int(m.group(1))
        if _FIRST <= year <= _LAST:
            return year
        return None  # the first titled year decides
    return None
