"""The front door: :func:`parse` reads one source into a :class:`~gipextract.report.Report`."""
from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Union

from . import adapters
from .errors import GipExtractError, NoReportFoundError, ResourceLimitError, UnreadableInputError
from .compare import prose_findings
from .grid import build
from .limits import DEFAULT_LIMITS, Budget, Limits
from .metadata import extract_info, sections
from .model import Document
from .normalize import nfkc
from .reconstruct import read_tables
from .report import Finding, Report, SourceInfo

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def _read_source(source: Source, name: str | None, max_bytes: int) -> tuple[bytes, str, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise ResourceLimitError(name or "<bytes>", f"{len(data)} bytes; the limit is {max_bytes} (Limits.max_bytes)")
        return data, name or "<bytes>", None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise ResourceLimitError(label, f"file is {size} bytes; the limit is {max_bytes} (Limits.max_bytes)")
            return path.read_bytes(), label, str(path)
        except GipExtractError:
            raise
        except IsADirectoryError:
            raise UnreadableInputError(label, "is a directory, not a file") from None
        except FileNotFoundError:
            raise UnreadableInputError(label, "no such file") from None
        except OSError as e:
            raise UnreadableInputError(label, f"cannot be read: {e.strerror or e}") from None
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
    label = name or str(getattr(source, "name", "<stream>"))
    try:
        data = read(max_bytes + 1)
    except OSError as e:
        raise UnreadableInputError(label, f"cannot be read: {e}") from None
    if isinstance(data, str):
        raise TypeError("parse() needs a binary file object (open the file with 'rb')")
    if len(data) > max_bytes:
        raise ResourceLimitError(label, f"more than {max_bytes} bytes (Limits.max_bytes)")
    return data, label, None


def load_document(source: Source, *, format: str | None = None, name: str | None = None,
                  limits: Limits | None = None) -> Document:
    """Read ``source`` with the adapter for its format and return the shared document model."""
    limits = limits or DEFAULT_LIMITS
    data, label, _ = _read_source(source, name, limits.max_bytes)
    return _load(data, label, format, Budget(label, limits))


def _load(data: bytes, label: str, fmt: str | None, budget: Budget, convert_legacy: bool = False) -> Document:
    if not data.strip():
        raise UnreadableInputError(label, "the input is empty")
    try:
        return adapters.load(data, label, fmt, budget, convert_legacy)
    except GipExtractError:
        raise
    except Exception as e:  # a dependency's own error never escapes raw
        raise UnreadableInputError(label, f"{type(e).__name__}: {e}") from None


def parse(source: Source, *, format: str | None = None, name: str | None = None,
          limits: Limits | None = None, convert_legacy: bool = False, ocr: bool = False) -> Report:
    """Parse one annual report from a path, bytes or a binary file object.

    The format is detected from the content (``format`` forces one of ``text``,
    ``html``, ``docx``, ``pdf``). ``name`` labels the source in messages and output;
    ``limits`` overrides the resource limits (:class:`~gipextract.limits.Limits`);
    ``convert_legacy`` lets a .doc/.wps file be converted with LibreOffice, if installed;
    ``ocr`` reads PDF pages without a usable text layer and PNG/JPEG/TIFF pictures by OCR
    (needs ``pip install 'gipextract[ocr]'``; see docs/ocr.md).
    Raises a :class:`~gipextract.errors.GipExtractError` subclass on bad input.
    """
    limits = limits or DEFAULT_LIMITS
    data, label, path = _read_source(source, name, limits.max_bytes)
    budget = Budget(label, limits, ocr=ocr)
    doc = _load(data, label, format, budget, convert_legacy)
    fragments = doc.fragments()
    budget.tick()
    reading = read_tables(fragments)
    budget.tick()
    if reading is None or not any(t.found for t in reading.tables.values()):
        raise NoReportFoundError(label, "no report tables found: neither form's table labels are in the document"
                                 + (f" ({'; '.join(doc.warnings)})" if doc.warnings else ""))
    cells, findings, extras = build(reading)
    budget.tick()
    printed = any(not tok.blank for t in reading.tables.values() for r in t.rows for tok in r.tokens)
    if not printed:
        raise NoReportFoundError(label, "the report tables are there but print no values (a blank form?)")
    # Titles and dates sit at the top (or a signature date at the very end).
    ends = doc.blocks[:60] + doc.blocks[-12:] if len(doc.blocks) > 72 else doc.blocks
    lines = [nfkc(b.text[:300]) for b in ends]  # titles and dates are short lines
    info = extract_info(lines, reading.flat.text, doc.meta)
    report = Report(
        source=SourceInfo(path=path if path is not None else (name or None), format=doc.format,
                          sha256=hashlib.sha256(data).hexdigest()),
        template=reading.template.id,
        info=info,
        cells=tuple(cells),
        findings=tuple(findings),
        sections=sections(reading.flat.text),
        extra_rows=tuple(extras),
    )
    more = prose_findings(report) + [Finding("warning", "source", w) for w in doc.warnings]
    if "ocr_pages" in doc.meta:
        from .ocrcheck import ocr_findings

        more += ocr_findings(report.cells, doc.meta)
    return replace(report, findings=report.findings + tuple(more)) if more else report
