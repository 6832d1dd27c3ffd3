"""Table 二's small tables stand on one grid: a short row of one small table is placed by the
columns that full rows of another as wide mark (corpus/toolout/chromium-pdf/
10_2019_gb18030_undeclared_blanks.pdf, where 行政处罚 prints only 12 and 580)."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from gipextract.read.columns import width
from docwriters import render_text

T2019 = templates.get("2019")


def _columns(text: str) -> str:
    """Tab-separated lines as character columns: each cell padded to 100 display columns."""
    out = []
    for line in text.splitlines():
        cells = line.split("\t")
        out.append("".join(c + " " * (100 - width(c)) for c in cells[:-1]) + cells[-1] if len(cells) > 1 else line)
    return "\n".join(out) + "\n"


def test_a_short_row_is_placed_by_the_columns_of_another_small_table() -> None:
    grid = {k: (Decimal(0) if T2019.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2019.cell_keys()}
    grid[("proactive", "regulations", "made")] = 1
    grid[("proactive", "normative_documents", "total_published")] = 375
    grid[("proactive", "penalty", "change")] = 12
    grid[("proactive", "penalty", "decisions")] = 580
    text = _columns(render_text(T2019, grid, "tabs"))
    # The report leaves 上一年项目数量 blank in 行政处罚 and in 行政强制, and 本年增/减 in
    # 其他对外管理服务事项: of that small table only 行政许可 prints every value.
    lines = text.splitlines()
    for label, nth in (("行政处罚", 1), ("行政强制", 1), ("其他对外管理服务事项", 2)):
        k = next(i for i, line in enumerate(lines) if line.startswith(label))
        cells = lines[k].split("0")
        lines[k] = "0".join(cells[:nth]) + " " + "0".join(cells[nth:])
    assert [line.split() for line in lines if line.startswith(("行政处罚", "行政强制", "其他对外"))] == [
        ["其他对外管理服务事项", "0", "0"], ["行政处罚", "12", "580"], ["行政强制", "0", "0"]]
    report = parse(("\n".join(lines) + "\n").encode())
    penalty = [(c.column, c.value, c.status) for c in report.cells if c.row == "penalty"]
    assert penalty == [("previous_items", 0, "empty"), ("change", 12, "ok"), ("decisions", 580, "ok")]
    coercion = [(c.column, c.status) for c in report.cells if c.row == "coercion"]
    assert coercion == [("previous_items", "empty"), ("change", "ok"), ("decisions", "ok")]
