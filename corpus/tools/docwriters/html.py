"""HTML article pages of a filled report, as Chinese government portals publish them.

:func:`render_html` writes one portal article page; every keyword option reproduces a trap
seen on real pages (charset declared wrongly or not at all, portal chrome, nested layout
tables, Word-exported cells, blank and dropped cells, one merged table, malformed spans).
The tables keep the real merged structure of the national form (see
``shared/spec/FORM-NOTES.md`` §2–3):

- table 二: 4 physical columns; each block's caption row spans 4; single-value rows span
  their value cell over 3 columns (2019's two-value rows span the second value over 2);
- table 三: 10 physical columns; the corner note is rowspan 3 × colspan 3, 自然人 and 总计
  rowspan 2, 法人或其他组织 colspan 5; rows 一/二/四 have a colspan-3 label;
  ``三、本年度办理结果`` spans every result row and （七）总计; the group labels （三）（四）
  （五）（and （六） in 2021） span their sub-rows; （一）（二）（七）（and 2019's （六）） span 2;
- table 四: three header rows (two orders, ``layout.APPEAL_HEADERS``) and one row of 15 cells.

:func:`render_js_shell` writes a page with no report table at all (a JavaScript shell).
"""
from __future__ import annotations

import html as _html
from dataclasses import dataclass
from typing import Collection, Mapping

from gipextract.templates import Template
from .forms import form_of
from .layout import APPEAL_HEADERS, REQUEST_GROUP_TOP, REQUEST_HEADER, CellRef, Grid, show

HTML_ENCODINGS = ("utf-8", "gbk")
HEADING_STYLES = ("p", "strong", "h3")
AUTO = "auto"

_CODECS = {"utf-8": "utf-8", "gbk": "gb18030"}
_REQUEST_OUTER = ("new_received", "carried_over", "carried_forward")
_WIDTH = {"proactive": 4, "requests": 10, "appeals": 15}
_NOTICE = {
    "2021": "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）",
    "2019": "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
            "（国办公开办函〔2019〕60号）",
}
_PARTS = ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")

# Word breaks these labels with <br> (``本年新<br>制作数量``): text -> characters before the break.
_BR_LABELS = {
    "本年新制作数量": 3, "本年新公开数量": 3, "对外公开总数量": 4, "本年制发件数": 4, "本年废止件数": 4,
    "现行有效件数": 4, "上一年项目数量": 3, "处理决定数量": 4, "本年处理决定数量": 4, "商业企业": 2,
    "科研机构": 2, "社会公益组织": 4, "法律服务机构": 4, "结果维持": 2, "结果纠正": 2, "其他结果": 2,
    "尚未审结": 2, "未经复议直接起诉": 4, REQUEST_GROUP_TOP: 5,
}
# ... and split these over two <p> paragraphs.
_PARA_LABELS = {
    "一、本年新收政府信息公开申请数量": 10, "二、上年结转政府信息公开申请数量": 10,
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": 7,
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）": 20,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": 16,
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": 19,
    "5.要求行政机关确认或重新出具已获取信息": 10, "四、结转下年度继续办理": 5,
}
# Spans written wrongly when ``malformed_spans`` is on: label -> (colspan text, rowspan text).
_MALFORMED = {
    "（一）予以公开": ("2;", None), "（七）总计": ("2 ", None), "（三）不予公开": (None, "8;"),
    REQUEST_GROUP_TOP: (None, "{n} "), "行政复议": ("5;", None), "四、结转下年度继续办理": ("3;", None),
}


@dataclass
class _Cell:
    text: str = ""
    ref: CellRef | None = None
    blank: bool = False
    colspan: int = 1
    rowspan: int = 1
    colspan_raw: str | None = None
    rowspan_raw: str | None = None


