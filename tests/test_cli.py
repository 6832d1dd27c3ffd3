"""``gipextract``: subcommands, exit codes, output formats, output locations, consoles."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_helpers import SEED0, SEED1, SEED2, SEED3, broken_draft, run
from conftest import ROOT


def test_help_lists_every_command_and_each_has_help() -> None:
    out = run("--help")
    assert out.returncode == 0 and out.stdout.startswith("用法：gipextract ")
    for name in ("parse", "check", "aggregate", "compare"):
        assert name in out.stdout
        sub = run(name, "--help")
        assert sub.returncode == 0 and f"用法：gipextract {name}" in sub.stdout and "退出码" in sub.stdout
        en = run(name, "--help", "--lang", "en")
        assert en.returncode == 0 and f"usage: gipextract {name}" in en.stdout and "exit codes" in en.stdout
    assert run("check", "--version").stdout.startswith("gipextract ")


def test_view_shows_labels_marks_and_findings() -> None:
    out = run(str(SEED2))
    assert out.returncode == 1  # seed 002 has inferred and ambiguous cells: findings
    assert "三、收到和处理政府信息公开申请情况" in out.stdout
    assert "商业企业" in out.stdout and "?{0,5}" in out.stdout and "0*" in out.stdout
    assert "核查结果（4 条）" in out.stdout and "] ambiguous:" in out.stdout and "由勾稽关系推定" in out.stdout
    en = run(str(SEED2), "--lang", "en")
    assert "findings (4):" in en.stdout and "* inferred from the identities" in en.stdout
    assert run(str(SEED1)).returncode == 0  # every cell printed, every identity holds


def test_json_is_one_pretty_report_and_parse_is_the_default_command() -> None:
    for args in ((str(SEED2), "--json"), ("parse", str(SEED2), "--format", "json")):
        out = run(*args)
        d = json.loads(out.stdout)
        assert d["schema"] == 1 and d["template"] == "2021" and out.stdout.startswith("{\n  ")
        assert d["tables"]["proactive"]["fees"]["amount"] == "16197.02"
        assert d["tables"]["appeals"]["all"]["reconsideration.upheld"] is None


def test_jsonl_is_one_compact_line_per_input_whatever_their_number(tmp_path: Path) -> None:
    one = run(str(SEED1), "--format", "jsonl")
    assert one.stdout.count("\n") == 1 and json.loads(one.stdout)["report"]["unit"] == "锦屏街道"
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    out = run(str(SEED2), str(bad), str(SEED3), "--format", "jsonl")
    assert out.returncode == 1
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x.get("template") for x in lines] == ["2021", None, "2019"]
    assert lines[1]["error"]["type"] == "NoReportFoundError" and lines[1]["source"]["path"] == str(bad)
    assert "bad.txt" in out.stderr and "未找到年度报告的统计表" in out.stderr
    # Appending runs gives a valid file: each run is whole lines.
    both = one.stdout + run(str(SEED0), "--format", "jsonl").stdout
    assert [json.loads(x)["report"]["unit"] for x in both.splitlines()] == ["锦屏街道", "通惠街道"]


def test_several_inputs_as_json_are_one_array() -> None:
    out = run(str(SEED0), str(SEED1), "--format", "json", "--compact")
    docs = json.loads(out.stdout)
    assert [d["report"]["unit"] for d in docs] == ["通惠街道", "锦屏街道"]
    assert "sections" not in docs[0] and "source" not in docs[0]["cells"][0]


def test_stdin_is_read_with_a_dash() -> None:
    out = run("-", "--format", "jsonl", stdin=SEED1.read_bytes())
    d = json.loads(out.stdout)
    assert out.returncode == 0 and d["report"]["unit"] == "锦屏街道" and d["source"]["path"] == "<stdin>"


def test_usage_errors_exit_2_before_parsing(tmp_path: Path) -> None:
    assert run().returncode == 2
    missing = run(str(tmp_path / "no-such-folder"))
    assert missing.returncode == 2 and "文件或文件夹不存在" in missing.stderr
    # A folder is refused where one file is written (JSON); CSV and Parquet write a file per table there.
    for fmt, target in (("csv", str(tmp_path / "missing" / "x.csv")), ("csv", "/dev/full"), ("json", str(tmp_path)),
                        ("parquet", str(tmp_path / "missing" / "deeper") + "/")):
        out = run(str(SEED1), "--format", fmt, "-o", target)
        assert out.returncode == 2 and target.rstrip("/").rsplit("/", 1)[0] in out.stderr, out.stderr
        assert "读取" not in out.stderr  # refused before any parsing (no summary line)
    assert run(str(SEED1), "--format", "xlsx").returncode == 2  # xlsx needs a file
    assert run("check", str(SEED1), "--jobs", "0").returncode == 2


def test_json_output_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    out = run(str(SEED0), str(SEED1), "--format", "json", "-o", str(target))
    assert out.returncode == 0 and len(json.loads(target.read_text(encoding="utf-8"))) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["all.json"]  # no temporary file left


def test_check_names_the_shared_cell_once_with_both_sides_and_positions(tmp_path: Path) -> None:
    draft = broken_draft(tmp_path)
    out = run("check", str(draft))
    assert out.returncode == 1
    text = out.stdout
    assert text.count("× 勾稽关系不成立") == 3
    # The balance of column 自然人: 5 new + 0 carried = 5, but （七）总计 6 + 0 carried forward = 6.
    assert "左边：一、本年新收政府信息公开申请数量 / 自然人 5［第" in text and "相差 -1" in text
    assert "（另有 1 项为 0）" in text  # zero terms are counted, not listed
    assert text.count("可能出错的单元格") == 1
    assert "可能出错的单元格：（七）总计 / 自然人 6［第" in text and "同时出现在 3 条" in text
    assert "\\n" not in text and text.rstrip().endswith("0 份无法读取。")
    assert "共检查 1 份：0 份无误，1 份需要修改" in text


def test_check_on_a_gbk_console_and_in_english(tmp_path: Path) -> None:
    draft = broken_draft(tmp_path)
    out = run("check", str(draft), str(SEED1), env={"PYTHONIOENCODING": "gbk"}, text=False)
    assert out.returncode == 1, out.stderr
    text = out.stdout.decode("gbk")
    assert "×" in text and "√ 各项勾稽关系均成立" in text and "共检查 2 份：1 份无误，1 份需要修改" in text
    en = run("check", str(draft), "--lang", "en")
    assert "likely culprit: (7) Total / natural persons = 6" in en.stdout and "Checked 1: 0 clean, 1 to fix" in en.stdout


def test_check_reads_folders_and_reports_unreadable_inputs_as_findings(tmp_path: Path) -> None:
    shutil.copy(SEED1, tmp_path / "a.txt")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    out = run("check", str(tmp_path), "--convert-legacy")
    assert out.returncode == 1
    assert "old.doc：无法读取" in out.stdout and "共检查 2 份：1 份无误，0 份需要修改，1 份无法读取" in out.stdout
    assert run("check", str(tmp_path / "a.txt")).returncode == 0


def test_a_file_name_that_is_not_utf8_is_escaped_not_a_crash(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = folder + b"/\xb9\xab\xb8\xe6.txt"  # 公告 in GBK, as unpacked from a Windows zip
    with open(name, "wb") as f:
        f.write(SEED1.read_bytes())
    jsonl = run(str(tmp_path), "--format", "jsonl")
    assert jsonl.returncode == 0, jsonl.stderr
    path = json.loads(jsonl.stdout)["source"]["path"]
    assert os.fsencode(path) == name  # \udcb9… escapes in the JSON give the bytes back
    csv_out = run(str(tmp_path), "--format", "csv")
    assert csv_out.returncode == 0 and "\\xb9\\xab\\xb8\\xe6.txt" in csv_out.stdout
    view = run(str(tmp_path))
    assert view.returncode == 0


def test_sigterm_stops_the_run_and_leaves_valid_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for k in range(120):
        shutil.copy(SEED2, src / f"{k:03}.txt")
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "gipextract", str(src), "--format", "jsonl", "-o", str(target),
                             "--jobs", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not target.exists() or target.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "已中断（SIGTERM）" in err.decode()
    time.sleep(0.5)
    assert _processes_mentioning(str(src)) == []  # no worker outlives the run
    lines = target.read_text(encoding="utf-8").splitlines()
    assert 1 <= len(lines) < 120
    assert all(json.loads(x)["template"] == "2021" for x in lines)  # every line whole


def test_sigint_exits_130_and_an_unfinished_json_leaves_no_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for k in range(120):
        shutil.copy(SEED2, src / f"{k:03}.txt")
    target = tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "gipextract", str(src), "--format", "json", "-o", str(target)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(p.name.endswith(".part") for p in tmp_path.iterdir()):
        time.sleep(0.02)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "已中断（SIGINT）" in err.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # neither a partial out.json nor its temp file


def test_dev_null_is_a_usable_output_and_stays_a_device() -> None:
    for fmt in ("json", "xlsx", "csv"):
        assert run(str(SEED1), "--format", fmt, "-o", os.devnull).returncode == 0
    assert not Path(os.devnull).is_file()


def test_check_similar_names_its_extra_when_missing() -> None:
    try:
        import datasketch  # noqa: F401
    except ImportError:
        out = run("check", str(SEED1), "--similar")
        assert out.returncode == 2 and "gipextract[similar]" in out.stderr
    else:  # two units' reports with no copied prose: no pair, and nothing to fix
        out = run("check", str(SEED1), str(SEED0), "--similar")
        assert out.returncode == 0 and "内容雷同（0 对）" in out.stdout


def test_aggregate_xlsx_is_a_row_per_unit_and_the_sum(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "district.xlsx"
    assert run("aggregate", str(SEED0), str(SEED1), "-o", str(target)).returncode == 0
    ws = openpyxl.load_workbook(target)["表三（申请办理）"]
    assert (ws["C1"].value, ws["C2"].value) == ("一、本年新收政府信息公开申请数量", "自然人")
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    # 一、本年新收 自然人: 0 (seed 000, 通惠街道) + 5 (seed 001, 锦屏街道).
    assert [(r[0], r[2]) for r in rows] == [("通惠街道", 0), ("锦屏街道", 5), ("合计", 5)]


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line holds ``text`` (forked workers keep the parent's)."""
    found: list[int] = []
    if not Path("/proc").is_dir():
        return found
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if text in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    out = subprocess.run(f"set -o pipefail; {sys.executable} -m gipextract corpus/seeds | head -1", shell=True,
                         executable="/bin/bash", capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0 and "Traceback" not in out.stderr and "cannot write" not in out.stderr
    assert out.stdout.startswith("corpus/seeds/000_")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_files_written_are_readable_as_any_file_of_this_user(tmp_path: Path) -> None:
    """A workbook the office hands on opens for others: not the private mode of a temporary file."""
    from gipextract.cli.sinks import Atomic

    mask = os.umask(0o022)
    try:
        fresh = Atomic(str(tmp_path / "overview.xlsx"))
        Path(fresh.temp).write_bytes(b"x")
        fresh.commit()
        assert (tmp_path / "overview.xlsx").stat().st_mode & 0o777 == 0o644
        (tmp_path / "kept.csv").write_bytes(b"old")
        os.chmod(tmp_path / "kept.csv", 0o640)
        again = Atomic(str(tmp_path / "kept.csv"))
        Path(again.temp).write_bytes(b"new")
        again.commit()
        assert (tmp_path / "kept.csv").stat().st_mode & 0o777 == 0o640
        assert (tmp_path / "kept.csv").read_bytes() == b"new"
    finally:
        os.umask(mask)
