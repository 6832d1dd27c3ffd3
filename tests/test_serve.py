"""The local page (``gipextract serve``), driven through Flask's test client: uploads stay in
their own temporary folder, limits hold, only this computer's host names are answered,
decisions posted from the page are applied, and the downloads are the office's outputs."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("flask")

from gipextract.serve import MAX_SESSIONS, create_app  # noqa: E402

from conftest import CORPUS, ROOT  # noqa: E402

SLIP = CORPUS / "compliance" / "19_sum_miscounted.txt"
QIJIANG = CORPUS / "seeds" / "002_d3904e969f46d18d.txt"


@pytest.fixture
def client():  # type: ignore[no-untyped-def]
    return create_app(max_files=4, max_mb=1).test_client()


def _upload(client, files):  # type: ignore[no-untyped-def]
    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post("/check", data=data, content_type="multipart/form-data")


def test_the_upload_page_is_chinese_and_local(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").get_data(as_text=True)
    assert "拖到这里" in html and "开始核查" in html and "最多 4 个文件" in html
    assert not re.search(r"""(?:src|href)=["']?https?:""", html)


def test_an_upload_is_read_and_shown_as_the_report_page(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = _upload(client, [("../../../outside/锦屏.txt", SLIP.read_bytes()), ("dir/坏.docx", b"PK\x03\x04garbage"),
                         ("綦江.txt", QIJIANG.read_bytes())])
    assert r.status_code == 303
    page = r.headers["Location"]
    html = client.get(page).get_data(as_text=True)
    assert "锦屏.txt" in html and "綦江.txt" in html and "坏.docx" in html and "无法读取" in html
    assert "可能出错的单元格" in html  # the slip's likely culprit
    assert f'data-post="{page}decide"' in html
    # nothing was written outside the session's folder: no "outside" folder appeared anywhere near
    assert not (ROOT.parent / "outside").exists() and not Path("/outside").exists()
    for name, magic in (("report.html", b"<!DOCTYPE html>"), ("overview.xlsx", b"PK"), ("district.docx", b"PK"),
                        ("district.xlsx", b"PK")):
        got = client.get(page + name)
        assert got.status_code in (200, 409), name
        if got.status_code == 200:
            assert got.data.startswith(magic), name
    assert client.get(page + "elsewhere.txt").status_code == 404
    assert client.get("/s/no-such-session/").status_code == 404


def test_limits_on_count_and_size(client) -> None:  # type: ignore[no-untyped-def]
    r = _upload(client, [(f"{k}.txt", b"x") for k in range(5)])
    assert r.status_code == 413 and "最多 4 个" in r.get_data(as_text=True)
    r = _upload(client, [("big.txt", b"0" * (2 * 1024 * 1024))])
    assert r.status_code == 413 and "1 MB" in r.get_data(as_text=True)
    r = client.post("/check", data={}, content_type="multipart/form-data")
    assert r.status_code == 400 and "没有收到文件" in r.get_data(as_text=True)


def test_only_this_computers_names_are_answered(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 403


def test_decisions_posted_from_the_page_are_applied_and_downloadable(client) -> None:  # type: ignore[no-untyped-def]
    page = _upload(client, [("綦江.txt", QIJIANG.read_bytes())]).headers["Location"]
    html = client.get(page).get_data(as_text=True)
    data = json.loads(html.split('id="gip-data">', 1)[1].split("</script>", 1)[0])
    report = data["reports"][0]
    decision = {"document": report["document"], "sha256": report["sha256"], "cell": "appeals.all.reconsideration.upheld",
                "value": 5, "who": "张三", "when": "2026-12-06T11:00:00", "why": "纸质原件"}
    r = client.post(page + "decide", data=json.dumps({"schema": 1, "decisions": [decision]}),
                    content_type="application/json")
    assert r.status_code == 200
    html = client.get(page).get_data(as_text=True)
    assert re.search(r'class="v st-confirmed[^"]*"[^>]*data-ref="appeals.all.reconsideration.upheld"', html)
    saved = json.loads(client.get(page + "decisions.json").get_data(as_text=True))
    assert saved["decisions"][0]["cell"] == "appeals.all.reconsideration.upheld" and saved["decisions"][0]["value"] == 5
    workbook = client.get(page + "district.xlsx")  # one report: the district sums are its own
    assert workbook.status_code == 200 and workbook.data.startswith(b"PK")
    from openpyxl import load_workbook
    sheets = load_workbook(io.BytesIO(workbook.data)).sheetnames
    assert any("四" in name for name in sheets), sheets
    bad = client.post(page + "decide", data='{"decisions": [{"sha256": "1"}]}', content_type="application/json")
    assert bad.status_code == 400 and "决定文件第 1 条" in bad.get_data(as_text=True)


def test_old_sessions_and_their_folders_go(client) -> None:  # type: ignore[no-untyped-def]
    pages = [_upload(client, [("a.txt", b"not a report")]).headers["Location"] for _ in range(MAX_SESSIONS + 1)]
    assert client.get(pages[0]).status_code == 404
    assert client.get(pages[-1]).status_code == 200


def test_serve_listens_on_this_computer_by_default() -> None:
    from gipextract.cli.parser import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    out = subprocess.run([sys.executable, "-m", "gipextract", "serve", "--help"], capture_output=True, text=True,
                         cwd=ROOT)
    assert "127.0.0.1" in out.stdout and "只有本机可访问" in out.stdout
