"""Bad input ends in the library's own exception, naming the file and the reason."""
from __future__ import annotations

import io
import os

import pytest

from gipextract import (GipExtractError, NoReportFoundError, UnreadableInputError, UnsupportedFormatError,
                        parse)
from conftest import CORPUS


def test_missing_file(tmp_path) -> None:
    with pytest.raises(UnreadableInputError) as e:
        parse(tmp_path / "nope.txt")
    assert "nope.txt" in str(e.value) and "文件不存在" in str(e.value) and e.value.code == "no_such_file"
    assert e.value.message("en") == "no such file"


def test_directory(tmp_path) -> None:
    with pytest.raises(UnreadableInputError, match="文件夹"):
        parse(tmp_path)


def test_empty_input() -> None:
    with pytest.raises(UnreadableInputError, match="输入为空"):
        parse(b"   \n", name="blank.txt")


def test_text_that_is_not_a_report() -> None:
    with pytest.raises(NoReportFoundError) as e:
        parse("今天天气很好。本站新闻：某某局召开会议。".encode(), name="news.txt")
    assert e.value.source == "news.txt" and e.value.code == "no_tables" and "未找到年度报告的统计表" in e.value.reason


def test_random_bytes_are_a_typed_error() -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(GipExtractError):
        parse(data, name="noise.bin")


def test_legacy_word_file_says_how_to_convert() -> None:
    with pytest.raises(UnsupportedFormatError, match="soffice --headless --convert-to docx"):
        parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, name="report.doc")


def test_broken_pdf_is_unreadable_not_a_crash() -> None:
    with pytest.raises(UnreadableInputError) as e:
        parse(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", name="r.pdf")
    assert e.value.source == "r.pdf" and e.value.code == "pdf_unreadable" and "PDF" in e.value.reason


@pytest.mark.parametrize("data, name", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.png"),
    (b"PK\x03\x04" + b"\x00" * 100, "archive.zip"),
])
def test_other_formats_are_refused_by_name(data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedFormatError) as e:
        parse(data, name=name)
    assert e.value.source == name


def test_file_object_and_bytes_give_the_same_report() -> None:
    path = CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt"
    data = path.read_bytes()
    a = parse(path).to_dict()
    b = parse(io.BytesIO(data)).to_dict()
    c = parse(data).to_dict()
    assert a["tables"] == b["tables"] == c["tables"]
    assert a["source"]["sha256"] == b["source"]["sha256"] == c["source"]["sha256"]
    assert a["source"]["path"] == os.fspath(path)


def test_text_mode_file_object_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="binary"):
        parse(io.StringIO("x"))


def test_blank_official_form_is_not_a_grid_of_zeros() -> None:
    from conftest import shared_path

    form = shared_path("peer-samples", "govnianbao", "政务公开年报模版.docx")
    with pytest.raises(NoReportFoundError, match="空白表格"):
        parse(form)


def test_legacy_doc_converted_on_request_when_libreoffice_is_there(tmp_path) -> None:
    import subprocess

    from gipextract.read.legacy import soffice

    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice is not installed")
    src = CORPUS / "docx" / "01-seed000-plain.docx"
    done = subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "doc",
                           "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=120)
    doc = tmp_path / "01-seed000-plain.doc"
    if done.returncode != 0 or not doc.exists():
        pytest.skip("LibreOffice could not make a .doc here")
    with pytest.raises(UnsupportedFormatError, match="convert_legacy=True"):
        parse(doc)
    converted = parse(doc, convert_legacy=True)
    assert converted.source.format == "docx"
    assert converted.to_dict()["tables"] == parse(src).to_dict()["tables"]
