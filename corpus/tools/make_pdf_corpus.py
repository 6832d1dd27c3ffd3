"""Build corpus/pdf/: PDFs printed by LibreOffice from a subset of corpus/docx.

Run from the repository root, after corpus/tools/make_docx_corpus.py:

    python corpus/tools/make_pdf_corpus.py            # convert, then verify
    python corpus/tools/make_pdf_corpus.py --verify   # only verify the committed PDFs

Needs LibreOffice (``soffice``) and CJK fonts at build time only, e.g.
``apt-get install -y libreoffice-writer-nogui fonts-noto-cjk``; the committed PDFs are read by
the tests without them. Each ``NAME.pdf`` gets a copy of ``corpus/docx/NAME.expected.json``
beside it: printing does not change a value, and a cell left empty in the DOCX is empty in the
PDF too. Documents with tracked changes are not printed (LibreOffice prints the deleted text
struck through, so the PDF would show both values).

LibreOffice stamps each PDF with the time of conversion, a file ID and a checksum; all are replaced
by fixed values of the same length (byte offsets stay valid), so reruns on the same
LibreOffice and fonts give the same bytes. A different LibreOffice version or font set lays out
differently; the values and their order do not change.

``--verify`` reads every PDF with pdfplumber (a corpus tool only: `pip install pdfplumber`): the title must be in the
text, every value of the expected file must occur among the words, and the document flagged as
breaking table 三 across pages must do so.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCX = ROOT / "corpus" / "docx"
PDF = ROOT / "corpus" / "pdf"

# name -> what the PDF adds to the DOCX's own trap
SUBSET = {
    "01-seed000-plain": "the plain form",
    "02-seed001-repeated": "labels repeated in every grid cell (no merges)",
    "03-seed002-random-merges": "mixed merged/repeated labels; a long report over several pages",
    "04-seed003-form2019": "the 2019 form; title over two lines; amount with its unit in the cell",
    "06-form2019-random": "the 2019 form with signed values and blank cells",
    "08-split-table-page": "table 三 continued on the next page after a page break",
    "09-content-controls": "content controls are invisible in print",
    "11-nested-layout": "the report inside a borderless layout table",
    "12-headings-numbered": "headings numbered by the list (一、 printed by LibreOffice)",
    "13-heading-textbox": "heading 四 in a framed text box",
    "15-blank-cells": "empty zero cells",
    "16-tall-table": "table 三 breaks across pages inside the table (tall rows)",
}
PAGE_BREAKING = ("16-tall-table", "08-split-table-page")
FIXED_DATE = b"D:20000101000000"


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("LibreOffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk")
    return exe


def pin(pdf: bytes) -> bytes:
    """Conversion time, file ID and checksum replaced by fixed values of the same byte length."""
    pdf = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()D:\d{14}", lambda m: m.group(1) + FIXED_DATE, pdf)
    zero = b"<" + b"0" * 32 + b">"
    pdf = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]",
                 lambda m: re.sub(rb"<[0-9A-Fa-f]{32}>", zero, m.group(0)), pdf)
    # LibreOffice's own trailer key, a checksum over the (dated) file
    pdf = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + b"0" * 32, pdf)
    return pdf


def convert() -> None:
    PDF.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        profile = (tmpdir / "profile").as_uri()
        sources = [str(DOCX / f"{name}.docx") for name in SUBSET]
        cmd = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmpdir / "out"), *sources]
        subprocess.run(cmd, check=True, timeout=900, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name in SUBSET:
            out = tmpdir / "out" / f"{name}.pdf"
            if not out.exists():
                sys.exit(f"LibreOffice did not write {out.name}")
            (PDF / f"{name}.pdf").write_bytes(pin(out.read_bytes()))
            shutil.copyfile(DOCX / f"{name}.expected.json", PDF / f"{name}.expected.json")
    rows = "\n".join(f"| `{n}` | {w} |" for n, w in SUBSET.items())
    (PDF / "README.md").write_text(README.format(rows=rows), encoding="utf-8")
    print(f"wrote {len(SUBSET)} PDFs with their expected files to {PDF.relative_to(ROOT)}")


README = """# PDF corpus

PDFs printed by LibreOffice (writer_pdf_Export, CJK fonts from fonts-noto-cjk) from documents of
`../docx/`, written by `corpus/tools/make_pdf_corpus.py`. `NAME.expected.json` is a copy of
`../docx/NAME.expected.json` (its `notes` describe the source DOCX; a trap that only exists in
the OOXML, such as a content control, is invisible in print, but the values, their order and the
empty cells are the same). Documents with tracked changes are not included, because LibreOffice
prints deleted text struck through. Rebuilding needs LibreOffice; reading these files does not.

| document | what the PDF shows |
|---|---|
{rows}
"""


def _words(path: Path) -> tuple[list[str], list[list[str]]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = ["".join((p.extract_text() or "").split()) for p in pdf.pages]
        words = [[w["text"] for w in p.extract_words()] for p in pdf.pages]
    return pages, words


def verify() -> int:
    bad = 0
    for name in SUBSET:
        path = PDF / f"{name}.pdf"
        exp = json.loads((PDF / f"{name}.expected.json").read_text(encoding="utf-8"))
        pages, words = _words(path)
        flat = "".join(pages)
        problems = []
        if "".join(exp["report"]["title"].split()) not in flat:
            problems.append("title not found")
        if not re.search(r"[\u4e00-\u9fff]{20}", flat):
            problems.append("no Chinese text")
        tokens = {t for page in words for t in page}
        for table in exp["tables"].values():
            for row in table.values():
                for v in row.values():
                    s = str(v)
                    if s != "0" and s not in tokens and s + "万元" not in tokens:
                        problems.append(f"value {s} not found")
        if name in PAGE_BREAKING:
            first = next(i for i, p in enumerate(pages) if "申请人情况" in p)
            last = next(i for i, p in enumerate(pages) if "四、结转下年度继续办理" in p)
            if last <= first:
                problems.append("table 三 does not break across pages")
        print(f"{name}: {len(pages)} pages, {len(flat)} characters" + (f"; PROBLEMS: {problems}" if problems else ""))
        bad += bool(problems)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verify", action="store_true", help="only verify the PDFs on disk")
    args = ap.parse_args(argv)
    if not args.verify:
        convert()
    return verify()


if __name__ == "__main__":
    raise SystemExit(main())
