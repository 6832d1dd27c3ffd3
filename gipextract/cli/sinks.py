"""Where the command line writes: the output location checked before any parsing, streams
flushed per document (JSON Lines, CSV) or a temporary file renamed at the end (JSON, XLSX,
Parquet, the view), so that an interrupted run leaves either valid partial output or nothing.

CSV and Parquet hold the tidy tables one file each: ``-o FOLDER/`` writes ``reports``,
``cells`` and ``findings`` (and ``indicators``) there; ``-o x.csv`` writes the cells to
``x.csv`` and the others beside it (``x.reports.csv`` …); standard output gets the cells."""
from __future__ import annotations

import errno
import json
import os
import stat
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from ..messages import Lang
from ..report import Result, jsonable
from .common import UsageError


class OutputError(UsageError):
    """The output location cannot be used (exit 2)."""


def is_folder(target: str | None) -> bool:
    """``-o`` names a folder: an existing one, or a path ending with a slash."""
    return target not in (None, "-", os.devnull) and (target.endswith(("/", os.sep)) or  # type: ignore[union-attr]
                                                      os.path.isdir(target))  # type: ignore[arg-type]


def table_paths(fmt: str, target: str | None, indicators: bool = False) -> dict[str, str]:
    """Where each tidy table goes for ``--format csv|parquet -o target`` (the cells first);
    empty for standard output, only the cells for /dev/null."""
    from ..output.tables import TABLES

    names = ("cells",) + tuple(n for n in TABLES if n != "cells") + (("indicators",) if indicators else ())
    if target in (None, "-"):
        return {}
    if target == os.devnull:
        return {"cells": target}
    if is_folder(target):
        return {n: os.path.join(target, f"{n}.{fmt}") for n in names}  # type: ignore[arg-type]
    stem, suffix = os.path.splitext(target)  # type: ignore[type-var]
    if not suffix:
        stem, suffix = target, f".{fmt}"
    return {n: target if n == "cells" else f"{stem}.{n}{suffix}" for n in names}  # type: ignore[misc]


def check_location(target: str | None, folder_ok: bool = False) -> None:
    """Refuse an output location that cannot work, before anything is parsed (``folder_ok``:
    a folder is fine, and one ending with a slash is made if its parent exists)."""
    if target is None or target == "-" or target == os.devnull:
        return
    path = Path(target)
    if folder_ok and is_folder(target):
        where = path if path.is_dir() else path.parent
        if not where.is_dir():
            raise OutputError("output.no_folder", path=target, folder=str(where))
        if not os.access(where, os.W_OK):
            raise OutputError("output.not_writable", path=target)
        return
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
        """Move the finished file into place, readable as any file this user writes: the
        temporary file is private (0600), and a workbook handed on must open for others."""
        try:
            mode = stat.S_IMODE(os.stat(self.target).st_mode)  # a file replaced keeps its mode
        except OSError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(self.temp, mode)
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
          single: bool, on_error: Callable[[Result], None], indicators: bool = False) -> Iterator[Result]:
    """Write ``results`` in ``fmt`` to ``target`` (``None`` or ``-``: standard output),
    yielding each result once written; the file is complete only if the loop finishes.
    ``indicators`` adds that table to the tidy formats (CSV, Parquet, XLSX)."""
    to_stdout = target in (None, "-")
    if fmt == "csv":
        yield from _csv_tables(_noting(results, on_error, lang), table_paths(fmt, target, indicators), lang)
        return
    if fmt == "parquet":
        yield from _parquet_tables(_noting(results, on_error, lang), table_paths(fmt, target, indicators), lang)
        return
    if fmt == "jsonl":
        # Streamed: every document is flushed as it comes, so a partial file is valid.
        out = data_stdout() if to_stdout else open(target, "w", encoding="utf-8", errors="backslashreplace",  # type: ignore[arg-type]
                                                   newline="")
        try:
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
            from ..output.xlsx import write_workbook

            yield from write_workbook(_noting(results, on_error, lang), where, lang, indicators)  # type: ignore[arg-type,misc]
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


def _csv_tables(results: Iterable[Result], paths: dict[str, str], lang: Lang) -> Iterator[Result]:
    """Each table streamed to its file (UTF-8 with a BOM, for Excel and WPS on Chinese
    Windows), flushed per document; no paths: the cells to standard output."""
    from ..output.export import write_csv_tables

    if paths:
        os.makedirs(os.path.dirname(paths["cells"]) or ".", exist_ok=True)
    outs = {n: open(p, "w", encoding="utf-8", errors="backslashreplace", newline="") for n, p in paths.items()} \
        if paths else {"cells": data_stdout()}
    try:
        for out in outs.values():
            out.write("\ufeff")
        yield from write_csv_tables(results, outs, lang)  # type: ignore[misc]
    finally:
        if paths:
            for out in outs.values():
                out.close()


def _parquet_tables(results: Iterable[Result], paths: dict[str, str], lang: Lang) -> Iterator[Result]:
    """Each table to its Parquet file, under a temporary name until every input is written."""
    from ..output.indicators import report_indicators, with_previous
    from ..output.parquet import ParquetTable
    from ..output.tables import records

    os.makedirs(os.path.dirname(paths["cells"]) or ".", exist_ok=True)
    temps = {n: None if p == os.devnull else Atomic(p) for n, p in paths.items()}
    files = {n: ParquetTable(t.temp if t else os.devnull, n) for n, t in temps.items()}
    figures = []
    done = False
    try:
        for r in results:
            for name, table in files.items():
                if name != "indicators":
                    table.add(records(r, name, lang))
            if "indicators" in files and r.report is not None:
                figures.append(report_indicators(r.report, lang))
            yield r
        if "indicators" in files:
            files["indicators"].add([asdict(f) for f in with_previous(figures)])
        for table in files.values():
            table.close()
        done = True
    finally:
        for t in temps.values():
            if t is not None:
                t.commit() if done else t.discard()


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
