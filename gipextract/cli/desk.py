"""The office desk's commands: ``report`` (the report page as one .html file) and ``serve``
(the same page on this computer, for clerks without a terminal)."""
from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path

from ..errors import MissingExtraError
from ..messages import Lang, say
from ..read.source import display_path
from ..report import Result
from .commands import inputs, results
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, progress
from .sinks import check_location


def report_cmd(args: argparse.Namespace) -> int:
    """``gipextract report FILES… -o 核查报告.html``: the report page, self-contained."""
    lang: Lang = args.lang
    target = args.output
    if not target or Path(target).suffix.lower() not in (".html", ".htm"):
        raise UsageError("usage.report_output", target=display_path(target) if target else "—")
    check_location(target)
    files = inputs(args.paths, allow_stdin=False, ocr=args.ocr)
    from ..output.page import render_page

    got: list[Result] = []
    with closing(results(files, args)) as gen:
        for r in progress(gen, len(files), args.progress):
            got.append(r)
            if r.report is None:
                print(say("parse.cannot_read", lang, path=display_path(r.path),
                          reason=r.error.message(lang) if hasattr(r.error, "message") else str(r.error)),
                      file=sys.stderr)
    try:
        Path(target).write_text(render_page(got, lang), encoding="utf-8")
    except OSError as e:
        raise UsageError("usage.cannot_write", path=display_path(target), detail=e.strerror or str(e)) from None
    print(say("report.done", lang, target=display_path(target), count=len(got)), file=sys.stderr)
    flagged = any(r.report is None or any(f.severity in ("error", "warning") for f in r.report.findings) for r in got)
    return EXIT_FINDINGS if flagged else EXIT_OK


def serve_cmd(args: argparse.Namespace) -> int:
    """``gipextract serve``: the local page on 127.0.0.1 (other addresses only when asked)."""
    lang: Lang = args.lang
    try:
        from ..serve import run
    except MissingExtraError as e:
        print(say("usage.prefix", lang) + e.message(lang), file=sys.stderr)
        return EXIT_USAGE
    return run(host=args.host, port=args.port, max_files=args.max_files, max_mb=args.max_mb, lang=lang,
               open_browser=args.open)
