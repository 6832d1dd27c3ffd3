"""The text of parts 一 to 六, cut at their headings."""
from __future__ import annotations

import re

from ..read.normalize import LazyPattern

HEADINGS: tuple[tuple[str, str], ...] = (
    ("一", r"一\s*[、.．]\s*(?:20\d{2}\s*年\s*(?:度)?)?[^\n。]{0,8}?总体情况"),
    ("二", r"二\s*[、.．]\s*主动公开政府信息(?:的)?情况"),
    ("三", r"三\s*[、.．]\s*收到和处理政府信息公开申请(?:的)?情况"),
    ("四", r"四\s*[、.．]\s*(?!结转)[^\d\n。]{0,20}?行政(?:法)?复议[^\d\n。]{0,14}?情况"),
    ("五", r"五\s*[、.．]\s*[^\d\n。]{0,16}?存在的?主要问题[^\d\n。]{0,8}?(?:情况|措施)"),
    ("六", r"(?:六\s*[、.．]\s*|(?<=\n)\s*)其他需要报告的事项"),
)
_HEADING_RES = [(k, LazyPattern(p)) for k, p in HEADINGS]
_SPACES_RE = re.compile(r"[ \t\u3000]+")
# Part 六's heading may start at any line break before its words: the pattern is tried at every
# position of the text. Its words are found first and the pattern tried from the run of
# spaces, 六 and its punctuation before them, where any match of it must start (with the
# line joining below: sections() 0.14 -> 0.09 ms a text or HTML report, timed over the corpus).
_SIX_WORDS = "其他需要报告的事项"


def _search(key: str, rx: "re.Pattern[str]", text: str, pos: int) -> "re.Match[str] | None":
    if key != "六":
        return rx.search(text, pos)
    q = text.find(_SIX_WORDS, pos)
    if q < 0:
        return None
    while q > pos and (text[q - 1].isspace() or text[q - 1] in "六、.．"):
        q -= 1
    return rx.search(text, q)


def sections(text: str) -> dict[str, str]:
    """The text of each part 一 … 六 found in ``text`` (headings in order)."""
    found: list[tuple[str, int, int]] = []
    pos = 0
    for key, rx in _HEADING_RES:
        m = _search(key, rx, text, pos)  # type: ignore[arg-type]
        if m is None:
            continue
        found.append((key, m.start(), m.end()))
        pos = m.end()
    out: dict[str, str] = {}
    for i, (key, _s, e) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        body = _SPACES_RE.sub(" ", text[e:end])
        # Each line stripped and blank lines dropped: what re.sub(r"\s*\n\s*", "\n", body).strip()
        # gives (str.strip's whitespace is the pattern's \s), without trying the pattern at every
        # character.
        out[key] = "\n".join(s for line in body.split("\n") if (s := line.strip()))
    return out
