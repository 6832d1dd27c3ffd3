"""How much of a report's prose repeats the same unit's report of the year before.

Evaluators of the annual reports count a report whose text is more than half last year's as
内容雷同 (国办公开办函〔2021〕30号 names it among the failures people are held responsible
for). Two reports are compared exactly, in pure Python (no extra needed): the prose parts
(一, 五 and 六: the tables of 二–四 repeat their labels every year by design) are cut into
sentences; a sentence of the new report repeats when last year's report holds the same
sentence or one whose character 5-grams are nearly all the same (numbers are folded, so
``2022年度…92条`` repeats ``2021年度…87条``). The share is the repeated sentences' characters
over all the new prose's characters (as printed, whitespace aside); consecutive repeated sentences form the passages shown.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Sequence

from ..report import Finding, Report, finding

PROSE_PARTS = ("一", "五", "六")
OVER = 0.5  # evaluators count repetition of more than half as a fault
_SENTENCE = re.compile(r"(?<=[。！？；!?;])|(?<=\.)(?!\d)|\n")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
_K = 5


@dataclass(frozen=True)
class RepeatedPassage:
    """Consecutive sentences of the new report found in last year's: the part, the new
    report's text as printed, and the lowest similarity of its sentences."""

    part: str
    text: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"part": self.part, "text": self.text, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class Repetition:
    """The new report's prose measured against last year's: characters compared, characters
    repeated, their share and the repeated passages in the new report's order."""

    chars: int
    repeated_chars: int
    passages: tuple[RepeatedPassage, ...]
    parts: tuple[str, ...] = PROSE_PARTS

    @property
    def share(self) -> float:
        """Repeated characters over all characters of the new prose (0 when there is none)."""
        return self.repeated_chars / self.chars if self.chars else 0.0

    @property
    def over_half(self) -> bool:
        """True when more than half of the new prose repeats last year's."""
        return self.share > OVER

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"chars": self.chars, "repeated_chars": self.repeated_chars, "share": round(self.share, 4),
                "over_half": self.over_half, "parts": list(self.parts),
                "passages": [p.to_dict() for p in self.passages]}


def sentences(text: str) -> list[str]:
    """The text cut at sentence ends (。！？；, a full stop not inside a number) and line ends;
    each sentence stripped, empty ones left out."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def normal(sentence: str) -> str:
    """What is compared: NFKC, no whitespace, every number as ``#``."""
    return _DIGITS.sub("#", _SPACE.sub("", unicodedata.normalize("NFKC", sentence)))


def _grams(s: str) -> frozenset[str]:
    return frozenset(s[i:i + _K] for i in range(max(1, len(s) - _K + 1)))


def repetition(old: Report, new: Report, threshold: float = 0.8, parts: Sequence[str] = PROSE_PARTS) -> Repetition:
    """How much of ``new``'s prose (``parts``) repeats ``old``'s: a sentence repeats when
    ``old`` holds the same sentence (numbers folded) or one whose 5-gram Jaccard similarity
    is ``threshold`` or more."""
    before = [normal(s) for part in parts for s in sentences(old.sections.get(part, ""))]
    exact = set(before)
    grams = [_grams(s) for s in before]
    index: dict[str, list[int]] = {}
    for i, g in enumerate(grams):
        for x in g:
            index.setdefault(x, []).append(i)
    chars = repeated = 0
    out: list[RepeatedPassage] = []
    for part in parts:
        run: list[tuple[str, float]] = []
        for s in sentences(new.sections.get(part, "")) + [""]:  # "" closes the last run
            n = normal(s)
            size = len(_SPACE.sub("", s))  # characters as printed
            sim = 1.0 if n in exact else _best(_grams(n), grams, index) if len(n) >= _K else 0.0
            if n and sim >= threshold:
                run.append((s, sim))
                repeated += size
            elif run:
                out.append(RepeatedPassage(part, "".join(t for t, _ in run), min(x for _, x in run)))
                run = []
            chars += size
    return Repetition(chars, repeated, tuple(out), tuple(parts))


def _best(g: frozenset[str], grams: list[frozenset[str]], index: dict[str, list[int]]) -> float:
    """The highest Jaccard similarity of ``g`` with a sentence of last year sharing a 5-gram."""
    shared: dict[int, int] = {}
    for x in g:
        for i in index.get(x, ()):
            shared[i] = shared.get(i, 0) + 1
    return max((k / (len(g) + len(grams[i]) - k) for i, k in shared.items()), default=0.0)


def repetition_finding(rep: Repetition, old: Report, new: Report) -> Finding | None:
    """A ``prose_repeated`` warning when more than half of the new prose repeats last year's,
    quoting the longest repeated passage as its evidence; None otherwise."""
    if not rep.over_half or not rep.passages:
        return None
    longest = max(rep.passages, key=lambda p: len(p.text))
    text = longest.text if len(longest.text) <= 80 else longest.text[:80] + "…"
    parts = "、".join(dict.fromkeys(p.part for p in rep.passages))
    return finding("prose_repeated", share=rep.share, parts=parts, previous_unit=old.info.unit or old.source.path,
                   previous_year=old.info.year, repeated_chars=rep.repeated_chars, chars=rep.chars,
                   evidence={"text": text, "source": None, "from": "prose"})
