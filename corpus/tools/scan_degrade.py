"""What a scanner, a phone and a screenshot do to a page, within the ranges of issue #25.

Every function takes the page as an RGB array and a seeded ``numpy`` generator and returns
the degraded RGB array with the parameters it drew (for the expected file's notes), so the
same seed gives the same picture. Ranges: 150–300 dpi; JPEG quality 35–85; Gaussian noise
σ 2–6 and salt-and-pepper 0.1–0.3 %; blur 0.4–1.0 px; rotation ±2°; paper 225–240 with
uneven light; faint ink; a red seal over a table; phone photos on a desk (corner jitter
1–2 %, tilt 1–2°, light fall-off 15–20 %, warm tint); screenshots at 96–130 dpi.
"""
from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
Params = dict[str, Any]


def jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    """``rgb`` through a JPEG encoder at ``quality`` (its blocking and ringing kept)."""
    ok, data = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def paper_and_ink(rgb: np.ndarray, rng: np.random.Generator, faint: bool) -> tuple[np.ndarray, Params]:
    """Paper at 225–240 with light that varies across the sheet; ink at full strength or faint
    (a worn toner: 45–65 % of its contrast)."""
    h, w = rgb.shape[:2]
    paper = float(rng.uniform(225, 240))
    ink = float(rng.uniform(0.45, 0.65)) if faint else 1.0
    # Uneven light: a smooth tilt plus a soft blob, up to ±8 grey levels.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(-1, 1, 2)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    blob = np.exp(-(((xx - cx) / (0.6 * w)) ** 2 + ((yy - cy) / (0.6 * h)) ** 2))
    light = 4.0 * (gx * (xx / w - 0.5) + gy * (yy / h - 0.5)) * 2 + 6.0 * blob - 3.0
    darkness = (255.0 - rgb.astype(np.float32)) * ink
    out = paper + light[..., None] - darkness * (paper / 255.0)
    return np.clip(out, 0, 255).astype(np.uint8), {"paper": round(paper), "ink": round(ink, 2)}


def sensor(rgb: np.ndarray, rng: np.random.Generator, angle: float) -> tuple[np.ndarray, Params]:
    """Rotation, blur 0.4–1.0 px, Gaussian noise σ 2–6, salt-and-pepper 0.1–0.3 %."""
    h, w = rgb.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = tuple(int(v) for v in rgb[2, 2])
    out = cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)
    # Sensor noise, then the optics' blur over it (as a scanner's own smoothing does), then
    # dust: salt-and-pepper specks stay sharp.
    sigma = float(rng.uniform(2, 6))
    noisy = out.astype(np.float32) + rng.normal(0, sigma, out.shape[:2]).astype(np.float32)[..., None]
    out = np.clip(noisy, 0, 255).astype(np.uint8)
    blur = float(rng.uniform(0.4, 1.0))
    out = cv2.GaussianBlur(out, (0, 0), blur)
    sp = float(rng.uniform(0.001, 0.003))
    hit = rng.random(out.shape[:2]) < sp
    salt = rng.random(out.shape[:2]) < 0.5
    out[hit & salt] = 255
    out[hit & ~salt] = 0
    return out, {"angle": round(angle, 2), "blur": round(blur, 2), "noise": round(sigma, 1),
                 "salt_pepper_pct": round(100 * sp, 2)}


def quality_for(dpi: int, rng: np.random.Generator) -> int:
    """JPEG quality 35–85; a fine scan is saved coarser (as scanners do to keep files small):
    up to 85 at 150 dpi, up to 55 at 300 dpi."""
    top = 85 - round(30 * (dpi - 150) / 150)
    return int(rng.integers(35, max(36, top + 1)))


def scan(rgb: np.ndarray, rng: np.random.Generator, quality: int, faint: bool = False) -> tuple[np.ndarray, Params]:
    """A flatbed scan: paper and ink, a turn of up to ±2°, noise, blur; JPEG at ``quality``."""
    out, p = paper_and_ink(rgb, rng, faint)
    out, q = sensor(out, rng, float(rng.uniform(-2, 2)))
    return jpeg(out, quality), {**p, **q, "quality": quality}


