"""Text normalisation for label matching.

Labels are matched on a *compact* form: Unicode NFKC, punctuation variants folded,
whitespace and quote marks removed. The compact form keeps an index back to the
original text so that matches can be mapped to fragments.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import compress

import re

# Width and bracket variants that NFKC leaves apart.
_FOLD = str.maketrans({
    "、": ".", "．": ".", "。": ".",
    "〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")", "（": "(", "）": ")",
    "—": "-", "–": "-", "－": "-", "―": "-", "‐": "-", "−": "-",
    "，": ",", "；": ";", "：": ":",
    "檔": "档",
})
# Removed entirely from the compact form: whitespace and every kind of quote mark.
_DROP = set(" \t\r\n\f\v\u3000\u00a0\u200b\ufeff\"'“”‘’「」『』")
_DROP_CHARS = tuple(sorted(_DROP))
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


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
_ASCII_FOLD_PAIRS = tuple((old, new) for old, new in _FOLD_PAIRS if old.isascii())


def fold(text: str) -> str:
    """The punctuation folding alone (``str.translate`` with a dict looks up every character;
    a replace per folded character scans in C: 33x faster on the seed texts, bench/bench_tricks.py)."""
    for old, new in _ASCII_FOLD_PAIRS if text.isascii() else _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def nfkc(text: str) -> str:
    """NFKC plus the project's punctuation folding; keeps length when NFKC does."""
    # Folding first turns the full-width punctuation of Chinese text (，（）：) into ASCII,
    # which leaves NFKC almost nothing to do; folding again catches what NFKC produces.
    text = fold(text)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = fold(_NFKC_SUSPECT.sub(_nfkc_match, text))
    return text


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    """The compact form of a short string such as a label."""
    return _DROP_RE.sub("", nfkc(text))


def compact_with_index(text: str) -> tuple[str, list[int]]:
    """Compact form of an already-``nfkc`` text, and for each of its chars the index in ``text``."""
    if "\x00" in text:
        text = text.replace("\x00", " ")  # NUL marks dropped characters below
    # Dropped characters become NUL; as UTF-32 code units the kept ones are exactly the
    # non-zero ones, which ``compress`` picks out in C (a loop over the text takes 2.2x as
    # long on the seed texts, bench/bench_tricks.py).
    masked = text
    for ch in _DROP_CHARS:
        if ch in masked:
            masked = masked.replace(ch, "\x00")
    index = list(compress(range(len(text)), memoryview(masked.encode("utf-32-le")).cast("I")))
    return masked.replace("\x00", ""), index


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
