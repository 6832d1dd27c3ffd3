"""Word (.docx) renderings of a filled report, on the official form's real merged-cell structure.

The three tables follow the blank national form as published in Word (政务公开年报模版.docx,
国办公开办函〔2021〕30号): its ``w:tblGrid`` widths, every ``w:gridSpan`` and ``w:vMerge``,
the header texts and the way labels break inside their cells (``商业`` / ``企业`` as two
paragraphs, ``结果<w:br/>纠正``). That structure is encoded below (``_requests_regions``,
``_appeals_regions``, ``_proactive_regions``), so nothing outside the package is read. The
2019 form (国办公开办函〔2019〕60号) gets the analogous structure: five blocks in table 二
(label column plus six grid units, so three-value blocks span 2 and two-value blocks span 3),
and a single （六）其他处理 row in table 三.

Each keyword option of :func:`render_docx` reproduces a trap of real files: merged versus
repeated label cells, text split over runs and paragraphs, bookmarks, hyperlinks, fields and
comments, content controls (``w:sdt``, skipped by python-docx), tracked changes (``w:ins`` /
``w:del``), a table split in two, a layout table around the whole report, headings as list
numbers or in a text box, and zero cells left empty.
"""
from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Collection, Mapping, Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, Twips
from docx.text.run import Run

from gipextract.templates import Template
from .forms import form_of
from .layout import CellRef, Grid, show

__all__ = ["CONTENT_CONTROLS", "HEADING_STYLES", "MERGE_MODES", "SPLIT_STYLES", "FormTable", "Region", "form_tables",
           "render_docx"]

MERGE_MODES = ("merged", "repeated", "random")
HEADING_STYLES = ("plain", "numbered", "textbox")
SPLIT_STYLES = ("paragraph", "page")
CONTENT_CONTROLS = ("table", "cells", "rows")

FONT = "宋体"
CELL_SIZE = 20  # half-points: 10 pt in the tables, as in the form
BODY_SIZE = 24
TITLE_SIZE = 36
AUTHOR = "办公室"
REVISION_DATE = "2023-01-10T09:00:00Z"
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
PAGE_W, PAGE_H, MARGIN_TB, MARGIN_LR = 11906, 16838, 1440, 1800  # A4, as the form

# ---------------------------------------------------------------------------------------------
# The form's structure (derived from the blank Word form; see module docstring).

CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUEST_TOP = "三、本年度办理结果"
# Column headers of table 三 as the Word form breaks them: a tuple is one cell's paragraphs.
REQUEST_HEADS = (("商业", "企业"), ("科研", "机构"), ("社会公益组织",), ("法律服务机构",), ("其他",))
# Table 四: "\n" is a ``w:br`` inside the paragraph, as in the form.
APPEAL_OUTCOMES_TOP = ("结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计")
APPEAL_OUTCOMES_SUB = ("结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计")

PROACTIVE_WIDTHS = {"2021": (2435, 2435, 2435, 2435),
                    "2019": (2435, 1218, 1217, 1218, 1217, 1218, 1217)}
REQUEST_WIDTHS = (754, 921, 3271) + (685,) * 7
APPEAL_WIDTHS = (649,) * 7 + (650,) * 8
CAPTION_FILL = "C6D9F1"

# Rows of table 三 whose label spans the three label columns, or the two inner ones.
REQUEST_WIDE = ("new_received", "carried_over", "carried_forward")


@dataclass(frozen=True)
class Region:
    """One cell of the printed form as a rectangle of the table grid.

    ``paras`` are a label cell's paragraphs ("\\n" inside one is a line break); ``ref`` marks
    a value cell. ``role`` picks the formatting: caption, head, label, note or value.
    """

    row: int
    col: int
    height: int
    width: int
    paras: tuple[str, ...] = ()
    ref: CellRef | None = None
    role: str = "label"


@dataclass(frozen=True)
class FormTable:
    """A table of the form: grid widths, physical row count, regions, data row per row."""

    key: str
    widths: tuple[int, ...]
    nrows: int
    regions: tuple[Region, ...]
    row_keys: tuple[str | None, ...]


def _proactive_regions(template: Template, labels: Mapping[str, str]) -> FormTable:
    pro = template.table("proactive")
    widths = PROACTIVE_WIDTHS[template.id]
    units = len(widths) - 1
    regions: list[Region] = []
    keys: list[str | None] = []
    r = 0
    last_group = None
    for row in pro.rows:
        span = units // len(row.columns)
        if row.group != last_group:
            regions.append(Region(r, 0, 1, len(widths), (_lab(row.group or "", labels),), role="caption"))
            keys.append(None)
            r += 1
            regions.append(Region(r, 0, 1, 1, (_lab("信息内容", labels),), role="head"))
            for i, c in enumerate(row.columns):
                regions.append(Region(r, 1 + i * span, 1, span, (_lab(pro.column(c).label, labels),), role="head"))
            keys.append(None)
            r += 1
            last_group = row.group
        regions.append(Region(r, 0, 1, 1, (_lab(row.label or "", labels),)))
        for i, c in enumerate(row.columns):
            regions.append(Region(r, 1 + i * span, 1, span, ref=("proactive", row.key, c), role="value"))
        keys.append(row.key)
        r += 1
    return FormTable("proactive", widths, r, tuple(regions), tuple(keys))


