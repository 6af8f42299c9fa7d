"""Plain-text files: UTF-8, else a legacy encoding detected, else an error naming the file
rather than garbled text."""
from __future__ import annotations

from pathlib import Path

import charset_normalizer

from sitrep.read.errors import ReadError

MAX_BYTES = 50 * 1024 * 1024
WESTERN_CODE_PAGES = ("cp1252", "cp1250", "latin_1", "iso8859_15")


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
        guessed = _legacy_decode(data)
        if guessed is None:
            return ReadError(source, f"neither UTF-8 nor a recognisable legacy encoding (byte 0x{data[exc.start]:02x} at offset {exc.start})")
        text = guessed
    if not text.strip():
        return ReadError(source, "empty file (only blank characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _legacy_decode(data: bytes) -> str | None:
    """Text saved in a legacy code page (Windows-1252, -1251, ...), as charset-normalizer
    judges it; a Western code page wins when it is among the plausible ones, since short
    English texts fit many ("Café" reads as well in Urdu's cp1006)."""
    matches = [match.encoding for match in charset_normalizer.from_bytes(data)]
    encoding = next((e for e in WESTERN_CODE_PAGES if e in matches), matches[0] if matches else None)
    return data.decode(encoding) if encoding else None
