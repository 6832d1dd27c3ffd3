"""What the caller asks of the readers, beside the resource limits."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    """``ocr``: read page images (scanned PDF pages, pictures) by OCR, with the ``ocr`` extra;
    ``convert_legacy``: convert .doc/.wps files with LibreOffice when it is installed."""

    ocr: bool = False
    convert_legacy: bool = False


DEFAULT_OPTIONS = ReadOptions()
