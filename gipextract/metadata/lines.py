"""The lines a report's facts are read from: its front (before the body starts) and its end.

A portal page may open with dozens of lines of navigation before the title, and a crawler's
flattening may put the whole page on one line; a signature (落款) stands at the very end.
Each line keeps where it is printed, so every fact can say where it was read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.document import Document, Provenance
from ..read.normalize import LazyPattern, nfkc

MAX_FRONT = 400  # blocks before the body: far more than any portal's navigation
MAX_BACK = 40
MAX_CHARS = 20_000  # of one line (a crawler's whole page on one line is ~10,000)
# Where the report's body starts: its part 一 or 二 heading.
_BODY = LazyPattern(r"(?:^|\s)(?:一\s*[、.．]\s*(?:20\d{2}\s*年\s*度?)?[^\n]{0,8}?总体情况|二\s*[、.．]\s*主动公开)")


@dataclass(frozen=True)
class Line:
    """One block's text (NFKC, markup around it stripped) and where it is printed."""

    text: str
    prov: Provenance | None
    index: int  # the block's place in the document


def _line(doc: Document, k: int) -> Line:
    frags = doc.blocks[k].fragments
    # Most blocks are one line of one fragment: its text, not a join over a generator
    # (front and back 0.15 -> 0.13 ms a text report, old and new alternated).
    text = (frags[0].text if len(frags) == 1 else " ".join(f.text for f in frags))[:MAX_CHARS]
    return Line(_unmarked(nfkc(text)), frags[0].prov if frags else None, k)


def _unmarked(text: str) -> str:
    """``text`` without the markup around it: ``re.sub(r"^[\\s#*>|]+|[\\s*|]+$", "", text)``,
    whose trailing run is tried at every position of a line, where strips look only at its
    ends (0.12 -> 0.03 ms over a document's first and last 60 lines, timeit)."""
    head = text.lstrip()
    while head[:1] in _LEAD:
        head = head.lstrip("#*>|").lstrip()
    tail = head.rstrip()
    while tail[-1:] in _TRAIL:
        tail = tail.rstrip("*|").rstrip()
    return tail


_LEAD = ("#", "*", ">", "|")
_TRAIL = ("*", "|")


def front(doc: Document) -> list[Line]:
    """The lines before the body (the title, the page's fields, the navigation around them),
    the body's first line included (a flattened page holds everything on it)."""
    out: list[Line] = []
    for k in range(min(len(doc.blocks), MAX_FRONT)):
        line = _line(doc, k)
        if not line.text:
            continue
        out.append(line)
        if _BODY.search(line.text):
            break
    return out


def back(doc: Document) -> list[Line]:
    """The last paragraphs of the document, last first (where a signature stands)."""
    out: list[Line] = []
    for k in range(len(doc.blocks) - 1, max(-1, len(doc.blocks) - 1 - 4 * MAX_BACK), -1):
        if len(out) >= MAX_BACK:
            break
        line = _line(doc, k)
        if line.text:
            out.append(line)
    return out


# Page furniture after an article: where a signature can no longer stand.
_CHROME = LazyPattern(r"相关链接|相关文章|相关阅读|相关文件|分享到|打印本页|关闭窗口|主办单位|主办[:：]|承办|网站标识码|ICP备|"
                      r"扫一扫|上一篇|下一篇|版权所有|Copyright|©|附件[:：]|附件下载")
_LAST_PART = re.compile(r"其他需要报告的事项|^\s*六\s*[、.．]")


def signature_lines(tail: list[Line]) -> list[Line]:
    """The lines where a signature (落款) can stand, last first: after the last part's heading
    and before the page furniture that follows the article (related links, footers)."""
    ordered = tail[::-1]
    last = max((k for k, line in enumerate(ordered) if _LAST_PART.search(line.text)), default=-1)
    rest = ordered[last + 1:]
    if last >= 0:
        # A flattening may hold the last part and the signature on one line: what follows the heading.
        line = ordered[last]
        after = line.text[[m.end() for m in _LAST_PART.finditer(line.text)][-1]:].strip()
        if after:
            rest = [Line(after, line.prov, line.index), *rest]
    out = []
    for line in rest:
        chrome = _CHROME.search(line.text)
        if chrome is not None:
            if chrome.start() > 0:  # a crawler's one-line page: the article ends where its furniture starts
                out.append(Line(line.text[:chrome.start()].rstrip(), line.prov, line.index))
            break
        out.append(line)
    return out[::-1]
