"""A person's decisions on cells (overrides files): applied to the very document they were made
on (its sha256), refused for a changed file, checked when read, kept through JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.decisions import apply, dumps, load, parse_decisions
from gipextract.errors import SavedReportError
from gipextract.report import Decision, Report

from conftest import CORPUS, ROOT

# 重庆市綦江区 2022: table 四 prints "5 0 1 1 7 0 5 5" for 15 cells, several fillings fit.
QIJIANG = CORPUS / "seeds" / "002_d3904e969f46d18d.txt"
UPHELD = "appeals.all.reconsideration.upheld"


def _decision(report: Report, cell: str, value: int | Decimal, **kw: str) -> Decision:
    return Decision(report.source.sha256, cell, value, kw.get("who", "张三"), "2026-12-06T10:30:00",
                    kw.get("why", "纸质原件第3页"), kw.get("document", QIJIANG.name))


def test_a_decided_ambiguous_cell_is_confirmed_with_its_decision_as_source() -> None:
    report = parse(QIJIANG)
    before = report.cell("appeals", "all", "reconsideration.upheld")
    assert before.status == "ambiguous" and before.candidates == (0, 5)
    decided = parse(QIJIANG, overrides=[_decision(report, UPHELD, 5)])
    cell = decided.cell("appeals", "all", "reconsideration.upheld")
    assert (cell.value, cell.status, cell.candidates) == (5, "confirmed", ())
    assert isinstance(cell.source, Decision) and cell.source.who == "张三"
    assert [f.code for f in decided.findings if f.code.startswith("decision")] == ["decisions_applied"]
    applied = next(f for f in decided.findings if f.code == "decisions_applied")
    assert applied.cells == (UPHELD,) and "人工确认" in applied.message
    # The cell's JSON names the decision, and a saved report reads back equal.
    d = next(c for c in decided.to_dict()["cells"] if c["column"] == "reconsideration.upheld")
    assert d["status"] == "confirmed" and d["source"]["who"] == "张三" and d["source"]["sha256"] == report.source.sha256
    assert Report.from_dict(decided.to_dict()) == decided


def test_decisions_settle_the_placement_finding_they_answer() -> None:
    report = parse(QIJIANG)
    ambiguous = [c for c in report.cells if c.status == "ambiguous"]
    assert len(ambiguous) == 14
    picks = [_decision(report, c.ref, c.candidates[0]) for c in ambiguous]
    decided = parse(QIJIANG, overrides=picks)
    assert "ambiguous" not in {f.code for f in decided.findings}
    assert "ambiguous" in {f.code for f in report.findings}
    assert all(decided.cell(*c.ref.split(".", 2)).status == "confirmed" for c in ambiguous)


def test_a_confirmed_value_is_checked_by_the_identities() -> None:
    # 行政复议 prints 5 0 1 1 7 (维持 纠正 其他 尚未审结 总计); a clerk who decides 总计 9 breaks
    # 总计 = 维持 + 纠正 + 其他 + 尚未审结 (7), and the identity says so.
    report = parse(QIJIANG)
    printed = {"upheld": 5, "corrected": 0, "other": 1, "pending": 1}
    ds = [_decision(report, f"appeals.all.reconsideration.{k}", v) for k, v in printed.items()]
    right = parse(QIJIANG, overrides=[*ds, _decision(report, "appeals.all.reconsideration.total", 7)])
    wrong = parse(QIJIANG, overrides=[*ds, _decision(report, "appeals.all.reconsideration.total", 9)])
    assert not any(f.code == "identity" for f in right.findings)
    failed = [f for f in wrong.findings if f.code == "identity"]
    assert len(failed) == 1 and failed[0].args["difference"] == 2


def test_a_decision_for_a_changed_file_is_refused_never_applied(tmp_path: Path) -> None:
    report = parse(QIJIANG)
    changed = tmp_path / QIJIANG.name
    changed.write_bytes(QIJIANG.read_bytes().replace("综合".encode(), "综 合".encode(), 1))
    again = parse(changed, overrides=[_decision(report, UPHELD, 5)])
    assert again.source.sha256 != report.source.sha256
    assert again.cell("appeals", "all", "reconsideration.upheld").status == "ambiguous"
    refused = next(f for f in again.findings if f.code == "decision_refused")
    assert refused.severity == "warning" and refused.cells == (UPHELD,)
    assert report.source.sha256[:12] in refused.message and again.source.sha256[:12] in refused.message
    # Decisions on other documents (another name, another sha256) say nothing here.
    other = replace(_decision(report, UPHELD, 5), document="另一份.docx")
    assert parse(changed, overrides=[other]) == parse(changed)


def test_amounts_stay_exact_and_counts_stay_ints() -> None:
    report = parse(QIJIANG)
    decided = apply(report, [_decision(report, "proactive.fees.amount", Decimal("12.50")),
                             _decision(report, "requests.granted.total", 16)])
    assert decided.cell("proactive", "fees", "amount").value == Decimal("12.50")
    assert type(decided.cell("requests", "granted", "total").value) is int


def test_files_round_trip_and_bad_entries_are_named(tmp_path: Path) -> None:
    report = parse(QIJIANG)
    ds = [_decision(report, UPHELD, 0), _decision(report, UPHELD, 5), _decision(report, "proactive.fees.amount",
                                                                                    Decimal("1.5"))]
    path = tmp_path / "decisions.json"
    path.write_text(dumps(ds), encoding="utf-8")
    assert load(path) == (ds[1], ds[2])  # the later decision on a cell replaces the earlier
    good = json.loads(dumps(ds[:1]))["decisions"][0]
    for change, code in (({"cell": "requests.nowhere.total"}, "overrides_bad_cell"),
                         ({"value": -1}, "overrides_bad_value"), ({"value": "七"}, "overrides_bad_value"),
                         ({"sha256": "abc"}, "overrides_bad_sha"), ({"who": ""}, "overrides_missing_field")):
        with pytest.raises(SavedReportError) as e:
            parse_decisions({"decisions": [good, {**good, **change}]}, "d.json")
        assert e.value.code == code and "第 2 条" in str(e.value) and "d.json" in str(e.value)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SavedReportError) as e:
        load(bad)
    assert e.value.code == "overrides_not_json"


def test_the_command_line_applies_and_refuses(tmp_path: Path) -> None:
    report = parse(QIJIANG)
    path = tmp_path / "decisions.json"
    path.write_text(dumps([_decision(report, UPHELD, 5)]), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gipextract", str(QIJIANG), "--overrides", str(path), "--format",
                          "json"], capture_output=True, text=True, cwd=ROOT)
    cell = next(c for c in json.loads(out.stdout)["cells"] if c["column"] == "reconsideration.upheld")
    assert (cell["status"], cell["value"]) == ("confirmed", 5)
    path.write_text('{"decisions": [{"sha256": "0"}]}', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gipextract", str(QIJIANG), "--overrides", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "决定文件" in out.stderr and "Traceback" not in out.stderr
