"""Metadata values as they arrive from manifests, tables and feeds, made typed."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import dateparser

ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "language")
TEXT_COLUMNS = ("text", "body", "content", "article", "doctext")


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
        return dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})


def clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
