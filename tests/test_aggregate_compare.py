"""``gipextract aggregate`` and ``compare``: refusals, the Word form read back, the 结转 chain."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.checks.years import changes
from gipextract.errors import IncompatibleReportsError
from gipextract.output.district import aggregate
from gipextract.report import Report
from cli_helpers import SEED0, SEED1, SEED2, SEED3, run


def test_aggregate_docx_is_the_form_filled_in_and_reads_back_to_the_same_grid(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    target = tmp_path / "district.docx"
    out = run("aggregate", str(SEED0), str(SEED1), "-o", str(target), "--unit", "某某区")
    assert out.returncode == 0, out.stderr
    back = parse(target)
    a, b = parse(SEED0), parse(SEED1)
    for key in ("proactive", "requests", "appeals"):
        ta, tb, tc = a.table(key), b.table(key), back.table(key)
        for row, cols in tc.items():
            for col, v in cols.items():
                assert v == ta[row][col] + tb[row][col], (key, row, col)
    assert back.info.unit == "某某区" and back.info.year == 2022 and back.ok
    # Hand-read: 一、本年新收 … 自然人 is 0 in seed 000 and 5 in seed 001.
    assert back.table("requests")["new_received"]["natural_person"] == 5


def test_aggregate_json_loads_saved_results_and_names_the_input_with_open_cells(tmp_path: Path) -> None:
    saved = tmp_path / "two.jsonl"
    saved.write_text(run(str(SEED1), str(SEED2), "--format", "jsonl").stdout, encoding="utf-8")
    target = tmp_path / "sum.json"
    out = run("aggregate", str(saved), "-o", str(target))
    assert out.returncode == 1  # the sum leaves cells open: a finding
    total = Report.from_dict(json.loads(target.read_text(encoding="utf-8")))
    open_ = [f for f in total.findings if f.code == "aggregate_open"]
    # Seed 002 leaves fourteen cells of table 四 ambiguous; seed 001 determines every cell.
    assert len(open_) == 1 and str(SEED2) in open_[0].message and len(open_[0].cells) == 14
    cell = total.cell("appeals", "all", "reconsideration.upheld")
    assert cell.status == "ambiguous" and str(SEED2) in cell.note and str(SEED1) not in cell.note
    assert str(SEED2) in out.stderr


def test_aggregate_refuses_mixed_years_forms_and_duplicates(tmp_path: Path) -> None:
    d = parse(SEED0).to_dict()
    d["report"]["year"] = 2023
    later = tmp_path / "later.json"
    later.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    years = run("aggregate", str(SEED1), str(later))
    assert years.returncode == 1 and "年度不同" in years.stderr and "2023" in years.stderr
    forms = run("aggregate", str(SEED1), str(SEED3))
    assert forms.returncode == 1 and "格式不同" in forms.stderr
    shutil.copy(SEED1, tmp_path / "copy.txt")
    dup = run("aggregate", str(SEED1), str(tmp_path / "copy.txt"), "-o", str(tmp_path / "x.json"))
    assert dup.returncode == 1 and "给了两次" in dup.stderr and not (tmp_path / "x.json").exists()
    with pytest.raises(IncompatibleReportsError, match="年度不同") as e:
        aggregate([parse(SEED1), Report.from_dict(d)])
    assert e.value.code == "different_years"
    assert run("aggregate", str(SEED1), "-o", str(tmp_path / "x.csv")).returncode == 2


def test_compare_lists_the_chain_and_every_changed_cell() -> None:
    old, new = parse(SEED0), parse(SEED1)
    diff = changes(old, new)
    # Hand-checked pair: seed 000 (通惠街道) received no applications, seed 001 (锦屏街道) received 5.
    assert ("requests.new_received.natural_person", 0, 5) in diff
    before, after = {c.ref: c.value for c in old.cells}, {c.ref: c.value for c in new.cells}
    assert {ref for ref in after if before[ref] != after[ref]} == {ref for ref, _, _ in diff}
    assert all(before[ref] == a and after[ref] == b for ref, a, b in diff)
    out = run("compare", str(SEED0), str(SEED1))
    assert out.returncode == 1  # different units and not consecutive years: warnings
    assert "两份报告的单位不同" in out.stdout and f"变化的单元格（{len(diff)}）" in out.stdout
    assert "一、本年新收政府信息公开申请数量 / 自然人: 0 → 5" in out.stdout
    js = json.loads(run("compare", str(SEED0), str(SEED1), "--format", "json").stdout)
    assert len(js["changes"]) == len(diff) and {f["code"] for f in js["findings"]} >= {"cross_year_unit"}

