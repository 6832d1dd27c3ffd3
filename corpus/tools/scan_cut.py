"""Build corpus/scans/varied/: each document of :mod:`scan_docs` rendered, degraded and written
as an image-only PDF (JPEG pages) or, for a picture, cut to what it shows and written as PNG
or JPEG, with its expected file.

A picture's expected file holds the values of the rows it shows; every other cell is
``null`` with status ``missing`` (absent, not zero), and ``seen`` lists the rows shown per
table. A crop always runs from one ruling line to another, so no row is shown in part.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from scan_degrade import phone, quality_for, scan, stamp_seal
from scan_docs import ScanDoc, documents
from scan_draw import RowSpot, draw_pdf
from sparse_grids import expected

OUT = Path(__file__).resolve().parents[1] / "scans" / "varied"
MM = 25.4


def render(pdf: pdfium.PdfDocument, index: int, dpi: int) -> np.ndarray:
    """Page ``index`` as an RGB array at ``dpi``."""
    bitmap = pdf[index].render(scale=dpi / 72)
    rgb = np.array(bitmap.to_pil().convert("RGB"))
    bitmap.close()
    return rgb


def px(mm: float, dpi: int) -> int:
    """Millimetres to pixels at ``dpi``."""
    return int(round(mm / MM * dpi))


def table_box(spots: list[RowSpot], table: str, page: int) -> tuple[float, float, float, float] | None:
    """The table's printed rectangle on ``page`` (mm), if any of its rows stands there."""
    mine = [s for s in spots if s.table == table and s.page == page]
    if not mine:
        return None
    return mine[0].x0, min(s.top for s in mine), mine[0].x1, max(s.bottom for s in mine)


def cut(rgb: np.ndarray, dpi: int, top: float, bottom: float, x0: float, x1: float, above: float = 0.0) -> np.ndarray:
    """The page between two rules (mm), ``above`` mm more over the top (a heading), with a white
    margin all round (so a turn of the picture cuts nothing); the rest of the page left out."""
    pad = 0.5
    margin = 6.0 + 0.035 * (x1 - x0) / 2
    y0, y1 = px(top - pad - above, dpi), px(bottom + pad, dpi)
    a, b = px(x0 - 3, dpi), px(x1 + 3, dpi)
    body = rgb[y0:y1, a:b]
    m = px(margin, dpi)
    out = np.full((body.shape[0] + 2 * m, body.shape[1] + 2 * m, 3), 255, np.uint8)
    out[m:m + body.shape[0], m:m + body.shape[1]] = body
    return out


def seen_rows(spots: list[RowSpot], page: int, top: float = -1.0, bottom: float = 1e9) -> dict[str, list[str]]:
    """Rows of each table wholly inside [top, bottom] on ``page``."""
    out: dict[str, list[str]] = {}
    for s in spots:
        if s.row and s.page == page and s.top >= top - 0.01 and s.bottom <= bottom + 0.01:
            out.setdefault(s.table, [])
            if s.row not in out[s.table]:
                out[s.table].append(s.row)
    return out


