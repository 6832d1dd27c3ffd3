"""Command line.

    python -m gipextract PATH... [--format view|json|csv|xlsx] [--output FILE] [--jobs N]
    python -m gipextract check FILE...

Exit codes: 0 every input was read (and, for ``check``, no problem found); 1 an input
could not be read (for ``check``: the draft breaks an identity or leaves cells
undetermined); 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, Iterable, Iterator

from . import __version__
from .batch import Result, expand, parse_many

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        return _check(argv[1:])
    ap = argparse.ArgumentParser(
        prog="python -m gipextract", description="Read 政府信息公开工作年度报告 into validated grids.",
        epilog="Subcommand: `python -m gipextract check FILE` lists what a draft gets wrong. "
               "Exit codes: 0 all inputs read; 1 an input failed; 2 usage error.")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (searched recursively)")
    ap.add_argument("--format", choices=("view", "json", "csv", "xlsx"), default=None,
                    help="view (default for one file), json (JSON Lines for several), csv (one row per cell), "
                         "xlsx (one sheet per table; needs openpyxl)")
    ap.add_argument("--json", action="store_true", help="same as --format json")
    ap.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    ap.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="parse with N processes")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal and there are many files)")
    ap.add_argument("--convert-legacy", action="store_true",
                    help="convert .doc/.wps files with LibreOffice (soffice) when it is installed")
    ap.add_argument("--version", action="version", version=f"gipextract {__version__}")
    args = ap.parse_args(argv)
    fmt = "json" if args.json else (args.format or "view")
    if fmt == "xlsx" and not args.output:
        ap.error("--format xlsx needs --output FILE")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    files = expand(args.paths)
    if not files:
        ap.error("no report files found in the given paths")
    results = _progress(parse_many(files, jobs=args.jobs, convert_legacy=args.convert_legacy), len(files),
                        args.progress)
    stats = {"read": 0, "findings": 0, "failed": 0}
    counted = _count(results, stats)
    if fmt == "xlsx":
        from .export import write_xlsx

        for _ in write_xlsx(counted, args.output):
            pass
    else:
        out: IO[str] = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            _write(counted, fmt, out, single=len(files) == 1)
        finally:
            if args.output:
                out.close()
    print(f"gipextract: {len(files)} document(s): {stats['read']} read ({stats['findings']} with findings), "
          f"{stats['failed']} failed", file=sys.stderr)
    return EXIT_FAILED if stats["failed"] else EXIT_OK


def _write(results: Iterable[Result], fmt: str, out: IO[str], single: bool) -> None:
    if fmt == "csv":
        from .export import write_csv

        for _ in write_csv(results, out):
            pass
        return
    first = True
    for r in results:
        if r.report is None:
            print(f"gipextract: {r.path}: {r.error}", file=sys.stderr)
            if fmt == "json":
                print(json.dumps({"schema": 1, "source": {"path": r.path}, "error": {"type": r.error_type,
                                                                                    "message": r.error}},
                                 ensure_ascii=False), file=out)
            continue
        if fmt == "json":
            print(json.dumps(r.report.to_dict(), ensure_ascii=False, indent=2 if single else None), file=out)
        else:
            from .view import render

            if not first:
                print(file=out)
            print(render(r.report), file=out)
        first = False


def _count(results: Iterable[Result], stats: dict[str, int]) -> Iterator[Result]:
    for r in results:
        if r.report is None:
            stats["failed"] += 1
        else:
            stats["read"] += 1
            stats["findings"] += bool(r.report.findings)
        yield r


def _progress(results: Iterator[Result], total: int, wanted: bool | None) -> Iterator[Result]:
    show = wanted if wanted is not None else (sys.stderr.isatty() and total >= 20)
    if not show:
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    return iter(tqdm(results, total=total, unit="doc", file=sys.stderr))


def _check(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m gipextract check",
                                 description="List every identity a draft report breaks, with the cells' labels "
                                             "and both sides of each sum, and every cell it leaves undetermined.",
                                 epilog="Exit codes: 0 nothing wrong; 1 something to fix; 2 usage error or an "
                                        "unreadable file.")
    ap.add_argument("files", nargs="+", metavar="FILE")
    args = ap.parse_args(argv)
    from .api import parse
    from .check import problems
    from .errors import GipExtractError

    worst = EXIT_OK
    for path in args.files:
        try:
            report = parse(path)
        except GipExtractError as e:
            print(f"{path}: cannot be read: {e.reason}")
            worst = EXIT_USAGE
            continue
        lines = problems(report)
        print(f"{path}（{report.info.unit or '?'} {report.info.year or ''}，{report.template} 版格式）")
        if lines:
            print("\n".join(lines))
            worst = max(worst, EXIT_FAILED)
        else:
            print("✓ 各项勾稽关系均成立，所有单元格均可确定")
    return worst


if __name__ == "__main__":
    sys.exit(main())
