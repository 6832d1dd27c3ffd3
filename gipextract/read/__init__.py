"""Reading: bytes in, :class:`~gipextract.read.document.Document` out.

One adapter per format, each in its own module and imported only when a document of its
format arrives (reading a text file never loads pypdfium2 or lxml). Adapters keep every
position the source gives and know nothing of the grid. A converter's quirk belongs in the
adapter of the format the converter writes.
"""
from __future__ import annotations

import importlib
from typing import Callable

from ..errors import UnsupportedFormatError
from ..limits import Budget
from .detect import sniff
from .document import Document
from .furniture import strip as strip_furniture
from .options import DEFAULT_OPTIONS, ReadOptions

__all__ = ["ADAPTERS", "load", "sniff"]

# format name -> module holding ``read(data, name, budget, options) -> Document``
ADAPTERS: dict[str, str] = {
    "text": "gipextract.read.text",
    "html": "gipextract.read.html",
    "docx": "gipextract.read.docx",
    "pdf": "gipextract.read.pdf",
    "markdown": "gipextract.read.markdown",
    "columns": "gipextract.read.columns",
    "image": "gipextract.read.ocr",  # only with ocr=True: needs the ``ocr`` extra
}


def load(data: bytes, name: str, fmt: str | None = None, budget: Budget | None = None,
         options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read ``data`` (named ``name`` in messages) with the adapter for its format."""
    budget = budget or Budget(name)
    fmt = fmt or sniff(data)
    if fmt == "ole" and options.convert_legacy:
        from .legacy import legacy_to_docx

        data = legacy_to_docx(data, name, timeout=budget.limits.max_seconds)
        fmt = "docx"
    if fmt == "zip" and name.lower().endswith(".docx"):
        fmt = "docx"  # a damaged package: let the DOCX reader say what is wrong with it
    if fmt == "ole":
        raise UnsupportedFormatError(name, "legacy_format")
    if fmt == "image" and not options.ocr:
        raise UnsupportedFormatError(name, "picture_needs_ocr")
    module = ADAPTERS.get(fmt)
    if module is None:
        raise UnsupportedFormatError(name, "unsupported_format", format=fmt)
    reader: Callable[[bytes, str, Budget, ReadOptions], Document] = importlib.import_module(module).read
    doc = strip_furniture(reader(data, name, budget, options))
    budget.check("chars", sum(len(f.text) for b in doc.blocks for f in b.fragments), budget.limits.max_chars,
                 "max_chars")
    return doc
