"""Labels not printed verbatim: cut in two by the values between their halves, or truncated
and misspelt (found by similarity)."""
from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher

from .flat import Flat
from ..limits import checkpoint
from ..read.normalize import label_core

_STRETCH_RE = re.compile(r"[^\d\x00]{2,}")
_CJK_RE = re.compile("[\u3400-\u9fff]")  # a stretch without one holds no label text
_MIN_SIMILARITY = 0.6
_APPROX_WINDOW = 20_000  # compact characters searched for a missing label (real gaps: a few hundred)


def approximate(flat: Flat, label: str, noise: "re.Pattern[str]", lo: int, hi: int) -> tuple[int, int] | None:
    """The stretch of label text in [lo, hi) most like ``label`` (truncated, misspelt).

    Bounded: only the first ``_APPROX_WINDOW`` compact characters after ``lo`` are looked
    at (a missing label sits near the row found before it), and a stretch is compared in
    full only when difflib's cheap upper bounds say it could beat the best so far.
    """
    core = label_core(label)
    hi = min(hi, lo + _APPROX_WINDOW)
    window = list(flat.compact[lo:hi])
    for m in noise.finditer(flat.compact, lo, hi):
        window[m.start() - lo:m.end() - lo] = "\x00" * (m.end() - m.start())
    best: tuple[float, int, int] | None = None
    # ratio() <= 2*len(core)/(len(core)+len(text)): a stretch longer than this never reaches
    # the threshold, and comparing it would cost len(core)*len(text).
    longest = int(len(core) * (2 / _MIN_SIMILARITY - 1)) + 1
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq1(core)  # the label as seq1, the stretch as seq2: the same ratio() as before
    for k, m in enumerate(_STRETCH_RE.finditer("".join(window))):
        if not k & 0x3FF:
            checkpoint()
        text = m.group(0).lstrip(".()")
        if len(text) > longest or _CJK_RE.search(text) is None:
            continue
        matcher.set_seq2(text)
        floor = _MIN_SIMILARITY if best is None else best[0]
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        score = matcher.ratio()
        if score >= _MIN_SIMILARITY and (best is None or score > best[0]):
            best = (score, lo + m.start(), lo + m.end())
    if best is None:
        return None
    # Header words inside the label (其他, 总计) were blanked as noise: take them back.
    s, e = best[1], best[2]
    while s > lo and not flat.compact[s - 1].isdigit():
        s -= 1
    return s, e


# A fragment that holds only a value, a blank marker or a page number (`- 3 -`, `第3页`).
_VALUE_FRAGMENT_RE = re.compile(r"[\d\s,.+\-/第页共]*\d[\d\s,.+\-/第页共]*|-+|/|无|\ue000")  # \ue000: an empty cell


def split_label(flat: Flat, pattern: "re.Pattern[str]", lo: int, hi: int) -> tuple[int, int] | None:
    """A label cut in two by value fragments (a row broken by a page break prints its values
    between the halves of its label): found with those fragments skipped. Returns the label's
    start and where its values start, so that the run takes them; None if not found so."""
    kept: list[int] = []
    parts: list[str] = []
    skipped_any = False
    cindex, n = flat.cindex, len(flat.cindex)
    cpos = lo
    # A fragment at a time, not a character at a time: where the next fragment starts in the
    # compact text is a bisection (labels step 1.11 -> 0.92 ms a pdftotext -layout report,
    # bench/bench_steps.py).
    while cpos < hi:
        f = flat.frag_of(flat.full(cpos))
        nxt = min(hi, bisect_left(cindex, flat.starts[f + 1], cpos, n)) \
            if cpos < n and f + 1 < len(flat.starts) else hi
        if _VALUE_FRAGMENT_RE.fullmatch(flat.frag_texts[f]) is not None:
            skipped_any = True
        else:
            kept.extend(range(cpos, nxt))
            parts.append(flat.compact[cpos:nxt])
        cpos = nxt
    if not skipped_any or len(kept) > 4000:
        return None
    view = "".join(parts)
    m = pattern.search(view)
    if m is None or m.end() - m.start() < 4:
        return None
    s = kept[m.start()]
    inside = next((kept[j] + 1 for j in range(m.start(), m.end() - 1) if kept[j + 1] != kept[j] + 1), None)
    if inside is None:
        return None  # found whole: not a split label (the approximate match decides)
    return s, inside
