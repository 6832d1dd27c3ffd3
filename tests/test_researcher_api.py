"""The library is hard to misuse: the batch functions come from the package, exports take
reports, batch results or a mix, a report's text given as a path is refused in one line
that does not echo it, a report's repr is a few lines, progress bars keep errors above them,
and one table comes as a frame in the form's layout."""
from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import gipextract
from gipextract import UnreadableInputError, parse
from cli_helpers import SEED1, SEED2, SEED3, run


def test_the_package_exports_the_batch_and_frame_functions() -> None:
    from gipextract import parse_many, records, table_frame, to_frame  # noqa: F401

    assert {"parse_many", "to_frame", "to_frames", "records", "table_frame", "indicators"} <= set(gipextract.__all__)


def test_frames_and_records_take_results_with_their_errors(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    shutil.copy(SEED1, tmp_path / "a.txt")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    results = list(gipextract.parse_many([tmp_path], isolate=False))
    frame = gipextract.to_frame(results)  # the batch results themselves, no unwrapping
    assert len(frame) == 200 + 1
    error = frame[frame.status == "error"].iloc[0]
    assert error["document"] == str(tmp_path / "b.docx") and error["error"].startswith("UnreadableInputError: ")
    reports = gipextract.to_frame([results[0].report, results[1]], "reports")  # a Report and a Result mixed
    assert reports["status"].tolist() == ["clean", "error"] and str(reports["year"].dtype) == "Int64"
    assert reports["year"].tolist()[0] == 2022 and pd.isna(reports["year"].tolist()[1])
    assert gipextract.records(results[1], "reports")[0]["error_code"] == "docx_not_zip"
    with pytest.raises(TypeError):
        gipextract.to_frame(["a.txt"])


def test_a_reports_text_given_as_a_path_is_refused_in_one_line() -> None:
    text = SEED2.read_text(encoding="utf-8")
    with pytest.raises(UnreadableInputError) as caught:
        parse(text)
    error = caught.value
    assert error.code == "text_not_path"
    message = str(error)
    assert "\n" not in message and len(message) < 160
    assert "bytes" in message and "二进制文件对象" in message
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 20]
    assert not any(line in message for line in lines)  # a short prefix at most, never the document
    assert "File name too long" not in message
    one_long_line = "报告" * 200  # no line break, but longer than any file name
    with pytest.raises(UnreadableInputError, match="这是一段文字"):
        parse(one_long_line)
    with pytest.raises(UnreadableInputError) as missing:  # a plain missing path is still that
        parse("no/such/report.txt")
    assert missing.value.code == "no_such_file"
    assert parse(text.encode("utf-8"), name="seed2.txt").table("requests")["new_received"]["total"] == 38


def test_repr_is_a_few_lines() -> None:
    report = parse(SEED2)
    text = repr(report)
    assert len(text.splitlines()) <= 8 and len(text) < 800
    assert "重庆市綦江区人民政府" in text and "2022" in text and "'2021'" in text and "ambiguous 14" in text
    assert "inferred" in text.splitlines()[3]  # the first finding
    bad = gipextract.parse_one("no/such/file.txt")
    assert repr(bad) == "Result(path='no/such/file.txt', error=UnreadableInputError('no_such_file'): 文件不存在)"
    assert "\n" not in repr(gipextract.parse_one(str(SEED1)))


def _folder(tmp_path: Path) -> Path:
    for n in range(3):
        shutil.copy(SEED1, tmp_path / f"{n}.txt")
    (tmp_path / "1b.docx").write_bytes(b"PK\x03\x04 broken")
    return tmp_path


def test_errors_are_printed_above_the_progress_bar(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    out = run(str(_folder(tmp_path)), "--progress", "--format", "jsonl", "-o", os.devnull)
    assert out.returncode == 1
    hits = [line for line in out.stderr.split("\n") if "1b.docx" in line]
    # tqdm.write clears the bar first: what follows the last carriage return is the line alone.
    assert len(hits) == 1 and hits[0].split("\r")[-1].lstrip("\x1b[A").startswith("gipextract："), hits
    assert "100%" in out.stderr and "共 4 份文件" in out.stderr.split("\n")[-2]


def test_progress_without_tqdm_says_so_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    (fake / "tqdm").mkdir(parents=True)
    (fake / "tqdm" / "__init__.py").write_text("raise ImportError('no tqdm here')\n", encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")])}
    out = run(str(SEED1), "--progress", "--format", "jsonl", "-o", os.devnull, env=env)
    assert out.returncode == 0
    hint = [line for line in out.stderr.splitlines() if "tqdm" in line]
    assert hint == ["gipextract：未安装 tqdm，不显示进度条（pip install 'gipextract[progress]'）"]
    quiet = run(str(SEED1), "--format", "jsonl", "-o", os.devnull, env=env)  # not asked for: nothing said
    assert "tqdm" not in quiet.stderr


def test_one_table_as_a_frame_in_the_forms_layout() -> None:
    pytest.importorskip("pandas")
    report = parse(SEED2)
    assert isinstance(report.table("requests"), dict)  # the old call is unchanged
    frame = gipextract.table_frame(report, "requests")
    # Seed 002 prints 一、本年新收 36 2 … 38 and （一）予以公开 16 1 0 0 0 0 17 (docs/guide.md; test_indicators).
    assert frame.loc["一、本年新收政府信息公开申请数量", "自然人"] == 36
    assert frame.loc["（一）予以公开"].tolist() == [16, 1, 0, 0, 0, 0, 17]
    assert list(frame.columns) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert str(frame["总计"].dtype) == "Int64" and frame.shape == (25, 7)
    english = gipextract.table_frame(report, "requests", labels="en")
    assert english.loc["(1) Disclosed", "total"] == 17
    both = gipextract.table_frame(report, "appeals", labels="all")
    assert both.columns.names == ["column", "中文", "English"] and both.index.get_level_values(0).tolist() == ["all"]
    status = gipextract.table_frame(report, "appeals", labels="key", what="status")
    assert status.loc["all", "reconsideration.corrected"] == "inferred"
    assert status.loc["all", "reconsideration.upheld"] == "ambiguous"
    fees = gipextract.table_frame(parse(SEED3), "proactive", labels="key")
    assert fees.loc["procurement", "amount"] == Decimal("258.181269")
    assert re.fullmatch(r"\d+", str(fees.loc["regulations", "made"]))


def test_parquet_without_its_extra_is_refused_before_parsing(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    (fake / "pyarrow").mkdir(parents=True)
    (fake / "pyarrow" / "__init__.py").write_text("raise ImportError('no pyarrow here')\n", encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")])}
    out = run(str(SEED1), "--format", "parquet", "-o", str(tmp_path / "out") + "/", env=env)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert "pip install 'gipextract[parquet]'" in out.stderr and "读取" not in out.stderr  # nothing parsed
    assert not (tmp_path / "out").exists()
