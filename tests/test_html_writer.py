"""The HTML writer: merged-cell geometry of the national form, encodings, blanks, drops, traps.

Writer-only: the pages are read back with html.parser and a browser-style span model, never
with gipextract's own HTML reader. The round trip uses the corpus oracle
(corpus/tools/oracle.py, standard library only).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from gipextract import templates
from gipextract.templates import Template
from docwriters import render_html, render_js_shell
from docwriters.layout import REQUEST_GROUP_TOP, show
from strategies import grids

_spec = importlib.util.spec_from_file_location("corpus_oracle", CORPUS / "tools" / "oracle.py")
oracle = importlib.util.module_from_spec(_spec)
sys.modules["corpus_oracle"] = oracle
_spec.loader.exec_module(oracle)  # type: ignore[union-attr]

OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


# -- a browser-style reading of tables -----------------------------------------------------------

def _span(raw: str | None) -> int:
    """HTML's rules for parsing non-negative integers: leading digits count, junk after is ignored."""
    m = re.match(r"\s*\+?(\d+)", raw or "")
    return max(1, int(m.group(1))) if m else 1


class _Tables(HTMLParser):
    """Innermost tables as lists of rows of (text, colspan, rowspan)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[list[list[tuple[str, int, int]]]] = []
        self.stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            if self.stack:
                self.stack[-1]["nested"] = True
            self.stack.append({"rows": [], "cell": None, "nested": False})
        elif self.stack and tag == "tr":
            self._close()
            self.stack[-1]["rows"].append([])
        elif self.stack and tag in ("td", "th"):
            self._close()
            self.stack[-1]["cell"] = ([], _span(a.get("colspan")), _span(a.get("rowspan")))

    def handle_endtag(self, tag):
        if not self.stack:
            return
        if tag in ("td", "th", "tr"):
            self._close()
        elif tag == "table":
            self._close()
            top = self.stack.pop()
            if not top["nested"]:
                self.done.append(top["rows"])

    def handle_data(self, data):
        if self.stack and self.stack[-1]["cell"] is not None:
            self.stack[-1]["cell"][0].append(data)

    def _close(self):
        top = self.stack[-1]
        if top["cell"] is not None:
            parts, cs, rs = top["cell"]
            top["rows"][-1].append(("".join("".join(parts).split()), cs, rs))
            top["cell"] = None


def tables(page: str) -> list[list[list[tuple[str, int, int]]]]:
    p = _Tables()
    p.feed(page)
    return p.done


def physical(rows: list[list[tuple[str, int, int]]]) -> list[list[str | None]]:
    """The slot grid a browser lays out (a spanned cell fills every slot it covers)."""
    occupied: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, cs, rs in row:
            while (r, c) in occupied:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    occupied[(r + dr, c + dc)] = text
            c += cs
    width = max((c for _, c in occupied), default=-1) + 1
    return [[occupied.get((r, c)) for c in range(width)] for r in range(len(rows))]


def real_rows(rows):
    """Leave out Word's trailing supportMisalignedColumns row (empty cells only)."""
    return [r for r in rows if any(text for text, _, _ in r)]


# -- expected slot grids from the template ---------------------------------------------------------

def expect_proactive(t: Template, grid) -> list[list[str]]:
    pro = t.table("proactive")
    out, last = [], None
    for r in pro.rows:
        spans = {1: [3], 2: [1, 2], 3: [1, 1, 1]}[len(r.columns)]
        if r.group != last:
            out.append([r.group] * 4)
            out.append(["信息内容"] + [pro.column(c).label for c, s in zip(r.columns, spans) for _ in range(s)])
            last = r.group
        out.append([r.label] + [show(grid[("proactive", r.key, c)]) for c, s in zip(r.columns, spans)
                                for _ in range(s)])
    return out


