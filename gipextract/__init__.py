"""gipextract: Chinese government information disclosure annual reports as validated grids.

>>> from gipextract import parse
>>> report = parse("report.txt")          # doctest: +SKIP
>>> report.table("requests")["total"]     # doctest: +SKIP
"""
from __future__ import annotations

from .api import load_document, parse
from .batch import parse_one
from .errors import (GipExtractError, InternalError, NoReportFoundError, ResourceLimitError, UnreadableInputError,
                     UnsupportedFormatError)
from .limits import Limits
from .report import Cell, Finding, Report, ReportInfo, Result, SourceInfo

__version__ = "0.1.0"

__all__ = [
    "parse", "parse_one", "Result", "load_document", "Limits", "Report", "Cell", "Finding", "ReportInfo", "SourceInfo",
    "GipExtractError", "UnreadableInputError", "UnsupportedFormatError", "NoReportFoundError",
    "ResourceLimitError", "InternalError", "__version__",
]
