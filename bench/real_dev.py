"""How gipextract reads the real development set (``../shared/real-dev``): cells and what it
says about each report.

    python bench/real_dev.py            # one line per document and the totals
    python bench/real_dev.py -v         # and every cell or fact that is wrong

Per document: cells right (a cell the expected file leaves ``null`` as undetermined is right
when flagged), flagged (ambiguous or missing where the truth is known), silently wrong (a value
given with status ok/empty/inferred that differs from the truth); the form, year, unit
(``unit_contains``) and publication date against the expected file; the accusing findings
(codes whose catalogue entry ``accuses``) against ``true_accusations``: false ones (raised but
not true of the document) and missed ones.
"""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL = ROOT.parent / "shared" / "real-dev"
_FINE = ("ok", "empty", "inferred", "confirmed")


def _same(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is got
    return Decimal(str(want)) == Decimal(str(got))


def accusing(codes: list[tuple[str, str]]) -> set[str]:
    """The codes among (severity, code) that accuse the unit (not the info-level "unchecked")."""
    from gipextract.messages import FINDINGS

    return {c for s, c in codes if c in FINDINGS and FINDINGS[c].accuses and s != "info"}


def score(doc: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """One document against its expected file."""
    from gipextract import GipExtractError, Limits, parse

    truth = {f"{t}.{r}.{c}": v for t, rows in expected["tables"].items() for r, cols in rows.items()
             for c, v in cols.items()}
    open_refs = set(expected.get("ambiguous", []))
    res: dict[str, Any] = {"cells": len(truth), "right": 0, "flagged": 0, "silent": 0, "wrong": [], "facts": []}
    try:
        report = parse(doc, limits=Limits(max_seconds=600.0))
    except GipExtractError as e:
        res.update(flagged=len(truth), error=f"{type(e).__name__}: {e}", false=set(), missed=set())
        return res
    got = {c.ref: c for c in report.cells}
    for ref, want in truth.items():
        cell = got.get(ref)
        if cell is None or cell.status not in _FINE:
            res["right" if want is None or ref in open_refs else "flagged"] += 1
        elif want is not None and _same(want, cell.value):
            res["right"] += 1
        else:
            res["silent"] += 1
            res["wrong"].append((ref, want, cell.value, cell.status))
    info = report.info
    checks = {"template": report.template == expected["template"], "year": info.year == expected["year"],
              "unit": bool(info.unit) and expected["unit_contains"] in (info.unit or ""),
              "published": info.published == expected.get("published")}
    res["facts"] = [k for k, ok in checks.items() if not ok]
    res["got_facts"] = {"year": info.year, "unit": info.unit, "published": info.published}
    raised = accusing([(f.severity, f.code) for f in report.findings])
    true = set(expected.get("true_accusations", []))
    res["false"], res["missed"] = raised - true, true - raised
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path, help="write the per-document results here")
    args = ap.parse_args()
    if not REAL.is_dir():
        print(f"{REAL} is not there", file=sys.stderr)
        return 2
    index = json.loads((REAL / "INDEX.json").read_text(encoding="utf-8"))
    total = {"docs": 0, "fully": 0, "cells": 0, "right": 0, "flagged": 0, "silent": 0, "facts_ok": 0,
             "false": 0, "missed": 0}
    out = {}
    for name, entry in sorted(index.items()):
        expected = json.loads((REAL / entry["expected"]).read_text(encoding="utf-8"))
        res = score(REAL / entry["document"], expected)
        out[name] = {k: (sorted(v) if isinstance(v, set) else v) for k, v in res.items()}
        total["docs"] += 1
        total["fully"] += res["right"] == res["cells"]
        for k in ("cells", "right", "flagged", "silent"):
            total[k] += res[k]
        total["facts_ok"] += not res["facts"]
        total["false"] += len(res["false"])
        total["missed"] += len(res["missed"])
        print(f"{name:28s} cells {res['right']:3d}/{res['cells']} flagged {res['flagged']:3d} silent {res['silent']}"
              f"  facts {'ok' if not res['facts'] else 'WRONG ' + ','.join(res['facts'])}"
              f"  false {sorted(res['false']) or '-'} missed {sorted(res['missed']) or '-'}")
        if args.verbose:
            for w in res["wrong"]:
                print("    silent:", *w)
            if res["facts"]:
                print("    got:", res.get("got_facts"), "expected:",
                      {k: expected.get(k) for k in ("year", "unit_contains", "published")})
    print(f"\n{total['docs']} documents: {total['fully']} fully right; cells {total['right']}/{total['cells']} right, "
          f"{total['flagged']} flagged, {total['silent']} silent; form/year/unit/date right on {total['facts_ok']}; "
          f"false accusations {total['false']}, missed {total['missed']}")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
