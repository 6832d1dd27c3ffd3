"""Checking: what the grid and the document say that a reader should see, as findings.

Each check is a function ``check(report, context) -> list[Finding]`` of a report whose cells
are placed and the :class:`Context` of its document; :data:`CHECKS` in :mod:`.run` lists
them in order. The regulation's checks are :data:`.compliance.RULES`: adding one is a
function there and its entry in :mod:`gipextract.messages.catalogue`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..read.document import Notice, OcrFacts, PageFacts, Provenance
from ..report import Evidence
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
    # A position in ``text`` and a length → where it is printed, and the source's text there.
    locate: Callable[[int, int], tuple[Provenance | None, str]] | None = None

    def evidence_at(self, pos: int, text: str, origin: str = "heading") -> dict[str, Any]:
        """What a finding rests on: ``text`` found at ``pos`` of the normalised text, quoted as
        the source prints it where that is known, with where it stands."""
        prov, printed = self.locate(pos, len(text)) if self.locate is not None else (None, "")
        return Evidence((printed or text).strip(), prov, origin).to_dict()
