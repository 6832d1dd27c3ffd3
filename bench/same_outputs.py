"""Do two checkouts read every document the same? (the architecture issue's yardstick)

    python bench/same_outputs.py snapshot OUT.jsonl            # this checkout's readings
    python bench/same_outputs.py diff OLD.jsonl NEW.jsonl       # documents that differ
    python bench/same_outputs.py trees OLD_TREE NEW_TREE        # both snapshots, then the diff

A snapshot parses every file under ``corpus/`` (pictures and scans with OCR when the extra
is installed), the peer samples and the real development set in ``../shared``, and keeps
what must not change when code moves: the template, every cell (value, status, candidates,
source, note), the metadata, the extra rows, the sections, and the findings as the set of
(code, severity, cells). Message texts and finding arguments are left out, so a finding
rendered anew from the catalogue counts as the same. A file that cannot be read keeps its
error class. ``trees`` runs each snapshot in a subprocess with that tree first on
``sys.path``, so an old checkout (``git worktree add /tmp/old <rev>``) and this one are
read by their own code.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
            ".doc", ".wps"}
PICTURES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def documents(root: Path) -> Iterator[Path]:
    """Every document of the corpus under ``root`` and of ``../shared``, in a stable order."""
    for base in (root / "corpus", SHARED / "seeds", SHARED / "peer-samples", SHARED / "real-dev" / "docs"):
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUFFIXES and p.name.lower() != "readme.md" \
                        and ".expected" not in p.name:
                    yield p


def reading(path: Path) -> dict[str, Any]:
    """What must stay the same for one document."""
    from gipextract import GipExtractError, Limits, parse

    ocr = path.suffix.lower() in PICTURES or "scans" in path.parts
    try:
        d = parse(path, ocr=ocr and _has_ocr(), limits=Limits(max_seconds=600.0)).to_dict()
    except GipExtractError as e:
        return {"error": type(e).__name__}
    return {
        "template": d["template"], "report": d["report"], "cells": d["cells"],
        "sections": d.get("sections"), "extra_rows": d.get("extra_rows"),
        "findings": sorted([f["severity"], f["code"], sorted(f["cells"])] for f in d["findings"]),
    }


def _has_ocr() -> bool:
    try:
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


def snapshot(out: Path, root: Path) -> int:
    """Write one JSON line per document; returns the number of documents."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for p in documents(root):
            rel = os.path.relpath(p, root)
            f.write(json.dumps({"doc": rel, **reading(p)}, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def load(path: Path) -> dict[str, dict[str, Any]]:
    """A snapshot by document."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out[d.pop("doc")] = d
    return out


def diff(old: Path, new: Path, verbose: bool = True) -> int:
    """Print the documents whose readings differ; returns their number."""
    a, b = load(old), load(new)
    differ = 0
    for doc in sorted(set(a) | set(b)):
        if a.get(doc) == b.get(doc):
            continue
        differ += 1
        if verbose:
            x, y = a.get(doc) or {}, b.get(doc) or {}
            keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
            print(f"differs: {doc}: {', '.join(keys)}")
    print(f"{len(set(a) | set(b))} documents, {differ} differ")
    return differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--root", type=Path, default=ROOT, help="the corpus of this checkout (default: this one)")
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    t = sub.add_parser("trees")
    t.add_argument("old", type=Path)
    t.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        print(f"{snapshot(args.out, args.root)} documents", file=sys.stderr)
        return 0
    if args.cmd == "diff":
        return 1 if diff(args.old, args.new) else 0
    tmp = Path(tempfile.mkdtemp(prefix="same-outputs-"))
    for name, tree in (("old", args.old), ("new", args.new)):
        # Both trees read the documents of this checkout's corpus, each with its own code.
        env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
        subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                        "import runpy; sys.argv = sys.argv[2:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                        str(tree.resolve()), str(Path(__file__).resolve()), "snapshot", str(tmp / f"{name}.jsonl"),
                        "--root", str(ROOT)], env=env, check=True)
    return 1 if diff(tmp / "old.jsonl", tmp / "new.jsonl") else 0


if __name__ == "__main__":
    sys.exit(main())
