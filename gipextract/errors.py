"""The library's own exceptions: every failure a caller sees is one of these.

An error is data, as a finding is: the source it is about, a stable ``code`` and its
``params``. Its text comes from the catalogue (:mod:`gipextract.messages`) in the language
asked for: ``str(error)`` and :attr:`~GipExtractError.reason` are Chinese, ``message("en")``
English; programs switch on ``code``.
"""
from __future__ import annotations

from typing import Any

from .messages import Lang, render_error


def _rebuild(cls: type, source: str | None, code: str, params: dict[str, Any]) -> "GipExtractError":
    return cls(source, code, **params)


class GipExtractError(Exception):
    """Base class: names the source and the reason (a catalogue code and its parameters)."""

    def __init__(self, source: str | None, code: str, /, **params: Any) -> None:
        self.source = source
        self.code = code
        self.params = params
        super().__init__(source, code)

    @property
    def reason(self) -> str:
        """Why, in Chinese (the default language)."""
        return self.message("zh")

    def message(self, lang: Lang = "zh") -> str:
        """Why, in ``lang``, without the source's name."""
        return render_error(self.code, self.params, lang)

    def describe(self, lang: Lang = "zh") -> str:
        """The source's name and why, in ``lang``."""
        sep = "：" if lang == "zh" else ": "
        return f"{self.source}{sep}{self.message(lang)}" if self.source else self.message(lang)

    def __str__(self) -> str:
        return self.describe("zh")

    # Exception's default pickling calls ``cls(*self.args)``, which would lose the params:
    # a worker process could then not send its error back. Rebuild from every field.
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.source, self.code, self.params))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, GipExtractError)
        return (self.source, self.code, self.params) == (other.source, other.code, other.params)

    def __hash__(self) -> int:
        return hash((type(self), self.source, self.code))


class UnreadableInputError(GipExtractError):
    """The bytes cannot be read as the format they claim to be (corrupt, truncated, undecodable)."""


class UnsupportedFormatError(GipExtractError):
    """The input is a format gipextract does not read (legacy .doc/.wps, images, …)."""


class NoReportFoundError(GipExtractError):
    """The input is readable but holds no statistical tables of an annual report."""


class ResourceLimitError(GipExtractError):
    """A configured limit (size, pages, time, depth) was reached."""


class InternalError(GipExtractError):
    """A bug of ours (or a dependency's) met while reading one input: that input's error, never a crash."""


class IncompatibleReportsError(GipExtractError, ValueError):
    """Reports that cannot be added up or compared: different forms or years, the same document twice."""


class MissingExtraError(GipExtractError, ImportError):
    """An optional feature whose extra is not installed (``pip install 'gipextract[EXTRA]'``)."""

    def __init__(self, source: str | None, code: str = "missing_extra", /, **params: Any) -> None:
        GipExtractError.__init__(self, source, code, **params)


class SavedReportError(GipExtractError, ValueError):
    """What was given as a saved report (JSON) is not one this version reads."""


class OptionError(GipExtractError, ValueError):
    """An option's value is not one the library accepts (a level, a deadline, a language)."""
