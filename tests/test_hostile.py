"""Hostile and broken input ends in a typed error or a report with findings, fast,
without memory blowing up; nothing is fetched and no entity is expanded."""
from __future__ import annotations

import io
import resource
import time

import pytest

from gipextract import GipExtractError, Limits, ResourceLimitError, UnreadableInputError, parse
from gipextract.report import Report
from hostile import HOSTILE

# Per input: wall time allowed and what may come out.
TIME_LIMIT = 20.0
EXPECT: dict[str, type] = {
    "zip_bomb.docx": ResourceLimitError,
    "big_50MB.txt": ResourceLimitError,
    "cells_100k.html": ResourceLimitError,
    "encrypted.pdf": UnreadableInputError,
    "image_only.pdf": UnreadableInputError,
    "billion_laughs.docx": UnreadableInputError,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_ends_cleanly(name: str) -> None:
    data = HOSTILE[name]()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.monotonic()
    try:
        result: object = parse(data, name=name, limits=Limits(max_seconds=TIME_LIMIT))
    except GipExtractError as e:
        result = e
        assert e.source == name and e.reason
    elapsed = time.monotonic() - t
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert isinstance(result, (Report, GipExtractError))
    assert elapsed < TIME_LIMIT + 5, elapsed
    assert grown_mb < 1024, grown_mb  # ru_maxrss only grows: this catches a blow-up
    if name in EXPECT:
        assert isinstance(result, EXPECT[name]), result
    if isinstance(result, Report):
        # A damaged report still says what it could not read.
        assert result.findings or all(c.status in ("ok", "empty") for c in result.cells)


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
        err = cls(source, "原因 reason")
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is cls and back == err and str(back) == str(err)
        assert (back.source, back.reason) == (source, "原因 reason")
    assert cls("a", "x") != cls("a", "y")


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

    with pytest.raises(UnreadableInputError, match="non-blocking"):
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
    prose = parse(_seed_with("一、", "一、本年度共收到政府信息公开申请" + "8" * 5000 + "件。\n"), name="prose.txt")
    assert prose.cell("requests", "new_received", "total").value == 5  # the table still read


def test_long_amounts_convert_exactly_or_not_at_all() -> None:
    from decimal import Decimal

    from gipextract.values import Number, convert

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
    for stage, attr in (("read_tables", "read_tables"), ("build", "build"), ("prose_findings", "prose_findings"),
                        ("metadata", "extract_info")):
        with monkeypatch.context() as m:
            m.setattr(api, attr, broken)
            with pytest.raises(UnreadableInputError, match=stage) as info:
                parse(data, name="s.txt")
            assert info.value.source == "s.txt" and "KeyError" in info.value.reason