def render_html(template: Template, grid: Grid, *, unit: str = "某某县某某局", year: int = 2022,
                title: str | None = None, title_break: bool = False, portal: str | None = None,
                published: str | None = None, written: str | None = None, publisher: str | None = None,
                index_no: str | None = None, column: str = "部门年报",
                encoding: str = "utf-8", declared: str | None = AUTO,
                chrome: bool = False, meta_table: bool = False, layout_table: bool = False,
                word_markup: bool = False, heading_style: str = "p",
                blanks: Collection[CellRef] = (), dropped: Collection[CellRef] = (),
                one_table: bool = False, appeal_header: int = 0, malformed_spans: bool = False,
                row_labels: Mapping[str, str] | None = None, amount_suffix: str = "",
                tables_as_images: bool = False, prose_extra: str = "",
                mention_counts: bool = True) -> bytes:
    """The report as a portal article page, encoded.

    ``encoding`` is ``"utf-8"`` or ``"gbk"`` (written as GB18030, GBK's superset, so
    characters outside GBK survive); ``declared`` is the charset put in the ``<meta>`` tag:
    ``"auto"`` for the true one, ``None`` for no declaration, or any name (a wrong one too).
    ``chrome`` wraps the article in portal navigation, breadcrumb, metadata block (索引号,
    发布机构, 成文日期 ``written``, 发布日期 ``published``; a ``<table>`` when ``meta_table``),
    share buttons, related links, footer, ``<script>`` and ``<style>``, and puts ArticleTitle,
    PubDate and ContentSource ``<meta>`` tags in the head. ``layout_table`` nests the article
    in two layout tables; ``word_markup`` writes Word-exported cells (inline styles, labels
    broken by ``<br>`` or over two ``<p>``, numbers split across runs, a trailing
    ``supportMisalignedColumns`` row). ``blanks`` are zero cells printed as ``&nbsp;``;
    ``dropped`` are zero cells whose ``<td>`` is left out. ``one_table`` puts the three
    tables (and the headings of 三 and 四) in one ``<table>``; ``appeal_header`` picks the
    header order of table 四; ``malformed_spans`` writes ``colspan="2;"``-style values and a
    caption colspan wider than the table. ``row_labels`` overrides row labels by row key
    (e.g. ``{"normative_documents": "规范性文件"}``); ``amount_suffix`` is printed after
    amounts (``258.181269万元``); ``tables_as_images`` replaces each table by an ``<img>``.
    ``mention_counts`` lets the prose of part 一 quote the number of applications received.
    """
    if encoding not in _CODECS:
        raise ValueError(f"unknown encoding {encoding!r}; one of {', '.join(HTML_ENCODINGS)}")
    if heading_style not in HEADING_STYLES:
        raise ValueError(f"unknown heading style {heading_style!r}; one of {', '.join(HEADING_STYLES)}")
    blanks, dropped = set(blanks), set(dropped)
    for ref in blanks | dropped:
        if ref not in grid:
            raise ValueError(f"{ref} is not a cell of the grid")
        if grid[ref] != 0:
            raise ValueError(f"{ref} is {grid[ref]}; only zero cells can be blank or dropped")
    if blanks & dropped:
        raise ValueError("a cell cannot be both blank and dropped")
    title = title or f"{unit}{year}年政府信息公开工作年度报告"
    page = _Page(template, grid, unit=unit, year=year, title=title, word=word_markup, blanks=blanks,
                 dropped=dropped, malformed=malformed_spans, row_labels=dict(row_labels or {}),
                 amount_suffix=amount_suffix, heading_style=heading_style)
    article = page.article(one_table=one_table, appeal_header=appeal_header, images=tables_as_images,
                           title_break=title_break, prose_extra=prose_extra, mention_counts=mention_counts)
    charset = _charset_meta(encoding, declared)
    if chrome:
        doc = _chrome_page(article, title=title, portal=portal or f"{unit}门户网站", published=published,
                           written=written, publisher=publisher or unit, index_no=index_no, column=column,
                           unit=unit, year=year, charset=charset, layout_table=layout_table,
                           meta_table=meta_table)
    else:
        body = _layout(article) if layout_table else f'<div class="content">\n{article}\n</div>'
        doc = (f"<html>\n<head>\n{charset}<title>{_e(title)}</title>\n</head>\n<body>\n{body}\n"
               f"</body>\n</html>\n")
    return doc.encode(_CODECS[encoding])


def render_js_shell(title: str, *, portal: str = "某某县人民政府门户网站", encoding: str = "utf-8",
                    declared: str | None = AUTO) -> bytes:
    """A single-page-application shell: ``<div id="app"></div>`` and scripts, no report table."""
    if encoding not in _CODECS:
        raise ValueError(f"unknown encoding {encoding!r}; one of {', '.join(HTML_ENCODINGS)}")
    charset = _charset_meta(encoding, declared)
    doc = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset}<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(title)} - {_e(portal)}</title>
