"""Hostile inputs, generated (nothing here is stored): every one must end in its typed
error or a report with findings, quickly and without memory blowing up.

    python tests/hostile.py OUTDIR     # writes the files, to look at them
"""
from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document_xml)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return buf.getvalue()


def zip_bomb() -> bytes:
    # 300 MB of spaces in document.xml compress to ~300 KB.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f"<w:document {W_NS}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(300):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def billion_laughs() -> bytes:
    ents = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">'
                   for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{ents}]>'
           f'<w:document {W_NS}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    return _docx(xml.encode())


def external_entity() -> bytes:
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">'
           f'<!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>'
           f'<w:document {W_NS}><w:body><w:p><w:r><w:t>二、主动公开政府信息情况&x;&y;</w:t></w:r></w:p></w:body></w:document>')
    return _docx(xml.encode())


def xhtml_external_entity() -> bytes:
    return (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&x;</p></body></html>')


def encrypted_pdf() -> bytes:
    """A PDF whose Encrypt dictionary pdfium cannot satisfy with the empty password."""
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"3 0 obj<</Filter/Standard/V 2/R 3/Length 128/P -4/O(" + b"\x11" * 32 + b")/U(" + b"\x22" * 32 + b")>>endobj\n")
    xref = len(body)
    return body + (b"xref\n0 4\n0000000000 65535 f \n" + b"0000000009 00000 n \n" * 3 +
                   b"trailer<</Size 4/Root 1 0 R/Encrypt 3 0 R/ID[<00112233445566778899aabbccddeeff>"
                   b"<00112233445566778899aabbccddeeff>]>>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")


def image_pdf() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (400, 600), "white").save(buf, "PDF")
    return buf.getvalue()


