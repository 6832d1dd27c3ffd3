"""gipextract: Chinese government information disclosure annual reports as validated grids.

>>> from gipextract import parse, parse_many, to_frame
>>> report = parse("report.txt")          # doctest: +SKIP
>>> report.table("requests")["total"]     # doctest: +SKIP
>>> to_frame(parse_many(["reports/"]), "reports")   # doctest: +SKIP
"""
from __future__ import annotations

from .api import load_document, parse
from .batch import parse_many, parse_one
from .errors import (GipExtractError, InternalError, NoReportFoundError, ResourceLimitError, UnreadableInputError,
                     UnsupportedFormatError)
from .limits import Limits
from .output.export import records, to_frame, to_frames
from .output.frame import table_frame
from .output.indicators import indicators
from .report import Cell, Finding, Report, ReportInfo, Result, SourceInfo

__version__ = "0.1.0"

__all__ = [
    "parse", "parse_one", "parse_many", "Result", "load_document", "Limits", "Report", "Cell", "Finding", "ReportInfo",
    "SourceInfo", "to_frame", "to_frames", "records", "table_frame", "indicators",
    "GipExtractError", "UnreadableInputError", "UnsupportedFormatError", "NoReportFoundError",
    "ResourceLimitError", "InternalError", "__version__",
]
