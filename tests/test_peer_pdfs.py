"""The three real PDFs, read in place from ../shared/peer-samples, give their hand-read cells."""
from __future__ import annotations

from pathlib import Path

import pytest

from gipextract import NoReportFoundError, UnreadableInputError, parse
from conftest import CORPUS, assert_matches_expected, load_expected, shared_path

PDFS = [CORPUS / "peer" / n for n in ("hzq2023.expected.json", "hzq2024.expected.json", "huaian2024.expected.json")]


@pytest.mark.parametrize("expected_path", PDFS, ids=lambda p: p.name.split(".")[0])
def test_real_pdf_exact(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    src = shared_path("peer-samples", *expected["source"].split("/"))
    out = parse(src).to_dict()
    assert out["source"]["format"] == "pdf"
    assert_matches_expected(out, expected)
    failed = sorted(sorted(f["cells"]) for f in out["findings"] if f["code"] == "identity")
    assert failed == sorted(sorted(x) for x in expected["identity_failures"])


def test_source_error_is_a_finding_not_a_correction() -> None:
    report = parse(shared_path("peer-samples", "KIROGOVCOMPARE", "hzq2023_working.pdf"))
    assert report.cell("appeals", "all", "reconsideration.total").value == 0
    assert any(f.code == "identity" and "appeals.all.reconsideration.total" in f.cells for f in report.findings)


def test_garbled_text_layer_is_said_clearly() -> None:
    path = shared_path("peer-samples", "KIROGOVCOMPARE", "sample_report_2023_beijing.pdf")
    with pytest.raises(UnreadableInputError, match="乱码"):
        parse(path)


def test_bbox_of_a_value_is_where_it_is_printed() -> None:
    report = parse(shared_path("peer-samples", "govnianbao", "szfgs2024.pdf"))
    cell = report.cell("requests", "new_received", "total")
    assert cell.value == 3119 and cell.source.page == 4
    x0, top, x1, bottom = cell.source.bbox
    assert 0 < x0 < x1 and 0 < top < bottom


def test_image_only_pdf_is_said_to_be_a_scan() -> None:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buf, "PDF")
    with pytest.raises(UnreadableInputError, match="没有文字层的图片"):
        parse(buf.getvalue(), name="scan.pdf")
