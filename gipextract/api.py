"""The front door: :func:`parse` reads one source into a :class:`~gipextract.report.Report`."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, TypeVar, Union

from . import read as adapters
from .errors import GipExtractError, NoReportFoundError, ResourceLimitError, UnreadableInputError
from .checks.years import prose_findings
from .checks.compliance import compliance_findings
from .place.grid import build
from .limits import DEFAULT_LIMITS, Budget, Limits, active
from .messages import localize
from .metadata.info import extract_info, sections
from .read.document import Document
from .read.normalize import nfkc
from .metadata.older import message as older_message, pre_national_year
from .place.reconstruct import read_tables
from .report import Finding, Report, SourceInfo
from .place.tokens import EMPTY_CELL

T = TypeVar("T")
# Producers that reflow a page as they print it (a row that lost a cell is drawn left-packed).
_BROWSER_RE = re.compile(r"Skia/PDF|HeadlessChrome|Chrome/|Chromium|Firefox|Safari|wkhtmltopdf|WebKit|Prince", re.I)
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def _read_source(source: Source, name: str | None, max_bytes: int) -> tuple[bytes, str, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise ResourceLimitError(name or "<bytes>", f"{len(data)} bytes; the limit is {max_bytes} (Limits.max_bytes)")
        return data, name or "<bytes>", None
    if isinstance(source, (str, os.PathLike)):
        return _read_path(source, name, max_bytes)
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
    label = name or _display(getattr(source, "name", "<stream>"))
    return _read_stream(read, label, max_bytes), label, None


def _display(name: object) -> str:
    """A path as text, whatever its bytes (undecodable bytes kept as surrogate escapes)."""
    if isinstance(name, bytes):
        return os.fsdecode(name)
    return str(name)


def _read_path(source: "str | os.PathLike[str]", name: str | None, max_bytes: int) -> tuple[bytes, str, str]:
    """Only a regular file is read: devices, FIFOs and sockets are refused before opening
    (``/dev/zero`` never ends, a FIFO without a writer blocks forever)."""
    path = Path(os.fsdecode(os.fspath(source)))
    label = name or str(path)
    if "\0" in str(path):
        raise UnreadableInputError(label.replace("\0", "\\0"), "the path holds a NUL byte")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UnreadableInputError(label, "no such file") from None
    except OSError as e:
        raise UnreadableInputError(label, f"cannot be read: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInputError(label, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInputError(label, f"is a {_kind(st.st_mode)}, not a regular file")
    if st.st_size > max_bytes:
        raise ResourceLimitError(label, f"file is {st.st_size} bytes; the limit is {max_bytes} (Limits.max_bytes)")
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open() still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise UnreadableInputError(label, f"cannot be read: {e.strerror or e}") from None
    with open(fd, "rb", closefd=True) as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableInputError(label, "is not a regular file")
        return _read_stream(f.read, label, max_bytes), label, str(path)


def _kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return what
    return "special file"


def _read_stream(read: Callable[[int], object], label: str, max_bytes: int) -> bytes:
    """Read to end of file in a loop (pipes and sockets return short reads), never past
    ``max_bytes`` + 1."""
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = read(min(1 << 20, max_bytes + 1 - size))
        except OSError as e:
            raise UnreadableInputError(label, f"cannot be read: {e.strerror or e}") from None
        if chunk is None:
            raise UnreadableInputError(label, "the stream is non-blocking and had no data ready "
                                              "(read() returned None); pass a blocking stream or bytes")
        if isinstance(chunk, str):
            raise TypeError("parse() needs a binary file object (open the file with 'rb')")
        if not isinstance(chunk, (bytes, bytearray, memoryview)):
            raise UnreadableInputError(label, f"read() returned {type(chunk).__name__}, not bytes")
        if not chunk:
            break
        chunks.append(bytes(chunk))
        size += len(chunk)
        if size > max_bytes:
            raise ResourceLimitError(label, f"more than {max_bytes} bytes (Limits.max_bytes)")
    return b"".join(chunks)


def load_document(source: Source, *, format: str | None = None, name: str | None = None,
                  limits: Limits | None = None) -> Document:
    """Read ``source`` with the adapter for its format and return the shared document model."""
    limits = limits or DEFAULT_LIMITS
    data, label, _ = _read_source(source, name, limits.max_bytes)
    budget = Budget(label, limits)
    with active(budget):
        return _load(data, label, format, budget)


def _load(data: bytes, label: str, fmt: str | None, budget: Budget, convert_legacy: bool = False) -> Document:
    if not data.strip():
        raise UnreadableInputError(label, "the input is empty")
    try:
        return adapters.load(data, label, fmt, budget, convert_legacy)
    except GipExtractError:
        raise
    except (MemoryError, RecursionError) as e:
        raise ResourceLimitError(label, f"reading the {fmt or 'input'}: ran out of "
                                        f"{'memory' if isinstance(e, MemoryError) else 'stack'}") from None
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
    with active(budget):
        return _parse(data, label, path, name, format, budget, convert_legacy)


def _guard(label: str, stage: str, fn: Callable[..., T], *args: Any) -> T:
    """Run one stage; anything raised that is not ours becomes ours, naming file and stage."""
    try:
        return fn(*args)
    except GipExtractError:
        raise
    except (MemoryError, RecursionError) as e:
        raise ResourceLimitError(label, f"{stage}: ran out of {'memory' if isinstance(e, MemoryError) else 'stack'} "
                                        f"({type(e).__name__})") from None
    except Exception as e:  # a bug of ours or a dependency's: still this file's error, never a raw traceback
        raise UnreadableInputError(label, f"{stage}: internal error {type(e).__name__}: {e}"[:500]) from None


def _parse(data: bytes, label: str, path: str | None, name: str | None, format: str | None, budget: Budget,
           convert_legacy: bool) -> Report:
    doc = _load(data, label, format, budget, convert_legacy)
    fragments = _guard(label, "fragments", doc.fragments)
    budget.tick()
    reading = _guard(label, "read_tables", read_tables, fragments)
    if reading is not None and (_BROWSER_RE.search(doc.meta.get("producer", "")) or doc.meta.get("layout") == "columns"):
        reading = replace(reading, reflowed=True)
    budget.tick()
    if reading is None or not any(t.found for t in reading.tables.values()):
        year = pre_national_year(doc)
        if year is not None:
            raise NoReportFoundError(label, older_message(year))
        raise NoReportFoundError(label, "no report tables found: neither form's table labels are in the document"
                                 + (f" ({'; '.join(doc.warnings)})" if doc.warnings else ""))
    cells, findings, extras = _guard(label, "build", build, reading)
    budget.tick()
    # A printed blank marker (—, /, 无) is a value (0); only an empty cell prints nothing.
    printed = any(tok.text != EMPTY_CELL for t in reading.tables.values() for r in t.rows for tok in r.tokens)
    if not printed:
        raise NoReportFoundError(label, "the report tables are there but print no values (a blank form?)")
    report = _guard(label, "metadata", _assemble, doc, reading, data, path, name, cells, findings, extras)
    budget.tick()
    more = _guard(label, "prose_findings", prose_findings, report) + [Finding("warning", "source", w)
                                                                     for w in doc.warnings]
    more += _guard(label, "compliance", compliance_findings, report, reading.flat.text, doc.meta)
    if "ocr_pages" in doc.meta:  # nothing checks OCR'd values where no identity does: flag them
        from .checks.ocr import ocr_findings

        more += _guard(label, "ocr_findings", ocr_findings, report.cells, doc.meta)
    report = replace(report, findings=report.findings + tuple(more)) if more else report
    return _guard(label, "messages", localize, report)  # for people in Chinese; Finding.en keeps the English


def _assemble(doc: Document, reading: Any, data: bytes, path: str | None, name: str | None, cells: Any,
              findings: Any, extras: Any) -> Report:
    # Titles and dates sit at the top (or a signature date at the very end).
    ends = doc.blocks[:60] + doc.blocks[-12:] if len(doc.blocks) > 72 else doc.blocks
    lines = [nfkc(b.text[:300]) for b in ends]  # titles and dates are short lines
    info = extract_info(lines, reading.flat.text, doc.meta)
    return Report(
        source=SourceInfo(path=path if path is not None else (name or None), format=doc.format,
                          sha256=hashlib.sha256(data).hexdigest()),
        template=reading.template.id,
        info=info,
        cells=tuple(cells),
        findings=tuple(findings),
        sections=sections(reading.flat.text),
        extra_rows=tuple(extras),
    )
