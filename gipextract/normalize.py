"""Text normalisation for label matching.

Labels are matched on a *compact* form: Unicode NFKC, punctuation variants folded,
whitespace and quote marks removed. The compact form keeps an index back to the
original text so that matches can be mapped to fragments.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import re

# Width and bracket variants that NFKC leaves apart.
FOLD = _FOLD = str.maketrans({
    "、": ".", "．": ".", "。": ".",
    "〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")", "（": "(", "）": ")",
    "—": "-", "–": "-", "－": "-", "―": "-", "‐": "-", "−": "-",
    "，": ",", "；": ";", "：": ":",
    "檔": "档",
})
# Removed entirely from the compact form: whitespace and every kind of quote mark.
_DROP = set(" \t\r\n\f\v\u3000\u00a0\u200b\ufeff\"'“”‘’「」『』")
_DROP_RE = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]+")
# Han characters, for patterns that need them (stdlib ``re`` has no \p{Han}).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"


# Characters NFKC can change in these documents: Latin-1 and general punctuation (… and odd
# spaces), enclosed and CJK-compatibility forms, Kangxi radicals (PDF text layers use
# them for 一, 月 …), presentation and full-width forms. Normalising only these keeps
# long prose cheap.
_NFKC_SUSPECT = re.compile("[\u00a0-\u00ff\u2000-\u2bff\u2e80-\u2fdf\u3000-\u303f\u3200-\u33ff"
                           "\uf900-\ufaff\ufb00-\ufdff\ufe10-\ufe6f\uff00-\uffef]+")


def _nfkc_match(m: "re.Match[str]") -> str:
    return unicodedata.normalize("NFKC", m.group(0))


class LazyPattern:
    """A regular expression compiled on first use: patterns over all Han characters take
    milliseconds each to compile, which importing the package should not pay."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):  # search, match, finditer, sub …
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return getattr(self._compiled, name)


def nfkc(text: str) -> str:
    """NFKC plus the project's punctuation folding; keeps length when NFKC does."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = _NFKC_SUSPECT.sub(_nfkc_match, text)
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    """The compact form of a short string such as a label."""
    return _DROP_RE.sub("", nfkc(text))


def compact_with_index(text: str) -> tuple[str, list[int]]:
    """Compact form of an already-``nfkc`` text, and for each of its chars the index in ``text``."""
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _DROP_RE.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
            index.extend(range(pos, m.start()))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
        index.extend(range(pos, len(text)))
    return "".join(parts), index


_ORDINAL_RE = re.compile(r"^(?:[一二三四五六七八九十]+\.|\([一二三四五六七八九十]+\)|\d+\.)")
_PAREN_RE = re.compile(r"\([^()]*\)")


def label_core(label: str) -> str:
    """A label without its ordinal and parenthetical notes: ``（二）部分公开（…）`` → ``部分公开``."""
    c = compact(label)
    c = _ORDINAL_RE.sub("", c)
    core = _PAREN_RE.sub("", c)
    return core or c


def label_ordinal(label: str) -> str | None:
    """The ordinal printed before a label (``1.``, ``(一)``, ``一.``), compacted, if any."""
    m = _ORDINAL_RE.match(compact(label))
    return m.group(0) if m else None
