"""The three tidy tables (reports, cells, findings; indicators on request) keep everything and
come back typed from every format: CSV, the XLSX workbook, Parquet and the in-memory frames
agree, a file that cannot be read keeps its row, and every finding code the corpus produces
is in the corpus's findings table. Random valid grids go through every writer and back."""
from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gipextract import parse_many, templates
from gipextract.output.export import write_csv_tables
from gipextract.report import Cell, Report, ReportInfo, Result, SourceInfo
from cli_helpers import SEED0, SEED1, SEED2, SEED3, run
from conftest import CORPUS
from strategies import any_template, grids

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
from gipextract.output.tidy import read_tables, to_frames  # noqa: E402  (needs pandas)

READ = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
INTS = {"reports": ["year", "cells", "ok", "empty", "inferred", "ambiguous", "missing", "confirmed", "identities_held",
                    "identities_failed", "identities_unchecked", "errors", "warnings", "infos"],
        "cells": ["year", "page", "line", "source_table", "source_row", "source_col"],
        "findings": ["year", "n"]}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four seeds (an amount in 万元 among them), a dense report and a corrupt DOCX."""
    root = tmp_path_factory.mktemp("tidy")
    for p in (SEED0, SEED1, SEED2, SEED3, CORPUS / "dense" / "2021-01-text-wanyuan.txt"):
        shutil.copy(p, root / p.name)
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return root


@pytest.fixture(scope="module")
def expected(folder: Path) -> dict:
    return to_frames(list(parse_many([folder], isolate=False)), indicators=True)


def check_types(frames: dict) -> None:
    """The documented types, whatever the file read back."""
    for table, ints in INTS.items():
        frame = frames[table]
        assert all(str(frame[c].dtype) == "Int64" for c in ints), (table, frame.dtypes.to_dict())
        assert str(frame["template"].dtype).startswith("str") or str(frame["template"].dtype) == "string"
        assert str(frame["document"].dtype) in ("string", "str")
    values = frames["cells"]["value"].dropna()
    assert len(values) and all(type(v) is Decimal for v in values)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_three_tables_round_trip_typed(fmt: str, folder: Path, expected: dict, tmp_path: Path) -> None:
    target = str(tmp_path / "out.xlsx") if fmt == "xlsx" else str(tmp_path / "out") + "/"
    out = run(str(folder), "--format", fmt, "-o", target, "--indicators")
    assert out.returncode == 1, out.stderr  # findings, and one file that cannot be read
    back = read_tables(target)
    assert set(back) == {"reports", "cells", "findings", "indicators"}
    check_types(back)
    for table in ("reports", "cells", "findings"):
        pd.testing.assert_frame_equal(back[table], expected[table], check_dtype=True)
    ind, want = back["indicators"], expected["indicators"]
    if fmt == "xlsx":  # a workbook holds a rate as a float: 15 significant digits, the fraction exact beside it
        assert ind["numerator"].equals(want["numerator"]) and ind["denominator"].equals(want["denominator"])
        pairs = [(a, b) for a, b in zip(ind["value"], want["value"]) if b is not None]
        assert all(abs(a - b) < Decimal("1e-14") for a, b in pairs) and len(pairs) > 20
    else:
        pd.testing.assert_frame_equal(ind, want)
    # The amount printed 258.181269 (万元) in seed 003 comes back exactly.
    cells = back["cells"]
    amount = cells[(cells.document == str(folder / SEED3.name)) & (cells.row == "procurement")
                   & (cells.column == "amount")]["value"].iloc[0]
    assert amount == Decimal("258.181269") and str(amount) == "258.181269"


def test_plain_pandas_readers_get_types(folder: Path, tmp_path: Path) -> None:
    assert run(str(folder), "--format", "parquet", "-o", str(tmp_path / "p") + "/").returncode == 1
    reports = pd.read_parquet(tmp_path / "p" / "reports.parquet")  # no helper: the pandas metadata types it
    assert str(reports["year"].dtype) == "Int64" and str(reports["template"].dtype) in ("string", "str")
    assert run(str(folder), "--format", "xlsx", "-o", str(tmp_path / "w.xlsx")).returncode == 1
    sheet = pd.read_excel(tmp_path / "w.xlsx", sheet_name="cells")  # one header row: numbers stay numbers
    assert list(sheet.columns)[:5] == ["document", "sha256", "unit", "year", "template"]
    assert sheet["value"].dtype == "float64" and sheet["line"].dtype == "float64"
    assert pd.read_excel(tmp_path / "w.xlsx", sheet_name="findings")["n"].dtype == "int64"


def test_a_corrupt_file_keeps_its_error_row(folder: Path, expected: dict) -> None:
    reports = expected["reports"]
    broken = reports[reports.document == str(folder / "broken.docx")].iloc[0]
    assert broken["status"] == "error" and broken["error_type"] == "UnreadableInputError"
    assert broken["error_code"].startswith("docx_") and "docx" in broken["error"]
    assert pd.isna(broken["year"]) and pd.isna(broken["cells"])
    assert set(reports["status"]) == {"error", "clean", "flagged"} and len(reports) == 6
    cells = expected["cells"]
    assert cells[cells.status == "error"]["document"].tolist() == [str(folder / "broken.docx")]


def test_x_csv_keeps_the_cells_and_says_where_the_others_went(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    out = run(str(folder), "--format", "csv", "-o", str(target))
    assert out.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv", "x.findings.csv", "x.reports.csv"]
    lines = [line for line in out.stderr.splitlines() if "x.reports.csv" in line]
    assert len(lines) == 1 and "x.findings.csv" in lines[0] and "报告表" in lines[0]
    head = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert head.startswith("document,sha256,unit,year,template,table,row,column")  # today's cells file


def test_every_finding_code_of_the_corpus_is_in_its_findings_table() -> None:
    files = [p for p in sorted(CORPUS.rglob("*")) if p.suffix in READ and "tools" not in p.parts
             and "scans" not in p.parts]
    results = list(parse_many(files, jobs=2))
    produced = [(r.path, f.code) for r in results if r.report for f in r.report.findings]
    codes = {code for _, code in produced}
    assert len(codes) >= 25 and {"wrong_form", "section_missing", "period_missing", "deadline_unchecked"} <= codes
    frame = to_frames(results)["findings"]
    assert set(frame["code"]) == codes and len(frame) == len(produced)
    assert frame["message"].str.len().min() > 0 and frame["args"].str.startswith("{").all()
    # The CSV stream writes the same rows.
    outs = {"findings": io.StringIO(), "reports": io.StringIO()}
    for _ in write_csv_tables(results, outs):
        pass
    outs["findings"].seek(0)
    written = pd.read_csv(outs["findings"], dtype=str)
    assert set(written["code"]) == codes and len(written) == len(produced)
    outs["reports"].seek(0)
    assert len(pd.read_csv(outs["reports"], dtype=str)) == len(files)


def _report(template, grid: dict, n: int) -> Report:
    """A report holding ``grid``'s values as printed cells (what a writer sees after parsing)."""
    cells = tuple(Cell(t, r, c, grid[(t, r, c)], "ok") for t, r, c in templates.get(template.id).cell_keys())
    return Report(SourceInfo(f"grid{n}.txt", "text", f"{n:064x}"), template.id, ReportInfo("某某街道", 2023), cells)


