"""Markdown (what markitdown, pandoc, html2text, trafilatura, pymupdf4llm write): pipe tables
become table blocks whose cells carry (table, row, col) like HTML cells; raw ``<table>``
markup inside the Markdown is read by the HTML adapter; other lines are paragraphs.

Separator rows (``|---|``) are layout, not values; empty cells are kept (a blank cell is a
value where it stands); ``<br>`` and bold/italic/heading marks are dropped from the text.
"""
from __future__ import annotations

import re

from ..errors import UnreadableInputError
from ..limits import Budget
from .document import Block, Document, Fragment, Provenance
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import decode

_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
# html2text writes table rows without the outer pipes (`规章 | 0 | 0 | 1`), and a separator
# row (`---|---`) only under a table's first row: nested tables have none.
_BARE_SEPARATOR_RE = re.compile(r"(?m)^[ \t]*:?-{3,}:?(?:\|:?-{3,}:?)+[ \t]*$")
_BARE_PIPE_ROW_RE = re.compile(r"^[^|]*[^|\s\\][^|]*\|")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}(?:\s+|(?=[^\s#\x00-\x7f]))")  # `#标题` too (html2text)
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPHASIS_RE = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|~~)")
_TAG_RE = re.compile(r"</?(?:span|strong|b|em|i|u|sup|sub|font|a)\b[^>]*>", re.IGNORECASE)
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPED_ORDINAL_RE = re.compile(r"^\s*\d{1,2}\\\.")
_TABLE_OPEN_RE = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE_RE = re.compile(r"</table\s*>", re.IGNORECASE)
# ``[TABLE]`` is what ``pandoc -t plain`` writes for a table it cannot draw: no values.
_PLACEHOLDER_RE = re.compile(r"^\s*\[TABLE\]\s*$")


def looks_like_markdown(text: str) -> bool:
    """Does ``text`` hold Markdown structure: a pipe table with its separator row, or
    several ATX headings with pipe rows or emphasis?"""
    lines = text[:200000].splitlines()
    seps = sum(1 for ln in lines if "-" in ln and "|" in ln and _SEPARATOR_RE.match(ln))
    pipes = sum(1 for ln in lines if _PIPE_ROW_RE.match(ln))
    if seps and pipes >= 2:
        return True
    # html2text: rows without outer pipes, a `---|---` row under a table's first row.
    if _BARE_SEPARATOR_RE.search(text[:200000]) and sum(1 for ln in lines if _BARE_PIPE_ROW_RE.match(ln)) >= 5:
        return True
    # trafilatura writes pipe tables without a separator row; pandoc's grid tables (`+---+`
    # borders round `| … |` lines) are character columns, not pipe cells.
    if pipes >= 5 and not any(ln.lstrip().startswith("+-") for ln in lines):
        return True
    heads = sum(1 for ln in lines if _HEADING_RE.match(ln))
    if heads >= 2 and (pipes >= 2 or "**" in text):
        return True
    first = next((ln for ln in lines if ln.strip()), "")
    if re.match(r"^#{1,6} +\S", first):
        return True  # a document that opens with an ATX heading
    # `1\.` at a line start: a Markdown writer escaping what would be an ordered list.
    return sum(1 for ln in lines if _ESCAPED_ORDINAL_RE.match(ln)) >= 3


def clean(text: str) -> str:
    """Cell or line text without Markdown marks: ``<br>``, emphasis, escapes, links, inline tags."""
    if "<" in text:
        text = _BR_RE.sub(" ", text)
        text = _TAG_RE.sub("", text)
    if "[" in text:
        text = _LINK_RE.sub(r"\1", text)
    escaped = "\\" in text
    if escaped:  # an escaped mark is text: hidden from the emphasis pass, then put back
        text = _ESCAPE_RE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    if "*" in text or "_" in text or "~" in text:
        text = _EMPHASIS_RE.sub("", text)
    if escaped:
        text = re.sub("[\U000F0000-\U000F00FF]", lambda m: chr(ord(m.group(0)) - 0xF0000), text)
    return " ".join(text.split())


# 数据1: an LLM's generic column names; Col1: pymupdf4llm's names for unnamed columns.
_HAN_INDEX_RE = re.compile(r"^([\u3400-\u9fff（）()]+)(\d{1,2})$")
_HAN_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_UNNAMED_RE = re.compile(r"^Col(?:umn)?\d{1,3}$")


def _header_word(cell: str) -> str:
    """A header cell such as ``数据1`` (a name numbered by a digit) is a column name: its digit is
    written as a Han numeral so that no reader takes it for a printed value. ``Col1`` is
    pymupdf4llm's name for a column the page gave no name: an empty cell (as text it would
    cut a label that runs on from the page before)."""
    if _UNNAMED_RE.match(cell):
        return ""
    m = _HAN_INDEX_RE.match(cell)
    return m.group(1) + m.group(2).translate(_HAN_DIGITS) if m else cell


def split_row(line: str) -> list[str]:
    """The cells of one pipe row (``\\|`` is a pipe inside a cell)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn Markdown bytes into a document of paragraph and table blocks."""
    budget = budget or Budget(name)
    budget.check("chars", len(data), budget.limits.max_chars * 4, "max_chars")
    text = decode(data, name)
    if "\x00" in text:
        raise UnreadableInputError(name, "binary_in_text")
    lines = text.splitlines()
    # markitdown writes an empty cell as `|  |` and the columns a merged cell spans as `| |`:
    # where a document holds both, the narrow ones are a merged cell's span, not blanks.
    spans_marked = "| |" in text and "|  |" in text
    if _BARE_SEPARATOR_RE.search(text):
        def is_row(line: str) -> bool:
            return bool(_PIPE_ROW_RE.match(line) or _BARE_PIPE_ROW_RE.match(line))
    else:
        def is_row(line: str) -> bool:
            return bool(_PIPE_ROW_RE.match(line))
    blocks: list[Block] = []
    table = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TABLE_OPEN_RE.search(line):
            j = i
            while j < len(lines) and not _TABLE_CLOSE_RE.search(lines[j]):
                j += 1
            chunk = "\n".join(lines[i:j + 1])
            before, _, rest = chunk.partition(_TABLE_OPEN_RE.search(chunk).group(0))  # type: ignore[union-attr]
            if before.strip():
                blocks.append(_paragraph(before, i + 1))
            added = _html_tables("<table" + rest, name, budget, table, i + 1)
            blocks += added
            table += sum(1 for b in added if b.kind == "table")
            i = j + 1
            continue
        if is_row(line) and not _SEPARATOR_RE.match(line):
            rows: list[tuple[int, list[str | None]]] = []
            while i < len(lines) and is_row(lines[i]):
                if not _SEPARATOR_RE.match(lines[i]):
                    rows.append((i + 1, [None if spans_marked and c == " " else clean(c)
                                         for c in split_row(lines[i])]))
                elif len(rows) == 1:  # the row above the first separator is the header
                    rows[0] = (rows[0][0], [c and _header_word(c) for c in rows[0][1]])
                i += 1
            budget.check("cells", sum(len(c) for _, c in rows), budget.limits.max_cells, "max_cells")
            blocks.append(_table(rows, table))
            table += 1
            continue
        i += 1
        if not line.strip() or _SEPARATOR_RE.match(line) or _PLACEHOLDER_RE.match(line):
            continue
        blocks.append(_paragraph(line, i))
    return Document(format="markdown", blocks=tuple(blocks))


# A list item's marker is Markdown syntax, not text: mammoth and pandoc write Word's automatic
# heading numbers (三、收到和处理…) as `1. __收到和处理…__`, and that 1 is no value.
_LIST_MARKER_RE = re.compile(r"^\s{0,3}(?:\d{1,9}[.)]|[-*+])\s+(?=\S)")
# A page number printed `- 2 -` (markitdown of a PDF) reads as a list item `2 -`; kept whole, it
# stays the page footer the placement steps know, not a value on the row above.
_PAGE_NUMBER_RE = re.compile(r"^\s*-\s*\d{1,4}\s*-\s*$")


def _paragraph(line: str, number: int) -> Block:
    body = _HEADING_RE.sub("", line)
    text = clean(body if _PAGE_NUMBER_RE.match(body) else _LIST_MARKER_RE.sub("", body))
    return Block("paragraph", (Fragment(text, Provenance.at_line(number)),))


_NUMBER_RE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_BLANK_MARK_RE = re.compile(r"^(?:[-\u2014\u2013\uff0d]+|/|无)$")


def _table(rows: list[tuple[int, list[str | None]]], table: int) -> Block:
    # Tools expand a merged label cell (colspan) into empty cells after it, pad a short row
    # with empty cells at its end, and flatten layout tables into one long row. None of these
    # is a blank the document printed. Only an empty cell standing between two values is
    # kept as a blank; any other is dropped, so the row reads as short and the reconstructor
    # weighs every place its missing cells could be (flagging them when the identities
    # cannot decide) rather than taking a tool's padding for a printed blank.
    # A cell holding two numbers (``0 0``) shows that the tool drew the columns itself, from
    # where the text stood (markitdown on a PDF): then no empty cell of that table is a
    # printed blank, only a gap between its column guesses.
    # A merged cell's span (None) is no cell at all.
    copies, named, guessed = _span_cells(rows)
    gaps_only = guessed or any(len(ws) > 1 and all(_NUMBER_RE.match(w) for w in ws)
                               for _, cells in rows for ws in (t.split() for t in cells if t))
    frags = []
    for r, (line, cells) in enumerate(rows):
        kinds = [None if not t else bool(_NUMBER_RE.match(t)) for t in cells]
        for c, text in enumerate(cells):
            if text is None or (r, c) in copies:
                continue
            if not text:
                if gaps_only:
                    continue
                left = next((k for k in reversed(kinds[:c]) if k is not None), None)
                right = next((k for k in kinds[c + 1:] if k is not None), None)
                if not (left and right) and (r, c) not in named:
                    continue
            frags.append(Fragment(text, Provenance(line=line, table=table, row=r, col=c)))
    return Block("table", tuple(frags))


def _span_cells(rows: list[tuple[int, list[str | None]]]
                ) -> tuple[set[tuple[int, int]], set[tuple[int, int]], bool]:
    """Value-row cells that only continue a merged header cell (no cells of their own);
    empty value-row cells under a named header column with a value after them (printed
    blanks, even right after the label); and whether values stand under columns no header
    names (markitdown on a PDF guesses columns from where words stand: its empty cells are
    gaps between the guesses).

    Under the header rows above a value row (the last run of rows holding text only):
    - pymupdf4llm writes a merged cell's text into every column it covers, header and values
      alike (`|本年新制作数量|本年新制作数量|` over `|9|9|`). Columns under the same header
      text are one column; where a value row prints the same number in all of them, the
      copies after the first go. Different numbers there are kept: then they are not one cell.
    - pandoc and markitdown write the columns a merged header covers as empty header cells
      (`|本年新制作数量| |本年新公开数量| |`). An empty value cell under a column that every
      header row leaves empty, right of a named one, is that span, not a printed blank.
    All only where the value row has as many cells as the header row next above it.
    """
    out: set[tuple[int, int]] = set()
    named: set[tuple[int, int]] = set()
    guessed = False
    block: list[list[str | None]] = []
    in_values = False
    for r, (_, cells) in enumerate(rows):
        texts = [t for t in cells[1:] if t]
        # A row of blank markers (`3.其他 | 无 | 无 | - | /`) is a row of values, not a header:
        # read as one, the next row's two equal values under its equal markers were one cell.
        if texts and not any(_NUMBER_RE.match(t) or _BLANK_MARK_RE.match(t) for t in texts):
            if in_values:
                block, in_values = [], False
            # Column names over two columns or more: not a section title repeated across the
            # table (pymupdf4llm: `|第二十条第（一）项|第二十条第（一）项|…|`), nor a row's
            # labels with empty cells; one name over several columns is a merged header.
            first = "".join((cells[0] or "").split())
            if len(texts) > 1 and (len(set(texts)) > 1 or first and first != "".join(texts[0].split())):
                block.append(cells)
            continue
        in_values = True
        if not block:
            continue
        header = block[-1]
        if len(header) != len(cells):
            continue  # rows of unequal length (html2text leaves merged cells out): columns unknown
        first_named = min((next((k for k in range(1, len(h)) if h[k]), len(cells)) for h in block), default=len(cells))
        last_value = max((k for k, t in enumerate(cells) if t and _NUMBER_RE.match(t)), default=-1)
        for c in range(1, len(cells)):
            if cells[c] and header[c] and header[c] == header[c - 1] \
                    and cells[c] == cells[c - 1] and _NUMBER_RE.match(cells[c] or ""):
                out.add((r, c))
            elif c > first_named and not any(h[c] for h in block if c < len(h)):
                if cells[c] == "":
                    out.add((r, c))
                elif cells[c] and _NUMBER_RE.match(cells[c] or ""):
                    guessed = True
            elif cells[c] == "" and header[c] and c < last_value:
                named.add((r, c))  # not at the row's end: tools pad a row that lost cells there
    return out, named, guessed


def _html_tables(markup: str, name: str, budget: Budget, first: int, line: int) -> list[Block]:
    """Raw ``<table>`` markup inside Markdown, read by the HTML adapter; table numbers follow on."""
    from . import html

    doc = html.read(("<html><body>" + markup + "</body></html>").encode("utf-8"), name, budget)
    out = []
    for b in doc.blocks:
        if b.kind == "table":
            out.append(Block("table", tuple(
                Fragment(f.text, Provenance(line=line, table=(f.prov.table or 0) + first, row=f.prov.row,
                                            col=f.prov.col)) for f in b.fragments)))
        else:
            out.append(Block("paragraph", tuple(Fragment(f.text, Provenance.at_line(line)) for f in b.fragments)))
    return out
