"""The PDFs of corpus/sparse/pdf/: a small unit's report drawn cell by cell with fpdf2.

Tables 二, 三 and 四 are built as boxes (:mod:`sparse_draw`) from the writers' own layout
of the form (``docwriters.forms``) and the text each cell prints (:mod:`sparse_grids`).
Text is drawn in a TrueType copy of Noto Sans CJK SC cut down to the characters used: the
CFF face that fpdf2 embeds as CIDFontType0 with an embedded CMap is unreadable to pdfminer
(so to markitdown), while real reports' TrueType fonts are not.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docwriters.layout import APPEAL_HEADERS, REQUEST_GROUP_TOP  # noqa: E402
from make_layout_pdfs import MARGIN, PAGE_W  # noqa: E402
from sparse_draw import Box, Page, PdfStyle, Table, draw  # noqa: E402
from sparse_grids import Sparse, layout  # noqa: E402

WIDTH = PAGE_W - 2 * MARGIN
_OUTER = ("new_received", "carried_over", "carried_forward")
_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def proactive_table(doc: Sparse) -> Table:
    """Table 二: per block a caption row, a header row and its value rows; 4 columns."""
    pro = layout(doc.form).table("proactive")
    body: list[Box] = []
    r, last = 0, None
    for row in pro.rows:
        spans = {1: [(1, 3)], 2: [(1, 1), (2, 3)], 3: [(1, 1), (2, 2), (3, 3)]}[len(row.columns)]
        if row.group != last:
            body.append(Box(0, 3, r, r, row.group or ""))
            body.append(Box(0, 0, r + 1, r + 1, "信息内容"))
            body += [Box(a, b, r + 1, r + 1, pro.column(c).label) for c, (a, b) in zip(row.columns, spans)]
            r, last = r + 2, row.group
        body.append(Box(0, 0, r, r, row.label or ""))
        body += [Box(a, b, r, r, doc.shown[("proactive", row.key, c)], value=True)
                 for c, (a, b) in zip(row.columns, spans)]
        r += 1
    return Table([WIDTH * 0.31] + [WIDTH * 0.23] * 3, [], body, 0, r)


def request_head() -> list[Box]:
    """Table 三's three header rows over columns 0–2 (labels) and 3–9 (values)."""
    return [Box(0, 2, 0, 2, _NOTE), Box(3, 9, 0, 0, "申请人情况"), Box(3, 3, 1, 2, "自然人"),
            Box(4, 8, 1, 1, "法人或其他组织"), Box(9, 9, 1, 2, "总计")] + \
        [Box(4 + k, 4 + k, 2, 2, t) for k, t in enumerate(("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))]


def request_table(doc: Sparse, style: PdfStyle) -> Table:
    """Table 三: merged labels (三、本年度办理结果 and the group labels span their rows)."""
    req = layout(doc.form).table("requests")
    keys = [row.key for row in req.rows]
    body: list[Box] = []
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(req.rows):
        if row.key in _OUTER:
            body.append(Box(0, 2, i, i, row.label or ""))
        elif row.group:
            groups.setdefault(row.group, []).append(i)
            body.append(Box(2, 2, i, i, row.label or ""))
        else:
            body.append(Box(1, 2, i, i, row.label or ""))
        body += [Box(3 + j, 3 + j, i, i, doc.shown[("requests", row.key, c)], value=True)
                 for j, c in enumerate(row.columns)]
    body.append(Box(0, 0, keys.index("granted"), keys.index("total"), REQUEST_GROUP_TOP))
    body += [Box(1, 1, rows[0], rows[-1], g) for g, rows in groups.items()]
    w0, w1, w2 = style.widths
    rest = (WIDTH - w0 - w1 - w2) / 7
    table = Table([w0, w1, w2] + [rest] * 7, request_head(), body, 3, len(keys), repeat=style.repeat_header)
    if style.break_before:
        table.breaks.add(keys.index(style.break_before))
    if style.split:
        table.split_row = keys.index(style.split)
    return table


def appeal_table(doc: Sparse, style: PdfStyle) -> Table:
    """Table 四: three header rows in one of the two orders, one row of 15 values."""
    outcomes = APPEAL_HEADERS[0][2][:5]
    if style.appeal_header % 2 == 0:
        head = [Box(0, 4, 0, 0, "行政复议"), Box(5, 14, 0, 0, "行政诉讼"),
                Box(5, 9, 1, 1, "未经复议直接起诉"), Box(10, 14, 1, 1, "复议后起诉")]
        head += [Box(j, j, 1, 2, o) for j, o in enumerate(outcomes)]
        head += [Box(5 + j, 5 + j, 2, 2, o) for j, o in enumerate(outcomes * 2)]
    else:
        head = [Box(0, 4, 0, 1, "行政复议"), Box(5, 14, 0, 0, "行政诉讼"),
                Box(5, 9, 1, 1, "未经复议直接起诉"), Box(10, 14, 1, 1, "复议后起诉")]
        head += [Box(j, j, 2, 2, o) for j, o in enumerate(outcomes * 3)]
    cols = layout(doc.form).table("appeals").columns
    body = [Box(j, j, 0, 0, doc.shown[("appeals", "all", c.key)], value=True) for j, c in enumerate(cols)]
    return Table([WIDTH / 15] * 15, head, body, 3, 1)


def prose(doc: Sparse, n: int) -> list[str]:
    """``n`` paragraphs of part 一 (the same sentences, cut to length)."""
    sentences = [
        f"{doc.year}年，{doc.unit}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
        "（一）主动公开。通过门户网站及时公开机构职能、政策文件、财政预决算等信息，做好政策解读。",
        "（二）依申请公开。严格按照法定程序和时限办理政府信息公开申请，规范答复文书。",
        "（三）政府信息管理。严格落实公文公开属性源头认定和保密审查制度，动态更新政府信息公开指南。",
        "（四）政府信息公开平台建设。持续优化门户网站政府信息公开专栏，做好政务新媒体日常管理。",
        "（五）监督保障。将政府信息公开工作纳入年度绩效考核，本年度未发生责任追究情况。",
    ]
    return [sentences[k % len(sentences)] for k in range(n)]


def compose(doc: Sparse, style: PdfStyle, font: Path, filler: int = 0) -> tuple[Page, Table]:
    """The whole report on a fresh sheet; ``filler`` more paragraphs in part 一."""
    sheet = Page(font, style)
    sheet.centred(doc.title, 14)
    sheet.paragraph(f"本报告所列数据的统计期限自{doc.year}年1月1日起至{doc.year}年12月31日止。")
    sheet.paragraph("一、总体情况")
    for p in prose(doc, style.paragraphs + filler):
        sheet.paragraph(p)
    sheet.paragraph("二、主动公开政府信息情况")
    draw(sheet, proactive_table(doc), least=6.0)
    sheet.paragraph("三、收到和处理政府信息公开申请情况")
    requests = request_table(doc, style)
    draw(sheet, requests)
    sheet.paragraph("四、政府信息公开行政复议、行政诉讼情况")
    draw(sheet, appeal_table(doc, style), least=6.0)
    sheet.paragraph("五、存在的主要问题及改进情况")
    sheet.paragraph("公开内容还不够丰富，解读形式较为单一。下一步将加强业务培训，提升公开质量。")
    sheet.paragraph("六、其他需要报告的事项")
    sheet.paragraph("本年度未收取信息处理费。")
    if doc.published:
        y, m, d = (int(x) for x in doc.published.split("-"))
        for line in (doc.unit, f"{y}年{m}月{d}日"):
            sheet.need(7)
            sheet.write(PAGE_W - MARGIN - sheet.width(line, 10) - 6, sheet.y + 5, line, 10)
            sheet.y += 7
    return sheet, requests


def render_pdf(doc: Sparse, style: PdfStyle, font: Path) -> tuple[bytes, set[str]]:
    """The PDF and the characters it uses. A style that breaks a row (``split``) is drawn
    with as many filler lines before table 三 as it takes for the page to end inside that row."""
    for filler in range(0, 60):
        sheet, requests = compose(doc, style, font, filler)
        if not style.split or requests.split_k is not None:
            return bytes(sheet.pdf.output()), sheet.chars
    raise RuntimeError(f"no page break falls inside {style.split}")


def truetype(otf: Path, chars: set[str], out: Path) -> Path:
    """``otf`` (CFF outlines) cut down to ``chars`` and converted to TrueType outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(otf))
    opts = subset.Options()
    opts.name_IDs, opts.notdef_outline, opts.layout_features, opts.hinting = ["*"], True, [], False
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(sorted(chars | set(" 0123456789"))))
    sub.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(out))
    return out
