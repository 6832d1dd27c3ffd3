"""A small pool of worker processes with hard limits, one document in flight per worker.

Why not ``multiprocessing.Pool`` or ``ProcessPoolExecutor``: neither can stop one task
that runs too long (a C call inside libxml2 or pdfium ignores every in-process check),
and both lose every pending task when one worker is killed (the OOM killer does this).
Here each worker owns a pipe; the parent sends one job, waits for its answer, the
worker's death or the job's deadline, whichever comes first:

- past ``seconds`` the worker is killed and the job's answer is ``on_timeout(job)``;
- a worker that dies is replaced and its job re-run once (the kill may have been meant
  for someone else); dying again, the job's answer is ``on_death(job, exitcode)``;
- workers cap their own address space (``RLIMIT_AS``, counted from what they hold at start), ignore SIGINT (the parent decides),
  and die with the parent (``PR_SET_PDEATHSIG`` on Linux), so none outlives a run;
- answers come back in job order, with at most ``window`` jobs ahead of the oldest unanswered.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Generic, Iterator, Sequence, TypeVar

J = TypeVar("J")
R = TypeVar("R")

RERUNS = 1  # a job whose worker died is tried this many more times


def _context() -> Any:
    # fork: a worker starts in milliseconds with gipextract already imported. Elsewhere
    # (macOS, Windows) the platform's default start method.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else None)


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only)."""
    if sys.platform == "linux":
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _address_space() -> int:
    """This process's virtual size in bytes (0 where /proc is absent: the cap is then ``memory``)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _serve(conn: Connection, fn: Callable[[Any], Any], fallback: Callable[[Any, BaseException], Any],
           memory: int | None, parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a handler inherited from the parent must not linger
    if memory:
        import resource

        # The cap counts from what the worker already holds: a forked child inherits its parent's
        # address space, which in a long-lived host (a test run that loaded pyarrow, a server)
        # can alone pass 2 GiB, and a cap below it would fail every allocation of every document.
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = _address_space() + memory
        cap = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        _, item = job
        try:
            answer = fn(item)
        except BaseException as e:  # noqa: BLE001 - the job's answer, never the worker's end
            answer = fallback(item, e)
        try:
            conn.send(answer)
        except (BrokenPipeError, EOFError):
            return
        except Exception as e:  # an answer that cannot be pickled, or no memory left to pickle it
            conn.send(fallback(item, e))


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    job: tuple[int, Any] | None = None
    started: float = 0.0


class Pool(Generic[J, R]):
    """Run ``fn`` over jobs in isolated worker processes; see the module docstring."""

    def __init__(self, fn: Callable[[J], R], *, jobs: int, seconds: float | None, memory: int | None,
                 on_timeout: Callable[[J], R], on_death: Callable[[J, int | None], R],
                 fallback: Callable[[J, BaseException], R], window: int | None = None) -> None:
        self.fn, self.jobs, self.seconds, self.memory = fn, max(1, jobs), seconds, memory
        self.on_timeout, self.on_death, self.fallback = on_timeout, on_death, fallback
        self.window = window or 4 * self.jobs
        self.ctx = _context()
        self.workers: list[_Worker] = []
        self.started_workers = 0  # for tests and reports: replacements included

    def _spawn(self) -> _Worker:
        ours, theirs = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_serve, args=(theirs, self.fn, self.fallback, self.memory, os.getpid()),
                                daemon=True, name="gipextract-worker")
        proc.start()
        theirs.close()
        self.started_workers += 1
        return _Worker(proc, ours)

    def _retire(self, w: _Worker) -> None:
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(5)
        w.conn.close()
        if w in self.workers:
            self.workers.remove(w)

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [w.proc.pid for w in self.workers if w.proc.is_alive()]

    def close(self) -> None:
        """Kill every worker and wait for it: nothing outlives the pool."""
        for w in list(self.workers):
            try:
                w.proc.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        for w in list(self.workers):
            self._retire(w)

    def map(self, items: Sequence[J]) -> Iterator[R]:
        """One answer per item, in order. Closing the iterator early kills the workers."""
        queue: deque[tuple[int, J]] = deque(enumerate(items))
        deaths: dict[int, int] = {}
        done: dict[int, R] = {}
        nxt = 0
        try:
            while nxt < len(items):
                if nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
                    continue
                while len(self.workers) < min(self.jobs, len(items) - nxt):
                    self.workers.append(self._spawn())
                for w in self.workers:
                    if w.job is None and queue and queue[0][0] < nxt + self.window:
                        w.job, w.started = queue.popleft(), time.monotonic()
                        try:
                            w.conn.send(w.job)
                        except (BrokenPipeError, OSError):
                            pass  # dead already: found below through its sentinel
                self._wait(queue, deaths, done)
        finally:
            self.close()

    def _wait(self, queue: deque[tuple[int, J]], deaths: dict[int, int], done: dict[int, R]) -> None:
        busy = [w for w in self.workers if w.job is not None]
        timeout = None
        if self.seconds is not None and busy:
            timeout = max(0.0, min(w.started for w in busy) + self.seconds - time.monotonic())
        ready = set(wait([w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers], timeout))
        now = time.monotonic()
        for w in list(self.workers):
            if w.conn in ready:
                try:
                    answer = w.conn.recv()
                except (EOFError, OSError):
                    pass  # died mid-answer: handled as a death below
                else:
                    if w.job is not None:
                        done[w.job[0]] = answer
                    w.job = None
                    continue
            if w.proc.sentinel in ready or w.conn in ready or not w.proc.is_alive():
                w.proc.join(5)
                if w.job is not None:
                    index, item = w.job
                    deaths[index] = deaths.get(index, 0) + 1
                    if deaths[index] > RERUNS:
                        done[index] = self.on_death(item, w.proc.exitcode)
                    else:
                        queue.appendleft(w.job)
                    w.job = None
                self._retire(w)
            elif w.job is not None and self.seconds is not None and now - w.started > self.seconds:
                index, item = w.job
                w.job = None
                self._retire(w)
                done[index] = self.on_timeout(item)
