"""Plain-text files: decoded strictly, so a wrong file is named rather than garbled."""
from __future__ import annotations

from pathlib import Path

from sitrep.read.errors import ReadError

MAX_BYTES = 50 * 1024 * 1024


def read_text(path: Path) -> str | ReadError:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadError(str(path), f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        return ReadError(str(path), exc.strerror or str(exc))
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> str | ReadError:
    if not data.strip():
        return ReadError(source, "empty file")
    if b"\x00" in data[:8192]:
        return ReadError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")