def big_text() -> bytes:
    line = "本年度我单位认真贯彻落实条例要求，依法公开政府信息，主动回应社会关切。\n".encode()
    return line * (50 * 1024 * 1024 // len(line))


def deep_html() -> bytes:
    n = 200_000
    return b"<html><body>" + b"<div>" * n + "二、主动公开政府信息情况".encode() + b"</div>" * n + b"</body></html>"


def many_cells() -> bytes:
    row = b"<tr>" + b"<td>1</td>" * 100 + b"</tr>"
    return b"<html><body><p>" + "三、收到和处理政府信息公开申请情况".encode() + b"</p><table>" + row * 1000 + b"</table></body></html>"


def backtracking_text() -> bytes:
    # Long runs of what the patterns look for, never completed: labels' prefixes, digits,
    # ordinals, parentheses, years and 年 without 年度报告.
    parts = ["二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n",
             "规章" + "0" * 5000 + "\n",
             "（" * 3000 + "1." * 3000 + "\n",
             "2022年" * 5000 + "\n",
             "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量" + "1 " * 20000 + "\n",
             "四、" + "行政" * 5000 + "\n", "收到" * 5000 + "申请" * 5000 + "\n"]
    return "".join(parts).encode()


def fused_monster() -> bytes:
    # Every row of table 三 a long fused digit run: the placement search must give up, not hang.
    from gipextract import templates

    t = templates.get("2021").table("requests")
    rng = random.Random(7)
    lines = ["三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计"]
    for r in t.rows:
        lines.append((r.label or "") + "".join(str(rng.randint(1, 9)) for _ in range(60)))
    return "".join(lines).encode()


# --- Issue 13: inputs that made one stage super-linear or raised a raw exception ---

def _numbering(nums: str, abstract: str) -> bytes:
    return (f'<?xml version="1.0"?><w:numbering {W_NS}>{abstract}{nums}</w:numbering>').encode()


def docx_roman_start() -> bytes:
    # w:start="1000000000" with lowerRoman: the numeral was built ten at a time.
    abstract = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000000"/>'
                '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
    paras = "".join('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                    '<w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>' for _ in range(50))
    xml = f"<w:document {W_NS}><w:body>{paras}</w:body></w:document>".encode()
    return _docx(xml, {"word/numbering.xml": _numbering('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
                                                        abstract)})


def docx_many_lists() -> bytes:
    # 30,000 paragraphs, each in its own list: every counter was rescanned per paragraph.
    n = 30_000
    abstract = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/></w:num>' for i in range(1, n + 1))
    paras = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{i}"/></w:numPr></w:pPr>'
                    f'<w:r><w:t>信息内容</w:t></w:r></w:p>' for i in range(1, n + 1))
    xml = f"<w:document {W_NS}><w:body>{paras}</w:body></w:document>".encode()
    return _docx(xml, {"word/numbering.xml": _numbering(nums, abstract)})


def docx_many_small_tables() -> bytes:
    # 100 tables of 1,000 cells: each under the old per-table check, 100,000 cells in all
    # (1,300 such tables took 57 s and 1.3 GB; now they stop at the element count first).
    row = "<w:tr>" + "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * 100 + "</w:tr>"
    table = "<w:tbl>" + row * 10 + "</w:tbl>"
    xml = (f"<w:document {W_NS}><w:body><w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>"
           + table * 100 + "</w:body></w:document>").encode()
    return _docx(xml)


def docx_empty_elements() -> bytes:
    # 60 MB of empty elements, under max_part_bytes, would build a 2 GB tree.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f"<w:document {W_NS}><w:body>".encode())
            chunk = b"<w:p/>" * (1 << 18)
            for _ in range(60 * 1024 * 1024 // len(chunk)):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return buf.getvalue()


def html_huge_spans() -> bytes:
    # rowspan and colspan of 1000 on 8 cells: every covered position was stored.
    cells = '<td rowspan="1000" colspan="1000">1</td>' * 8
    return ("<html><body><p>三、收到和处理政府信息公开申请情况</p><table><tr>" + cells + "</tr>"
            + "<tr><td>2</td></tr>" * 3 + "</table></body></html>").encode()


def html_sibling_tables() -> bytes:
    # 20,000 sibling tables: the XSLT pattern table[not(.//table)] was quadratic in libxslt.
    return (b"<html><body><p>" + "二、主动公开政府信息情况".encode() + b"</p>"
            + b"<table><tr><td>1</td></tr></table>" * 20_000 + b"</body></html>")


def html_huge_attribute() -> bytes:
    # An inline data: image of 11 MB before the report: libxml2 stopped there, silently.
    page = sample("html")
    at = page.index(b"<body")
    at = page.index(b">", at) + 1
    img = b'<p><img src="data:image/png;base64,' + b"A" * (11 * 1024 * 1024) + b'"></p>'
    return page[:at] + img + page[at:]


def text_extra_labels() -> bytes:
    # 20,000 label-like lines between two row labels: the extra-row split was quadratic.
    text = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_text("utf-8")
    anchor = "本年新收政府信息公开申请数量\n\t5\n"
    filler = "".join(f"其他事项{i % 10}\n\t{i % 7}\n" for i in range(20_000))
    return text.replace(anchor, anchor + filler, 1).encode()


def text_han_flood() -> bytes:
    # A table 三 anchor followed by 1 M Han characters: difflib ran over all of it per missing row.
    return ("三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 1 2 3\n"
            + "申请人情况" * 200_000 + "\n").encode()


def _seed_replaced(old: str, new: str) -> bytes:
    text = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_text("utf-8")
    return text.replace(old, new, 1).encode()


def pdf_many_lines() -> bytes:
    """One page holding 200,000 short text lines (boxes were fetched one call per glyph)."""
    import zlib

    lines = 200_000
    ops = ["BT /F1 1 Tf"]
    ops.append(f"1 0 0 1 10 {lines * 1.2 + 10:.0f} Tm")
    ops.extend("(12 3) Tj 0 -1.2 Td" for _ in range(lines))
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode(), 9)
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 900 " + str(int(lines * 1.2 + 20)).encode() + b"]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
            b"<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj".encode() + o + b"endobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer<</Size {len(objs) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def sample(fmt: str) -> bytes:
    """A good document of each format to damage."""
    if fmt == "txt":
        return (CORPUS / "seeds" / "002_d3904e969f46d18d.txt").read_bytes()
    if fmt == "html":
        import json
        from decimal import Decimal

        from gipextract import templates
        from docwriters.html import render_html

        tables = json.loads((CORPUS / "seeds" / "001_91b930a4292c284b.expected.json").read_text("utf-8"))["tables"]
        grid = {(t, r, c): (Decimal(v) if isinstance(v, str) else v)
                for t, rows in tables.items() for r, cols in rows.items() for c, v in cols.items()}
        return render_html(templates.get("2021"), grid, chrome=True, word_markup=True)
    return sorted((CORPUS / fmt).glob(f"*.{fmt}"))[0].read_bytes()


