"""Write corpus/scans/: "scanned" copies of the table pages of corpus PDFs, for OCR.

Each document of ``SCANS`` renders the pages of a corpus PDF (corpus/pdf/, expected JSON
known) that hold the report tables, at 150 dpi with pypdfium2, and degrades them the
way a scanner or a phone does: rotated by up to ±1.5°, blurred, noised, JPEG-compressed;
some get a red seal (公章) stamped over a table; some become one long PNG (the tables
pasted as a picture on a portal page, one skew for the whole picture) instead of an
image-only PDF.

The expected file is the source's expected cells (same values, same statuses): the
pages are pictures of the very grid the source was written from. Its ``report`` block is
left out (the title page is not scanned), and its notes say what was done.

``--varied`` writes corpus/scans/varied/ instead (issue #25): seeded grids drawn as ruled
reports (:mod:`scan_docs`, :mod:`scan_draw`), degraded within the issue's ranges
(:mod:`scan_degrade`) and cut into pictures by :mod:`scan_cut`; their expected files come
from the grids drawn and, for a picture, the rows it shows.

Needs numpy, opencv (the ``ocr`` extra brings it), Pillow and (for --varied) fpdf2 with
fontTools; reading the outputs needs only gipextract[ocr]. Run from the repository root:
python corpus/tools/make_scans.py [--varied] [NAME ...]
"""
from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "corpus" / "pdf"
OUT = ROOT / "corpus" / "scans"
DPI = 150
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


@dataclass(frozen=True)
class Scan:
    """One output document: its source, how it is degraded and what it becomes."""

    name: str
    source: str
    kind: str  # "pdf": image-only PDF of JPEG pages; "png": one long picture
    angle: float  # degrees, the first page; later pages alternate around it
    blur: float  # Gaussian sigma in pixels
    noise: float  # Gaussian noise sigma in grey levels
    quality: int  # JPEG quality
    seal: bool  # a red seal stamped over a table
    seed: int


SCANS = [
    Scan("01-plain-scan", "01-seed000-plain", "pdf", 1.2, 0.6, 6.0, 55, False, 1),
    Scan("03-merges-seal", "03-seed002-random-merges", "pdf", -1.5, 0.8, 8.0, 45, True, 2),
    Scan("06-form2019-scan", "06-form2019-random", "pdf", 0.8, 0.7, 7.0, 50, True, 3),
    Scan("15-blank-photo", "15-blank-cells", "png", -1.0, 0.7, 3.0, 60, False, 4),
    Scan("16-tall-photo-seal", "16-tall-table", "png", 1.5, 0.6, 3.0, 60, True, 5),
]

_TABLE_START = "主动公开政府信息情况"
_TABLE_END = "存在的主要问题"


def table_pages(pdf: pdfium.PdfDocument) -> list[int]:
    """Indexes of the pages from the one opening table 二 to the one closing table 四."""
    texts = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        texts.append(tp.get_text_range())
        tp.close()
    first = next(i for i, t in enumerate(texts) if _TABLE_START in t)
    last = next((i for i, t in enumerate(texts) if _TABLE_END in t), len(texts) - 1)
    return list(range(first, last + 1))


def render(page: pdfium.PdfPage) -> np.ndarray:
    """The page as an RGB array at DPI."""
    bitmap = page.render(scale=DPI / 72)
    rgb = np.array(bitmap.to_pil().convert("RGB"))
    bitmap.close()
    return rgb


def digit_spots(page: pdfium.PdfPage) -> list[tuple[float, float]]:
    """Pixel centres of the digits printed below the table 二 heading (or anywhere, without it)."""
    tp = page.get_textpage()
    text = tp.get_text_range()
    height = page.get_height()
    start = text.find(_TABLE_START)
    spots = []
    for i, ch in enumerate(text):
        if ch.isdigit() and i > start and len(text) == tp.count_chars():
            left, bottom, right, top = tp.get_charbox(i)
            spots.append(((left + right) / 2 * DPI / 72, (height - (top + bottom) / 2) * DPI / 72))
    tp.close()
    return spots


