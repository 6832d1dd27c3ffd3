"""Rows printed out of the form's order (peer sample kewei-2024: table 二's small tables come
before its first one, and loose labels of table 三 stand apart from their values)."""
from __future__ import annotations

from decimal import Decimal

from gipextract import parse, templates
from docwriters import render_text

T2021 = templates.get("2021")
FIRST = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t4\n行政规范性文件\t2\t0\t5\n"
REST = ("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t97\n第二十条第（六）项\n信息内容\t本年处理决定数量\n"
        "行政处罚\t3\n行政强制\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t2.5\n")


def _text() -> str:
    grid = {k: (Decimal(0) if T2021.table(k[0]).column(k[2]).kind == "amount" else 0) for k in T2021.cell_keys()}
    grid.update({("proactive", "regulations", "issued"): 1, ("proactive", "regulations", "in_force"): 4,
                 ("proactive", "normative_documents", "issued"): 2,
                 ("proactive", "normative_documents", "in_force"): 5,
                 ("proactive", "licensing", "decisions"): 97, ("proactive", "penalty", "decisions"): 3,
                 ("proactive", "fees", "amount"): Decimal("2.5")})
    text = render_text(T2021, grid, "tabs")
    assert FIRST + REST in text
    return text


def test_rows_printed_before_the_first_small_table_are_read() -> None:
    text = _text().replace(FIRST + REST, REST + FIRST)
    report = parse(text.encode())
    got = {c.row: (c.value, c.status) for c in report.cells if c.table == "proactive" and c.column in ("decisions", "amount")}
    assert got == {"licensing": (97, "ok"), "penalty": (3, "ok"), "coercion": (0, "ok"), "fees": (Decimal("2.5"), "ok")}
    assert report.cell("proactive", "normative_documents", "in_force").value == 5


def test_a_bare_label_out_of_order_does_not_take_the_values_below_it() -> None:
    # 行政强制 printed bare between 行政规范性文件 and that row's values (kewei: 1.本机关不掌握…
    # between 5.属于三类内部事务信息 and its values). Nothing puts the values under 行政强制.
    moved = FIRST.replace("行政规范性文件\t2\t0\t5\n", "行政规范性文件\n行政强制\n2\t0\t5\n")
    text = _text().replace(FIRST + REST, moved + REST.replace("行政强制\t0\n", ""))
    report = parse(text.encode())
    docs = [(c.value, c.status) for c in report.cells if c.row == "normative_documents"]
    assert docs == [(2, "ok"), (0, "ok"), (5, "ok")]
    assert report.cell("proactive", "coercion", "decisions").status == "missing"
