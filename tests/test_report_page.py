"""The report page (``gipextract report``): self-contained, the tables as the form lays them
out, each cell's status and source, broken identities on their cells with the likely culprit,
compliance findings with their evidence, everything from a document escaped."""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.errors import UnreadableInputError
from gipextract.output.form_layout import layout
from gipextract.output.page import render_page
from gipextract.report import Cell, Evidence, Report, Result, finding
from gipextract.templates import get

from conftest import CORPUS, ROOT

SLIP = CORPUS / "compliance" / "19_sum_miscounted.txt"  # （六）1 自然人 typed 3, its row total left at 2
LATE = CORPUS / "compliance" / "02_late_department.html"
QIJIANG = CORPUS / "seeds" / "002_d3904e969f46d18d.txt"
CULPRIT = "requests.other.no_correction.natural_person"


class _Cells(HTMLParser):
    """Every value cell (<td data-ref>) with its classes, and every external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, set[str]] = {}
        self.external: list[str] = []
        self.scripts_with_src = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "td" and "data-ref" in a:
            self.cells.setdefault(a["data-ref"] or "", set()).update((a.get("class") or "").split())
        for name in ("src", "href"):
            v = a.get(name)
            if v and not v.startswith("#"):
                self.external.append(v)
        if tag == "script" and a.get("src"):
            self.scripts_with_src += 1


def _parsed(html: str) -> _Cells:
    p = _Cells()
    p.feed(html)
    return p


@pytest.mark.parametrize("tid", ["2019", "2021"])
def test_the_form_layout_holds_every_cell_once_in_a_rectangle(tid: str) -> None:
    for spec in get(tid).tables:
        rows = layout(tid, spec.key)
        refs = [s.ref for r in rows for s in r if s.ref]
        assert sorted(refs) == sorted(f"{spec.key}.{r.key}.{c}" for r in spec.rows for c in r.columns)
        taken: set[tuple[int, int]] = set()
        for i, row in enumerate(rows):
            j = 0
            for s in row:
                while (i, j) in taken:
                    j += 1
                for di in range(s.rows):
                    for dj in range(s.cols):
                        assert (i + di, j + dj) not in taken
                        taken.add((i + di, j + dj))
                j += s.cols
        width = max(j for _, j in taken) + 1
        assert taken == {(i, j) for i in range(len(rows)) for j in range(width)}


def test_the_page_is_self_contained_and_colours_each_cell_by_status() -> None:
    reports = [parse(SLIP), parse(QIJIANG)]
    html = render_page(reports)
    page = _parsed(html)
    assert page.external == [] and page.scripts_with_src == 0
    assert "<link" not in html and "@import" not in html and "url(" not in html
    # every cell of both reports, coloured by its own status
    assert len(page.cells) == len({c.ref for r in reports for c in r.cells})
    qijiang = {c.ref: c for c in reports[1].cells}
    assert qijiang["appeals.all.reconsideration.upheld"].status == "ambiguous"
    html2 = render_page([reports[1]])
    cells = _parsed(html2).cells
    for ref, c in qijiang.items():
        assert f"st-{c.status}" in cells[ref], ref
    assert "可能为：0、5" in html2  # the candidates in the cell's tip
    assert "申请人情况" in html2 and "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in html2


def test_broken_identities_are_drawn_on_their_cells_with_the_likely_culprit() -> None:
    report = parse(SLIP)
    html = render_page([report])
    cells = _parsed(html).cells
    failed = [f for f in report.findings if f.code == "identity"]
    assert len(failed) == 2
    for f in failed:
        for ref in f.cells:
            assert "broken" in cells[ref], ref
    assert [ref for ref, cls in cells.items() if "culprit" in cls] == [CULPRIT]
    assert "可能出错的单元格" in html and "相差 -1" in html
    assert "broken" not in cells["requests.new_received.total"]


def test_findings_show_their_evidence_and_the_overview_links_each_report() -> None:
    reports = [parse(LATE), parse(SLIP)]
    failed = Result("坏文件.docx", error=UnreadableInputError("坏文件.docx", "empty"))
    html = render_page([reports[0], failed, reports[1]])
    assert "页面所载发布日期2024年2月26日晚于政府部门年度报告的期限2024年1月31日" in html
    assert "见“发布日期:2024-02-26”" in html
    assert html.count('href="#r0"') == 1 and html.count('href="#r1"') == 1
    assert 'id="r0"' in html and 'id="r1"' in html
    assert "坏文件.docx" in html and "输入为空" in html
    overview = html[html.index('id="overview"'):html.index('id="r0"')]
    # 02: 按时发布 is an error; 19: its identities fail, its compliance is clean apart from the notice
    rows = re.findall(r"<tr>(.*?)</tr>", overview)
    late_row = next(r for r in rows if "02_late_department" in r)
    assert 'class="res res-error"' in late_row
    slip_row = next(r for r in rows if "19_sum_miscounted" in r)
    assert "×2" in slip_row


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'


def test_everything_from_a_document_is_escaped() -> None:
    report = parse(SLIP)
    evidence = Evidence(HOSTILE, None, "title")
    cells = tuple(replace(c, note=HOSTILE) if c.ref == CULPRIT else c for c in report.cells)
    hostile = replace(report, source=replace(report.source, path=f"dir/{HOSTILE}.txt"),
                      info=replace(report.info, unit=HOSTILE, title=HOSTILE, evidence={"title": evidence}),
                      cells=cells, findings=report.findings + (
                          finding("other_unit_name", named="self", names=[HOSTILE], own=HOSTILE,
                                  evidence=evidence.to_dict()),))
    failed = Result(HOSTILE, error=UnreadableInputError(HOSTILE, "empty"))
    html = render_page([hostile, failed])
    markup, data = html.split('<script type="application/json" id="gip-data">')
    assert "<script>alert" not in markup and "<img src=x" not in markup and "onerror=alert(2)>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#x27;&amp;" in markup
    assert html.count("<script") == 2  # the page's own data and code, nothing else
    # the data for the page's script (JSON) holds no "<": a document's text cannot close the element
    blob = data.split("</script>", 1)[0]
    assert "<" not in blob and "\\u003cimg src=x" in blob


def test_decisions_form_lists_the_undetermined_cells() -> None:
    report = parse(QIJIANG)
    html = render_page([report])
    undecided = [c for c in report.cells if c.status in ("ambiguous", "missing", "inferred")]
    assert html.count("data-cell=") == len(undecided) > 0
    assert "下载决定文件" in html and "确认人" in html
    served = render_page([report], post="/s/x/decide")
    assert 'data-post="/s/x/decide"' in served and "保存决定并重新核查" in served


def test_the_report_command_writes_one_page_and_refuses_other_outputs(tmp_path: Path) -> None:
    target = tmp_path / "核查报告.html"
    out = subprocess.run([sys.executable, "-m", "gipextract", "report", str(SLIP), str(QIJIANG), "-o", str(target)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1, out.stderr  # the slip breaks two identities
    assert "核查结果页已写入" in out.stderr and "Traceback" not in out.stderr
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "锦屏街道" in html and "重庆市綦江区人民政府" in html
    for bad in ("x.pdf", "x.xlsx"):
        out = subprocess.run([sys.executable, "-m", "gipextract", "report", str(SLIP), "-o", str(tmp_path / bad)],
                             capture_output=True, text=True, cwd=ROOT)
        assert out.returncode == 2 and ".html" in out.stderr and not (tmp_path / bad).exists()


def test_a_sum_of_reports_has_no_page_of_its_own_but_reports_do() -> None:
    # A Report made by hand (no document) still renders: the page reads only the report.
    report = parse(QIJIANG)
    bare = Report(report.source, report.template, report.info, tuple(
        Cell(c.table, c.row, c.column, c.value, c.status) for c in report.cells))
    assert "重庆市綦江区人民政府" in render_page([bare])


class _Text(HTMLParser):
    """The text a reader sees (scripts and styles aside), and every title (tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.parts += [v for k, v in attrs if k in ("title", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def test_a_clerk_reads_no_english_on_the_page() -> None:
    from test_messages import english

    failed = Result("坏文件.docx", error=UnreadableInputError("坏文件.docx", "empty"))
    html = render_page([parse(SLIP), parse(QIJIANG), parse(LATE), parse(CORPUS / "compliance" / "06_part_removed.txt"),
                        failed])
    reader = _Text()
    reader.feed(html)
    assert [t for t in reader.parts if english(t)] == []
    in_english = _Text()  # the check sees English where there is some
    in_english.feed(render_page([parse(SLIP)], "en"))
    assert any(english(t) for t in in_english.parts)
