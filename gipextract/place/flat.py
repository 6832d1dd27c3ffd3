"""The fragments of a document as one text: NFKC-folded, its compact form for label search,
and the maps back to fragments and their provenance."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..read.document import Fragment, Provenance
from ..read.normalize import HAN, compact_with_index, nfkc
from .tokens import EMPTY_CELL, FOOTER_LINE_RE, STAMP_RE

_LINE_VALUE_RE = re.compile(f"(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.、{HAN}])")


class Flat:
    """The fragments of a document as one NFKC text, with its compact form and back-maps."""

    def __init__(self, fragments: list[Fragment]) -> None:
        # An empty table cell is a blank value where it stands; text flattenings have none.
        raw = [f.text if f.text.strip() or f.prov.table is None else EMPTY_CELL for f in fragments]
        # Line breaks inside a fragment separate no more than spaces do; with them gone the
        # whole text is normalised at once and splits back into its fragments exactly.
        raw = [t.replace("\n", " ") if "\n" in t else t for t in raw]
        joined = "\n".join(raw)
        texts = nfkc(joined).split("\n")
        self.fragments = fragments
        self.provs = [f.prov for f in fragments]
        self.frag_texts = [t.strip() for t in texts]
        self.starts: list[int] = []
        pos = 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.text = "\n".join(texts)
        self.compact, self.cindex = compact_with_index(self.text)
        # One scan of the text for page numbers, rather than a match per fragment.
        self.footers = sorted({self.frag_of(m.start()) for m in FOOTER_LINE_RE.finditer(self.text)})
        self.stamps = [m.span() for m in STAMP_RE.finditer(self.text)]

    def frag_of(self, pos: int) -> int:
        """Index of the fragment holding text position ``pos``."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def full(self, cpos: int) -> int:
        """Text position of compact position ``cpos`` (end of text past the end)."""
        return self.cindex[cpos] if cpos < len(self.cindex) else len(self.text)

    def full_end(self, cend: int) -> int:
        """Text position just after compact position ``cend - 1``."""
        return self.cindex[cend - 1] + 1 if cend > 0 else 0

    def quote(self, pos: int, length: int = 60) -> tuple[Provenance, str]:
        """Where text position ``pos`` is printed, and the source's own text from there (about
        ``length`` characters, running into the next fragment)."""
        f = self.frag_of(pos)
        offset = max(0, pos - self.starts[f])
        original = self.fragments[f].text + (self.fragments[f + 1].text if f + 1 < len(self.fragments) else "")
        return self.provs[f], original[offset:offset + length]

    def wraps(self, cstart: int, cend: int) -> bool:
        """Does the text between compact positions ``cstart`` and ``cend`` run over a line break
        (a label wrapped over lines)?"""
        return "\n" in self.text[self.full(cstart):self.full_end(cend)]

    def value_on_line(self, cend: int) -> bool:
        """Is a number (not an ordinal such as ``2.``) printed after compact position ``cend`` on
        the same source line (the same text line, or the same table row)?"""
        pos = self.full_end(cend)
        f = self.frag_of(max(0, pos - 1))
        if _LINE_VALUE_RE.search(self.text, pos, self.starts[f] + len(self.frag_texts[f]) + 1):
            return True
        here = self.provs[f]

        def same_line(g: int) -> bool:
            p = self.provs[g]
            if here.table is not None:
                return (p.table, p.row) == (here.table, here.row)
            return p.line is not None and p.line == here.line

        g = f + 1
        while g < len(self.provs) and same_line(g):
            if _LINE_VALUE_RE.search(self.frag_texts[g]):
                return True
            g += 1
        return False
