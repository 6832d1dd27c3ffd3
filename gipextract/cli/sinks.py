"""Where the command line writes: the output location checked before any parsing, streams
flushed per document (JSON Lines, CSV) or a temporary file renamed at the end (JSON, XLSX,
the view), so that an interrupted run leaves either valid partial output or nothing."""
from __future__ import annotations

import errno
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from ..messages import Lang
from ..report import Result, jsonable
from .common import UsageError


class OutputError(UsageError):
    """The output location cannot be used (exit 2)."""


def check_location(target: str | None) -> None:
    """Refuse an output location that cannot work, before anything is parsed."""
    if target is None or target == "-" or target == os.devnull:
        return
    path = Path(target)
    if path.is_dir():
        raise OutputError("output.is_folder", path=target)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError("output.no_folder", path=target, folder=str(parent))
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError("output.os_error", path=target, errno=errno.errorcode.get(e.errno or 0, e.errno),
                          detail=e.strerror or str(e)) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError("output.not_regular", path=target)
    if not os.access(parent, os.W_OK) or (st is not None and not os.access(path, os.W_OK)):
        raise OutputError("output.not_writable", path=target)


class Atomic:
    """A file written under a temporary name beside the target and renamed into place by
    :meth:`commit`; :meth:`discard` (on failure or interruption) removes it."""

    def __init__(self, target: str) -> None:
        self.target = target
        folder = os.path.dirname(os.path.abspath(target))
        fd, self.temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".part", dir=folder)
        os.close(fd)

    def commit(self) -> None:
        """Move the finished file into place."""
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        """Remove the unfinished file."""
        try:
            os.unlink(self.temp)
        except FileNotFoundError:
            pass


def data_stdout() -> IO[str]:
    """Standard output for data: UTF-8 whatever the console, odd file names escaped."""
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
    return sys.stdout


def report_json(result: Result, compact: bool, lang: Lang, indent: int | None) -> str:
    """One result as JSON: the report, or ``{"schema", "source": {"path"}, "error"}``."""
    if result.report is None:
        error = result.error
        d: dict[str, Any] = {"schema": 1, "source": {"path": result.path},
                             "error": {"type": result.error_type, "code": error.code if error else None,
                                       "message": error.message(lang) if error else None,
                                       "params": jsonable(error.params) if error else {}}}
    else:
        d = result.report.to_dict(compact=compact, lang=lang)
    separators = (",", ":") if indent is None else None
    return json.dumps(d, ensure_ascii=False, indent=indent, separators=separators)


def write(results: Iterable[Result], fmt: str, target: str | None, *, compact: bool, lang: Lang,
          single: bool, on_error: Callable[[Result], None]) -> Iterator[Result]:
    """Write ``results`` in ``fmt`` to ``target`` (``None`` or ``-``: standard output),
    yielding each result once written; the file is complete only if the loop finishes."""
    to_stdout = target in (None, "-")
    if fmt in ("jsonl", "csv"):
        # Streamed: every document is flushed as it comes, so a partial file is valid.
        out = data_stdout() if to_stdout else open(target, "w", encoding="utf-8", errors="backslashreplace",  # type: ignore[arg-type]
                                                   newline="")
        try:
            if fmt == "csv":
                from ..output.export import write_csv

                out.write("\ufeff")  # Excel and WPS on Chinese Windows read UTF-8 only with a BOM
                for r in write_csv(_noting(results, on_error, lang), out):
                    yield r
            else:
                for r in _noting(results, on_error, lang):
                    out.write(report_json(r, compact, lang, None) + "\n")
                    out.flush()
                    yield r
        finally:
            if not to_stdout:
                out.close()
        return
    # Assembled formats go to a temporary file renamed at the end (never beside /dev/null,
    # which must stay what it is).
    atomic = None if to_stdout or target == os.devnull else Atomic(target)  # type: ignore[arg-type]
    where = atomic.temp if atomic is not None else target
    done = False
    try:
        if fmt == "xlsx":
            from ..output.xlsx import write_xlsx

            yield from write_xlsx(_noting(results, on_error, lang), where, lang)  # type: ignore[arg-type]
        else:
            out = data_stdout() if to_stdout and fmt == "json" else sys.stdout if to_stdout else \
                open(where, "w", encoding="utf-8", errors="backslashreplace")  # type: ignore[arg-type]
            try:
                yield from (_json_document if fmt == "json" else _view)(_noting(results, on_error, lang), out,
                                                                        compact, lang, single)
            finally:
                if not to_stdout:
                    out.close()
        done = True
    finally:
        if atomic is not None:
            atomic.commit() if done else atomic.discard()


def _noting(results: Iterable[Result], on_error: Callable[[Result], None], lang: Lang) -> Iterator[Result]:
    for r in results:
        if r.report is None:
            on_error(r)
        yield r


def _json_document(results: Iterable[Result], out: IO[str], compact: bool, lang: Lang,
                   single: bool) -> Iterator[Result]:
    # One pretty document: the report itself for one input, an array for several.
    n = 0
    if not single:
        out.write("[")
    for r in results:
        text = report_json(r, compact, lang, 2)
        out.write(text if single else ("," if n else "") + "\n" + _indent(text))
        n += 1
        yield r
    out.write("\n" if single else ("\n]\n" if n else "]\n"))
    out.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _view(results: Iterable[Result], out: IO[str], compact: bool, lang: Lang, single: bool) -> Iterator[Result]:
    from ..output.view import render

    first = True
    for r in results:
        if r.report is not None:
            if not first:
                out.write("\n")
            out.write(render(r.report, lang) + "\n")
            out.flush()
            first = False
        yield r
