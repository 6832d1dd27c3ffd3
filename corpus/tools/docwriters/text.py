"""Plain-text flattenings of a report, as real conversions produce them.

- ``cells``: one cell per line, tab-indented, a blank line after each row (seed 000).
- ``bookmark``: as ``cells``, with Word's ``[bookmark: _GoBack]`` anchors left in (seed 001).
- ``dropped``: one cell per line, no tabs; empty cells vanish entirely (portal page, seed 002).
- ``tabs``: one row per line, cells tab-separated, labels with spaces (``结果 维持``) (seed 004).
- ``fused``: the whole page on one line, no separator between cells (平潭 page.txt).
"""
from __future__ import annotations

from typing import Collection

from gipextract.templates import Template
from .layout import CellRef, Grid, Item, form_rows

TEXT_STYLES = ("cells", "bookmark", "dropped", "tabs", "fused")
BOOKMARK = "[bookmark: _GoBack]"


def _split(text: str, joiner: str) -> str:
    mid = max(1, len(text) // 2)
    return text[:mid] + joiner + text[mid:]


def render_text(template: Template, grid: Grid, style: str, *, unit: str = "某某县某某局", year: int = 2022,
                blanks: Collection[CellRef] = (), split_labels: Collection[str] = (), appeal_header: int = 0,
                spaces: Collection[int] = ()) -> str:
    """The report as text in ``style``.

    ``blanks`` are zero cells printed empty (not allowed in ``fused``, which prints every
    cell); ``split_labels`` are labels broken over two lines (or by a space);
    ``spaces`` pick cell boundaries in the fused run where the page kept a space.
    """
    if style not in TEXT_STYLES:
        raise ValueError(f"unknown text style {style!r}; one of {', '.join(TEXT_STYLES)}")
    blanks = set(blanks)
    if style == "fused" and blanks:
        raise ValueError("the fused flattening prints every cell; blanks cannot be rendered")
    title = f"{unit}{year}年政府信息公开工作年度报告"
    intro = (f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
             f"如对本报告有任何疑问，请与{unit}办公室联系。")
    body_one = "一、总体情况\n本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息。"
    tail = ["五、存在的主要问题及改进情况", "一是公开内容还不够丰富；二是解读形式较为单一。下一步将加强培训，改进工作。",
            "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    sections = list(form_rows(template, grid, appeal_header))

    def cell_text(item: Item, joiner: str) -> str:
        if item.is_value:
            return "" if item.ref in blanks else item.text
        return _split(item.text, joiner) if item.text in split_labels else item.text

    if style == "fused":
        items: list[str] = []
        for sec in sections:
            items.append(sec.heading)
            for row in sec.rows:
                items.extend(cell_text(i, "") for i in row)
        # The page kept a space between some cells (an &nbsp; cell), never inside one.
        keep = {p % len(items) for p in spaces}
        run = "".join(t + (" " if k in keep else "") for k, t in enumerate(items))
        head = title + " " + intro + body_one.replace("\n", "")
        return "\n".join(["标题: " + title, head + run + "".join(tail)]) + "\n"

    lines = [title, "", intro, body_one]
    if style == "bookmark":
        lines.insert(3, BOOKMARK + "（一）主动公开情况。本年度主动公开政府信息若干条。")
    for sec in sections:
        lines.append(sec.heading)
        for row in sec.rows:
            if style in ("cells", "bookmark"):
                for item in row:
                    lines.append("\t" + cell_text(item, "\n"))
                lines.append("")
            elif style == "dropped":
                for item in row:
                    t = cell_text(item, "\n\n")
                    if t:
                        lines += [t, ""]
            else:  # tabs
                lines.append("\t".join(cell_text(i, " ") for i in row))
        lines.append("")
    if style == "dropped":
        lines = ["首页 > 政务公开 > 政府信息公开年报", ""] + lines + tail + ["", "扫一扫在手机打开当前页"]
    else:
        lines += tail
    return "\n".join(lines) + "\n"
