"""``compare`` across the change of form (a 2020 report on the 2019 form, its successor on the
2021 form) and the repetition of last year's prose, on a plain install.

The 2021 report is corpus/dense/2021-01 (临江市密集区人民政府 2022, 2021 form) turned into
the 2021 report by hand: its year, and its 二、上年结转 row set to the 2020 report's
四、结转下年度继续办理 (4 7 1 1 3 1 17, corpus/dense/2019-01 line 52), with 一、本年新收 lowered
by as much so that every column still balances.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from gipextract import parse
from gipextract.checks.repetition import repetition, repetition_finding
from gipextract.checks.years import changes, cross_year
from gipextract.report import Report, ReportInfo, SourceInfo
from cli_helpers import run  # type: ignore[import-not-found]
from conftest import CORPUS
from test_messages import english

OLD = CORPUS / "dense" / "2019-01-text-wanyuan.txt"  # 2020 report, 2019 form
NEW_2022 = CORPUS / "dense" / "2021-01-text-wanyuan.txt"  # 2022 report, 2021 form
NEW_ROW = "一、本年新收政府信息公开申请数量\t310\t293\t387\t325\t342\t362\t2019"
CARRIED = "二、上年结转政府信息公开申请数量\t6\t5\t1\t2\t9\t2\t25"


def successor(folder: Path, natural_person: int = 4) -> Path:
    """The 2021 report: 上年结转 = 2020's 结转下年度 (自然人 as given), columns balanced."""
    text = NEW_2022.read_text(encoding="utf-8").replace("2022年", "2021年")
    # new + carried = 316 298 388 327 351 364 2044 in the 2022 report; keep the sums.
    carried = [natural_person, 7, 1, 1, 3, 1]
    new = [a - b for a, b in zip([316, 298, 388, 327, 351, 364], carried)]
    assert NEW_ROW in text and CARRIED in text
    text = text.replace(NEW_ROW, "一、本年新收政府信息公开申请数量\t" + "\t".join(map(str, new + [sum(new)])))
    text = text.replace(CARRIED, "二、上年结转政府信息公开申请数量\t" + "\t".join(map(str, carried + [sum(carried)])))
    path = folder / f"2021-{natural_person}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_chain_is_checked_from_the_2019_form_to_the_2021_form(tmp_path: Path) -> None:
    old, new = parse(OLD), parse(successor(tmp_path))
    assert (old.template, old.info.year, new.template, new.info.year) == ("2019", 2020, "2021", 2021)
    assert new.ok  # the hand-made successor balances
    assert cross_year(old, new) == []
    out = run("compare", str(OLD), str(successor(tmp_path)))
    assert "表格格式：2019 年版 → 2021 年版" in out.stdout and "√ 衔接一致" in out.stdout
    assert "Traceback" not in out.stderr and not english(out.stdout + out.stderr)
    broken = successor(tmp_path, natural_person=5)
    out = run("compare", str(OLD), str(broken))
    assert out.returncode == 1
    assert "[cross_year] 2021 年“二、上年结转政府信息公开申请数量”（自然人）为 5，但 2020 年“四、结转下年度继续办理”为 4" \
        in out.stdout
    assert out.stdout.count("[cross_year]") == 2  # 自然人 and 总计 (18 against 17)


def test_cells_are_compared_only_where_the_forms_share_a_concept() -> None:
    old, new = parse(OLD), parse(NEW_2022)
    diff = {ref: (a, b) for ref, a, b in changes(old, new)}
    # Table 二: 本年新制作数量 → 本年制发件数, 处理决定数量 → 本年处理决定数量 (lines 9, 13, 18 of each text).
    assert diff["proactive.regulations.issued"] == (363, 2407)
    assert diff["proactive.licensing.decisions"] == (4727, 3367)
    assert diff["proactive.coercion.decisions"] == (2907, 440)
    # Not the same concept (对外公开总数量 is not 现行有效件数), or no counterpart in 2021.
    assert not [r for r in diff if r.endswith((".in_force", ".repealed", ".amount")) or "other_services" in r
                or "procurement" in r or "previous_items" in r or "change" in r]
    # The 2019 （六）其他处理 against the sum of the 2021 （六）'s three rows: 28+28+18 and 58+86+83.
    assert diff["requests.other.natural_person"] == (8, 74) and diff["requests.other.total"] == (115, 227)
    # Table 四 row for row: 行政复议 总计 24 (2020) and 15 (2022).
    assert diff["appeals.all.reconsideration.total"] == (24, 15)
    # A cell of equal value is no change: 四、结转下年度 自然人 is 4 in both.
    assert "requests.carried_forward.natural_person" not in diff
    out = run("compare", str(OLD), str(NEW_2022))
    assert "规章 / 本年制发件数: 363 → 2407" in out.stdout and "（六）其他处理 / 自然人: 8 → 74" in out.stdout
    js = json.loads(run("compare", str(OLD), str(NEW_2022), "--format", "json").stdout)
    assert js["forms"] == ["2019", "2021"] and len(js["changes"]) == len(diff)


