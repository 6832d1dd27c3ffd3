"""Many reports at once: inputs expanded from files and folders, parsed in order.

Results come back in input order whatever the number of processes, and a file that
fails is a result with its error, never a gap.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .api import parse
from .errors import GipExtractError
from .report import Report

# Files a folder walk picks up: every format read, plus those refused by name (so that
# a .doc in a folder is reported, not silently skipped). Files named explicitly are
# always read, whatever their suffix.
SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf", ".doc", ".wps"})


@dataclass(frozen=True)
class Result:
    """One input's outcome: a report, or the error that stopped it."""

    path: str
    report: Report | None = None
    error: str | None = None
    error_type: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read."""
        return self.report is not None


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named, and the report files inside folders (recursively, sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [q for q in path.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES
                     and not any(part.startswith(".") for part in q.relative_to(path).parts)]
            out.extend(str(q) for q in sorted(found))
        else:
            out.append(str(path))
    return out


def parse_one(path: str, convert_legacy: bool = False) -> Result:
    """Parse one file into a :class:`Result` (errors of any kind become the result's error)."""
    try:
        return Result(path, report=parse(path, convert_legacy=convert_legacy))
    except GipExtractError as e:
        return Result(path, error=e.reason, error_type=type(e).__name__)
    except Exception as e:  # a bug of ours must not lose the other files either
        return Result(path, error=f"internal error: {type(e).__name__}: {e}", error_type="InternalError")


def _parse_chunk(paths: list[str], convert_legacy: bool) -> list[Result]:
    return [parse_one(p, convert_legacy) for p in paths]


def parse_many(paths: Iterable[str | os.PathLike[str]], jobs: int = 1, chunksize: int = 8,
               convert_legacy: bool = False) -> Iterator[Result]:
    """Parse files and folders, yielding one :class:`Result` per file in input order.

    ``jobs`` > 1 uses that many processes; the order of results does not change, and only
    a few chunks per process are in flight at once, so memory stays flat on long runs.
    """
    files = expand(paths)
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield parse_one(f, convert_legacy)
        return
    chunks = [files[i:i + chunksize] for i in range(0, len(files), chunksize)]
    window = 3 * jobs
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_parse_chunk, chunk, convert_legacy))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
