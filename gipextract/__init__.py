"""gipextract: Chinese government information disclosure annual reports as validated grids.

>>> from gipextract import parse, parse_many, to_frame
>>> report = parse("report.txt")          # doctest: +SKIP
>>> report.table("requests")["total"]     # doctest: +SKIP
>>> to_frame(parse_many(["reports/"]), "reports")   # doctest: +SKIP
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import load_document, parse
from .errors import (GipExtractError, InternalError, NoReportFoundError, ResourceLimitError, UnreadableInputError,
                     UnsupportedFormatError)
from .limits import Limits
from .report import Cell, Finding, Report, ReportInfo, Result, SourceInfo

if TYPE_CHECKING:
    from .batch import parse_many, parse_one
    from .output.export import records, to_frame, to_frames
    from .output.frame import table_frame
    from .output.indicators import indicators

# Imported on first use: the batch runner pulls in multiprocessing and the exports their
# writers, which ``parse`` alone never needs (the cold import shrinks by their share).
_LAZY = {"parse_many": ".batch", "parse_one": ".batch", "records": ".output.export", "to_frame": ".output.export",
         "to_frames": ".output.export", "table_frame": ".output.frame", "indicators": ".output.indicators"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "parse", "parse_one", "parse_many", "Result", "load_document", "Limits", "Report", "Cell", "Finding", "ReportInfo",
    "SourceInfo", "to_frame", "to_frames", "records", "table_frame", "indicators",
    "GipExtractError", "UnreadableInputError", "UnsupportedFormatError", "NoReportFoundError",
    "ResourceLimitError", "InternalError", "__version__",
]