def _report(sections: dict[str, str], year: int) -> Report:
    return Report(SourceInfo(f"{year}.txt", "text", str(year) * 8), "2021", ReportInfo(unit="某街道", year=year), (),
                  sections=sections)


def test_repetition_is_the_share_of_this_years_prose_found_last_year() -> None:
    same = "我街道严格落实政府信息公开工作要求，健全公开制度，规范公开流程。"
    figures_2021, figures_2022 = "2021年我街道主动公开政府信息92条，其中工作动态53条。", "2022年我街道主动公开政府信息87条，其中工作动态41条。"
    fresh = "今年新建了政务公开专区，并在社区设立了查阅点。"
    old = _report({"一": same + figures_2021, "五": "一是培训不够；二是解读形式单一。"}, 2021)
    new = _report({"一": same + figures_2022, "五": fresh}, 2022)
    rep = repetition(old, new)
    # A sentence with new figures is the same sentence; the new part 五 is not last year's.
    assert rep.chars == len(same) + len(figures_2022) + len(fresh)
    assert rep.repeated_chars == len(same) + len(figures_2022)
    assert [p.part for p in rep.passages] == ["一"] and rep.passages[0].text == same + figures_2022
    assert rep.over_half  # 62 of 85 characters
    found = repetition_finding(rep, old, new)
    assert found is not None and found.code == "prose_repeated" and found.args["evidence"]["text"] == same + figures_2022
    assert "相同或几乎相同，超过一半" in found.message and not english(found.message)
    # Less than half: stated, no finding.
    little = repetition(old, _report({"一": figures_2022, "五": fresh * 3}, 2022))
    assert not little.over_half and repetition_finding(little, old, new) is None
    assert little.share == len(figures_2022) / (len(figures_2022) + 3 * len(fresh))


def test_a_report_repeating_last_years_prose_on_a_plain_install(tmp_path: Path) -> None:
    # corpus/compliance/18: 通惠街道 2021 with the prose of its 2022 report (seed 000).
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    for name in ("datasketch", "numpy"):  # the `similar` extra is not needed for two reports
        (blocker / f"{name}.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    old, new = CORPUS / "compliance" / "18_previous_year_same_prose.txt", CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt"
    out = run("compare", str(old), str(new), env={"PYTHONPATH": str(blocker)})
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert "与上一年度报告的文字重复（第一、五、六部分）：100%" in out.stdout
    assert "[prose_repeated]" in out.stdout and "第五部分：“2022年,我街道认真学习贯彻《政府信息公开条例》" in out.stdout
    assert not english(out.stdout + out.stderr)
    target = tmp_path / "对比 结果.json"
    out = run("compare", str(old), str(new), "-o", str(target), env={"PYTHONPATH": str(blocker)})
    js = json.loads(target.read_text(encoding="utf-8"))
    assert js["repetition"]["share"] == 1.0 and js["repetition"]["over_half"]
    assert f"已写入 {target}" in out.stderr


def test_amounts_compare_exactly() -> None:
    old, new = parse(CORPUS / "dense" / "2021-01-text-wanyuan.txt"), parse(CORPUS / "dense" / "2021-06-text-wanyuan.txt")
    diff = {ref: (a, b) for ref, a, b in changes(old, new)}
    a, b = diff["proactive.fees.amount"]
    assert isinstance(a, Decimal) and a == Decimal("888.772957")  # printed so in 2021-01's table 二
    assert isinstance(b, Decimal)