def _through_writers(reports: list[Report], folder: Path) -> None:
    from gipextract.output.parquet import ParquetTable
    from gipextract.output.tables import TABLES, records
    from gipextract.output.xlsx import write_workbook

    folder.mkdir(parents=True, exist_ok=True)
    outs = {name: open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") for name in TABLES}
    for _ in write_csv_tables(reports, outs):
        pass
    for f in outs.values():
        f.close()
    for name in TABLES:
        table = ParquetTable(str(folder / f"{name}.parquet"), name)
        for r in reports:
            table.add(records(r, name))
        table.close()
    for _ in write_workbook(reports, str(folder / "book.xlsx")):
        pass


def _check_grids(cases: list, folder: Path) -> None:
    reports = [_report(t, g, n) for n, (t, g) in enumerate(cases)]
    _through_writers(reports, folder)
    frames = to_frames(reports)
    csvs = {name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False) for name in frames}
    for back in (read_tables(folder / "book.xlsx"), read_tables(folder), {  # Parquet, read as such
            name: pd.read_parquet(folder / f"{name}.parquet") for name in frames}):
        assert len(back["cells"]) == sum(len(r.cells) for r in reports) == len(csvs["cells"])
        from gipextract.output.tidy import typed

        cells = typed(back["cells"], "cells")
        for (t, g), doc in zip(cases, [f"grid{n}.txt" for n in range(len(cases))]):
            mine = cells[cells.document == doc]
            got = {(a, b, c): v for a, b, c, v in zip(mine["table"], mine["row"], mine["column"], mine["value"])}
            assert got == {k: Decimal(v) for k, v in g.items()}
        pd.testing.assert_frame_equal(cells, frames["cells"])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(any_template().flatmap(lambda t: grids(t).map(lambda g: (t, g))), min_size=1, max_size=3))
def test_random_grids_through_every_writer(tmp_path: Path, cases: list) -> None:
    _check_grids(cases, tmp_path / f"run{abs(hash(str(cases))) % 10**8}")


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(any_template().flatmap(lambda t: grids(t).map(lambda g: (t, g))), min_size=1, max_size=4))
def test_random_grids_through_every_writer_long(tmp_path: Path, cases: list) -> None:
    _check_grids(cases, tmp_path / f"run{abs(hash(str(cases))) % 10**8}")


def test_results_and_reports_mix(folder: Path) -> None:
    results = list(parse_many([folder], isolate=False))
    mixed = [r.report if r.ok and n % 2 else r for n, r in enumerate(results)]
    frames = to_frames(mixed)
    assert len(frames["reports"]) == len(results) and (frames["reports"]["status"] == "error").sum() == 1
    assert isinstance(results[0], Result)
