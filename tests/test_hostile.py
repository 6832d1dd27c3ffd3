"""Hostile and broken input ends in a typed error or a report with findings, fast,
without memory blowing up; nothing is fetched and no entity is expanded."""
from __future__ import annotations

import io
import time

import pytest

from gipextract import GipExtractError, InternalError, Limits, ResourceLimitError, UnreadableInputError, parse
from gipextract.report import Report
from hostile import HOSTILE
from test_messages import english

# Per input: wall time allowed and what may come out.
TIME_LIMIT = 20.0
MEMORY_LIMIT_MB = 1024  # peak resident size of the process reading one input, input included
EXPECT: dict[str, type] = {
    "zip_bomb.docx": ResourceLimitError,
    "big_50MB.txt": ResourceLimitError,
    "cells_100k.html": ResourceLimitError,
    "encrypted.pdf": UnreadableInputError,
    "image_only.pdf": UnreadableInputError,
    "billion_laughs.docx": UnreadableInputError,
    "tables_100x1000.docx": ResourceLimitError,  # the cell limit is per document
    "empty_elements_60MB.docx": ResourceLimitError,
    "lines_200k.pdf": ResourceLimitError,
    # Read whole, not truncated or refused: these hold a real report.
    "data_image_11MB.html": Report,
    "extra_labels_20k.txt": Report,
    "number_5000_digits.txt": Report,
    "prose_5000_digits.txt": Report,
    "amount_40_digits.txt": Report,
}

# Each input is read in its own process, so that its peak memory is its own.
CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests", sys.argv[1] + "/corpus/tools"]
import hostile
from gipextract import GipExtractError, Limits, parse
from gipextract.report import Report
name = sys.argv[2]
data = hostile.HOSTILE[name]()
t = time.monotonic()
out = {}
try:
    r = parse(data, name=name, limits=Limits(max_seconds=float(sys.argv[3])))
    out["type"] = "Report"
    out["undetermined_without_findings"] = not r.findings and any(c.status not in ("ok", "empty") for c in r.cells)
    out["messages"] = [f.message for f in r.findings]
except GipExtractError as e:
    out.update(type=type(e).__name__, source=e.source, reason=e.reason)
out["seconds"] = time.monotonic() - t
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_ends_cleanly(name: str) -> None:
    import json
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), name, str(TIME_LIMIT)], capture_output=True,
                          text=True, timeout=TIME_LIMIT * 6)
    assert proc.returncode == 0, proc.stderr[-2000:]  # a raw exception would end the child with a traceback
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["seconds"] < TIME_LIMIT + 5, out
    assert out["peak_mb"] < MEMORY_LIMIT_MB, out
    # Under the default language, nothing a person reads is an English sentence.
    assert not [m for m in [out.get("reason", "")] + out.get("messages", []) if english(m)], out
    if out["type"] != "Report":
        assert out["source"] == name and out["reason"]
    else:
        # A damaged report still says what it could not read.
        assert not out["undetermined_without_findings"], out
    if name in EXPECT:
        assert out["type"] == EXPECT[name].__name__, out


def test_external_entities_are_never_resolved() -> None:
    for name in ("external_entity.docx", "external_entity.xhtml"):
        try:
            doc_text = repr(parse(HOSTILE[name](), name=name).to_dict())
        except GipExtractError as e:
            doc_text = str(e)
        assert "root:" not in doc_text  # /etc/passwd never read


def test_time_limit_is_its_own_error() -> None:
    with pytest.raises(ResourceLimitError, match="max_seconds"):
        parse(HOSTILE["big_50MB.txt"]()[:2_000_000], name="slow.txt", limits=Limits(max_seconds=0.0))


