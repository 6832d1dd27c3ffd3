"""The office's commands driven as a clerk would, on a plain install (the `similar` extra,
numpy, tqdm and pandas blocked): ``check`` (the view, ``-o`` .txt/.csv/.xlsx), ``aggregate``
(``-o`` .docx/.xlsx/.json, ``--units``) and ``compare``; no traceback and no English sentence
under the default language, anywhere a person reads: the console, the CSV, every cell of the
workbooks. Output formats follow ``-o``'s extension; a wrong one is refused before parsing."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from cli_helpers import SEED0, SEED1, SEED2, run  # type: ignore[import-not-found]
from conftest import CORPUS
from test_messages import english

COMPLIANCE = CORPUS / "compliance"
LATE = COMPLIANCE / "03_late_government.txt"  # 綦江区人民政府 2022, dated 2023-04-12 (due 03-31)
MISCOUNTED = COMPLIANCE / "19_sum_miscounted.txt"  # seed 001 (锦屏街道) with （六）1 自然人 printed 3, its total 2
DRAFTS = [LATE, COMPLIANCE / "06_part_removed.txt", CORPUS / "docx" / "01-seed000-plain.docx",
          CORPUS / "dense" / "2019-01-text-wanyuan.txt", CORPUS / "html" / "01_seed000_chrome_utf8_blanks.html"]


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a plain install: the extras' modules cannot be imported."""
    blocker = tmp_path_factory.mktemp("blocked")
    for name in ("datasketch", "numpy", "tqdm", "pandas", "pyarrow"):
        (blocker / f"{name}.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    return {"PYTHONPATH": str(blocker)}


def clerk(env: dict[str, str], *args: str | Path, code: int | None = None) -> tuple[str, str]:
    """Run a command as a clerk: no traceback, nothing English on the console."""
    out = run(*map(str, args), env=env)
    assert "Traceback" not in out.stderr, out.stderr
    assert not english(out.stdout + out.stderr), english(out.stdout + out.stderr)
    if code is not None:
        assert out.returncode == code, (out.returncode, out.stderr)
    return out.stdout, out.stderr


def workbook_text(path: Path) -> list[str]:
    """Every sheet name, cell value and comment of a workbook."""
    wb = openpyxl.load_workbook(path)
    out = list(wb.sheetnames)
    for ws in wb:
        for row in ws.iter_rows():
            out += [str(c.value) for c in row if c.value is not None]
            out += [c.comment.text for c in row if c.comment]
    return out


def test_check_in_every_output_a_clerk_uses(tmp_path: Path, plain: dict[str, str]) -> None:
    stdout, _ = clerk(plain, "check", *DRAFTS, code=1)
    assert "[late_publication]" in stdout and "共检查 5 份" in stdout
    text = tmp_path / "核查 结果.txt"
    stdout, stderr = clerk(plain, "check", *DRAFTS, "-o", text, code=1)
    assert stdout == "" and f"已写入 {text}" in stderr
    assert "[late_publication]" in text.read_text(encoding="utf-8-sig")
    table = tmp_path / "总览.csv"
    _, stderr = clerk(plain, "check", *DRAFTS, "-o", table, code=1)
    assert f"已写入 {table}" in stderr
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel and WPS read the Chinese right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["文件", "单位", "年度", "核查项目", "依据", "结果", "问题代码", "说明"]
    late = [r for r in rows if r["文件"].endswith("03_late_government.txt") and r["核查项目"] == "按时发布"]
    assert [(r["结果"], r["问题代码"]) for r in late] == [("错误", "late_publication")]
    assert not [t for r in rows for t in r.values() if english(t)]


def test_check_workbook_is_coloured_per_result(tmp_path: Path, plain: dict[str, str]) -> None:
    target = tmp_path / "总览.xlsx"
    clerk(plain, "check", *DRAFTS, "-o", target, code=1)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["核查总览", "问题清单", "说明"]
    ws = wb["核查总览"]
    heads = [c.value for c in ws[1]]
    assert heads[:3] == ["单位", "年度", "文件"] and heads[-1] == "需要修改"
    assert {"勾稽关系", "按时发布", "六个部分", "年度格式"} <= set(heads)
    assert ws.freeze_panes == "D2" and ws.column_dimensions["C"].width >= 30
    rows = {r[2].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == len(DRAFTS)
    late = rows[str(LATE)]
    cell = late[heads.index("按时发布")]
    assert cell.value == "错误" and cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert "2023年4月12日晚于" in cell.comment.text
    removed = rows[str(COMPLIANCE / "06_part_removed.txt")][heads.index("六个部分")]
    assert removed.value == "错误" and "未找到第五部分" in removed.comment.text
    clean = rows[str(LATE)][heads.index("勾稽关系")]
    assert clean.value == "无问题" and clean.fill.fgColor.rgb.endswith("C6EFCE")
    assert not [t for t in workbook_text(target) if english(t)]


def test_check_lists_a_file_it_cannot_read_on_the_overview(tmp_path: Path, plain: dict[str, str]) -> None:
    folder = tmp_path / "区 报告"
    folder.mkdir()
    shutil.copy(SEED0, folder / "通惠街道 2022.txt")
    (folder / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    target = tmp_path / "总览.xlsx"
    _, stderr = clerk(plain, "check", folder, "-o", target, code=1)
    assert "旧格式.doc：无法读取：旧版 Word/WPS 二进制文件（.doc/.wps）无法直接读取：请先用 WPS 或 Word“另存为 .docx”" in stderr
    ws = openpyxl.load_workbook(target)["核查总览"]
    heads = [c.value for c in ws[1]]
    legacy = [r for r in ws.iter_rows(min_row=2) if r[2].value.endswith("旧格式.doc")][0]
    assert legacy[heads.index("文件读取")].value == "错误" and "另存为 .docx" in legacy[heads.index("文件读取")].comment.text


def test_aggregate_workbook_a_row_per_unit_and_the_sum(tmp_path: Path, plain: dict[str, str]) -> None:
    roster = tmp_path / "名单.xlsx"
    wb = openpyxl.Workbook()
    for name in ("单位名称", "通惠街道", "锦屏街道", "古南街道"):
        wb.active.append([name])
    wb.save(roster)
    target = tmp_path / "汇总 表.xlsx"
    _, stderr = clerk(plain, "aggregate", SEED0, MISCOUNTED, "--units", roster, "-o", target, code=1)
    assert "名单中有 1 个单位没有报告：古南街道" in stderr
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["表二（主动公开）", "表三（申请办理）", "表四（复议诉讼）", "问题清单", "说明"]
    ws = wb["表三（申请办理）"]
    assert ws.freeze_panes == "C3"
    assert (ws["A1"].value, ws["B1"].value, ws["C1"].value, ws["C2"].value) == \
        ("单位", "文件", "一、本年新收政府信息公开申请数量", "自然人")
    units = [r[0].value for r in ws.iter_rows(min_row=3)]
    assert units == ["通惠街道", "锦屏街道", "古南街道", "合计"]  # the two reports, the unit without one, the sum
    assert ws.cell(row=5, column=2).value == "未报送"
    # （六）1 自然人: 0 (seed 000) and 3 (printed in 19, line 292); its row total 2 (line 298).
    heads = [(ws.cell(row=1, column=c).value, ws.cell(row=2, column=c).value) for c in range(1, ws.max_column + 1)]
    top = ""
    columns = {}
    for i, (a, b) in enumerate(heads, start=1):
        top = a or top
        columns[(top, b)] = i
    col = columns[("（六）其他处理 / 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "自然人")]
    mine, total = ws.cell(row=4, column=col), ws.cell(row=6, column=col)
    assert (ws.cell(row=3, column=col).value, mine.value, total.value) == (0, 3, 3)
    for cell in (mine, total):
        assert cell.fill.fgColor.rgb.endswith("F4B084")  # the likely culprit: in both broken identities
        assert "勾稽关系不成立：总计 = 自然人 + 法人或其他组织各列" in cell.comment.text
        assert "（七）总计 = 各项办理结果之和（自然人）" in cell.comment.text and "相差 -1" in cell.comment.text
        assert "可能出错的单元格" in cell.comment.text
    assert "来自：锦屏街道（" in total.comment.text
    assert not ws.cell(row=3, column=col).comment  # seed 000's zero breaks nothing
    assert not [t for t in workbook_text(target) if english(t)]


def test_aggregate_json_and_docx_and_the_view(tmp_path: Path, plain: dict[str, str]) -> None:
    target = tmp_path / "汇总.json"
    _, stderr = clerk(plain, "aggregate", SEED1, SEED2, "-o", target, code=1)
    total = json.loads(target.read_text(encoding="utf-8"))
    assert total["tables"]["requests"]["new_received"]["natural_person"] == 5 + 36  # hand-read: seed 001, seed 002
    clerk(plain, "aggregate", SEED0, SEED1, "-o", tmp_path / "区.docx", code=0)
    stdout, _ = clerk(plain, "aggregate", SEED0, SEED1, code=0)
    assert "一、本年新收政府信息公开申请数量" in stdout
    _, stderr = clerk(plain, "aggregate", SEED0, CORPUS / "seeds" / "003_9456aa479e8413ba.txt", code=1)
    assert "不能汇总：报告的表格格式不同（2019、2021 年版" in stderr


def test_a_wrong_output_is_refused_before_anything_is_read(tmp_path: Path, plain: dict[str, str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_text("今天天气很好。", encoding="utf-8")  # would be 无法读取 if it were read
    cases = [("check", folder, "-o", tmp_path / "x.pdf"), ("check", folder, "--format", "xlsx"),
             ("check", folder, "--format", "csv", "-o", tmp_path / "x.xlsx"),
             ("aggregate", folder, "-o", tmp_path / "x.csv"), ("aggregate", folder, "--format", "docx"),
             ("aggregate", folder, "-o", tmp_path / "不存在的文件夹" / "x.xlsx"),
             ("aggregate", folder, "--units", tmp_path / "名单.doc", "-o", tmp_path / "x.xlsx"),
             ("compare", SEED0, SEED1, "-o", tmp_path / "x.xlsx")]
    (tmp_path / "名单.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    for args in cases:
        _, stderr = clerk(plain, *args, code=2)
        assert len(stderr.strip().splitlines()) == 1 and "无法读取" not in stderr, (args, stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "名单.doc"]


def test_units_list_as_text_and_csv_tolerant_of_spaces_and_width(tmp_path: Path, plain: dict[str, str]) -> None:
    from gipextract import parse
    from gipextract.output.roster import match, read_roster

    reports = [parse(SEED0), parse(SEED2)]  # 通惠街道, 重庆市綦江区人民政府
    listing = tmp_path / "名单.csv"
    listing.write_text("单位,联系人\n通 惠 街 道,张\n綦江区人民政府,李\n古南街道,王\n", encoding="utf-8-sig")
    missing, unlisted = match(read_roster(str(listing)), reports)
    assert missing == ["古南街道"] and unlisted == []
    text = tmp_path / "名单.txt"
    text.write_text("ＡＢＣ街道\n通惠街道\n", encoding="utf-8")
    missing, unlisted = match(read_roster(str(text)), reports)
    assert missing == ["ＡＢＣ街道"] and [r.info.unit for r in unlisted] == ["重庆市綦江区人民政府"]
