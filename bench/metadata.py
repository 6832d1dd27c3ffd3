"""What gipextract says about each report: year, unit and publication date right, and the
accusing findings that are not true of the document, per group of documents.

    python bench/metadata.py                # per group: documents, year+unit right, date right, false accusations
    python bench/metadata.py -v             # and each wrong fact and false accusation
    python bench/metadata.py --code DIR     # another checkout's code on this corpus (before/after)

Groups: the real development set (``../shared/real-dev``, truth in its expected files), the
peer samples (``corpus/peer``), the corpus documents with an expected JSON, the compliance and
metadata variants (``corpus/compliance``, ``corpus/metadata``: truth in their MANIFEST.json),
and every tool output of ``corpus/toolout`` (truth: its source's). A year or unit counts only
where the document prints it (the expected unit and year are in its text); a date only where
the truth names one. The true accusations of a document are listed in its MANIFEST (or the
real-dev ``true_accusations``); every other accusing finding (a code whose catalogue entry
``accuses``, raised as an error or warning) is false.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
from metadata_truth import documents  # noqa: E402

# The codes that accuse a unit (as in the catalogue's ``accuses``), fixed here so that an older
# checkout without that field is measured alike.
ACCUSING = {"late_publication", "published_before_year_end", "section_missing", "section_renamed",
            "section_misnumbered", "section_order", "wrong_form", "year_mismatch", "period_missing", "period_wrong",
            "other_unit_name", "rows_not_printed"}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def tally(g: dict[str, int], res: dict[str, Any]) -> None:
    """Add one measured document to its group's counts."""
    g["year_unit"] += "year_unit" in res["checked"]
    g["year_unit_ok"] += "year_unit" in res["checked"] and "year_unit" not in res["wrong"]
    g["published"] += "published" in res["checked"]
    g["published_ok"] += "published" in res["checked"] and "published" not in res["wrong"]
    g["false"] += len(res["false"])
    g["false_docs"] += bool(res["false"])


def measure(doc: Path, facts: dict[str, Any], true: set[str]) -> dict[str, Any]:
    """One document: which facts are checked and right, and the false accusations."""
    from gipextract import GipExtractError, Limits, parse

    try:
        report = parse(doc, limits=Limits(max_seconds=600.0))
    except GipExtractError as e:
        return {"error": type(e).__name__}
    text = _squeeze(doc.read_text(encoding="utf-8", errors="ignore")) if doc.suffix in (".txt", ".md", ".html") \
        else None
    out: dict[str, Any] = {"checked": [], "wrong": [], "false": [], "got": {}}
    info = report.info
    unit, year = facts.get("unit"), facts.get("year")
    prints = text is None or (unit and _squeeze(unit) in text and str(year) in text)
    if unit and year and prints:
        out["checked"].append("year_unit")
        if info.year != year or not info.unit or _squeeze(unit) not in _squeeze(info.unit) and \
                _squeeze(info.unit) not in _squeeze(unit):
            out["wrong"].append("year_unit")
    if facts.get("published"):
        out["checked"].append("published")
        if info.published != facts["published"]:
            out["wrong"].append("published")
    out["got"] = {"year": info.year, "unit": info.unit, "published": info.published}
    raised = {f.code for f in report.findings if f.code in ACCUSING and f.severity != "info"}
    out["false"] = sorted(raised - true)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--code", help="a checkout whose gipextract to measure (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve() if args.code else ROOT))
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for group, doc, facts, true in documents():
        res = measure(doc, facts, true)
        g = rows[group]
        g["docs"] += 1
        if "error" in res:
            g["unread"] += 1
            continue
        tally(g, res)
        if args.verbose and (res["wrong"] or res["false"]):
            print(f"  {group:22s} {doc.name[:50]:50s} wrong {res['wrong']} got {res['got']} expected "
                  f"{ {k: facts.get(k) for k in ('unit', 'year', 'published')} } false {res['false']}")
    total: dict[str, int] = defaultdict(int)
    print(f"{'group':24s} {'docs':>5s} {'year+unit':>11s} {'published':>11s} {'false acc.':>10s} {'on docs':>7s}")
    for group in sorted(rows):
        g = rows[group]
        for k, v in g.items():
            total[k] += v
        print(f"{group:24s} {g['docs']:5d} {g['year_unit_ok']:5d}/{g['year_unit']:<5d} "
              f"{g['published_ok']:5d}/{g['published']:<5d} {g['false']:10d} {g['false_docs']:7d}")
    print(f"{'all':24s} {total['docs']:5d} {total['year_unit_ok']:5d}/{total['year_unit']:<5d} "
          f"{total['published_ok']:5d}/{total['published']:<5d} {total['false']:10d} {total['false_docs']:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
