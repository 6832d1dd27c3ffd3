"""Portal HTML pages: decoded first, parsed with lxml, site chrome dropped, tables expanded.

Paragraph text becomes paragraph blocks; each data table becomes one table block whose
cells (rowspan/colspan expanded once, each cell emitted at its top-left position) carry
their (table, row, col) in the expanded grid. Layout tables (tables holding tables) are
walked through as ordinary containers.
"""
from __future__ import annotations

import codecs
import re

from ..errors import UnreadableInputError
from ..limits import Budget
from ..model import Block, Document, Fragment, Provenance

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
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b\ufeff]+")
_META_FIELD_RE = re.compile(r"(索引号|发布机构|发文机关|发布单位|来源|发布日期|发文日期|成文日期|发布时间)\s*[:：]\s*([^\s:：|]{1,40})")
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
    from bs4.dammit import EncodingDetector  # only its declared-charset sniffing is needed

    declared = EncodingDetector.find_declared_encoding(data[:8192], is_html=True, search_entire_document=False)
    declared = (declared or "").lower().strip()
    order = ["utf-8"]
    if declared:
        order.append("gb18030" if declared in _GB_ALIASES else declared)
    order.append("gb18030")
    for enc in order:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableInputError(name, f"HTML is neither UTF-8 nor {declared or 'GB18030'} (declared: {declared or 'none'})")


def read(data: bytes, name: str, budget: Budget | None = None) -> Document:
    """Turn a portal page into the shared document model."""
    budget = budget or Budget(name)
    from lxml import etree

    text, encoding = decode_html(data, name)
    text = _XML_DECL_RE.sub("", text, count=1)
    try:
        # Plain etree elements: lxml.html's element classes cost a lookup per node.
        root = etree.fromstring(text, _html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableInputError(name, f"HTML cannot be parsed: {e}") from None
    if root is None:
        raise UnreadableInputError(name, "HTML holds no elements")
    meta = _head_meta(root)
    etree.strip_elements(root, etree.Comment, "script", "style", "noscript", "template", with_tail=False)
    _drop_chrome(root)
    _mark_breaks(root)
    body = root.find("body")
    if body is None:
        body = root
    walker = _Walker(budget)
    try:
        walker.walk(body)
    except RecursionError:
        raise UnreadableInputError(name, "HTML nested too deeply to read") from None
    walker.flush()
    blocks = tuple(walker.blocks)
    warnings = []
    if not any(b.kind == "table" for b in blocks):
        images = len(body.xpath(".//img"))
        chars = sum(len(f.text) for b in blocks for f in b.fragments)
        if chars < 200 and len(root.xpath("//script")) + len(data) // 4000 > 0:
            warnings.append("the page holds almost no text (a JavaScript shell?)")
        if images:
            warnings.append(f"the page has no tables but {images} image(s); the tables may be images")
    _body_meta(blocks, meta)
    meta["encoding"] = encoding
    return Document(format="html", blocks=blocks, meta=meta, warnings=tuple(warnings))


def _html_parser():
    from lxml import etree

    return etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)


def _mark_breaks(root) -> None:
    """Line breaks as text: after <br>, around block elements, so that ``itertext`` keeps them."""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")


def _text(el) -> str:
    return "".join(el.itertext())


def _head_meta(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    for m in root.xpath("//meta[@name][@content]"):
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
        t = root.find(".//title")
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
            elif key in ("发布机构", "发文机关", "发布单位", "来源"):
                meta.setdefault("publisher", value)
            else:
                date = re.match(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})", value)
                if date:
                    meta.setdefault("published", f"{int(date[1]):04d}-{int(date[2]):02d}-{int(date[3]):02d}")


def _drop_chrome(root) -> None:
    # Attribute strings only: materialising an element proxy for every node costs more.
    doomed = list(root.iter(*_CHROME_TAGS))
    doomed += [attr.getparent() for attr in root.xpath("//@class | //@id") if _CHROME_RE.search(attr)]
    for el in doomed:
        if el.getparent() is None:
            continue
        if len(_text(el)) > _ARTICLE_CHARS or len(el.xpath(".//td|.//th")) >= _ARTICLE_CELLS:
            continue
        tail = el.tail
        parent = el.getparent()
        parent.remove(el)
        if tail and tail.strip():
            prev = parent.text or ""
            parent.text = prev + tail


def _span(value: str | None) -> int:
    # Word and CMS exports write `colspan="2;"`, `rowspan="22 "`, even `colspan="0"`.
    if value is None:
        return 1
    if value.isdigit():
        return min(max(int(value), 1), _MAX_SPAN)
    m = re.match(r"\s*(\d+)", value)
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), _MAX_SPAN)


class _Walker:
    """Collects paragraph lines and data tables in document order."""

    def __init__(self, budget: Budget) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.paragraph = 0
        self.table = 0
        self.budget = budget
        self.cells = 0

    def flush(self) -> None:
        text = _SPACE_RE.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text:
            for part in text.split("\n"):
                part = part.strip()
                if part:
                    self.blocks.append(Block("paragraph", (Fragment(part, Provenance(paragraph=self.paragraph)),)))
                    self.paragraph += 1

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "table":
            self.flush()
            if el.xpath(".//table"):
                for cell in _rows_cells(el):
                    self.walk_children(cell)
                    self.flush()
            else:
                self.data_table(el)
            return
        if tag == "br":
            self.line.append("\n")
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if tag == "img":
            alt = (el.get("alt") or "").strip()
            if alt:
                self.line.append(alt)
        self.walk_children(el)
        if block:
            self.flush()

    def walk_children(self, el) -> None:
        if el.text:
            self.line.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.line.append(child.tail)

    def data_table(self, table) -> None:
        occupied: set[tuple[int, int]] = set()
        cells: list[tuple[int, int, str]] = []
        for r, tr in enumerate(_rows(table)):
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while (r, c) in occupied:
                    c += 1
                rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
                for dr in range(rs):
                    for dc in range(cs):
                        occupied.add((r + dr, c + dc))
                cells.append((r, c, _cell_text(td)))
                c += cs
            self.cells += len(tr)
            self.budget.check("table cells", self.cells, self.budget.limits.max_cells, "max_cells")
            self.budget.tick()
        if not cells:
            return
        index = self.table
        self.table += 1
        frags = tuple(Fragment(text, Provenance.cell(index, r, c)) for r, c, text in cells)
        self.blocks.append(Block("table", frags))


def _rows(table) -> list:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def _rows_cells(table) -> list:
    return [td for tr in _rows(table) for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]


def _cell_text(td) -> str:
    # Line breaks inside a cell separate words and numbers no more than a space does.
    return " ".join(_text(td).split())
