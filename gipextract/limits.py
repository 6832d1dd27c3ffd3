"""Resource limits: sensible defaults, settable per call, each hit a ResourceLimitError."""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterator

from .errors import ResourceLimitError


@dataclass(frozen=True)
class Limits:
    """Ceilings for one document. Real reports are far below every default."""

    max_bytes: int = 100 * 1024 * 1024  # input size
    max_chars: int = 5_000_000  # text extracted from the document
    max_pages: int = 500  # PDF pages
    max_page_glyphs: int = 100_000  # glyphs on one PDF page (a dense real page has ~5,000)
    max_unpacked_bytes: int = 256 * 1024 * 1024  # a DOCX package, uncompressed (zip bombs)
    max_part_bytes: int = 64 * 1024 * 1024  # one XML part of a DOCX, uncompressed
    max_cells: int = 50_000  # table cells in an HTML page or DOCX, all tables together
    max_xml_elements: int = 1_000_000  # elements of one DOCX XML part (the largest real report has ~60,000)
    max_seconds: float = 30.0  # wall time to read one document
    max_ocr_pages: int = 20  # page images read by OCR (parse(..., ocr=True))
    ocr_seconds_per_page: float = 60.0  # added to max_seconds for each page read by OCR


DEFAULT_LIMITS = Limits()


@dataclass
class Budget:
    """The limits of one parse, with its deadline; adapters call :meth:`tick` in their loops."""

    name: str
    limits: Limits = DEFAULT_LIMITS
    started: float = field(default_factory=time.monotonic)
    def grant(self, seconds: float) -> None:
        """Move the deadline ``seconds`` later (each page read by OCR is given its own time)."""
        self.started += seconds

    def tick(self) -> None:
        """Raise :class:`ResourceLimitError` once the time limit has passed."""
        if time.monotonic() - self.started > self.limits.max_seconds:
            raise ResourceLimitError(self.name, "timeout", seconds=f"{self.limits.max_seconds:g}")

    def check(self, what: str, value: int, limit: int, setting: str, **more: object) -> None:
        """Raise :class:`ResourceLimitError` when ``value`` exceeds ``limit``; ``what`` names
        the quantity (a catalogue phrase ``what.<name>``), ``setting`` the field of :class:`Limits`."""
        if value > limit:
            raise ResourceLimitError(self.name, "limit", what=what, value=value, limit=limit, setting=setting, **more)


# The budget of the parse running in this thread (or task): stages below the adapters
# (reconstruction, placement search) check it in their loops without a budget argument
# threaded through every call.
_CURRENT: ContextVar[Budget | None] = ContextVar("gipextract_budget", default=None)


@contextmanager
def active(budget: Budget) -> Iterator[Budget]:
    """Make ``budget`` the one :func:`checkpoint` ticks, for the duration of a parse."""
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def checkpoint() -> None:
    """Tick the active budget, if any: call it in any loop whose length grows with the input."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.tick()


def limit_glyphs(count: int, page: int) -> None:
    """Refuse a PDF page with more glyphs than ``Limits.max_page_glyphs`` (active budget)."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check("glyphs", count, budget.limits.max_page_glyphs, "max_page_glyphs", page=page)
