"""Character-column text (``pdftotext -layout``, inscriptis, ``pandoc -t plain``): tables drawn
with spaces, each cell under its column header.

Such text keeps where every cell stands, and only there: read left-packed, a row that leaves
a cell blank puts its values under the wrong columns. Each line is cut into fragments at runs
of two or more spaces (single spaces join the words of one cell; a run of numbers is cut
into its numbers), and each fragment gets a box in display columns — East Asian wide and
full-width characters count 2 — with the line number as its vertical place. The
reconstructor then places values by column exactly as it does with PDF boxes.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from ..limits import Budget
from .document import Block, Document, Fragment, Provenance
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import checked_text, lines

_GAP_RE = re.compile(r"\S(?:\S| (?! ))*")  # a piece: non-space runs joined by single spaces
_NUMBER_RE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
_WIDE_GAP_RE = re.compile(r"\S {3,}\S")
# A table rule, also inside the borders pandoc draws round a nested table (`| |  ---- --  | |`).
_RULE_RE = re.compile(r"^[\s|+]*-{3,}(?:\s+-{3,})*[\s|+]*$")
_PLACEHOLDER_RE = re.compile(r"^\s*\[TABLE\]\s*$")


def looks_like_columns(text: str) -> bool:
    """Is ``text`` laid out in character columns: no tabs, and many lines whose pieces stand
    apart by wide runs of spaces?"""
    sample = text[:200000]
    if "\t" in sample:
        return False
    lines = sample.splitlines()
    wide = sum(1 for ln in lines if _WIDE_GAP_RE.search(ln.strip()))
    return wide >= 8 and wide >= 0.05 * len(lines)


_WIDE: dict[str, int] = {}


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns."""
    # Per character the lookup is cached, and ASCII needs none: a pdftotext -layout report's
    # lines measured 0.48 -> 0.21 ms (timeit; every line of corpus/sparse's pdf-06).
    if text.isascii():
        return len(text)
    n = len(text)
    for ch in text:
        if ch > "\x7f":
            wide = _WIDE.get(ch)
            if wide is None:
                wide = 1 if unicodedata.east_asian_width(ch) in "WF" else 0
                if len(_WIDE) < 65536:  # a hostile text's every code point stays uncached
                    _WIDE[ch] = wide
            n += wide
    return n


def pieces(line: str, measure: Callable[[str], int] = width) -> list[tuple[int, int, str]]:
    """(first column, end column, text) of each piece of ``line``, columns counted by
    ``measure`` (display width, or ``len`` for tools that pad by characters)."""
    out = []
    col = 0
    pos = 0
    for m in _GAP_RE.finditer(line):
        col += measure(line[pos:m.start()])
        text = m.group(0)
        start = col
        words = text.split(" ")
        if len(words) > 1 and all(_NUMBER_RE.fullmatch(w) for w in words):
            # Numbers one space apart are neighbouring cells, each at its own column.
            c = start
            for w in words:
                out.append((c, c + measure(w), w))
                c += measure(w) + 1
        else:
            out.append((start, start + measure(text), text))
        col = start + measure(text)
        pos = m.end()
    return out


def _value_columns(laid: list[list[tuple[int, int, str]]]) -> int:
    """How many distinct columns the numbers of lines cut into ``laid`` pieces start at."""
    return len({a for line in laid for a, _b, t in line if a > 0 and _NUMBER_RE.fullmatch(t)})


def laid_out(lines: list[str]) -> list[list[tuple[int, int, str]]]:
    """The pieces of each line, under the column measure the tool padded with.

    pandoc pads by display width (a Han character is two columns); inscriptis and pdftotext
    pad by characters, so there a row's values stand at the same character count whatever
    the Han label before them. Under the right measure a table's numbers line up in few
    columns; under the wrong one every label length shifts them (inscriptis corpus: 11–26
    distinct columns by characters, 52–80 by display width).
    """
    by_width = [pieces(line) for line in lines]
    by_chars = [pieces(line, len) for line in lines]
    return by_chars if _value_columns(by_chars) < _value_columns(by_width) else by_width


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn character-column text into a document: each line a block, each piece a fragment
    boxed by its display columns."""
    budget = budget or Budget(name)
    text = checked_text(data, name, budget)
    blocks = []
    all_lines = lines(text)
    for number, (line, cut) in enumerate(zip(all_lines, laid_out(all_lines)), start=1):
        if not line.strip() or _RULE_RE.match(line) or _PLACEHOLDER_RE.match(line):
            continue
        y = float(number)
        frags = tuple(Fragment(t, Provenance(line=number, bbox=(float(a), y, float(b), y + 0.8)))
                      for a, b, t in cut)
        blocks.append(Block("paragraph", frags))
    # Converters draw an HTML table's rows as the browser would: a row that lost cells has its
    # values packed to the left, so packed rows are not placed by column (see grid).
    return Document(format="text", blocks=tuple(blocks), layout="columns")
