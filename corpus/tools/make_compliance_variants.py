"""Make the compliance variants under corpus/compliance/ from corpus documents.

Each variant is a corpus document with one deliberate change that breaks (or keeps) a rule of
the regulation or the national notice: a date moved past the deadline, a part removed or
renamed, the wrong form for the year, another unit's name pasted in, a row left out, a
paragraph copied from another unit. Every edit is an exact string replacement that must
match, so a change in a source document stops the script instead of making a silent no-op.
The expected findings are written by hand in corpus/compliance/MANIFEST.json, not here.

    python corpus/tools/make_compliance_variants.py      # from the repository root
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpus" / "compliance"
S0 = "corpus/seeds/000_c5799cdcd1c8417a.txt"  # 通惠街道 2022, 2021 form, no date
S1 = "corpus/seeds/001_91b930a4292c284b.txt"  # 锦屏街道 2022, 2021 form, no date
S2 = "corpus/seeds/002_d3904e969f46d18d.txt"  # 重庆市綦江区人民政府 2022, 日期:2023-03-31
S3 = "corpus/seeds/003_9456aa479e8413ba.txt"  # 茄子溪街道 2020, 2019 form, 六 unnumbered, no period
H1 = "corpus/html/01_seed000_chrome_utf8_blanks.html"  # 通惠街道, PubDate 2023-01-16
H8 = "corpus/html/08_table2_cell_dropped_ambiguous.html"  # 安宁区卫生健康委员会 2023, PubDate 2024-01-25


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def sub(text: str, old: str, new: str, count: int | None = None) -> str:
    """Replace ``old`` (which must occur, ``count`` times when given) by ``new``."""
    n = text.count(old)
    if n == 0 or (count is not None and n != count):
        raise SystemExit(f"expected {count or 'some'} of {old!r}, found {n}")
    return text.replace(old, new)


def cut(text: str, start: str, end: str) -> tuple[str, str]:
    """Remove text from ``start`` up to (not including) ``end``; return (text, removed)."""
    i = text.index(start)
    j = text.index(end, i)
    return text[:i] + text[j:], text[i:j]


def row_block(text: str, label: str) -> str:
    """A table row of the seed flattening: its label line and the value lines after it."""
    m = re.search(r"\t*" + re.escape(label) + r"\n(?:\t*\d*\n)+", text)
    if m is None:
        raise SystemExit(f"row {label!r} not found")
    return m.group(0)


def variants() -> dict[str, str]:
    s0, s1, s2, s3, h1, h8 = read(S0), read(S1), read(S2), read(S3), read(H1), read(H8)
    v: dict[str, str] = {}
    # Deadline (条例第四十九条).
    late = sub(sub(h1, 'content="2023-01-16 09:30"', 'content="2023-04-20 09:30"', 1), "2023-01-16", "2023-04-20")
    v["01_late_subdistrict.html"] = late
    v["02_late_department.html"] = sub(h8, "2024-01-25", "2024-02-26")
    v["03_late_government.txt"] = sub(s2, "日期:2023-03-31", "日期:2023-04-12", 1)
    v["04_published_before_year_end.html"] = sub(h8, "2024-01-25", "2023-12-20")
    v["05_department_on_time.html"] = sub(h8, "2024-01-25", "2024-01-31")
    # Parts 一 to 六 (条例第五十条, 30号).
    v["06_part_removed.txt"] = cut(s0, "五、存在的主要问题及改进情况", "六、其他需要报告的事项")[0]
    v["07_part_renamed.txt"] = sub(s0, "五、存在的主要问题及改进情况", "五、下一步工作打算", 1)
    i = s0.index("六、其他需要报告的事项")
    j = s0.index("五、存在的主要问题及改进情况")
    v["08_parts_swapped.txt"] = s0[:j] + s0[i:].rstrip("\n") + "\n" + s0[j:i]
    # Form of the year (30号 / 60号).
    v["09_form2019_for_2022.txt"] = sub(s3, "2020年", "2022年")
    v["10_form2021_for_2020.txt"] = sub(s0, "2022", "2020")
    # Statistical period.
    v["11_period_other_year.txt"] = sub(s0, "统计期限为2022年1月1日起至2022年12月31日止",
                                        "统计期限为2021年1月1日起至2021年12月31日止", 1)
    v["12_period_removed.txt"] = sub(s0, "本报告分为六个部分，所列数据统计期限为2022年1月1日起至2022年12月31日止。",
                                     "本报告分为六个部分。", 1)
    v["13_period_partial.txt"] = sub(s0, "至2022年12月31日止", "至2022年11月30日止", 1)
    # Another unit's name (内容雷同).
    nb = sub(s0, "通惠街道全面贯彻落实文件要求", "古南街道全面贯彻落实文件要求", 1)
    v["14_neighbour_name.txt"] = sub(nb, "依托通惠街道便民服务大厅", "依托古南街道便民服务大厅", 1)
    v["15_self_named_other_department.html"] = sub(h8, "要求，安宁区卫生健康委员会编制本报告",
                                                    "要求，安宁区教育局编制本报告", 1)
    # Rows not printed (the form's tables, 30号).
    v["16_row_left_out.txt"] = sub(s0, row_block(s0, "3.其他"), "", 1)
    # Copied prose: 锦屏街道's part 五 replaced by 通惠街道's, its name changed (pairs with seed 000).
    five0 = cut(s0, "五、存在的主要问题及改进情况", "六、其他需要报告的事项")[1]
    five1 = cut(s1, "五、存在的主要问题及改进情况", "六、其他需要报告的事项")[1]
    v["17_copied_part5.txt"] = sub(s1, five1, five0.replace("我街道", "锦屏街道"), 1)
    # The same unit a year earlier with the same prose (pairs with seed 000 as previous_year).
    v["18_previous_year_same_prose.txt"] = sub(s0, "2022", "2021")
    # A clerk's slip: 自然人 of （六）1 typed 3 instead of 2, its row total left at 2, so the
    # cell breaks its row's sum and its column's: the page's likely culprit (no compliance finding).
    slip = "逾期不补正、行政机关不再处理其政府信息公开申请\n\t2\n"
    v["19_sum_miscounted.txt"] = sub(s1, slip, slip.replace("\t2", "\t3"), 1)
    return v


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in variants().items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
