"""The pieces rewritten for speed, checked against plain definitions written out by hand:
folding, the compact index, page footers as whole lines, and chrome cutting in HTML."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gipextract.read.html import read
from gipextract.read.normalize import compact_with_index, fold, nfkc
from gipextract.place.tokens import FOOTER_LINE_RE

_DROP = set(" \t\r\n\f\v\u3000\u00a0\u200b\ufeff\"'“”‘’「」『』")
_TEXT = st.text(alphabet=st.sampled_from(list("0123456789一二三（）()、。，：[]【】— \n\t\u3000\u00a0\"“”\x00ａ１")),
                max_size=60)


def test_fold_by_hand() -> None:
    assert fold("（一）予以公开，共5件：") == "(一)予以公开,共5件:"
    assert fold("[1]【2】") == "(1)(2)"
    assert fold("二、三。") == "二.三."


@given(_TEXT)
def test_nfkc_matches_unicode_nfkc_then_fold(text: str) -> None:
    # Plain definition: full NFKC of the text, then the folding; the fast version only
    # normalises suspect characters, which must come to the same on these alphabets.
    assert nfkc(text) == fold(unicodedata.normalize("NFKC", text))


@given(_TEXT)
def test_compact_with_index_matches_a_loop_over_characters(text: str) -> None:
    compact, index = compact_with_index(text)
    expected = [i for i, ch in enumerate(text) if ch not in _DROP and ch != "\x00"]
    assert index == expected
    assert compact == "".join(text[i] for i in expected)


def test_footers_are_whole_lines_only() -> None:
    text = "- 3 -\n第 2 页 共 5 页\n3/5\n12\n-\n4\n-\n金额 3/5"
    found = [m.group(0) for m in FOOTER_LINE_RE.finditer(text)]
    # A dash, a number and a dash on three lines are three cells, not a footer.
    assert found == ["- 3 -", "第 2 页 共 5 页", "3/5"]


def _paragraphs(html: str) -> list[str]:
    doc = read(html.encode("utf-8"), "page.html")
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_chrome_is_cut_and_its_tail_kept() -> None:
    page = ("<html><body><div class='breadcrumb'>首页 &gt; 政务公开</div>尾部文字"
            "<nav>菜单</nav><p>正文第一段</p><footer>版权所有</footer></body></html>")
    assert _paragraphs(page) == ["尾部文字", "正文第一段"]


def test_article_inside_an_element_named_like_chrome_is_kept_but_nested_chrome_is_not() -> None:
    long_text = "本机关坚持公开为常态。" * 250  # over 2,000 characters: an article, not a menu
    page = (f"<html><body><div id='main-nav-content'><p>{long_text}</p>"
            "<div class='share-bar'>分享到微信</div><p>结尾</p></div></body></html>")
    paras = _paragraphs(page)
    assert paras == [long_text, "结尾"]


def test_table_cells_keep_spans_and_breaks() -> None:
    page = ("<html><body><table><tr><td rowspan='2;'>商业<br>企业</td><td colspan=2>a</td></tr>"
            "<tr><td>1</td><td><p>2</p><p>0</p></td></tr></table></body></html>")
    doc = read(page.encode("utf-8"), "page.html")
    cells = [(f.prov.row, f.prov.col, f.text) for b in doc.blocks if b.kind == "table" for f in b.fragments]
    assert cells == [(0, 0, "商业 企业"), (0, 1, "a"), (1, 1, "1"), (1, 2, "2 0")]


def test_marker_characters_in_the_page_are_ignored() -> None:
    page = "<html><body><p>正文\ufdd1\ufdd5内容</p></body></html>"
    assert _paragraphs(page) == ["正文内容"]
    assert not re.search("[\ufdd0-\ufdef]", "".join(_paragraphs(page)))
