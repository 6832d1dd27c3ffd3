"""The researcher's indicators (../shared/spec/OUTPUT.md, "Indicators"), checked by hand on
three corpus reports: every number below is read off the document's own lines (the test
checks those lines first), and the arithmetic is written out here."""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.output.indicators import Indicator, indicators
from cli_helpers import SEED1, SEED2
from conftest import CORPUS

DENSE_2022 = CORPUS / "dense" / "2021-01-text-wanyuan.txt"  # 临江市密集区人民政府, 2022, a row per line
DENSE_2023 = CORPUS / "dense" / "2021-06-text-wanyuan.txt"  # the same unit, 2023


def quotient(n: int, d: int) -> Decimal:
    """n / d to 20 places, half-even: the precision docs/output.md promises."""
    return (Decimal(n) / Decimal(d)).quantize(Decimal("1e-20"), rounding=ROUND_HALF_EVEN)


def row(path: Path, number: int) -> list[str]:
    """Line ``number`` (1-based) of a document, split on tabs."""
    return path.read_text(encoding="utf-8").splitlines()[number - 1].split("\t")


def by(figures: list[Indicator], sha: str) -> dict[tuple[str, str], Indicator]:
    return {(f.indicator, f.column): f for f in figures if f.sha256 == sha}


def test_a_dense_report_by_hand() -> None:
    # Table 三 of the 2022 report, one row per line (columns 自然人 … 其他, then 总计).
    assert row(DENSE_2022, 28)[1:] == ["（一）予以公开", "3", "23", "7", "4", "13", "13", "63"]
    assert row(DENSE_2022, 29)[1:] == ["10", "4", "24", "30", "29", "22", "119"]
    assert row(DENSE_2022, 49) == ["（七）总计", "312", "293", "381", "326", "344", "356", "2012"]
    denied = [row(DENSE_2022, 30)[2:]] + [row(DENSE_2022, n)[1:] for n in range(31, 38)]
    assert [r[0] for r in denied] == ["12", "21", "22", "18", "10", "16", "3", "14"]  # 自然人, 1. to 8.
    assert [r[-1] for r in denied] == ["94", "82", "110", "97", "93", "109", "66", "90"]  # 总计
    # Table 四: 行政复议 4 5 3 3 15 | 直接起诉 1 1 8 7 17 | 复议后起诉 3 3 2 1 9.
    assert row(DENSE_2022, 56) == "4 5 3 3 15 1 1 8 7 17 3 3 2 1 9".split()
    report = parse(DENSE_2022)
    got = by(indicators([report]), report.source.sha256)

    # 自然人: 办结 312; 公开率 3/312; 实质公开率 (3+10)/312 = 13/312;
    # 不予公开率 (12+21+22+18+10+16+3+14)/312 = 116/312.
    assert got[("closed", "natural_person")].value == 312
    assert (got[("disclosure_rate", "natural_person")].numerator, got[("disclosure_rate", "natural_person")].denominator) == (3, 312)
    assert got[("disclosure_rate", "natural_person")].value == quotient(3, 312)
    assert got[("substantive_rate", "natural_person")].value == quotient(13, 312)
    assert got[("denial_rate", "natural_person")].numerator == 116
    assert got[("denial_rate", "natural_person")].value == quotient(116, 312)
    # 总计: 63/2012, (63+119)/2012 = 182/2012, (94+82+110+97+93+109+66+90)/2012 = 741/2012.
    assert got[("disclosure_rate", "total")].value == quotient(63, 2012)
    assert got[("substantive_rate", "total")].value == quotient(182, 2012)
    assert got[("denial_rate", "total")].value == quotient(741, 2012)
    # 复议纠错率 5 / (15 − 3) = 5/12; 诉讼纠错率 (1 + 3) / ((17 − 7) + (9 − 1)) = 4/18.
    recon = got[("reconsideration_correction_rate", "all")]
    assert (recon.numerator, recon.denominator, recon.value) == (5, 12, quotient(5, 12))
    suits = got[("litigation_correction_rate", "all")]
    assert (suits.numerator, suits.denominator, suits.value) == (4, 18, quotient(4, 18))
    assert all(f.null_reason is None and f.previous is None for f in got.values())


def test_a_report_of_small_numbers_and_a_zero_denominator() -> None:
    lines = SEED1.read_text(encoding="utf-8").splitlines()
    # Seed 001, a cell per line: （一）予以公开 0 … ; （二）部分公开 3 0 0 0 0 0 3; （七）总计 5 0 0 0 0 0 5;
    # table 四 all fifteen cells 0.
    assert lines[93].strip() == "（一）予以公开" and [lines[n].strip() for n in range(94, 101)] == ["0"] * 7
    assert lines[103].strip().startswith("（二）部分公开") and [lines[n].strip() for n in range(104, 111)] == \
        ["3", "0", "0", "0", "0", "0", "3"]
    assert lines[322].strip() == "（七）总计" and [lines[n].strip() for n in range(323, 330)] == \
        ["5", "0", "0", "0", "0", "0", "5"]
    assert [lines[n].strip() for n in range(365, 380)] == ["0"] * 15
    report = parse(SEED1)
    got = by(indicators([report]), report.source.sha256)
    # 自然人: 0/5 = 0, (0+3)/5 = 0.6, denied 0/5 = 0; 商业企业 办结 0: every rate null.
    assert got[("disclosure_rate", "natural_person")].value == 0
    assert got[("substantive_rate", "natural_person")].value == Decimal("0.6")
    assert got[("denial_rate", "total")].value == 0
    assert got[("closed", "commercial")].value == 0
    assert got[("disclosure_rate", "commercial")].value is None
    assert got[("disclosure_rate", "commercial")].null_reason == "zero_denominator"
    # 复议: 0 corrected over (0 total − 0 pending) = 0: null.
    assert got[("reconsideration_correction_rate", "all")].null_reason == "zero_denominator"


