"""Make the screenshots of docs/office-quickstart.md: the report page of three corpus documents
(the overview; a table with a broken identity and its likely culprit's tip) and the local
page's upload form, in the distribution's Chromium with the Noto CJK fonts.

    python docs/img/make_screenshots.py        # writes docs/img/*.png
"""
from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "img"
DOCS = [ROOT / "corpus" / "compliance" / "19_sum_miscounted.txt", ROOT / "corpus" / "seeds" / "002_d3904e969f46d18d.txt",
        ROOT / "corpus" / "compliance" / "02_late_department.html", ROOT / "corpus" / "compliance" / "06_part_removed.txt"]


def main() -> int:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from gipextract import parse
    from gipextract.output.page import render_page
    from gipextract.serve import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = Path(tmp) / "核查报告.html"
        page_file.write_text(render_page([parse(d) for d in DOCS]), encoding="utf-8")
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 620}, device_scale_factor=1, locale="zh-CN")
        page.goto(page_file.as_uri())
        page.screenshot(path=str(OUT / "report-overview.png"))
        cell = '#r0 td[data-ref="requests.other.no_correction.natural_person"]'
        page.locator(cell).scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 180)")
        page.focus(cell)
        page.screenshot(path=str(OUT / "report-culprit.png"))
        server = make_server("127.0.0.1", 0, create_app(), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.screenshot(path=str(OUT / "serve-upload.png"))
        server.shutdown()
        browser.close()
    for name in ("report-overview.png", "report-culprit.png", "serve-upload.png"):
        print(OUT / name, (OUT / name).stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
