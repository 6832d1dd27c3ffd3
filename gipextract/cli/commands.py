"""What the commands share: the inputs expanded and parsed in order (``check``, ``aggregate``
and ``compare`` are in :mod:`.office`, ``parse`` in :mod:`.parse`)."""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import closing
from typing import Generator

from ..batch import expand, parse_many
from ..messages import Lang
from ..read.source import display_path
from ..report import Result
from .common import UsageError
from .sinks import check_location


def inputs(paths: list[str], allow_stdin: bool = True, ocr: bool = False) -> list[str]:
    """The files to read, in order; a path that does not exist is a usage error."""
    files: list[str] = []
    for p in paths:
        if p == "-" and allow_stdin:
            files.append("-")
        elif not os.path.lexists(p):
            raise UsageError("usage.no_path", path=display_path(p))
        else:
            files += expand([p], images=ocr)
    if not files:
        raise UsageError("usage.no_files")
    return files


def results(files: list[str], args: argparse.Namespace) -> Generator[Result, None, None]:
    """Parse ``files`` in order (``-`` from standard input), with the chosen number of workers."""
    run: list[str] = []
    for f in files + [None]:  # type: ignore[list-item]
        if f is None or f == "-":
            if run:
                with closing(parse_many(run, jobs=args.jobs, convert_legacy=args.convert_legacy,
                                        ocr=getattr(args, "ocr", False), overrides=decided(args))) as gen:
                    yield from gen
                run = []
            if f == "-":
                yield _stdin(getattr(args, "ocr", False))
        else:
            run.append(f)


def decided(args: argparse.Namespace) -> tuple:
    """The decisions of ``--overrides FILE`` (read once per run; a bad file is a usage error)."""
    path = getattr(args, "overrides", None)
    if not path:
        return ()
    if not hasattr(args, "_decided"):
        from ..decisions import load
        from ..errors import SavedReportError

        try:
            args._decided = load(path)
        except SavedReportError as e:
            raise UsageError("usage.overrides", reason=e.describe(args.lang)) from None
    return args._decided


def _stdin(ocr: bool = False) -> Result:
    from .. import parse

    try:
        return Result("<stdin>", report=parse(sys.stdin.buffer, name="<stdin>", ocr=ocr))
    except Exception as e:  # as parse_one does: a bug of ours is that input's error, not a crash
        return Result.failed("<stdin>", e)


def _reason(r: Result, lang: Lang) -> str:
    return r.error.message(lang) if r.error is not None else ""


def _flagged(r: Result) -> bool:
    return r.report is not None and any(f.severity in ("error", "warning") for f in r.report.findings)


def _usable_output(fmt: str, output: str | None) -> None:
    """Before any parsing: XLSX needs a file, and the output location must be writable (exit 2)."""
    if fmt == "xlsx" and output in (None, "-"):
        raise UsageError("usage.xlsx_needs_file")
    check_location(output)
