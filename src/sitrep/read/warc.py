"""Web archives (.warc, .warc.gz) → one Article per archived HTML page, read as a stream
(warcio), so a crawl of many gigabytes is read in constant memory. The capture time
stands in for the publication date when the page gives none.

Damage is reported, never read as the end of the archive: a record header without the
fields every WARC record has, a record the file ends inside (in its header or its
body), a record whose Content-Length is wrong, a digest that does not match, a file that
is no web archive at all. The pages of the whole records before the damage are kept."""
from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from warcio.archiveiterator import WARCIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.utils import BUFF_SIZE

from sitrep.read.errors import ReadError, attempt, brief
from sitrep.read.fields import parse_published
from sitrep.read.files import open_input
from sitrep.read.html import MAX_PAGE_BYTES, page_article
from sitrep.records import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
REQUIRED_HEADERS = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")
"""The fields the WARC standard requires of every record."""
MAX_HEADER_BYTES = 1024 * 1024
"""Header lines (WARC and HTTP) read for one record; real ones take a few kilobytes."""


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, extractor: str = "precise") -> Iterator[Article | ReadError]:
    stream = open_input(path)
    if isinstance(stream, ReadError):
        yield stream
        return
    whole = 0  # records read to their end
    with stream:
        archive = _Archive(stream)
        try:
            for record in archive:
                archive.reader.budget = MAX_HEADER_BYTES
                source = f"{path}#{whole + 1}"
                damage = _damage(record)
                payload = record.content_stream().read(MAX_PAGE_BYTES + 1) if not damage and _is_page(record) else None
                if not damage:
                    archive.read_to_end()
                    damage = _cut(record, archive)
                if damage:
                    yield ReadError(source, f"{damage}; the rest of the archive is not read")
                    return
                whole += 1
                if payload is not None:
                    yield attempt(source, partial(_page, record, payload, path, whole, extractor))
        except Exception as exc:  # warcio fails on damaged archives in many ways (ArchiveLoadFailed, AttributeError...)
            if whole == 0:
                yield ReadError(str(path), f"not a web archive, or damaged from its start ({brief(exc)})")
            else:
                yield ReadError(f"{path}#{whole + 1}", f"record damaged or cut short ({brief(exc)}); the rest of the archive is not read")
            return
        ends_whole = archive.offset >= os.fstat(stream.fileno()).st_size
    if whole == 0:
        yield ReadError(str(path), "no web archive records (empty or truncated file)")
    elif not ends_whole:
        yield ReadError(f"{path}#{whole + 1}", "record is truncated (the archive ends inside its header)")


def _is_page(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and content_type.startswith(HTML_TYPES)


def _damage(record: ArcWarcRecord) -> str | None:
    """What is wrong with a record's header."""
    missing = [name for name in REQUIRED_HEADERS if not record.rec_headers.get_header(name)]
    if missing:
        return f"damaged record header (no {', '.join(missing)})"
    length = record.rec_headers.get_header("Content-Length").strip()
    return None if length.isdigit() else f"damaged record header (Content-Length {length[:40]!r})"


def _cut(record: ArcWarcRecord, archive: _Archive) -> str | None:
    """Read to its end, is the record whole?"""
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "record is truncated (the archive ends inside it)"
    if archive.err_count:
        return "record does not end where its Content-Length says (a damaged archive)"
    return None


def _page(record: ArcWarcRecord, payload: bytes, path: Path, index: int, extractor: str) -> Article | ReadError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{index} {url}"
    if len(payload) > MAX_PAGE_BYTES:
        return ReadError(source, f"page is over the {MAX_PAGE_BYTES:,}-byte limit")
    key = (url or str(index)).encode("utf-8", "surrogatepass")
    meta = {"id": f"{path.name.split('.')[0]}-{hashlib.sha1(key).hexdigest()[:12]}", "url": url}
    article = page_article(payload, source, meta, extractor)
    if isinstance(article, Article) and article.published is None:
        article.published = parse_published(record.rec_headers.get_header("WARC-Date"))
        article.metadata["published_from"] = "capture date"
    return article


class _Stream(DecompressingBufferedReader):
    """warcio's reader with two habits changed for hostile archives. It reads a header line
    whole however long it is, and keeps every header: a small gzip bomb of one endless
    line, or of endless short ones, would take all memory; so header lines draw on a
    budget the reader renews at each record. And it reports damaged compressed data on
    stderr, then reads it as the end of the file: it is raised instead, to become an
    error line."""

    budget = MAX_HEADER_BYTES

    def readline(self, length: int | None = None) -> bytes:
        line = super().readline(self.budget + 1 if length is None else min(length, self.budget + 1))
        self.budget -= len(line)
        if self.budget < 0:
            raise ArchiveLoadFailed(f"record headers over {MAX_HEADER_BYTES:,} bytes")
        return line

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is None or not data or self.num_block_read == 0:
            return super()._decompress(data)
        try:
            return self.decompressor.decompress(data)
        except zlib.error as exc:
            raise ArchiveLoadFailed(f"damaged compressed data ({exc})") from exc


class _Archive(WARCIterator):
    """warcio's iterator of WARC records (not of the older ARC format, which it would make
    of any line with four spaces), reading through _Stream, and counting (err_count) rather
    than printing the records that do not end where their length says."""

    INC_RECORD = ""

    def __init__(self, stream: object) -> None:
        super().__init__(stream, check_digests="raise")
        self.reader = _Stream(self.fh, block_size=BUFF_SIZE)
