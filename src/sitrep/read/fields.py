"""Metadata values as they arrive from manifests, tables and feeds, made typed; and the
last check of every Article a reader gives, whatever it read: strings that UTF-8 can hold,
and text that is text."""
from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any

import dateparser

from sitrep.read.errors import ReadError
from sitrep.read.prose import text_problem
from sitrep.records import Article

ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "language")
TEXT_COLUMNS = ("text", "body", "content", "article", "doctext")
UNZONED = {"RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["timestamp", "absolute-time"]}
"""A publication date is absolute ("19 Nov 2019 07:09 GMT"): dateparser's parser of
relative dates, and its search of every locale, cost a quarter of a second a date."""
MAX_DATE_CHARS = 100
"""Longer is no date; dateparser would take its time over it."""
MAX_METADATA_DEPTH = 20
"""Deeper metadata is refused: JSON encoders recurse, and would fail when it is stored."""
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SCRUBBED_FIELDS = ("id", "text", "url", "outlet", "title", "language", "source_path", "metadata")


def parse_published(value: Any) -> datetime | None:
    """A date or date-time in any common spelling; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if len(text) > MAX_DATE_CHARS:
        return None
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


class TooDeep(Exception):
    pass


def sound(article: Article | ReadError) -> Article | ReadError:
    """The article with every lone surrogate (a JSON "\\ud800", a file name in no encoding)
    replaced by U+FFFD, since UTF-8 cannot hold them and DuckDB, JSON output and spaCy
    fail on them; or an error when its text is not text, or its metadata is nested too
    deeply to store. Errors pass as they are."""
    if isinstance(article, ReadError):
        return article
    source = article.source_path or article.id
    try:
        fields = {name: _scrubbed(getattr(article, name), 0) for name in SCRUBBED_FIELDS}
    except TooDeep:
        return ReadError(source, f"metadata nested over {MAX_METADATA_DEPTH} levels deep")
    problem = text_problem(fields["text"])
    if problem:
        return ReadError(fields["source_path"] or fields["id"], problem)
    return dataclasses.replace(article, **fields, raw_hash=article.raw_hash if fields["text"] == article.text else "")


def _scrubbed(value: Any, depth: int) -> Any:
    if depth > MAX_METADATA_DEPTH:
        raise TooDeep
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_scrubbed(k, depth + 1): _scrubbed(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v, depth + 1) for v in value]
    return value
