"""Per format, what ``parse`` costs over what its dependency needs to open the same file (issue 28).

    python bench/bench_floor.py [--repeat 5] [--code OLD_TREE] [--format pdf,docx,html,text] [--json OUT]

The floors: a PDF opened by pypdfium2 with every page's text and character count pulled;
a DOCX opened by python-docx's ``Document()``; an HTML page parsed by
``lxml.html.document_fromstring``; a text report read and decoded. For every document the
code under test and its floor run in turn, ``--repeat`` rounds, in one process on the same
file, and each keeps its median; per format the median of the per-document ratios (goals:
PDF <= 2.0, DOCX <= 1.3, HTML <= 3), the median time (text: <= 5 ms) and the slowest
document over the median (<= 3).

``--code OLD_TREE`` times a second checkout's gipextract in the same rounds (each tree's
modules are swapped into ``sys.modules`` around its own calls, so lazy imports resolve to the
right tree): before and after then see the same load on a shared machine. Make one with
``git worktree add /tmp/speed-base <rev>``.

The clock is the process's CPU time (``--wall`` for wall-clock): with other jobs on the
same cores, wall-clock medians swing by 2x while CPU time barely moves.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".txt": "text"}
GOALS = {"pdf": ("ratio", 2.0), "docx": ("ratio", 1.3), "html": ("ratio", 3.0), "text": ("ms", 5.0)}
DIRS = ("corpus/pdf", "corpus/docx", "corpus/html", "corpus/seeds", "corpus/sparse")


def documents(formats: set[str]) -> list[Path]:
    """The corpus folders of the issue, then the real reports of ../shared read in place."""
    bases = [ROOT / d for d in DIRS] + [SHARED / "real-dev" / "docs", SHARED / "peer-samples"]
    out = []
    for base in bases:
        out += sorted(p for p in base.rglob("*") if p.is_file() and FORMATS.get(p.suffix.lower()) in formats
                      and ".expected" not in p.name)
    return out


class Tree:
    """One checkout's gipextract, importable side by side with another's."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.modules: dict[str, Any] = {}
        with self.active():
            self.parse = importlib.import_module("gipextract").parse
            self.error = importlib.import_module("gipextract.errors").GipExtractError

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        for name in [n for n in sys.modules if n == "gipextract" or n.startswith("gipextract.")]:
            del sys.modules[name]
        sys.modules.update(self.modules)
        sys.path.insert(0, str(self.path))
        try:
            yield
        finally:
            sys.path.remove(str(self.path))
            self.modules = {n: m for n, m in sys.modules.items() if n == "gipextract" or n.startswith("gipextract.")}

    def run(self, path: Path) -> None:
        with self.active():
            try:
                self.parse(path)
            except self.error:
                pass


def floor(fmt: str) -> Callable[[Path], Any]:
    """What the dependency alone needs to open ``path``."""
    if fmt == "pdf":
        import pypdfium2 as pdfium

        def pdf(path: Path) -> int:
            doc = pdfium.PdfDocument(str(path))
            n = 0
            try:
                for page in doc:
                    tp = page.get_textpage()
                    n += tp.count_chars() + len(tp.get_text_range())
                    tp.close()
                    page.close()
            finally:
                doc.close()
            return n
        return pdf
    if fmt == "docx":
        import docx
        return lambda path: docx.Document(str(path))
    if fmt == "html":
        import lxml.html
        return lambda path: lxml.html.document_fromstring(path.read_bytes())

    def text(path: Path) -> str:
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("gb18030", errors="replace")
    return text


def timed(fn: Callable[[Path], Any], path: Path, clock: Callable[[], float]) -> float:
    t = clock()
    fn(path)
    return clock() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--code", type=Path, help="a second checkout to time alongside this one (the baseline)")
    ap.add_argument("--format", default="pdf,docx,html,text")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of CPU time")
    ap.add_argument("--json", type=Path, help="also write the per-document figures here")
    args = ap.parse_args()
    clock = time.perf_counter if args.wall else time.process_time
    trees = {"new": Tree(ROOT)}
    if args.code:
        trees["old"] = Tree(args.code.resolve())
    formats = set(args.format.split(","))
    docs = documents(formats)
    rows: list[dict[str, Any]] = []
    gc.disable()  # a collection landing in one side's call would be charged to it alone
    try:
        for path in docs:
            fmt = FORMATS[path.suffix.lower()]
            base = floor(fmt)
            for t in trees.values():  # first imports and caches are not what a document costs
                t.run(path)
            base(path)
            times: dict[str, list[float]] = {"floor": [], **{k: [] for k in trees}}
            sides: list[tuple[str, Callable[[Path], Any]]] = [("floor", base)] + [(k, t.run) for k, t in trees.items()]
            for r in range(args.repeat):
                for k, fn in sides[r % len(sides):] + sides[:r % len(sides)]:  # who goes first rotates
                    times[k].append(timed(fn, path, clock))
                gc.collect()
            med = {k: statistics.median(v) for k, v in times.items()}
            rows.append({"doc": str(path.relative_to(ROOT.parent)), "format": fmt, **{f"{k}_s": v for k, v in med.items()}})
            print(f"{fmt:5} {med['floor'] * 1000:8.2f} ms floor  " + "  ".join(
                f"{k} {med[k] * 1000:8.2f} ms x{med[k] / med['floor']:6.2f}" for k in trees) + f"  {path.name}",
                file=sys.stderr)
    finally:
        gc.enable()
    print(f"{'format':6} {'docs':>4} {'tree':4} {'floor ms':>9} {'median ms':>10} {'ratio':>6} "
          f"{'slowest/median':>15}  goal  slowest document")
    for fmt in ("pdf", "docx", "html", "text"):
        sub = [r for r in rows if r["format"] == fmt]
        if not sub:
            continue
        for k in trees:
            ratio = statistics.median(r[f"{k}_s"] / r["floor_s"] for r in sub)
            med = statistics.median(r[f"{k}_s"] for r in sub)
            worst = max(sub, key=lambda r: r[f"{k}_s"])
            kind, goal = GOALS[fmt]
            ok = (ratio if kind == "ratio" else med * 1000) <= goal and worst[f"{k}_s"] / med <= 3
            print(f"{fmt:6} {len(sub):4} {k:4} {statistics.median(r['floor_s'] for r in sub) * 1000:9.2f} "
                  f"{med * 1000:10.2f} {ratio:6.2f} {worst[f'{k}_s'] / med:15.2f}  {'met ' if ok else 'NOT '} "
                  f"{worst['doc']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
