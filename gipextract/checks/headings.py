"""The report's parts 一 to 六: where their headings stand, as printed.

A heading is found wherever it is printed: at a line's start, in a table caption or header
cell, in the middle of a page a crawler flattened to one line, wrapped over two lines, with
Markdown or bold marks around it, or without its ordinal (Word list numbering that a
converter dropped). A numbered line that is not one of the form's headings may be a part
renamed (``五、存在的主要问题及明年工作计划``); the rows of table 三 that carry the same ordinals
(``四、结转下年度继续办理``) never are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.normalize import LazyPattern

PARTS: tuple[tuple[str, str, str], ...] = (
    ("一", "总体情况", r"(?:20\d{2}\s*年\s*度?)?[^\n]{0,8}?总体情况"),
    ("二", "主动公开政府信息情况", r"主动公开政府信息(?:的)?情况"),
    ("三", "收到和处理政府信息公开申请情况", r"收到和处理政府信息公开申请(?:的)?情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况", r"(?!结转)[^\d\n]{0,20}?行政(?:法)?复议[^\d\n]{0,14}?情况"),
    ("五", "存在的主要问题及改进情况", r"[^\d\n]{0,16}?存在的?主要问题[^\d\n]{0,8}?(?:情况|措施)"),
    ("六", "其他需要报告的事项", r"其他需要报告的事项"),
)
# What a part's text talks about, for a part whose heading is not printed.
CONTENT: dict[str, tuple[str, ...]] = {
    "一": ("总体情况",), "二": ("主动公开",), "三": ("依申请", "申请情况"), "四": ("复议", "诉讼"),
    "五": ("存在的主要问题", "主要问题", "存在问题", "存在的问题", "不足", "改进"), "六": ("其他需要报告", "信息处理费"),
}
_TITLES = [(k, name, re.compile(rx)) for k, name, rx in PARTS]
# An ordinal starting a heading: after a line break, a space or punctuation, or, for a heading
# of the form (known wording), glued to what precedes it (a crawler's page: 39573802895.90元三、收到…).
# Both start with a numeral: the lookahead lets the scan pass other characters without trying
# the lookbehinds (with the unnumbered lines tried only where a heading's words are: scan
# 0.48 -> 0.25 ms a text report, old and new alternated over the corpus texts).
_ORDINAL = LazyPattern(r"(?=[一二三四五六七八九十])(?:^|(?<=[\s。.;；:：|#*>\]】]))(?P<ord>[一二三四五六七八九十]{1,2})\s*[、.．,，]\s*")
_ORDINAL_GLUED = LazyPattern(r"(?=[一二三四五六七八九十])(?<![第（(一二三四五六七八九十])(?P<ord>[一二三四五六七八九十])\s*[、.．,，]\s*")
_UNNUMBERED = LazyPattern(r"(?m)^[ \t#*>|]*(?P<rest>(?:20\d{2}\s*年\s*度?)?[^\n\d]{0,24}?)[ \t*|]*$")
# A heading's words: a line without them holds no heading (see _match_title).
_TITLE_WORD = re.compile("情况|事项|措施")
# Rows of table 三 numbered like the parts, and the wording of part 一's own sub-headings.
_ROW_LABEL = re.compile(r"本年新收|上年结转|本年度办理结果|办理结果|结转下年度|本年度办|本法提供")
_TITLE_END = re.compile(r"[\d。.，,；;：:!！?？\n(（]")
MAX_TITLE = 30


@dataclass(frozen=True)
class Heading:
    """A part heading as printed: which part (None when it is not a form's heading), its
    ordinal (None when printed without), its text and where it starts in the text."""

    part: str | None
    ordinal: str | None
    printed: str
    pos: int


def _match_title(rest: str) -> tuple[str, str] | None:
    # Every heading of the form ends in 情况, 措施 or 事项: without them no pattern can match
    # (most lines tried are not headings: scan 0.31 ms a text against 0.42 over real-dev, seeds,
    # corpus/html and corpus/pdf, best of 15).
    if "情况" not in rest and "事项" not in rest and "措施" not in rest:
        return None
    for key, _name, rx in _TITLES:
        m = rx.match(rest)
        if m is not None:
            return key, m.group(0)
    return None


def scan(text: str) -> tuple[dict[str, Heading], list[Heading]]:
    """The form's part headings found (first of each), and the other numbered lines that could
    be parts renamed."""
    found: dict[str, Heading] = {}
    others: list[Heading] = []
    for m in _ORDINAL_GLUED.finditer(text):
        if m.start() == 0 or not text[m.start() - 1] in "\n \t。.;；:：|#*>]】":
            hit = _match_title(text[m.end():m.end() + 60].partition("\n")[0])
            if hit is not None and hit[0] not in found:
                found[hit[0]] = Heading(hit[0], m["ord"], f"{m['ord']}、{hit[1]}", m.start())
    for m in _ORDINAL.finditer(text):
        rest = text[m.end():m.end() + 60]
        line, _, after = rest.partition("\n")
        hit = _match_title(line)
        if hit is None and len(line) < MAX_TITLE and after:
            hit = _match_title(line + after)  # a heading wrapped over two lines
        if hit is not None:
            key, printed = hit
            if key not in found or found[key].pos > m.start():
                found[key] = Heading(key, m["ord"], f"{m['ord']}、{printed.replace(chr(10), '')}", m.start())
            continue
        title = _TITLE_END.split(line, 1)[0].strip(" *|#")
        if 2 <= len(title) <= MAX_TITLE and not _ROW_LABEL.search(line[:20]) and re.match(r"[^\W\d_]", title):
            others.append(Heading(None, m["ord"], f"{m['ord']}、{title}", m.start()))
    for m in _unnumbered(text):
        hit = _match_title(m["rest"].strip())
        if hit is not None and hit[0] not in found and len(m["rest"].strip()) <= len(hit[1]) + 2:
            found[hit[0]] = Heading(hit[0], None, hit[1], m.start("rest"))
    return found, others


def _unnumbered(text: str) -> "list[re.Match[str]]":
    """What ``_UNNUMBERED.finditer(text)`` gives on the lines holding a heading's words (one
    match at most a line, within it): the others cannot be headings and are not tried."""
    out = []
    line = -1
    for w in _TITLE_WORD.finditer(text):
        start = text.rfind("\n", 0, w.start()) + 1
        if start == line:
            continue
        line = start
        m = _UNNUMBERED.match(text, start)
        if m is not None:
            out.append(m)
    return out
