"""The report page and the local page in a real browser: the distribution's Chromium, driven
by Playwright (its own browsers are never downloaded). Skipped where either is absent.

Each test saves a screenshot under pytest's temporary folder (``tmp_path``)."""
from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from gipextract import parse  # noqa: E402
from gipextract.decisions import parse_decisions  # noqa: E402
from gipextract.output.page import render_page  # noqa: E402

from conftest import CORPUS  # noqa: E402

SLIP = CORPUS / "compliance" / "19_sum_miscounted.txt"
QIJIANG = CORPUS / "seeds" / "002_d3904e969f46d18d.txt"
LATE = CORPUS / "compliance" / "02_late_department.html"
CHROMIUM = os.environ.get("GIPEXTRACT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _background(page: object, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")  # type: ignore[attr-defined]


def test_the_report_page_from_disk(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "核查报告.html"
    target.write_text(render_page([parse(SLIP), parse(QIJIANG), parse(LATE)]), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page.goto(target.as_uri())
    assert page.title() == "政府信息公开工作年度报告核查结果"
    # statuses as colours: an ambiguous cell of 綦江区, an ordinary read cell
    assert _background(page, '#r1 td[data-ref="appeals.all.reconsideration.upheld"]') == "rgb(248, 203, 173)"
    assert _background(page, '#r1 td[data-ref="requests.new_received.total"]') == "rgb(255, 255, 255)"
    # the slip's likely culprit is outlined; its tip shows on focus (tap), with the source line
    culprit = '#r0 td[data-ref="requests.other.no_correction.natural_person"]'
    assert "culprit" in page.get_attribute(culprit, "class")
    assert page.eval_on_selector(culprit, "e => getComputedStyle(e).outlineStyle") == "solid"
    tip = page.locator(f"{culprit} .tip")
    assert not tip.is_visible()
    page.focus(culprit)
    assert tip.is_visible() and "第292行" in tip.inner_text() and "最可能有误的单元格" in tip.inner_text()
    # the findings in Chinese, with their evidence
    assert page.locator("text=页面所载发布日期2024年2月26日").count() == 1
    assert page.locator("#overview a[href='#r2']").count() == 1
    page.screenshot(path=str(tmp_path / "report-page.png"), full_page=False)
    assert (tmp_path / "report-page.png").stat().st_size > 10_000
    # a decision typed on the page is downloaded as an overrides file the library reads back
    page.click("#r1 details.decide summary")
    page.fill("#r1 details.decide input[name=who]", "张三")
    page.select_option('#r1 details.decide tr:has(input[data-cell="appeals.all.reconsideration.upheld"]) select', "5")
    with page.expect_download() as got:
        page.click("#r1 details.decide button.save")
    saved = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    (decision,) = parse_decisions(saved)
    assert (decision.cell, decision.value, decision.who) == ("appeals.all.reconsideration.upheld", 5, "张三")
    assert decision.sha256 == parse(QIJIANG).source.sha256
    page.close()


def test_the_local_page_upload_decide_download(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("flask")
    from werkzeug.serving import make_server

    from gipextract.serve import create_app

    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        assert page.locator("text=拖到这里").count() == 1
        page.set_input_files("#files", [str(QIJIANG), str(SLIP)])
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.locator("#overview").count() == 1
        assert page.locator("text=可能出错的单元格").count() == 1
        cell = 'td[data-ref="appeals.all.reconsideration.upheld"]'
        assert "st-ambiguous" in page.get_attribute(f"#r0 {cell}", "class")
        page.screenshot(path=str(tmp_path / "local-page.png"))
        page.click("#r0 details.decide summary")
        page.fill("#r0 details.decide input[name=who]", "李四")
        page.fill('#r0 details.decide input[data-cell="appeals.all.reconsideration.upheld"]', "5")
        with page.expect_navigation():
            page.click("#r0 details.decide button.save")
        assert "st-confirmed" in page.get_attribute(f"#r0 {cell}", "class")
        assert page.locator("nav.downloads a[href$='overview.xlsx']").count() == 1
        page.close()
    finally:
        server.shutdown()


def test_the_page_prints_on_a4_without_cutting_a_table(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "核查报告.html"
    target.write_text(render_page([parse(SLIP), parse(QIJIANG)]), encoding="utf-8")
    # A4 less 12 mm margins each side is 186 mm, 703 CSS pixels at 96 per inch.
    page = browser.new_page(viewport={"width": 703, "height": 1000})
    page.goto(target.as_uri())
    page.emulate_media(media="print")
    widths = page.eval_on_selector_all("table", "ts => ts.map(t => t.getBoundingClientRect().right)")
    assert widths and max(widths) <= 703
    assert page.eval_on_selector("details.decide", "e => getComputedStyle(e).display") == "none"
    import pypdfium2

    doc = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True))
    # the overview, then each report from a new page; every page A4 (595 × 842 points)
    assert len(doc) >= 3 and all(abs(p.get_width() - 595.3) < 1 and abs(p.get_height() - 841.9) < 1 for p in doc)
    page.close()
