"""Web archives (.warc, .warc.gz) → one Article per archived HTML page, read as a stream
(warcio), so a crawl of many gigabytes is read in constant memory. The capture time
stands in for the publication date when the page gives none. Records carrying digests
are checked against them, so a truncated archive is reported, not silently shortened."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from sitrep.read.errors import ReadError
from sitrep.read.fields import parse_published
from sitrep.read.html import MAX_PAGE_BYTES, page_article
from sitrep.records import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, extractor: str = "precise") -> Iterator[Article | ReadError]:
    records = 0
    try:
        with path.open("rb") as stream:
            for index, record in enumerate(ArchiveIterator(stream, check_digests="raise"), 1):
                records = index
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if record.http_headers.get_statuscode() != "200" or not content_type.startswith(HTML_TYPES):
                    continue
                yield _page(record, path, index, extractor)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield ReadError(str(path), f"web archive unreadable after record {records} ({type(exc).__name__}: {exc})")
        return
    if records == 0:
        yield ReadError(str(path), "no web archive records (empty or truncated file)")


def _page(record: ArcWarcRecord, path: Path, index: int, extractor: str) -> Article | ReadError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{index} {url}"
    payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(payload) > MAX_PAGE_BYTES:
        return ReadError(source, f"page is over the {MAX_PAGE_BYTES:,}-byte limit")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return ReadError(source, "record is truncated (the archive ends inside it)")
    meta = {"id": f"{path.name.split('.')[0]}-{hashlib.sha1((url or str(index)).encode('utf-8')).hexdigest()[:12]}", "url": url}
    article = page_article(payload, source, meta, extractor)
    if isinstance(article, Article) and article.published is None:
        article.published = parse_published(record.rec_headers.get_header("WARC-Date"))
        article.metadata["published_from"] = "capture date"
    return article
