"""Portal HTML pages: decoded first, parsed with lxml, site chrome dropped, tables expanded.

Paragraph text becomes paragraph blocks; each data table becomes one table block whose
cells (rowspan/colspan expanded once, each cell emitted at its top-left position) carry
their (table, row, col) in the expanded grid. Layout tables (tables holding tables) are
walked through as ordinary containers.
"""
from __future__ import annotations

import codecs
import re

from ..errors import ResourceLimitError, UnreadableInputError
from ..limits import Budget
from .document import Block, Document, Fragment, Notice, OcrFacts, PageFacts, Provenance
from .options import DEFAULT_OPTIONS, ReadOptions

_SKIP = frozenset({"script", "style", "noscript", "iframe", "object", "embed", "svg", "select", "button", "input",
                   "textarea", "template", "head", "title", "meta", "link", "map", "canvas", "video", "audio"})
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
                    "footer", "nav", "aside", "main", "center", "blockquote", "dd", "dt", "dl", "form", "pre",
                    "address", "figure", "figcaption", "hr", "body", "html", "caption", "fieldset", "tr", "td", "th",
                    "tbody", "thead", "tfoot"})
_CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_RE = re.compile(r"nav|menu|crumb|footer|share|sitemap|toolbar|login|search|related|xgxx|xglj|weizhi|dqwz|"
                        r"location|copyright|banner|top-?bar|sidebar|qrcode|ewm", re.IGNORECASE)
# An element named like chrome is kept when it holds an article's worth: a real table or
# long text (some CMS templates wrap the article in a div called "main-nav-content").
_ARTICLE_CHARS = 2000
_ARTICLE_CELLS = 20
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "ms936", "gb18030", "windows-936", "euc-cn", "csgb2312"}
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b\ufeff]+")
_META_FIELD_RE = re.compile(r"(索引号|发布机构|发文机关|发布单位|来源)\s*[:：]\s*([^\s:：|]{1,40})")
_MAX_SPAN = 1000


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """The page as text and the encoding used. UTF-8 is tried first, then the declared
    charset (GB2312/GBK declarations read as GB18030, their superset), then GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from bs4.dammit import EncodingDetector  # only its declared-charset sniffing is needed

    declared = EncodingDetector.find_declared_encoding(data[:8192], is_html=True, search_entire_document=False)
    declared = (declared or "").lower().strip()
    order = []
    if declared:
        order.append("gb18030" if declared in _GB_ALIASES else declared)
    order.append("gb18030")
    for enc in order:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableInputError(name, "html_undecodable", declared=declared or "GB18030")


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn a portal page into the shared document model."""
    budget = budget or Budget(name)
    from lxml import etree

    text, encoding = decode_html(data, name)
    # libxml2 reads bytes about twice as fast as a str; the page goes in as UTF-8 whatever
    # it was published in, and the parser is told so (a wrong <meta charset> cannot win).
    payload = data if encoding == "utf-8" else text.encode("utf-8")
    if _MARK_BYTES in payload:  # our markers must not occur in the page itself
        payload = text.translate(_UNMARK).encode("utf-8")
    parser = _html_parser()
    try:
        root = etree.fromstring(payload, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableInputError(name, "html_unparsable", detail=str(e)) from None
    _check_log(parser, name)
    if root is None:
        raise UnreadableInputError(name, "html_empty")
    meta = _head_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    try:
        out = str(_flattener()(body))
    except etree.XSLTApplyError as e:
        raise UnreadableInputError(name, "html_unparsable", detail=str(e)) from None
    blocks = _blocks(_drop_chrome(out), budget)
    notices = []
    if not any(b.kind == "table" for b in blocks):
        images = len(body.xpath(".//img"))
        chars = sum(len(f.text) for b in blocks for f in b.fragments)
        if chars < 200 and len(root.xpath("//script")) + len(data) // 4000 > 0:
            notices.append(Notice("script_shell"))
        if images:
            notices.append(Notice("image_tables", {"images": images}))
    ocr: OcrFacts | None = None
    if options.ocr and body.find(".//img") is not None:  # tables pasted as pictures
        from .ocr import read_html_images

        pictures, ocr = read_html_images(body, name, budget)
        blocks = blocks + tuple(pictures)
    _body_meta(blocks, meta)
    page = PageFacts(title=meta.get("title"), published=meta.get("published"), publisher=meta.get("publisher"),
                     index_no=meta.get("index_no"), encoding=encoding)
    return Document(format="html", blocks=blocks, page=page, ocr=ocr, notices=tuple(notices))


def _html_parser():
    from lxml import etree

    # huge_tree: a text node or attribute over 10 MB (an inline data: image) is read whole;
    # without it libxml2 stops there and the rest of the page silently vanishes. The input
    # is already bounded by Limits.max_bytes.
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True,
                            huge_tree=True)


