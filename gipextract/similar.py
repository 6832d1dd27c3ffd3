"""Copied prose across reports (内容雷同): near-duplicate passages of parts 一 and 五.

Every report's parts 一 and 五 are cut into passages (paragraphs, long ones into pieces at
sentence ends); each passage becomes a set of character shingles (Chinese has no spaces, so
characters, not words) and a MinHash signature (``datasketch``, the ``similar`` extra).
Locality-sensitive hashing finds the passages whose signatures agree on a whole band, so
10^5 reports are never compared pairwise: the bands of all passages are sorted once (numpy)
and only passages that share a band bucket become candidates. A candidate is kept when the
exact Jaccard similarity of the two shingle sets reaches ``threshold``.

Buckets that hold more than ``common`` reports are boilerplate every unit writes (quotations
of the 条例, stock phrases), not copying between two units, and are skipped; this also keeps
the work linear however many reports share a sentence.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any, Iterable, Literal, Mapping, Sequence

from .report import Report
from .unitnames import same_unit

Kind = Literal["other_unit", "previous_year", "same_unit"]


@dataclass(frozen=True)
class ProseDoc:
    """What the comparison needs of a report: an id, unit, year and the texts of its parts."""

    id: str
    unit: str | None
    year: int | None
    sections: Mapping[str, str]

    @classmethod
    def from_report(cls, report: Report) -> "ProseDoc":
        """The report's path (or hash), unit, year and sections."""
        return cls(report.source.path or report.source.sha256, report.info.unit, report.info.year, report.sections)


@dataclass(frozen=True)
class SharedPassage:
    """A passage of one report and its near-copy in the other, with their Jaccard similarity."""

    section_a: str
    section_b: str
    text_a: str
    text_b: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"section_a": self.section_a, "section_b": self.section_b, "text_a": self.text_a,
                "text_b": self.text_b, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class SimilarPair:
    """Two reports that share prose: who, which kind of pair, how much, and the passages."""

    a: str
    b: str
    unit_a: str | None
    unit_b: str | None
    year_a: int | None
    year_b: int | None
    kind: Kind
    score: float  # shared characters / characters of the shorter prose (parts compared)
    passages: tuple[SharedPassage, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"a": self.a, "b": self.b, "unit_a": self.unit_a, "unit_b": self.unit_b,
                "year_a": self.year_a, "year_b": self.year_b, "kind": self.kind,
                "score": round(self.score, 3), "passages": [p.to_dict() for p in self.passages]}

    @property
    def message(self) -> str:
        """One Chinese line for people."""
        what = {"other_unit": "与其他单位的报告", "previous_year": "与本单位上一年度报告",
                "same_unit": "与本单位的另一份报告"}[self.kind]
        parts = "、".join(sorted({p.section_a for p in self.passages}))
        first, second = ((self.unit_a or self.a, self.year_a), (self.unit_b or self.b, self.year_b))
        if self.kind == "previous_year" and (self.year_a or 0) < (self.year_b or 0):
            first, second = second, first
        return (f"{first[0]}（{first[1]}）{what}{second[0]}（{second[1]}）"
                f"有{len(self.passages)}段文字雷同（第{parts}部分，占较短一方的{self.score:.0%}）")


class MissingExtraError(ImportError):
    """``datasketch`` (the ``similar`` extra) is not installed."""


def _minhash_class() -> Any:
    try:
        from datasketch import MinHash
    except ImportError:
        raise MissingExtraError("similar_pairs() needs datasketch: pip install 'gipextract[similar]'") from None
    return MinHash


_SENTENCE_END = ".;!?。；！？"
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DROP = re.compile(r"[\s\u3000]+")


def passages(text: str, min_chars: int = 40, max_chars: int = 300) -> list[str]:
    """Paragraphs of a part's text (lines that stop mid-sentence, as PDF lines do, are joined),
    long ones cut at sentence ends; passages shorter than ``min_chars`` are left out."""
    paras: list[str] = []
    cur = ""
    for line in text.splitlines():
        line = _DROP.sub("", line)
        if not line:
            continue
        cur += line
        if line[-1] in _SENTENCE_END:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    out: list[str] = []
    for p in paras:
        pieces = []
        while len(p) > max_chars:
            cut = max((p.rfind(c, 0, max_chars) for c in _SENTENCE_END), default=-1)
            cut = cut + 1 if cut >= min_chars else max_chars
            pieces.append(p[:cut])
            p = p[cut:]
        if pieces and len(p) < min_chars:
            pieces[-1] += p  # a short tail stays with the piece before it
        else:
            pieces.append(p)
        out += pieces
    return [p for p in out if len(p) >= min_chars]


