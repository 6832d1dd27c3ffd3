"""How gipextract reads what conversion tools made of corpus documents.

For every output listed in corpus/toolout/manifest.json (and the peer-sample Markdown files
that have an expected JSON in corpus/peer/), parse it and compare each cell with the expected
JSON of its source. Per tool it prints: documents, documents fully right, cells right,
flagged (status ambiguous/missing, or no report read), silently wrong (status ok/empty/
inferred but the value differs from the truth).

    python bench/tool_outputs.py              # the table
    python bench/tool_outputs.py -v           # and every silently wrong cell
    python bench/tool_outputs.py --json out.json
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
sys.path.insert(0, str(ROOT))

from gipextract import parse  # noqa: E402
from gipextract.errors import GipExtractError  # noqa: E402
from gipextract.limits import Limits  # noqa: E402

CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
# Peer-sample Markdown files and the hand-read expected JSON of each (corpus/peer/).
PEER_MARKDOWN = {
    "kewei": "peer/kewei-2024.expected.json",
    "shanghai-office": "peer/shanghai-office-2025.expected.json",
    "shuyang": "peer/shuyang-2025.expected.json",
}
_FINE = ("ok", "empty", "inferred")


def score(path: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """Cells right / flagged / silently wrong for one document against its expected JSON."""
    truth = flat(expected["tables"])
    statuses = expected.get("statuses", {})
    res: dict[str, Any] = {"cells": len(truth), "right": 0, "flagged": 0, "silent": 0, "wrong": [], "error": None}
    try:
        out = parse(path, limits=Limits(max_seconds=600.0)).to_dict()  # figures must not depend on load
    except GipExtractError as e:
        res["flagged"] = len(truth)
        res["error"] = f"{type(e).__name__}: {e}"
        return res
    got = {f"{c['table']}.{c['row']}.{c['column']}": c for c in out["cells"]}
    for ref, want in truth.items():
        cell = got.get(ref)
        if cell is None or cell["status"] not in _FINE:
            # Flagged; when the source itself is ambiguous, flagging it is the right answer.
            if statuses.get(ref) == "ambiguous" and cell is not None and cell["status"] == "ambiguous":
                res["right"] += 1
            else:
                res["flagged"] += 1
        elif want is not None and same(want, cell["value"]):
            res["right"] += 1
        else:
            res["silent"] += 1
            res["wrong"].append((ref, want, cell["value"], cell["status"]))
    rep = expected.get("report", {})
    res["meta_wrong"] = [k for k in ("unit", "year") if out["report"].get(k) != rep.get(k)]
    return res


def rows() -> list[tuple[str, Path, dict[str, Any]]]:
    """(tool, output path, expected JSON) for every tool output and peer Markdown file."""
    out = []
    manifest = json.loads((CORPUS / "toolout" / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest.items():
        expected = json.loads((CORPUS / entry["expected"]).read_text(encoding="utf-8"))
        out.append((entry["tool"], CORPUS / "toolout" / name, expected))
    for stem, exp in PEER_MARKDOWN.items():
        p = CORPUS / exp
        if not p.exists():
            continue
        expected = json.loads(p.read_text(encoding="utf-8"))
        src = SHARED / "peer-samples" / expected["source"]
        if src.exists():
            out.append((f"peer:{stem}", src, expected))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the per-tool table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--tool", action="append")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    details = []
    for tool, path, expected in rows():
        if args.tool and tool not in args.tool:
            continue
        r = score(path, expected)
        t = totals[tool]
        t["documents"] += 1
        t["fully right"] += r["right"] == r["cells"]
        for k in ("cells", "right", "flagged", "silent"):
            t[k] += r[k]
        t["meta wrong"] += bool(r.get("meta_wrong"))
        details.append({"tool": tool, "path": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
                        **{k: r[k] for k in ("cells", "right", "flagged", "silent", "error")},
                        "wrong": [list(map(str, w)) for w in r["wrong"]], "meta_wrong": r.get("meta_wrong")})
        if args.verbose and (r["silent"] or r["error"]):
            print(f"  {path.name}: {r['error'] or ''}", file=sys.stderr)
            for w in r["wrong"]:
                print(f"    {w[0]}: want {w[1]} got {w[2]} ({w[3]})", file=sys.stderr)
    head = f"{'tool':<22}{'docs':>5}{'fully':>7}{'cells right':>18}{'flagged':>9}{'silent':>8}{'meta✗':>7}"
    print(head)
    grand: dict[str, int] = defaultdict(int)
    for tool in sorted(totals):
        t = totals[tool]
        for k, v in t.items():
            grand[k] += v
        pct = 100.0 * t["right"] / t["cells"] if t["cells"] else 0.0
        print(f"{tool:<22}{t['documents']:>5}{t['fully right']:>7}{t['right']:>8}/{t['cells']:<5}{pct:>4.0f}%"
              f"{t['flagged']:>9}{t['silent']:>8}{t['meta wrong']:>7}")
    pct = 100.0 * grand["right"] / grand["cells"] if grand["cells"] else 0.0
    print(f"{'all':<22}{grand['documents']:>5}{grand['fully right']:>7}{grand['right']:>8}/{grand['cells']:<5}"
          f"{pct:>4.0f}%{grand['flagged']:>9}{grand['silent']:>8}{grand['meta wrong']:>7}")
    if args.json:
        Path(args.json).write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
