"""Build corpus/sparse/ (issue #24): small units' reports whose tables 三 and 四 are blank.

Run from the repository root. Building needs fpdf2 (with fontTools), fonts-noto-cjk,
Chromium, LibreOffice, poppler-utils and the pinned text tools of run_tools.py
(``pip install fpdf2 "markitdown[pdf]==0.1.9" pymupdf4llm==0.0.17``); checking needs none:

    python corpus/tools/make_sparse_corpus.py            # PDFs, pages, printing, tool outputs, README
    python corpus/tools/make_sparse_corpus.py --only pdf # one stage: pdf, pages, tools (prints, then reads)
    python corpus/tools/make_sparse_corpus.py --check    # committed expected files, pages, README, manifest

Every expected file comes from the grid the generator drew (sparse_grids.expected), never
from gipextract's output. The generated PDFs are drawn by sparse_pdfs.py, the portal pages
written by sparse_pages.py, the documents listed in sparse_docs.py.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sparse_docs import page_documents, pdf_documents  # noqa: E402
from sparse_grids import Sparse, expected  # noqa: E402
from sparse_pages import FONT_NAME, page_html, page_text  # noqa: E402
import sparse_tools  # noqa: E402

SPARSE = HERE.parent / "sparse"
PDF_DIR, PAGE_DIR = SPARSE / "pdf", SPARSE / "pages"


def expected_bytes(doc: Sparse) -> bytes:
    """The expected file as committed."""
    return (json.dumps(expected(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build_pdfs() -> None:
    """Draw every PDF in a TrueType subset of Noto Sans CJK SC holding the characters drawn."""
    from make_layout_pdfs import font_file
    from sparse_pdfs import render_pdf, truetype

    docs = pdf_documents()
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        otf = font_file(Path(tmp))
        chars: set[str] = set()
        while True:  # until the subset holds every character drawn (a missing glyph only warns)
            ttf = truetype(otf, chars, Path(tmp) / "sc.ttf")
            drawn = set().union(*(render_pdf(doc, style, ttf)[1] for _, doc, style in docs))
            if drawn <= chars:
                break
            chars |= drawn
        for name, doc, style in docs:
            (PDF_DIR / f"{name}.pdf").write_bytes(render_pdf(doc, style, ttf)[0])
            (PDF_DIR / f"{name}.expected.json").write_bytes(expected_bytes(doc))
    print(f"wrote {len(docs)} PDFs to {PDF_DIR}")


def build_pages() -> None:
    """Write every portal page, its expected file and the web font they share."""
    from make_layout_pdfs import font_file
    from sparse_pdfs import truetype

    docs = page_documents()
    PAGE_DIR.mkdir(parents=True, exist_ok=True)
    chars: set[str] = set()
    for name, doc, style in docs:
        html = page_html(doc, style)
        chars |= page_text(html)
        (PAGE_DIR / f"{name}.html").write_bytes(html)
        (PAGE_DIR / f"{name}.expected.json").write_bytes(expected_bytes(doc))
    with tempfile.TemporaryDirectory() as tmp:
        truetype(font_file(Path(tmp)), chars, PAGE_DIR / FONT_NAME)
    print(f"wrote {len(docs)} pages to {PAGE_DIR}")


def build_tools() -> None:
    """Print the pages, run the text tools over every PDF, write the manifest, check the prints."""
    pages = sorted(PAGE_DIR.glob("*.html"))
    printed = sparse_tools.print_pages(pages)
    entries = dict(printed)
    entries.update(sparse_tools.run_text_tools(printed))
    sparse_tools.write_manifest(entries)
    for _, pdf, exp in sparse_tools.pdf_sources(printed):
        lost = sparse_tools.values_printed(pdf, json.loads((sparse_tools.CORPUS / exp).read_text(encoding="utf-8")))
        if lost:
            print(f"  {pdf.name}: values not found among the words: {', '.join(lost)}", file=sys.stderr)
    print(f"wrote {len(entries)} tool outputs to {sparse_tools.TOOLOUT}")


README_HEAD = """# Sparse corpus: blank cells wherever they come from (issue #24)

