"""Build the PDFs of corpus/layout/: ruled tables whose zeros are left blank, wrapped header
words, and (optionally) a row label split by a page break.

Run from the repository root, after ``pip install fpdf2`` (build time only; fontTools comes
with it) and with the Noto CJK fonts installed (``apt-get install fonts-noto-cjk``):

    python corpus/tools/make_layout_pdfs.py           # writes corpus/layout/*.pdf
    python corpus/tools/make_layout_pdfs.py --check   # rebuilds in memory, compares the expected files

Each PDF is drawn cell by cell at fixed places from a grid of ``make_layout_corpus.py``;
the expected file comes from that grid and the set of cells drawn blank (``empty``), never
from gipextract's output. The tests read the committed PDFs and need none of these tools.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_layout_corpus import OUT, UNIT, YEAR, Marked, expected, grid_2021, zeros  # noqa: E402

from gipextract import templates  # noqa: E402
from docwriters.layout import show  # noqa: E402

FONT_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 15.0
ROW_H = 9.0
SIZE = 8
SPLIT_AT = 6  # characters of a split row's label printed before the page break


class Sheet:
    """An A4 document drawn with absolute coordinates (mm), a new page when one is full."""

    def __init__(self, font: Path) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="mm", format="A4")
        self.pdf.set_creation_date(__import__("datetime").datetime(2023, 1, 16, tzinfo=__import__("datetime").timezone.utc))
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("cjk", "", str(font))
        self.pdf.set_font("cjk", size=SIZE)
        self.y = PAGE_H  # forces a first page
        self.page = 0

    def need(self, height: float) -> None:
        """Start a new page (with its footer number) unless ``height`` mm still fit."""
        if self.y + height <= PAGE_H - MARGIN - 8:
            return
        self.pdf.add_page()
        self.page += 1
        self.pdf.set_font("cjk", size=SIZE)
        self.write(PAGE_W / 2 - 4, PAGE_H - 10, f"- {self.page} -")
        self.y = MARGIN

    def write(self, x: float, y: float, text: str, size: float = SIZE) -> None:
        self.pdf.set_font("cjk", size=size)
        self.pdf.text(x, y, text)

    def line(self, text: str, size: float = 10) -> None:
        self.need(8)
        self.write(MARGIN, self.y + 5, text, size)
        self.y += 8

    def width(self, text: str) -> float:
        return self.pdf.get_string_width(text)

    def cell(self, x0: float, x1: float, y0: float, lines: list[str]) -> None:
        """Text lines centred in [x0, x1], from ``y0`` down."""
        for k, t in enumerate(lines):
            if t:
                self.write((x0 + x1 - self.width(t)) / 2, y0 + 3.6 + k * 3.6, t)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pdf.set_line_width(0.2)
        self.pdf.rect(x0, y0, x1 - x0, y1 - y0)


def _wrap(text: str, width: float, sheet: Sheet) -> list[str]:
    """``text`` broken into lines that fit ``width`` mm (by characters, as Word wraps CJK)."""
    lines, cur = [], ""
    for ch in text:
        if cur and sheet.width(cur + ch) > width - 1.2:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur else lines


def draw_table(sheet: Sheet, header: list[list[tuple[str, int, int]]], rows: list[tuple[list[str], list[str]]],
               label_w: float, ncols: int, split: str | None = None) -> None:
    """A ruled table: header rows of (text, first column, last column) over the value columns
    (column -1 is the label column), then rows of label parts and value texts. The row whose
    last label part is ``split`` is broken by a page break inside its label (after SPLIT_AT characters):
    its values stay on the first page, the rest of its label goes to the next."""
    x_label = MARGIN
    x_vals = MARGIN + label_w
    col_w = (PAGE_W - MARGIN - x_vals) / ncols

    def span(a: int, b: int) -> tuple[float, float]:
        if a < 0:
            return x_label, x_vals
        return x_vals + a * col_w, x_vals + (b + 1) * col_w

    for hrow in header:
        wrapped = [(_wrap(t, span(a, b)[1] - span(a, b)[0], sheet), a, b) for t, a, b in hrow]
        h = max(len(w) for w, _, _ in wrapped) * 3.6 + 2
        sheet.need(h)
        for w, a, b in wrapped:
            x0, x1 = span(a, b)
            sheet.rule(x0, sheet.y, x1, sheet.y + h)
        # Text goes down the header line by line across the cells, as word processors
        # print it: the first lines of every cell (自然 … 总计), then the second (人).
        for k in range(max(len(w) for w, _, _ in wrapped)):
            for w, a, b in wrapped:
                if k < len(w):
                    x0, x1 = span(a, b)
                    sheet.cell(x0, x1, sheet.y + 0.5 + k * 3.6, [w[k]])
        sheet.y += h
    for labels, values in rows:
        parts = [_wrap(t, label_w / max(1, len(labels)), sheet) for t in labels]
        if split is not None and labels and labels[-1] == split:
            _split_row(sheet, parts, values, label_w, span)
            continue
        h = max(ROW_H, max((len(p) for p in parts), default=1) * 3.6 + 2)
        sheet.need(h)
        part_w = label_w / max(1, len(labels))
        for k, p in enumerate(parts):
            sheet.rule(x_label + k * part_w, sheet.y, x_label + (k + 1) * part_w, sheet.y + h)
            sheet.cell(x_label + k * part_w, x_label + (k + 1) * part_w, sheet.y + 0.5, p)
        for j, v in enumerate(values):
            x0, x1 = span(j, j)
            sheet.rule(x0, sheet.y, x1, sheet.y + h)
            sheet.cell(x0, x1, sheet.y + (h - 3.6) / 2 - 0.5, [v])
        sheet.y += h


def _split_row(sheet: Sheet, parts: list[list[str]], values: list[str], label_w: float, span) -> None:
    """A row cut by a page break: the first ``SPLIT_AT`` characters of its label and its values
    here, the rest of the label over the page."""
    part_w = label_w / len(parts)
    h = ROW_H
    sheet.need(h)
    for k, p in enumerate(parts):
        sheet.rule(MARGIN + k * part_w, sheet.y, MARGIN + (k + 1) * part_w, sheet.y + h)
        sheet.cell(MARGIN + k * part_w, MARGIN + (k + 1) * part_w, sheet.y + 0.5, [p[0][:SPLIT_AT]] if k else p[:1])
    for j, v in enumerate(values):
        x0, x1 = span(j, j)
        sheet.rule(x0, sheet.y, x1, sheet.y + h)
        sheet.cell(x0, x1, sheet.y + 2, [v])
    sheet.y = PAGE_H  # the page break
    rest = len(_wrap("".join(parts[-1])[SPLIT_AT:], part_w, sheet))
    h = max(ROW_H, rest * 3.6 + 2)
    sheet.need(h)
    for k, p in enumerate(parts):
        sheet.rule(MARGIN + k * part_w, sheet.y, MARGIN + (k + 1) * part_w, sheet.y + h)
        rest_lines = _wrap("".join(p)[SPLIT_AT:], part_w, sheet) if k else p[1:]
        sheet.cell(MARGIN + k * part_w, MARGIN + (k + 1) * part_w, sheet.y + 0.5, rest_lines)
    for j in range(len(values)):
        x0, x1 = span(j, j)
        sheet.rule(x0, sheet.y, x1, sheet.y + h)
    sheet.y += h


def render(grid: dict, blanks: set, font: Path, total_header: str = "总计", split: str | None = None) -> bytes:
    """The 2021 form as a ruled PDF, ``blanks`` drawn as empty cells; ``total_header`` heads
    table 三's last column; ``split`` names a row label of table 三 cut by a page break."""
    t = templates.get("2021")
    sheet = Sheet(font)
    title = f"{UNIT}{YEAR}年政府信息公开工作年度报告"
    sheet.line(title, 12)
    sheet.line(f"本报告所列数据的统计期限自{YEAR}年1月1日起至{YEAR}年12月31日止。")
    sheet.line("一、总体情况")
    sheet.line("本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息。")

    def val(table: str, row: str, col: str) -> str:
        return "" if (table, row, col) in blanks else show(grid[(table, row, col)])

    sheet.line("二、主动公开政府信息情况")
    pro = t.table("proactive")
    last = None
    for r in pro.rows:
        if r.group != last:
            draw_table(sheet, [[(r.group or "", -1, len(r.columns) - 1)],
                               [("信息内容", -1, -1)] + [(pro.column(c).label, j, j) for j, c in enumerate(r.columns)]],
                       [], 60, len(r.columns))
            last = r.group
        draw_table(sheet, [], [([r.label or ""], [val("proactive", r.key, c) for c in r.columns])], 60,
                   len(r.columns))
    sheet.line("三、收到和处理政府信息公开申请情况")
    req = t.table("requests")
    header = [[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", -1, -1), ("申请人情况", 0, 6)],
              [("", -1, -1), ("自然人", 0, 0), ("法人或其他组织", 1, 5), (total_header, 6, 6)],
              [("", -1, -1), ("", 0, 0), ("商业企业", 1, 1), ("科研机构", 2, 2), ("社会公益组织", 3, 3),
               ("法律服务机构", 4, 4), ("其他", 5, 5), ("", 6, 6)]]
    rows = []
    for r in req.rows:
        labels = [r.group or "", r.label or ""] if r.group else [r.label or ""]
        rows.append((labels, [val("requests", r.key, c) for c in r.columns]))
    draw_table(sheet, header, rows, 120, 7, split)
    sheet.line("四、政府信息公开行政复议、行政诉讼情况")
    outcomes = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    header = [[("行政复议", 0, 4), ("行政诉讼", 5, 14)],
              [(o, j, j) for j, o in enumerate(outcomes)] + [("未经复议直接起诉", 5, 9), ("复议后起诉", 10, 14)],
              [("", j, j) for j in range(5)] + [(o, 5 + j, 5 + j) for j, o in enumerate(outcomes * 2)]]
    app = t.table("appeals")
    draw_table(sheet, header, [([], [val("appeals", "all", c.key) for c in app.columns])], 0, 15)
    sheet.line("五、存在的主要问题及改进情况")
    sheet.line("一是公开内容还不够丰富；二是解读形式较为单一。")
    sheet.line("六、其他需要报告的事项")
    sheet.line("本年度未收取信息处理费。")
    return bytes(sheet.pdf.output())


def font_file(tmp: Path) -> Path:
    """The Simplified Chinese face of Noto Sans CJK as a single OpenType file."""
    from fontTools.ttLib import TTCollection

    coll = TTCollection(str(FONT_TTC))
    face = next(f for f in coll.fonts if "CJK SC" in f["name"].getDebugName(1))
    out = tmp / "NotoSansCJKsc.otf"
    face.save(str(out))
    return out


def documents(font: Path) -> dict[str, tuple[bytes, dict]]:
    """Every PDF of corpus/layout/ with its expected file."""
    g = grid_2021()
    blank = zeros(g)
    docs = {}
    docs["09-pdf-ruled-blanks.pdf"] = (render(g, blank, font), expected(
        "2021", g, blank, "A ruled PDF drawn cell by cell: every zero cell empty (no row of table 三 prints all "
        "its values), header words wrapped inside their cells (自然/人 with 总计 on the first line; the "
        "outcome words of table 四 over two lines)."))
    docs["10-pdf-edge-column.pdf"] = (render(g, blank, font, total_header="合 计"), expected(
        "2021", g, blank, "As 09, but table 三's last column is headed 合 计, which is not a header word of "
        "the form: that edge column is rebuilt from its neighbours' pitch."))
    g11 = dict(g)
    split_label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    # The split row prints a value (6 from natural persons) on the first page, inside its label.
    for col, v in (("natural_person", 6), ("total", 6)):
        g11[("requests", "other.no_correction", col)] = v
    from make_layout_corpus import _check, _complete_requests

    _complete_requests(templates.get("2021"), g11)
    _check(templates.get("2021"), g11)
    blank11 = zeros(g11)
    docs["11-pdf-label-split-page.pdf"] = (render(g11, blank11, font, split=split_label), expected(
        "2021", g11, blank11, "As 09, with the row （六）1.申请人无正当理由逾期不补正… cut by a page break after "
        "its label's first six characters: its values (6 … 6) are printed on the first page, between the two halves of "
        "its label."))
    # Zeros alternately left empty and printed as a blank marker (— - － / in turn).
    marks = "—-－/"
    shown: dict = {}
    blank12: set = set()
    k = 0
    for ref, v in g.items():
        if v == 0:
            if k % 2:
                shown[ref] = Marked(0, marks[(k // 2) % len(marks)])
            else:
                blank12.add(ref)
            k += 1
        shown.setdefault(ref, v)
    docs["12-pdf-blanks-and-markers.pdf"] = (render(shown, blank12, font), expected(
        "2021", g, zeros(g), "As 09, but every other zero is printed as a blank marker (—, -, －, / in turn) "
        "and the rest left empty: markers are placed by position like numbers."))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="compare the expected files instead of writing")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        font = font_file(Path(tmp))
        bad = []
        for name, (data, exp) in documents(font).items():
            stem = name.rsplit(".", 1)[0]
            exp_bytes = (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            if args.check:
                if (OUT / f"{stem}.expected.json").read_bytes() != exp_bytes:
                    bad.append(name)
                continue
            (OUT / name).write_bytes(data)
            (OUT / f"{stem}.expected.json").write_bytes(exp_bytes)
    if bad:
        sys.exit(f"differs from the generator: {', '.join(bad)}")
    print("checked" if args.check else f"wrote the PDFs of {OUT}")


if __name__ == "__main__":
    main()