def stamp_seal(rgb: np.ndarray, rng: np.random.Generator, spots: list[tuple[float, float]]) -> np.ndarray:
    """A red round seal (ring, star, unit name) multiplied over printed values of a table."""
    h, w = rgb.shape[:2]
    size = int(1.6 * DPI)  # a 4 cm seal is about 1.6 inch
    seal = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(seal)
    pad = 6
    draw.ellipse((pad, pad, size - pad, size - pad), outline=255, width=9)
    cx = cy = size / 2
    r = size * 0.17
    star = [(cx + r * math.cos(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4),
             cy + r * math.sin(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4)) for k in range(10)]
    draw.polygon(star, fill=255)
    font = ImageFont.truetype(FONT, size // 9)
    text = "通惠街道办事处"
    for k, ch in enumerate(text):
        a = math.radians(-150 + k * (120 / (len(text) - 1)))
        x, y = cx + size * 0.34 * math.cos(a), cy + size * 0.34 * math.sin(a)
        draw.text((x, y), ch, fill=255, font=font, anchor="mm")
    draw.text((cx, cy + size * 0.28), "政务公开专用章", fill=255, font=ImageFont.truetype(FONT, size // 13), anchor="mm")
    mask = np.array(seal.rotate(float(rng.uniform(-25, 25)), resample=Image.BILINEAR), np.float32) / 255
    mask *= float(rng.uniform(0.75, 0.9))  # ink density: a stamp is never solid
    # Centred on a printed value of a table: where a stray red stroke would become a digit.
    cx, cy = spots[int(rng.integers(len(spots)))] if spots else (w * 0.6, h * 0.4)
    x0 = int(min(max(cx - size / 2, 0), w - size))
    y0 = int(min(max(cy - size / 2, 0), h - size))
    red = np.array([215, 30, 35], np.float32)
    region = rgb[y0:y0 + size, x0:x0 + size].astype(np.float32)
    m = mask[:region.shape[0], :region.shape[1], None]
    # Multiply blend: black print under the seal stays black.
    region = region * (1 - m) + region * (red / 255) * m
    rgb = rgb.copy()
    rgb[y0:y0 + size, x0:x0 + size] = np.clip(region, 0, 255).astype(np.uint8)
    return rgb


def degrade(rgb: np.ndarray, scan: Scan, angle: float, rng: np.random.Generator) -> np.ndarray:
    """Rotated, blurred, noised and JPEG-compressed: what a scanner hands back."""
    h, w = rgb.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=(250, 250, 248))
    # Paper is not white, light is not even, the sensor is noisy; the optics blur it all.
    shade = np.linspace(0, 1, h, dtype=np.float32)[:, None, None] * float(rng.uniform(-18, 0))
    noisy = out.astype(np.float32) - 6 + shade + rng.normal(0, scan.noise, out.shape[:2])[..., None]
    out = cv2.GaussianBlur(np.clip(noisy, 0, 255).astype(np.uint8), (0, 0), scan.blur)
    ok, jpg = cv2.imencode(".jpg", cv2.cvtColor(out, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, scan.quality])
    assert ok
    return cv2.cvtColor(cv2.imdecode(jpg, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def _seal_palette() -> Image.Image:
    """Greys and the seal's reds (over paper, over print): an adaptive palette drops the red."""
    colours = [(v, v, v) for v in (250, 238, 222, 200, 170, 135, 95, 55, 25)]
    colours += [(int(250 - (250 - r) * m), int(250 - (250 - g) * m), int(250 - (250 - b) * m))
                for m in (0.35, 0.6, 0.8, 0.95) for r, g, b in [(215, 30, 35)]]
    colours += [(120, 20, 25), (60, 10, 12), (170, 60, 60)]
    pal = Image.new("P", (1, 1))
    pal.putpalette([c for rgb in colours for c in rgb] + [0] * (3 * (256 - len(colours))))
    return pal


def _image(rgb: np.ndarray, colour: bool) -> Image.Image:
    img = Image.fromarray(rgb)
    return img if colour else img.convert("L")


def make(scan: Scan) -> None:
    """Write one scanned document and its expected JSON."""
    rng = np.random.default_rng(scan.seed)
    pdf = pdfium.PdfDocument(str(SRC / f"{scan.source}.pdf"))
    pages = table_pages(pdf)
    renders = []
    for k, index in enumerate(pages):
        page = pdf[index]
        rgb = render(page)
        if scan.seal and k == 0:
            rgb = stamp_seal(rgb, rng, digit_spots(page))
        renders.append(rgb)
    pdf.close()
    if scan.kind == "pdf":
        # Each sheet through the scanner on its own: its own skew.
        images = [degrade(im, scan, scan.angle if k % 2 == 0 else -scan.angle * 0.6, rng)
                  for k, im in enumerate(renders)]
        frames = [_image(im, scan.seal and k == 0) for k, im in enumerate(images)]
        buf = io.BytesIO()
        frames[0].save(buf, "PDF", resolution=DPI, save_all=True, append_images=frames[1:], quality=scan.quality)
        (OUT / f"{scan.name}.pdf").write_bytes(buf.getvalue())
    else:
        # One long picture: the pages' printed areas one under the other, then taken as one
        # picture (one skew).
        crops = [im[int(0.06 * im.shape[0]):int(0.94 * im.shape[0])] for im in renders]
        tall = degrade(np.concatenate(crops, axis=0), scan, scan.angle, rng)
        img = _image(tall, scan.seal)
        # Few colours keep the file small; the noise and blur are already in the pixels.
        img = img.quantize(palette=_seal_palette(), dither=Image.Dither.NONE) if scan.seal else img.quantize(8)
        img.save(OUT / f"{scan.name}.png", optimize=True)
    expected = json.loads((SRC / f"{scan.source}.expected.json").read_text(encoding="utf-8"))
    out = {k: expected[k] for k in ("template", "tables", "statuses", "candidates")}
    out["source"] = f"corpus/pdf/{scan.source}.pdf"
    out["pages"] = [p + 1 for p in pages]
    out["notes"] = (f"Pages {', '.join(str(p + 1) for p in pages)} of {scan.source}.pdf rendered at {DPI} dpi, "
                    f"rotated {scan.angle:+.1f}° (later pages the other way), blurred (σ {scan.blur}), "
                    f"noised (σ {scan.noise}), JPEG quality {scan.quality}"
                    + ("; a red seal stamped over the first page's table" if scan.seal else "")
                    + ("; as one long PNG picture" if scan.kind == "png" else "; as an image-only PDF")
                    + ". Cells and statuses are the source's: " + expected.get("notes", ""))
    (OUT / f"{scan.name}.expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


def main(names: list[str]) -> None:
    """Write every scan of SCANS (or those whose name holds one of ``names``); with
    ``--varied``, the documents and pictures of corpus/scans/varied/ instead."""
    if "--varied" in names:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from scan_cut import build

        build([n for n in names if n != "--varied"])
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for scan in SCANS:
        if names and not any(n in scan.name for n in names):
            continue
        make(scan)
        print(scan.name)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