def test_limits_are_settable() -> None:
    from conftest import CORPUS

    with pytest.raises(ResourceLimitError, match="max_pages"):
        parse(sorted((CORPUS / "pdf").glob("*.pdf"))[0], limits=Limits(max_pages=1))
    with pytest.raises(ResourceLimitError, match="max_bytes"):
        parse(CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt", limits=Limits(max_bytes=100))


@pytest.mark.parametrize("cls", [GipExtractError, UnreadableInputError, ResourceLimitError,
                                 *GipExtractError.__subclasses__()])
def test_errors_pickle_and_compare_equal(cls: type) -> None:
    import pickle

    for source in ("报告.txt", None):
        err = cls(source, "internal", stage="read", type="KeyError", detail="原因 reason")
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is cls and back == err and str(back) == str(err)
        assert (back.source, back.code, back.params) == (source, "internal", err.params)
        assert "KeyError" in back.reason and "原因 reason" in back.message("en")
    assert cls("a", "empty") != cls("a", "no_such_file")


def test_errors_cross_a_process_pool() -> None:
    from concurrent.futures import ProcessPoolExecutor

    from gipextract import NoReportFoundError

    with ProcessPoolExecutor(1) as pool:  # before: BrokenProcessPool on the first bad file
        with pytest.raises(NoReportFoundError) as info:
            pool.submit(parse, b"hello, no report here", name="x.txt").result(timeout=60)
    assert info.value.source == "x.txt"


# Sources that are not regular files are refused before opening: /dev/zero would be read
# until memory ran out, /dev/urandom never ends, a FIFO without a writer blocks forever.
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    import os

    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    t = time.monotonic()
    with pytest.raises(UnreadableInputError, match="character device") as info:
        parse(device)
    assert time.monotonic() - t < 1 and info.value.source == device


def test_fifo_and_socket_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import socket

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInputError, match="FIFO"):
        parse(fifo)  # no writer: opening it would block forever
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock_path))
        with pytest.raises(UnreadableInputError, match="socket"):
            parse(sock_path)


def test_nul_in_path_is_our_error() -> None:
    with pytest.raises(UnreadableInputError, match="NUL"):
        parse("report\0.txt")


