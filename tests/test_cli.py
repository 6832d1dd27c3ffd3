"""``python -m gipextract``: the readable view, --json, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS, ROOT

SEED2 = str(CORPUS / "seeds" / "002_d3904e969f46d18d.txt")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gipextract", *args], capture_output=True, text=True, cwd=ROOT)


def test_view_shows_labels_marks_and_findings() -> None:
    out = run(SEED2)
    assert out.returncode == 0
    assert "三、收到和处理政府信息公开申请情况" in out.stdout
    assert "商业企业" in out.stdout and "?{0,5}" in out.stdout and "0*" in out.stdout
    assert "findings (" in out.stdout and "ambiguous" in out.stdout


def test_json_is_the_report_dict() -> None:
    out = run(SEED2, "--json")
    assert out.returncode == 0
    d = json.loads(out.stdout)
    assert d["schema"] == 1 and d["template"] == "2021"
    assert d["tables"]["proactive"]["fees"]["amount"] == "16197.02"
    assert d["tables"]["appeals"]["all"]["reconsideration.upheld"] is None


def test_several_files_give_json_lines_and_a_bad_one_does_not_stop_the_rest(tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    out = run(SEED2, str(bad), str(CORPUS / "seeds" / "003_9456aa479e8413ba.txt"), "--json")
    assert out.returncode == 1
    lines = [json.loads(x) for x in out.stdout.strip().splitlines()]
    assert [x.get("template") for x in lines] == ["2021", None, "2019"]
    assert lines[1]["error"]["type"] == "NoReportFoundError" and lines[1]["source"]["path"] == str(bad)
    assert "bad.txt" in out.stderr and "no report tables" in out.stderr


def test_usage_error_exit_code() -> None:
    assert run().returncode == 2
