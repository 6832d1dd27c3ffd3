"""Value tokens: the printed numbers, dashes and notes between two labels."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple, Sequence

from ..read.document import Provenance
from ..read.normalize import HAN, LazyPattern
from .values import Number


class Token(NamedTuple):
    """One printed value (or blank marker) with where it came from.

    ``splittable`` marks a run of digits that shares its fragment with other text, so
    it may hold several cells fused together (``640020470``).
    """

    number: Number | None  # None: a printed blank (dash, slash, 无)
    text: str
    prov: Provenance
    inline: bool
    note: str | None = None

    @property
    def blank(self) -> bool:
        """True for a printed blank marker."""
        return self.number is None

    @property
    def fusable(self) -> bool:
        """Could this token hold more than one cell's digits?"""
        if self.number is None or not self.inline:
            return False
        body = self.number.digits.lstrip("-").split(".", 1)[0].replace(",", "")
        return len(body) >= 2


EMPTY_CELL = "\ue000"  # stands in for an empty table cell in the flattened text
_NUMBER = r"(?P<sign>减少|增加|减|增|[+-])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<measure>万元|亿元|元|件|个|项|条|次|人|(?:[ \u3000]{1,3}|\n)(?:万元|亿元|元)(?![\u3400-\u9fff]))?"
# 无 is a printed blank, except where it begins the form's own words cut by a line break
# (（四）无 / 法提供, 4.无 / 正当理由), or stands after a group's ordinal: a converter that
# repeats the start of a group label on every row of the group prints （四）无 alone.
# Every token starts with a digit, a sign word, a dash, a slash, 无 or an empty cell: the
# lookahead lets the scan pass other characters without trying each branch (the pattern's
# scans 0.17 -> 0.07 ms a text report, 0.17 -> 0.10 an HTML page, timed over the corpus runs).
_TOKEN_RE = re.compile(rf"(?=[\d减增+\-/无{EMPTY_CELL}])(?:{_NUMBER}|(?P<blank>(?<![\w-])(?:-+|/|无(?!\s*(?:法提供|正当理由)))(?![\w-])|{EMPTY_CELL}))")
_YEAR_AFTER_RE = re.compile(r"[ \t\u3000]*年")
_ORDINAL_AFTER_RE = re.compile(f"[.、][{HAN}]")
_GROUP_ORDINAL_RE = re.compile(r"\([一二三四五六七八九十]\)$")
# A group may run over line breaks (a wrapped label), but not over a line of values, blank
# markers first or not: that is a row's values printed between the lines of the wrapped label
# (`（区分处理的，只` / `- — / 1 1` / `计这一情形…）`).
_PAREN_RE = re.compile(r"\(([^()\n]*(?:\n(?![ \t]*(?:[-\u2014/无][ \t]+)*[-+]?\d)[^()\n]*)*)\)")
_CJK_RUN_RE = LazyPattern(f"[{HAN}]{{2,}}")
# Page numbers printed inside a table (`- 3 -`, `第3页`), as a whole line of a text whose
# lines are fragments (the spaces cannot run across a line break).
_SP = r"[^\S\n]*"
# Stamps a browser or a portal prints on a page and that never hold a cell's value, wherever
# they stand: the page's URL (ASCII only: a page's text may run on after it without a space;
# with the `n/m` pdftotext -layout puts beside it), a date with
# its time (`12/6/26, 4:07 AM`), a date (`2021-01-18` after a related report's title).
# Every stamp starts with f, h, w or a digit: the lookahead lets the scan skip other characters
# before trying each branch (0.26 -> 0.09 ms a document's text, timeit over corpus texts).
STAMP_RE = re.compile(rf"(?=[fhw\d])(?:(?:(?:file|https?)://|www\.)[\w.~:/?#@!$&'*+,;=%-]+(?:{_SP}\d{{1,4}}{_SP}/{_SP}\d{{1,4}}{_SP}$)?"
                      r"|(?<![\d.])\d{1,4}/\d{1,2}/\d{1,4},?[^\S\n]*\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[AP]M)?"
                      r"|(?<![\d.])(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[^\S\n]+\d{1,2}:\d{2}(?::\d{2})?)?(?![\d.]))",
                      re.MULTILINE)
