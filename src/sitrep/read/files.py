"""Input files opened safely, for every reader: only regular files are read (a FIFO would
block for ever, /dev/zero never ends, a device or a socket is no article), and never more
bytes than a limit, whatever the file system says of their size (a symlink to /dev/zero
reports 0 bytes). Text files say their encoding by a byte-order mark, else are UTF-8."""
from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.read.errors import ReadError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""UTF-32's little-endian mark begins with UTF-16's, so it is tried first."""
KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""What errors="surrogateescape" makes of a byte that is not UTF-8."""
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
"""Opening a FIFO without O_NONBLOCK waits for a writer; the flags that a system lacks are 0."""


def open_input(path: Path) -> BinaryIO | ReadError:
    """The file opened for reading, or why not. What is not a regular file once symlinks
    are followed is refused before it is opened; it is opened without blocking and checked
    again, in case it was swapped for a FIFO in between."""
    try:
        refusal = _refusal(path, path.stat().st_mode)
        if refusal:
            return refusal
        descriptor = os.open(path, OPEN_FLAGS)
        refusal = _refusal(path, os.fstat(descriptor).st_mode)
        if refusal:
            os.close(descriptor)
            return refusal
        return os.fdopen(descriptor, "rb")
    except OSError as exc:
        return unreadable(path, exc)


def read_input(path: Path, limit: int, what: str = "file") -> bytes | ReadError:
    """At most `limit` bytes: one more is read to tell a file at the limit from one over it."""
    handle = open_input(path)
    if isinstance(handle, ReadError):
        return handle
    try:
        with handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return unreadable(path, exc)
    if len(data) > limit:
        return ReadError(str(path), f"{what} is over the {limit:,}-byte limit")
    return data


def unreadable(path: Path | str, exc: OSError) -> ReadError:
    return ReadError(str(path), f"cannot read it ({exc.strerror or exc})")


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `head` announces."""
    return next((encoding for bom, encoding in BOMS if head.startswith(bom)), None)


def text_lines(handle: BinaryIO, limit: int) -> Iterator[str | None]:
    """The lines of a text file, each with its line end, in the encoding its byte-order mark
    names, else UTF-8. A line longer than `limit` characters is skipped and given as None,
    so one endless line costs no more memory than the limit. Bytes that are not UTF-8
    arrive as ESCAPED_BYTE characters, for the caller to report by line
    (`undecodable`); a UTF-16 or UTF-32 file that breaks its encoding raises
    UnicodeDecodeError."""
    encoding = bom_encoding(handle.read(4)) or "utf-8"
    handle.seek(0)
    text = io.TextIOWrapper(handle, encoding=encoding, errors="surrogateescape" if encoding.startswith("utf-8") else "strict", newline="")
    while line := text.readline(limit + 1):
        if len(line) <= limit or line.endswith(("\n", "\r")):
            yield line
            continue
        while (rest := text.readline(limit)) and not rest.endswith(("\n", "\r")):
            pass
        yield None


def undecodable(text: str) -> str | None:
    """Why a line read by `text_lines` is not UTF-8, or None when it is."""
    escaped = ESCAPED_BYTE.search(text)
    if escaped is None:
        return None
    return f"not UTF-8 text (byte 0x{ord(escaped[0]) - 0xDC00:02x} at character {escaped.start() + 1})"


def _refusal(path: Path, mode: int) -> ReadError | None:
    kind = next((name for test, name in KINDS if test(mode)), None if stat.S_ISREG(mode) else "an unknown kind of file")
    if kind is None:
        return None
    target = f": {os.path.realpath(path)}" if path.is_symlink() else ""
    return ReadError(str(path), f"not a regular file ({kind}{target}); only files are read")
