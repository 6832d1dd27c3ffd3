"""Word documents (.docx): the package's XML walked directly with lxml.

python-docx's ``row.cells`` repeats a merged cell once per grid column and skips
content controls; walking ``w:tc`` ourselves expands ``gridSpan``/``vMerge`` once and
sees everything a reader sees: content controls (``w:sdt``), tracked insertions (kept)
and deletions (dropped), hyperlinks, fields, text boxes, and list numbers.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import ResourceLimitError, UnreadableInputError
from ..model import Block, Document, Fragment, Provenance

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{%s}" % W
MAX_PART_BYTES = 64 * 1024 * 1024  # a document.xml larger than this is a zip bomb, not a report
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# Elements whose text is not part of the visible document.
_SKIP = {_W + t for t in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr", "tblPr", "trPr", "tcPr",
                          "sectPr", "commentRangeStart", "commentRangeEnd", "footnoteReference",
                          "endnoteReference", "drawing", "object", "pict")}
_CHINESE_DIGITS = "零一二三四五六七八九"


def _parser():
    from lxml import etree

    # No entity expansion, no network, no DTD: a .docx never needs them.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def _part(z: zipfile.ZipFile, name: str, label: str) -> bytes | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ResourceLimitError(label, f"{name} would unpack to {info.file_size} bytes; the limit is {MAX_PART_BYTES}")
    with z.open(info) as f:
        data = f.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise ResourceLimitError(label, f"{name} unpacks to more than {MAX_PART_BYTES} bytes")
    return data


def read(data: bytes, name: str) -> Document:
    """Turn a .docx into the shared document model."""
    from lxml import etree

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise UnreadableInputError(name, f"not a readable .docx (zip): {e}") from None
    with z:
        total = sum(i.file_size for i in z.infolist())
        if total > MAX_TOTAL_BYTES:
            raise ResourceLimitError(name, f"the package would unpack to {total} bytes; the limit is {MAX_TOTAL_BYTES}")
        try:
            xml = _part(z, "word/document.xml", name)
            numbering = _part(z, "word/numbering.xml", name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as e:
            raise UnreadableInputError(name, f"corrupt .docx package: {e}") from None
        if xml is None:
            raise UnreadableInputError(name, "a zip file without word/document.xml is not a Word document")
    parser = _parser()
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        raise UnreadableInputError(name, f"word/document.xml is not well-formed XML: {e}") from None
    if b"<!ENTITY" in xml[:4096]:
        raise UnreadableInputError(name, "word/document.xml declares XML entities; refused")
    body = root.find(_W + "body")
    if body is None:
        raise UnreadableInputError(name, "word/document.xml has no body")
    walker = _Walker(_Numbering(numbering, parser) if numbering else None)
    walker.container(body)
    return Document(format="docx", blocks=tuple(walker.blocks))


class _Numbering:
    """Just enough of numbering.xml to print list numbers as Word shows them (``一、``, ``1.``)."""

    def __init__(self, xml: bytes, parser) -> None:
        from lxml import etree

        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            root = etree.fromstring(xml, parser)
        except etree.XMLSyntaxError:
            return
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for a in root.iter(_W + "abstractNum"):
            lv = {}
            for lvl in a.iter(_W + "lvl"):
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                lv[lvl.get(_W + "ilvl", "0")] = (fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                                                 text.get(_W + "val", "") if text is not None else "",
                                                 int(start.get(_W + "val", "1")) if start is not None else 1)
            abstract[a.get(_W + "abstractNumId", "")] = lv
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                for ilvl, spec in abstract.get(ref.get(_W + "val", ""), {}).items():
                    self.levels[(num.get(_W + "numId", ""), ilvl)] = spec

    def label(self, num_id: str, ilvl: str) -> str:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, text, start = spec
        key = (num_id, ilvl)
        n = self.counters.get(key, start - 1) + 1
        self.counters[key] = n
        for (nid, lv) in list(self.counters):
            if nid == num_id and lv > ilvl:
                del self.counters[(nid, lv)]
        return re.sub(r"%\d", _format(n, fmt), text) if fmt != "bullet" else ""


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt in ("japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, k = "", n
        for v, sym in vals:
            while k >= v:
                out, k = out + sym, k - v
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


def _chinese(n: int) -> str:
    if n < 10:
        return _CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (_CHINESE_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CHINESE_DIGITS[n // 10] + "十" + (_CHINESE_DIGITS[n % 10] if n % 10 else "")
    return str(n)


class _Walker:
    """Paragraphs and tables of the body in reading order."""

    def __init__(self, numbering: _Numbering | None) -> None:
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.table = 0

    def container(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == _W + "p":
                self.add_paragraph(child)
            elif tag == _W + "tbl":
                self.add_table(child)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.container(content)
            elif tag in (_W + "customXml", _W + "ins", _W + "smartTag"):
                self.container(child)

    def add_paragraph(self, p) -> None:
        boxes: list = []
        text = self.paragraph_text(p, boxes)
        if text.strip():
            self.blocks.append(Block("paragraph", (Fragment(text.strip(), Provenance(paragraph=self.paragraph)),)))
        self.paragraph += 1
        for box in boxes:
            self.container(box)

    def paragraph_text(self, p, boxes: list) -> str:
        parts: list[str] = []
        num = p.find(f"{_W}pPr/{_W}numPr")
        if num is not None and self.numbering is not None:
            ilvl = num.find(_W + "ilvl")
            num_id = num.find(_W + "numId")
            if num_id is not None:
                parts.append(self.numbering.label(num_id.get(_W + "val", ""),
                                                  ilvl.get(_W + "val", "0") if ilvl is not None else "0"))
        self.runs(p, parts, boxes)
        return "".join(parts)

    def runs(self, el, parts: list[str], boxes: list) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == "{%s}AlternateContent" % MC:
                choice = child.find("{%s}Choice" % MC)
                if choice is None:
                    choice = child.find("{%s}Fallback" % MC)
                if choice is not None:
                    self.runs(choice, parts, boxes)
            elif tag == _W + "txbxContent":
                boxes.append(child)  # a text box reads as paragraphs of its own, after its anchor
            else:
                self.runs(child, parts, boxes)

    def add_table(self, tbl) -> None:
        rows = [tr for tr in self._rows(tbl)]
        # A table that holds tables is page layout: read its cells as containers.
        if any(tc.find(f".//{_W}tbl") is not None for tr in rows for tc in self._cells(tr)):
            for tr in rows:
                for tc in self._cells(tr):
                    self.container(tc)
            return
        frags: list[Fragment] = []
        index = self.table
        self.table += 1
        for r, tr in enumerate(rows):
            c = 0
            for tc in self._cells(tr):
                pr = tc.find(_W + "tcPr")
                span = 1
                merge = None
                if pr is not None:
                    gs = pr.find(_W + "gridSpan")
                    if gs is not None:
                        try:
                            span = max(1, min(int(gs.get(_W + "val", "1")), 1000))
                        except ValueError:
                            span = 1
                    vm = pr.find(_W + "vMerge")
                    if vm is not None:
                        merge = vm.get(_W + "val", "continue")
                if merge != "continue":
                    lines = []
                    boxes: list = []
                    for p in tc.iter(_W + "p"):
                        t = self.paragraph_text(p, boxes).strip()
                        if t:
                            lines.append(t)
                    frags.append(Fragment("\n".join(lines), Provenance(table=index, row=r, col=c)))
                c += span
        if frags:
            self.blocks.append(Block("table", tuple(frags)))

    @staticmethod
    def _rows(tbl):
        for child in tbl:
            if child.tag == _W + "tr":
                yield child
            elif child.tag in (_W + "sdt", _W + "customXml", _W + "ins"):
                content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                if content is not None:
                    yield from (tr for tr in content.iter(_W + "tr"))

    @staticmethod
    def _cells(tr):
        for child in tr:
            if child.tag == _W + "tc":
                yield child
            elif child.tag in (_W + "sdt", _W + "customXml"):
                content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                if content is not None:
                    yield from (tc for tc in content if tc.tag == _W + "tc")
