"""Plain text: one block per line, one fragment per tab-separated cell."""
from __future__ import annotations

import codecs
import re

from ..errors import UnreadableInputError
from ..limits import Budget
from .document import Block, Document, Fragment, Provenance
from .options import DEFAULT_OPTIONS, ReadOptions

# Word-to-text converters leave bookmark anchors in the text; they are not content.
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]*\]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str) -> str:
    """Decode text bytes: BOMs first, then UTF-8, UTF-16 without BOM, then GB18030 (covers GBK/GB2312)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise UnreadableInputError(name, "bom_mismatch", encoding=enc, detail=e.reason) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return data[:e.start].decode("utf-8")  # a download cut inside the last character
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise UnreadableInputError(name, "undecodable", byte=e.start) from None


def _plausible(text: str) -> bool:
    """Does ``text`` look like Chinese or ASCII prose rather than bytes decoded the wrong way?"""
    sample = text[:2000]
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef")
    return good >= 0.95 * len(sample)


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn text bytes into a document: each line a block, every table cell a fragment.

    Two flattenings keep a table's cells, and both keep their empty cells as empty
    fragments with a (table, row, column) provenance, so that a row is read by position:
    tab-separated rows (``规章\t\t11\t``: each field is a cell) and one cell per line
    (each cell an indented line; a line holding only its indentation is an empty cell, a
    line with nothing at all ends the row, an unindented line continues a wrapped cell).
    """
    budget = budget or Budget(name)
    text = checked_text(data, name, budget)
    if "[bookmark:" in text:
        text = _BOOKMARK_RE.sub("", text)
    return Document(format="text", blocks=tuple(_blocks(lines(text), budget.limits.max_cells)))


def checked_text(data: bytes, name: str, budget: Budget) -> str:
    """The decoded text, within ``max_chars``, refused when it holds NUL bytes (binary data)."""
    budget.check("chars", len(data), budget.limits.max_chars * 4, "max_chars")
    text = decode(data, name)
    budget.check("chars", len(text), budget.limits.max_chars, "max_chars")
    if "\x00" in text:
        raise UnreadableInputError(name, "binary_in_text")
    return text


def lines(text: str) -> list[str]:
    """The text's lines as :meth:`str.splitlines` cuts them, except at the form feeds pdftotext
    puts before each page's first line: those are dropped, so line numbers match an editor's."""
    return _LINE_END.split(text.replace("\f", ""))


_LINE_END = re.compile("\r\n|[\n\r\v\x1c\x1d\x1e\x85\u2028\u2029]")


def _blocks(lines: list[str], max_empty: int) -> list[Block]:
    # Empty cells are kept up to ``max_empty`` (Limits.max_cells, as for HTML and DOCX
    # tables); past that a hostile file of tabs would only cost memory, so they are dropped.
    blocks: list[Block] = []
    empties = 0
    table = -1  # the current table: a new one after each stretch of prose
    row = -1  # the current one-cell-per-line row (-1: none open)
    col = 0
    in_table = False
    for number, line in enumerate(lines, start=1):
        if not line:
            row = -1  # a fully empty line ends a one-cell-per-line row
            continue
        indented = line[0] in _INDENT
        body = line.lstrip(_INDENT_CHARS) if indented else line
        if "\t" in body:
            # A tab-separated row: every field is a cell, the empty ones included.
            if not in_table:
                table, in_table = table + 1, True
            row_index = _next_row(blocks, table)
            fields = line.split("\t")
            filled = [j for j, c in enumerate(fields) if c and not c.isspace()]
            empties += len(fields) - len(filled)
            # A row of nothing but tabs holds no cell.
            cols = range(len(fields)) if empties <= max_empty and filled else filled
            frags = tuple(Fragment(fields[j] if fields[j].strip() else "",
                                   Provenance(line=number, table=table, row=row_index, col=j)) for j in cols)
            if frags:
                blocks.append(Block("table", frags))
            row = -1
            continue
        if indented:
            # One cell per line: indentation marks a cell, indentation alone an empty one.
            if not in_table:
                table, in_table = table + 1, True
            if row < 0:
                row, col = _next_row(blocks, table), 0
            else:
                col += 1
            cell = body.strip()
            if not cell:
                empties += 1
                if empties > max_empty:
                    continue
            blocks.append(Block("table", (Fragment(cell, Provenance(line=number, table=table, row=row, col=col)),)))
            continue
        if line.isspace():
            continue  # spaces only, no indentation tab: nothing
        if row >= 0 and blocks and blocks[-1].kind == "table":
            # An unindented line inside a row: the rest of a cell wrapped onto a new line.
            blocks.append(Block("table", (Fragment(line.strip(), Provenance(line=number, table=table, row=row, col=col)),)))
            continue
        in_table, row = False, -1
        blocks.append(Block("paragraph", (Fragment(line, Provenance.at_line(number)),)))
    return blocks


_INDENT_CHARS = "\t"
_INDENT = frozenset(_INDENT_CHARS)


def _next_row(blocks: list[Block], table: int) -> int:
    """The index of a new row of ``table``: one more than the last row emitted for it."""
    for b in reversed(blocks):
        prov = b.fragments[0].prov
        if b.kind != "table" or prov.table != table:
            break
        return (prov.row or 0) + 1
    return 0
