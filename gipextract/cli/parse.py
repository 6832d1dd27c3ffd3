"""``gipextract [parse] PATH…``: read reports and write them in the chosen format."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import GipExtractError
from ..messages import Lang, say
from ..read.source import display_path
from ..report import Result
from .commands import _flagged, _reason, inputs, results
from .common import EXIT_FINDINGS, EXIT_OK, Refused, UsageError
from .progress import Progress
from .sinks import check_location, is_folder, table_paths, write

TIDY = ("csv", "parquet")  # formats written as one file per table


def _usable_output(fmt: str, output: str | None, indicators: bool) -> None:
    """Before any parsing: the format's extras, a file where one is needed, and every output
    location writable (exit 2)."""
    if fmt == "parquet":
        from ..output.parquet import require

        try:
            require()
        except GipExtractError as e:
            raise Refused(e) from None
    if fmt in ("xlsx", "parquet") and output in (None, "-"):
        raise UsageError(f"usage.{fmt}_needs_file")
    if fmt in TIDY and is_folder(output):
        check_location(output, folder_ok=True)
    elif fmt in TIDY:
        for path in table_paths(fmt, output, indicators).values():
            check_location(path)
    else:
        check_location(output)


def parse_cmd(args: argparse.Namespace) -> int:
    """``gipextract [parse] PATH…``."""
    lang: Lang = args.lang
    fmt = "json" if args.json else (args.format or "view")
    indicators = bool(getattr(args, "indicators", False))
    _usable_output(fmt, args.output, indicators)
    files = inputs(args.paths, ocr=args.ocr)
    stats = {"read": 0, "flagged": 0, "failed": 0}
    source = results(files, args)
    bar = Progress(len(files), args.progress, lang)

    def say_error(r: Result) -> None:
        bar.line(say("parse.cannot_read", lang, path=display_path(r.path), reason=_reason(r, lang)))

    try:
        # On Ctrl-C or SIGTERM the exception unwinds through these generators; closing them
        # closes parse_many's, which stops its workers.
        for r in write(bar.track(source), fmt, args.output, compact=args.compact, lang=lang,
                       single=len(files) == 1, on_error=say_error, indicators=indicators):
            stats["read" if r.ok else "failed"] += 1
            stats["flagged"] += _flagged(r)
    except BrokenPipeError:
        raise  # the reader went away (`… | head`): main() stops quietly
    except OSError as e:
        raise UsageError("usage.cannot_write", path=display_path(args.output) or say("usage.stdout", lang),
                         detail=e.strerror or str(e)) from None
    finally:
        bar.close()
        source.close()
    _say_where(fmt, args.output, indicators, lang)
    print(say("parse.summary", lang, total=len(files), **stats), file=sys.stderr)
    return EXIT_FINDINGS if stats["failed"] or stats["flagged"] else EXIT_OK


def _say_where(fmt: str, output: str | None, indicators: bool, lang: Lang) -> None:
    """One line on where the tables other than the cells went (or that stdout has only the cells)."""
    if fmt not in TIDY or output == os.devnull:
        return
    if output in (None, "-"):
        print(say("parse.stdout_cells_only", lang), file=sys.stderr)
        return
    if is_folder(output):
        return  # a folder: the files are named after their tables
    paths = table_paths(fmt, output, indicators)
    more = say("parse.indicators_beside", lang, indicators=paths["indicators"]) if indicators else ""
    print(say("parse.tables_beside", lang, cells_file=display_path(paths["cells"]), reports=display_path(paths["reports"]),
              findings=display_path(paths["findings"]), more=more), file=sys.stderr)