def expect_requests(t: Template, grid) -> list[list[str]]:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    out = [[note] * 3 + ["申请人情况"] * 7,
           [note] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
           [note] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    for r in t.table("requests").rows:
        if r.key in ("new_received", "carried_over", "carried_forward"):
            lead = [r.label] * 3
        elif r.group:
            lead = [REQUEST_GROUP_TOP, r.group, r.label]
        else:
            lead = [REQUEST_GROUP_TOP, r.label, r.label]
        out.append(lead + [show(grid[("requests", r.key, c)]) for c in r.columns])
    return out


def expect_appeals(t: Template, grid, order: int) -> list[list[str]]:
    if order == 0:
        head = [["行政复议"] * 5 + ["行政诉讼"] * 10,
                OUTCOMES + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                OUTCOMES * 3]
    else:
        head = [["行政复议"] * 5 + ["行政诉讼"] * 10,
                ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                OUTCOMES * 3]
    return head + [[show(grid[("appeals", "all", c.key)]) for c in t.table("appeals").columns]]


def sample_grid(t: Template):
    """A fixed valid grid with distinct values where possible."""
    g = {}
    for k, ref in enumerate(t.cell_keys()):
        g[ref] = 0
    pro = t.table("proactive")
    for k, (tk, rk, ck) in enumerate(t.cell_keys()):
        if tk == "proactive":
            g[(tk, rk, ck)] = Decimal("16197.02") if pro.column(ck).kind == "amount" else 10 + k
    g[("proactive", "licensing", "change")] = -3 if t.id == "2019" else g[("proactive", "licensing", "decisions")]
    for row, np_, com in (("granted", 16, 1), ("partially_granted", 8, 1), ("unavailable.not_held", 9, 0)):
        g[("requests", row, "natural_person")] = np_
        g[("requests", row, "commercial")] = com
        g[("requests", row, "total")] = np_ + com
    g[("requests", "total", "natural_person")] = 33
    g[("requests", "total", "commercial")] = 2
    g[("requests", "total", "total")] = 35
    g[("requests", "carried_over", "natural_person")] = 1
    g[("requests", "carried_over", "total")] = 1
    g[("requests", "new_received", "natural_person")] = 34
    g[("requests", "new_received", "commercial")] = 2
    g[("requests", "new_received", "total")] = 36
    g[("requests", "carried_forward", "natural_person")] = 2
    g[("requests", "carried_forward", "total")] = 2
    for grp, parts in (("reconsideration", [5, 0, 1, 1]), ("litigation_after", [0, 2, 0, 3])):
        for o, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{grp}.{o}")] = v
        g[("appeals", "all", f"{grp}.total")] = sum(parts)
    return g


def _text(data: bytes, encoding: str = "utf-8") -> str:
    return data.decode("utf-8" if encoding == "utf-8" else "gb18030")


# -- tests ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("tid", ["2021", "2019"])
@pytest.mark.parametrize("word", [False, True])
@pytest.mark.parametrize("malformed", [False, True])
@pytest.mark.parametrize("order", [0, 1])
def test_merged_structure_matches_the_form(tid: str, word: bool, malformed: bool, order: int) -> None:
    t = templates.get(tid)
    g = sample_grid(t)
    page = _text(render_html(t, g, word_markup=word, malformed_spans=malformed, appeal_header=order,
                             chrome=True, layout_table=True))
    found = [real_rows(rows) for rows in tables(page)]
    found = [rows for rows in found if any("信息内容" in c[0] or "申请人情况" in c[0] or "结果维持" in c[0]
                                           for r in rows for c in r)]
    assert len(found) == 3
    wants = [expect_proactive(t, g), expect_requests(t, g), expect_appeals(t, g, order)]
    widths = [4, 10, 15]
    for rows, want, width in zip(found, wants, widths):
        phys = physical(rows)
        assert [row[:width] for row in phys] == want
        if not malformed:
            assert all(len(row) == width and None not in row for row in phys)
    if malformed:
        assert 'colspan="2;"' in page and 'rowspan="%d "' % (22 if tid == "2021" else 20) in page
        assert 'colspan="5"' in page  # table 二 caption wider than the table


def test_request_rowspans_are_the_forms() -> None:
    for tid, top in (("2021", 22), ("2019", 20)):
        t = templates.get(tid)
        page = _text(render_html(t, sample_grid(t)))
        rows = tables(page)[1]
        spans = {text: (cs, rs) for row in rows for text, cs, rs in row if not re.fullmatch(r"[\d.]*", text)}
        assert spans["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
        assert spans["自然人"] == (1, 2) and spans["总计"] == (1, 2) and spans["法人或其他组织"] == (5, 1)
        assert spans["申请人情况"] == (7, 1)
        assert spans[REQUEST_GROUP_TOP] == (1, top)
        for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"):
            assert spans[label] == (3, 1)
        for label in ("（一）予以公开", "（七）总计"):
            assert spans[label] == (2, 1)
        assert spans["（三）不予公开"] == (1, 8) and spans["（四）无法提供"] == (1, 3) and spans["（五）不予处理"] == (1, 5)
        if tid == "2021":
            assert spans["（六）其他处理"] == (1, 3)
        else:
            assert spans["（六）其他处理"] == (2, 1)
        assert len(rows) == 3 + len(t.table("requests").rows)


def test_one_table_holds_all_three() -> None:
    t = templates.get("2021")
    g = sample_grid(t)
    page = _text(render_html(t, g, one_table=True))
    found = tables(page)
    assert len(found) == 1
    texts = [c[0] for r in found[0] for c in r]
    assert "三、收到和处理政府信息公开申请情况" in texts and "四、政府信息公开行政复议、行政诉讼情况" in texts
    assert oracle.solve_page(page.encode())["tables"]["requests"]["total"]["total"] == 35


@pytest.mark.parametrize("encoding,declared,meta", [
    ("utf-8", "auto", '<meta charset="utf-8">'),
    ("gbk", "auto", "charset=gbk"),
    ("gbk", "gb2312", "charset=gb2312"),
    ("utf-8", "gbk", "charset=gbk"),
    ("gbk", None, None),
])
def test_encodings_and_declarations(encoding: str, declared: str | None, meta: str | None) -> None:
    t = templates.get("2021")
    data = render_html(t, sample_grid(t), unit="莲花县堃田镇人民政府", encoding=encoding, declared=declared,
                       prose_extra="联系人王䶮。")
    text = _text(data, encoding)
    assert "堃田镇" in text and "王䶮" in text
    if meta:
        assert meta in text[:400]
    else:
        assert "charset" not in text
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        with pytest.raises(UnicodeDecodeError):
            data.decode("gb2312")
        with pytest.raises(UnicodeDecodeError):
            data.decode("gbk")  # 䶮 is outside GBK: only GB18030 holds it


def test_chrome_metadata() -> None:
    t = templates.get("2021")
    page = _text(render_html(t, sample_grid(t), unit="某区某局", year=2022, chrome=True, published="2023-01-20",
                             written="2023-01-18", portal="某区人民政府网"))
    assert "<title>某区某局2022年政府信息公开工作年度报告 - 某区人民政府网</title>" in page
    assert '<meta name="ArticleTitle" content="某区某局2022年政府信息公开工作年度报告">' in page
    assert '<meta name="PubDate" content="2023-01-20 09:30">' in page
    assert '<meta name="ContentSource" content="某区某局">' in page
    assert "您当前的位置：" in page and '<ul class="nav">' in page and "扫一扫在手机打开当前页" in page
    assert "索引号" in page and "发布机构" in page and "发布日期：</span>2023-01-20" in page
    assert "<script" in page and "<style" in page
    assert "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止" in page


def test_blanks_and_drops() -> None:
    t = templates.get("2021")
    g = sample_grid(t)
    blank = [("requests", "denied.state_secret", "research"), ("appeals", "all", "litigation_direct.total")]
    drop = [("requests", "granted", "research"), ("requests", "granted", "other_org"),
            ("appeals", "all", "litigation_direct.upheld")]
    plain = _text(render_html(t, g))
    page = _text(render_html(t, g, blanks=blank, dropped=drop))
    assert page.count("<td") == plain.count("<td") - len(drop)
    assert page.count("&nbsp;") == plain.count("&nbsp;") + len(blank)
    res = oracle.solve_page(page.encode())
    assert len(res["printed"]["requests"]["granted"]) == 5 and len(res["printed"]["appeals"]["all"]) == 14
    assert res["statuses"]["requests.denied.state_secret.research"] == "empty"
    with pytest.raises(ValueError):
        render_html(t, g, dropped=[("requests", "granted", "natural_person")])  # not a zero cell
    with pytest.raises(ValueError):
        render_html(t, g, blanks=blank, dropped=blank)


def test_word_markup() -> None:
    t = templates.get("2019")
    page = _text(render_html(t, sample_grid(t), word_markup=True))
    assert "<p class=MsoNormal align=center" in page and "valign=center" in page
    assert "font-family:仿宋_GB2312" in page
    assert "本年新<br>制作数量" in page
    assert re.search(r"<span[^>]*>\d+</span><span[^>]*>\d+<o:p>", page)  # a number split across runs
    assert "一、本年新收政府信息</span></p>\n<p class=MsoNormal" in page  # a label over two <p>
    assert "<![if !supportMisalignedColumns]>" in page


def test_errors_and_shells() -> None:
    t = templates.get("2021")
    with pytest.raises(ValueError):
        render_html(t, sample_grid(t), encoding="latin-1")
    with pytest.raises(ValueError):
        render_html(t, sample_grid(t), heading_style="h1")
    shell = render_js_shell("某局2023年政府信息公开工作年度报告").decode("utf-8")
    assert '<div id="app">' in shell and "<table" not in shell
    imgs = _text(render_html(t, sample_grid(t), tables_as_images=True))
    assert "<table" not in imgs and '<img src="table2.png"' in imgs
    with pytest.raises(oracle.NoReportTables):
        oracle.solve_page(imgs.encode())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), tid=st.sampled_from(["2021", "2019"]), word=st.booleans(), one=st.booleans(),
       layout=st.booleans(), chrome=st.booleans(), malformed=st.booleans(), order=st.integers(0, 1),
       encoding=st.sampled_from(["utf-8", "gbk"]))
def test_round_trip_through_the_oracle(data, tid, word, one, layout, chrome, malformed, order, encoding) -> None:
    t = templates.get(tid)
    g = data.draw(grids(t))
    zeros = [ref for ref in t.cell_keys() if g[ref] == 0]
    blanks = data.draw(st.lists(st.sampled_from(zeros), unique=True, max_size=6)) if zeros else []
    page = render_html(t, g, word_markup=word, one_table=one, layout_table=layout, chrome=chrome,
                       malformed_spans=malformed, appeal_header=order, encoding=encoding, blanks=blanks)
    res = oracle.solve_page(page)
    assert res["template"] == tid
    for (tk, rk, ck) in t.cell_keys():
        got = res["tables"][tk][rk][ck]
        assert Decimal(str(got)) == Decimal(g[(tk, rk, ck)])
        assert res["statuses"].get(f"{tk}.{rk}.{ck}", "ok") == ("empty" if (tk, rk, ck) in blanks else "ok")
