"""Many reports at once: inputs expanded from files and folders, parsed in order.

Results come back in input order whatever the number of processes, exactly one per
input, and a file that fails is a result with its error, never a gap. By default every
document is read in a worker process with hard limits (:mod:`gipextract.workers`): a
document that runs past ``Limits.max_seconds`` plus a grace, or past the memory cap, is
stopped and becomes a ``ResourceLimitError`` result; a worker that dies is replaced.
"""
from __future__ import annotations

import os
import signal
import stat
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Iterable, Iterator, Sequence

from .api import parse
from .errors import ResourceLimitError
from .limits import DEFAULT_LIMITS, Limits
from .report import Decision, Result
from .workers import Pool

# Files a folder walk picks up: every format read, plus those refused by name (so that
# a .doc in a folder is reported, not silently skipped). Files named explicitly are
# always read, whatever their suffix.
SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf",
                      ".doc", ".wps"})
# Pictures of tables, picked up from folders only when OCR is on.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def expand(paths: Iterable[str | os.PathLike[str]], images: bool = False) -> list[str]:
    """Files named, and the report files inside folders (recursively, sorted); with
    ``images``, pictures (PNG, JPEG, TIFF) in folders too, for OCR.

    A FIFO, socket or device with a report suffix inside a folder is listed too (never
    opened here): parsing it gives an error result, so it is reported rather than skipped.
    File names that are not valid UTF-8 are kept as ``str`` with surrogate escapes.
    """
    out: list[str] = []
    for p in paths:
        path = Path(os.fsdecode(os.fspath(p)))
        if path.is_dir():
            wanted = SUFFIXES | IMAGE_SUFFIXES if images else SUFFIXES
            found = [q for q in path.rglob("*") if q.suffix.lower() in wanted and _listable(q)
                     and q.stem.lower() != "readme"  # a folder's own notes, not a report
                     and not any(part.startswith(".") for part in q.relative_to(path).parts)]
            out.extend(str(q) for q in sorted(found))
        else:
            out.append(str(path))
    return out


def _listable(q: Path) -> bool:
    try:
        mode = q.stat().st_mode
    except OSError:  # a dangling link: named, so its error is reported
        return q.is_symlink()
    return not stat.S_ISDIR(mode)


def parse_one(path: str, convert_legacy: bool = False, limits: Limits | None = None, ocr: bool = False,
              overrides: Sequence[Decision] = ()) -> Result:
    """Parse one file into a :class:`Result` (errors of any kind become the result's error);
    ``overrides``: decisions on cells (:mod:`gipextract.decisions`), applied by the file's SHA-256."""
    try:
        return Result(path, report=parse(path, convert_legacy=convert_legacy, limits=limits, ocr=ocr,
                                         overrides=overrides))
    except MemoryError:
        return Result(path, error=ResourceLimitError(path, "out_of_memory", stage="read", memory="memory"))
    except Exception as e:  # ours, or a bug of ours: it must not lose the other files either
        return Result.failed(path, e)


# Answers the pool gives for a document it had to stop (top-level: workers may be spawned).
def _failed(path: str, error: BaseException) -> Result:
    if isinstance(error, MemoryError):
        return Result(path, error=ResourceLimitError(path, "worker_memory"))
    return Result.failed(path, error)


def _timed_out(seconds: float, path: str) -> Result:
    return Result(path, error=ResourceLimitError(path, "worker_timeout", seconds=f"{seconds:g}"))


def _died(path: str, exitcode: int | None) -> Result:
    how = f"exit code {exitcode}"
    if exitcode is not None and exitcode < 0:
        try:
            how = f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"signal {-exitcode}"
    return Result(path, error=ResourceLimitError(path, "worker_died", how=how))


MEMORY_CAP = 2 * 1024 ** 3  # address space per worker: far above any real report (the largest uses ~300 MB)
GRACE = 5.0  # seconds past Limits.max_seconds before a worker is killed: in-process checks come first


def parse_many(paths: Iterable[str | os.PathLike[str]], jobs: int = 1, chunksize: int = 1,
               convert_legacy: bool = False, *, limits: Limits | None = None, isolate: bool = True,
               memory: int | None = MEMORY_CAP, grace: float = GRACE, ocr: bool = False,
               overrides: Sequence[Decision] = ()) -> Iterator[Result]:
    """Parse files and folders, yielding exactly one :class:`Result` per file, in input order.

    With ``isolate`` (the default) each document is read in a worker process (``jobs`` of
    them, at least one) killed past ``limits.max_seconds + grace`` or when its address space grows by more
    than ``memory`` bytes; that document's result is a ``ResourceLimitError``.
    A worker that dies (the OOM killer, a stray SIGKILL) is replaced and its document
    re-run once, so a killed worker costs at most one document. Closing the generator
    (``close()``, garbage collection, an exception such as :class:`Interrupted` unwinding
    through ``with contextlib.closing(parse_many(...))``) kills every worker; workers also
    die with this process. ``isolate=False`` parses in this process, one file after the
    other, with only the in-process limits (for debugging and profiling). ``chunksize`` is
    accepted for compatibility and ignored: one document is in flight per worker. ``ocr``
    reads scanned pages and pictures (folders then include PNG/JPEG/TIFF files); each
    document's hard limit then grows by the OCR time its pages may take. ``overrides``: decisions
    on cells, each applied to the file it was made on (:mod:`gipextract.decisions`).
    """
    files = expand(paths, images=ocr)
    limits = limits or DEFAULT_LIMITS
    if not isolate:
        for f in files:
            yield parse_one(f, convert_legacy, limits, ocr, overrides)
        return
    seconds = limits.max_seconds + grace + (limits.max_ocr_pages * limits.ocr_seconds_per_page if ocr else 0)
    pool: Pool[str, Result] = Pool(partial(parse_one, convert_legacy=convert_legacy, limits=limits, ocr=ocr,
                                           overrides=tuple(overrides)),
                                   jobs=jobs,
                                   seconds=seconds, memory=memory, on_timeout=partial(_timed_out, seconds),
                                   on_death=_died, fallback=_failed)
    yield from pool.map(files)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT arrived while :func:`stop_on_signals` was active."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM)."""
        return 128 + self.signum


@contextmanager
def stop_on_signals(signums: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[None]:
    """Turn SIGINT/SIGTERM into :class:`Interrupted` raised in the main thread, so that the
    stack unwinds: a ``parse_many`` generator being closed kills its workers. Handlers are
    restored on exit. Call from the main thread only (Python's rule for signal handlers)."""
    def raise_interrupted(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, raise_interrupted) for s in signums}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
