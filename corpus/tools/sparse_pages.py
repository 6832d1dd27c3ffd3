"""The portal pages of corpus/sparse/pages/ and their printing by Chromium and LibreOffice.

A page is ``docwriters.html.render_html`` of the document's grid, each cell printed as
:mod:`sparse_grids` decided (a zero as ``&nbsp;`` or a marker, a signed value with its sign,
a blank total as an empty cell), with table 三 given fixed column widths: a narrow label
column, so the long （六） labels wrap over several lines as they do on real portals. The
page's text is set in a web font (``sparse-sc.ttf`` beside the pages: Noto Sans CJK SC cut
down and converted to TrueType by ``sparse_pdfs.truetype``), which keeps Chromium's PDFs
small (it prints the system's CFF face as Type 3 glyphs); LibreOffice ignores web fonts.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docwriters.html import render_html  # noqa: E402
from make_layout_corpus import Marked  # noqa: E402
from make_pdf_corpus import pin, soffice  # noqa: E402
from sparse_grids import MARKERS, Sparse  # noqa: E402

from gipextract import templates  # noqa: E402  (the writers take a template)

FONT_NAME = "sparse-sc.ttf"
PAGE_VALUE_PX = 66  # each value column of table 三


@dataclass(frozen=True)
class PageStyle:
    """How one portal page lays out its report."""

    label_px: tuple[int, int, int] = (28, 60, 150)   # 三、本年度办理结果, group and row label columns
    chrome: bool = False          # portal navigation, metadata block, footer
    layout_table: bool = False    # the article inside the portal's layout tables
    meta_table: bool = False      # the metadata block as a <table> (with chrome)
    appeal_header: int = 0        # header order of table 四
    font_px: int = 14


def cell_grid(doc: Sparse) -> tuple[dict, set]:
    """The grid handed to the writer (texts as ``Marked`` values) and the zeros printed ``&nbsp;``."""
    grid, blanks = {}, set()
    for ref, v in doc.grid.items():
        text = doc.shown[ref]
        if text == "" and v == 0:
            grid[ref] = v
            blanks.add(ref)
        elif text == "" or text in MARKERS or text != _plain(v):
            grid[ref] = Marked(int(v), text)
        else:
            grid[ref] = v
    return grid, blanks


def _plain(v) -> str:
    return format(v, "f") if not isinstance(v, int) else str(v)


def _colgroup(style: PageStyle) -> str:
    cols = "".join(f'<col width="{w}" style="width:{w}px">' for w in style.label_px)
    cols += f'<col width="{PAGE_VALUE_PX}" style="width:{PAGE_VALUE_PX}px">' * 7
    return f"<colgroup>{cols}</colgroup>"


def page_html(doc: Sparse, style: PageStyle) -> bytes:
    """The portal page, UTF-8, with table 三's columns fixed and the web font declared."""
    grid, blanks = cell_grid(doc)
    html = render_html(templates.get(doc.form), grid, unit=doc.unit, year=doc.year, blanks=blanks,
                       chrome=style.chrome, layout_table=style.layout_table, meta_table=style.meta_table,
                       published=doc.published, appeal_header=style.appeal_header,
                       mention_counts=False).decode("utf-8")
    at = html.rfind("<table", 0, html.index("申请人情况"))
    end = html.index(">", at) + 1
    tag = html[at:end].replace("width:100%;", "table-layout:fixed;")
    html = html[:at] + tag + "\n" + _colgroup(style) + html[end:]
    css = (f'<style type="text/css">@font-face{{font-family:"SparseSC";src:url("{FONT_NAME}") format("truetype");}}\n'
           f'body,td,p,h1,h3{{font-family:"SparseSC",sans-serif;font-size:{style.font_px}px;font-weight:normal;}}\n'
           "h1{font-size:20px}</style>\n")
    html = html.replace("</head>", css + "</head>", 1)
    assert _colgroup(style) in html
    return html.encode("utf-8")


def page_text(html: bytes) -> set[str]:
    """The characters a page shows (for the web font's subset)."""
    return set(re.sub(r"<[^>]+>", "", html.decode("utf-8")))


def print_libreoffice(pages: list[Path]) -> dict[str, bytes]:
    """Every page printed by LibreOffice (writer_web_pdf_Export), dates and IDs pinned."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(Path(tmp) / "out"), *map(str, pages)]
        subprocess.run(cmd, check=True, timeout=900, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = {}
        for page in pages:
            pdf = Path(tmp) / "out" / f"{page.stem}.pdf"
            if not pdf.exists():
                raise RuntimeError(f"LibreOffice did not print {page.name}")
            out[page.stem] = pin(pdf.read_bytes())
        return out


def libreoffice_version() -> str:
    """LibreOffice's version number."""
    out = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=120)
    m = re.search(r"(\d+(?:\.\d+)+)", out.stdout)
    return m.group(1) if m else "?"
