"""Printers and text tools over corpus/sparse/, and the manifest naming what each output holds.

Chromium and LibreOffice print every portal page of ``pages/`` to
``toolout/chromium-pdf/`` and ``toolout/libreoffice-pdf/``; then ``pdftotext -layout``,
``pdftotext`` (plain), markitdown and pymupdf4llm read every PDF (generated or printed)
into ``toolout/<tool>/``. ``toolout/manifest.json`` has the shape of
corpus/toolout/manifest.json: per output its tool, version, ``source`` and ``expected``
(paths relative to ``corpus/``). The runners and pins are corpus/tools/run_tools.py's.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run_tools import (PINS, _chromium, _markitdown, _pdftotext, _pdftotext_plain, _pkg_version,  # noqa: E402
                       _prog_version, _pymupdf4llm)
from sparse_pages import libreoffice_version, print_libreoffice  # noqa: E402

CORPUS = HERE.parent
SPARSE = CORPUS / "sparse"
TOOLOUT = SPARSE / "toolout"
PRINTERS = ("chromium-pdf", "libreoffice-pdf")
# tool -> (version source, extension, runner)
TEXT_TOOLS: dict[str, tuple[str, str, Callable[[Path], str]]] = {
    "pdftotext-layout": ("pdftotext", "txt", _pdftotext),
    "pdftotext-plain": ("pdftotext", "txt", _pdftotext_plain),
    "markitdown": ("markitdown", "md", _markitdown),
    "pymupdf4llm": ("pymupdf4llm", "md", _pymupdf4llm),
}


def rel(path: Path) -> str:
    """A path relative to corpus/, as the manifests write them."""
    return path.relative_to(CORPUS).as_posix()


def version(source: str) -> str:
    """``name version`` of a tool, refused when it is not the pinned one."""
    found = _prog_version(source) if source in ("pdftotext", "chromium") else _pkg_version(source)
    if found != PINS[source]:
        raise RuntimeError(f"{source} {found} installed, {PINS[source]} pinned")
    return f"{source} {found}"


def print_pages(pages: list[Path]) -> dict[str, dict]:
    """Print every page with both printers; the manifest entries of the PDFs."""
    entries: dict[str, dict] = {}
    chrome = version("chromium")
    lo = f"libreoffice {libreoffice_version()}"
    printed = {"chromium-pdf": {p.stem: _chromium(p) for p in pages}, "libreoffice-pdf": print_libreoffice(pages)}
    for tool, outputs in printed.items():
        (TOOLOUT / tool).mkdir(parents=True, exist_ok=True)
        for page in pages:
            target = TOOLOUT / tool / f"{page.stem}.pdf"
            target.write_bytes(outputs[page.stem])
            entries[f"{tool}/{target.name}"] = {
                "tool": tool, "version": chrome if tool == "chromium-pdf" else lo, "source": rel(page),
                "expected": rel(page.with_name(page.stem + ".expected.json"))}
    return entries


def pdf_sources(printed: dict[str, dict]) -> list[tuple[str, Path, str]]:
    """(output stem, PDF, expected path) of every generated and printed PDF."""
    out = [(f"pdf-{p.stem}", p, rel(p.with_name(p.stem + ".expected.json")))
           for p in sorted((SPARSE / "pdf").glob("*.pdf"))]
    for key, entry in sorted(printed.items()):
        tool, name = key.split("/")
        out.append((f"{tool}-{Path(name).stem}", TOOLOUT / key, entry["expected"]))
    return out


def run_text_tools(printed: dict[str, dict]) -> dict[str, dict]:
    """Every text tool over every PDF; the manifest entries of the outputs."""
    entries: dict[str, dict] = {}
    for tool, (source, ext, runner) in TEXT_TOOLS.items():
        ver = version(source)
        (TOOLOUT / tool).mkdir(parents=True, exist_ok=True)
        for stem, pdf, expected in pdf_sources(printed):
            text = runner(pdf)
            name = f"{stem}.{ext}"
            (TOOLOUT / tool / name).write_text(text, encoding="utf-8")
            entries[f"{tool}/{name}"] = {"tool": tool, "version": ver, "source": rel(pdf), "expected": expected}
    return entries


def load_manifest() -> dict[str, dict]:
    """The committed manifest (empty when there is none)."""
    path = TOOLOUT / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_manifest(entries: dict[str, dict]) -> None:
    """``toolout/manifest.json``, sorted."""
    (TOOLOUT / "manifest.json").write_text(json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=1)
                                           + "\n", encoding="utf-8")


def check_manifest(entries: dict[str, dict]) -> list[str]:
    """Problems: outputs or sources missing, or a PDF without its four text outputs."""
    bad = [k for k in entries if not (TOOLOUT / k).exists()]
    bad += [e["source"] for e in entries.values() if not (CORPUS / e["source"]).exists()]
    bad += [e["expected"] for e in entries.values() if not (CORPUS / e["expected"]).exists()]
    printed = {k: e for k, e in entries.items() if e["tool"] in PRINTERS}
    for stem, _, _ in pdf_sources(printed):
        bad += [f"{tool}/{stem}" for tool, (_, ext, _) in TEXT_TOOLS.items() if f"{tool}/{stem}.{ext}" not in entries]
    return bad


def values_printed(pdf: Path, expected: dict) -> list[str]:
    """Non-zero values of the expected file that the PDF's words do not show (a printer lost them)."""
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        words = {w[4] for page in doc for w in page.get_text("words")}
    words |= {re.sub(r"^[+＋]", "", w).replace("－", "-") for w in words}
    missing = []
    for table, rows in expected["tables"].items():
        for row, cols in rows.items():
            for col, v in cols.items():
                status = expected["statuses"].get(f"{table}.{row}.{col}")
                if str(v) != "0" and status != "inferred" and str(v) not in words:
                    missing.append(f"{table}.{row}.{col}={v}")
    return missing