def _requests_regions(template: Template, labels: Mapping[str, str]) -> FormTable:
    req = template.table("requests")
    regions = [Region(0, 0, 3, 3, (_lab(CORNER_NOTE, labels),), role="note"),
               Region(0, 3, 1, 7, (_lab("申请人情况", labels),), role="head"),
               Region(1, 3, 2, 1, (_lab("自然人", labels),), role="head"),
               Region(1, 4, 1, 5, (_lab("法人或其他组织", labels),), role="head"),
               Region(1, 9, 2, 1, (_lab("总计", labels),), role="head")]
    for i, paras in enumerate(REQUEST_HEADS):
        regions.append(Region(2, 4 + i, 1, 1, tuple(_lab(p, labels) for p in paras), role="head"))
    keys: list[str | None] = [None, None, None]
    rows = list(req.rows)
    first = 3
    result_rows = [i for i, r in enumerate(rows) if r.key not in REQUEST_WIDE]
    top_start, top_end = result_rows[0], result_rows[-1]
    regions.append(Region(first + top_start, 0, top_end - top_start + 1, 1, (_lab(REQUEST_TOP, labels),)))
    i = 0
    while i < len(rows):
        row = rows[i]
        r = first + i
        if row.group:
            n = 1
            while i + n < len(rows) and rows[i + n].group == row.group:
                n += 1
            regions.append(Region(r, 1, n, 1, (_lab(row.group, labels),)))
            for k in range(n):
                regions.append(Region(r + k, 2, 1, 1, (_lab(rows[i + k].label or "", labels),)))
            group_rows = rows[i:i + n]
        else:
            if row.key in REQUEST_WIDE:
                regions.append(Region(r, 0, 1, 3, (_lab(row.label or "", labels),)))
            else:
                regions.append(Region(r, 1, 1, 2, (_lab(row.label or "", labels),)))
            group_rows = [row]
        for k, gr in enumerate(group_rows):
            for j, c in enumerate(gr.columns):
                regions.append(Region(r + k, 3 + j, 1, 1, ref=("requests", gr.key, c), role="value"))
            keys.append(gr.key)
        i += len(group_rows)
    return FormTable("requests", REQUEST_WIDTHS, first + len(rows), tuple(regions), tuple(keys))


def _appeals_regions(template: Template, labels: Mapping[str, str]) -> FormTable:
    app = template.table("appeals")
    regions = [Region(0, 0, 1, 5, (_lab("行政复议", labels),), role="head"),
               Region(0, 5, 1, 10, (_lab("行政诉讼", labels),), role="head")]
    for i, t in enumerate(APPEAL_OUTCOMES_TOP):
        regions.append(Region(1, i, 2, 1, (_lab(t, labels),), role="head"))
    regions.append(Region(1, 5, 1, 5, (_lab("未经复议直接起诉", labels),), role="head"))
    regions.append(Region(1, 10, 1, 5, (_lab("复议后起诉", labels),), role="head"))
    for g in range(2):
        for i, t in enumerate(APPEAL_OUTCOMES_SUB):
            regions.append(Region(2, 5 + 5 * g + i, 1, 1, (_lab(t, labels),), role="head"))
    for i, c in enumerate(app.columns):
        regions.append(Region(3, i, 1, 1, ref=("appeals", "all", c.key), role="value"))
    return FormTable("appeals", APPEAL_WIDTHS, 4, tuple(regions), (None, None, None, "all"))


def form_tables(template: Template, labels: Mapping[str, str] | None = None) -> tuple[FormTable, ...]:
    """The three tables of ``template`` as grid regions (``labels`` replaces label texts)."""
    labels = labels or {}
    template = form_of(template)
    return (_proactive_regions(template, labels), _requests_regions(template, labels),
            _appeals_regions(template, labels))


def _lab(text: str, labels: Mapping[str, str]) -> str:
    return labels.get(text, text)


# ---------------------------------------------------------------------------------------------
# Small OOXML helpers.

def _el(tag: str, attrs: Mapping[str, object] | None = None, *children) -> BaseOxmlElement:
    e = OxmlElement(tag)
    for k, v in (attrs or {}).items():
        e.set(qn(k), str(v))
    for c in children:
        e.append(c)
    return e


def _rpr(size: int = CELL_SIZE, bold: bool = False, font: str = FONT, color: str | None = None,
         underline: bool = False, lang: bool = False) -> BaseOxmlElement:
    """Run properties in schema order (rFonts, b, bCs, color, sz, szCs, u, lang)."""
    rpr = _el("w:rPr", None, _el("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:eastAsia": font,
                                             "w:cs": font, "w:hint": "eastAsia"}))
    if bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if color:
        rpr.append(_el("w:color", {"w:val": color}))
    rpr.append(_el("w:sz", {"w:val": size}))
    rpr.append(_el("w:szCs", {"w:val": size}))
    if underline:
        rpr.append(_el("w:u", {"w:val": "single"}))
    if lang:
        rpr.append(_el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN"}))
    return rpr


def _run(text: str, size: int = CELL_SIZE, bold: bool = False, deleted: bool = False,
         rsid: str | None = None, lang: bool = False, link: bool = False) -> BaseOxmlElement:
    """A ``w:r``; "\\n" in ``text`` becomes ``w:br``; ``deleted`` writes ``w:delText``."""
    r = _el("w:r", {"w:rsidR": rsid} if rsid else None)
    r.append(_rpr(size, bold, color="0563C1" if link else None, underline=link, lang=lang))
    for k, part in enumerate(text.split("\n")):
        if k:
            r.append(_el("w:br"))
        if part:
            t = _el("w:delText" if deleted else "w:t", None)
            t.text = part
            if part != part.strip():
                t.set(qn("xml:space"), "preserve")
            r.append(t)
    return r


def _ppr(jc: str = "center", first_line: int | None = None, num: tuple[int, int] | None = None,
         keep_next: bool = False) -> BaseOxmlElement:
    ppr = _el("w:pPr")
    if keep_next:
        ppr.append(_el("w:keepNext"))
    if num is not None:
        ppr.append(_el("w:numPr", None, _el("w:ilvl", {"w:val": num[0]}), _el("w:numId", {"w:val": num[1]})))
    ppr.append(_el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 240, "w:lineRule": "auto"}))
    if first_line is not None:
        ppr.append(_el("w:ind", {"w:left": 0, "w:firstLine": first_line}))
    ppr.append(_el("w:jc", {"w:val": jc}))
    return ppr


