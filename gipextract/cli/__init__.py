"""The ``gipextract`` command: ``parse`` (the default), ``check``, ``aggregate``, ``compare``,
``report`` (the report page) and ``serve`` (the same page on this computer).

Exit codes, the same for every command:

- 0: every input was read and nothing needs attention;
- 1: an input could not be read, or a report has findings (errors or warnings);
- 2: usage error: bad options, an input path that does not exist, an unusable output location;
- 130 / 143: interrupted by SIGINT (Ctrl-C) / SIGTERM; the workers are stopped first.

Every line a person reads comes from the catalogue (:mod:`gipextract.messages`), in the
language of ``--lang`` (Chinese by default), argparse's own included.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import nullcontext
from typing import Any

from ..batch import Interrupted, stop_on_signals
from ..messages import Lang, say
from .common import COMMANDS, EXIT_OK, EXIT_SIGINT, EXIT_USAGE, UsageError
from .parser import argparse_in, build_parser, requested_lang


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv = ["parse", *argv]  # `gipextract PATH…` reads, as it always did
    for stream in (sys.stdout, sys.stderr):
        # Any console: a mark or a name its encoding lacks becomes "?", never a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
    lang = requested_lang(argv)
    try:
        with stop_on_signals_here():
            with argparse_in(lang):
                args = build_parser(lang).parse_args(argv)
            if getattr(args, "jobs", 1) < 1:
                raise UsageError("usage.jobs")
            return int(args.run(args))
    except UsageError as e:
        print(say("usage.prefix", lang) + e.message(lang), file=sys.stderr)
        return EXIT_USAGE
    except Interrupted as e:  # SIGINT/SIGTERM: the generators have closed and killed their workers
        return _interrupted(e.exit_code, lang)
    except KeyboardInterrupt:
        return _interrupted(EXIT_SIGINT, lang)
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


def _interrupted(code: int, lang: Lang) -> int:
    print(say("interrupted", lang, signal="SIGINT" if code == EXIT_SIGINT else "SIGTERM"), file=sys.stderr)
    return code
