"""RSS and Atom feeds → one Article per item: the item's date is the publication date, the
feed's title the outlet, the item's full content (content:encoded, Atom content) its text
when present, else its summary. A feed's content is the story itself, with no site
around it, so its markup is only turned into paragraphs."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any

import feedparser

from sitrep.read.errors import ReadError, attempt
from sitrep.read.fields import article_from_row
from sitrep.read.files import open_input, read_input
from sitrep.read.html import MAX_PAGE_BYTES, fragment_text
from sitrep.records import Article

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FEED_SNIFF_BYTES = 2048


def is_feed(path: Path) -> bool:
    """.rss and .atom always; .xml when its opening bytes say it is one, or when it cannot be
    read, so that its reader says why."""
    name = path.name.lower()
    if name.endswith((".rss", ".atom")):
        return True
    if not name.endswith(".xml"):
        return False
    handle = open_input(path)
    if isinstance(handle, ReadError):
        return True
    try:
        with handle:
            head = handle.read(FEED_SNIFF_BYTES).lower()
    except OSError:
        return True
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(path: Path) -> Iterator[Article | ReadError]:
    data = read_input(path, MAX_PAGE_BYTES, "feed")
    if isinstance(data, ReadError):
        yield data
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f"not a readable feed ({feed.bozo_exception})" if feed.bozo else "feed has no items"
        yield ReadError(str(path), problem)
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries, 1):
        yield attempt(f"{path}#{index}", partial(_item_article, entry, outlet, path, index))


def _item_article(entry: Any, outlet: str | None, path: Path, index: int) -> Article | ReadError:
    source = f"{path}#{index}"
    key = entry.get("id") or entry.get("link") or f"{entry.get('title')}|{index}"
    content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    meta = {
        "id": f"{path.name.split('.')[0]}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}",
        "url": entry.get("link"),
        "title": entry.get("title"),
        "outlet": outlet,
        "published": _item_date(entry),
    }
    text = fragment_text(content)
    if not text:
        return ReadError(source, "feed item has no text")
    return article_from_row(meta, text, source)


def _item_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat() if parsed else None
