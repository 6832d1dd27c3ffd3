"""How gipextract reads corpus/sparse/: small units' reports whose tables 三 and 四 are blank (#24).

Every document of the corpus is parsed and each cell compared with the expected JSON drawn
by the generator (corpus/tools/make_sparse_corpus.py). Groups: the generated PDFs, the
portal pages themselves, the pages printed by Chromium and by LibreOffice, and per text tool
(pdftotext -layout, pdftotext, markitdown, pymupdf4llm) over every PDF. Per group it prints:
documents, fully right, cells right, flagged (ambiguous/missing, or no report read), silently
wrong (ok/empty/inferred but another value), documents whose unit or year is wrong, and
documents with a ``table_scrambled`` finding.

    python bench/sparse.py                    # the table
    python bench/sparse.py -v                 # and every silently wrong cell, and every error
    python bench/sparse.py --by-origin        # text tools split into generated and printed PDFs
    python bench/sparse.py --code /tmp/base   # measure another checkout's gipextract
    python bench/sparse.py --json out.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from scoring import flat, same  # bench/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SPARSE = CORPUS / "sparse"
_FINE = ("ok", "empty", "inferred")
_PRINTERS = ("chromium-pdf", "libreoffice-pdf")
COLUMNS = ("documents", "fully right", "right", "cells", "flagged", "silent", "meta wrong", "scrambled")


def documents(by_origin: bool = False) -> list[tuple[str, Path, dict[str, Any]]]:
    """(group, document, expected JSON) for every document and tool output of corpus/sparse."""
    out = []
    for group, folder, pattern in (("generated-pdf", "pdf", "*.pdf"), ("html-page", "pages", "*.html")):
        for path in sorted((SPARSE / folder).glob(pattern)):
            exp = path.with_name(path.stem + ".expected.json")
            out.append((group, path, json.loads(exp.read_text(encoding="utf-8"))))
    manifest = json.loads((SPARSE / "toolout" / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest.items():
        group = entry["tool"]
        if by_origin and group not in _PRINTERS:
            group += "/printed" if entry["source"].startswith("sparse/toolout/") else "/generated"
        exp = json.loads((CORPUS / entry["expected"]).read_text(encoding="utf-8"))
        out.append((group, SPARSE / "toolout" / name, exp))
    return out


class Scorer:
    """Parses with the gipextract found first on ``sys.path`` and scores one document."""

    def __init__(self) -> None:
        from gipextract import parse
        from gipextract.errors import GipExtractError
        from gipextract.limits import Limits

        self.parse, self.error, self.limits = parse, GipExtractError, Limits(max_seconds=600.0)

    def score(self, path: Path, expected: dict[str, Any]) -> dict[str, Any]:
        """Cells right / flagged / silently wrong of one document against its expected JSON."""
        truth = flat(expected["tables"])
        res: dict[str, Any] = {"cells": len(truth), "right": 0, "flagged": 0, "silent": 0, "wrong": [],
                               "error": None, "scrambled": False, "meta_wrong": []}
        try:
            out = self.parse(path, limits=self.limits).to_dict()
        except self.error as e:
            res["flagged"], res["error"] = len(truth), f"{type(e).__name__}: {e}"
            return res
        except Exception as e:  # noqa: BLE001 - a crash is reported, not fatal to the bench
            res["flagged"], res["error"] = len(truth), f"crash {type(e).__name__}: {e}"
            return res
        got = {f"{c['table']}.{c['row']}.{c['column']}": c for c in out["cells"]}
        for ref, want in truth.items():
            cell = got.get(ref)
            if cell is None or cell["status"] not in _FINE:
                res["flagged"] += 1
            elif same(want, cell["value"]):
                res["right"] += 1
            else:
                res["silent"] += 1
                res["wrong"].append((ref, want, cell["value"], cell["status"]))
        res["scrambled"] = any(f.get("code") == "table_scrambled" for f in out.get("findings", []))
        rep = expected.get("report", {})
        res["meta_wrong"] = [k for k in ("unit", "year") if out.get("report", {}).get(k) != rep.get(k)]
        return res


def tally(results: list[tuple[str, Path, dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """Per group sums of the columns."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for group, _, r in results:
        t = totals[group]
        t["documents"] += 1
        t["fully right"] += r["right"] == r["cells"]
        for k in ("right", "cells", "flagged", "silent"):
            t[k] += r[k]
        t["meta wrong"] += bool(r["meta_wrong"])
        t["scrambled"] += bool(r["scrambled"])
    return totals


def _line(name: str, t: dict[str, int]) -> str:
    pct = 100.0 * t["right"] / t["cells"] if t["cells"] else 0.0
    return (f"{name:<30}{t['documents']:>5}{t['fully right']:>7}{t['right']:>8}/{t['cells']:<5}{pct:>4.0f}%"
            f"{t['flagged']:>9}{t['silent']:>8}{t['meta wrong']:>7}{t['scrambled']:>11}")


def table(totals: dict[str, dict[str, int]]) -> str:
    """The printed table, one row per group and a total."""
    order = ["generated-pdf", "html-page", *_PRINTERS]
    groups = [g for g in order if g in totals] + sorted(g for g in totals if g not in order)
    lines = [f"{'group':<30}{'docs':>5}{'fully':>7}{'cells right':>18}{'flagged':>9}{'silent':>8}{'meta✗':>7}"
             f"{'scrambled':>11}"]
    grand = dict.fromkeys(COLUMNS, 0)
    for g in groups:
        lines.append(_line(g, totals[g]))
        for k in COLUMNS:
            grand[k] += totals[g][k]
    lines.append(_line("all", grand))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse every document, print the table (and the silent cells with ``-v``)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--code", help="a checkout whose gipextract is measured (put first on sys.path)")
    ap.add_argument("--by-origin", action="store_true", help="split text tools by generated/printed PDFs")
    ap.add_argument("--group", action="append", help="only these groups")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(args.code).resolve()) if args.code else str(ROOT))
    scorer = Scorer()
    import gipextract

    print(f"gipextract from {Path(gipextract.__file__).parent}")
    results, details = [], []
    for group, path, expected in documents(args.by_origin):
        if args.group and group not in args.group:
            continue
        r = scorer.score(path, expected)
        results.append((group, path, r))
        details.append({"group": group, "path": str(path.relative_to(ROOT)), "wrong": [list(map(str, w)) for w in r["wrong"]],
                        **{k: r[k] for k in ("cells", "right", "flagged", "silent", "error", "scrambled", "meta_wrong")}})
        if args.verbose and (r["silent"] or r["error"]):
            print(f"  [{group}] {path.relative_to(SPARSE)}: {r['error'] or ''}", file=sys.stderr)
            for ref, want, got, status in r["wrong"]:
                print(f"    {ref}: want {want} got {got} ({status})", file=sys.stderr)
    print(table(tally(results)))
    if args.json:
        Path(args.json).write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