def _check_log(parser, name: str) -> None:
    """A parser that stopped at one of libxml2's own limits has dropped the rest of the page:
    say so, never return what it read up to there as if it were the whole page."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in entry.message:
            raise ResourceLimitError(name, "html_parser_stopped", line=entry.line, detail=entry.message.strip())


# The data-table test is made inside one ``table`` template (``xsl:choose`` on ``.//table``),
# not in the match pattern: libxslt evaluates a predicate pattern like
# ``table[not(.//table)]`` in a way that is quadratic in sibling tables (20,000 tables: 100 s,
# in C, past every time check).
# The page is flattened by one XSLT pass (libxslt walks the tree in C; the same rules as a
# Python walk take 2.0x as long over the corpus pages and 3.3x on a ~100 KB portal page,
# bench/bench_tricks.py) into text with markers, read back by :func:`_blocks`:
#   TABLE … END    a data table (one holding no table); ROW starts a row, CELL a cell,
#                  followed by ``rowspan SEP colspan SEP text`` (BARE first: a cell without attributes)
#   OPEN attrs SHUT … CLOSE   an element with a class or id (or a nav/header/footer/aside),
#                  so that site chrome can be cut out by name.
# Noncharacters U+FDD1… cannot be page text (any that are get removed before parsing).
_TABLE, _ROW, _CELL, _SEP, _END, _OPEN, _SHUT, _CLOSE, _BARE = (chr(c) for c in range(0xFDD1, 0xFDDA))
_MARK_BYTES = b"\xef\xb7"  # UTF-8 lead bytes of U+FDC0–U+FDFF
_UNMARK = {c: None for c in range(0xFDD0, 0xFDF0)}
_CELL_BREAKS = "br|p|div|li|h1|h2|h3|h4|h5|h6"


def _xsl() -> str:
    def x(ch: str) -> str:
        return f"<xsl:text>&#x{ord(ch):X};</xsl:text>"
    skip = "|".join(sorted(_SKIP))
    blocks = "|".join(sorted(_BLOCK - {"tr", "td", "th"}) + ["tr", "td", "th"])
    named = f'<xsl:if test="@class or @id">{x(_OPEN)}<xsl:value-of select="@class"/> <xsl:value-of select="@id"/>{x(_SHUT)}</xsl:if>'
    close = f'<xsl:if test="@class or @id">{x(_CLOSE)}</xsl:if>'
    return f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="{skip}"/>
<xsl:template match="{skip}" mode="cell"/>
<xsl:template match="br"><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="img"><xsl:value-of select="@alt"/></xsl:template>
<xsl:template match="*">{named}<xsl:apply-templates/>{close}</xsl:template>
<xsl:template match="{blocks}">{named}<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text>{close}</xsl:template>
<xsl:template match="{'|'.join(_CHROME_TAGS)}" priority="1">{x(_OPEN)}nav{x(_SHUT)}<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text>{x(_CLOSE)}</xsl:template>
<xsl:template match="table">{named}<xsl:text>&#10;</xsl:text><xsl:choose><xsl:when test=".//table"><xsl:apply-templates/></xsl:when><xsl:otherwise>{x(_TABLE)}<xsl:for-each select="tr|thead/tr|tbody/tr|tfoot/tr">{x(_ROW)}<xsl:for-each select="td|th">{x(_CELL)}<xsl:if test="not(@*)">{x(_BARE)}</xsl:if><xsl:value-of select="@rowspan"/>{x(_SEP)}<xsl:value-of select="@colspan"/>{x(_SEP)}<xsl:apply-templates mode="cell"/></xsl:for-each></xsl:for-each>{x(_END)}</xsl:otherwise></xsl:choose><xsl:text>&#10;</xsl:text>{close}</xsl:template>
<xsl:template match="{_CELL_BREAKS}" mode="cell"><xsl:text> </xsl:text><xsl:apply-templates mode="cell"/><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>"""