FOOTER_LINE_RE = re.compile(rf"^{_SP}(?:-{_SP}\d{{1,4}}{_SP}-|第{_SP}\d+{_SP}页(?:{_SP}[,/]?{_SP}共{_SP}\d+{_SP}页)?"
                            rf"|\d+{_SP}/{_SP}\d+){_SP}$", re.MULTILINE)


class Piece(NamedTuple):
    """A stretch of run text that is not a value: unknown label text."""

    text: str
    start: int


def tokenize(text: str, offset: int, starts: Sequence[int], frag_texts: Sequence[str],
             provs: Sequence[Provenance]) -> tuple[list[tuple[int, Token]], list[Piece]]:
    """Tokens and left-over CJK text pieces in ``text`` (noise already blanked out).

    ``text`` starts at ``offset`` of a flat text whose fragment ``f`` starts at ``starts[f]``
    and holds ``frag_texts[f]`` (stripped) from ``provs[f]``. Token positions are relative
    to ``text``.
    """
    notes: dict[int, str] = {}
    clean = text
    if "(" in text:
        # Parenthetical groups: after a number they annotate it (`22（其中修订16件）`);
        # anywhere else they are label text (instructions, counting rules) and carry no value.
        spans = []
        for m in _PAREN_RE.finditer(text):
            before = text[:m.start()].rstrip(" ")
            if before and before[-1].isdigit():
                notes[len(before) - 1] = m.group(1).strip()
            spans.append((m.start(), m.end()))
        clean = blank_out(text, spans)
    tokens: list[tuple[int, Token]] = []
    append = tokens.append
    f = 0
    for m in _TOKEN_RE.finditer(clean):
        sign, num, measure, blank = m.groups()
        if measure is not None and measure[0] in " \u3000\n":
            measure = measure.strip()  # a money scale after a space or in the next cell (`12345678.90 元`)
        start = m.start()
        f = bisect_right(starts, start + offset, f) - 1  # starts[0] is 0: never below 0
        printed = m.group(0)
        if blank is not None:
            if frag_texts[f] not in _BLANK_CELLS and not _spaced(clean, start, m.end()):
                continue
            if printed == "无" and _GROUP_ORDINAL_RE.search(text, max(0, start - 3), start):
                continue  # parenthetical groups are blanked in `clean`: look at the text
            append((start, Token(None, printed, provs[f], False)))
            continue
        if measure is None and len(num) == 4 and num[:2] in ("19", "20") and _YEAR_AFTER_RE.match(clean, m.end()):
            continue  # `2024 年工作中…`: a year in the sentence after a table, never a value
        if measure is None and not sign and len(num) <= 2 and _ORDINAL_AFTER_RE.match(clean, m.end()):
            continue  # `1.本机关不掌握…`: the ordinal of a label the search did not place
        if "," in num:
            num = num.replace(",", "")
        if sign:
            num = ("-" if sign in ("减少", "减", "-") else "") + num
        number = _SMALL.get(num) if measure is None else None
        append((start, Token(number or Number(num, measure), printed, provs[f], frag_texts[f] != printed,
                             notes.get(m.end() - 1) if notes else None)))
    # Label text left over once the values (with their sign words and measure words) are taken out.
    if _CJK_RUN_RE.search(clean) is None:
        return tokens, []  # a row of bare values: the common case in table cells
    rest = blank_out(clean, [(pos, pos + len(t.text)) for pos, t in tokens])
    pieces = [Piece(m.group(0), m.start()) for m in _CJK_RUN_RE.finditer(rest)]
    return tokens, pieces


_SMALL = {str(i): Number(str(i)) for i in range(1000)}  # most printed values: shared, immutable
_BLANK_CELLS = frozenset({"-", "--", "---", "/", "无", "", EMPTY_CELL})


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each (start, end) span replaced by line breaks of the same length."""
    if not spans:
        return text
    parts = []
    pos = 0
    for a, b in sorted(spans):
        a = max(a, pos)
        if b <= a:
            continue
        parts.append(text[pos:a])
        parts.append("\n" * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _spaced(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return before.isspace() and after.isspace()
