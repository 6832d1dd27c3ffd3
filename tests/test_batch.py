"""Many reports at once: formats, a folder with a corrupt file, --jobs, check, aggregation,
cross-year and prose checks."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.batch import parse_many
from gipextract.checks.years import cross_year
from gipextract.output.district import aggregate
from conftest import CORPUS, ROOT, flat_cells, load_expected, same_value, shared_path

SEED1 = CORPUS / "seeds" / "001_91b930a4292c284b.txt"
SEED3 = CORPUS / "seeds" / "003_9456aa479e8413ba.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gipextract", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Three seeds, a corrupt DOCX and a legacy .doc in nested folders."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt", tmp_path / "a" / "000.txt")
    shutil.copy(SEED1, tmp_path / "a" / "b" / "001.txt")
    shutil.copy(SEED3, tmp_path / "003.txt")
    (tmp_path / "a" / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    (tmp_path / "a" / "b" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a report file: not picked up
    return tmp_path


def test_csv_rows_are_tidy_and_hand_checked() -> None:
    out = run(str(SEED1), "--format", "csv")
    assert out.returncode == 0
    assert out.stdout.startswith("\ufeff")  # UTF-8 with BOM, for Excel and WPS
    rows = list(csv.reader(io.StringIO(out.stdout[1:])))
    fields = ["document", "unit", "year", "template", "table", "row", "column", "row_label", "column_label",
              "value", "status"]
    idx = [rows[0].index(f) for f in fields]
    assert len(rows) == 1 + 200
    picked = [[r[i] for i in idx] for r in rows[1:]]
    # Read off the document: 一、本年新收 … 自然人 5; （二）部分公开 总计 3; 行政事业性收费 0.
    assert [str(SEED1), "锦屏街道", "2022", "2021", "requests", "new_received", "natural_person",
            "一、本年新收政府信息公开申请数量", "自然人", "5", "ok"] in picked
    assert [str(SEED1), "锦屏街道", "2022", "2021", "requests", "partially_granted", "total",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "总计", "3", "ok"] in picked
    assert [str(SEED1), "锦屏街道", "2022", "2021", "proactive", "fees", "amount", "行政事业性收费",
            "本年收费金额（单位：万元）", "0", "ok"] in picked


def test_folder_with_bad_files_accounts_for_every_input(folder: Path) -> None:
    out = run(str(folder), "--format", "csv")
    assert out.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    docs = {r["document"] for r in rows}
    assert docs == {str(folder / "003.txt"), str(folder / "a" / "000.txt"), str(folder / "a" / "b" / "001.txt"),
                    str(folder / "a" / "broken.docx"), str(folder / "a" / "b" / "old.doc")}
    errors = {r["document"]: r["error"] for r in rows if r["status"] == "error"}
    assert "UnreadableInputError" in errors[str(folder / "a" / "broken.docx")]
    assert "soffice" in errors[str(folder / "a" / "b" / "old.doc")]
    assert "共 5 份文件，读取 3 份" in out.stderr and "2 份无法读取" in out.stderr


def test_json_lines_in_input_order_with_error_lines(folder: Path) -> None:
    out = run(str(folder), "--format", "jsonl")
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    # Sorted by path: a/b/… comes before a/broken.docx.
    assert [Path(x["source"]["path"]).name for x in lines] == ["003.txt", "000.txt", "001.txt", "old.doc",
                                                              "broken.docx"]
    assert lines[4]["error"]["type"] == "UnreadableInputError" and "tables" not in lines[4]
    assert lines[3]["error"]["type"] == "UnsupportedFormatError"


def test_jobs_2_gives_identical_output(folder: Path, tmp_path: Path) -> None:
    for k in range(6):  # enough files for several chunks in flight
        shutil.copy(SEED1, folder / f"copy{k}.txt")
    one, two = run(str(folder), "--format", "jsonl", "--jobs", "1"), run(str(folder), "--format", "jsonl", "--jobs", "2")
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1
    a = [r.path for r in parse_many([folder], jobs=1)]
    b = [r.path for r in parse_many([folder], jobs=2, chunksize=2)]
    assert a == b and len(a) == 11


def test_xlsx_sheets_one_row_per_report(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "out.xlsx"
    out = run(str(folder), "--format", "xlsx", "--output", str(target))
    assert out.returncode == 1
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["reports", "cells", "findings", "说明"]
    rep = list(wb["reports"].values)
    header = rep[0]
    by_doc = {row[0]: dict(zip(header, row)) for row in rep[1:]}
    assert len(by_doc) == 5  # every input, the two that cannot be read included
    assert {d for d, r in by_doc.items() if r["status"] == "error"} == {str(folder / "a" / "broken.docx"),
                                                                         str(folder / "a" / "b" / "old.doc")}
    assert by_doc[str(folder / "a" / "b" / "old.doc")]["error_type"] == "UnsupportedFormatError"
    cells = list(wb["cells"].values)
    head = cells[0]
    seed1 = {(r[head.index("row")], r[head.index("column")]): r[head.index("value")] for r in cells[1:]
             if r[0] == str(folder / "a" / "b" / "001.txt")}
    assert seed1[("new_received", "natural_person")] == 5
    assert 258.181269 in [r[head.index("value")] for r in cells[1:] if r[head.index("row")] == "procurement"]


def test_records_and_frame() -> None:
    from gipextract.output.export import records, to_frame

    report = parse(SEED1)
    recs = records(report)
    assert len(recs) == 200 and recs[0]["document"] == str(SEED1)
    pd = pytest.importorskip("pandas")
    frame = to_frame(report)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 200
    assert frame.query("row == 'total' and column == 'total'")["value"].iloc[0] == 5


def test_check_exit_codes(tmp_path: Path) -> None:
    assert run("check", str(SEED1)).returncode == 0
    hzq = shared_path("peer-samples", "KIROGOVCOMPARE", "hzq2023_working.pdf")
    bad = run("check", str(hzq))
    assert bad.returncode == 1
    assert "行政复议 结果维持 10［第4页］ + 行政复议 结果纠正 1［第4页］" in bad.stdout and "= 11" in bad.stdout
    junk = tmp_path / "x.txt"
    junk.write_text("hello", encoding="utf-8")
    assert run("check", str(junk)).returncode == 1  # an unreadable input, as for every command
    assert run("check").returncode == 2


def _expected_grid(name: str) -> dict:
    return flat_cells(load_expected(CORPUS / "peer" / name)["tables"])


def test_aggregate_matches_hand_summed_grids() -> None:
    names = ["hzq2024.expected.json", "huaian2024.expected.json"]
    paths = [shared_path("peer-samples", *load_expected(CORPUS / "peer" / n)["source"].split("/")) for n in names]
    total = aggregate([parse(p) for p in paths], unit="洪泽区+淮安市")
    hand = [_expected_grid(n) for n in names]
    got = flat_cells(total.to_dict()["tables"])
    for ref, value in got.items():
        # Amounts are exact decimal strings in the expected files, counts are ints.
        hand_sum = sum(Decimal(h[ref]) if isinstance(h[ref], str) else h[ref] for h in hand)
        assert same_value(str(hand_sum) if isinstance(hand_sum, Decimal) else hand_sum, value), ref
    assert got["requests.new_received.total"] == 3119 + hand[0]["requests.new_received.total"]
    assert total.to_dict()["inputs"] == [str(p) for p in paths]
    assert total.source.format == "aggregate"


def test_aggregate_refuses_mixed_forms() -> None:
    with pytest.raises(ValueError, match="格式不同"):
        aggregate([parse(SEED1), parse(SEED3)])


def test_cross_year_on_the_hongze_pair() -> None:
    y23 = parse(shared_path("peer-samples", "KIROGOVCOMPARE", "hzq2023_working.pdf"))
    y24 = parse(shared_path("peer-samples", "KIROGOVCOMPARE", "hzq2024_working.pdf"))
    assert cross_year(y23, y24) == []  # 2023 结转下年度 0 … = 2024 上年结转 0 …
    huaian = parse(shared_path("peer-samples", "govnianbao", "szfgs2024.pdf"))
    found = cross_year(y23, huaian)
    codes = {f.code for f in found}
    assert "cross_year_unit" in codes and "cross_year" in codes
    assert any("requests.carried_over.total" in f.cells for f in found)


def test_prose_totals_are_checked_against_table_three() -> None:
    hzq24 = parse(shared_path("peer-samples", "KIROGOVCOMPARE", "hzq2024_working.pdf"))
    assert [f.cells for f in hzq24.findings if f.code == "prose"] == [("requests.new_received.total",)]
    huaian = parse(shared_path("peer-samples", "govnianbao", "szfgs2024.pdf"))
    assert not [f for f in huaian.findings if f.code == "prose"]  # 3119 / 34 / 3050 / 103 all agree


def test_workers_of_a_large_host_still_read(tmp_path: Path) -> None:
    """A host holding more address space than the workers' cap (a server, a test run that loaded
    pyarrow) forks workers that already hold it: the cap counts what they add, so they still read."""
    script = (
        "import mmap, sys\n"
        "from gipextract.batch import parse_many\n"
        "hold = mmap.mmap(-1, 3 * 1024 ** 3)  # reserved, never touched: address space only\n"
        f"[r] = parse_many([{str(SEED1)!r}], memory=512 * 1024 ** 2)\n"
        "print(r.error if r.report is None else r.report.info.unit)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "锦屏街道"
