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

from ..errors import UnreadableInputError
from ..limits import Budget
from .document import Block, Document, Fragment, Provenance
from .options import DEFAULT_OPTIONS, ReadOptions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{%s}" % W
_CHINESE_DIGITS = "零一二三四五六七八九"


def _parser():
    from lxml import etree

    # No entity expansion, no network, no DTD: a .docx never needs them.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def _part(z: zipfile.ZipFile, name: str, budget: Budget) -> bytes | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    limit = budget.limits.max_part_bytes
    budget.check("part_bytes", info.file_size, limit, "max_part_bytes", part=name)
    with z.open(info) as f:
        data = f.read(limit + 1)  # the declared size can lie: read no more than the limit
    budget.check("part_bytes", len(data), limit, "max_part_bytes", part=name)
    return data


def read(data: bytes, name: str, budget: Budget | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Turn a .docx into the shared document model."""
    from lxml import etree

    budget = budget or Budget(name)
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise UnreadableInputError(name, "docx_not_zip", detail=str(e)) from None
    with z:
        total = sum(i.file_size for i in z.infolist())
        budget.check("package_bytes", total, budget.limits.max_unpacked_bytes, "max_unpacked_bytes")
        try:
            xml = _part(z, "word/document.xml", budget)
            numbering = _part(z, "word/numbering.xml", budget)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as e:
            raise UnreadableInputError(name, "docx_corrupt", detail=str(e)) from None
        if xml is None:
            raise UnreadableInputError(name, "docx_no_document")
    # Bytes under max_part_bytes can still be millions of empty elements (a 60 MB part of
    # ``<w:p/>`` builds a 2 GB tree): count start tags before building anything.
    # Every tag opens with "<": only past the limit are end tags and the like taken off (one
    # pass over the part instead of four: 0.56 -> 0.07 ms a document, corpus/docx, best of 7).
    elements = xml.count(b"<")
    if elements > budget.limits.max_xml_elements:
        elements -= xml.count(b"</") + xml.count(b"<?") + xml.count(b"<!")
    budget.check("xml_elements", elements, budget.limits.max_xml_elements, "max_xml_elements")
    parser = _parser()
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        raise UnreadableInputError(name, "docx_bad_xml", detail=str(e)) from None
    if b"<!ENTITY" in xml[:4096]:
        raise UnreadableInputError(name, "docx_entities")
    body = root.find(_W + "body")
    if body is None:
        raise UnreadableInputError(name, "docx_no_body")
    walker = _Walker(_Numbering(numbering, parser) if numbering else None, budget)
    walker.container(body)
    return Document(format="docx", blocks=tuple(walker.blocks))


class _Numbering:
    """Just enough of numbering.xml to print list numbers as Word shows them (``一、``, ``1.``)."""

    def __init__(self, xml: bytes, parser) -> None:
        from lxml import etree

        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        # Counters by list id, then level: a paragraph touches only its own list's few levels
        # (a document of 30,000 lists, each with its own id, stays linear).
        self.counters: dict[str, dict[str, int]] = {}
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
                                                 _start(start.get(_W + "val", "1")) if start is not None else 1)
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
        levels = self.counters.setdefault(num_id, {})
        n = levels.get(ilvl, start - 1) + 1
        levels[ilvl] = n
        for lv in [lv for lv in levels if lv > ilvl]:  # a level restarts under a new parent item
            del levels[lv]
        return re.sub(r"%\d", _format(n, fmt), text) if fmt != "bullet" else ""


def _start(value: str) -> int:
    """A list's start number; Word's own range is 0..32767, anything else counts from 1."""
    return int(value) if value.isdigit() and len(value) <= 9 else 1


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    """Roman numeral computed digit by digit (never built one unit at a time); Arabic past 3999."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for v, sym in _ROMAN:
        k, n = divmod(n, v)
        out.append(sym * k)
    return "".join(out)


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt in ("japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        out = _roman(n)
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


_EVENT_TAGS = [_W + t for t in ("p", "t", "tab", "br", "cr", "tbl", "tr", "tc", "txbxContent", "del", "moveFrom")] \
    + ["{%s}Fallback" % MC]
_SKIPPED = {_W + "del", _W + "moveFrom", "{%s}Fallback" % MC}  # deleted text, and the copy behind mc:Choice


# Tag and attribute names, made once: the walk compares every event's tag with them.
_P = _W + "p"
_T = _W + "t"
_TAB = _W + "tab"
_TABS = _W + "tabs"
_BR = _W + "br"
_CR = _W + "cr"
_TBL = _W + "tbl"
_TR = _W + "tr"
_TC = _W + "tc"
_TXBX = _W + "txbxContent"
_PPR = _W + "pPr"
_NUMPR = _W + "numPr"
_ILVL = _W + "ilvl"
_NUMID = _W + "numId"
_VAL = _W + "val"
_TCPR = _W + "tcPr"
_GRIDSPAN = _W + "gridSpan"
_VMERGE = _W + "vMerge"


class _Table:
    """A data table being read: its cells at their expanded-grid positions."""

    def __init__(self, index: int | None) -> None:
        self.index = index  # None for a layout table
        self.row = -1
        self.col = 0
        self.frags: list[Fragment] = []
        self.cell: list[str] | None = None
        self.cell_at = (0, 0)


class _Walker:
    """One pass over document.xml's events: paragraphs and tables in reading order."""

    def __init__(self, numbering: _Numbering | None, budget: Budget) -> None:
        self.numbering = numbering
        self.budget = budget
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.table = 0
        self.cells = 0  # every table's cells: the limit is per document, not per table
        self.numbered: dict = {}  # paragraph → its list properties (w:numPr)

    def container(self, body) -> None:
        from lxml import etree

        tables: list[_Table] = []
        props = _cell_props_of(body, self.budget.limits.max_cells)
        self.numbered = numbered = _numbered(body) if self.numbering is not None else {}
        skip = 0
        seen = 0  # paragraphs started, for the budget's clock
        # Paragraph text buffers; a text box opens a new one and is emitted after its anchor.
        paras: list[list[str]] = []
        pending: list[list[Block]] = [[]]
        for event, el in etree.iterwalk(body, events=("start", "end"), tag=_EVENT_TAGS):
            tag = el.tag
            # A run's text: the most frequent event, with nothing to do at its end, handled
            # first (the walk 4.6 ms a document against 5.1, corpus/docx, best of 25).
            if tag == _T:
                if event == "start" and not skip and paras:
                    paras[-1].append(el.text or "")
                continue
            if tag in _SKIPPED:
                skip += 1 if event == "start" else -1
                continue
            if skip:
                continue
            if event == "start":
                if tag == _P:
                    seen += 1
                    if not seen & 0x3FF:
                        self.budget.tick()
                    paras.append([self._number(el) if el in numbered else ""])
                elif tag == _TAB:
                    if paras and el.getparent().tag != _TABS:
                        paras[-1].append("\t")
                elif tag in (_BR, _CR):
                    if paras:
                        paras[-1].append("\n")
                elif tag == _TBL:
                    layout = next(el.iterdescendants(_TBL), None) is not None
                    tables.append(_Table(None if layout else self.table))
                    if not layout:
                        self.table += 1
                elif tag == _TR and tables:
                    tables[-1].row += 1
                    tables[-1].col = 0
                elif tag == _TC and tables:
                    self.cells += 1  # layout tables' cells cost as much as data tables'
                    if self.cells > self.budget.limits.max_cells:
                        self.budget.check("cells", self.cells, self.budget.limits.max_cells,
                                          "max_cells")
                    if not self.cells & 0xFF:
                        self.budget.tick()
                    data = tables[-1] if tables[-1].index is not None else None
                    if data is None:
                        continue
                    span, merge = props.get(el, (1, None)) if props is not None else _cell_props(el)
                    if merge == "continue":
                        data.cell = None
                    else:
                        data.cell = []
                        data.cell_at = (data.row, data.col)
                    data.col += span
                elif tag == _TXBX:
                    pending.append([])
                continue
            # end events
            data = tables[-1] if tables and tables[-1].index is not None else None
            if tag == _P:
                text = "".join(paras.pop())
                # A cell's own paragraph (not one in a text box opened inside it) joins the cell.
                if data is not None and data.cell is not None and not paras:
                    data.cell.append(text)
                elif text.strip():
                    pending[-1].append(Block("paragraph", (Fragment(text.strip(), Provenance(paragraph=self.paragraph)),)))
                    self.paragraph += 1
                else:
                    self.paragraph += 1
                if len(pending) == 1 and not tables:
                    self._emit(pending)
            elif tag == _TC and data is not None:
                if data.cell is not None:
                    cell = data.cell
                    if len(cell) == 1 and "\n" not in cell[0]:  # one line: 6.8 -> 6.7 ms a docx read
                        text = cell[0].strip()
                    else:
                        text = "\n".join(ln.strip() for ln in "\n".join(cell).split("\n") if ln.strip())
                    data.frags.append(Fragment(text, Provenance(table=data.index, row=data.cell_at[0],
                                                                col=data.cell_at[1])))
                data.cell = None
            elif tag == _TBL and tables:
                done = tables.pop()
                if done.index is not None and done.frags:
                    pending[-1].append(Block("table", tuple(done.frags)))
                if len(pending) == 1 and not tables:
                    self._emit(pending)
            elif tag == _TXBX:
                box = pending.pop()
                pending[-1].extend(box)
        self._emit(pending)

    def _emit(self, pending: list[list[Block]]) -> None:
        self.blocks.extend(pending[0])
        pending[0] = []

    def _number(self, p) -> str:
        num = self.numbered.get(p)
        if num is None:
            return ""
        ilvl = num.find(_ILVL)
        num_id = num.find(_NUMID)
        if num_id is None:
            return ""
        return self.numbering.label(num_id.get(_VAL, ""), ilvl.get(_VAL, "0") if ilvl is not None else "0")


def _child(el, tag: str):
    # Property elements come first and are few; a plain scan beats find()'s path parsing.
    for child in el:
        if child.tag == tag:
            return child
    return None


# A cell's and a paragraph's properties, found for the whole body in one pass over the tags
# that matter instead of a scan of every cell's and paragraph's property children (the walk
# 4.3 -> 3.5 ms a document, corpus/docx, best of 7).
def _owned(el, pr_tag: str, owner_tag: str):
    """The ``owner_tag`` element whose first child, a ``pr_tag``, holds ``el``; else None."""
    pr = el.getparent()
    owner = pr.getparent() if pr is not None and pr.tag == pr_tag else None
    return owner if owner is not None and owner.tag == owner_tag and owner[0] is pr else None


def _numbered(body) -> dict:
    """Each paragraph with list properties → its first w:numPr (as ``_child(p[0], numPr)``)."""
    out: dict = {}
    for num in body.iter(_NUMPR):
        p = _owned(num, _PPR, _P)
        if p is not None:
            out.setdefault(p, num)
    return out


def _cell_props_of(body, most: int) -> dict | None:
    """Each cell with a span or merge → (span, merge) as :func:`_cell_props` gives them; None
    past ``most`` such cells (more than a document may hold: the walk reads them one by one)."""
    found: dict = {}
    for el in body.iter(_GRIDSPAN, _VMERGE):
        tc = _owned(el, _TCPR, _TC)
        if tc is None:
            continue
        got = found.setdefault(tc, [None, None])
        k = 0 if el.tag == _GRIDSPAN else 1
        if got[k] is None:
            got[k] = el
        if len(found) > most:
            return None
    return {tc: _props(gs, vm) for tc, (gs, vm) in found.items()}


def _cell_props(tc) -> tuple[int, str | None]:
    pr = tc[0] if len(tc) and tc[0].tag == _TCPR else None
    if pr is None:
        return 1, None
    return _props(_child(pr, _GRIDSPAN), _child(pr, _VMERGE))


def _props(gs, vm) -> tuple[int, str | None]:
    """A cell's span and merge from its w:gridSpan and w:vMerge (either may be None)."""
    span = 1
    if gs is not None:
        try:
            span = max(1, min(int(gs.get(_VAL, "1")), 1000))
        except ValueError:
            span = 1
    return span, (vm.get(_VAL, "continue") if vm is not None else None)
