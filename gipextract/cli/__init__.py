"""The ``gipextract`` command: ``parse`` (the default), ``check``, ``aggregate``, ``compare``.

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
from typing import Any, Iterator

from ..batch import Interrupted, stop_on_signals
from ..errors import GipExtractError
from ..messages import Lang, say

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_SIGINT, EXIT_SIGTERM = 130, 143
COMMANDS = ("parse", "check", "aggregate", "compare")


class UsageError(Exception):
    """A usage problem found after argument parsing (exit 2): a line of :mod:`~gipextract.messages.ui`."""

    def __init__(self, key: str, **args: Any) -> None:
        self.key, self.args_ = key, args
        super().__init__(key)

    def message(self, lang: Lang = "zh") -> str:
        """The line in ``lang``."""
        return say(self.key, lang, **self.args_)


class Refused(UsageError):
    """A library error met before any parsing (an option's value, a missing extra): exit 2."""

    def __init__(self, error: GipExtractError) -> None:
        super().__init__("usage.prefix")
        self.error = error

    def message(self, lang: Lang = "zh") -> str:
        return self.error.describe(lang)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from .parser import argparse_in, build_parser, requested_lang

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