Small units often have nothing to report: tables 三 and 四 print most cells blank, or a mix of
blanks, `0`, `-`, `—`, `无` and `/`. Each document here is drawn from a seeded grid
(`corpus/tools/sparse_grids.py`) whose identities are checked by the generator; its
`NAME.expected.json` (format of `corpus/layout/*.expected.json`) comes from that grid and the
text each cell printed, never from gipextract's output: a zero printed blank or as a marker is
`empty`, a non-zero total printed blank is `inferred`, every printed value `ok` (not listed).

    python corpus/tools/make_sparse_corpus.py           # rebuild everything (build tools: see its docstring)
    python corpus/tools/make_sparse_corpus.py --check   # the committed expected files, pages and manifest
    python bench/sparse.py [-v] [--code DIR]            # how gipextract reads them

- `pdf/`: PDFs drawn cell by cell with fpdf2 (`sparse_pdfs.py`, `sparse_draw.py`), text in a
  TrueType subset of Noto Sans CJK SC. Label columns narrow enough that the （六） labels wrap over
  two to four lines; merged labels (三、本年度办理结果, （三）…（六）) span their rows.
- `pages/`: portal pages (`sparse_pages.py`, on `docwriters.html.render_html`) with a fixed narrow
  label column in table 三, zeros as `&nbsp;` or markers; `sparse-sc.ttf` is their web font.
- `toolout/chromium-pdf/`, `toolout/libreoffice-pdf/`: every page printed by Chromium headless
  (running header and footer kept: date, title, URL, page n/m; a rebuild changes the date) and by
  LibreOffice (`--convert-to pdf`, dates and IDs pinned).
- `toolout/pdftotext-layout/`, `pdftotext-plain/`, `markitdown/`, `pymupdf4llm/`: each tool's
  reading of every PDF above (`pdf-NAME`, `chromium-pdf-NAME`, `libreoffice-pdf-NAME`);
  `toolout/manifest.json` names tool, version, source and expected file (paths from `corpus/`).

| file | what it holds |
|---|---|
"""


def readme() -> str:
    """The README with one row per document."""
    rows = [f"| pdf/{n}.pdf | {d.form} form, {d.unit} {d.year}: {d.notes} |" for n, d, _ in pdf_documents()]
    rows += [f"| pages/{n}.html | {d.form} form, {d.unit} {d.year}: {d.notes} Printed by both printers. |"
             for n, d, _ in page_documents()]
    return README_HEAD + "\n".join(rows) + "\n"


def check() -> list[str]:
    """Files that differ from what the generator gives (the PDFs and prints are not compared)."""
    bad = []
    for folder, docs in ((PDF_DIR, pdf_documents()), (PAGE_DIR, page_documents())):
        for name, doc, style in docs:
            path = folder / f"{name}.expected.json"
            if not path.exists() or path.read_bytes() != expected_bytes(doc):
                bad.append(str(path.relative_to(SPARSE)))
            other = folder / (f"{name}.html" if folder == PAGE_DIR else f"{name}.pdf")
            if folder == PAGE_DIR and (not other.exists() or other.read_bytes() != page_html(doc, style)):
                bad.append(str(other.relative_to(SPARSE)))
            elif not other.exists():
                bad.append(str(other.relative_to(SPARSE)))
    if (SPARSE / "README.md").read_text(encoding="utf-8") != readme():
        bad.append("README.md")
    bad += sparse_tools.check_manifest(sparse_tools.load_manifest())
    return bad


def main(argv: list[str] | None = None) -> int:
    """Build (all or one stage) or check."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare the committed files with the generator")
    ap.add_argument("--only", choices=("pdf", "pages", "tools"))
    args = ap.parse_args(argv)
    if args.check:
        bad = check()
        if bad:
            print("differs from the generator: " + ", ".join(bad), file=sys.stderr)
            return 1
        print("checked")
        return 0
    stages = {"pdf": build_pdfs, "pages": build_pages, "tools": build_tools}
    for key in ([args.only] if args.only else list(stages)):
        stages[key]()
    (SPARSE / "README.md").write_text(readme(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