def shingles(passage: str, k: int = 5) -> set[bytes]:
    """Character k-grams of a passage, numbers folded to ``#`` (a copy with new figures is a copy)."""
    s = _DIGITS.sub("#", passage)
    return {s[i:i + k].encode("utf-8") for i in range(max(1, len(s) - k + 1))}


def _crc32(b: bytes) -> int:
    return zlib.crc32(b)


def _jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    from datasketch.lsh import _optimal_param  # the library's own choice of bands and rows

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def similar_pairs(reports: Iterable[Report | ProseDoc], threshold: float = 0.5, *,
                  sections: Sequence[str] = ("一", "五"), k: int = 5, num_perm: int = 128,
                  min_chars: int = 40, common: int = 20) -> list[SimilarPair]:
    """Every pair of reports sharing at least one passage of ``sections`` whose shingle Jaccard
    similarity is ``threshold`` or more, with the shared passages, most similar pairs first.
    Needs the ``similar`` extra (datasketch, numpy)."""
    MinHash = _minhash_class()
    import numpy as np

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    docs = [r if isinstance(r, ProseDoc) else ProseDoc.from_report(r) for r in reports]
    b, r = _bands(threshold, num_perm)
    owner: list[int] = []  # passage → document
    where: list[tuple[str, int]] = []  # passage → (section, index among that section's passages)
    prose_chars = [0] * len(docs)
    sigs: list[Any] = []
    for d, doc in enumerate(docs):
        for sec in sections:
            ps = passages(doc.sections.get(sec, ""), min_chars)
            prose_chars[d] += sum(len(p) for p in ps)
            for i, p in enumerate(ps):
                m = MinHash(num_perm=num_perm, hashfunc=_crc32)
                m.update_batch(shingles(p, k))
                sigs.append(m.hashvalues[: b * r])
                owner.append(d)
                where.append((sec, i))
    if not sigs:
        return []
    sig = np.vstack(sigs).astype(np.uint64)
    del sigs
    own = np.asarray(owner, dtype=np.int64)
    candidates: set[tuple[int, int]] = set()
    for band in range(b):
        # One 64-bit key per passage and band; equal keys (after a sort) are one bucket.
        cols = sig[:, band * r:(band + 1) * r]
        key = np.zeros(len(cols), dtype=np.uint64)
        for j in range(r):
            key = key * np.uint64(0x100000001B3) ^ cols[:, j]
        order = np.argsort(key, kind="stable")
        ks = key[order]
        edges = np.flatnonzero(np.diff(ks)) + 1
        starts = np.concatenate(([0], edges))
        ends = np.concatenate((edges, [len(ks)]))
        multi = (ends - starts) >= 2
        for s, e in zip(starts[multi].tolist(), ends[multi].tolist()):
            grp = order[s:e]
            ds = own[grp]
            if len(set(ds.tolist())) > common or len(set(ds.tolist())) < 2:
                continue
            g = grp.tolist()
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    if owner[g[x]] != owner[g[y]]:
                        candidates.add((g[x], g[y]) if g[x] < g[y] else (g[y], g[x]))
    del sig
    return _verify(docs, candidates, owner, where, prose_chars, threshold, sections, k, min_chars)


def _verify(docs: list[ProseDoc], candidates: set[tuple[int, int]], owner: list[int],
            where: list[tuple[str, int]], prose_chars: list[int], threshold: float,
            sections: Sequence[str], k: int, min_chars: int) -> list[SimilarPair]:
    cache: dict[int, dict[str, list[str]]] = {}

    def text(p: int) -> str:
        d = owner[p]
        if d not in cache:
            cache[d] = {s: passages(docs[d].sections.get(s, ""), min_chars) for s in sections}
        sec, i = where[p]
        return cache[d][sec][i]

    shared: dict[tuple[int, int], list[SharedPassage]] = {}
    for p, q in sorted(candidates):
        tp, tq = text(p), text(q)
        sim = _jaccard(shingles(tp, k), shingles(tq, k))
        if sim < threshold:
            continue
        da, db = owner[p], owner[q]
        if da > db:
            da, db, p, q, tp, tq = db, da, q, p, tq, tp
        shared.setdefault((da, db), []).append(SharedPassage(where[p][0], where[q][0], tp, tq, sim))
    out = []
    for (da, db), ps in shared.items():
        a, b = docs[da], docs[db]
        if same_unit(a.unit, b.unit):
            kind: Kind = "previous_year" if a.year and b.year and abs(a.year - b.year) == 1 else "same_unit"
        else:
            kind = "other_unit"
        chars = sum(min(len(p.text_a), len(p.text_b)) for p in ps)
        score = min(1.0, chars / max(1, min(prose_chars[da], prose_chars[db])))
        out.append(SimilarPair(a.id, b.id, a.unit, b.unit, a.year, b.year, kind, score, tuple(ps)))
    out.sort(key=lambda s: (-s.score, s.a, s.b))
    return out
