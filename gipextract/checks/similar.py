"""Copied prose across reports (内容雷同): near-duplicate passages of parts 一 and 五.

Every report's parts 一 and 五 are cut into passages (paragraphs, long ones into pieces at
sentence ends); each passage becomes a set of character shingles (Chinese has no spaces, so
characters, not words) and a MinHash signature (``datasketch``, the ``similar`` extra).
Locality-sensitive hashing finds the passages whose signatures agree on a whole band, so
10^5 reports are never compared pairwise: the bands of all passages are sorted once (numpy)
and only passages that share a band bucket become candidates. A candidate is kept when the
exact Jaccard similarity of the two shingle sets reaches ``threshold``.

A passage that falls into a bucket of more than ``common`` passages in any band is boilerplate
that every unit writes (quotations of the 条例, a stock opening with only the name changed), not
copying between two units, and is left out; this also keeps the work linear however many
reports share a sentence.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Any, Iterable, Literal, Mapping, Sequence

from ..errors import MissingExtraError
from ..report import Finding, Report, finding
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

    def finding(self) -> Finding:
        """The pair as a ``copied_prose`` finding (its message from the catalogue)."""
        parts = "、".join(sorted({p.section_a for p in self.passages}))
        first, second = ((self.unit_a or self.a, self.year_a), (self.unit_b or self.b, self.year_b))
        if self.kind == "previous_year" and (self.year_a or 0) < (self.year_b or 0):
            first, second = second, first
        return finding("copied_prose", first=first[0], first_year=first[1], second=second[0],
                       second_year=second[1], relation=self.kind, count=len(self.passages), parts=parts,
                       share=self.score)

    @property
    def message(self) -> str:
        """The pair in Chinese."""
        return self.finding().message


def _minhash_class() -> Any:
    try:
        from datasketch import MinHash
    except ImportError:
        raise MissingExtraError(None, feature="similar_pairs()", extra="similar") from None
    return MinHash


def require_extra() -> None:
    """Raise :class:`MissingExtraError` now, before a long batch, when the extra is missing."""
    _minhash_class()


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


def shingle_hashes(passage: str, k: int = 5) -> Any:
    """Sorted unique 32-bit hashes of the passage's character k-grams (numbers folded to ``#``:
    a copy with new figures is a copy), computed with numpy rather than a k-gram at a time."""
    import numpy as np

    s = _DIGITS.sub("#", passage)
    cp = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cp) < k:
        cp = np.concatenate((cp, np.zeros(k - len(cp), dtype=np.uint64)))
    h = np.zeros(len(cp) - k + 1, dtype=np.uint64)
    for j in range(k):  # polynomial hash of each window, modulo 2^64
        h = h * np.uint64(1000003) + cp[j:len(cp) - k + 1 + j]
    h ^= h >> np.uint64(29)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(32)
    return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def shingles(passage: str, k: int = 5) -> frozenset[int]:
    """The passage's shingles as a set of hashes (see :func:`shingle_hashes`)."""
    return frozenset(shingle_hashes(passage, k).tolist())


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    from datasketch.lsh import _optimal_param  # the library's own choice of bands and rows

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def similar_pairs(reports: Iterable[Report | ProseDoc], threshold: float = 0.6, *,
                  sections: Sequence[str] = ("一", "五"), k: int = 5, num_perm: int = 128,
                  min_chars: int = 40, min_shared: int = 40, common: int = 20,
                  stock_share: float = 0.01) -> list[SimilarPair]:
    """Every pair of reports sharing passages of ``sections`` whose shingle Jaccard similarity
    is ``threshold`` or more (``min_shared`` characters of them at least), with the shared
    passages, most similar pairs first.

    Stock wording is not copying: shingles found in more than ``max(common, stock_share·N)``
    of the N reports (条例 quotations, an opening every unit writes with its own name) are left
    out of every passage before comparing, and a passage that falls into a band bucket of more
    than ``common`` passages is left out. Needs the ``similar`` extra (datasketch, numpy)."""
    MinHash = _minhash_class()
    import numpy as np

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    docs = [r if isinstance(r, ProseDoc) else ProseDoc.from_report(r) for r in reports]
    b, r = _bands(threshold, num_perm)
    keep = _stock_filter(np, docs, sections, k, min_chars, max(common, int(stock_share * len(docs))))
    # Per passage only its document, section, index and b band keys are kept (8·b bytes);
    # the texts stay in the reports and are cut again for the few candidates.
    owner = array("i")
    sec_of = array("b")
    idx_of = array("i")
    prose_chars = [0] * len(docs)
    # One MinHash object (building one costs milliseconds); the items are already 32-bit hashes.
    mh = MinHash(num_perm=num_perm, hashfunc=int)
    chunks: list[Any] = []
    batch: list[Any] = []
    for d, doc in enumerate(docs):
        for si, sec in enumerate(sections):
            ps = passages(doc.sections.get(sec, ""), min_chars)
            prose_chars[d] += sum(len(p) for p in ps)
            for i, p in enumerate(ps):
                hs = keep(shingle_hashes(p, k))
                if len(hs) < 5:  # nothing but stock wording
                    continue
                mh.clear()
                mh.update_batch(hs.tolist())
                batch.append(mh.hashvalues[: b * r].copy())
                owner.append(d)
                sec_of.append(si)
                idx_of.append(i)
                if len(batch) == 4096:
                    chunks.append(_band_keys(np, batch, b, r))
                    batch = []
    if batch:
        chunks.append(_band_keys(np, batch, b, r))
    if not chunks:
        return []
    keys = np.concatenate(chunks, axis=1)
    del chunks, batch
    n = len(owner)
    own = np.frombuffer(owner, dtype=np.dtype(f"i{owner.itemsize}"))
    # A passage that lands in a bucket of more than `common` passages in any band is
    # boilerplate: it takes no part in any pair (and its buckets cost nothing quadratic).
    boiler = np.zeros(n, dtype=bool)
    for band in range(b):
        order = np.argsort(keys[band], kind="stable")
        starts, sizes = _runs(np, keys[band][order])
        boiler[order[np.repeat(sizes, sizes) > common]] = True
    candidates: set[tuple[int, int]] = set()
    for band in range(b):
        order = np.argsort(keys[band], kind="stable")
        starts, sizes = _runs(np, keys[band][order])
        for s0, size in zip(starts[sizes >= 2].tolist(), sizes[sizes >= 2].tolist()):
            g = [p for p in order[s0:s0 + size].tolist() if not boiler[p]]
            if len(g) < 2 or len(set(own[g].tolist())) < 2:
                continue
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    if owner[g[x]] != owner[g[y]]:
                        candidates.add((g[x], g[y]) if g[x] < g[y] else (g[y], g[x]))
    del keys
    pairs = _verify(docs, candidates, owner, (sec_of, idx_of), prose_chars, threshold, sections, k, min_chars,
                    keep)
    return [p for p in pairs if sum(min(len(x.text_a), len(x.text_b)) for x in p.passages) >= min_shared]