<style>#app{{min-height:600px}}</style>
</head>
<body>
<noscript>您的浏览器未启用JavaScript，请启用后查看本页内容。</noscript>
<div id="app"></div>
<script>
window.__CONFIG__ = {{siteName: {_js(portal)}, columnId: "zfxxgknb", articleId: "a8f3c2"}};
(function () {{
  var app = document.getElementById("app");
  fetch("./api/article/a8f3c2.json").then(function (r) {{ return r.json(); }}).then(function (d) {{
    app.innerHTML = "<h1>" + d.title + "</h1>" + d.content;
  }}).catch(function () {{
    app.innerHTML = "<p>内容加载失败，请刷新重试。</p>";
  }});
}})();
</script>
</body>
</html>
"""
    return doc.encode(_CODECS[encoding])


# ---------------------------------------------------------------------------------------------

def _e(text: str) -> str:
    return _html.escape(text, quote=True)


def _js(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _charset_meta(encoding: str, declared: str | None) -> str:
    if declared is None:
        return ""
    name = ("utf-8" if encoding == "utf-8" else "gbk") if declared == AUTO else declared
    if name.lower().replace("_", "-") in ("utf-8", "utf8"):
        return f'<meta charset="{name}">\n'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={name}">\n'


class _Page:
    """The article body: title, prose, headings and tables."""

    def __init__(self, template: Template, grid: Grid, *, unit: str, year: int, title: str, word: bool,
                 blanks: set[CellRef], dropped: set[CellRef], malformed: bool, row_labels: dict[str, str],
                 amount_suffix: str, heading_style: str) -> None:
        self.t = form_of(template)  # the writers' own layout, not the parser's template
        self.grid = grid
        self.unit = unit
        self.year = year
        self.title = title
        self.word = word
        self.blanks = blanks
        self.dropped = dropped
        self.malformed = malformed
        self.row_labels = row_labels
        self.amount_suffix = amount_suffix
        self.heading_style = heading_style
        self._runs = 0

    # -- the three tables as rows of cells ---------------------------------------------------

    def _value(self, table: str, row: str, col: str, colspan: int = 1) -> list[_Cell]:
        ref = (table, row, col)
        if ref in self.dropped:
            return []
        value = self.grid[ref]
        text = show(value)
        if self.amount_suffix and self.t.table(table).column(col).kind == "amount":
            text += self.amount_suffix
        return [_Cell(text, ref=ref, blank=ref in self.blanks, colspan=colspan)]

    def _label(self, text: str, colspan: int = 1, rowspan: int = 1) -> _Cell:
        cell = _Cell(text, colspan=colspan, rowspan=rowspan)
        if self.malformed and text in _MALFORMED:
            c_raw, r_raw = _MALFORMED[text]
            cell.colspan_raw = c_raw
            cell.rowspan_raw = r_raw.format(n=rowspan) if r_raw else None
        return cell

    def proactive_rows(self) -> list[list[_Cell]]:
        pro = self.t.table("proactive")
        rows: list[list[_Cell]] = []
        last = None
        for r in pro.rows:
            spans = {1: [3], 2: [1, 2], 3: [1, 1, 1]}[len(r.columns)]
            if r.group != last:
                cap = self._label(r.group or "", colspan=4)
                if self.malformed:
                    cap.colspan_raw = "5"  # wider than the table: the header disagrees with the rows
                rows.append([cap])
                rows.append([self._label("信息内容")] + [self._label(pro.column(c).label, colspan=s)
                                                       for c, s in zip(r.columns, spans)])
                last = r.group
            label = self.row_labels.get(r.key, r.label or "")
            row = [self._label(label)]
            for c, s in zip(r.columns, spans):
                row += self._value("proactive", r.key, c, colspan=s)
            rows.append(row)
        return rows

    def request_rows(self) -> list[list[_Cell]]:
        req = self.t.table("requests")
        h1, h2, h3 = REQUEST_HEADER
        rows = [
            [self._label(h1[0], colspan=3, rowspan=3), self._label(h1[1], colspan=7)],
            [self._label(h2[0], rowspan=2), self._label(h2[1], colspan=5), self._label(h2[2], rowspan=2)],
            [self._label(t) for t in h3],
        ]
        keys = [r.key for r in req.rows]
        top_span = keys.index("total") - keys.index("granted") + 1
        group_size: dict[str, int] = {}
        for r in req.rows:
            if r.group:
                group_size[r.group] = group_size.get(r.group, 0) + 1
        last_group = None
        for r in req.rows:
            label = self.row_labels.get(r.key, r.label or "")
            lead: list[_Cell] = []
            if r.key in _REQUEST_OUTER:
                lead.append(self._label(label, colspan=3))
            else:
                if r.key == "granted":
                    lead.append(self._label(REQUEST_GROUP_TOP, rowspan=top_span))
                if r.group:
                    if r.group != last_group:
                        lead.append(self._label(r.group, rowspan=group_size[r.group]))
                    lead.append(self._label(label))
                else:
                    lead.append(self._label(label, colspan=2))
            last_group = r.group
            row = lead
            for c in r.columns:
                row += self._value("requests", r.key, c)
            rows.append(row)
        return rows

    def appeal_rows(self, appeal_header: int) -> list[list[_Cell]]:
        app = self.t.table("appeals")
        order = appeal_header % len(APPEAL_HEADERS)
        outcomes = APPEAL_HEADERS[0][2][:5]
        if order == 0:
            rows = [
                [self._label("行政复议", colspan=5), self._label("行政诉讼", colspan=10)],
                [self._label(o, rowspan=2) for o in outcomes]
                + [self._label("未经复议直接起诉", colspan=5), self._label("复议后起诉", colspan=5)],
                [self._label(o) for o in outcomes * 2],
            ]
        else:
            rows = [
                [self._label("行政复议", colspan=5, rowspan=2), self._label("行政诉讼", colspan=10)],
                [self._label("未经复议直接起诉", colspan=5), self._label("复议后起诉", colspan=5)],
                [self._label(o) for o in outcomes * 3],
            ]
        data: list[_Cell] = []
        for c in app.columns:
            data += self._value("appeals", "all", c.key)
        rows.append(data)
        return rows

    # -- markup ------------------------------------------------------------------------------

    def _cell_html(self, cell: _Cell, width: int) -> str:
        attrs = []
        if cell.colspan_raw is not None or cell.colspan != 1:
            attrs.append(f'colspan="{cell.colspan_raw}"' if cell.colspan_raw is not None
                         else (f"colspan={cell.colspan}" if self.word else f'colspan="{cell.colspan}"'))
        if cell.rowspan_raw is not None or cell.rowspan != 1:
            attrs.append(f'rowspan="{cell.rowspan_raw}"' if cell.rowspan_raw is not None
                         else (f"rowspan={cell.rowspan}" if self.word else f'rowspan="{cell.rowspan}"'))
        span = (" " + " ".join(attrs)) if attrs else ""
        if not self.word:
            if cell.ref is None:
                return f'<td{span} style="border:1px solid #000;padding:4px;">{_e(cell.text)}</td>'
            content = "&nbsp;" if cell.blank else _e(cell.text)
            return f'<td{span} style="border:1px solid #000;text-align:center;">{content}</td>'
        pt = f"{width * 0.75 * cell.colspan:.2f}".rstrip("0").rstrip(".")
        td = (f'<td width={width * cell.colspan}{span} valign=center style="width:{pt}pt;border:solid windowtext 1.0pt;\n'
              f'  border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt">\n')
        p_open = "<p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'>"
        if cell.ref is None:
            sp = "<span style='font-size:10.5pt;font-family:仿宋_GB2312;color:black'>"
            text = cell.text
            if text in _PARA_LABELS:
                k = _PARA_LABELS[text]
                inner = (f"{p_open}{sp}{_e(text[:k])}</span></p>\n"
                         f"{p_open}{sp}{_e(text[k:])}<o:p></o:p></span></p>")
            elif text in _BR_LABELS:
                k = _BR_LABELS[text]
                inner = f"{p_open}{sp}{_e(text[:k])}<br>{_e(text[k:])}<o:p></o:p></span></p>"
            else:
                inner = f"{p_open}{sp}{_e(text)}<o:p></o:p></span></p>"
            return td + inner + "\n</td>"
        sp = "<span\nlang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif;color:black'>"
        if cell.blank:
            return td + f"{p_open}{sp}<o:p>&nbsp;</o:p></span></p>\n</td>"
        text = cell.text
        self._runs += 1
        if len(text) >= 2 and self._runs % 3 == 1:
            k = len(text) // 2
            sp2 = "<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-size:12.0pt;color:black'>"
            runs = f"{sp}{_e(text[:k])}</span>{sp2}{_e(text[k:])}<o:p></o:p></span>"
        else:
            runs = f"{sp}{_e(text)}<o:p></o:p></span>"
        return td + p_open + runs + "</p>\n</td>"

    def _rows_html(self, rows: list[list[_Cell]], width: int) -> list[str]:
        col_w = {4: 142, 10: 62, 15: 41}[width]
        out = []
        for row in rows:
            cells = "\n".join(self._cell_html(c, col_w) for c in row)
            out.append(("<tr style='height:18.0pt'>\n" if self.word else "<tr>\n") + cells + "\n</tr>")
        return out

    def _table_html(self, row_blocks: list[str], width: int) -> str:
        if self.word:
            head = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=623\n"
                    " style='width:467.5pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
                    " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
            col_w = {4: 142, 10: 62, 15: 41}[width]
            phantom = ("<![if !supportMisalignedColumns]>\n<tr height=0>\n"
                       + "\n".join(f"<td width={col_w} style='border:none'></td>" for _ in range(width))
                       + "\n</tr>\n<![endif]>")
            return "\n".join([head] + row_blocks + [phantom, "</table>"])
        head = ('<table border="1" cellspacing="0" cellpadding="0" align="center" '
                'style="border-collapse:collapse;width:100%;">\n<tbody>')
        return "\n".join([head] + row_blocks + ["</tbody>\n</table>"])

    def _heading(self, text: str) -> str:
        if self.word:
            inner = f"<span style='font-size:16.0pt;font-family:黑体'>{_e(text)}</span>"
            if self.heading_style == "strong":
                inner = f"<b>{inner}</b>"
            if self.heading_style == "h3":
                return f"<h3 style='text-indent:32.0pt'>{inner}</h3>"
            return f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>{inner}</p>"
        if self.heading_style == "h3":
            return f"<h3>{_e(text)}</h3>"
        if self.heading_style == "strong":
            return f'<p style="text-indent:2em;"><strong>{_e(text)}</strong></p>'
        return f'<p style="text-indent:2em;">{_e(text)}</p>'

    def _para(self, text: str) -> str:
        if self.word:
            return ("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span\n"
                    f"style='font-size:16.0pt;font-family:仿宋_GB2312'>{_e(text)}</span></p>")
        return f'<p style="text-indent:2em;">{_e(text)}</p>'

    def _image(self, n: int, alt: str) -> str:
        return f'<p style="text-align:center;"><img src="table{n}.png" alt="{_e(alt)}" width="600"></p>'

    # -- the article ---------------------------------------------------------------------------

    def article(self, *, one_table: bool, appeal_header: int, images: bool, title_break: bool,
                prose_extra: str, mention_counts: bool) -> str:
        t = self.t
        pro, req, app = t.table("proactive"), t.table("requests"), t.table("appeals")
        y = self.year
        if title_break and self.title.startswith(self.unit):
            shown = f"{_e(self.unit)}<br>{_e(self.title[len(self.unit):])}"
        else:
            shown = _e(self.title)
        if self.word:
            title_html = ("<p class=MsoNormal align=center style='text-align:center'><span\n"
                          f"style='font-size:22.0pt;font-family:方正小标宋简体'>{shown}</span></p>")
        else:
            title_html = f'<h1 class="article-title" style="text-align:center;">{shown}</h1>'
        received = self.grid[("requests", "new_received", "total")]
        granted = self.grid[("requests", "granted", "total")]
        intro = (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{_NOTICE[t.id]}要求，"
                 f"{self.unit}编制本报告。本报告中所列数据统计期限为{y}年1月1日至12月31日。"
                 f"本报告电子版可在本网站“政府信息公开年报”栏目查阅或下载。")
        if received:
            asked = f"全年共收到政府信息公开申请{received}件，予以公开{granted}件，均在法定期限内答复。"
        else:
            asked = "全年未收到政府信息公开申请。"
        one = [
            f"{y}年，{self.unit}坚持以公开为常态、不公开为例外，认真贯彻落实《条例》。"
            f"本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
            "（一）主动公开。通过门户网站、政务新媒体等平台及时公开机构职能、政策文件、财政预决算等信息，"
            "做好政策解读和回应关切。",
            "（二）依申请公开。" + (asked if mention_counts else
                                 "严格按照法定程序和时限办理政府信息公开申请，规范答复文书。"),
            "（三）政府信息管理。严格落实公文公开属性源头认定和保密审查制度，动态更新政府信息公开指南。",
            "（四）政府信息公开平台建设。持续优化门户网站政府信息公开专栏，做好政务新媒体日常管理。",
            "（五）监督保障。将政府信息公开工作纳入年度绩效考核，本年度未发生责任追究情况。",
        ]
        five = [f"{y}年，{self.unit}政府信息公开工作取得了一定成效，但仍存在公开内容不够丰富、"
                "政策解读形式较为单一等问题。下一步，将加强业务培训，丰富解读形式，提升公开质量。"]
        six = ["本年度未收取信息处理费。" + prose_extra,
               f"如对本报告有任何疑问，请与{self.unit}办公室联系。"]

        parts: list[str] = [title_html, self._para(intro), self._heading(_PARTS[0])]
        parts += [self._para(p) for p in one]
        sections = [(pro.heading, self.proactive_rows(), "proactive"),
                    (req.heading, self.request_rows(), "requests"),
                    (app.heading, self.appeal_rows(appeal_header), "appeals")]
        if images:
            for n, (heading, _rows, _key) in enumerate(sections, 1):
                parts += [self._heading(heading), self._image(n, heading)]
        elif one_table:
            parts.append(self._heading(sections[0][0]))
            blocks: list[str] = []
            for n, (heading, rows, key) in enumerate(sections):
                if n:
                    head = _Cell(heading, colspan=_WIDTH[key])
                    inner = self._rows_html([[head]], _WIDTH[key])[0]
                    blocks.append(inner)
                blocks += self._rows_html(rows, _WIDTH[key])
            parts.append(self._table_html(blocks, 15))
        else:
            for heading, rows, key in sections:
                parts.append(self._heading(heading))
                parts.append(self._table_html(self._rows_html(rows, _WIDTH[key]), _WIDTH[key]))
        parts += [self._heading(_PARTS[1])] + [self._para(p) for p in five]
        parts += [self._heading(_PARTS[2])] + [self._para(p) for p in six]
        return "\n".join(parts)


def _layout(article: str) -> str:
    return ('<table width="100%" border="0" cellspacing="0" cellpadding="0" class="main">\n'
            '<tr>\n<td width="100%" valign="top" class="main-td">\n'
            '<table width="96%" border="0" cellspacing="0" cellpadding="0" align="center" class="content-table">\n'
            '<tr>\n<td class="bt_content" id="zoom">\n'
            f'{article}\n'
            '</td>\n</tr>\n</table>\n'
            '</td>\n</tr>\n</table>')


def _chrome_page(article: str, *, title: str, portal: str, published: str | None, written: str | None,
                 publisher: str, index_no: str | None, column: str, unit: str, year: int, charset: str,
                 layout_table: bool, meta_table: bool) -> str:
    pub_time = f"{published} 09:30" if published else ""
    host = portal
    for tail in ("门户网站", "网站", "网"):
        if host.endswith(tail):
            host = host[: -len(tail)]
            break
    head_meta = [
        f'<meta name="SiteName" content="{_e(portal)}">',
        '<meta name="ColumnName" content="政府信息公开年报">',
        f'<meta name="ArticleTitle" content="{_e(title)}">',
    ]
    if published:
        head_meta.append(f'<meta name="PubDate" content="{pub_time}">')
    head_meta.append(f'<meta name="ContentSource" content="{_e(publisher)}">')
    head_meta.append('<meta name="Keywords" content="政府信息公开,年度报告">')
    idx = index_no or "000000000/2024-00000"
    fields = [("索引号", idx), ("主题分类", "政务公开"), ("发布机构", publisher), ("成文日期", written or ""),
              ("名　　称", title), ("文　　号", ""), ("发布日期", published or "")]
    if meta_table:
        cells = [f"<td class=\"t\">{_e(k)}：</td><td>{_e(v)}</td>" for k, v in fields]
        meta = ('<table class="xxgk-table" border="1" cellspacing="0" cellpadding="4">\n'
                f"<tr>{cells[0]}{cells[1]}</tr>\n<tr>{cells[2]}{cells[3]}</tr>\n"
                f'<tr><td class="t">名　　称：</td><td colspan="3">{_e(title)}</td></tr>\n'
                f"<tr>{cells[5]}{cells[6]}</tr>\n</table>")
    else:
        meta = ('<div class="xxgk-info">\n<ul>\n'
                + "\n".join(f"<li><span>{_e(k)}：</span>{_e(v)}</li>" for k, v in fields)
                + "\n</ul>\n</div>")
    info = (f'<div class="article-info"><span>发布时间：{pub_time}</span><span>来源：{_e(publisher)}</span>'
            '<span>浏览次数：<em id="hits">--</em></span><span class="font">【字体：<a href="javascript:;">大</a> '
            '<a href="javascript:;">中</a> <a href="javascript:;">小</a>】</span></div>')
    related = "\n".join(
        f'<li><a href="../{y + 1}01/t{y + 1}0120_{y}00{k}.html">{_e(unit)}{y}年政府信息公开工作年度报告</a>'
        f"<span>{y + 1}-01-{18 + k}</span></li>"
        for k, y in enumerate((year - 1, year - 2)))
    body = "\n".join([
        f'<div class="article">',
        article,
        "</div>",
        '<div class="bdsharebuttonbox">分享到：<a href="javascript:;" class="bds_weixin" title="分享到微信">微信</a>'
        '<a href="javascript:;" class="bds_tsina" title="分享到新浪微博">微博</a>'
        '<a href="javascript:;" class="bds_qzone" title="分享到QQ空间">QQ空间</a></div>',
        '<div class="print"><a href="javascript:window.print();">【打印本页】</a>'
        '<a href="javascript:window.close();">【关闭窗口】</a></div>',
        f'<div class="related"><h4>相关链接</h4>\n<ul>\n{related}\n</ul>\n</div>',
    ])
    if layout_table:
        body = _layout(body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset}<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{_e(title)} - {_e(portal)}</title>
{chr(10).join(head_meta)}
<style type="text/css">
body{{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;font-size:14px;color:#333}}
.header{{background:#b5121b;color:#fff}}.nav{{list-style:none;margin:0;padding:0}}.nav li{{display:inline-block;padding:0 16px;line-height:40px}}
.crumb{{padding:10px 0;color:#666}}.article-title{{font-size:22px;color:#b5121b}}
.xxgk-info li{{display:inline-block;width:48%}}.footer{{background:#f2f2f2;text-align:center;padding:20px 0}}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
var shareTitle = {_js(title)};
function setFontSize(s) {{ var z = document.getElementById("zoom"); if (z) z.style.fontSize = s + "px"; }}
</script>
</head>
<body>
<div class="header">
<div class="logo"><a href="/">{_e(portal)}</a></div>
<ul class="nav">
<li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li>
<li><a href="/zjxx/">走进{_e(unit[:2])}</a></li>
</ul>
<ul class="nav sub-nav">
<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li>
<li><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a></li>
<li><a href="/zwgk/fdzdgknr/">法定主动公开内容</a></li>
<li><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></li>
</ul>
</div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgknb/">政府信息公开年报</a> &gt; <a href="./">{_e(column)}</a></div>
{meta}
{info}
{body}
<div class="footer">
<div class="qrcode"><div class="qr-box"></div><p>扫一扫在手机打开当前页</p></div>
<p>主办：{_e(host)}办公室　　承办：{_e(host)}大数据发展中心</p>
<p>网站标识码：0000000000　　备案号：某ICP备00000000号-1　　公安机关备案号：00000000000000</p>
</div>
<script type="text/javascript">
(function () {{
  var hits = document.getElementById("hits");
  if (hits) {{ hits.innerHTML = String(1000 + Math.floor(Math.random() * 100)); }}
}})();
</script>
</body>
</html>
"""
