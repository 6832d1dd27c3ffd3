"""Page furniture: running headers and footers that a printed page repeats.

A browser's "print to PDF" puts the date and time, the page title, the file's URL and `n/m`
on every page; office exports put `- n -` or 第n页. None of it is report content, and read
as table text its digits become values. Only the first and last line of each page are
considered, and one is dropped when it is furniture by its form (a date/time stamp, a URL,
a page number) or when the same line (digits aside) opens or closes at least two pages.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .document import Block, Document

_STAMP_RE = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?$"           # 12/1/26,  2026-12-01
    r"|^\d{1,2}:\d{2}(?::\d{2})?$|^[AP]M$"            # 5:42  AM
    r"|^(?:file|https?)://\S*$|^www\.\S+$"           # the page's URL
    r"|^\d{1,4}\s*/\s*\d{1,4}$"                        # 6/7
    r"|^[-—–]\s*\d{1,4}\s*[-—–]$|^第\s*\d+\s*页(?:\s*[,/，]?\s*共\s*\d+\s*页)?$")
_DIGITS_RE = re.compile(r"\d+")


def _signature(block: Block) -> str:
    return _DIGITS_RE.sub("#", "".join(block.text.split()))


def _stamp(block: Block) -> bool:
    """Does the line hold a date/time stamp, a URL or a page number as a fragment of its own?"""
    return any(_STAMP_RE.match(f.text.strip()) for f in block.fragments)


def strip(doc: Document) -> Document:
    """``doc`` without running headers and footers (documents without pages are returned as they are)."""
    pages: dict[int, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        page = b.fragments[0].prov.page if b.fragments else None
        if page is None or b.kind != "paragraph":
            continue
        pages.setdefault(page, []).append(i)
    if not pages:
        return doc
    edges: list[tuple[str, int]] = []  # ("top"|"bottom", block index)
    for idx in pages.values():
        boxed = [i for i in idx if all(f.prov.bbox is not None for f in doc.blocks[i].fragments)]
        if not boxed:
            continue
        top = min(boxed, key=lambda i: min(f.prov.bbox[1] for f in doc.blocks[i].fragments))  # type: ignore[index]
        bottom = max(boxed, key=lambda i: max(f.prov.bbox[3] for f in doc.blocks[i].fragments))  # type: ignore[index]
        edges.append(("top", top))
        if bottom != top:
            edges.append(("bottom", bottom))
    seen = Counter((edge, _signature(doc.blocks[i])) for edge, i in edges)
    drop = {i for edge, i in edges
            if _stamp(doc.blocks[i]) or (len(pages) >= 2 and seen[(edge, _signature(doc.blocks[i]))] >= 2)}
    if not drop:
        return doc
    blocks = tuple(b for i, b in enumerate(doc.blocks) if i not in drop)
    return replace(doc, blocks=blocks)
