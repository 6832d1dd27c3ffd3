"""Exports keep the validation: CSV rows with status and source, XLSX numbers and colours,
typed frames and Parquet, Report.from_dict round trips, Chinese labels with groups."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.output.export import exact, records
from gipextract.templates.labels import cell_label
from gipextract.report import Report
from cli_helpers import SEED1, SEED2, SEED3, broken_draft, run
from conftest import CORPUS, parsed

FORMATS = {".txt", ".html", ".htm", ".docx", ".pdf"}


def _corpus_reports() -> list[Report]:
    out = []
    for p in sorted(CORPUS.rglob("*")):
        if p.suffix in FORMATS:
            try:
                out.append(parsed(p))  # read once a session (conftest)
            except Exception:  # the pages without report tables are the corpus's error cases
                continue
    return out


@pytest.fixture(scope="module")
def corpus_reports() -> list[Report]:
    return _corpus_reports()


def test_from_dict_round_trips_every_corpus_report(corpus_reports: list[Report]) -> None:
    assert len(corpus_reports) >= 40
    for r in corpus_reports:
        d = r.to_dict()
        assert Report.from_dict(d) == r, r.source.path
        # Through JSON text too: amounts come back as exact Decimals, counts as ints.
        again = Report.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
        assert again == r and again.to_dict() == d
    compact = corpus_reports[0].to_dict(compact=True)
    assert "sections" not in compact and all("source" not in c for c in compact["cells"])
    assert Report.from_dict(compact).table("requests") == corpus_reports[0].table("requests")


def test_from_dict_refuses_an_error_record() -> None:
    with pytest.raises(ValueError, match="读取失败的记录"):
        Report.from_dict({"schema": 1, "source": {"path": "x"}, "error": {"type": "X", "message": "broken"}})


def test_csv_keeps_status_candidates_provenance_and_findings(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    target = tmp_path / "cells.csv"
    out = run(str(SEED2), str(SEED3), "--format", "csv", "-o", str(target))
    assert out.returncode == 1
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    seed2 = parse(SEED2)
    by = {(r["document"], r["table"], r["row"], r["column"]): r for r in rows}
    # Seed 002 prints 5 0 1 1 7 0 5 5 for table 四: 行政复议 结果维持 is 0 or 5 (docs/guide.md).
    amb = by[(str(SEED2), "appeals", "all", "reconsideration.upheld")]
    assert amb["status"] == "ambiguous" and amb["candidates"] == "0|5" and amb["value"] == ""
    assert "ambiguous" in amb["findings"].split(";") and amb["sha256"] == seed2.source.sha256
    # 一、本年新收 … 自然人 36 is printed on line 124 of the text, two lines under its label.
    new = by[(str(SEED2), "requests", "new_received", "natural_person")]
    assert (new["value"], new["status"], new["line"]) == ("36", "ok", "124")
    lines = SEED2.read_text(encoding="utf-8").splitlines()
    assert lines[123].strip() == "36" and lines[121].strip() == "一、本年新收政府信息公开申请数量"
    inferred = by[(str(SEED2), "requests", "new_received", "research")]
    assert inferred["status"] == "inferred" and inferred["findings"] == "inferred"
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns)[:2] == ["document", "sha256"] and len(frame) == len(rows)
    assert frame[frame.row == "fees"]["value"].tolist()[0] == "16197.02"


def test_xlsx_numbers_sum_right_and_non_ok_cells_are_marked(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "out.xlsx"
    draft = broken_draft(tmp_path)
    assert run(str(SEED1), str(SEED2), str(draft), "--format", "xlsx", "-o", str(target)).returncode == 1
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["reports", "cells", "findings", "说明"]
    sheet = wb["cells"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))  # one header row: pd.read_excel types the columns
    col = {name: header.index(name) for name in header}

    def cell(doc: Path, table: str, row: str, column: str):  # type: ignore[no-untyped-def]
        return next(r[col["value"]] for r in rows if (r[col["document"]].value, r[col["table"]].value,
                                                      r[col["row"]].value, r[col["column"]].value)
                    == (str(doc), table, row, column))

    # Seed 001's 一、本年新收 row: 自然人 5, the five organisation columns 0, 总计 5 (read off the file).
    cols = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
    parts = [cell(SEED1, "requests", "new_received", c).value for c in cols]
    assert all(isinstance(v, int) for v in parts) and sum(parts) == cell(SEED1, "requests", "new_received", "total").value == 5
    research = cell(SEED2, "requests", "new_received", "research")
    assert research.value == 0 and research.fill.start_color.rgb.endswith("FFF2CC") and "推定" in research.comment.text
    amb = cell(SEED2, "appeals", "all", "reconsideration.upheld")
    assert amb.value is None and "可能为 0、5" in amb.comment.text
    fee = cell(SEED2, "proactive", "fees", "amount").value
    assert isinstance(fee, float) and Decimal(str(fee)) == Decimal("16197.02")
    fhead = [c.value for c in wb["findings"][1]]
    findings = [dict(zip(fhead, (c.value for c in r))) for r in wb["findings"].iter_rows(min_row=2)]
    assert sum(1 for f in findings if f["document"] == str(draft) and f["code"] == "identity") == 3
    # Seed 001 is clean: at most the info that its publication date is not printed.
    assert all(f["severity"] == "info" for f in findings if f["document"] == str(SEED1))
    rhead = [c.value for c in wb["reports"][1]]
    reports = {r[0].value: dict(zip(rhead, (c.value for c in r))) for r in wb["reports"].iter_rows(min_row=2)}
    assert reports[str(draft)]["identities_failed"] == 3 and reports[str(draft)]["status"] == "flagged"
    assert reports[str(SEED1)]["status"] == "clean" and reports[str(SEED1)]["identities_failed"] == 0


def test_frame_is_typed_and_parquet_round_trips(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from gipextract.output.export import to_frame

    reports = [parse(SEED2), parse(SEED3)]
    frame = to_frame(reports)
    assert str(frame["value"].dtype) == "object" and str(frame["year"].dtype) == "Int64"
    amount = frame[(frame.document == str(SEED3)) & (frame.row == "procurement") & (frame.column == "amount")].iloc[0]
    assert amount["value"] == Decimal("258.181269") and exact(str(amount["value"])) == Decimal("258.181269")
    assert frame[frame.status == "ambiguous"]["value"].isna().all()
    target = tmp_path / "cells.parquet"
    frame.to_parquet(target)
    back = pd.read_parquet(target)
    pd.testing.assert_frame_equal(back, frame)
    assert len(back) == sum(len(r.cells) for r in reports)


def test_labels_carry_the_group_in_both_languages() -> None:
    assert cell_label("2021", "requests.denied.state_secret.natural_person") == "（三）不予公开 / 1.属于国家秘密 / 自然人"
    assert cell_label("2021", "requests.denied.state_secret.natural_person", "en") == \
        "(3) Not disclosed / 1. State secrets / natural persons"
    assert records(parse(SEED1))[0]["row_label"] == "规章"
    rec = [r for r in records(parse(SEED1)) if r["row"] == "denied.state_secret"][0]
    assert rec["row_label"] == "（三）不予公开 / 1.属于国家秘密"


def test_findings_are_data_rendered_in_either_language() -> None:
    report = parse(SEED2)
    amb = [f for f in report.findings if f.code == "ambiguous"][0]
    assert "行政复议 结果维持 可能为 0、5" in amb.message and "appeals." not in amb.message
    assert amb.args["candidates"]["appeals.all.reconsideration.upheld"] == [0, 5]
    first = report.findings[0]
    assert (first.code, first.args["row"], first.args["count"], first.args["width"]) == \
        ("inferred", "new_received", 6, 7)
    assert first.text("en").startswith("table III (requests), 1. New requests this year prints 6 values for 7 cells")
    assert first.message == first.text("zh") and first.message.startswith("表三（申请办理） 一、本年新收")
    # The JSON carries the arguments, and reading it back renders the same messages.
    back = Report.from_dict(json.loads(json.dumps(report.to_dict(lang="en"), ensure_ascii=False)))
    assert [f.message for f in back.findings] == [f.message for f in report.findings]