_FEW, _NEAR = 20, 0.9
_COUNTERS = 1 << 23  # shingle document frequencies, counted in 32 MiB whatever the batch size


def _stock_filter(np: Any, docs: list[ProseDoc], sections: Sequence[str], k: int, min_chars: int,
                  limit: int) -> Any:
    """A function that drops from a shingle-hash array the hashes found in more than ``limit``
    documents (counted approximately, in a fixed array indexed by the hash)."""
    counts = np.zeros(_COUNTERS, dtype=np.uint32)
    mask = np.uint32(_COUNTERS - 1)
    for doc in docs:
        hs = [shingle_hashes(p, k) for sec in sections for p in passages(doc.sections.get(sec, ""), min_chars)]
        if hs:
            counts[np.unique(np.concatenate(hs) & mask)] += 1  # once per document
    if not (counts > limit).any():
        return lambda h: h

    def keep(h: Any) -> Any:
        return h[counts[h & mask] <= limit]

    return keep


def _band_keys(np: Any, batch: list[Any], b: int, r: int) -> Any:
    """(b, len(batch)) uint64 keys: each band's r MinHash values mixed into one number."""
    sig = np.vstack(batch).astype(np.uint64)
    keys = np.zeros((b, len(batch)), dtype=np.uint64)
    for band in range(b):
        for j in range(band * r, (band + 1) * r):
            keys[band] = keys[band] * np.uint64(0x100000001B3) ^ sig[:, j]
    return keys


def _runs(np: Any, sorted_keys: Any) -> tuple[Any, Any]:
    """Start and length of each run of equal values in a sorted array."""
    n = len(sorted_keys)
    edges = np.flatnonzero(np.diff(sorted_keys)) + 1
    starts = np.concatenate(([0], edges))
    return starts, np.diff(np.concatenate((starts, [n])))


def _verify(docs: list[ProseDoc], candidates: set[tuple[int, int]], owner: "array[int]",
            at: tuple["array[int]", "array[int]"], prose_chars: list[int], threshold: float,
            sections: Sequence[str], k: int, min_chars: int, keep: Any) -> list[SimilarPair]:
    cache: dict[int, dict[str, list[str]]] = {}

    def where(p: int) -> tuple[str, int]:
        return sections[at[0][p]], at[1][p]

    def text(p: int) -> str:
        d = owner[p]
        if d not in cache:
            cache[d] = {s: passages(docs[d].sections.get(s, ""), min_chars) for s in sections}
        sec, i = where(p)
        return cache[d][sec][i]

    shared: dict[tuple[int, int], list[SharedPassage]] = {}
    for p, q in sorted(candidates):
        tp, tq = text(p), text(q)
        sa, sb = frozenset(keep(shingle_hashes(tp, k)).tolist()), frozenset(keep(shingle_hashes(tq, k)).tolist())
        sim = _jaccard(sa, sb)
        # With few distinctive shingles left (the rest is stock wording) a middling similarity
        # is chance: such passages count only when nearly identical.
        if sim < threshold or (min(len(sa), len(sb)) < _FEW and sim < _NEAR):
            continue
        da, db = owner[p], owner[q]
        if da > db:
            da, db, p, q, tp, tq = db, da, q, p, tq, tp
        shared.setdefault((da, db), []).append(SharedPassage(where(p)[0], where(q)[0], tp, tq, sim))
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