def test_ambiguous_terms_make_the_indicator_null() -> None:
    lines = SEED2.read_text(encoding="utf-8").splitlines()
    # Seed 002 (empty cells dropped): （一）予以公开 16 1 0 0 0 0 17, （二）部分公开 8 1 0 0 0 0 9, 5. 2 … 2,
    # 6. 1 … 1, （七）总计 prints six values 36 2 0 0 0 38; table 四 prints 5 0 1 1 7 0 5 5 for fifteen cells.
    assert [lines[n].strip() for n in range(155, 168, 2)] == ["16", "1", "0", "0", "0", "0", "17"]
    assert [lines[n].strip() for n in range(171, 184, 2)] == ["8", "1", "0", "0", "0", "0", "9"]
    assert lines[251].strip() == "5.属于三类内部事务信息" and lines[253].strip() == "2"
    assert lines[267].strip() == "6.属于四类过程性信息" and lines[269].strip() == "1"
    assert lines[495].strip() == "(七)总计" and [lines[n].strip() for n in range(497, 510, 2)] == \
        ["36", "2", "0", "0", "0", "0", "38"]
    assert [lines[n].strip() for n in range(567, 582, 2)] == ["5", "0", "1", "1", "7", "0", "5", "5"]
    report = parse(SEED2)
    got = by(indicators([report]), report.source.sha256)
    # 自然人 16/36, (16+8)/36, (2+1)/36; 总计 17/38, 26/38, 3/38.
    assert got[("disclosure_rate", "natural_person")].value == quotient(16, 36)
    assert got[("substantive_rate", "natural_person")].value == quotient(24, 36)
    assert got[("denial_rate", "natural_person")].value == quotient(3, 36)
    assert [got[(k, "total")].value for k in ("disclosure_rate", "substantive_rate", "denial_rate")] == \
        [quotient(17, 38), quotient(26, 38), quotient(3, 38)]
    # Eight values for fifteen cells: 复议 总计 and 尚未审结 are ambiguous, so both rates are null.
    for name in ("reconsideration_correction_rate", "litigation_correction_rate"):
        assert got[(name, "all")].value is None and got[(name, "all")].null_reason == "ambiguous"


def test_change_against_last_year_of_the_same_unit() -> None:
    # 2023: 行政复议 9 7 8 9 33 → 7 / (33 − 9) = 7/24; 2022 (above): 5/12. Change 7/24 − 10/24 = −1/8.
    assert row(DENSE_2023, 56) == "9 7 8 9 33 9 8 2 7 26 1 4 3 7 15".split()
    assert row(DENSE_2023, 49)[-1] == "1766" and row(DENSE_2022, 49)[-1] == "2012"
    old, new = parse(DENSE_2022), parse(DENSE_2023)
    figures = indicators([new, old])  # in any order
    got = by(figures, new.source.sha256)
    recon = got[("reconsideration_correction_rate", "all")]
    assert recon.previous == quotient(5, 12) and recon.value == quotient(7, 24)
    assert recon.change == Decimal("-0.125") and recon.previous_sha256 == old.source.sha256
    assert got[("closed", "total")].change == 1766 - 2012
    assert all(f.previous is None for f in by(figures, old.source.sha256).values())  # no 2021 given


def test_two_reports_of_one_unit_and_year_are_not_linked() -> None:
    # Two readings of the 2022 report: which one is "last year" for 2023 cannot be said.
    twin = parse(DENSE_2022.read_bytes() + b"\n", name="twin.txt")
    figures = indicators([parse(DENSE_2022), twin, parse(DENSE_2023)])
    assert all(f.previous is None for f in figures)


def test_frame_and_cli_carry_the_indicators(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from gipextract import to_frame
    from cli_helpers import run

    frame = to_frame([parse(DENSE_2022)], "indicators")
    assert str(frame["numerator"].dtype) == "Int64" and frame["value"].map(type).isin([Decimal, type(None)]).all()
    out = run(str(DENSE_2022), "--format", "csv", "-o", str(tmp_path) + "/", "--indicators")
    assert out.returncode in (0, 1), out.stderr
    back = pd.read_csv(tmp_path / "indicators.csv", encoding="utf-8-sig", dtype=str)
    hit = back[(back.indicator == "reconsideration_correction_rate")].iloc[0]
    assert Decimal(hit["value"]) == quotient(5, 12) and hit["label"] == "复议纠错率"
