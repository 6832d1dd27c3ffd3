"""What a report says about itself: who, for which year, under which title, published when,
and the text of its parts 一 to 六."""
from __future__ import annotations

from ..read.document import Document
from ..read.normalize import nfkc
from ..report import ReportInfo
from .info import extract_info
from .sections import sections

__all__ = ["describe", "extract_info", "sections"]


def describe(doc: Document, text: str) -> tuple[ReportInfo, dict[str, str]]:
    """The report's metadata and parts, from ``doc``'s first and last lines, its normalised
    ``text`` and the page's own facts."""
    # Titles and dates sit at the top (or a signature date at the very end).
    ends = doc.blocks[:60] + doc.blocks[-12:] if len(doc.blocks) > 72 else doc.blocks
    lines = [nfkc(b.text[:300]) for b in ends]  # titles and dates are short lines
    return extract_info(lines, text, doc.page), sections(text)
