"""Plain-text files: the encoding a byte-order mark names, else UTF-8, else a legacy
encoding detected, else an error naming the file rather than garbled text. Whether the
characters are text at all is judged later, for every reader alike (prose.py)."""
from __future__ import annotations

from pathlib import Path

import charset_normalizer

from sitrep.read.errors import ReadError
from sitrep.read.files import bom_encoding, read_input

MAX_BYTES = 50 * 1024 * 1024
WESTERN_CODE_PAGES = ("cp1252", "cp1250", "latin_1", "iso8859_15")
MIN_GUESS_BYTES = 32
"""Fewer bytes fit too many code pages to tell which one was meant: random bytes that short
decode as some text or other."""


def read_text(path: Path) -> str | ReadError:
    data = read_input(path, MAX_BYTES)
    if isinstance(data, ReadError):
        return data
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> str | ReadError:
    if not data.strip():
        return ReadError(source, "empty file")
    marked = bom_encoding(data)
    try:
        if marked:
            text = data.decode(marked)
        elif b"\x00" in data[:8192]:
            return ReadError(source, "binary file (contains NUL bytes), not text")
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if marked:
            return ReadError(source, f"not {marked.upper().removesuffix('-SIG')} text, though its byte-order mark says so (offset {exc.start})")
        if len(data) < MIN_GUESS_BYTES:
            return ReadError(source, f"not UTF-8, and {len(data)} bytes are too few to tell a legacy encoding")
        guessed = _legacy_decode(data)
        if guessed is None:
            return ReadError(source, f"neither UTF-8 nor a recognisable legacy encoding (byte 0x{data[exc.start]:02x} at offset {exc.start})")
        text = guessed
    if not text.strip():
        return ReadError(source, "empty file (only blank characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _legacy_decode(data: bytes) -> str | None:
    """Text saved in a legacy code page (Windows-1252, -1251, GBK, ...), as charset-normalizer
    judges it; a Western code page wins when it is among the plausible ones, since short
    English texts fit many ("Café" reads as well in Urdu's cp1006). UTF-16 and UTF-32 are
    read only with a byte-order mark: guessed, they turn any even number of bytes into
    characters."""
    matches = [match.encoding for match in charset_normalizer.from_bytes(data) if not match.encoding.startswith("utf")]
    encoding = next((e for e in WESTERN_CODE_PAGES if e in matches), matches[0] if matches else None)
    return data.decode(encoding) if encoding else None