def _split_points(text: str, rng: random.Random, pieces: int) -> list[str]:
    """``text`` cut into up to ``pieces`` non-empty parts at random places."""
    if len(text) < 2 or pieces < 2:
        return [text]
    cuts = sorted(rng.sample(range(1, len(text)), min(pieces - 1, len(text) - 1)))
    out, last = [], 0
    for c in cuts + [len(text)]:
        out.append(text[last:c])
        last = c
    return out


_NO_END = "（(“\"《〔[0123456789"
_NO_START = "）)”\"》〕]、，,：:。.；;0123456789"


def _line_breaks(text: str) -> list[int]:
    """Where a clerk could break ``text`` over two lines: at least two characters on each side,
    never inside a bracket pair's edge, after an opening bracket or inside a number."""
    if len(text) < 6 or "\n" in text:
        return []
    return [i for i in range(2, len(text) - 1)
            if text[i - 1] not in _NO_END and text[i] not in _NO_START]


# ---------------------------------------------------------------------------------------------

class _Builder:
    """Builds one document; holds the options, the random source and running ids."""

    def __init__(self, template: Template, grid: Grid, opts: dict, log: list[str] | None) -> None:
        self.t = form_of(template)  # the writers' own layout, not the parser's template
        self.grid = grid
        self.o = opts
        self.rng = random.Random(opts["seed"])
        self.log = log if log is not None else []
        self.next_id = 1
        self.doc = Document()
        self.body = self.doc.element.body
        self.comment_runs: list[tuple[Run, str]] = []
        self.go_back_done = False
        self.num_id: int | None = None

    # -- ids and logging ------------------------------------------------------------------
    def nid(self) -> int:
        self.next_id += 1
        return self.next_id

    def note(self, msg: str) -> None:
        self.log.append(msg)

    # -- document skeleton ----------------------------------------------------------------
    def setup(self) -> None:
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Twips(PAGE_W), Twips(PAGE_H)
        sec.top_margin = sec.bottom_margin = Twips(MARGIN_TB)
        sec.left_margin = sec.right_margin = Twips(MARGIN_LR)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_SIZE / 2)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        cp = self.doc.core_properties
        cp.author = AUTHOR
        cp.last_modified_by = AUTHOR
        cp.title = self.o["title"]
        cp.comments = ""
        cp.created = cp.modified = FIXED_TIME
        cp.revision = 1

    def append(self, el) -> None:
        sect = self.body.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(el)
        else:
            self.body.append(el)

    # -- prose ----------------------------------------------------------------------------
    def para(self, text: str = "", *, jc: str = "both", size: int = BODY_SIZE, bold: bool = False,
             first_line: int | None = 480) -> BaseOxmlElement:
        p = _el("w:p", None, _ppr(jc, first_line))
        if text:
            p.append(_run(text, size, bold))
        self.append(p)
        return p

    def heading(self, number: str, text: str) -> None:
        style = self.o["headings"]
        if style == "numbered":
            if self.num_id is None:
                self.num_id = self._numbering()
            body = text.split("、", 1)[1]
            p = _el("w:p", None, _ppr("both", None, (0, self.num_id), keep_next=True), _run(body, BODY_SIZE, True))
            self.append(p)
            return
        if style == "textbox" and number == self.o["textbox_heading"]:
            p = _el("w:p", None, _ppr("left", None))
            p.append(self._textbox(text))
            self.append(p)
            self.note(f"heading {text} inside a text box (w:txbxContent, DrawingML with VML fallback)")
            return
        p = _el("w:p", None, _ppr("both", 480, keep_next=True), _run(text, BODY_SIZE, True))
        self.append(p)

    def _numbering(self) -> int:
        numbering = self.doc.part.numbering_part.element
        abs_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        abs_id = max(abs_ids, default=-1) + 1
        num_id = max(num_ids, default=0) + 1
        lvl = _el("w:lvl", {"w:ilvl": 0},
                  _el("w:start", {"w:val": 1}), _el("w:numFmt", {"w:val": "chineseCounting"}),
                  _el("w:suff", {"w:val": "nothing"}), _el("w:lvlText", {"w:val": "%1、"}),
                  _el("w:lvlJc", {"w:val": "left"}),
                  _el("w:pPr", None, _el("w:ind", {"w:left": 0, "w:firstLine": 480})),
                  _el("w:rPr", None, _el("w:rFonts", {"w:hint": "eastAsia"}), _el("w:b"), _el("w:bCs")))
        absn = _el("w:abstractNum", {"w:abstractNumId": abs_id},
                   _el("w:multiLevelType", {"w:val": "singleLevel"}), lvl)
        existing = numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(absn)
        else:
            numbering.insert(0, absn)
        numbering.append(_el("w:num", {"w:numId": num_id}, _el("w:abstractNumId", {"w:val": abs_id})))
        self.note(f"part headings are list paragraphs (w:numPr numId={num_id}, chineseCounting '%1、'); "
                  "their text lacks the 一、 prefix")
        return num_id

    def _textbox(self, text: str) -> BaseOxmlElement:
        cx, cy = 5274310, 411480
        shape_id = self.nid()
        inner = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>'
                 '<w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:hint="eastAsia"/>'
                 '<w:b/><w:bCs/><w:sz w:val="{s}"/><w:szCs w:val="{s}"/></w:rPr><w:t>{t}</w:t></w:r></w:p>'
                 ).format(f=FONT, s=BODY_SIZE, t=escape(text))
        xml = (
            '<w:r {ns} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
            ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:docPr id="{sid}" name="文本框 {sid}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
            '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            '<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720"'
            ' anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"'
            ' path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
            '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            '<v:shape id="文本框 {sid}" o:spid="_x0000_s{spid}" type="#_x0000_t202"'
            ' style="width:415.3pt;height:32.4pt;mso-position-horizontal-relative:char;'
            'mso-position-vertical-relative:line" filled="f" strokeweight=".5pt">'
            '<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>'
        ).format(ns=nsdecls("w", "wp", "a"), cx=cx, cy=cy, sid=shape_id, spid=1025 + shape_id, inner=inner)
        return parse_xml(xml)

    def hyperlink(self, p, url: str, text: str) -> None:
        rid = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        r = _run(text, BODY_SIZE, link=True)
        h = _el("w:hyperlink", {"r:id": rid, "w:history": 1}, r)
        p.append(h)

    def field(self, p, instr: str, text: str) -> None:
        p.append(_el("w:fldSimple", {"w:instr": instr}, _run(text, BODY_SIZE)))

    def bookmark(self, p, name: str, index: int | None = None) -> None:
        """A bookmark (start and end together) inside ``p`` at child ``index`` (end if None)."""
        bid = self.nid()
        start = _el("w:bookmarkStart", {"w:id": bid, "w:name": name})
        end = _el("w:bookmarkEnd", {"w:id": bid})
        if index is None:
            p.append(start)
            p.append(end)
        else:
            p.insert(index, end)
            p.insert(index, start)

    # -- tables -----------------------------------------------------------------------------
    def decisions(self, table: FormTable) -> dict[int, bool]:
        """For each multi-cell label region: True when it is written merged."""
        mode = self.o["merges"]
        out = {}
        for i, reg in enumerate(table.regions):
            if reg.height * reg.width == 1:
                continue
            if reg.ref is not None or mode == "merged":
                out[i] = True
            elif mode == "repeated":
                out[i] = False
            else:
                out[i] = self.rng.random() < 0.5
        repeated = [i for i, m in out.items() if not m]
        if repeated:
            self.note(f"table {table.key}: {len(repeated)} of {len(out)} merged label regions written as "
                      "repeated cells (no gridSpan/vMerge)")
        return out

    def table(self, table: FormTable, cuts: Sequence[int] = (), scale: float = 1.0) -> list:
        """The table as one ``w:tbl`` per part (``cuts`` are physical rows that start a new part)."""
        merged = self.decisions(table)
        widths = [max(200, int(w * scale)) for w in table.widths]
        bounds = [0, *cuts, table.nrows]
        # region covering each (row, col)
        cover: dict[tuple[int, int], int] = {}
        for i, reg in enumerate(table.regions):
            for r in range(reg.row, reg.row + reg.height):
                for c in range(reg.col, reg.col + reg.width):
                    cover[(r, c)] = i
        parts = []
        for a, b in zip(bounds, bounds[1:]):
            tbl = self._tbl_shell(widths)
            for r in range(a, b):
                tbl.append(self._tr(table, r, a, b, cover, merged, widths))
            parts.append(tbl)
        return parts

    def _tbl_shell(self, widths: Sequence[int]) -> BaseOxmlElement:
        border = {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto"}
        borders = _el("w:tblBorders", None, *(_el(f"w:{s}", border) for s in
                                              ("top", "left", "bottom", "right", "insideH", "insideV")))
        tblpr = _el("w:tblPr", None,
                    _el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}), _el("w:jc", {"w:val": "center"}),
                    borders, _el("w:tblLayout", {"w:type": "fixed"}),
                    _el("w:tblCellMar", None, _el("w:left", {"w:w": 57, "w:type": "dxa"}),
                        _el("w:right", {"w:w": 57, "w:type": "dxa"})),
                    _el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                      "w:lastColumn": 0, "w:noHBand": 0, "w:noVBand": 0}))
        grid = _el("w:tblGrid", None, *(_el("w:gridCol", {"w:w": w}) for w in widths))
        return _el("w:tbl", None, tblpr, grid)

    def _tr(self, table: FormTable, r: int, a: int, b: int, cover, merged, widths) -> BaseOxmlElement:
        trpr = _el("w:trPr")
        if self.o["row_height"] and table.key == "requests" and table.row_keys[r]:
            trpr.append(_el("w:trHeight", {"w:val": self.o["row_height"], "w:hRule": "atLeast"}))
        trpr.append(_el("w:jc", {"w:val": "center"}))
        tr = _el("w:tr", None, trpr)
        c = 0
        ncols = len(widths)
        while c < ncols:
            i = cover[(r, c)]
            reg = table.regions[i]
            if merged.get(i, False):
                start = r == reg.row or r == a
                rows_here = min(reg.row + reg.height, b) - max(reg.row, a)
                vm = None
                if rows_here > 1:
                    vm = "restart" if start else "continue"
                paras = reg.paras if r == reg.row else ()
                width = sum(widths[reg.col:reg.col + reg.width])
                # a region cut by a table split restarts empty in the lower part, as Word leaves it
                content = self._content(reg, paras) if (start and (paras or reg.ref)) else [self._empty_p()]
                tr.append(self._tc(width, reg.width, vm, content, reg.role))
                c += reg.width
            else:
                tr.append(self._tc(widths[c], 1, None, self._content(reg, reg.paras), reg.role))
                c += 1
        self._wrap_cells_in_sdt(tr)
        return tr

    def _tc(self, width: int, span: int, vmerge: str | None, content: list, role: str) -> BaseOxmlElement:
        tcpr = _el("w:tcPr", None, _el("w:tcW", {"w:w": width, "w:type": "dxa"}))
        if span > 1:
            tcpr.append(_el("w:gridSpan", {"w:val": span}))
        if vmerge == "restart":
            tcpr.append(_el("w:vMerge", {"w:val": "restart"}))
        elif vmerge == "continue":
            tcpr.append(_el("w:vMerge"))
        if role == "caption":
            tcpr.append(_el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": CAPTION_FILL}))
        tcpr.append(_el("w:vAlign", {"w:val": "center"}))
        tc = _el("w:tc", None, tcpr)
        for el in content:
            tc.append(el)
        return tc

    def _empty_p(self) -> BaseOxmlElement:
        return _el("w:p", None, _ppr("center"))

    def _content(self, reg: Region, paras: Sequence[str]) -> list:
        if reg.ref is not None:
            return [self._value_p(reg.ref)]
        return self._label_ps(paras, reg.role)

    def _label_ps(self, paras: Sequence[str], role: str) -> list:
        jc = "left" if role in ("caption", "note") else "center"
        texts = list(paras)
        cuts = _line_breaks(texts[0]) if len(texts) == 1 else []
        if self.o["split_runs"] and cuts and self.rng.random() < 0.15:
            k = self.rng.choice(cuts)
            a, b = texts[0][:k], texts[0][k:]
            texts = [a, b]
            self.note(f"label split over two paragraphs: {a!r} / {b!r}")
        out = []
        for text in texts:
            p = _el("w:p", None, _ppr(jc))
            if self.o["split_runs"] and len(text) >= 3 and "\n" not in text:
                for k, piece in enumerate(_split_points(text, self.rng, self.rng.choice((2, 2, 3)))):
                    p.append(_run(piece, rsid=f"00{self.rng.randrange(16**6):06X}", lang=k % 2 == 1))
            else:
                p.append(_run(text))
            if self.o["bookmarks"] and self.rng.random() < 0.08:
                self.bookmark(p, f"_Hlk{self.rng.randrange(10**8, 10**9)}", 1)
            out.append(p)
        return out

    def _value_p(self, ref: CellRef) -> BaseOxmlElement:
        value = self.grid[ref]
        p = _el("w:p", None, _ppr("center"))
        if ref in self.o["blanks"]:
            mark = self.rng.choice(list(self.o["blank_marks"]))
            if mark:
                p.append(_run(mark))
            return p
        text = show(value)
        if isinstance(value, Decimal) and self.o["amount_suffix"]:
            text += self.o["amount_suffix"]
        if ref in self.o["tracked"]:
            self._tracked(p, ref, value, text)
        elif self.o["split_runs"] and len(text) >= 2:
            for piece in _split_points(text, self.rng, 2):
                p.append(_run(piece, rsid=f"00{self.rng.randrange(16**6):06X}"))
        else:
            p.append(_run(text))
        if self.o["bookmarks"]:
            if not self.go_back_done and ref[0] == "requests" and len(p) >= 2:
                # between the first and second run of the number when it is split, else before it
                self.bookmark(p, "_GoBack", 2 if len(p) >= 3 else 1)
                self.go_back_done = True
                self.note(f"_GoBack bookmark inside the number of {'.'.join(ref)}")
            elif self.rng.random() < 0.03:
                self.bookmark(p, f"_Hlk{self.rng.randrange(10**8, 10**9)}", 1)
        if ref in self.o["comment_cells"]:
            runs = p.findall(qn("w:r"))
            if runs:
                self.comment_runs.append((Run(runs[-1], None), f"{'.'.join(ref)} 数据已与业务科室核对"))
        if ref in self.o["cc_cells"]:
            p = self._sdt_cell_content(p, ref)
        return p

    def _tracked(self, p, ref: CellRef, value, text: str) -> None:
        """The real value inserted (``w:ins``), an old value deleted (``w:del``)."""
        if isinstance(value, Decimal):
            old = show(value + Decimal("1.5")) + (self.o["amount_suffix"] or "")
        else:
            delta = self.rng.choice((1, 2, 3, -1, -2))
            if ref[2] != "change":
                old_v = value + delta if value + delta >= 0 and delta else value + abs(delta)
            else:
                old_v = value + delta
            old = str(old_v)
        style = self.rng.choice(("del-ins", "ins-del", "partial", "del-ins"))
        if style == "partial" and len(text) >= 2 and len(old) == len(text) and old[0] == text[0]:
            keep = 1
            while keep < len(text) - 1 and old[keep] == text[keep]:
                keep += 1
            p.append(_run(text[:keep]))
            p.append(self._rev("w:del", old[keep:]))
            p.append(self._rev("w:ins", text[keep:]))
            self.note(f"tracked change in {'.'.join(ref)}: {text[:keep]!r} + del {old[keep:]!r} + ins {text[keep:]!r}")
            return
        if style == "ins-del":
            p.append(self._rev("w:ins", text))
            p.append(self._rev("w:del", old))
        else:
            p.append(self._rev("w:del", old))
            p.append(self._rev("w:ins", text))
        self.note(f"tracked change in {'.'.join(ref)}: ins {text!r}, del {old!r} ({style})")

    def _rev(self, tag: str, text: str) -> BaseOxmlElement:
        return _el(tag, {"w:id": self.nid(), "w:author": AUTHOR, "w:date": REVISION_DATE},
                   _run(text, deleted=tag == "w:del"))

    def _sdt(self, alias: str, *content) -> BaseOxmlElement:
        sdtpr = _el("w:sdtPr", None, _el("w:alias", {"w:val": alias}), _el("w:tag", {"w:val": alias}),
                    _el("w:id", {"w:val": self.rng.randrange(-2**31, 2**31)}))
        return _el("w:sdt", None, sdtpr, _el("w:sdtContent", None, *content))

    def _sdt_cell_content(self, p, ref: CellRef):
        how = self.rng.choice(("block", "inline", "cell"))
        name = ".".join(ref)
        if how == "inline":
            runs = [c for c in p if c.tag != qn("w:pPr")]
            for c in runs:
                p.remove(c)
            p.append(self._sdt("数值", *runs))
            self.note(f"content control (run-level w:sdt) around the value of {name}")
            return p
        if how == "block":
            self.note(f"content control (block-level w:sdt inside w:tc) around the value of {name}")
            return self._sdt("数值", p)
        self.note(f"content control (cell-level w:sdt around w:tc) around the cell of {name}")
        p.set("sdtcell", "1")  # marker, consumed by _wrap_cells_in_sdt
        return p

    def _wrap_cells_in_sdt(self, tr) -> None:
        for tc in list(tr.findall(qn("w:tc"))):
            p = tc.find(qn("w:p"))
            if p is not None and p.get("sdtcell"):
                del p.attrib["sdtcell"]
                idx = list(tr).index(tc)
                tr.remove(tc)
                tr.insert(idx, self._sdt("单元格", tc))

    # -- the report -------------------------------------------------------------------------
    def build(self) -> bytes:
        o = self.o
        self.setup()
        g = self.grid
        unit, year = o["unit"], o["year"]
        title = o["title"]
        # Title (one paragraph, or two lines split before the year as some reports print it).
        if o["title_lines"] == 2 and f"{year}" in title:
            k = title.index(f"{year}")
            self.para(title[:k].strip(), jc="center", size=TITLE_SIZE, bold=True, first_line=None)
            self.para(title[k:], jc="center", size=TITLE_SIZE, bold=True, first_line=None)
        else:
            self.para(title, jc="center", size=TITLE_SIZE, bold=True, first_line=None)
        self.para("", first_line=None)
        doc_no = "国办公开办函〔2021〕30号" if self.t.id == "2021" else "国办公开办函〔2019〕60号"
        intro = (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{doc_no}文件要求，"
                 f"现公布{unit}{year}年政府信息公开工作年度报告。{o['intro_extra']}"
                 f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")
        p = self.para(intro)
        if o["bookmarks"]:
            self.bookmark(p, "_Hlk" + str(self.rng.randrange(10**8, 10**9)), 1)
            p.append(_run("本报告电子版可在门户网站（", BODY_SIZE))
            self.hyperlink(p, o["url"], o["url"])
            p.append(_run("）下载。如对本报告有疑问，请通过电子邮箱", BODY_SIZE))
            self.field(p, f' HYPERLINK "mailto:{o["email"]}" ', o["email"])
            last = _run("与我单位联系。", BODY_SIZE)
            p.append(last)
            self.comment_runs.append((Run(last, None), "联系方式已更新"))
            self.note("intro: w:hyperlink (external relationship), w:fldSimple HYPERLINK mailto, "
                      "a comment, a _Hlk bookmark")
        else:
            self.para(f"本报告电子版可在门户网站（{o['url']}）下载。如对本报告有疑问，请与{unit}办公室联系。")
        self.heading("一", "一、总体情况")
        nr = g[("requests", "new_received", "total")]
        co = g[("requests", "carried_over", "total")]
        done = g[("requests", "total", "total")]
        cf = g[("requests", "carried_forward", "total")]
        granted = g[("requests", "granted", "total")]
        sub = [
            ("（一）主动公开", f"{year}年，{unit}坚持以公开为常态、不公开为例外，通过门户网站、政务新媒体等渠道"
                         "及时发布政策文件、工作动态和办事指南，主动公开政府信息。"),
            ("（二）依申请公开", f"本年度共收到政府信息公开申请{nr}件，上年结转{co}件，办结{done}件，"
                          f"其中予以公开{granted}件，结转下年度继续办理{cf}件。"),
            ("（三）政府信息管理", "严格落实信息发布审查制度，做到先审查、后公开，一事一审、全面审查。"),
            ("（四）政府信息公开平台建设", "持续优化门户网站政府信息公开专栏，及时更新栏目内容。"),
            ("（五）监督保障", "将政府信息公开工作纳入年度目标考核，本年度未发生责任追究情况。"),
        ]
        for head, text in sub:
            p = self.para(head + "。" + text)
            if o["bookmarks"] and head == "（一）主动公开":
                self.bookmark(p, f"_Hlk{self.rng.randrange(10**8, 10**9)}", 1)
        tables = form_tables(self.t, o["labels"])
        scale = 0.84 if o["nested"] else 1.0
        headings = {"proactive": ("二", self.t.table("proactive").heading),
                    "requests": ("三", self.t.table("requests").heading),
                    "appeals": ("四", self.t.table("appeals").heading)}
        for table in tables:
            num, head = headings[table.key]
            self.heading(num, head)
            cuts: list[int] = []
            if table.key == "requests" and o["split_table"]:
                cuts = [table.row_keys.index(o["split_before"])]
            parts = self.table(table, cuts, scale)
            if table.key == "requests" and o["cc_rows"]:
                self._sdt_rows(parts)
            for k, tbl in enumerate(parts):
                if k:
                    if o["split_table"] == "page":
                        self.append(_el("w:p", None, _el("w:r", None, _el("w:br", {"w:type": "page"}))))
                    else:
                        self.append(_el("w:p"))
                if table.key == "requests" and o["cc_table"] and k == 0:
                    tbl = self._sdt("表三", tbl)
                    self.note("table 三 (first part) wrapped in a block-level content control (w:sdt)")
                self.append(tbl)
            if cuts:
                self.note(f"table 三 split in two before row {o['split_before']} by "
                          f"{'a page break' if o['split_table'] == 'page' else 'an empty paragraph'}; "
                          "no repeated header; merged labels cut at the split restart empty")
            self.para("", first_line=None)
        self.heading("五", "五、存在的主要问题及改进情况")
        self.para("一是政策解读形式还不够丰富；二是依申请公开答复的规范性有待进一步提高。"
                  "下一步，将加强业务培训，完善工作机制，持续提升政府信息公开质量。")
        self.heading("六", "六、其他需要报告的事项")
        self.para("本年度未收取信息处理费。" + o["part6_extra"])
        if o["date"] is not None:
            d = o["date"]
            self.para("", first_line=None)
            self.para(o["signature"] or unit, jc="right", first_line=None)
            self.para(f"{d.year}年{d.month}月{d.day}日", jc="right", first_line=None)
        if o["nested"]:
            self._nest()
        for run, text in self.comment_runs:
            c = self.doc.add_comment(run, text=text, author=AUTHOR, initials="BGS")
            c._comment_elm.date = dt.datetime(2023, 1, 10, 9, 0, 0)
        return self.save()

    def _sdt_rows(self, parts: list) -> None:
        tbl = parts[-1]
        rows = tbl.findall(qn("w:tr"))
        tail = range(max(0, len(rows) - 6), len(rows))
        picks = sorted(self.rng.sample(tail, min(2, len(tail))))
        for k in reversed(picks):
            tr = rows[k]
            idx = list(tbl).index(tr)
            tbl.remove(tr)
            tbl.insert(idx, self._sdt("行", tr))
        self.note(f"{len(picks)} rows near the end of table 三 wrapped in row-level content controls")

    def _nest(self) -> None:
        items = [c for c in self.body if c.tag != qn("w:sectPr")]
        width = PAGE_W - 2 * MARGIN_LR
        tcpr = _el("w:tcPr", None, _el("w:tcW", {"w:w": width, "w:type": "dxa"}))
        tc = _el("w:tc", None, tcpr)
        for c in items:
            self.body.remove(c)
            tc.append(c)
        if tc[-1].tag != qn("w:p"):
            tc.append(_el("w:p"))
        none = {"w:val": "nil"}
        tblpr = _el("w:tblPr", None, _el("w:tblW", {"w:w": width, "w:type": "dxa"}),
                    _el("w:tblBorders", None, *(_el(f"w:{s}", none) for s in
                                                ("top", "left", "bottom", "right", "insideH", "insideV"))),
                    _el("w:tblLayout", {"w:type": "fixed"}),
                    _el("w:tblCellMar", None, _el("w:left", {"w:w": 0, "w:type": "dxa"}),
                        _el("w:right", {"w:w": 0, "w:type": "dxa"})))
        outer = _el("w:tbl", None, tblpr, _el("w:tblGrid", None, _el("w:gridCol", {"w:w": width})),
                    _el("w:tr", None, tc))
        self.append(outer)
        self.append(_el("w:p"))
        self.note("whole report inside a one-cell layout table (tables nested in it)")

    def save(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return _deterministic_zip(raw.getvalue())


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and attributes, so equal input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _pick(rng: random.Random, grid: Grid, n: int, tables: Sequence[str] = ("requests", "appeals", "proactive"),
          exclude: Collection[CellRef] = ()) -> list[CellRef]:
    cells = sorted(k for k in grid if k[0] in tables and k not in exclude)
    nonzero = [k for k in cells if grid[k] != 0]
    pool = nonzero if len(nonzero) >= n else cells
    return sorted(rng.sample(pool, min(n, len(pool))))


def render_docx(template: Template, grid: Grid, *, unit: str = "某某县某某局", year: int = 2022,
                title: str | None = None, title_lines: int = 1, intro_extra: str = "",
                date: dt.date | None = None, signature: str | None = None,
                merges: str = "merged", split_runs: bool = False, bookmarks: bool = False,
                content_control: str | Collection[str] = (), tracked: bool | Collection[CellRef] = False,
                split_table: str | None = None, split_before: str = "denied.enforcement_files",
                nested: bool = False, headings: str = "plain", textbox_heading: str = "四",
                blanks: Collection[CellRef] = (), blank_marks: Sequence[str] = ("", "\u3000"),
                labels: Mapping[str, str] | None = None, amount_suffix: str = "",
                row_height: int | None = None, url: str = "http://www.example.gov.cn/",
                email: str = "gkb@example.gov.cn", part6_extra: str = "", seed: int = 0,
                log: list[str] | None = None) -> bytes:
    """The report as a .docx file (bytes), the three tables on the official form's structure.

    ``grid`` maps every (table, row, column) of ``template`` to an int or a Decimal.
    Options (each reproduces a trap of real files):

    - ``merges``: ``"merged"`` writes ``w:gridSpan`` / ``w:vMerge`` as the form does;
      ``"repeated"`` writes every grid cell of a merged label separately with the label
      repeated; ``"random"`` decides per label region (value cells always stay merged).
    - ``split_runs``: labels and numbers split over several runs; some labels over two paragraphs.
    - ``bookmarks``: ``_GoBack`` / ``_Hlk…`` bookmarks in cells and prose; a ``w:hyperlink``,
      a ``w:fldSimple`` and comments in the intro, a comment on one value cell.
    - ``content_control``: any of ``"table"`` (table 三 in a block ``w:sdt``), ``"cells"``
      (a few value cells in run-, block- or cell-level ``w:sdt``), ``"rows"`` (two rows in row-level ``w:sdt``).
    - ``tracked``: True (six cells picked with ``seed``) or the cells to write as a ``w:ins``
      of the real value next to a ``w:del`` of an old value.
    - ``split_table``: ``"paragraph"`` or ``"page"``: table 三 cut before row ``split_before``.
    - ``nested``: the whole report inside a one-cell layout table.
    - ``headings``: ``"plain"``, ``"numbered"`` (list paragraphs, number from ``w:numPr``) or
      ``"textbox"`` (heading ``textbox_heading`` inside a text box).
    - ``blanks``: zero cells written empty (one of ``blank_marks``).
    - ``labels``: label text replacements (e.g. ``{"行政规范性文件": "规范性文件"}``).
    - ``amount_suffix``: unit written after amounts in the cell (``"万元"``).
    - ``row_height``: minimum height (twips) of table 三's data rows, to make it break across pages.
    - ``date``: a signature line and the date line ``YYYY年M月D日`` at the end.

    ``seed`` fixes every random choice; ``log``, when given, receives one line per trap placed.
    """
    if merges not in MERGE_MODES:
        raise ValueError(f"unknown merges {merges!r}; one of {', '.join(MERGE_MODES)}")
    if headings not in HEADING_STYLES:
        raise ValueError(f"unknown headings {headings!r}; one of {', '.join(HEADING_STYLES)}")
    if split_table is not None and split_table not in SPLIT_STYLES:
        raise ValueError(f"unknown split_table {split_table!r}; one of {', '.join(SPLIT_STYLES)}")
    cc = {content_control} if isinstance(content_control, str) else set(content_control)
    if cc - set(CONTENT_CONTROLS):
        raise ValueError(f"unknown content_control {sorted(cc - set(CONTENT_CONTROLS))}; "
                         f"any of {', '.join(CONTENT_CONTROLS)}")
    template = form_of(template)  # the writers' own layout, not the parser's template
    missing = [k for k in template.cell_keys() if k not in grid]
    if missing:
        raise ValueError(f"grid lacks {len(missing)} cells of template {template.id}, e.g. {missing[0]}")
    blanks = set(blanks)
    bad = [k for k in blanks if grid[k] != 0]
    if bad:
        raise ValueError(f"only zero cells can be left blank: {bad[0]} is {grid[bad[0]]}")
    if split_table and split_before not in [r.key for r in template.table("requests").rows][1:]:
        raise ValueError(f"split_before {split_before!r} is not a row of table 三 after the first")
    rng = random.Random(seed * 7919 + 17)
    if tracked is True:
        tracked_cells = set(_pick(rng, grid, 6, exclude=blanks))
    elif tracked is False:
        tracked_cells = set()
    else:
        tracked_cells = set(tracked)
    if tracked_cells & blanks:
        raise ValueError("a cell cannot be both blank and tracked")
    cc_cells = set(_pick(rng, grid, 5, ("requests", "proactive"), exclude=blanks | tracked_cells)) \
        if "cells" in cc else set()
    comment_cells = set(_pick(rng, grid, 1, ("requests",), exclude=blanks | tracked_cells | cc_cells)) \
        if bookmarks else set()
    opts = dict(unit=unit, year=year, title=title or f"{unit}{year}年政府信息公开工作年度报告",
                title_lines=title_lines, intro_extra=intro_extra, date=date, signature=signature,
                merges=merges, split_runs=split_runs, bookmarks=bookmarks, cc_table="table" in cc,
                cc_rows="rows" in cc, cc_cells=cc_cells, tracked=tracked_cells, split_table=split_table,
                split_before=split_before, nested=nested, headings=headings, textbox_heading=textbox_heading,
                blanks=blanks, blank_marks=tuple(blank_marks), labels=dict(labels or {}),
                amount_suffix=amount_suffix, row_height=row_height, url=url, email=email,
                part6_extra=part6_extra, comment_cells=comment_cells, seed=seed)
    return _Builder(template, grid, opts, log).build()

