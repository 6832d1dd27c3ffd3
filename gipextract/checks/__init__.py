"""Checking: what the grid and the document say that a reader should see, as findings.

Each check is a function ``check(report, context) -> list[Finding]`` of a report whose cells
are placed and the :class:`Context` of its document; :data:`CHECKS` in :mod:`.run` lists
them in order. The regulation's checks are :data:`.compliance.RULES`: adding one is a
function there and its entry in :mod:`gipextract.messages.catalogue`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..read.document import Notice, OcrFacts, PageFacts
from ..templates.identities import Evaluation


@dataclass(frozen=True)
class Context:
    """What the checks know of a report's document beside the report itself."""

    text: str = ""  # the document's normalised text
    page: PageFacts = PageFacts()
    notices: tuple[Notice, ...] = ()
    ocr: OcrFacts | None = None
    evaluation: Evaluation | None = None  # the identities over the report's cells
    level: str | None = None  # the unit's level for the deadline, when the caller knows it
    deadline: str | None = None  # a local notice's deadline ("MM-DD")
