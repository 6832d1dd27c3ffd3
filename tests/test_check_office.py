"""`gipextract check` for the office: the regulation's checks wired into the command
(deadline overrides, copied prose, the per-unit overview as CSV/XLSX)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cli_helpers import run  # type: ignore[import-not-found]
from conftest import CORPUS

VARIANTS = CORPUS / "compliance"


def test_a_late_government_report_is_an_error_and_a_local_deadline_moves_it() -> None:
    late = VARIANTS / "03_late_government.txt"  # 綦江区人民政府 2022, dated 2023-04-12 (due 03-31)
    out = run("check", str(late))
    assert out.returncode == 1
    assert "[late_publication]" in out.stdout and "2023年4月12日" in out.stdout
    # A local notice allowing until 04-30: the same report is on time.
    later = run("check", str(late), "--deadline", "04-30")
    assert "[late_publication]" not in later.stdout
    assert run("check", str(late), "--deadline", "13-45").returncode == 2


def test_similar_lists_the_planted_copy_and_overview_has_a_row_per_unit_and_check(tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    copied = VARIANTS / "17_copied_part5.txt"  # seed 000's part 五 pasted into seed 001 (锦屏街道)
    seed0 = CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt"
    out = run("check", str(copied), str(seed0), "--similar")
    assert "内容雷同（1 对）" in out.stdout and "锦屏街道" in out.stdout and "通惠街道" in out.stdout
    assert out.returncode == 1
    target = tmp_path / "overview.csv"
    out = run("check", str(copied), str(seed0), "--similar", "--format", "csv", "-o", str(target))
    assert out.returncode == 1, out.stderr
    # The clerk's CSV: Chinese headers and results (UTF-8 with a BOM for Excel and WPS).
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {r["单位"] for r in rows} == {"锦屏街道", "通惠街道"}
    copied_rows = {r["单位"]: r["结果"] for r in rows if r["核查项目"] == "内容雷同"}
    assert copied_rows == {"锦屏街道": "警告", "通惠街道": "警告"}
    assert len({(r["文件"], r["核查项目"]) for r in rows}) == len(rows)


def test_overview_xlsx_needs_an_output_file() -> None:
    assert run("check", str(VARIANTS / "03_late_government.txt"), "--format", "xlsx").returncode == 2
