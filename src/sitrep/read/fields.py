"""Metadata values as they arrive from manifests, tables and feeds, made typed."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import dateparser

from sitrep.read.errors import ReadError
from sitrep.records import Article

ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "language")
TEXT_COLUMNS = ("text", "body", "content", "article", "doctext")
UNZONED = {"RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["timestamp", "absolute-time"]}
"""A publication date is absolute ("19 Nov 2019 07:09 GMT"): dateparser's parser of
relative dates, and its search of every locale, cost a quarter of a second a date."""


def parse_published(value: Any) -> datetime | None:
    """A date or date-time in any common spelling; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return dateparser.parse(text, languages=["en"], settings=UNZONED) or dateparser.parse(text, settings=UNZONED)


def clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_row(row: dict[str, Any], text: str, source: str) -> Article | ReadError:
    published = parse_published(row.get("published"))
    if row.get("published") and published is None:
        return ReadError(source, f"unreadable published date {row.get('published')!r}")
    skipped = {*ARTICLE_FIELDS, *TEXT_COLUMNS, "path"}
    extra = {k: v for k, v in row.items() if k not in skipped and v not in (None, "")}
    return Article(
        id=str(row["id"]),
        text=text,
        url=clean_str(row.get("url")),
        outlet=clean_str(row.get("outlet")),
        title=clean_str(row.get("title")),
        published=published,
        language=clean_str(row.get("language")),
        source_path=source,
        metadata={k: v for k, v in extra.items() if not isinstance(v, str) or len(v) < 10_000},
    )
