"""Build corpus/toolout/: what common conversion tools make of corpus documents.

Users often hold not the published file but what a crawler, an LLM pipeline or a browser
made of it. This script runs the usual tools on corpus documents whose expected JSON is
known and writes each output to ``corpus/toolout/<tool>/<source stem>.<ext>``, with
``corpus/toolout/manifest.json`` naming, for every output, its source, the source's expected
JSON and the tool's version. The outputs are committed; tests read them without any tool.

Run from the repository root (tools needed only here, never by the tests or CI):

    apt-get install -y pandoc poppler-utils chromium fonts-noto-cjk
    pip install "markitdown[docx,pdf]==0.1.9" html2text==2025.4.15 trafilatura==2.3.1 \
        inscriptis==2.7.6 mammoth==1.13.0 pymupdf4llm==0.0.17
    python corpus/tools/run_tools.py              # all tools
    python corpus/tools/run_tools.py --tool pandoc-gfm --tool pdftotext-layout --tool pdftotext-plain

A tool whose installed version differs from the pinned one is refused (outputs would not be
comparable); ``--any-version`` runs it anyway and records the version found.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OUT = CORPUS / "toolout"

# Pinned versions: python packages by distribution name, programs by their version line.
PINS = {
    "markitdown": "0.1.9",
    "html2text": "2025.4.15",
    "trafilatura": "2.3.1",
    "inscriptis": "2.7.6",
    "mammoth": "1.13.0",
    "pymupdf4llm": "0.0.17",
    "pandoc": "2.17.1.1",
    "pdftotext": "22.12.0",
    "chromium": "156.0.8078.114",
}


def _pkg_version(dist: str) -> str:
    return importlib.metadata.version(dist)


def _prog_version(prog: str) -> str:
    exe = shutil.which(prog)
    if exe is None:
        raise RuntimeError(f"{prog} is not installed")
    flag = "-v" if prog == "pdftotext" else "--version"
    out = subprocess.run([exe, flag], capture_output=True, text=True, timeout=60)
    m = re.search(r"(\d+(?:\.\d+)+)", out.stdout + out.stderr)
    return m.group(1) if m else "?"


def _markitdown(src: Path) -> str:
    from markitdown import MarkItDown

    return MarkItDown().convert(str(src)).text_content


def _html2text(src: Path) -> str:
    import html2text

    return html2text.html2text(_html_text(src))


def _trafilatura(src: Path) -> str:
    import trafilatura

    out = trafilatura.extract(src.read_bytes(), output_format="markdown", include_tables=True,
                              include_comments=False, favor_recall=True)
    return out or ""


def _inscriptis(src: Path) -> str:
    from inscriptis import get_text

    return get_text(_html_text(src))


def _html_text(src: Path) -> str:
    data = src.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _pandoc(to: str) -> Callable[[Path], str]:
    def run(src: Path) -> str:
        fmt = "docx" if src.suffix == ".docx" else "html"
        if fmt == "html":
            with tempfile.TemporaryDirectory() as d:  # pandoc wants UTF-8 input
                tmp = Path(d) / "in.html"
                tmp.write_text(_html_text(src), encoding="utf-8")
                return _pandoc_file(tmp, fmt, to)
        return _pandoc_file(src, fmt, to)
    return run


def _pandoc_file(src: Path, fmt: str, to: str) -> str:
    out = subprocess.run(["pandoc", "-f", fmt, "-t", to, "--wrap=none", str(src)],
                         capture_output=True, timeout=120, check=True)
    return out.stdout.decode("utf-8")


def _pdftotext(src: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(src), "-"],
                         capture_output=True, timeout=120, check=True)
    return out.stdout.decode("utf-8")


def _pdftotext_plain(src: Path) -> str:
    # Without -layout: the reading order pdftotext guesses, which flattens a table column by
    # column (all the row labels, then each column's values).
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(src), "-"], capture_output=True, timeout=120, check=True)
    return out.stdout.decode("utf-8")


def _mammoth(src: Path) -> str:
    import mammoth

    with open(src, "rb") as f, redirect_stderr(io.StringIO()):
        return mammoth.convert_to_markdown(f).value


def _mammoth_html(src: Path) -> str:
    import mammoth

    with open(src, "rb") as f, redirect_stderr(io.StringIO()):
        return mammoth.convert_to_html(f).value


def _pymupdf4llm(src: Path) -> str:
    import pymupdf4llm

    with redirect_stdout(io.StringIO()):
        return pymupdf4llm.to_markdown(str(src), show_progress=False)


def _chromium(src: Path) -> bytes:
    # The default print keeps the running header and footer (date and time, page title, URL,
    # page n/m) that users' printed PDFs have.
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe is not None
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "out.pdf"
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--user-data-dir={d}/profile", f"--print-to-pdf={out}", src.resolve().as_uri()],
                       capture_output=True, timeout=180, check=True)
        return _fix_pdf_dates(out.read_bytes())


def _fix_pdf_dates(data: bytes) -> bytes:
    # Creation times make reruns differ; same-length replacement keeps offsets valid.
    return re.sub(rb"D:\d{14}[^)]*", lambda m: b"D:20000101000000" + b"Z" * (len(m.group(0)) - 16), data)


# tool -> (version source, output extension, sources (corpus subfolders), runner)
TOOLS: dict[str, tuple[str, str, tuple[str, ...], Callable[[Path], object]]] = {
    "markitdown": ("markitdown", "md", ("html", "docx", "pdf"), _markitdown),
    "html2text": ("html2text", "md", ("html",), _html2text),
    "trafilatura": ("trafilatura", "md", ("html",), _trafilatura),
    "inscriptis": ("inscriptis", "txt", ("html",), _inscriptis),
    "pandoc-gfm": ("pandoc", "md", ("html", "docx"), _pandoc("gfm")),
    "pandoc-plain": ("pandoc", "txt", ("html", "docx"), _pandoc("plain")),
    "pdftotext-layout": ("pdftotext", "txt", ("pdf",), _pdftotext),
    "pdftotext-plain": ("pdftotext", "txt", ("pdf",), _pdftotext_plain),
    "mammoth-md": ("mammoth", "md", ("docx",), _mammoth),
    "mammoth-html": ("mammoth", "html", ("docx",), _mammoth_html),
    "pymupdf4llm": ("pymupdf4llm", "md", ("pdf",), _pymupdf4llm),
    "chromium-pdf": ("chromium", "pdf", ("html",), _chromium),
}
_PROGRAMS = {"pandoc", "pdftotext", "chromium"}
_SUFFIX = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}


# Besides the format's own folder, the layout and dense corpora hold documents of each format.
_MORE = ("layout", "dense")


def sources(fmt: str) -> list[Path]:
    """Corpus documents of one format that have an expected JSON (reports only): the format's
    folder, then the layout and dense corpora."""
    out = []
    for folder in (fmt,) + _MORE:
        for src in sorted((CORPUS / folder).glob("*" + _SUFFIX[fmt])):
            exp = src.with_name(src.stem + ".expected.json")
            if exp.exists() and "error" not in json.loads(exp.read_text(encoding="utf-8")):
                out.append(src)
    return out


def output_name(src: Path, fmt: str, formats: tuple[str, ...], ext: str) -> str:
    """``<stem>.<ext>``, prefixed by the format where a tool reads several, and by the folder
    for the layout and dense corpora (names of the first outputs are kept as they were)."""
    stem = src.stem if src.parent.name == fmt else f"{src.parent.name}-{src.stem}"
    return f"{stem}.{ext}" if len(formats) == 1 else f"{fmt}-{stem}.{ext}"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen tools (all by default) and rewrite their part of the manifest."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", action="append", choices=sorted(TOOLS))
    ap.add_argument("--any-version", action="store_true")
    args = ap.parse_args(argv)
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    for tool in args.tool or sorted(TOOLS):
        vsrc, ext, folders, runner = TOOLS[tool]
        try:
            version = _prog_version(vsrc) if vsrc in _PROGRAMS else _pkg_version(vsrc)
        except Exception as e:  # noqa: BLE001 - a missing tool is reported and skipped
            print(f"{tool}: skipped ({e})", file=sys.stderr)
            continue
        if version != PINS[vsrc] and not args.any_version:
            print(f"{tool}: {vsrc} {version} installed, {PINS[vsrc]} pinned; skipped", file=sys.stderr)
            continue
        folder_out = OUT / tool
        folder_out.mkdir(parents=True, exist_ok=True)
        for key in [k for k in manifest if k.startswith(tool + "/")]:
            del manifest[key]
        for folder in folders:
            for src in sources(folder):
                name = output_name(src, folder, folders, ext)
                try:
                    result = runner(src)
                except Exception as e:  # noqa: BLE001 - a tool failing on one file is recorded
                    print(f"{tool}: {src.name}: failed: {e}", file=sys.stderr)
                    continue
                target = folder_out / name
                if isinstance(result, bytes):
                    target.write_bytes(result)
                else:
                    target.write_text(str(result), encoding="utf-8")
                manifest[f"{tool}/{name}"] = {
                    "tool": tool, "version": f"{vsrc} {version}",
                    "source": src.relative_to(CORPUS).as_posix(),
                    "expected": src.with_name(src.stem + ".expected.json").relative_to(CORPUS).as_posix(),
                }
                print(f"{tool}/{name}")
    manifest_path.write_text(json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