def truncated(fmt: str, keep: float) -> Callable[[], bytes]:
    return lambda: (lambda data: data[: int(len(data) * keep)])(sample(fmt))


def corrupted(fmt: str, seed: int) -> Callable[[], bytes]:
    def make() -> bytes:
        data = bytearray(sample(fmt))
        rng = random.Random(seed)
        for _ in range(max(1, len(data) // 200)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    return make


def markdown_wide_table() -> bytes:
    """A pipe table 24,000 columns wide under a header row: the span checks stay linear."""
    n = 24_000
    return ("# 三、收到和处理政府信息公开申请情况\n\n| 信息内容 | " + " | ".join(f"列{i}" for i in range(n)) + " |\n|"
            + "---|" * (n + 1) + "\n| 一、本年新收政府信息公开申请数量 | "
            + " | ".join("0" if i % 2 else "" for i in range(n)) + " |\n").encode()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "random.bin": lambda: random.Random(1).randbytes(200_000),
    "zip_bomb.docx": zip_bomb,
    "billion_laughs.docx": billion_laughs,
    "external_entity.docx": external_entity,
    "external_entity.xhtml": xhtml_external_entity,
    "encrypted.pdf": encrypted_pdf,
    "image_only.pdf": image_pdf,
    "big_50MB.txt": big_text,
    "deep.html": deep_html,
    "cells_100k.html": many_cells,
    "backtracking.txt": backtracking_text,
    "fused_monster.txt": fused_monster,
    "roman_start.docx": docx_roman_start,
    "lists_30k.docx": docx_many_lists,
    "tables_100x1000.docx": docx_many_small_tables,
    "empty_elements_60MB.docx": docx_empty_elements,
    "spans_1000.html": html_huge_spans,
    "tables_20k.html": html_sibling_tables,
    "data_image_11MB.html": html_huge_attribute,
    "extra_labels_20k.txt": text_extra_labels,
    "han_flood.txt": text_han_flood,
    "number_5000_digits.txt": lambda: _seed_replaced("本年新收政府信息公开申请数量\n\t5\n",
                                                     "本年新收政府信息公开申请数量\n\t" + "7" * 5000 + "\n"),
    "prose_5000_digits.txt": lambda: _seed_replaced("一、总体情况\n", "一、总体情况\n本年度共收到政府信息公开申请" + "8" * 5000 + "件。\n"),
    "amount_40_digits.txt": lambda: _seed_replaced("行政事业性收费\n\t0\n", "行政事业性收费\n\t" + "9" * 40 + "元\n"),
    "lines_200k.pdf": pdf_many_lines,
    "wide_24k.md": markdown_wide_table,
}
for _fmt in ("txt", "docx", "pdf", "html"):
    for _keep in (0.1, 0.5, 0.9):
        HOSTILE[f"truncated_{int(_keep * 100)}.{_fmt}"] = truncated(_fmt, _keep)
    for _seed in (1, 2):
        HOSTILE[f"corrupt_{_seed}.{_fmt}"] = corrupted(_fmt, _seed)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in HOSTILE.items():
        (out / name).write_bytes(make())
        print(name)


if __name__ == "__main__":
    main()