def stamp_seal(rgb: np.ndarray, rng: np.random.Generator, dpi: int, box: tuple[int, int, int, int]) -> tuple[np.ndarray, Params]:
    """A red round seal (ring, star, unit name) multiplied over a point inside ``box`` (pixels)."""
    h, w = rgb.shape[:2]
    size = int(1.6 * dpi)  # a 4 cm seal
    seal = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(seal)
    pad = max(3, size // 40)
    draw.ellipse((pad, pad, size - pad, size - pad), outline=255, width=max(3, size // 26))
    c = size / 2
    r = size * 0.17
    star = [(c + r * math.cos(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4),
             c + r * math.sin(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4)) for k in range(10)]
    draw.polygon(star, fill=255)
    font = ImageFont.truetype(FONT, size // 9)
    text = "某某县人民政府办公室"
    for k, ch in enumerate(text):
        a = math.radians(-160 + k * (140 / (len(text) - 1)))
        draw.text((c + size * 0.34 * math.cos(a), c + size * 0.34 * math.sin(a)), ch, fill=255, font=font, anchor="mm")
    draw.text((c, c + size * 0.28), "政务公开专用章", fill=255, font=ImageFont.truetype(FONT, size // 13), anchor="mm")
    mask = np.array(seal.rotate(float(rng.uniform(-30, 30)), resample=Image.BILINEAR), np.float32) / 255
    mask *= float(rng.uniform(0.7, 0.92))  # a stamp is never solid
    cx, cy = rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3])
    x0 = int(min(max(cx - size / 2, 0), w - size))
    y0 = int(min(max(cy - size / 2, 0), h - size))
    red = np.array([rng.uniform(195, 225), rng.uniform(20, 50), rng.uniform(25, 55)], np.float32)
    region = rgb[y0:y0 + size, x0:x0 + size].astype(np.float32)
    m = mask[:region.shape[0], :region.shape[1], None]
    region = region * (1 - m) + region * (red / 255) * m  # multiply: print under the seal stays dark
    out = rgb.copy()
    out[y0:y0 + size, x0:x0 + size] = np.clip(region, 0, 255).astype(np.uint8)
    return out, {"seal_at_px": [int(x0 + size / 2), int(y0 + size / 2)], "seal_px": size}


def phone(rgb: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, Params]:
    """A photo of the sheet lying on a desk: the sheet smaller than the frame, its corners
    jittered 1–2 % (perspective), turned 1–2°, light falling off 15–20 % to the edges, a warm
    tint, sensor noise and blur, JPEG."""
    h, w = rgb.shape[:2]
    out, p = paper_and_ink(rgb, rng, faint=False)
    margin = int(0.06 * w)
    W, H = w + 2 * margin, h + 2 * margin
    desk = np.empty((H, W, 3), np.float32)
    desk[:] = np.array([rng.uniform(90, 140), rng.uniform(70, 100), rng.uniform(50, 70)], np.float32)
    desk += rng.normal(0, 6, (H, W, 1)).astype(np.float32)
    jitter = float(rng.uniform(0.01, 0.02))
    tilt = float(rng.choice((-1, 1)) * rng.uniform(1, 2))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = src + margin + rng.uniform(-jitter, jitter, (4, 2)).astype(np.float32) * np.float32([w, h])
    c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    centre = np.float32([W / 2, H / 2])
    dst = (dst - centre) @ np.float32([[c, s], [-s, c]]) + centre
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    sheet = cv2.warpPerspective(out, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    inside = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (W, H), flags=cv2.INTER_LINEAR) / 255.0
    photo = desk * (1 - inside[..., None]) + sheet.astype(np.float32) * inside[..., None]
    falloff = float(rng.uniform(0.15, 0.2))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    r2 = ((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2
    photo *= (1 - falloff * np.clip(r2 / 2, 0, 1))[..., None]
    warm = np.float32([1.0, float(rng.uniform(0.93, 0.97)), float(rng.uniform(0.80, 0.88))])
    photo = np.clip(photo * warm, 0, 255).astype(np.uint8)
    photo, q = sensor(photo, rng, 0.0)
    quality = int(rng.integers(35, 86))
    return jpeg(photo, quality), {**p, **q, "corner_jitter_pct": round(100 * jitter, 2), "tilt": round(tilt, 2),
                                  "falloff_pct": round(100 * falloff, 1), "warm": [round(float(v), 2) for v in warm],
                                  "quality": quality}