_FLATTENER = None


def _flattener():
    global _FLATTENER
    if _FLATTENER is None:
        from lxml import etree

        _FLATTENER = etree.XSLT(etree.XML(_xsl()), access_control=etree.XSLTAccessControl.DENY_ALL)
    return _FLATTENER


_NAMED_RE = re.compile(f"{_OPEN}([^{_SHUT}]*){_SHUT}|{_CLOSE}")


def _drop_chrome(out: str) -> str:
    """The flattened page without elements named like site chrome, and without the
    element markers. An element named like chrome is kept when it holds an article's worth:
    a real table or long text (some CMS templates wrap the article in "main-nav-content")."""
    keep: list[str] = []
    stack: list[tuple[int, int, bool]] = []  # per open element: content start, len(keep), chrome?
    pos = 0
    for m in _NAMED_RE.finditer(out):
        keep.append(out[pos:m.start()])
        pos = m.end()
        attrs = m.group(1)
        if attrs is not None:
            stack.append((pos, len(keep), attrs == "nav" or bool(_CHROME_RE.search(attrs))))
        elif stack:
            begin, mark, chrome = stack.pop()
            if chrome and m.start() - begin <= _ARTICLE_CHARS and out.count(_CELL, begin, m.start()) < _ARTICLE_CELLS:
                del keep[mark:]
    keep.append(out[pos:])
    return "".join(keep)


def _blocks(out: str, budget: Budget) -> tuple[Block, ...]:
    """Paragraph and table blocks from the flattened page."""
    blocks: list[Block] = []
    paragraph = 0
    table = 0
    cells_seen = 0
    for k, part in enumerate(out.split(_TABLE)):
        if k:
            body, _, part = part.partition(_END)
            # Counted before the table is expanded: the limit is for the whole page.
            budget.check("cells", cells_seen + body.count(_CELL), budget.limits.max_cells, "max_cells")
            budget.tick()
            cells, n = _table_cells(body, budget)
            cells_seen += n
            if cells:
                blocks.append(Block("table", tuple(Fragment(t, Provenance.cell(table, r, c)) for r, c, t in cells)))
                table += 1
        for line in _SPACE_RE.sub(" ", part).split("\n"):
            line = line.strip()
            if line:
                blocks.append(Block("paragraph", (Fragment(line, Provenance(paragraph=paragraph)),)))
                paragraph += 1
    return tuple(blocks)


