"""The ``gipextract`` command: ``parse`` (the default), ``check``, ``aggregate``, ``compare``.

Exit codes, the same for every command:

- 0: every input was read and nothing needs attention;
- 1: an input could not be read, or a report has findings (errors or warnings);
- 2: usage error: bad options, an input path that does not exist, an unusable output location;
- 130 / 143: interrupted by SIGINT (Ctrl-C) / SIGTERM; the workers are stopped first.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
from contextlib import nullcontext
from typing import Any, Callable, Iterator

from .. import __version__
from ..batch import Interrupted, stop_on_signals
from ..messages import LANGS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_SIGINT, EXIT_SIGTERM = 130, 143
COMMANDS = ("parse", "check", "aggregate", "compare")
EPILOG = ("exit codes (every command): 0 clean; 1 findings or an input that could not be read; "
          "2 usage error, missing input path or unusable output location; 130/143 interrupted (SIGINT/SIGTERM)")


class UsageError(Exception):
    """A usage problem found after argument parsing (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its four subcommands."""
    from . import commands

    ap = argparse.ArgumentParser(prog="gipextract", epilog=EPILOG,
                                 description="Read 政府信息公开工作年度报告 (text, HTML, DOCX, PDF) into validated grids. "
                                             "`gipextract PATH…` is `gipextract parse PATH…`.")
    ap.add_argument("--version", action="version", version=f"gipextract {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, helptext: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=helptext, description=helptext, epilog=EPILOG)
        p.add_argument("--version", action="version", version=f"gipextract {__version__}")
        p.add_argument("--lang", choices=LANGS, default="zh", help="language of messages (default zh)")
        p.set_defaults(run=run)
        return p

    def inputs(p: argparse.ArgumentParser, stdin: bool = True) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="report files or folders (searched recursively)" + ("; - reads standard input" if stdin
                                                                                else ""))
        p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="parse with N worker processes")
        p.add_argument("--ocr", action="store_true",
                       help="read scanned PDF pages and PNG/JPEG/TIFF pictures by OCR (needs the 'ocr' extra; docs/ocr.md)")
        p.add_argument("--convert-legacy", action="store_true",
                       help="convert .doc/.wps files with LibreOffice (soffice) when it is installed")
        p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr (default: when stderr is a terminal and there are many files)")

    p = add("parse", "read reports: the readable view, JSON, JSON Lines, CSV or XLSX", commands.parse_cmd)
    inputs(p)
    p.add_argument("--format", "-f", choices=("view", "json", "jsonl", "csv", "xlsx"), default=None,
                   help="view (default); json: one pretty document (the report, or an array for several inputs); "
                        "jsonl: one compact report per line; csv: one row per cell with its status and source; "
                        "xlsx: one sheet per table, statuses coloured, a 核查 sheet (needs openpyxl)")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.add_argument("--compact", action="store_true", help="JSON without sections and cell sources")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")

    p = add("check", "list what a draft report gets wrong: broken identities, undetermined cells, other findings",
            commands.check_cmd)
    inputs(p)
    p.add_argument("--similar", action="store_true", help="also list reports whose prose of parts 一 and 五 looks "
                                                          "copied from another's (needs the 'similar' extra)")
    p.add_argument("--threshold", type=float, default=0.6, metavar="X",
                   help="similarity from which --similar lists a pair (default 0.6)")
    p.add_argument("--level", choices=("government", "department", "township", "subdistrict"),
                   help="the units' level for the publication deadline (default: read from each unit's name)")
    p.add_argument("--deadline", metavar="MM-DD", help="a local notice's publication deadline instead of 条例第四十九条's")
    p.add_argument("--format", "-f", choices=("view", "csv", "xlsx"), default="view",
                   help="view (default), or the office's overview: one row per unit and check (csv, xlsx)")
    p.add_argument("--output", "-o", metavar="FILE", help="where --format csv|xlsx writes (csv: default stdout)")

    p = add("aggregate", "add up the reports of one year into the district's grid (.json, .xlsx or .docx form)",
            commands.aggregate_cmd)
    inputs(p, stdin=False)
    p.add_argument("--output", "-o", metavar="OUT", help="OUT.json, OUT.xlsx or OUT.docx (default: the view)")
    p.add_argument("--unit", help="the compiling unit's name (for the form's title)")

    p = add("compare", "compare two years of one unit: the 结转 chain and every changed cell", commands.compare_cmd)
    p.add_argument("old", metavar="OLD", help="last year's report (or its saved JSON)")
    p.add_argument("new", metavar="NEW", help="this year's report (or its saved JSON)")
    p.add_argument("--format", "-f", choices=("view", "json"), default="view")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv = ["parse", *argv]  # `gipextract PATH…` reads, as it always did
    for stream in (sys.stdout, sys.stderr):
        # Any console: a mark or a name its encoding lacks becomes "?", never a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
    try:
        with stop_on_signals_here():
            args = build_parser().parse_args(argv)
            if getattr(args, "jobs", 1) < 1:
                raise UsageError("--jobs must be at least 1")
            return int(args.run(args))
    except UsageError as e:
        print(f"gipextract: {e}", file=sys.stderr)
        return EXIT_USAGE
    except Interrupted as e:  # SIGINT/SIGTERM: the generators have closed and killed their workers
        return _interrupted(e.exit_code)
    except KeyboardInterrupt:
        return _interrupted(EXIT_SIGINT)
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def stop_on_signals_here() -> Any:
    """:func:`gipextract.batch.stop_on_signals` in the main thread; nothing elsewhere (main()
    called from a thread cannot set signal handlers)."""
    if threading.current_thread() is threading.main_thread():
        return stop_on_signals()
    return nullcontext()


def _interrupted(code: int) -> int:
    name = "SIGINT" if code == EXIT_SIGINT else "SIGTERM"
    print(f"gipextract: interrupted ({name}); workers stopped, output left as written so far", file=sys.stderr)
    return code


def progress(results: Iterator[Any], total: int, wanted: bool | None) -> Iterator[Any]:
    """A tqdm bar on stderr around ``results`` when wanted (and installed)."""
    show = wanted if wanted is not None else (sys.stderr.isatty() and total >= 20)
    if not show:
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    return iter(tqdm(results, total=total, unit="doc", file=sys.stderr))
