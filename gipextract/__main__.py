"""``python -m gipextract FILE... [--json]``: parse reports and show them.

Exit codes: 0 every input parsed; 1 at least one input failed; 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .api import parse
from .errors import GipExtractError


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m gipextract",
                                 description="Read 政府信息公开工作年度报告 into validated grids.")
    ap.add_argument("files", nargs="+", metavar="FILE", help="report files (text, HTML, DOCX, PDF)")
    ap.add_argument("--json", action="store_true", help="print Report.to_dict() as JSON (JSON Lines for several files)")
    ap.add_argument("--format", choices=("text", "html", "docx", "pdf"), help="force the input format")
    ap.add_argument("--version", action="version", version=f"gipextract {__version__}")
    args = ap.parse_args(argv)
    failed = 0
    for k, path in enumerate(args.files):
        try:
            report = parse(path, format=args.format)
        except GipExtractError as e:
            failed += 1
            print(f"gipextract: {e}", file=sys.stderr)
            continue
        if args.json:
            indent = 2 if len(args.files) == 1 else None
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=indent))
        else:
            from .view import render
            if k:
                print()
            print(render(report))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
