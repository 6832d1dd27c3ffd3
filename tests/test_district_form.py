"""The district form (``aggregate -o 区.docx``) is the national form: its paragraphs are the
form's own text or visible placeholders, never invented prose; open cells are shaded and
listed with the unit responsible; a broken identity of the sum names the unit behind it."""
from __future__ import annotations

import re
from pathlib import Path

import docx

from cli_helpers import SEED0, SEED1, SEED2, run  # type: ignore[import-not-found]
from conftest import CORPUS
from test_messages import english

HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
PLACEHOLDER = re.compile(r"^【请填写：[^【】]+】$")
TITLE = re.compile(r"^(?:【请填写：单位名称】|[^【】\s]+)(?:\d{4}|【请填写：年度】)年政府信息公开工作年度报告$")
# What the old district form made up: none of it may appear.
INVENTED = ("本年度未发生责任追究情况", "一是政策解读形式还不够丰富", "本年度未收取信息处理费", "example.gov.cn")
MISCOUNTED = CORPUS / "compliance" / "19_sum_miscounted.txt"  # seed 001 with （六）1 自然人 printed 3, its total 2
SHADE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd"
FILL = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill"


def _form(tmp_path: Path, *inputs: Path | str, name: str = "区.docx") -> tuple[docx.document.Document, str]:
    target = tmp_path / name
    out = run("aggregate", *map(str, inputs), "-o", str(target))
    assert target.exists() and "Traceback" not in out.stderr, out.stderr
    assert not english(out.stdout + out.stderr), out.stderr
    return docx.Document(str(target)), out.stderr


def _fill(cell: docx.table._Cell) -> str | None:
    shd = cell._tc.tcPr.find(SHADE) if cell._tc.tcPr is not None else None
    return shd.get(FILL) if shd is not None else None


def test_every_paragraph_is_the_forms_text_or_a_placeholder(tmp_path: Path) -> None:
    for inputs in ((SEED0, SEED1), (SEED0, SEED1, SEED2), (SEED0, MISCOUNTED)):
        doc, _ = _form(tmp_path, *inputs)
        texts = [p.text for p in doc.paragraphs]
        assert TITLE.match(texts[0]), texts[0]
        assert [t for t in texts if t in HEADINGS] == list(HEADINGS)
        other = [t for t in texts[1:] if t not in HEADINGS]
        assert other and all(PLACEHOLDER.match(t) for t in other), other
        assert not [t for t in texts if any(x in t for x in INVENTED)]
        # Parts 一, 五, 六 are for the district to write: a placeholder each, right under the heading.
        for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
            assert PLACEHOLDER.match(texts[texts.index(heading) + 1])
        assert len(doc.tables) == 3
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        assert not [c for c in cells if any(x in c for x in INVENTED)]


def test_open_cells_are_shaded_and_listed_with_the_unit_responsible(tmp_path: Path) -> None:
    doc, err = _form(tmp_path, SEED0, SEED1, SEED2)
    # Seed 002 (重庆市綦江区人民政府) prints `5 0 1 1 7 0 5 5` for table 四's fifteen cells: only
    # 行政复议 结果纠正 is fixed (0); seeds 000 and 001 print zeros. The sum's value row:
    values = doc.tables[2].rows[3].cells
    assert [c.text for c in values] == [""] + ["0"] + [""] * 13
    assert [_fill(c) for c in values] == ["FF9999", None] + ["FF9999"] * 13
    texts = [p.text for p in doc.paragraphs]
    listing = texts[texts.index("四、政府信息公开行政复议、行政诉讼情况") + 1]
    assert listing.startswith("【请填写：重庆市綦江区人民政府（") and "002_d3904e969f46d18d.txt）有 14 个单元格有多种可能" in listing
    assert "行政复议 结果维持" in listing and "行政复议 结果纠正" not in listing
    assert "【请填写：单位名称】" in texts[0]  # no --unit: the name is the clerk's to write


def test_a_broken_identity_of_the_sum_names_the_unit_it_comes_from(tmp_path: Path) -> None:
    doc, err = _form(tmp_path, SEED0, MISCOUNTED)
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("三、收到和处理政府信息公开申请情况")
    settle = texts[i + 1:texts.index("四、政府信息公开行政复议、行政诉讼情况")]
    # （六）1 自然人 3 breaks its row's total (2) and the 自然人 column's results total (5 = 3 + …):
    # both identities, each naming 锦屏街道, the unit of the miscounted report.
    assert len(settle) == 2 and all(re.search(r"：锦屏街道（\S*19_sum_miscounted.txt）】$", t) for t in settle)
    assert "总计 = 自然人 + 法人或其他组织各列" in settle[0] and "相差 -1" in settle[0]
    assert "（七）总计 = 各项办理结果之和（自然人）" in settle[1]
    # Table 三's row for （六）1 is the 24th row of the form (3 header rows before it): 0 + 3 and 0 + 2.
    row = doc.tables[1].rows[3 + 20].cells
    assert row[2].text.startswith("1.申请人无正当理由逾期不补正")
    assert (row[3].text, row[9].text) == ("3", "2")
    assert _fill(row[3]) == "FFE699" and _fill(row[9]) == "FFE699" and _fill(row[4]) is None
    assert "汇总后勾稽关系不成立" in err


def test_units_that_did_not_report_are_named_after_the_title(tmp_path: Path) -> None:
    roster = tmp_path / "名单.txt"
    # GBK, as Notepad on a Chinese Windows saves it; a full-width space inside a name; 办事处 added.
    roster.write_bytes("单位名称\n通惠　街道\n锦屏街道办事处\n 古南街道 \n".encode("gbk"))
    target = tmp_path / "区.docx"
    out = run("aggregate", str(SEED0), str(MISCOUNTED), "--units", str(roster), "--unit", "綦江区", "-o", str(target))
    assert out.returncode == 1 and "名单中有 1 个单位没有报告：古南街道" in out.stderr
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[0] == "綦江区2022年政府信息公开工作年度报告"
    assert PLACEHOLDER.match(texts[1]) and "古南街道" in texts[1] and "通惠" not in texts[1]
