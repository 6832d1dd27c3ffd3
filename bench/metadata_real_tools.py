"""What gipextract says about real reports after common tools converted them: the real
development set and the peer samples (``../shared``), each converted by every tool installed
here into a temporary folder (nothing of ``../shared`` is committed), then measured as
``bench/metadata.py`` measures: year and unit right where the output prints them, the
publication date right where the output still prints it, and accusations not true of the
document (the source's truth: a tool changes how a report looks, not what is true of it).

    python bench/metadata_real_tools.py            # per tool
    python bench/metadata_real_tools.py -v         # and each miss
    python bench/metadata_real_tools.py --code DIR # another checkout's code (before/after)

Tools, each used where installed: LibreOffice (text, Markdown and DOCX to PDF), Chromium
(pandoc's HTML printed to PDF), pdftotext (-layout and plain), pandoc (Markdown and DOCX to
HTML, GFM and plain text), markitdown, html2text, trafilatura (on pandoc's HTML).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
from metadata import ACCUSING, tally  # noqa: E402
from metadata_truth import documents  # noqa: E402


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _run(cmd: list[str], timeout: int = 120) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _soffice(src: Path, out: Path) -> Path | None:
    if not shutil.which("soffice") or not _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                                                str(out.parent), str(src)], 180):
        return None
    made = out.parent / (src.stem + ".pdf")
    return made if made.exists() else None


def _pandoc(src: Path, out: Path, to: str) -> Path | None:
    ok = shutil.which("pandoc") and _run(["pandoc", str(src), "-t", to, "-s", "-o", str(out)])
    return out if ok and out.exists() else None


def _python_tool(code: str, src: Path, out: Path) -> Path | None:
    ok = _run([sys.executable, "-c", code, str(src), str(out)])
    return out if ok and out.exists() and out.stat().st_size else None


_MARKITDOWN = ("import sys; from markitdown import MarkItDown; "
               "open(sys.argv[2], 'w', encoding='utf-8').write(MarkItDown().convert(sys.argv[1]).text_content)")
_HTML2TEXT = ("import sys, html2text; h = html2text.HTML2Text(); h.body_width = 0; "
              "open(sys.argv[2], 'w', encoding='utf-8').write(h.handle(open(sys.argv[1], encoding='utf-8').read()))")
_TRAFILATURA = ("import sys, trafilatura; t = trafilatura.extract(open(sys.argv[1], encoding='utf-8').read(), "
                "include_tables=True) or ''; open(sys.argv[2], 'w', encoding='utf-8').write(t)")


def conversions(src: Path, work: Path) -> Iterator[tuple[str, Callable[[], Path | None]]]:
    """(tool, make the output) for one real document."""
    stem, suffix = src.stem[:40], src.suffix.lower()
    plain = work / f"{stem}.txt"
    if suffix in (".txt", ".md"):
        copy = work / f"{stem}{suffix}"
        shutil.copy(src, copy)  # soffice names its output after its input
        yield "libreoffice-pdf", lambda: _soffice(copy, work / f"{stem}.pdf")
    if suffix == ".md":
        html = work / f"{stem}.html"
        yield "pandoc-html", lambda: _pandoc(src, html, "html")
        yield "pandoc-plain", lambda: _pandoc(src, plain, "plain")
        yield "html2text", lambda: _python_tool(_HTML2TEXT, html, work / f"{stem}.h2t.md") if html.exists() else None
        yield "trafilatura", lambda: _python_tool(_TRAFILATURA, html, work / f"{stem}.traf.txt") \
            if html.exists() else None
    if suffix == ".pdf":
        yield "pdftotext-layout", lambda: plain if _run(["pdftotext", "-layout", str(src), str(plain)]) else None
        yield "pdftotext-plain", lambda: work / f"{stem}.raw.txt" \
            if _run(["pdftotext", str(src), str(work / f"{stem}.raw.txt")]) else None
        yield "markitdown", lambda: _python_tool(_MARKITDOWN, src, work / f"{stem}.md")
    if suffix == ".docx":
        yield "pandoc-gfm", lambda: _pandoc(src, work / f"{stem}.md", "gfm")
        yield "pandoc-plain", lambda: _pandoc(src, plain, "plain")
        yield "markitdown", lambda: _python_tool(_MARKITDOWN, src, work / f"{stem}.mid.md")
        yield "libreoffice-pdf", lambda: _soffice(src, work / f"{stem}.pdf")


def measure(doc: Path, facts: dict[str, Any], true: set[str]) -> dict[str, Any]:
    """Facts checked where the output prints them, and false accusations."""
    from gipextract import GipExtractError, Limits, load_document, parse

    try:
        raw = unicodedata.normalize("NFKC", "\n".join(f.text for b in load_document(doc).blocks for f in b.fragments))
        text = _squeeze(raw)
        report = parse(doc, limits=Limits(max_seconds=600.0))
    except GipExtractError as e:
        return {"error": type(e).__name__}
    out: dict[str, Any] = {"checked": [], "wrong": []}
    info = report.info
    unit, year = facts.get("unit"), facts.get("year")
    if unit and year and _squeeze(unit) in text and str(year) in text:
        out["checked"].append("year_unit")
        got = _squeeze(info.unit or "")
        if info.year != year or not got or (_squeeze(unit) not in got and got not in _squeeze(unit)):
            out["wrong"].append("year_unit")
    when = facts.get("published")
    if when:
        y, m, d = (int(x) for x in when.split("-"))
        printed = re.search(rf"{y}\s*(?:年\s*0?{m}\s*月\s*0?{d}\s*日|[-/.]0?{m}[-/.]0?{d}(?!\d))", raw)
        if printed:
            out["checked"].append("published")
            if info.published != when:
                out["wrong"].append("published")
    out["got"] = {"year": info.year, "unit": info.unit, "published": info.published}
    out["false"] = sorted({f.code for f in report.findings if f.code in ACCUSING and f.severity != "info"} - true)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--code", help="a checkout whose gipextract to measure (default: this one)")
    ap.add_argument("--keep", help="convert into this folder and keep the outputs (default: a temporary one)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve() if args.code else ROOT))
    if not SHARED.exists():
        print("../shared is absent: nothing to measure")
        return 0
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        for n, (group, src, facts, true) in enumerate(documents()):
            if group not in ("real-dev", "peer"):
                continue
            work = base / f"{n:03d}"
            work.mkdir(parents=True, exist_ok=True)
            for tool, make in conversions(src, work):  # in order: an HTML is made before its readers
                made = make()
                g = rows[tool]
                g["docs"] += 1
                if made is None:
                    g["not_made"] += 1
                    continue
                res = measure(made, facts, true)
                if "error" in res:
                    g["unread"] += 1
                    continue
                tally(g, res)
                if args.verbose and (res["wrong"] or res["false"]):
                    print(f"  {tool:18s} {src.name[:40]:40s} wrong {res['wrong']} got {res['got']} expected "
                          f"{ {k: facts.get(k) for k in ('unit', 'year', 'published')} } false {res['false']}")
    total: dict[str, int] = defaultdict(int)
    print(f"{'tool':18s} {'docs':>5s} {'unread':>6s} {'year+unit':>11s} {'published':>11s} {'false acc.':>10s} "
          f"{'on docs':>7s}")
    for tool in sorted(rows):
        g = rows[tool]
        for key, v in g.items():
            total[key] += v
        print(f"{tool:18s} {g['docs']:5d} {g['unread'] + g['not_made']:6d} {g['year_unit_ok']:5d}/{g['year_unit']:<5d} "
              f"{g['published_ok']:5d}/{g['published']:<5d} {g['false']:10d} {g['false_docs']:7d}")
    print(f"{'all':18s} {total['docs']:5d} {total['unread'] + total['not_made']:6d} "
          f"{total['year_unit_ok']:5d}/{total['year_unit']:<5d} {total['published_ok']:5d}/{total['published']:<5d} "
          f"{total['false']:10d} {total['false_docs']:7d}")
    print(json.dumps({"false": total["false"], "year_unit": [total["year_unit_ok"], total["year_unit"]],
                      "published": [total["published_ok"], total["published"]]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