class _Trickle(io.RawIOBase):
    """A pipe-like stream: every read returns at most 5 bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        chunk, self.data = self.data[:5], self.data[5:]
        return chunk


def test_short_reads_are_read_to_the_end() -> None:
    from conftest import CORPUS

    data = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_bytes()
    assert parse(_Trickle(data), name="pipe") == parse(data, name="pipe")
    with pytest.raises(ResourceLimitError, match="max_bytes"):
        parse(_Trickle(data), name="pipe", limits=Limits(max_bytes=len(data) - 1))


def test_non_blocking_stream_without_data_is_our_error() -> None:
    class NonBlocking:
        def read(self, n: int = -1) -> None:
            return None

    with pytest.raises(UnreadableInputError, match="非阻塞"):
        parse(NonBlocking(), name="nb")  # type: ignore[arg-type]


def _seed_with(old: str, new: str) -> bytes:
    from conftest import CORPUS

    text = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_text("utf-8")
    assert old in text
    return text.replace(old, new, 1).encode()


def test_numbers_of_any_length_are_read_or_refused() -> None:
    # Before: int() refused 5,000 digits with a raw ValueError; Decimal raised InvalidOperation.
    huge = parse(_seed_with("本年新收政府信息公开申请数量\n\t5\n", "本年新收政府信息公开申请数量\n\t" + "7" * 5000 + "\n"),
                 name="huge.txt")
    cell = huge.cell("requests", "new_received", "natural_person")
    assert cell.status != "ok" and any(cell.ref in f.cells for f in huge.findings)
    prose = parse(_seed_with("一、总体情况\n", "一、总体情况\n本年度共收到政府信息公开申请" + "8" * 5000 + "件。\n"), name="prose.txt")
    assert prose.cell("requests", "new_received", "total").value == 5  # the table still read


def test_long_amounts_convert_exactly_or_not_at_all() -> None:
    from decimal import Decimal

    from gipextract.place.values import Number, convert

    # 40 digits of 元 is exactly 36 digits and 4 decimals of 万元: nothing rounded.
    assert convert(Number("9" * 40, "元"), "amount") == Decimal("9" * 36 + ".9999")
    assert convert(Number("9" * 5000 + ".5", "元"), "amount") is None
    assert convert(Number("120000", "元"), "amount") == Decimal(12)
    report = parse(_seed_with("行政事业性收费\n\t0\n", "行政事业性收费\n\t" + "9" * 40 + "元\n"), name="fee.txt")
    assert report.cell("proactive", "fees", "amount").value == Decimal("9" * 36 + ".9999")


def test_a_raw_exception_in_a_stage_names_file_and_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from gipextract import api

    def broken(*a: object) -> None:
        raise KeyError("boom")

    data = _seed_with("一、", "一、")
    for stage, attr in (("place", "place"), ("metadata", "describe"), ("checks", "check")):
        with monkeypatch.context() as m:
            m.setattr(api, attr, broken)
            with pytest.raises(InternalError) as info:
                parse(data, name="s.txt")
            assert info.value.source == "s.txt" and info.value.params["stage"] == stage
            assert info.value.params["type"] == "KeyError" and "KeyError" in info.value.reason


# --- Batches: hard limits in worker processes, nothing lost, nothing left running ---

def _slow_parse(delay: float, hang: str = "hang"):  # type: ignore[no-untyped-def]
    """A stand-in for parse (inherited by forked workers): sleeps, hangs on names containing
    ``hang``, allocates without end on names containing ``hog``."""
    real = parse

    def fake(path, **kw):  # type: ignore[no-untyped-def]
        import os as _os
        import time as _t

        name = _os.path.basename(str(path))
        if hang in name:
            while True:
                _t.sleep(1)  # stands for a C call no in-process check can interrupt
        if "hog" in name:
            hoard = []
            while True:
                hoard.append(bytearray(64 * 1024 * 1024))
        _t.sleep(delay)
        return real(path, **kw)
    return fake


def _files(tmp_path, names):  # type: ignore[no-untyped-def]
    from conftest import CORPUS

    data = (CORPUS / "seeds" / "001_91b930a4292c284b.txt").read_bytes()
    out = []
    for n in names:
        (tmp_path / n).write_bytes(data)
        out.append(str(tmp_path / n))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_a_killed_worker_costs_nothing_and_order_holds(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing
    import os
    import signal

    from gipextract import batch

    monkeypatch.setattr(batch, "parse", _slow_parse(0.15))
    files = _files(tmp_path, [f"{i:02d}.txt" for i in range(10)])
    results = batch.parse_many(files, jobs=2)
    got = [next(results)]
    victims = [p.pid for p in multiprocessing.active_children() if p.name == "gipextract-worker"]
    assert len(victims) == 2
    os.kill(victims[0], signal.SIGKILL)  # as the OOM killer would
    got += list(results)
    assert [r.path for r in got] == files  # exactly one result per input, in input order
    assert all(r.ok for r in got)  # the killed worker's document was re-run
    assert not any(_alive(p) for p in victims)


def test_closing_the_generator_leaves_no_worker(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    from gipextract import batch

    monkeypatch.setattr(batch, "parse", _slow_parse(0.3))
    results = batch.parse_many(_files(tmp_path, [f"{i}.txt" for i in range(6)]), jobs=2)
    next(results)
    pids = [p.pid for p in multiprocessing.active_children() if p.name == "gipextract-worker"]
    assert pids
    results.close()
    assert not any(_alive(p) for p in pids)
    assert not [p for p in multiprocessing.active_children() if p.name == "gipextract-worker"]


def test_a_hanging_document_is_stopped_at_the_hard_limit(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gipextract import batch

    monkeypatch.setattr(batch, "parse", _slow_parse(0.0))
    files = _files(tmp_path, ["a.txt", "hang.txt", "b.txt"])
    t = time.monotonic()
    got = list(batch.parse_many(files, jobs=1, limits=Limits(max_seconds=0.5), grace=0.5))
    assert time.monotonic() - t < 15
    assert [r.path for r in got] == files
    assert got[0].ok and got[2].ok
    assert got[1].error_type == "ResourceLimitError" and got[1].error.code == "worker_timeout"
    assert "max_seconds" in got[1].error.reason


def test_a_document_over_the_memory_cap_is_its_own_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gipextract import batch

    monkeypatch.setattr(batch, "parse", _slow_parse(0.0))
    files = _files(tmp_path, ["a.txt", "hog.txt", "b.txt"])
    got = list(batch.parse_many(files, jobs=2, memory=512 * 1024 * 1024))
    assert [r.path for r in got] == files and got[0].ok and got[2].ok
    assert got[1].error_type == "ResourceLimitError" and got[1].error.code in ("worker_memory", "out_of_memory")


def test_special_files_in_a_folder_are_error_results(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from gipextract.batch import parse_many

    _files(tmp_path, ["a.txt"])
    os.mkfifo(tmp_path / "b.txt")  # no writer: opening it would block the batch forever
    named = os.fsdecode(os.fsencode(str(tmp_path)) + b"/" + "报告".encode("gbk") + b".txt")
    _files(tmp_path, [os.path.basename(named)])
    t = time.monotonic()
    got = list(parse_many([tmp_path, "/dev/zero"], jobs=1))
    assert time.monotonic() - t < 20
    assert [os.path.basename(r.path) for r in got] == ["a.txt", "b.txt", os.path.basename(named), "zero"]
    assert got[0].ok and got[2].ok
    assert got[1].error.params["kind"] == "fifo" and got[3].error.params["kind"] == "char_device"
    assert "FIFO" in got[1].error.reason and "character device" in got[3].error.reason
    assert got[2].display_path.endswith("\\xb1\\xa8\\xb8\\xe6.txt")  # GBK bytes of 报告, escaped
    assert got[2].display_path.encode("utf-8")  # always encodable


SIGTERM_SCRIPT = r"""
import contextlib, multiprocessing, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests", sys.argv[1] + "/corpus/tools"]
from gipextract import batch
import test_hostile
batch.parse = test_hostile._slow_parse(0.0)
try:
    with batch.stop_on_signals(), contextlib.closing(batch.parse_many(sys.argv[2:], jobs=2)) as results:
        for r in results:
            print("result", r.path, flush=True)
            pids = [p.pid for p in multiprocessing.active_children() if p.name == "gipextract-worker"]
            print("workers", *pids, flush=True)
