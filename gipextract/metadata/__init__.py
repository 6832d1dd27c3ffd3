"""What a report says about itself: who, for which year, under which title, published when
(each with the text it rests on), and the text of its parts 一 to 六."""
from __future__ import annotations

from ..read.document import Document
from ..report import ReportInfo
from .info import describe_document, extract_info
from .sections import sections

__all__ = ["describe", "extract_info", "sections"]


def describe(doc: Document, text: str) -> tuple[ReportInfo, dict[str, str]]:
    """The report's metadata and parts, from ``doc``'s lines, its normalised ``text`` and the
    page's own facts."""
    return describe_document(doc, text), sections(text)
