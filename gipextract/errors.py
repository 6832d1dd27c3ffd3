"""The library's own exceptions: every failure a caller sees is one of these."""
from __future__ import annotations

from typing import Any


class GipExtractError(Exception):
    """Base class: names the source and the reason."""

    def __init__(self, source: str | None, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}" if source else reason)

    # Exception's default pickling calls ``cls(*self.args)`` with the one formatted message,
    # which our two-argument __init__ refuses: a worker process could then never send its
    # error back (Pool.map hangs, ProcessPoolExecutor breaks). Rebuild from both fields.
    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason), self.__dict__ or None)

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        if state:
            self.__dict__.update(state)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, GipExtractError)
        return (self.source, self.reason) == (other.source, other.reason)

    def __hash__(self) -> int:
        return hash((type(self), self.source, self.reason))


class UnreadableInputError(GipExtractError):
    """The bytes cannot be read as the format they claim to be (corrupt, truncated, undecodable)."""


class UnsupportedFormatError(GipExtractError):
    """The input is a format gipextract does not read (legacy .doc/.wps, images, …)."""


class NoReportFoundError(GipExtractError):
    """The input is readable but holds no statistical tables of an annual report."""


class ResourceLimitError(GipExtractError):
    """A configured limit (size, pages, time, depth) was reached."""