def picture(doc: ScanDoc, pdf: pdfium.PdfDocument, spots: list[RowSpot], rng: np.random.Generator
            ) -> tuple[np.ndarray, dict[str, list[str]], dict]:
    """The picture of ``doc`` (by its kind), the rows it shows and the parameters drawn."""
    pages = sorted({s.page for s in spots})
    if doc.kind == "phone":
        page = int(rng.choice(pages))
        dpi = int(rng.integers(150, 221))
        img, params = phone(render(pdf, page, dpi), rng)
        return img, seen_rows(spots, page), {"dpi": dpi, "page": page + 1, **params}
    # A table on a page: for a screenshot or one table, the one with the most rows there.
    options = [(t, p) for t in ("proactive", "requests", "appeals") for p in pages if table_box(spots, t, p)]
    if doc.kind == "table-tail":
        pairs = [(a, b, p) for a, b in (("proactive", "requests"), ("requests", "appeals"))
                 for p in pages if table_box(spots, a, p) and table_box(spots, b, p)]
        a, b, page = pairs[int(rng.integers(len(pairs)))]
        first = [s for s in spots if s.table == a and s.page == page and s.row]
        second = [s for s in spots if s.table == b and s.page == page]
        start = first[int(rng.integers(len(first) // 2, len(first)))]
        body = [s for s in second if s.row]
        end = body[int(rng.integers(0, min(len(body), 6)))]
        top, bottom = start.top, end.bottom
        x0, x1 = start.x0, start.x1
        above = 0.0
    else:
        table, page = max(options, key=lambda tp: sum(1 for s in spots if s.table == tp[0] and s.page == tp[1]))
        if rng.random() < 0.5:
            table, page = options[int(rng.integers(len(options)))]
        x0, top, x1, bottom = table_box(spots, table, page)  # type: ignore[misc]
        above = 9.0 if rng.random() < 0.5 else 0.0  # the heading over the table, or not
    if doc.kind == "screenshot":
        dpi = int(rng.integers(96, 131))
        img = cut(render(pdf, page, dpi), dpi, top, bottom, x0, x1, above)
        params: dict = {"dpi": dpi}
    else:
        dpi = int(rng.integers(150, 301))
        img, params = scan(cut(render(pdf, page, dpi), dpi, top, bottom, x0, x1, above), rng, quality_for(dpi, rng))
        params = {"dpi": dpi, **params}
    return img, seen_rows(spots, page, top, bottom), {"page": page + 1, **params}


def document(doc: ScanDoc, pdf: pdfium.PdfDocument, spots: list[RowSpot], rng: np.random.Generator
             ) -> tuple[bytes, dict]:
    """The table pages of ``doc`` scanned as an image-only PDF of JPEG pages."""
    pages = sorted({s.page for s in spots})
    dpi = int(rng.integers(150, 301))
    colour = doc.kind in ("scan-colour", "seal") or (doc.kind == "faint" and rng.random() < 0.5)
    seal_page = int(rng.choice(pages))
    frames, notes = [], []
    quality = quality_for(dpi, rng)
    for page in pages:
        rgb = render(pdf, page, dpi)
        extra: dict = {}
        if doc.kind == "seal" and page == seal_page:
            tables = [t for t in ("proactive", "requests", "appeals") if table_box(spots, t, page)]
            x0, y0, x1, y1 = table_box(spots, tables[int(rng.integers(len(tables)))], page)  # type: ignore[misc]
            rgb, extra = stamp_seal(rgb, rng, dpi, (px(x0, dpi), px(y0, dpi), px(x1, dpi), px(y1, dpi)))
        img, params = scan(rgb, rng, quality, faint=doc.kind == "faint")
        frames.append(Image.fromarray(img) if colour else Image.fromarray(img).convert("L"))
        notes.append({**params, **extra})
    buf = io.BytesIO()
    frames[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=frames[1:], quality=quality)
    return buf.getvalue(), {"dpi": dpi, "colour": colour, "source_pages": [p + 1 for p in pages], "per_page": notes}


def partial(exp: dict, seen: dict[str, list[str]]) -> dict:
    """The expected file of a picture: rows not shown are ``null`` and ``missing``."""
    statuses = dict(exp["statuses"])
    for table, rows in exp["tables"].items():
        for row, cols in rows.items():
            if row in seen.get(table, ()):
                continue
            for col in cols:
                cols[col] = None
                statuses[f"{table}.{row}.{col}"] = "missing"
    exp["statuses"] = dict(sorted(statuses.items()))
    exp["seen"] = seen
    return exp


def build(names: list[str]) -> None:
    """Write every document and picture of :func:`scan_docs.documents` (or those named)."""
    OUT.mkdir(parents=True, exist_ok=True)
    for doc in documents():
        if names and not any(n in doc.name for n in names):
            continue
        data, spots = draw_pdf(doc.truth, doc.style)
        pdf = pdfium.PdfDocument(data)
        rng = np.random.default_rng(doc.seed)
        exp = expected(doc.truth)
        exp.pop("report")
        exp["kind"] = doc.kind
        if doc.kind in ("phone", "screenshot", "one-table", "table-tail"):
            img, seen, params = picture(doc, pdf, spots, rng)
            exp = partial(exp, seen)
            exp["pages"] = [1]
            image = Image.fromarray(img)
            if doc.kind == "screenshot":  # a scanned picture is JPEG already: PNG would keep its noise losslessly
                path = OUT / f"{doc.name}.png"
                image.save(path, optimize=True)
            else:
                path = OUT / f"{doc.name}.jpg"
                image.save(path, quality=params.get("quality", 80))
        else:
            data, params = document(doc, pdf, spots, rng)
            path = OUT / f"{doc.name}.pdf"
            path.write_bytes(data)
            exp["pages"] = list(range(1, len(params["source_pages"]) + 1))
        pdf.close()
        for stale in OUT.glob(f"{doc.name}.*"):
            if stale != path and not stale.name.endswith(".expected.json"):
                stale.unlink()
        exp["degradation"] = params
        exp["notes"] = f"{doc.kind}: {doc.truth.notes}; form {doc.truth.form}; made by corpus/tools/make_scans.py --varied"
        text = json.dumps(exp, ensure_ascii=False, indent=1, default=lambda v: str(v) if isinstance(v, Decimal) else v)
        (OUT / f"{doc.name}.expected.json").write_text(text + "\n", encoding="utf-8")
        print(f"{path.name:40} {path.stat().st_size // 1024:6} KiB")
