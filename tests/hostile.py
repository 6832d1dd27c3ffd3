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


def sample(fmt: str) -> bytes:
    """A good document of each format to damage."""
    if fmt == "txt":
        return (CORPUS / "seeds" / "002_d3904e969f46d18d.txt").read_bytes()
    if fmt == "html":
        import json
        from decimal import Decimal

        from gipextract import templates
        from gipextract.writers.html import render_html

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
