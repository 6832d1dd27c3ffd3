"""Decoding and line handling of the text adapter."""
from __future__ import annotations

import codecs

import pytest

from gipextract import parse
from gipextract.read import sniff
from gipextract.read.text import decode, read
from conftest import CORPUS

SEED = CORPUS / "seeds" / "001_91b930a4292c284b.txt"


def _grid(report):
    return {(c.table, c.row, c.column): c.value for c in report.cells}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_give_the_same_grid(encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    expected = _grid(parse(SEED))
    data = text.encode(encoding)
    assert _grid(parse(data)) == expected


def test_crlf_and_cr_line_endings() -> None:
    text = SEED.read_text(encoding="utf-8")
    expected = _grid(parse(SEED))
    assert _grid(parse(text.replace("\n", "\r\n").encode())) == expected
    assert _grid(parse(text.replace("\n", "\r").encode())) == expected


def test_gbk_characters_outside_gb2312_decode() -> None:
    # 堃 and 镕 are outside GB2312 (but inside GBK); a GBK/GB18030 decoder must keep them.
    assert decode("单位：张堃、朱镕".encode("gb18030"), "x") == "单位：张堃、朱镕"


GB18030_ONLY = "䶮"  # CJK Extension A, U+4DAE: in GB18030 (four bytes), not in GBK


def test_gb18030_only_characters_decode() -> None:
    data = f"单位：王{GB18030_ONLY}、张堃".encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")  # the premise: a GBK decoder cannot read this text
    assert decode(data, "x") == f"单位：王{GB18030_ONLY}、张堃"


def test_gb18030_report_keeps_its_unit_and_grid() -> None:
    text = SEED.read_text(encoding="utf-8")
    expected = _grid(parse(SEED))
    extra = f"联系人：王{GB18030_ONLY}\n"
    report = parse((extra + text).encode("gb18030"), name="gb18030.txt")
    assert _grid(report) == expected
    assert any(GB18030_ONLY in b.text for b in read((extra + text).encode("gb18030"), "x").blocks)


def test_utf16_without_bom_is_detected() -> None:
    assert decode("政府信息公开工作年度报告 2022".encode("utf-16-le"), "x").startswith("政府信息公开")


def test_bookmarks_and_blank_cells_are_not_content() -> None:
    doc = read("[bookmark: _GoBack]（二）依申请公开情况\n\t\t规章\t0\t\n".encode(), "x")
    texts = [f.text for f in doc.fragments()]
    # Empty tab fields stay as empty cells at their place in the row (issue 11): layout,
    # which the reconstructor trims, or blank values, which it reads by position.
    assert texts == ["（二）依申请公开情况", "", "", "规章", "0", ""]
    assert [f.prov.line for f in doc.fragments()] == [1, 2, 2, 2, 2, 2]
    assert [f.prov.col for f in doc.fragments()] == [None, 0, 1, 2, 3, 4]


@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.7\n...", "pdf"),
    (b"PK\x03\x04" + b"\x00" * 30 + b"word/document.xml", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "ole"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("<html><head><meta charset=gbk></head>".encode(), "html"),
    ("二、主动公开政府信息情况\n规章 0 0 0".encode(), "text"),
])
def test_sniff_uses_content(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt
