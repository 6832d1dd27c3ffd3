"""The bytes of a source: a path, bytes or a binary stream, read within the size limit.

Only a regular file is read from a path: devices, FIFOs and sockets are refused before
opening (``/dev/zero`` never ends, a FIFO without a writer blocks forever).
"""
from __future__ import annotations

import errno as errnos
import os
import stat
from pathlib import Path
from typing import BinaryIO, Callable, Union

from ..errors import ResourceLimitError, UnreadableInputError

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def read_source(source: Source, name: str | None, max_bytes: int) -> tuple[bytes, str, str | None]:
    """The bytes of ``source``, the label that names it in messages, and its path (if a file)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise ResourceLimitError(name or "<bytes>", "too_large", size=len(data), limit=max_bytes)
        return data, name or "<bytes>", None
    if isinstance(source, (str, os.PathLike)):
        return _read_path(source, name, max_bytes)
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
    label = name or display_name(getattr(source, "name", "<stream>"))
    return _read_stream(read, label, max_bytes), label, None


def display_name(name: object) -> str:
    """A path as text, whatever its bytes (undecodable bytes kept as surrogate escapes)."""
    if isinstance(name, bytes):
        return os.fsdecode(name)
    return str(name)


def display_path(path: str | None) -> str | None:
    """A file name fit for any text output: bytes that are not UTF-8 (a name unpacked from a
    Windows zip, kept by Python as surrogates) become ``\\xNN`` escapes instead of a crash."""
    if path is None:
        return None
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _cannot_open(label: str, e: OSError) -> UnreadableInputError:
    code = errnos.errorcode.get(e.errno or 0, str(e.errno))
    return UnreadableInputError(label, "cannot_open", errno=code, detail=e.strerror or str(e))


def _read_path(source: "str | os.PathLike[str]", name: str | None, max_bytes: int) -> tuple[bytes, str, str]:
    path = Path(os.fsdecode(os.fspath(source)))
    label = name or str(path)
    if "\0" in str(path):
        raise UnreadableInputError(label.replace("\0", "\\0"), "nul_in_path")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UnreadableInputError(label, "no_such_file") from None
    except OSError as e:
        raise _cannot_open(label, e) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInputError(label, "is_directory")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInputError(label, "not_regular", kind=_kind(st.st_mode))
    if st.st_size > max_bytes:
        raise ResourceLimitError(label, "too_large", size=st.st_size, limit=max_bytes)
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open() still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise _cannot_open(label, e) from None
    with open(fd, "rb", closefd=True) as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableInputError(label, "not_regular", kind="special")
        return _read_stream(f.read, label, max_bytes), label, str(path)


def _kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "char_device"), (stat.S_ISBLK, "block_device")):
        if test(mode):
            return what
    return "special"


def _read_stream(read: Callable[[int], object], label: str, max_bytes: int) -> bytes:
    """Read to end of file in a loop (pipes and sockets return short reads), never past
    ``max_bytes`` + 1."""
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = read(min(1 << 20, max_bytes + 1 - size))
        except OSError as e:
            raise _cannot_open(label, e) from None
        if chunk is None:
            raise UnreadableInputError(label, "stream_not_ready")
        if isinstance(chunk, str):
            raise TypeError("parse() needs a binary file object (open the file with 'rb')")
        if not isinstance(chunk, (bytes, bytearray, memoryview)):
            raise UnreadableInputError(label, "stream_not_bytes", type=type(chunk).__name__)
        if not chunk:
            break
        chunks.append(bytes(chunk))
        size += len(chunk)
        if size > max_bytes:
            raise ResourceLimitError(label, "too_large", size=size, limit=max_bytes)
    return b"".join(chunks)