except batch.Interrupted as e:
    print("interrupted", e.exit_code, flush=True)
    sys.exit(e.exit_code)
"""


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_run_and_every_worker(tmp_path, signame: str) -> None:  # type: ignore[no-untyped-def]
    import signal
    import subprocess
    import sys

    from conftest import ROOT

    files = _files(tmp_path, ["a.txt", "hang1.txt", "hang2.txt", "b.txt"])
    proc = subprocess.Popen([sys.executable, "-c", SIGTERM_SCRIPT, str(ROOT), *files], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("result")
    pids = [int(x) for x in proc.stdout.readline().split()[1:]]
    assert len(pids) == 2 and all(_alive(p) for p in pids)
    proc.send_signal(getattr(signal, signame))
    rest = proc.stdout.read()
    code = proc.wait(20)
    assert code == 128 + getattr(signal, signame) and "interrupted" in rest
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids)


def test_list_numerals_are_computed() -> None:
    from gipextract.read.docx import _format

    # Hand-written: 14 = xiv, 1994 = MCMXCIV, 3999 = mmmcmxcix; past 3999 Word-style Arabic.
    assert [_format(n, "lowerRoman") for n in (1, 4, 14, 3999)] == ["i", "iv", "xiv", "mmmcmxcix"]
    assert _format(1994, "upperRoman") == "MCMXCIV"
    t = time.monotonic()
    assert _format(1_000_000_000, "lowerRoman") == "1000000000"  # was built ten at a time
    assert time.monotonic() - t < 0.1
