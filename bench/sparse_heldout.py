"""Held-out check of corpus/sparse/ (#24): the same recipes with other seeds, read by gipextract.

Several reading rules were tuned on the committed sparse documents, so bench/sparse.py's
0 silent cells says little about documents those rules never saw. This bench rebuilds every
recipe of corpus/tools/sparse_docs.py with ``seed + offset`` (other values, units and blank
cells; the same layouts and styles) into a temporary folder, prints the portal pages with
Chromium and LibreOffice, runs pdftotext -layout, pdftotext, markitdown and pymupdf4llm over
every PDF (corpus/tools/sparse_tools.py's runners) and scores each document against the
expected JSON drawn from the generator's grid, with bench/sparse.py's Scorer and table.
corpus/ is never written; a missing tool skips its groups with a note.

    python bench/sparse_heldout.py                       # offset 100
    python bench/sparse_heldout.py --offset 100 200 -v   # two offsets, every silent cell
    python bench/sparse_heldout.py --keep /tmp/heldout --json out.json
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from sparse import ROOT, Scorer, table, tally  # bench/ is on sys.path when a bench runs

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))

import sparse_tools  # noqa: E402
from make_layout_pdfs import font_file  # noqa: E402
from make_sparse_corpus import expected_bytes  # noqa: E402
from run_tools import _chromium, _pkg_version, _prog_version  # noqa: E402
from sparse_docs import _PAGES, _PDFS, make  # noqa: E402
from sparse_pages import FONT_NAME, libreoffice_version, page_html, page_text, print_libreoffice  # noqa: E402
from sparse_pdfs import render_pdf, truetype  # noqa: E402

Doc = tuple[str, Path, dict[str, Any]]  # (group, file, expected JSON)


def versions(notes: list[str]) -> dict[str, str]:
    """Version of every printer and text tool found (pins are not enforced: recorded instead)."""
    found: dict[str, str] = {}
    probes: dict[str, Callable[[], str]] = {
        "chromium-pdf": lambda: "chromium " + _prog_version("chromium"),
        "libreoffice-pdf": lambda: "libreoffice " + libreoffice_version() if shutil.which("soffice")
        or shutil.which("libreoffice") else _missing("soffice"),
        **{tool: (lambda s=src: f"{s} " + (_prog_version(s) if s == "pdftotext" else _pkg_version(s)))
           for tool, (src, _, _) in sparse_tools.TEXT_TOOLS.items()},
    }
    for tool, probe in probes.items():
        try:
            found[tool] = probe()
        except Exception as e:  # noqa: BLE001 - a missing tool skips its group, noted
            notes.append(f"{tool}: skipped ({e})")
    return found


def _missing(prog: str) -> str:
    raise RuntimeError(f"{prog} is not installed")


def build(offset: int, out: Path, notes: list[str]) -> tuple[list[Doc], list[tuple[str, Path]]]:
    """Write the re-seeded PDFs and pages with their expected files; (documents, pages)."""
    def docs(entries: list) -> list[tuple[str, Any, Any]]:
        return [(name, make(name, dataclasses.replace(r, seed=r.seed + offset), what), style)
                for name, r, style, what in entries]

    pdf_dir, page_dir = out / "pdf", out / "pages"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    page_dir.mkdir(parents=True, exist_ok=True)
    result: list[Doc] = []
    with tempfile.TemporaryDirectory() as tmp:
        otf = font_file(Path(tmp))
        pdfs = docs(_PDFS)
        chars: set[str] = set()
        drawn: dict[str, bytes] = {}
        while True:  # as make_sparse_corpus.build_pdfs: until the font subset holds every character drawn
            ttf = truetype(otf, chars, Path(tmp) / "sc.ttf")
            used: set[str] = set()
            for name, doc, style in pdfs:
                try:
                    drawn[name], c = render_pdf(doc, style, ttf)
                    used |= c
                except RuntimeError as e:  # a seed whose page break never falls inside the split row
                    notes.append(f"offset {offset}: {name} not drawn ({e})")
            if used <= chars:
                break
            chars |= used
        for name, doc, _ in pdfs:
            if name in drawn:
                (pdf_dir / f"{name}.pdf").write_bytes(drawn[name])
                (pdf_dir / f"{name}.expected.json").write_bytes(expected_bytes(doc))
                result.append(("generated-pdf", pdf_dir / f"{name}.pdf", json.loads(expected_bytes(doc))))
        pages, chars = [], set()
        for name, doc, style in docs(_PAGES):
            html = page_html(doc, style)
            chars |= page_text(html)
            (page_dir / f"{name}.html").write_bytes(html)
            (page_dir / f"{name}.expected.json").write_bytes(expected_bytes(doc))
            pages.append((name, page_dir / f"{name}.html"))
            result.append(("html-page", page_dir / f"{name}.html", json.loads(expected_bytes(doc))))
        truetype(otf, chars, page_dir / FONT_NAME)  # the pages' web font, as build_pages writes it
    notes[:] = list(dict.fromkeys(notes))  # the font loop repeats a split failure
    return result, pages


def print_and_read(docs: list[Doc], pages: list[tuple[str, Path]], out: Path, tools: dict[str, str],
                   notes: list[str]) -> list[Doc]:
    """The pages printed by both printers, then every text tool over every PDF."""
    exp = {p.stem: e for g, p, e in docs if g == "html-page"}
    printed: list[Doc] = []
    for printer in sparse_tools.PRINTERS:
        if printer not in tools:
            continue
        folder = out / "toolout" / printer
        folder.mkdir(parents=True, exist_ok=True)
        try:
            pdfs = ({name: _chromium(p) for name, p in pages} if printer == "chromium-pdf"
                    else print_libreoffice([p for _, p in pages]))
        except Exception as e:  # noqa: BLE001 - a printer failing skips its group, noted
            notes.append(f"{printer}: failed ({e})")
            continue
        for name, data in pdfs.items():
            (folder / f"{name}.pdf").write_bytes(data)
            printed.append((printer, folder / f"{name}.pdf", exp[name]))
    sources = [(f"pdf-{p.stem}", p, e) for g, p, e in docs if g == "generated-pdf"]
    sources += [(f"{g}-{p.stem}", p, e) for g, p, e in printed]
    read: list[Doc] = []
    for tool, (_, ext, runner) in sparse_tools.TEXT_TOOLS.items():
        if tool not in tools:
            continue
        folder = out / "toolout" / tool
        folder.mkdir(parents=True, exist_ok=True)
        for stem, pdf, e in sources:
            try:
                text = runner(pdf)
            except Exception as err:  # noqa: BLE001 - one failing file is noted, the rest still read
                notes.append(f"{tool}: {pdf.name} failed ({err})")
                continue
            (folder / f"{stem}.{ext}").write_text(text, encoding="utf-8")
            read.append((tool, folder / f"{stem}.{ext}", e))
    return printed + read


def run_offset(offset: int, out: Path, tools: dict[str, str], scorer: Scorer, verbose: bool,
               notes: list[str]) -> tuple[list[tuple[str, Path, dict[str, Any]]], list[dict[str, Any]]]:
    """Build, print, read and score one offset; (results for tally, details for --json)."""
    docs, pages = build(offset, out, notes)
    docs += print_and_read(docs, pages, out, tools, notes)
    for _, pdf, e in docs:  # a printer that lost a value is the printer's fault, not the reader's
        if pdf.parent.name in sparse_tools.PRINTERS:
            lost = sparse_tools.values_printed(pdf, e)
            if lost:
                notes.append(f"offset {offset}: {pdf.parent.name}/{pdf.name} lost {', '.join(lost)}")
    results, details = [], []
    for group, path, e in docs:
        r = scorer.score(path, e)
        results.append((group, path, r))
        rel = path.relative_to(out).as_posix()
        details.append({"offset": offset, "group": group, "path": rel, "unit": e["report"]["unit"],
                        "wrong": [list(map(str, w)) for w in r["wrong"]],
                        **{k: r[k] for k in ("cells", "right", "flagged", "silent", "error", "scrambled",
                                             "meta_wrong")}})
        if verbose and (r["silent"] or r["error"]):
            print(f"  [{group}] +{offset} {rel}: {r['error'] or ''}", file=sys.stderr)
            for ref, want, got, status in r["wrong"]:
                print(f"    {ref}: want {want} got {got} ({status})", file=sys.stderr)
    return results, details


def main(argv: list[str] | None = None) -> int:
    """Every offset in turn: its table, then the notes and versions."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--offset", type=int, nargs="+", default=[100], help="seed offsets (default 100)")
    ap.add_argument("-v", "--verbose", action="store_true", help="every silently wrong cell, and every error")
    ap.add_argument("--json", help="write per-document details and the tool versions here")
    ap.add_argument("--keep", help="build into this folder (one subfolder per offset) and keep it")
    args = ap.parse_args(argv)
    if 0 in args.offset:
        ap.error("offset 0 is the committed corpus: use bench/sparse.py")
    # fpdf warns of missing glyphs on the font loop's first pass, pdfminer of every subset font's
    # FontBBox: noise around the silent cells that -v prints
    for name in ("fpdf", "pdfminer"):
        logging.getLogger(name).setLevel(logging.ERROR)
    notes: list[str] = []
    tools = versions(notes)
    scorer = Scorer()
    import gipextract

    print(f"gipextract from {Path(gipextract.__file__).parent}")
    print("tools: " + "; ".join(f"{k}: {v}" for k, v in tools.items()))
    everything: list[dict[str, Any]] = []
    for offset in args.offset:
        with tempfile.TemporaryDirectory(prefix=f"sparse-heldout-{offset}-") as tmp:
            out = Path(args.keep) / f"offset-{offset}" if args.keep else Path(tmp)
            results, details = run_offset(offset, out, tools, scorer, args.verbose, notes)
        everything += details
        print(f"\nseed offset {offset}" + (f" (kept in {out})" if args.keep else ""))
        print(table(tally(results)))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"tools": tools, "notes": notes, "documents": everything},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
