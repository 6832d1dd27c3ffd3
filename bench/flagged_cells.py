"""Count the cells gipextract leaves ``ambiguous`` or ``missing`` over the whole corpus.

    python bench/flagged_cells.py [--verbose]

Every ``corpus/**/*.expected.json`` whose source is there (a sibling file with the same
stem, or ``source`` under ``../shared/peer-samples/``) is parsed. For each document the
script prints the flagged cells the parser leaves, how many of those the expected file
also flags (the document itself leaves them open), and how many cells differ from the
expected value or status. Totals per format close the output. Used to quote the issue-11
figures before and after reading layout positions.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PEER = ROOT.parent / "shared" / "peer-samples"
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
FLAGGED = ("ambiguous", "missing")


def documents() -> list[tuple[Path, Path]]:
    """(expected file, source file) for every expected file whose source exists."""
    out = []
    for exp in sorted((ROOT / "corpus").rglob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        src = next((exp.with_name(stem + s) for s in SOURCE_SUFFIXES if exp.with_name(stem + s).exists()), None)
        if src is None:
            rel = json.loads(exp.read_text(encoding="utf-8")).get("source")
            if rel and (PEER / rel).exists():
                src = PEER / rel
        if src is not None:
            out.append((exp, src))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="list each flagged cell")
    args = ap.parse_args()
    from gipextract import GipExtractError, parse

    totals: Counter[str] = Counter()
    per_format: dict[str, Counter[str]] = {}
    for exp_path, src in documents():
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        want_status = dict(expected.get("statuses", {}))
        # Peer files list the cells the document cannot fix under ``undetermined``.
        want_status.update({ref: "ambiguous" for ref in expected.get("undetermined", {})})
        fmt = src.suffix.lstrip(".")
        counts = per_format.setdefault(fmt, Counter())
        counts["documents"] += 1
        try:
            out = parse(src).to_dict()
        except GipExtractError as e:
            print(f"{'-':>4} {'-':>4} {'-':>4}  {exp_path.relative_to(ROOT)}: {e.code if hasattr(e, 'code') else type(e).__name__}")
            counts["no_report"] += 1
            continue
        flagged = [c for c in out["cells"] if c["status"] in FLAGGED]
        inherent = [c for c in flagged if want_status.get(f"{c['table']}.{c['row']}.{c['column']}") in FLAGGED]
        wrong = 0
        for c in out["cells"]:
            ref = f"{c['table']}.{c['row']}.{c['column']}"
            if c["status"] != want_status.get(ref, "ok"):
                wrong += 1
        amb = sum(1 for c in flagged if c["status"] == "ambiguous")
        miss = len(flagged) - amb
        for key, n in (("ambiguous", amb), ("missing", miss), ("expected_flagged", len(inherent)), ("status_differs", wrong)):
            counts[key] += n
            totals[key] += n
        totals["documents"] += 1
        print(f"{amb:4d} {miss:4d} {wrong:4d}  {exp_path.relative_to(ROOT)}")
        if args.verbose:
            for c in flagged:
                print(f"          {c['status']:9s} {c['table']}.{c['row']}.{c['column']}")
    print("columns: ambiguous, missing, cells whose status differs from the expected file")
    for fmt, c in sorted(per_format.items()):
        print(f"{fmt:5s}: {c['documents']:3d} documents, {c['ambiguous']:4d} ambiguous, {c['missing']:4d} missing "
              f"({c['expected_flagged']} of them flagged in the expected file too), "
              f"{c['status_differs']} statuses differ, {c['no_report']} without a report")
    print(f"all  : {totals['documents']:3d} documents, {totals['ambiguous']:4d} ambiguous, {totals['missing']:4d} missing "
          f"({totals['expected_flagged']} flagged in the expected files too), {totals['status_differs']} statuses differ")


if __name__ == "__main__":
    main()