def _table_cells(body: str, budget: Budget | None = None) -> tuple[list[tuple[int, int, str]], int]:
    """Cells of one flattened table at their places in the expanded grid (each at its
    top-left position), and how many cells the markup had.

    Spans are capped against the real table: a rowspan by the rows that follow, a colspan
    by the widest row's cell count (at least 64); the grid positions a span covers in the
    rows below are counted against ``Limits.max_cells`` (times 8) before being stored.
    """
    occupied: set[tuple[int, int]] = set()
    cells: list[tuple[int, int, str]] = []
    n = 0
    rows = [row.split(_CELL)[1:] for row in body.split(_ROW)[1:]]
    widest = max(64, max((len(r) for r in rows), default=0))
    area_limit = (budget.limits.max_cells if budget else 50_000) * 8
    area = 0
    for r, row in enumerate(rows):
        c = 0
        n += len(row)
        for cell in _without_padding(row):
            rowspan, colspan, text = cell.split(_SEP, 2)
            if rowspan:
                rowspan = rowspan.lstrip(_BARE)
            while (r, c) in occupied:
                c += 1
            rs = min(_span(rowspan), len(rows) - r) if rowspan else 1
            cs = min(_span(colspan), widest) if colspan else 1
            if rs > 1:
                area += (rs - 1) * cs
                if area > area_limit and budget is not None:
                    budget.check("span_area", area, area_limit, "max_cells")
                for dr in range(1, rs):  # the cell's own row needs no record: c moves past it
                    for dc in range(cs):
                        occupied.add((r + dr, c + dc))
            # Line breaks inside a cell separate words and numbers no more than a space does. Most
            # cells (a number, a word) hold no space at all: isalnum says so without a split
            # (with the rowspan test: 0.65 -> 0.60 ms a corpus page's tables, timeit).
            cells.append((r, c, text if text.isalnum() else " ".join(text.split())))
            c += cs
    return cells, n


def _without_padding(row: list[str]) -> list[str]:
    """A row's cells without the empty, attribute-less cells a converter padded it with.

    pandoc (``-t gfm``) writes a Word-exported table whose rows lost cells as raw HTML,
    every cell with its width and style, and fills each short row up with bare ``<td></td>``
    at its end: those are not blanks the document printed, and read as such would pin the
    row's values to the first columns. A table whose cells are all bare keeps them.
    """
    end = len(row)
    while end and row[end - 1].startswith(_BARE) and not row[end - 1].rsplit(_SEP, 1)[-1].strip():
        end -= 1
    if end == len(row) or all(cell.startswith(_BARE) for cell in row[:end]):
        return row
    return row[:end]


def _text(el) -> str:
    return "".join(el.itertext())


def _head_meta(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    for m in root.iter("meta"):
        if m.get("name") is None:
            continue
        key = (m.get("name") or "").strip().lower()
        value = " ".join((m.get("content") or "").split())
        if not value:
            continue
        if key in ("articletitle", "title") and "title" not in meta:
            meta["title"] = value
        elif key in ("pubdate", "publishdate", "firstpublishedtime") and "published" not in meta:
            date = re.match(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})", value)
            if date:
                meta["published"] = f"{int(date[1]):04d}-{int(date[2]):02d}-{int(date[3]):02d}"
        elif key in ("contentsource", "source") and "publisher" not in meta:
            meta["publisher"] = value
    if "title" not in meta:
        t = next(root.iter("title"), None)
        if t is not None and _text(t).strip():
            parts = [p.strip() for p in re.split(r"\s[-_|]\s|[_|]", _text(t)) if p.strip()]
            best = next((p for p in parts if "报告" in p), parts[0] if parts else "")
            if best:
                meta["title"] = best
    return meta


def _body_meta(blocks: tuple[Block, ...], meta: dict[str, str]) -> None:
    for b in blocks[:80]:
        if b.kind != "paragraph":
            continue
        for m in _META_FIELD_RE.finditer(b.text):
            key, value = m.group(1), m.group(2)
            if key == "索引号":
                meta.setdefault("index_no", value)
            else:  # dates printed in the page's text are the metadata module's, with their place
                meta.setdefault("publisher", value)


def _span(value: str) -> int:
    # Word and CMS exports write `colspan="2;"`, `rowspan="22 "`, even `colspan="0"`.
    if not value:
        return 1
    if value.isdigit():
        return min(max(int(value), 1), _MAX_SPAN)
    m = re.match(r"\s*(\d+)", value)
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), _MAX_SPAN)
