"""Plain text: one block per line, one fragment per tab-separated cell."""
from __future__ import annotations

import codecs
import re

from ..errors import UnreadableInputError
from ..limits import Budget
from ..model import Block, Document, Fragment, Provenance

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
                raise UnreadableInputError(name, f"declares {enc} by its byte-order mark but does not decode: {e.reason}") from None
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
        raise UnreadableInputError(name, f"not decodable as UTF-8, UTF-16 or GB18030 (byte {e.start})") from None


def _plausible(text: str) -> bool:
    """Does ``text`` look like Chinese or ASCII prose rather than bytes decoded the wrong way?"""
    sample = text[:2000]
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef")
    return good >= 0.95 * len(sample)


def read(data: bytes, name: str, budget: Budget | None = None) -> Document:
    """Turn text bytes into a document: each line a block, tab-separated cells its fragments."""
    budget = budget or Budget(name)
    budget.check("characters of text", len(data), budget.limits.max_chars * 4, "max_chars")
    text = decode(data, name)
    budget.check("characters of text", len(text), budget.limits.max_chars, "max_chars")
    if "\x00" in text:
        raise UnreadableInputError(name, "binary data (NUL bytes) in what should be text")
    if "[bookmark:" in text:
        text = _BOOKMARK_RE.sub("", text)
    blocks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.isspace():
            continue
        prov = Provenance.at_line(number)
        # Empty tab cells are the flattening's layout (merged label columns), not blank values.
        cells = [c for c in line.split("\t") if c and not c.isspace()] if "\t" in line else [line]
        blocks.append(Block("paragraph", tuple(Fragment(c, prov) for c in cells)))
    return Document(format="text", blocks=tuple(blocks))
