"""The library's own exceptions: every failure a caller sees is one of these."""
from __future__ import annotations


class GipExtractError(Exception):
    """Base class: names the source and the reason."""

    def __init__(self, source: str | None, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}" if source else reason)


class UnreadableInputError(GipExtractError):
    """The bytes cannot be read as the format they claim to be (corrupt, truncated, undecodable)."""


class UnsupportedFormatError(GipExtractError):
    """The input is a format gipextract does not read (legacy .doc/.wps, images, …)."""


class NoReportFoundError(GipExtractError):
    """The input is readable but holds no statistical tables of an annual report."""


class ResourceLimitError(GipExtractError):
    """A configured limit (size, pages, time, depth) was reached."""
